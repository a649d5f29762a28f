// Passwords (issue 16): change one's own; staff send a member a reset code, and the member sets a new password with
// it, so staff never learn it. Every change ends the account's other sessions, is audited, and is told to the person.
import crypto from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../../../../domain/access/password-policy.ts';
import { findAccountByPhone } from './auth.repository.ts';
import { hashPassword, passwordMatches } from './auth.service.ts';
import * as repo from './password.repository.ts';

/** Long enough to reach the person and for them to find the page; a code is spent by its first good use. */
export const RESET_CODE_TTL_MINUTES = 30;
const RESET_CODE_RESEND_SECONDS = 60;
const RESET_CODE_MAX_ATTEMPTS = 5;

/** Refuses a password the policy refuses, naming the rule in the error's code (and on the field `field`). */
export function assertPasswordAcceptable(password: string, phone: string | null, field = 'newPassword'): void {
  const rule = passwordProblem(password, { phone });
  if (!rule) return;
  const code = `password_${rule}` as const;
  throw new AppError(code, {
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    rule,
    fields: [{ field, message: code }],
  });
}

export class PasswordService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly sessions: SessionCache,
  ) {}

  async changeOwn(actor: Actor, body: { currentPassword: string; newPassword: string }, ctx: RequestContext) {
    const account = await repo.accountById(this.db, actor.accountId);
    if (!account) throw new AppError('unauthenticated');
    const ok = !!account.password_hash && (await passwordMatches(account.password_hash, body.currentPassword));
    if (!ok)
      throw new AppError('password_wrong', { fields: [{ field: 'currentPassword', message: 'password_wrong' }] });
    assertPasswordAcceptable(body.newPassword, account.phone);
    const hash = await hashPassword(body.newPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.replace(trx, account, hash, actor.tokenHash);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.password_changed',
        entityType: 'account',
        entityId: account.id,
      });
    });
    this.sessions.forgetAccount(account.id);
  }

  /** Sends a member of the actor's community (by phone number) a code to set a new password with. */
  async sendResetCode(actor: Actor, phone: string, ctx: RequestContext) {
    const account = await findAccountByPhone(this.db, phone);
    if (!account || !(await repo.isMemberOf(this.db, account.id, actor.communityId)))
      throw new AppError('not_found', { entity: 'account' });
    const accountId = account.id;
    if (account.disabled) throw new AppError('conflict');
    const last = await repo.latestResetCode(this.db, accountId);
    if (last && Date.now() - Date.parse(last.created_at) < RESET_CODE_RESEND_SECONDS * 1000)
      throw new AppError('rate_limited');
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const now = new Date();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertResetCode(trx, {
        id: uuidv7(),
        account_id: accountId,
        code_hash: sha256(`${accountId}:${code}`),
        requested_by: actor.accountId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_CODE_TTL_MINUTES * 60_000).toISOString(),
      });
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: account.phone,
        template: 'password_reset_code',
        payload: { code, minutes: RESET_CODE_TTL_MINUTES, communityId: actor.communityId },
        accountId,
        communityId: actor.communityId,
        urgent: true,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.password_reset_sent',
        entityType: 'account',
        entityId: accountId,
      });
    });
    return { expiresInMinutes: RESET_CODE_TTL_MINUTES };
  }

  /** The person sets a new password with the code staff sent; every session of the account ends. */
  async resetWithCode(body: { phone: string; code: string; newPassword: string }, ctx: RequestContext) {
    const account = await findAccountByPhone(this.db, body.phone);
    const last = account && !account.disabled ? await repo.latestResetCode(this.db, account.id) : undefined;
    const usable =
      !!last &&
      !last.consumed_at &&
      Date.parse(last.expires_at) > Date.now() &&
      last.attempts < RESET_CODE_MAX_ATTEMPTS;
    if (!account || !last || !usable || last.code_hash !== sha256(`${account.id}:${body.code}`)) {
      if (last && usable) await repo.countResetAttempt(this.db, last.id, last.attempts + 1);
      throw new AppError('password_reset_code_invalid', {
        fields: [{ field: 'code', message: 'password_reset_code_invalid' }],
      });
    }
    // A weak password keeps the code: the person tries another with the same code.
    assertPasswordAcceptable(body.newPassword, account.phone);
    const hash = await hashPassword(body.newPassword);
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.consumeResetCode(trx, last.id, at)))
        throw new AppError('password_reset_code_invalid', {
          fields: [{ field: 'code', message: 'password_reset_code_invalid' }],
        });
      await this.replace(trx, account, hash, null);
      const where = await repo.auditCommunityOf(trx, account.id);
      if (where)
        await this.audit.recordBy(
          trx,
          { communityId: where.community_id, accountId: account.id, name: account.name, role: where.role },
          ctx,
          { action: 'auth.password_reset', entityType: 'account', entityId: account.id },
        );
    });
    this.sessions.forgetAccount(account.id);
  }

  async purgeExpired(): Promise<void> {
    await repo.purgeResetCodes(this.db, new Date().toISOString());
  }

  /** The new hash, the other sessions ended, and a message to the person (someone else may have done it). */
  private async replace(trx: DbOrTrx, account: { id: string; phone: string }, hash: string, keep: string | null) {
    await repo.setPasswordHash(trx, account.id, hash);
    await repo.deleteSessionsOf(trx, account.id, keep);
    await this.notifier.send(trx, {
      channel: 'sms',
      recipient: account.phone,
      template: 'password_changed',
      payload: { at: new Date().toISOString() },
      accountId: account.id,
      urgent: true,
    });
  }
}
