// The public site of a community (/p/{communityId}): one server-rendered page, inline CSS, no script, big
// text for a phone. Its sections come from public-sections.ts. Also an announcement's own page and the 404.
import type { Locale } from '../../platform/i18n.ts';
import type { AnnouncementRow } from './publicity.service.ts';
import { esc, pageCsp } from './public-html.ts';
import type { PublicSection, PublicSectionContext } from './public-sections.ts';

const STYLE =
  'body{margin:0;font:19px/1.55 system-ui,sans-serif;color:#1a1a1a;background:#fafaf7}header{background:#a3001b;' +
  'color:#fff;padding:14px 16px}header h1{margin:0;font-size:26px}nav a{color:#fff;margin-right:14px;' +
  'display:inline-block;padding:6px 0}main{max-width:40em;margin:0 auto;padding:8px 16px 32px}h2{font-size:23px;' +
  'margin:22px 0 8px;border-left:6px solid #a3001b;padding-left:8px}h3{font-size:20px;margin:12px 0 4px}' +
  'ul{list-style:none;margin:0;padding:0}' +
  'li{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin:10px 0}' +
  'a{color:#0b4f8a}a.b{display:inline-block;margin-top:8px;padding:10px 22px;min-height:44px;box-sizing:border-box;' +
  'border-radius:8px;background:#0b6b2e;color:#fff;text-decoration:none;font-size:20px}small{color:#555}' +
  'footer{color:#555;font-size:15px;text-align:center;padding:16px}.body{white-space:pre-line}';

export const SITE_CSP = pageCsp(STYLE);

const W = {
  'zh-CN': {
    site: '社区公开页',
    footer: '本页不显示任何个人信息。报名需登录邻里。',
    back: '返回社区公开页',
    notFoundTitle: '找不到这个页面',
    notFound: '这个社区或这条消息不存在，或已撤回。',
  },
  en: {
    site: 'Community page',
    footer: 'This page shows nothing personal. Signing up needs a Linli account.',
    back: 'Back to the community page',
    notFoundTitle: 'Page not found',
    notFound: 'This community or this item does not exist, or has been withdrawn.',
  },
} as const;

function shell(locale: Locale, title: string, header: string, body: string): string {
  return (
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>${header}<main>${body}</main>` +
    `<footer>${W[locale].footer}</footer></body></html>`
  );
}

export async function sitePage(sections: PublicSection[], ctx: PublicSectionContext): Promise<string> {
  const { site, locale } = ctx;
  const rendered = (await Promise.all(sections.map(async (s) => ({ s, html: await s.render(ctx) })))).filter(
    (r) => r.html,
  );
  const nav = rendered.map(({ s }) => `<a href="#${s.id}">${esc(s.title[locale])}</a>`).join('');
  const header = `<header><h1>${esc(site.community)}</h1><nav aria-label="${W[locale].site}">${nav}</nav></header>`;
  const body = rendered
    .map(({ s, html }) => `<section id="${s.id}"><h2>${esc(s.title[locale])}</h2>${html}</section>`)
    .join('');
  return shell(locale, `${site.community} · ${W[locale].site}`, header, body);
}

export function announcementPage(locale: Locale, community: string, a: AnnouncementRow): string {
  const header = `<header><h1>${esc(community)}</h1></header>`;
  const body =
    `<h2>${esc(a.title)}</h2><p><small>${esc((a.published_at ?? '').slice(0, 10))}</small></p>` +
    (a.schedule || a.place ? `<p>${esc([a.schedule, a.place].filter(Boolean).join(' · '))}</p>` : '') +
    `<p class="body">${esc(a.body)}</p><p><a href="/p/${esc(a.community_id)}">${W[locale].back}</a></p>`;
  return shell(locale, `${a.title} · ${community}`, header, body);
}

export function notFoundPage(locale: Locale): string {
  return shell(
    locale,
    W[locale].notFoundTitle,
    `<header><h1>${W[locale].notFoundTitle}</h1></header>`,
    `<p>${W[locale].notFound}</p>`,
  );
}
