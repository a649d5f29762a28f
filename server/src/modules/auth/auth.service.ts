// Sign-in by password or one-time code (then the second factor when the account has one), sessions. Guessing is
// slowed by SignInThrottle. Knows nothing of HTTP: the routes set cookies.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { PERMISSIONS, REGION_ROLES, ROLES, scopeOf, type Role } from '../../../../domain/access/roles.ts';
import * as repo from './auth.repository.ts';
import type { Gate, SignInThrottle } from './sign-in-throttle.ts';
import { twoFactorRequired, type TwoFactorService } from './two-factor.service.ts';
import { communityIdsUnderRegion, regionMemberships } from '../regions/regions-directory.ts';

export const CODE_TTL_SECONDS = 300;
export const CODE_RESEND_SECONDS = 60;
const CODE_MAX_ATTEMPTS = 5;

// OWASP's argon2id baseline (19 MiB, 2 passes); one hash costs ~30 ms here.
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (pw: string) => argonHash(pw, ARGON);

/**
 * Whether `password` is the one `hash` was made from. A stored hash argon2 cannot read matches nothing; any other
 * failure (out of memory, say) is thrown, so it reaches the log as a server error rather than passing for a wrong
 * password.
 */
export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'InvalidArg') return false;
    throw err;
  }
}

let dummyHash: Promise<string> | null = null;

export interface SignedIn {
  token: string;
  actor: Actor;
}

/** A right first factor on an account with two-factor on: no session yet, only a challenge for the second step. */
export interface SecondStep {
  challenge: string;
  expiresInSeconds: number;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly sessionHours: number,
    private readonly sessions: SessionCache,
    private readonly throttle: SignInThrottle,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async signInWithPassword(phone: string, password: string, ctx: RequestContext): Promise<SignedIn | SecondStep> {
    // The throttle counts by phone number whether or not it has an account, so both are answered alike.
    const gate = await this.throttle.enter(phone, ctx.ip);
    const account = await repo.findAccountByPhone(this.db, phone);
    const usable = account && account.password_hash && !account.disabled;
    // An unknown number spends the same time on a real check, so response times do not reveal which numbers exist.
    const hash = usable ? account.password_hash! : await (dummyHash ??= hashPassword('not-a-password'));
    const ok = (await passwordMatches(hash, password)) && usable;
    if (!ok) {
      await this.throttle.fail(gate);
      if (account) await this.recordFailure(account.id, account.name, ctx, 'password');
      throw new AppError('bad_credentials');
    }
    return this.afterFirstFactor(account.id, ctx, 'password', gate);
  }

