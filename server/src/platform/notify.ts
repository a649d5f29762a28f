// The notification outbox. Every message is written to the database first, in the caller's transaction, with
// status queued; the delivery worker (platform/outbox.ts) then sends it through its channel. send() returns the
// row's id.
import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTrx } from '../db/database.ts';
import { uuidv7 } from '../../../domain/shared/ids.ts';

export type Channel = 'app' | 'sms' | 'wechat';

export interface Notification {
  /** app: shown in the person's inbox on the phone; sms: to a phone number; wechat: to an official-account openid. */
  channel: Channel;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  /** Known by most callers; otherwise found from the recipient. */
  accountId?: string;
  communityId?: string;
  /** Goes out in quiet hours and despite an opt-out. Default: by template (URGENT_TEMPLATES). */
  urgent?: boolean;
}

/**
 * Safety messages and one-time codes: sent at any hour and whatever a person's preferences. A found badge
 * wearer (badges.scanned / badges.message), a child not arrived or collected at the classroom, and every code
 * someone is waiting for on the screen in front of them.
 */
export const URGENT_TEMPLATES: ReadonlySet<string> = new Set([
  'sign_in_code',
  'wechat_bind_code',
  'volunteer_registration_code',
  'volunteer.guardian_consent_code',
  'badges.scanned',
  'badges.message',
  'classroom.notArrived',
  'classroom.notArrivedStaff',
  'classroom.checkedOut',
]);

/**
 * One-time codes and the payload fields that carry them. A code must reach the person alone: staff's view of the
 * outbox masks these fields, and the delivery worker blanks them once a message's outcome is final, so the outbox
 * keeps no usable code at rest (the development channel excepted: it reaches no phone, and the demo shows its codes).
 * Such a message is never sent again by staff: the person asks for a new code.
 */
export const ONE_TIME_CODE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  sign_in_code: ['code'],
  wechat_bind_code: ['code'],
  volunteer_registration_code: ['code'],
  password_reset_code: ['code'],
  // The consent page's link carries the code in its fragment.
  'volunteer.guardian_consent_code': ['code', 'link'],
};

const MASKED_CODE = '******';

/** The payload with its one-time code fields masked (any template's `code`, to be safe). */
export function withoutCodes(template: string, payload: Record<string, unknown>): Record<string, unknown> {
  const fields = ONE_TIME_CODE_FIELDS[template] ?? ['code'];
  if (!fields.some((f) => f in payload)) return payload;
  const masked = { ...payload };
  for (const f of fields) if (f in masked) masked[f] = MASKED_CODE;
  return masked;
}

export class Notifier {
  // The logger is kept for the callers that pass one: logging moved to the development channel's delivery.
  constructor(
    _log?: FastifyBaseLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(db: DbOrTrx, n: Notification): Promise<string> {
    const id = uuidv7();
    const now = this.now().toISOString();
    const { accountId, communityId } = await this.whoFor(db, n);
    await db
      .insertInto('notification_outbox')
      .values({
        id,
        channel: n.channel,
        recipient: n.recipient,
        template: n.template,
        payload: JSON.stringify(n.payload),
        status: 'queued',
        created_at: now,
        sent_at: null,
        account_id: accountId,
        community_id: communityId,
        urgent: (n.urgent ?? URGENT_TEMPLATES.has(n.template)) ? 1 : 0,
        attempts: 0,
        next_attempt_at: now,
        locked_by: null,
        locked_until: null,
        provider: null,
        provider_message_id: null,
        last_error: null,
        delivered_at: null,
      })
      .execute();
    return id;
  }

  /** The person (for preferences and the phone inbox) and community (for quiet hours) a message is for. */
  private async whoFor(db: DbOrTrx, n: Notification) {
    const fromPayload = typeof n.payload.communityId === 'string' ? n.payload.communityId : null;
    let accountId = n.accountId ?? null;
    let communityId = n.communityId ?? fromPayload;
    let phone: string | null = n.channel === 'wechat' ? null : n.recipient;
    if (n.channel === 'wechat' && (!accountId || !communityId)) {
      const b = await db
        .selectFrom('wechat_binding')
        .select(['phone', 'community_id'])
        .where('openid', '=', n.recipient)
        .executeTakeFirst();
      phone = b?.phone ?? null;
      communityId ??= b?.community_id ?? null;
    }
    if (!accountId && phone) {
      const a = await db.selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirst();
      accountId = a?.id ?? null;
    }
    if (!communityId && accountId) {
      const m = await db
        .selectFrom('membership')
        .select('community_id')
        .where('account_id', '=', accountId)
        .orderBy('community_id')
        .executeTakeFirst();
      communityId = m?.community_id ?? null;
    }
    return { accountId, communityId };
  }
}
