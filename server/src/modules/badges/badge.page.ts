// The public page a finder sees after scanning a love badge: one server-rendered HTML string, no framework,
// no external CSS, scripts or fonts, well under 10 KB, usable with JavaScript off. Big text and big call
// buttons. It carries a nickname, the family's cautions, the call list, the duty phone and a message form;
// never the elder's name, address, ID number or health record (the service never hands those in).
import crypto from 'node:crypto';
import type { Locale } from '../../platform/i18n.ts';
import { contactLabelFor } from '../../../../domain/badges/badges.ts';

const STYLE =
  'body{margin:0;font:20px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fffbe6}main{max-width:34em;' +
  'margin:0 auto;padding:16px}h1{font-size:30px;margin:8px 0}h2{font-size:22px;margin:20px 0 8px}.c{background:#fff;' +
  'border:2px solid #b38600;border-radius:10px;padding:12px;white-space:pre-line}a.b{display:block;min-height:56px;' +
  'margin:10px 0;padding:12px;border-radius:10px;background:#0b6b2e;color:#fff;font-size:24px;text-align:center;' +
  'text-decoration:none}a.d{background:#1d4e89}label{display:block;margin:12px 0 4px}' +
  'textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:8px;min-height:48px}' +
  'input[type=checkbox]{width:28px;height:28px;vertical-align:middle}button{width:100%;min-height:56px;font:inherit;' +
  'font-size:22px;margin-top:14px;border:0;border-radius:10px;background:#7a3e00;color:#fff}.n{background:#e6f4ea;' +
  'border:2px solid #0b6b2e;border-radius:10px;padding:10px}.e{background:#fdecea;border-color:#a50e0e}' +
  'small{color:#444}a.b small{color:#fff;font-size:18px}';
// (noindex and no-referrer travel as headers, PAGE_HEADERS, not as meta tags: fewer bytes on a slow phone.)
// The one script, an enhancement: with the box ticked, the browser's location fills the two hidden fields.
const SCRIPT =
  "var s=document.getElementById('s');s&&s.addEventListener('change',function(){" +
  'if(s.checked&&navigator.geolocation)navigator.geolocation.getCurrentPosition(function(p){' +
  "document.getElementById('la').value=p.coords.latitude;document.getElementById('ln').value=p.coords.longitude})})";

const hash = (s: string) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;
/** Content-Security-Policy: only the inline style and script above, forms post back here, nothing else loads. */
export const PAGE_CSP =
  `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; ` +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers of every public badge page: not cached, not indexed, no referrer sent on, not framed. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': PAGE_CSP,
  vary: 'accept-encoding',
};