  /** Sends a six-digit code. Says the same whether or not the number has an account. */
  async requestCode(phone: string): Promise<{ expiresInSeconds: number; resendAfterSeconds: number }> {
    const last = await repo.latestCode(this.db, phone);
    if (last && Date.now() - Date.parse(last.created_at) < CODE_RESEND_SECONDS * 1000)
      throw new AppError('rate_limited');
    const account = await repo.findAccountByPhone(this.db, phone);
    if (account && !account.disabled) {
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const now = new Date();
      await this.db.transaction().execute(async (trx) => {
        await repo.insertCode(trx, {
          id: uuidv7(),
          phone,
          code_hash: sha256(`${phone}:${code}`),
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString(),
        });
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: phone,
          template: 'sign_in_code',
          payload: { code, minutes: CODE_TTL_SECONDS / 60 },
        });
      });
    }
    return { expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: CODE_RESEND_SECONDS };
  }

  async signInWithCode(phone: string, code: string, ctx: RequestContext): Promise<SignedIn | SecondStep> {
    const gate = await this.throttle.enter(phone, ctx.ip);
    const account = await repo.findAccountByPhone(this.db, phone);
    if (!account || account.disabled) {
      await this.throttle.fail(gate);
      throw new AppError('bad_credentials', { reason: 'code' });
    }
    const last = await repo.latestCode(this.db, phone);
    const usable =
      last && !last.consumed_at && Date.parse(last.expires_at) > Date.now() && last.attempts < CODE_MAX_ATTEMPTS;
    if (!usable || last.code_hash !== sha256(`${phone}:${code}`)) {
      if (last && usable) await repo.updateCode(this.db, last.id, { attempts: last.attempts + 1 });
      await this.throttle.fail(gate);
      await this.recordFailure(account.id, account.name, ctx, 'code');
      throw new AppError('bad_credentials', { reason: 'code' });
    }
    await repo.updateCode(this.db, last.id, { consumed_at: new Date().toISOString() });
    return this.afterFirstFactor(account.id, ctx, 'code', gate);
  }

  /**
   * A text code is one factor, like a password: an account with an authenticator gives its code after either. An
   * account its community requires to have one but that has none yet gets a session restricted to enrolment.
   * The failure counts are cleared only when a session opens: someone who has the password alone cannot wash away
   * the count of their wrong authenticator codes by typing it again.
   */
  private async afterFirstFactor(accountId: string, ctx: RequestContext, method: string, gate: Gate) {
    if (await this.twoFactor.isEnabled(accountId)) return this.twoFactor.openChallenge(accountId, method);
    await this.throttle.succeed(gate);
    return this.openSession(accountId, ctx, method);
  }

  /** The second step: the challenge from the first and an authenticator or recovery code open the session. */
  async signInSecondStep(challenge: string, code: string, ctx: RequestContext): Promise<SignedIn> {
    const c = await this.twoFactor.challengeOf(challenge);
    const gate = await this.throttle.enter(c.phone, ctx.ip);
    if (!(await this.twoFactor.answerChallenge(c.tokenHash, c.accountId, code, ctx))) {
      await this.throttle.fail(gate);
      throw new AppError('two_factor_bad_code');
    }
    await this.throttle.succeed(gate);
    return this.openSession(c.accountId, ctx, `${c.method}+totp`);
  }

  async signOut(actor: Actor, ctx: RequestContext): Promise<void> {
    await repo.deleteSession(this.db, actor.tokenHash);
    this.sessions.forgetSession(actor.tokenHash);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'auth.sign_out',
      entityType: 'account',
      entityId: actor.accountId,
    });
  }

  /**
   * The actor behind a session cookie, or null when the session is unknown, expired, or its account disabled.
   * Every request asks, so answers are kept a few seconds (SessionCache); the actor is frozen
   * because requests share it.
   */
  async actorFromToken(token: string): Promise<Actor | null> {
    return this.actorFromHash(sha256(token));
  }

  private async actorFromHash(tokenHash: string): Promise<Actor | null> {
    const cached = this.sessions.get(tokenHash);
    if (cached) return cached;
    const epoch = this.sessions.epoch();
    // A community session (the common case) first; a region session only when that finds nothing.
    const row = (await repo.loadSessionActor(this.db, tokenHash)) ?? (await this.regionSessionRow(tokenHash));
    if (!row || row.disabled || Date.parse(row.expires_at) <= Date.now()) return null;
    if (!(ROLES as readonly string[]).includes(row.role)) return null;
    // An office role belongs to a region membership only; on a community membership it would be a mistake.
    if (!('region_id' in row) && (REGION_ROLES as readonly string[]).includes(row.role)) return null;
    // Write last-seen at most once a minute: reads stay reads.
    if (Date.now() - Date.parse(row.last_seen_at) > 60_000)
      await repo.touchSession(this.db, tokenHash, new Date().toISOString());
    const actor: Actor = Object.freeze({
      accountId: row.account_id,
      name: row.name,
      phone: row.phone,
      role: row.role as Role,
      title: row.title,
      communityId: row.community_id,
      communityName: row.community_name,
      membershipId: row.membership_id,
      gridId: row.grid_id,
      teamId: row.team_id,
      unitId: row.unit_id,
      residentId: row.resident_id,
      regionId: 'region_id' in row ? (row.region_id as string) : null,
      locale: row.locale === 'en' || row.locale === 'zh-CN' ? row.locale : null,
      csrfToken: row.csrf_token,
      tokenHash,
      twoFactorEnrolmentRequired: 'region_id' in row ? false : !row.totp_enabled_at && twoFactorRequired(row.role, row),
    });
    this.sessions.set(actor, Date.parse(row.expires_at), epoch);
    return actor;
  }

  /**
   * A region session as a row shaped like a community session's: no grid, team, unit or resident, and the region's
   * name in place of the community's (the header shows the office). The community is only the one the session rests
   * on (session.active_community_id must name one); the region roles hold no permission in it.
   */
  private async regionSessionRow(tokenHash: string) {
    const r = await repo.loadRegionSessionActor(this.db, tokenHash);
    if (!r) return undefined;
    return {
      ...r,
      community_name: r.region_name,
      grid_id: null,
      team_id: null,
      unit_id: null,
      resident_id: null,
    };
  }

  /** Where the account may work: its communities and its regions, each with its role there. */
  async places(actor: Actor) {
    const [communities, regions] = await Promise.all([
      repo.communityMemberships(this.db, actor.accountId),
      regionMemberships(this.db, actor.accountId),
    ]);
    return [
      ...regions.map((r) => ({
        kind: r.kind as 'street' | 'district' | 'city',
        id: r.region_id,
        name: r.name,
        role: r.role,
        active: actor.regionId === r.region_id,
      })),
      ...communities.map((c) => ({
        kind: 'community' as const,
        id: c.community_id,
        name: c.name,
        role: c.role,
        active: !actor.regionId && actor.communityId === c.community_id,
      })),
    ];
  }

  /** Moves the session to another community or region of the account. */
  async switchTo(actor: Actor, to: { communityId?: string; regionId?: string }, ctx: RequestContext): Promise<Actor> {
    let communityId: string;
    let regionId: string | null = null;
    if (to.regionId) {
      const mine = (await regionMemberships(this.db, actor.accountId)).some((m) => m.region_id === to.regionId);
      if (!mine) throw new AppError('not_a_member');
      const under = await communityIdsUnderRegion(this.db, to.regionId);
      if (!under.length) throw new AppError('region_empty');
      communityId = under[0]!;
      regionId = to.regionId;
    } else {
      const mine = (await repo.communityMemberships(this.db, actor.accountId)).some(
        (m) => m.community_id === to.communityId,
      );
      if (!mine) throw new AppError('not_a_member');
      communityId = to.communityId!;
    }
    await repo.setActivePlace(this.db, actor.tokenHash, communityId, regionId);
    this.sessions.forgetSession(actor.tokenHash);
    const next = (await this.actorFromHash(actor.tokenHash))!;
    await this.audit.recordBy(this.db, next, ctx, {
      action: 'auth.switch',
      entityType: regionId ? 'region' : 'community',
      entityId: regionId ?? communityId,
    });
    return next;
  }

  async me(actor: Actor, fallback: Locale = 'zh-CN') {
    return {
      accountId: actor.accountId,
      name: actor.name,
      phone: actor.phone,
      role: actor.role,
      title: actor.title,
      community: { id: actor.communityId, name: actor.communityName },
      gridId: actor.gridId,
      gridName: actor.gridId ? await repo.gridName(this.db, actor.communityId, actor.gridId) : null,
      locale: actor.locale ?? fallback,
      permissions: PERMISSIONS.filter((p) => scopeOf(actor.role, p) !== null),
      // Set in a region session: the office (街道, 区, 市) the actor works in.
      region: actor.regionId ? { id: actor.regionId, name: actor.communityName } : null,
      places: await this.places(actor),
      // The web sends a person whose session may only enrol to the two-factor page.
      twoFactorEnrolmentRequired: !!actor.twoFactorEnrolmentRequired,
    };
  }

  async setLocale(actor: Actor, locale: Locale): Promise<void> {
    await repo.setLocale(this.db, actor.accountId, locale);
    this.sessions.forgetAccount(actor.accountId);
  }

  async purgeExpired(): Promise<void> {
    await repo.purgeExpired(this.db, new Date().toISOString());
    await this.twoFactor.purge();
  }

  /** A failed sign-in on a known account, in its community's audit log (the throttle keeps the counts). */
  private async recordFailure(accountId: string, name: string, ctx: RequestContext, method: string): Promise<void> {
    const m = await repo.findMembership(this.db, accountId);
    if (!m) return;
    await this.audit.recordBy(this.db, { communityId: m.community_id, accountId, name, role: m.role }, ctx, {
      action: 'auth.sign_in_failed',
      entityType: 'account',
      entityId: accountId,
      detail: { method },
    });
  }

  private async openSession(accountId: string, ctx: RequestContext, method: string): Promise<SignedIn> {
    // An office account works in its region: a region membership comes first (it may switch to a community).
    const region = (await regionMemberships(this.db, accountId))[0];
    let place: { communityId: string; regionId: string | null };
    if (region) {
      const under = await communityIdsUnderRegion(this.db, region.region_id);
      if (!under.length) throw new AppError('region_empty');
      // The session must name a community; a region session rests on its first and holds no permission there.
      place = { communityId: under[0]!, regionId: region.region_id };
    } else {
      const m = await repo.findMembership(this.db, accountId);
      if (!m) throw new AppError('forbidden', { role: '-', permission: 'sign-in' });
      place = { communityId: m.community_id, regionId: null };
    }
    const token = randomToken();
    const now = new Date();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertSession(trx, {
        token_hash: sha256(token),
        account_id: accountId,
        active_community_id: place.communityId,
        ...(place.regionId ? { active_region_id: place.regionId } : {}),
        csrf_token: randomToken(24),
        ip: ctx.ip,
        user_agent: ctx.userAgent,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + this.sessionHours * 3600_000).toISOString(),
      });
    });
    const actor = (await this.actorFromToken(token))!;
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'auth.sign_in',
      entityType: 'account',
      entityId: accountId,
      detail: { method },
    });
    return { token, actor };
  }
}
