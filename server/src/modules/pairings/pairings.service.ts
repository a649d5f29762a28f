// Three-fixed pairings (三定): staff pair a volunteer with a resident for an item, a place and a schedule;
// the volunteer logs each visit on the phone, for their own pairings only; expected visits that passed
// without one (within a tolerance) are flagged as missed. Visits keep a clean date and minutes for the
// hours ledger.
import { pageOfRows } from '../../../../domain/shared/schemas.ts';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { occurrences, parseRule, type Recurrence } from '../../../../domain/pairings/recurrence.ts';
import { DEFAULT_TOLERANCE_DAYS, checkVisits } from '../../../../domain/pairings/visits.ts';
import {
  PAIRING_ITEM_LABELS,
  VISIT_BACKDATE_DAYS,
  type PairingInput,
  type PairingItem,
  type PairingPatch,
  type PairingQuery,
  type PairingStatus,
  type VisitInput,
} from '../../../../domain/pairings/schemas.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import { requirementsOf, type EligibilityService } from '../service-types/service-types.service.ts';
import type { Override } from '../../../../domain/volunteers/work-policy.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { ReleasedWork } from '../volunteers/guardian-consent.service.ts';
import * as repo from './pairings.repository.ts';
import { byChineseName } from '../../../../domain/shared/collate.ts';
import { SingleFlight } from '../../platform/single-flight.ts';

/** A missed visit: the pairing, the date expected, and how many its pairing missed in the window. */
type MissedVisit = ReturnType<typeof toPairing> & { date: string; missedInWindow: number };

/** How far back missed visits are looked for, unless asked otherwise. */
export const MISSED_WINDOW_DAYS = 28;
const UPCOMING_DAYS = 28;

const ruleOf = (rrule: string): Recurrence => {
  const r = parseRule(rrule);
  // Rules are validated on the way in; a bad one in the table is a defect, not user input.
  if (!r.ok) throw new Error(`stored rrule is invalid: ${rrule}`);
  return r.rule;
};

/** The last day a pairing runs: its planned end, or the day it was ended, whichever is first. */
const lastDayOf = (p: { ends_on: string | null; ended_on: string | null }): string | null =>
  p.ends_on && p.ended_on ? (p.ends_on < p.ended_on ? p.ends_on : p.ended_on) : (p.ends_on ?? p.ended_on);

export function toPairing(p: repo.PairingRow) {
  return {
    id: p.id,
    volunteerId: p.volunteer_id,
    volunteerName: p.volunteer_name,
    residentId: p.resident_id,
    residentName: p.resident_name,
    residentAddress: `${p.building}${p.unit}单元${p.room}`,
    gridId: p.grid_id,
    item: p.item as PairingItem,
    itemNote: p.item_note,
    place: p.place,
    rrule: p.rrule,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    serviceTypeId: p.service_type_id,
    serviceTypeName: p.service_type_name ?? null,
    note: p.note,
    status: p.status as PairingStatus,
    endedOn: p.ended_on,
    endReason: p.end_reason,
    visitCount: Number(p.visit_count ?? 0),
    lastVisitOn: (p.last_visit_on as string | null) ?? null,
    createdAt: p.created_at,
  };
}

const toVisit = (v: {
  id: string;
  pairing_id: string;
  visited_on: string;
  minutes: number;
  notes: string | null;
  logged_by_name: string;
  logged_at: string;
}) => ({
  id: v.id,
  pairingId: v.pairing_id,
  visitedOn: v.visited_on,
  minutes: Number(v.minutes),
  notes: v.notes,
  loggedByName: v.logged_by_name,
  loggedAt: v.logged_at,
});

/** Expected dates of a pairing in [from, to], and which of them were kept, missed or are still open. */
export function scheduleOf(
  p: { rrule: string; starts_on: string; ends_on: string | null; ended_on: string | null },
  visits: readonly string[],
  from: string,
  to: string,
  today: string,
) {
  const expected = occurrences(ruleOf(p.rrule), p.starts_on, lastDayOf(p), from, to);
  return checkVisits(expected, visits, today, DEFAULT_TOLERANCE_DAYS);
}

