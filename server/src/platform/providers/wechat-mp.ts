// The WeChat official account's API: an access_token from /cgi-bin/token, kept until shortly before it expires
// and fetched again then, or at once when WeChat says it is expired or invalid (40001, 42001, 40014) — once
// per call, so a bad secret cannot loop. Template messages (/cgi-bin/message/template/send, with client_msg_id
// as the idempotency key) and subscribe messages (/cgi-bin/message/subscribe/bizsend); and the menu.
import {
  mappingFor,
  paramValue,
  parseJson,
  postOrGet,
  ProviderError,
  type OutgoingMessage,
  type Provider,
  type TemplateMap,
} from './provider.ts';

export interface WechatMpConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com */
  baseUrl: string;
  templates: TemplateMap;
  timeoutMs?: number;
}

const TOKEN_GONE = new Set([40001, 40014, 42001]);
// Busy or over a rate limit: later. Everything else (bad openid, refused subscription, bad template) is final.
const TRANSIENT = new Set([-1, 45009, 45011, 45047]);

export interface MenuButton {
  type?: 'view' | 'click';
  name: string;
  url?: string;
  key?: string;
  sub_button?: MenuButton[];
}

export class WechatMp implements Provider {
  readonly name = 'wechat';
  private token: { value: string; until: number } | null = null;
  private fetching: Promise<string> | null = null;
  /** How many tokens were fetched (tests check the cache). */
  tokenFetches = 0;

  constructor(
    private readonly c: WechatMpConfig,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.until) return this.token.value;
    // One fetch at a time: a new token invalidates the old one after a grace period, so don't race.
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    this.tokenFetches++;
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.c.appId, secret: this.c.appSecret });
    const res = await postOrGet(`${this.c.baseUrl}/cgi-bin/token?${q}`, { method: 'GET' }, this.c.timeoutMs ?? 10_000);
    const j = parseJson(res.body) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!j.access_token) {
      const code = j.errcode ?? 0;
      throw new ProviderError(`wechat_${code}`, j.errmsg ?? 'no token', !TRANSIENT.has(code));
    }
    // Renew five minutes early (or at half the lifetime if WeChat ever gives a short one).
    const life = (j.expires_in ?? 7200) * 1000;
    this.token = { value: j.access_token, until: this.now() + Math.max(life - 300_000, life / 2) };
    return j.access_token;
  }

  /** POST to an API path with the token; on an expired/invalid token, fetch a new one and try once more. */
  private async call(path: string, body: unknown): Promise<any> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const res = await postOrGet(
        `${this.c.baseUrl}${path}?access_token=${encodeURIComponent(token)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        this.c.timeoutMs ?? 10_000,
      );
      const j = parseJson(res.body) as { errcode?: number; errmsg?: string };
      const code = j.errcode ?? 0;
      if (code === 0) return j;
      if (TOKEN_GONE.has(code) && attempt === 0) {
        if (this.token?.value === token) this.token = null;
        continue;
      }
      throw new ProviderError(`wechat_${code}`, j.errmsg ?? '', !TRANSIENT.has(code) && !TOKEN_GONE.has(code));
    }
  }

  async send(m: OutgoingMessage): Promise<{ messageId: string | null }> {
    const t = mappingFor(this.c.templates, m.template);
    // Template fields are named by WeChat's template (thing1, time2, …): params lists "wechatKey=payloadKey".
    const data = Object.fromEntries(
      t.params.map((p) => {
        const [key, from] = p.includes('=') ? (p.split('=') as [string, string]) : [p, p];
        return [key, { value: paramValue(m.payload, from) }];
      }),
    );
    if (t.kind === 'subscribe') {
      await this.call('/cgi-bin/message/subscribe/bizsend', {
        touser: m.recipient,
        template_id: t.id,
        page: t.url,
        data,
      });
      return { messageId: null };
    }
    const j = await this.call('/cgi-bin/message/template/send', {
      touser: m.recipient,
      template_id: t.id,
      url: t.url,
      data,
      client_msg_id: m.id,
    });
    return { messageId: j.msgid === undefined ? null : String(j.msgid) };
  }

  /** Replaces the official account's menu (at most 3 buttons of at most 5 entries each, as WeChat allows). */
  async createMenu(button: MenuButton[]): Promise<void> {
    await this.call('/cgi-bin/menu/create', { button });
  }
}

/** The menu for a community's official account: the phone home, activities, and the public site. */
export function communityMenu(publicUrl: string, communityId: string): MenuButton[] {
  const base = publicUrl.replace(/\/$/, '');
  return [
    { type: 'view', name: '我的邻里', url: `${base}/m` },
    { type: 'view', name: '社区活动', url: `${base}/m/activities` },
    { type: 'view', name: '社区公告', url: `${base}/p/${encodeURIComponent(communityId)}` },
  ];
}
