// A minor's guardian consent, confirmed by the guardian rather than typed in by whoever registered. At registration
// the guardian's phone gets a code by SMS (through the one outbox); on the public page the guardian enters it and
// confirms, or later withdraws. Staff may instead record the signed paper form with its scan, or record a
// withdrawal. Until confirmed, the registration cannot be approved and the eligibility gate reads no consent;
// a withdrawal takes effect at the next check and, in its transaction, releases what the minor was down for (each
// module releases its own work through a listener registered in app.ts); staff are told what was released.
// Codes are never logged or audited, only that one was sent.
import crypto from 'node:crypto';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog } from '../../platform/audit.ts';
import { sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { bornOnOrBefore, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { DEFAULT_AGE_POLICY } from '../../../../domain/volunteers/eligibility.ts';
import type {
  GuardianChild,
  GuardianConsentView,
  GuardianDecision,
  GuardianConsentState,
} from '../../../../domain/volunteers/schemas.ts';
import { staffPhones } from '../auth/staff-directory.ts';
import * as repo from './volunteers.repository.ts';

/** A code sent with the registration may wait a few days for the guardian. */
export const GUARDIAN_CODE_TTL_HOURS = 72;
export const GUARDIAN_CODE_RESEND_SECONDS = 60;
/** Wrong guesses one code allows; after that only a new code helps. */
export const GUARDIAN_CODE_MAX_ATTEMPTS = 5;
/** Codes one guardian phone receives in a day, so that guessing stays hopeless (25 tries a day at most). */
export const GUARDIAN_CODES_PER_DAY = 5;
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const GUARDIAN_PAGE = '/m/guardian-consent';

const codeKey = (phone: string) => `guardian:${phone}`;

/** One piece of work a withdrawal released: what kind, which row, and a few words staff recognise it by. */
export interface ReleasedWork {
  kind:
    | 'activity_signup'
    | 'classroom_rota'
    | 'homecare_task'
    | 'hospital_shift'
    | 'delivery_building'
    | 'need'
    | 'pairing';
  id: string;
  label: string;
}

/**
 * A module's part of a withdrawal: inside the withdrawal's transaction it releases the volunteer's future work it
 * holds (past and done work stays) and says what it released. Registered in app.ts (this module is built first).
 */
export type ReleaseListener = (
  trx: Trx,
  r: { communityId: string; volunteerId: string; reason: string },
) => Promise<ReleasedWork[]>;

type GuardianRow = NonNullable<Awaited<ReturnType<typeof repo.guardianOf>>>;

/** PNG, JPEG or PDF by their magic bytes, whatever the name or the stated type says. */
export function sniffScan(b: Buffer): 'image/png' | 'image/jpeg' | 'application/pdf' | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export class GuardianConsentService {
  private readonly releasers: ReleaseListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  /** Is this volunteer a minor today (the guardian's consent matters)? */
  static isMinor(birthDate: string, today = todayInShanghai()): boolean {
    return birthDate > bornOnOrBefore(DEFAULT_AGE_POLICY.guardianUnder, today);
  }

  /** A module releasing its work when a guardian withdraws; called inside the withdrawal's transaction. */
  onWithdrawal(listener: ReleaseListener): void {
    this.releasers.push(listener);
  }

  /** Sends the guardian a code that confirms (or later withdraws) consent; inside the caller's transaction. */
  async sendCode(trx: DbOrTrx, g: { communityId: string; volunteerId: string; phone: string; child: string }) {
    const key = codeKey(g.phone);
    const last = await repo.latestCode(trx, key);
    if (last && Date.now() - Date.parse(last.created_at) < GUARDIAN_CODE_RESEND_SECONDS * 1000)
      throw new AppError('rate_limited');
    const since = new Date(Date.now() - 24 * 3600_000).toISOString();
    if ((await repo.codesSince(trx, key, since)) >= GUARDIAN_CODES_PER_DAY) throw new AppError('rate_limited');
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const now = new Date();
    await repo.insertCode(trx, {
      id: uuidv7(),
      phone: key,
      code_hash: sha256(`${key}:${code}`),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + GUARDIAN_CODE_TTL_HOURS * 3600_000).toISOString(),
    });
    await repo.updateGuardian(trx, g.communityId, g.volunteerId, { code_sent_at: now.toISOString() });
    const community = await repo.getCommunity(trx, g.communityId);
    await this.notifier.send(trx, {
      channel: 'sms',
      recipient: g.phone,
      template: 'volunteer.guardian_consent_code',
      // The page link carries the code in its fragment, which browsers never send to the server.
      payload: {
        code,
        child: g.child,
        community: community?.name ?? '',
        hours: GUARDIAN_CODE_TTL_HOURS,
        link: `${GUARDIAN_PAGE}#p=${g.phone}&c=${code}`,
      },
    });
  }

  /** The registration is written: ask the guardian. A minor without a guardian row is refused earlier. */
  async askAtRegistration(trx: DbOrTrx, g: { communityId: string; volunteerId: string; phone: string; child: string }) {
    try {
      await this.sendCode(trx, g);
    } catch (err) {
      // A code sent moments ago (a second child of the same guardian) still serves: it covers every child.
      if (!(err instanceof AppError && err.code === 'rate_limited')) throw err;
    }
  }

  // ---------------- staff ----------------

  async view(g: GuardianRow): Promise<GuardianConsentView> {
    const names = await repo.accountNames(this.db, [g.confirmed_by, g.withdrawn_by]);
    return {
      state: g.state as GuardianConsentState,
      method: (g.confirmed_via ?? null) as GuardianConsentView['method'],
      confirmedAt: g.confirmed_at ?? null,
      confirmedByName: g.confirmed_by ? (names.get(g.confirmed_by) ?? null) : null,
      paperSignedOn: g.paper_signed_on ?? null,
      scanId: g.scan_id ?? null,
      withdrawnAt: g.withdrawn_at ?? null,
      withdrawnVia: (g.withdrawn_via ?? null) as GuardianConsentView['withdrawnVia'],
      withdrawnByName: g.withdrawn_by ? (names.get(g.withdrawn_by) ?? null) : null,
      withdrawalNote: g.withdrawal_note ?? null,
      codeSentAt: g.code_sent_at ?? null,
    };
  }

  private async guardianOr409(communityId: string, volunteerId: string) {
    const g = await repo.guardianOf(this.db, communityId, volunteerId);
    if (!g) throw new AppError('guardian_consent_none');
    return g;
  }

  /** Staff send the guardian a new code (the first one expired or was lost). */
  async resend(actor: Actor, volunteerId: string, name: string, ctx: RequestContext) {
    const g = await this.guardianOr409(actor.communityId, volunteerId);
    await this.db.transaction().execute(async (trx) => {
      await this.sendCode(trx, { communityId: actor.communityId, volunteerId, phone: g.phone, child: name });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.guardian_code',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { name, state: g.state },
      });
    });
    return { resendAfterSeconds: GUARDIAN_CODE_RESEND_SECONDS };
  }

  /** Staff record the signed paper form with its scan: the consent is confirmed, by whom and when recorded. */
  async recordPaper(
    actor: Actor,
    volunteerId: string,
    name: string,
    input: { signedOn: string; note?: string | null; scan: Buffer },
    ctx: RequestContext,
  ) {
    const g = await this.guardianOr409(actor.communityId, volunteerId);
    if (g.state === 'confirmed') throw new AppError('guardian_consent_already');
    if (input.signedOn > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'signedOn', message: 'volunteer.futureDate' }] });
    if (input.scan.length > MAX_SCAN_BYTES)
      throw new AppError('payload_too_large', { maxMb: Math.round(MAX_SCAN_BYTES / 1048576) });
    const mime = sniffScan(input.scan);
    if (!mime) throw new AppError('validation', { fields: [{ field: 'file', message: 'volunteer.scanType' }] });
    const scanId = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertScan(trx, {
        community_id: actor.communityId,
        id: scanId,
        volunteer_id: volunteerId,
        mime,
        bytes: input.scan.length,
        data: input.scan.toString('base64'),
        created_by: actor.accountId,
        created_at: now,
      });
      await repo.updateGuardian(trx, actor.communityId, volunteerId, {
        state: 'confirmed',
        confirmed_via: 'paper',
        confirmed_at: now,
        confirmed_by: actor.accountId,
        paper_signed_on: input.signedOn,
        scan_id: scanId,
        withdrawn_at: null,
        withdrawn_via: null,
        withdrawn_by: null,
        withdrawal_note: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.guardian_paper',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { name, scanId, mime, bytes: input.scan.length, signedOn: input.signedOn, note: input.note ?? null },
      });
    });
  }

  /** Staff record a withdrawal the guardian made in person or by phone. */
  async staffWithdraw(actor: Actor, volunteerId: string, name: string, note: string | null, ctx: RequestContext) {
    const g = await this.guardianOr409(actor.communityId, volunteerId);
    if (g.state === 'withdrawn') throw new AppError('guardian_consent_already');
    await this.db.transaction().execute(async (trx) => {
      const released = await this.withdrawIn(trx, actor.communityId, volunteerId, name, {
        via: 'staff',
        by: actor.accountId,
        note,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.guardian_withdraw',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { name, via: 'staff', note, released },
      });
    });
  }

  async scan(communityId: string, volunteerId: string, scanId: string) {
    const s = await repo.getScan(this.db, communityId, volunteerId, scanId);
    if (!s) throw new AppError('not_found', { entity: 'volunteer' });
    return { mime: s.mime, body: Buffer.from(s.data, 'base64') };
  }

  /**
   * Withdrawal: the gate refuses from now on, and every module releases the minor's future work in this transaction.
   * Staff get one notice of what was released and of anything still open (work already under way).
   */
  private async withdrawIn(
    trx: Trx,
    communityId: string,
    volunteerId: string,
    child: string,
    w: { via: 'guardian' | 'staff'; by: string | null; note: string | null },
  ): Promise<ReleasedWork[]> {
    // Before any row lock: a sign-up batch holds the audit chain's lock and then takes shift rows.
    await this.audit.lockChain(trx, communityId);
    const now = new Date().toISOString();
    await repo.updateGuardian(trx, communityId, volunteerId, {
      state: 'withdrawn',
      withdrawn_at: now,
      withdrawn_via: w.via,
      withdrawn_by: w.by,
      withdrawal_note: w.note,
    });
    const reason = '监护人撤回同意';
    const released: ReleasedWork[] = [];
    for (const release of this.releasers) released.push(...(await release(trx, { communityId, volunteerId, reason })));
    const open = await repo.futureCommitments(trx, communityId, volunteerId, todayInShanghai());
    for (const s of await staffPhones(trx, communityId))
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: s.phone,
        template: 'volunteer.guardian_consent_withdrawn',
        payload: { child, via: w.via, released: released.map((r) => ({ kind: r.kind, label: r.label })), ...open },
      });
    return released;
  }

  // ---------------- the guardian's public page ----------------

  /** A guardian asks for a code (to withdraw later, or when the first expired). Silent when the phone is unknown. */
  async requestCode(phone: string) {
    const children = await repo.guardiansByPhone(this.db, phone);
    if (children.length) {
      const first = children[0]!;
      await this.db.transaction().execute((trx) =>
        this.sendCode(trx, {
          communityId: first.community_id,
          volunteerId: first.volunteer_id,
          phone,
          child: children.map((c) => c.name).join('、'),
        }),
      );
    }
    return { resendAfterSeconds: GUARDIAN_CODE_RESEND_SECONDS };
  }

  /** The code proves the phone; wrong guesses count, and after too many only a new code helps. */
  private async prove(phone: string, code: string) {
    const key = codeKey(phone);
    const last = await repo.latestCode(this.db, key);
    const live = last && !last.consumed_at && last.expires_at > new Date().toISOString();
    if (live && last.attempts >= GUARDIAN_CODE_MAX_ATTEMPTS) throw new AppError('rate_limited');
    if (!live || last.code_hash !== sha256(`${key}:${code}`)) {
      if (live) await repo.updateCode(this.db, last.id, { attempts: last.attempts + 1 });
      throw new AppError('validation', { fields: [{ field: 'code', message: 'bad_code' }] });
    }
  }

  async children(phone: string, code: string): Promise<GuardianChild[]> {
    await this.prove(phone, code);
    return (await repo.guardiansByPhone(this.db, phone)).map(toChild);
  }

  async decide(input: GuardianDecision, ctx: RequestContext): Promise<GuardianChild> {
    await this.prove(input.phone, input.code);
    const row = (await repo.guardiansByPhone(this.db, input.phone)).find((c) => c.volunteer_id === input.volunteerId);
    if (!row) throw new AppError('not_found', { entity: 'volunteer' });
    const g = (await repo.guardianOf(this.db, row.community_id, row.volunteer_id))!;
    const want = input.decision === 'confirm' ? 'confirmed' : 'withdrawn';
    // Withdrawing a pending consent is the guardian saying no: recorded the same way.
    if (g.state === want) throw new AppError('guardian_consent_already');
    const who = auditWho({ communityId: row.community_id, accountId: null, name: g.name, role: null }, ctx);
    await this.db.transaction().execute(async (trx) => {
      if (input.decision === 'confirm') {
        await repo.updateGuardian(trx, row.community_id, row.volunteer_id, {
          state: 'confirmed',
          confirmed_via: 'sms',
          confirmed_at: new Date().toISOString(),
          confirmed_by: null,
          paper_signed_on: null,
          withdrawn_at: null,
          withdrawn_via: null,
          withdrawn_by: null,
          withdrawal_note: null,
        });
        if (row.status === 'pending')
          for (const s of await staffPhones(trx, row.community_id))
            await this.notifier.send(trx, {
              channel: 'sms',
              recipient: s.phone,
              template: 'volunteer.guardian_consent_confirmed',
              payload: { child: row.name },
            });
      }
      const released =
        input.decision === 'confirm'
          ? null
          : await this.withdrawIn(trx, row.community_id, row.volunteer_id, row.name, {
              via: 'guardian',
              by: null,
              note: null,
            });
      await this.audit.record(trx, who, {
        action: input.decision === 'confirm' ? 'volunteer.guardian_confirm' : 'volunteer.guardian_withdraw',
        entityType: 'volunteer',
        entityId: row.volunteer_id,
        detail: {
          name: row.name,
          via: input.decision === 'confirm' ? 'sms' : 'guardian',
          relation: g.relation,
          ...(released && { released }),
        },
      });
    });
    const after = (await repo.guardiansByPhone(this.db, input.phone)).find(
      (c) => c.volunteer_id === input.volunteerId,
    )!;
    return toChild(after);
  }
}

function toChild(c: Awaited<ReturnType<typeof repo.guardiansByPhone>>[number]): GuardianChild {
  return {
    volunteerId: c.volunteer_id,
    name: c.name,
    communityName: c.community_name,
    relation: c.relation,
    state: c.state as GuardianConsentState,
    method: (c.confirmed_via ?? null) as GuardianChild['method'],
    confirmedAt: c.confirmed_at ?? null,
    withdrawnAt: c.withdrawn_at ?? null,
  };
}