export class PairingsService {
  /** The community's missed visits, shared by the callers asking at the same moment (see missed). */
  private readonly missedFlight = new SingleFlight<MissedVisit[]>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly volunteers: VolunteerDirectory,
    private readonly residents: ResidentDirectory,
    private readonly eligibility: EligibilityService,
    private readonly hours: HoursService,
    private readonly contacts: ContactService,
  ) {}

  /** The one gate: a pairing is one-to-one work for the resident (a minor never alone with an adult outside the
   *  family), tightened by its service type; staff may override what the policy allows, with a reason. */
  private async checkEligible(
    db: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    p: { id: string; volunteerId: string; residentId: string; serviceTypeId: string | null },
    override?: Override | null,
  ) {
    const s = p.serviceTypeId ? await this.eligibility.serviceType(actor.communityId, p.serviceTypeId, db) : null;
    await this.eligibility.gate(db, actor, ctx, {
      work: { kind: 'pairing', serviceType: s ? requirementsOf(s) : null, skillCode: s?.skill_code },
      volunteerIds: [p.volunteerId],
      residentId: p.residentId,
      entityType: 'pairing',
      entityId: p.id,
      override,
      refuseAs: 'volunteer_not_eligible',
      details: { fields: [{ field: 'volunteerId', message: 'volunteer_not_eligible' }] },
    });
  }

  async list(actor: Actor, q: PairingQuery) {
    const [items, total] = await Promise.all([
      repo.listPairings(this.db, actor.communityId, q, { page: q.page, pageSize: q.pageSize }),
      repo.countPairings(this.db, actor.communityId, q),
    ]);
    return { items: items.map(toPairing), total, page: q.page, pageSize: q.pageSize };
  }

  async create(actor: Actor, input: PairingInput, ctx: RequestContext) {
    const v = await this.volunteers.owner(actor.communityId, input.volunteerId);
    if (!v)
      throw new AppError('not_found', {
        entity: 'volunteer',
        fields: [{ field: 'volunteerId', message: 'invalid.id' }],
      });
    if (v.status !== 'approved') throw new AppError('volunteer_not_approved');
    if (!(await this.residents.get(actor.communityId, input.residentId))) {
      throw new AppError('not_found', {
        entity: 'resident',
        fields: [{ field: 'residentId', message: 'pairing.residentInactive' }],
      });
    }
    if (await repo.findActiveDuplicate(this.db, actor.communityId, v.id, input.residentId, input.item)) {
      throw new AppError('conflict', { reason: input.item, fields: [{ field: 'item', message: 'pairing.duplicate' }] });
    }
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const pairing = { id, volunteerId: v.id, residentId: input.residentId };
      await this.checkEligible(
        trx,
        actor,
        ctx,
        { ...pairing, serviceTypeId: input.serviceTypeId ?? null },
        input.override,
      );
      await repo.insertPairing(trx, {
        community_id: actor.communityId,
        id,
        volunteer_id: v.id,
        resident_id: input.residentId,
        item: input.item,
        item_note: input.itemNote || null,
        place: input.place,
        rrule: input.rrule,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        service_type_id: input.serviceTypeId ?? null,
        note: input.note || null,
        status: 'active',
        ended_on: null,
        end_reason: null,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'pairing.create',
        entityType: 'pairing',
        entityId: id,
        detail: { volunteerId: v.id, residentId: input.residentId, item: input.item, rrule: input.rrule },
      });
    });
    return { id };
  }

  private async activeOr409(actor: Actor, id: string, db: DbOrTrx = this.db) {
    const p = await repo.getPairingRow(db, actor.communityId, id);
    if (!p) throw new AppError('not_found', { entity: 'pairing' });
    if (p.status === 'ended') throw new AppError('pairing_ended', { endedOn: p.ended_on });
    return p;
  }

  async update(actor: Actor, id: string, patch: PairingPatch, ctx: RequestContext) {
    const p = await this.activeOr409(actor, id);
    const startsOn = patch.startsOn ?? p.starts_on;
    const endsOn = patch.endsOn === undefined ? p.ends_on : patch.endsOn;
    if (endsOn && endsOn < startsOn)
      throw new AppError('validation', { fields: [{ field: 'endsOn', message: 'invalid.endBeforeStart' }] });
    const item = patch.item ?? p.item;
    if (item === 'other' && !(patch.itemNote === undefined ? p.item_note : patch.itemNote))
      throw new AppError('validation', { fields: [{ field: 'itemNote', message: 'pairing.itemNoteRequired' }] });
    if (patch.serviceTypeId && patch.serviceTypeId !== p.service_type_id)
      await this.checkEligible(this.db, actor, ctx, {
        id,
        volunteerId: p.volunteer_id,
        residentId: p.resident_id,
        serviceTypeId: patch.serviceTypeId,
      });
    await this.db.transaction().execute(async (trx) => {
      await repo.updatePairing(trx, actor.communityId, id, {
        ...(patch.item !== undefined && { item: patch.item }),
        ...(patch.itemNote !== undefined && { item_note: patch.itemNote || null }),
        ...(patch.place !== undefined && { place: patch.place }),
        ...(patch.rrule !== undefined && { rrule: patch.rrule }),
        ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
        ...(patch.endsOn !== undefined && { ends_on: patch.endsOn ?? null }),
        ...(patch.serviceTypeId !== undefined && { service_type_id: patch.serviceTypeId ?? null }),
        ...(patch.note !== undefined && { note: patch.note || null }),
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'pairing.update',
        entityType: 'pairing',
        entityId: id,
        detail: { fields: Object.keys(patch), rrule: patch.rrule },
      });
    });
  }

  async end(actor: Actor, id: string, input: { reason: string; endedOn?: string }, ctx: RequestContext) {
    const p = await this.activeOr409(actor, id);
    const endedOn = input.endedOn ?? todayInShanghai();
    if (endedOn < p.starts_on || endedOn > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'endedOn', message: 'pairing.visitOutsidePairing' }] });
    await this.db.transaction().execute(async (trx) => {
      await repo.updatePairing(trx, actor.communityId, id, {
        status: 'ended',
        ended_on: endedOn,
        end_reason: input.reason,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'pairing.end',
        entityType: 'pairing',
        entityId: id,
        detail: { endedOn, reason: input.reason },
      });
    });
  }

  /**
   * A guardian withdrew consent: the volunteer's running pairings end today with the reason, inside the caller's
   * transaction. Visits already logged stay.
   */
  async releaseVolunteer(trx: Trx, communityId: string, volunteerId: string, reason: string): Promise<ReleasedWork[]> {
    const today = todayInShanghai();
    const released: ReleasedWork[] = [];
    for (const p of await repo.listPairings(trx, communityId, { volunteerId })) {
      if (p.status === 'ended') continue;
      await repo.updatePairing(trx, communityId, p.id, {
        status: 'ended',
        ended_on: today,
        end_reason: reason,
        updated_at: new Date().toISOString(),
      });
      released.push({ kind: 'pairing', id: p.id, label: `结对 ${p.resident_name}` });
    }
    return released;
  }

  /**
   * One pairing with all its visits, its missed visits of the last `MISSED_WINDOW_DAYS` and the next expected dates.
   */
  async detail(actor: Actor, id: string) {
    const p = await repo.getPairing(this.db, actor.communityId, id);
    if (!p) throw new AppError('not_found', { entity: 'pairing' });
    return this.withSchedule(actor.communityId, [p], todayInShanghai(), null).then((r) => r[0]!);
  }

  /** Pairings with their schedule: visits (all, or from `visitsFrom`), missed dates, the next expected dates. */
  private async withSchedule(communityId: string, rows: repo.PairingRow[], today: string, visitsFrom: string | null) {
    const from = addDays(today, -MISSED_WINDOW_DAYS);
    const visits = await repo.visitsOf(
      this.db,
      communityId,
      rows.map((p) => p.id),
      visitsFrom ?? undefined,
    );
    const byPairing = new Map<string, typeof visits>();
    for (const v of visits) (byPairing.get(v.pairing_id) ?? byPairing.set(v.pairing_id, []).get(v.pairing_id)!).push(v);
    return rows.map((p) => {
      const own = byPairing.get(p.id) ?? [];
      const past = scheduleOf(
        p,
        own.map((v) => v.visited_on),
        from,
        today,
        today,
      );
      const next =
        p.status === 'active'
          ? scheduleOf(p, [], addDays(today, 1), addDays(today, UPCOMING_DAYS), today)
              .map((c) => c.date)
              .slice(0, 4)
          : [];
      return {
        ...toPairing(p),
        visits: own.map(toVisit),
        missed: past.filter((c) => c.status === 'missed').map((c) => c.date),
        // Expected dates whose window is still open and has no visit yet: what the volunteer can log now.
        due: past.filter((c) => c.status === 'open').map((c) => c.date),
        next,
      };
    });
  }

  /** Missed visits of every pairing in the last `days` days, newest first (staff's follow-up list). */
  /** A page of missed visits, newest first; `q` finds a resident or a volunteer by name. */
  async missed(actor: Actor, days: number, f: { q?: string; page: number; pageSize: number }) {
    const q = f.q?.trim();
    // The missed visits are the community's, not the asker's: staff asking at the same moment share one run of the
    // schedules (nothing is kept after it; the filter below makes a new array and never touches the shared rows).
    const shared = await this.missedFlight.run(`${actor.communityId} ${days} ${todayInShanghai()}`, () =>
      this.allMissed(actor.communityId, days),
    );
    const all = shared.filter((m) => !q || m.residentName.includes(q) || m.volunteerName.includes(q));
    return pageOfRows(all, f.page, f.pageSize);
  }

  private async allMissed(communityId: string, days: number): Promise<MissedVisit[]> {
    const today = todayInShanghai();
    const from = addDays(today, -days);
    const rows = await repo.listPairings(this.db, communityId, { activeFrom: from });
    const visits = await repo.visitsOf(
      this.db,
      communityId,
      rows.map((p) => p.id),
      addDays(from, -DEFAULT_TOLERANCE_DAYS),
    );
    const byPairing = new Map<string, string[]>();
    for (const v of visits)
      (byPairing.get(v.pairing_id) ?? byPairing.set(v.pairing_id, []).get(v.pairing_id)!).push(v.visited_on);
    const out: MissedVisit[] = [];
    for (const p of rows) {
      const missed = scheduleOf(p, byPairing.get(p.id) ?? [], from, today, today).filter((c) => c.status === 'missed');
      for (const m of missed) out.push({ ...toPairing(p), date: m.date, missedInWindow: missed.length });
    }
    return out.sort((a, b) =>
      a.date === b.date ? byChineseName(a.residentName, b.residentName) : a.date < b.date ? 1 : -1,
    );
  }

  // ---------------- the volunteer's own ----------------

  private async me(actor: Actor) {
    const me = await this.volunteers.self(actor);
    if (!me) throw new AppError('not_found', { entity: 'volunteer' });
    return me;
  }

  /** My active pairings with what is due, missed and next; and my last visits. */
  async mine(actor: Actor) {
    const me = await this.me(actor);
    const rows = await repo.listPairings(this.db, actor.communityId, { volunteerId: me.id, status: 'active' });
    const today = todayInShanghai();
    const list = await this.withSchedule(actor.communityId, rows, today, addDays(today, -90));
    return list.map((p) => ({ ...p, visits: p.visits.slice(0, 5) }));
  }

  async logOwnVisit(actor: Actor, pairingId: string, input: VisitInput, ctx: RequestContext) {
    const me = await this.me(actor);
    const p = await repo.getPairingRow(this.db, actor.communityId, pairingId);
    if (!p) throw new AppError('not_found', { entity: 'pairing' });
    // Checked before anything is written: someone else's pairing is refused and nothing changes.
    if (p.volunteer_id !== me.id) throw new AppError('not_your_pairing');
    if (input.visitedOn < addDays(todayInShanghai(), -VISIT_BACKDATE_DAYS))
      throw new AppError('validation', { fields: [{ field: 'visitedOn', message: 'pairing.visitTooOld' }] });
    return this.logVisit(actor, p, input, ctx, false);
  }

  /** Staff log a visit for a volunteer (reported by phone, say), on any day of the pairing up to today. */
  async logVisitFor(actor: Actor, pairingId: string, input: VisitInput, ctx: RequestContext) {
    const p = await repo.getPairingRow(this.db, actor.communityId, pairingId);
    if (!p) throw new AppError('not_found', { entity: 'pairing' });
    return this.logVisit(actor, p, input, ctx, true);
  }

  /** Writes the visit and its hours entry together: a visit never lands without its hours, nor hours without it. */
  private async logVisit(
    actor: Actor,
    p: NonNullable<Awaited<ReturnType<typeof repo.getPairingRow>>>,
    input: VisitInput,
    ctx: RequestContext,
    byStaff: boolean,
  ) {
    const today = todayInShanghai();
    if (input.visitedOn > today)
      throw new AppError('validation', { fields: [{ field: 'visitedOn', message: 'pairing.visitInFuture' }] });
    if (p.ended_on && input.visitedOn > p.ended_on) throw new AppError('pairing_ended', { endedOn: p.ended_on });
    if (input.visitedOn < p.starts_on || (p.ends_on && input.visitedOn > p.ends_on))
      throw new AppError('validation', { fields: [{ field: 'visitedOn', message: 'pairing.visitOutsidePairing' }] });
    const id = uuidv7();
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await repo.visitOn(trx, actor.communityId, p.id, input.visitedOn))
          throw new AppError('visit_already_logged', { visitedOn: input.visitedOn });
        await repo.insertVisit(trx, {
          community_id: actor.communityId,
          id,
          pairing_id: p.id,
          volunteer_id: p.volunteer_id,
          resident_id: p.resident_id,
          visited_on: input.visitedOn,
          minutes: input.minutes,
          notes: input.notes || null,
          logged_by: actor.accountId,
          logged_by_name: actor.name,
          logged_at: new Date().toISOString(),
        });
        // The description names the service, never the resident: it is printed on the volunteer's certificate.
        await this.hours.recordService(trx, {
          communityId: actor.communityId,
          volunteerId: p.volunteer_id,
          source: 'pairing_visit',
          sourceId: id,
          serviceDate: input.visitedOn,
          minutes: input.minutes,
          description: `三定结对 · ${PAIRING_ITEM_LABELS[p.item as PairingItem]?.zh ?? p.item}`,
          reviewReason: byStaff ? 'logged_by_staff' : null,
          recordedBy: { accountId: actor.accountId, name: actor.name },
        });
        await this.contacts.record(trx, [
          {
            communityId: actor.communityId,
            kind: 'pairing_visit',
            sourceId: id,
            residentId: p.resident_id,
            occurredOn: input.visitedOn,
            volunteerId: p.volunteer_id,
          },
        ]);
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'pairing.visit',
          entityType: 'pairing',
          entityId: p.id,
          detail: { visitId: id, visitedOn: input.visitedOn, minutes: input.minutes },
        });
      });
    } catch (err) {
      // Two taps at once: the unique key lets one through and refuses the other.
      if (repo.isUniqueViolation(err)) throw new AppError('visit_already_logged', { visitedOn: input.visitedOn });
      throw err;
    }
    return { id };
  }
}
