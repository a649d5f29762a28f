// Two-factor sign-in with an authenticator app (TOTP, platform/totp.ts): enrolment, the second sign-in step's check,
// recovery codes, the community's requirement, and an admin's reset. Knows nothing of HTTP.
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Db, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { randomToken, sha256, type FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../platform/totp.ts';
import { findMembership } from './auth.repository.ts';
import * as repo from './two-factor.repository.ts';

export const TOTP_ISSUER = '邻里 Linli';
export const RECOVERY_CODES = 10;
export const CHALLENGE_TTL_SECONDS = 300;
const CHALLENGE_MAX_ATTEMPTS = 5;
// No 0/o, 1/l/i: codes are read off paper. 31 signs × 12 places ≈ 59 bits, kept only as a keyed hash.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The community's requirement: admins unless turned off (a new community's default), staff when turned on. */
export function twoFactorRequired(role: string, policy: { two_factor_admins?: number; two_factor_staff?: number }) {
  if (role === 'community_admin') return policy.two_factor_admins !== 0;
  if (role === 'staff') return policy.two_factor_staff === 1;
  return false;
}

export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export class TwoFactorService {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly sessions: SessionCache,
  ) {}

  private recoveryHash(accountId: string, code: string) {
    return this.cipher.token(accountId, 'recovery_code', code.toLowerCase().replace(/[^a-z0-9]/g, ''));
  }

  async isEnabled(accountId: string): Promise<boolean> {
    return !!(await repo.totpOf(this.db, accountId))?.totp_enabled_at;
  }

  /** The step between the first factor and the session: a token the client sends back with the code. */
  async openChallenge(accountId: string, method: string) {
    const challenge = randomToken();
    const now = Date.now();
    await repo.insertChallenge(this.db, {
      token_hash: sha256(challenge),
      account_id: accountId,
      method,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + CHALLENGE_TTL_SECONDS * 1000).toISOString(),
    });
    return { challenge, expiresInSeconds: CHALLENGE_TTL_SECONDS };
  }

  /** The challenge's account and first factor, or two_factor_expired. */
  async challengeOf(challenge: string) {
    const c = await repo.findChallenge(this.db, sha256(challenge));
    if (!c || Date.parse(c.expires_at) <= Date.now() || c.attempts >= CHALLENGE_MAX_ATTEMPTS)
      throw new AppError('two_factor_expired');
    const account = await repo.totpOf(this.db, c.account_id);
    if (!account) throw new AppError('two_factor_expired');
    return { tokenHash: c.token_hash, accountId: c.account_id, phone: account.phone, method: c.method };
  }

  /** Checks the second factor of a challenge; the challenge is spent on success and after five wrong codes. */
  async answerChallenge(tokenHash: string, accountId: string, code: string, ctx: RequestContext): Promise<boolean> {
    const ok = await this.checkCode(accountId, code, ctx);
    if (ok) await repo.deleteChallenge(this.db, tokenHash);
    else await repo.countChallengeAttempt(this.db, tokenHash);
    return ok;
  }

  /** A current authenticator code (each good once) or an unused recovery code (spent). */
  private async checkCode(accountId: string, code: string, ctx: RequestContext | null): Promise<boolean> {
    const a = await repo.totpOf(this.db, accountId);
    if (!a?.totp_secret || !a.totp_enabled_at) return false;
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const last = a.totp_last_step === null || a.totp_last_step === undefined ? null : Number(a.totp_last_step);
      const step = matchTotp(this.cipher.decrypt(a.totp_secret), trimmed, Date.now(), last);
      return step !== null && (await repo.claimStep(this.db, accountId, step, last));
    }
    const spent = await repo.spendRecoveryCode(
      this.db,
      accountId,
      this.recoveryHash(accountId, trimmed),
      new Date().toISOString(),
    );
    if (spent) await this.recordOwn(accountId, ctx, 'auth.two_factor_recovery_used', {});
    return spent;
  }

  async status(actor: Actor) {
    const a = await repo.totpOf(this.db, actor.accountId);
    const policy = actor.regionId ? {} : await repo.communityPolicy(this.db, actor.communityId);
    return {
      enabled: !!a?.totp_enabled_at,
      enabledAt: a?.totp_enabled_at ?? null,
      recoveryCodesLeft: a?.totp_enabled_at ? await repo.recoveryCodesLeft(this.db, actor.accountId) : 0,
      required: !actor.regionId && twoFactorRequired(actor.role, policy),
    };
  }

  /** A new secret for the person's app: kept sealed, in force only once confirmed with a code. */
  async start(actor: Actor) {
    if (await this.isEnabled(actor.accountId)) throw new AppError('two_factor_already_on');
    const secret = newTotpSecret();
    await repo.setTotp(this.db, actor.accountId, {
      totp_secret: this.cipher.encrypt(secret),
      totp_enabled_at: null,
      totp_last_step: null,
    });
    const uri = otpauthUri({ secret, issuer: TOTP_ISSUER, account: actor.phone });
    const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, uri, qrDataUrl };
  }

  /** Turns two-factor on with a first code from the app and hands out the recovery codes, once. */
  async confirm(actor: Actor, code: string, ctx: RequestContext) {
    const a = await repo.totpOf(this.db, actor.accountId);
    if (a?.totp_enabled_at) throw new AppError('two_factor_already_on');
    if (!a?.totp_secret) throw new AppError('two_factor_not_started');
    const step = matchTotp(this.cipher.decrypt(a.totp_secret), code.trim(), Date.now(), null);
    if (step === null) throw new AppError('two_factor_bad_code');
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.setTotp(trx, actor.accountId, { totp_enabled_at: now, totp_last_step: step });
      await repo.replaceRecoveryCodes(
        trx,
        actor.accountId,
        codes.map((c) => this.recoveryHash(actor.accountId, c)),
        now,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.two_factor_on',
        entityType: 'account',
        entityId: actor.accountId,
      });
    });
    // A session restricted to enrolment becomes a full one at the next request.
    this.sessions.forgetAccount(actor.accountId);
    return { recoveryCodes: codes };
  }

  /** Turns two-factor off; the person proves it is them with a current code (or a recovery code). */
  async disable(actor: Actor, code: string, ctx: RequestContext) {
    if (!(await this.isEnabled(actor.accountId))) throw new AppError('two_factor_not_on');
    if (!(await this.checkCode(actor.accountId, code, ctx))) throw new AppError('two_factor_bad_code');
    await this.clear(actor.accountId, async (trx) =>
      this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.two_factor_off',
        entityType: 'account',
        entityId: actor.accountId,
      }),
    );
  }

  /** An admin clears another member's two-factor (a lost phone): audited, and the person is told by text. */
  async reset(actor: Actor, accountId: string, ctx: RequestContext) {
    if (accountId === actor.accountId) throw new AppError('two_factor_reset_self');
    if (!(await repo.memberRole(this.db, actor.communityId, accountId)))
      throw new AppError('not_found', { entity: 'account' });
    const a = await repo.totpOf(this.db, accountId);
    if (!a?.totp_enabled_at && !a?.totp_secret) throw new AppError('two_factor_not_on');
    await this.clear(accountId, async (trx) => {
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.two_factor_reset',
        entityType: 'account',
        entityId: accountId,
        detail: { name: a.name },
      });
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: a.phone,
        accountId,
        communityId: actor.communityId,
        template: 'auth.two_factor_reset',
        payload: { by: actor.name, community: actor.communityName },
        urgent: true,
      });
    });
  }

  private async clear(accountId: string, also: (trx: Trx) => Promise<void>) {
    await this.db.transaction().execute(async (trx) => {
      await repo.setTotp(trx, accountId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
      await repo.replaceRecoveryCodes(trx, accountId, [], new Date().toISOString());
      await also(trx);
    });
    this.sessions.forgetAccount(accountId);
  }

  async policy(actor: Actor) {
    const p = await repo.communityPolicy(this.db, actor.communityId);
    return {
      admins: p.two_factor_admins !== 0,
      staff: p.two_factor_staff === 1,
      people: (await repo.staffTwoFactor(this.db, actor.communityId)).map((r) => ({
        accountId: r.id,
        name: r.name,
        role: r.role,
        enabled: !!r.totp_enabled_at,
        required: twoFactorRequired(r.role, p),
      })),
    };
  }

  async setPolicy(actor: Actor, v: { admins: boolean; staff: boolean }, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await repo.setCommunityPolicy(trx, actor.communityId, v.admins ? 1 : 0, v.staff ? 1 : 0);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'auth.two_factor_policy',
        entityType: 'community',
        entityId: actor.communityId,
        detail: v,
      });
    });
    // Who must enrol is worked out per session: forget every cached session so the change holds at once.
    this.sessions.forgetAll();
  }

  private async recordOwn(
    accountId: string,
    ctx: RequestContext | null,
    action: string,
    detail: Record<string, unknown>,
  ) {
    const a = await repo.totpOf(this.db, accountId);
    const m = await findMembership(this.db, accountId);
    if (!a || !m) return;
    await this.audit.recordBy(this.db, { communityId: m.community_id, accountId, name: a.name, role: m.role }, ctx, {
      action,
      entityType: 'account',
      entityId: accountId,
      detail,
    });
  }

  async purge() {
    const now = Date.now();
    await repo.purgeTwoFactor(this.db, new Date(now).toISOString(), new Date(now - 24 * 3600_000).toISOString());
  }
}
