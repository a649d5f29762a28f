// A person's message preferences, staff's view of delivery and their retry, and the official account's menu.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { ONE_TIME_CODE_FIELDS } from '../../platform/notify.ts';
import type { OutboxWorker } from '../../platform/outbox.ts';
import { communityMenu, type MenuButton, type WechatMp } from '../../platform/providers/wechat-mp.ts';

export interface Preferences {
  app: boolean;
  sms: boolean;
  wechat: boolean;
  optedOut: boolean;
}

export interface OutboxFilter {
  status?: string;
  channel?: string;
}

export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWorker,
    private readonly wechat: WechatMp | null,
    private readonly publicUrl: string | null,
  ) {}

  async preferences(actor: Actor): Promise<Preferences> {
    const p = await this.db
      .selectFrom('notification_preference')
      .selectAll()
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!p) return { app: true, sms: true, wechat: true, optedOut: false };
    return { app: !!p.app, sms: !!p.sms, wechat: !!p.wechat, optedOut: !!p.opted_out };
  }

  async setPreferences(actor: Actor, p: Preferences): Promise<Preferences> {
    const row = {
      app: p.app ? 1 : 0,
      sms: p.sms ? 1 : 0,
      wechat: p.wechat ? 1 : 0,
      opted_out: p.optedOut ? 1 : 0,
      updated_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('notification_preference')
      .values({ account_id: actor.accountId, ...row })
      .onConflict((oc) => oc.column('account_id').doUpdateSet(row))
      .execute();
    return this.preferences(actor);
  }

  /** Messages to people of the caller's community (by community, or by a member's phone for older rows). */
  async list(actor: Actor, f: OutboxFilter) {
    const members = this.db
      .selectFrom('account')
      .innerJoin('membership', 'membership.account_id', 'account.id')
      .where('membership.community_id', '=', actor.communityId)
      .select('account.phone');
    let q = this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where((eb) => eb.or([eb('community_id', '=', actor.communityId), eb('recipient', 'in', members)]));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.channel) q = q.where('channel', '=', f.channel);
    return q.orderBy('created_at', 'desc').limit(100).execute();
  }

  async retry(actor: Actor, id: string, ctx: RequestContext): Promise<void> {
    const [row] = (await this.list(actor, {})).filter((r) => r.id === id);
    const mine =
      row ??
      (await this.db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('id', '=', id)
        .where('community_id', '=', actor.communityId)
        .executeTakeFirst());
    if (!mine) throw new AppError('not_found', { entity: 'outboxMessage' });
    if (mine.template in ONE_TIME_CODE_FIELDS) throw new AppError('outbox_code_not_resent');
    if (mine.status !== 'failed' || !(await this.outbox.retry(id))) throw new AppError('outbox_not_failed');
    await this.audit.record(this.db, auditWho(actor, ctx), {
      action: 'outbox.retry',
      entityType: 'notification_outbox',
      entityId: id,
      detail: { template: mine.template, channel: mine.channel },
    });
  }

  menuFor(actor: Actor): MenuButton[] {
    return communityMenu(this.publicUrl ?? '', actor.communityId);
  }

  async publishMenu(actor: Actor, ctx: RequestContext): Promise<MenuButton[]> {
    if (!this.wechat || !this.publicUrl) throw new AppError('wechat_not_configured');
    const menu = this.menuFor(actor);
    await this.wechat.createMenu(menu);
    await this.audit.record(this.db, auditWho(actor, ctx), {
      action: 'wechat.menu',
      entityType: 'community',
      entityId: actor.communityId,
      detail: { buttons: menu.map((b) => b.name) },
    });
    return menu;
  }
}
