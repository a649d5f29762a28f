// The LED screen (/screen/{communityId}): full screen, one item at a time in huge high-contrast text, read from
// across the street, landscape 1920×1080 or 1280×720 (sizes follow the viewport). A small inline script rolls the
// items every 8 seconds and fetches them again every 3 minutes, writing text only through textContent.
import type { Locale } from '../../platform/i18n.ts';
import type { ScreenItem } from '../../../../domain/publicity/publicity.ts';
import { esc, pageCsp } from './public-html.ts';

const STYLE =
  'html,body{margin:0;height:100%;background:#000;color:#fff;font-family:system-ui,sans-serif;overflow:hidden}' +
  'body{display:flex;flex-direction:column}header{display:flex;justify-content:space-between;align-items:center;' +
  'padding:1.5vh 3vw;background:#a3001b;font-size:min(4vw,7vh)}header h1{margin:0;font-size:1em}' +
  'main{flex:1;display:flex;align-items:center;padding:0 4vw}.i{display:none}.i.on{display:block}' +
  '.k{color:#ffd400;font-size:min(4vw,7vh);margin:0}.t{font-size:min(7.5vw,13vh);line-height:1.2;margin:2vh 0;' +
  'font-weight:700}.l{font-size:min(4.5vw,8vh);margin:0;color:#fff}' +
  'footer{font-size:min(2.4vw,4vh);padding:1vh 3vw;color:#ccc}';

const SCRIPT =
  "(function(){var m=document.getElementById('m'),i=0,c=document.body.getAttribute('data-c');" +
  "function show(){var s=m.querySelectorAll('.i');if(!s.length)return;for(var j=0;j<s.length;j++)" +
  "s[j].className=j===i%s.length?'i on':'i';i++}" +
  'function el(t,k,x){var e=document.createElement(t);e.className=k;e.textContent=x;return e}' +
  "function load(){var r=new XMLHttpRequest();r.open('GET','/api/public/'+c+'/screen');r.onload=function(){" +
  'if(r.status!==200)return;var d=JSON.parse(r.responseText);if(!d.items.length)return;' +
  "while(m.firstChild)m.removeChild(m.firstChild);d.items.forEach(function(x){var s=el('section','i','');" +
  "s.appendChild(el('p','k',x.kind));s.appendChild(el('h2','t',x.title));s.appendChild(el('p','l',x.line));" +
  'm.appendChild(s)});i=0;show()};r.send()}' +
  'show();setInterval(show,8000);setInterval(load,180000)})()';

export const SCREEN_CSP = pageCsp(STYLE, SCRIPT, true);

const W = {
  'zh-CN': { empty: '欢迎来到', today: '今日', footer: '活动报名请用手机打开社区公开页' },
  en: { empty: 'Welcome to', today: 'Today', footer: "Sign up on your phone through the community's page" },
} as const;

export function screenPage(locale: Locale, communityId: string, community: string, items: ScreenItem[]): string {
  const w = W[locale];
  const list = items.length ? items : [{ kind: w.today, title: `${w.empty} ${community}`, line: '' }];
  const sections = list
    .map(
      (x, n) =>
        `<section class="i${n === 0 ? ' on' : ''}"><p class="k">${esc(x.kind)}</p>` +
        `<h2 class="t">${esc(x.title)}</h2><p class="l">${esc(x.line)}</p></section>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${esc(community)}</title><style>${STYLE}</style></head>` +
    `<body data-c="${esc(communityId)}"><header><h1>${esc(community)}</h1></header>` +
    `<main id="m" aria-live="polite">${sections}</main><footer>${w.footer}</footer>` +
    `<script>${SCRIPT}</script></body></html>`
  );
}

/** The text feed: one item per line, for screens that only scroll text. */
export function screenText(community: string, items: ScreenItem[]): string {
  const lines = items.map((x) => `【${x.kind}】${x.title}${x.line ? ` ${x.line}` : ''}`.replace(/[\r\n]+/g, ' '));
  return `${[community, ...lines].join('\n')}\n`;
}