// gzip as a whole item of the list, with no q or a q above 0 (one regular expression: no allocation per scan).
const GZIP_RE = /(?:^|,)\s*gzip\s*(?:;\s*q=(?!0(?:\.0{0,3})?\s*(?:,|$))[0-9.]+\s*)?(?:,|$)/i;
/** Whether the Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && GZIP_RE.test(header);
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const telOf = (phone: string) => phone.replace(/[^0-9+]/g, '');

const T = {
  'zh-CN': {
    title: '爱心二维码',
    hello: '您好，谢谢您停下来帮忙！',
    cautions: '家人的嘱托',
    callFamily: '给{label}打电话',
    others: '其他家人',
    duty: '打社区值班电话',
    dutyNote: '家人没接通时，请打社区值班电话。',
    msgTitle: '给家人留言',
    message: '留言（例如：我在哪里遇到了他/她）',
    place: '所在位置（如：公交站、超市门口）',
    share: '同意发送我手机的定位给家人',
    shareNote: '只有勾选后才会发送定位；不勾选也可以留言。',
    send: '发送留言',
    sent: '留言已发送给家人和社区，谢谢您！',
    empty: '请写下留言或所在位置。',
    tooLong: '留言最多 300 字，位置最多 100 字。',
    privacy: '本页不显示老人的姓名、住址和证件信息。',
    endedTitle: '此二维码已停用',
    ended: '请拨打社区热线，工作人员会帮助您联系家人：',
    hotline: '拨打社区热线',
    no110: '如有紧急情况，请拨打 110。',
    notFoundTitle: '找不到这个二维码',
    notFound: '这个二维码无效或已损坏。如需帮助，请拨打 110。',
    call110: '拨打 110',
    tooManyTitle: '请稍后再试',
    tooMany: '操作太频繁，请一分钟后再试。如有紧急情况，请拨打 110。',
    brokenTitle: '页面暂时打不开',
    broken: '请稍后再试。如有紧急情况，请拨打 110。',
    preview: '工作人员预览：这是路人扫码后看到的页面。预览不记为扫码，不通知任何人，也不能留言。',
  },
  en: {
    title: 'Love badge',
    hello: 'Hello, and thank you for stopping to help!',
    cautions: 'From the family',
    callFamily: 'Call {label}',
    others: 'Other family',
    duty: 'Call the community duty phone',
    dutyNote: 'If the family does not answer, call the community duty phone.',
    msgTitle: 'Leave the family a message',
    message: 'Message (e.g. where you met them)',
    place: 'Where you are (e.g. the bus stop, a shop door)',
    share: "Send my phone's location to the family",
    shareNote: 'The location is sent only if you tick this; you can leave a message without it.',
    send: 'Send message',
    sent: 'Your message has been sent to the family and the community. Thank you!',
    empty: 'Please write a message or where you are.',
    tooLong: 'A message is at most 300 characters, a place at most 100.',
    privacy: "This page never shows the person's name, address or ID.",
    endedTitle: 'This badge is no longer in use',
    ended: 'Please call the community hotline; the staff will help you reach the family:',
    hotline: 'Call the community hotline',
    no110: 'In an emergency, call 110.',
    notFoundTitle: 'Badge not found',
    notFound: 'This QR code is not valid or is damaged. If someone needs help, call 110.',
    call110: 'Call 110',
    tooManyTitle: 'Please try again shortly',
    tooMany: 'Too many requests. Please try again in a minute. In an emergency, call 110.',
    brokenTitle: 'The page cannot open right now',
    broken: 'Please try again shortly. In an emergency, call 110.',
    preview: 'Staff preview: the page a finder sees. A preview is not a scan, tells nobody and cannot send a message.',
  },
} as const;

function shell(locale: Locale, title: string, body: string, script = false): string {
  return (
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main>${script ? `<script>${SCRIPT}</script>` : ''}</body></html>`
  );
}

export interface ActivePage {
  nickname: string;
  cautions: string;
  contacts: Array<{ label: string; phone: string }>;
  dutyPhone: string | null;
  token: string;
}
export type Notice = 'sent' | 'empty' | 'tooLong' | 'preview' | null;

export function activePage(
  locale: Locale,
  p: ActivePage,
  notice: Notice = null,
  form: { message?: string; place?: string } = {},
): string {
  const t = T[locale];
  const first = p.contacts[0];
  const call = (c: { label: string; phone: string }, cls = 'b') =>
    `<a class="${cls}" href="tel:${esc(telOf(c.phone))}">` +
    `${esc(t.callFamily.replace('{label}', contactLabelFor(c.label, locale)))}` +
    `<br><small>${esc(c.phone)}</small></a>`;
  const note =
    notice === 'sent' || notice === 'preview'
      ? `<p class="n" role="status">${t[notice]}</p>`
      : notice
        ? `<p class="n e" role="alert">${t[notice]}</p>`
        : '';
  const body =
    `${note}<h1>${esc(p.nickname)}</h1><p>${t.hello}</p>` +
    (p.cautions ? `<h2>${t.cautions}</h2><div class="c">${esc(p.cautions)}</div>` : '') +
    (first ? call(first) : '') +
    (p.contacts.length > 1
      ? `<h2>${t.others}</h2>${p.contacts
          .slice(1)
          .map((c) => call(c))
          .join('')}`
      : '') +
    (p.dutyPhone
      ? `<p>${t.dutyNote}</p><a class="b d" href="tel:${esc(telOf(p.dutyPhone))}">${t.duty}` +
        `<br><small>${esc(p.dutyPhone)}</small></a>`
      : '') +
    (notice === 'preview'
      ? `<h2>${t.msgTitle}</h2><form>`
      : `<h2>${t.msgTitle}</h2><form method="post" action="/b/${esc(p.token)}/message">`) +
    `<label for="m">${t.message}</label>` +
    `<textarea id="m" name="message" rows="3" maxlength="300">${esc(form.message ?? '')}</textarea>` +
    `<label for="p">${t.place}</label>` +
    `<input type="text" id="p" name="place" maxlength="100" value="${esc(form.place ?? '')}">` +
    `<label><input type="checkbox" id="s" name="share" value="1"> ${t.share}</label><small>${t.shareNote}</small>` +
    '<input type="hidden" id="la" name="lat"><input type="hidden" id="ln" name="lng">' +
    `<button type="submit"${notice === 'preview' ? ' disabled' : ''}>${t.send}</button></form>` +
    `<p><small>${t.privacy}</small></p>`;
  return shell(locale, `${p.nickname} · ${t.title}`, body, true);
}

/**
 * What staff see when they preview a badge: the finder's page with a banner saying it is a preview, and a message
 * form that cannot be sent (it would tell the family). It carries no token: the preview is asked for by the badge's id.
 */
export function previewPage(locale: Locale, p: Omit<ActivePage, 'token'>): string {
  return activePage(locale, { ...p, token: '' }, 'preview');
}

/** A revoked or replaced badge: the community hotline only (no family phone, no nickname). */
export function endedPage(locale: Locale, hotline: string | null): string {
  const t = T[locale];
  const body =
    `<h1>${t.endedTitle}</h1>` +
    (hotline
      ? `<p>${t.ended}</p><a class="b d" href="tel:${esc(telOf(hotline))}">${t.hotline}` +
        `<br><small>${esc(hotline)}</small></a>`
      : '') +
    `<p>${t.no110}</p>`;
  return shell(locale, t.endedTitle, body);
}

/** A token that is malformed or unknown: plain words, 110, nothing else. */
export function notFoundPage(locale: Locale): string {
  const t = T[locale];
  return shell(
    locale,
    t.notFoundTitle,
    `<h1>${t.notFoundTitle}</h1><p>${t.notFound}</p><a class="b d" href="tel:110">${t.call110}</a>`,
  );
}

export function tooManyPage(locale: Locale): string {
  const t = T[locale];
  return shell(
    locale,
    t.tooManyTitle,
    `<h1>${t.tooManyTitle}</h1><p>${t.tooMany}</p><a class="b d" href="tel:110">${t.call110}</a>`,
  );
}

export function brokenPage(locale: Locale): string {
  const t = T[locale];
  return shell(
    locale,
    t.brokenTitle,
    `<h1>${t.brokenTitle}</h1><p>${t.broken}</p><a class="b d" href="tel:110">${t.call110}</a>`,
  );
}
