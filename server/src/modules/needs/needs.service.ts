// Needs: taken by phone, online, WeChat, at the office or in the survey; matched to a volunteer; followed to
// done and reviewed. Every move is an event (who, when, why) and an audit entry, written with the change.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { NeedTable } from '../../db/schema/index.ts';
import { assertInScope, gridFilter, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { hhmmToMinute, minuteToHhmm } from '../../../../domain/volunteers/service-schemas.ts';
import { SKILL_BY_CODE, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import { taskRequirementsFor } from '../../../../domain/matching/score.ts';
import {
  canMove,
  needRequirements,
  type NeedChannel,
  type NeedAnswer,
  type NeedInput,
  type NeedMove,
  type NeedQuery,
  type NeedStatus,
  type SurveyVisitInput,
} from '../../../../domain/needs/needs.ts';
import { EligibilityService } from '../service-types/service-types.service.ts';
import type { Override } from '../../../../domain/volunteers/work-policy.ts';
import { requirementsOf } from '../service-types/service-types.service.ts';
import type { ResidentBrief, ResidentDirectory } from '../registry/resident-directory.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { ReleasedWork } from '../volunteers/guardian-consent.service.ts';
import * as repo from './needs.repository.ts';
import type { NeedNotices } from './need-notices.ts';
import type { Trx } from '../../db/database.ts';

const hhmmOrNull = (m: number | null) => (m === null ? null : minuteToHhmm(m));

export function toNeed(n: NeedTable & { resident_name?: string; volunteer_name?: string | null }) {
  return {
    id: n.id,
    residentId: n.resident_id,
    residentName: n.resident_name ?? null,
    gridId: n.grid_id,
    channel: n.channel,
    category: n.category,
    skillCode: n.skill_code,
    serviceTypeId: n.service_type_id,
    urgency: n.urgency,
    preferredDate: n.preferred_date,
    preferredStart: hhmmOrNull(n.preferred_start),
    preferredEnd: hhmmOrNull(n.preferred_end),
    preferredGender: n.preferred_gender,
    place: n.place,
    description: n.description,
    status: n.status,
    volunteerId: n.volunteer_id,
    volunteerName: n.volunteer_name ?? null,
    scheduledFor: n.scheduled_for,
    closeReason: n.close_reason,
    rating: n.rating,
    ratingComment: n.rating_comment,
    createdAt: n.created_at,
    matchedAt: n.matched_at,
    doneAt: n.done_at,
    closedAt: n.closed_at,
    // The volunteer's answer: waiting while matched and not yet accepted; the last decline stays for staff.
    answer: answerOf(n),
    acceptedAt: n.accepted_at ?? null,
    declinedAt: n.declined_at ?? null,
    declineReason: n.decline_reason ?? null,
    minutes: n.minutes ?? null,
  };
}

/**
 * The volunteer's answer: waiting while an open need is matched and not accepted; after a decline, 'declined'
 * until matched again; none for a need closed without an answer (taken before the loop, or closed by staff).
 */
export function answerOf(
  n: Pick<NeedTable, 'accepted_at' | 'volunteer_id' | 'declined_at' | 'status'>,
): NeedAnswer | null {
  if (n.accepted_at) return 'accepted';
  if (n.volunteer_id && ['matched', 'scheduled', 'in_progress'].includes(n.status)) return 'waiting';
  return n.status === 'new' && n.declined_at ? 'declined' : null;
}

/** Median and 90th percentile of a list of hours (null when empty). */
function spread(hours: number[]) {
  if (!hours.length) return { count: 0, medianHours: null, p90Hours: null };
  const s = [...hours].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { count: s.length, medianHours: Math.round(at(0.5) * 10) / 10, p90Hours: Math.round(at(0.9) * 10) / 10 };
}

/** Whoever acts: a signed-in user, or a resident through a channel such as WeChat. */
/** What ties an account (or a bound WeChat user) to residents. */
export type AccountLink = Pick<Actor, 'communityId' | 'residentId' | 'phone'>;

const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('') + '…' : s);

type Who = { communityId: string; accountId: string | null; name: string; role: string | null };

export interface TakeFromChannel {
  communityId: string;
  residentId: string;
  channel: NeedChannel;
  category: NeedInput['category'];
  description: string;
  actorName: string;
  accountId?: string | null;
}

export class NeedsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly eligibility: EligibilityService,
    private readonly residents: ResidentDirectory,
    private readonly notices: NeedNotices,
    private readonly contacts: ContactService,
  ) {}

  /** Whom this account may ask for: themselves and the family members who list their phone. */
  forWhom(actor: Actor) {
    return this.residents.linkedTo(actor);
  }

  private async mineIds(actor: AccountLink) {
    return (await this.residents.linkedTo(actor)).map((r) => r.id);
  }

  private async resident(communityId: string, residentId: string) {
    const r = await this.residents.get(communityId, residentId);
    if (!r) throw new AppError('validation', { fields: [{ field: 'residentId', message: 'invalid.unknownResident' }] });
    return r;
  }

  /** A need the caller may see (matching reads it too). */
  needInScope(actor: Actor, grant: Grant, id: string) {
    return this.need(actor, grant, id);
  }

  private async need(actor: Actor, grant: Grant, id: string, db: DbOrTrx = this.db) {
    const n = await repo.getNeed(db, actor.communityId, id);
    if (!n) throw new AppError('not_found', { entity: 'need' });
    assertInScope(actor, grant, { gridId: n.grid_id });
    return n;
  }

  private async checkRefs(communityId: string, input: Pick<NeedInput, 'skillCode' | 'serviceTypeId' | 'category'>) {
    const fields = [];
    if (input.skillCode && SKILL_BY_CODE.get(input.skillCode)?.category !== input.category)
      fields.push({ field: 'skillCode', message: 'invalid.value' });
    if (input.serviceTypeId) {
      const s = await this.db
        .selectFrom('service_type')
        .select('id')
        .where('community_id', '=', communityId)
        .where('id', '=', input.serviceTypeId)
        .executeTakeFirst();
      if (!s) fields.push({ field: 'serviceTypeId', message: 'invalid.id' });
    }
    if (fields.length) throw new AppError('validation', { fields });
  }

  /** `r`: the resident as the caller has already read them (once per need, not once more here). */
  private async insert(who: Who, ctx: RequestContext, r: ResidentBrief, input: Omit<NeedInput, 'residentId'>) {
    await this.checkRefs(who.communityId, input);
    const id = uuidv7(),
      now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertNeed(trx, {
        community_id: who.communityId,
        id,
        resident_id: r.id,
        household_id: r.householdId,
        grid_id: r.gridId,
        channel: input.channel,
        category: input.category,
        skill_code: input.skillCode || null,
        service_type_id: input.serviceTypeId ?? null,
        urgency: input.urgency,
        preferred_date: input.preferredDate ?? null,
        preferred_start: input.preferredStart ? hhmmToMinute(input.preferredStart) : null,
        preferred_end: input.preferredEnd ? hhmmToMinute(input.preferredEnd) : null,
        preferred_gender: input.preferredGender ?? null,
        place: input.place || null,
        description: input.description,
        caller_phone: input.callerPhone ?? null,
        status: 'new',
        volunteer_id: null,
        scheduled_for: null,
        close_reason: null,
        rating: null,
        rating_comment: null,
        created_by: who.accountId,
        created_at: now,
        matched_at: null,
        done_at: null,
        closed_at: null,
        updated_at: now,
        accepted_at: null,
        declined_at: null,
        declined_by: null,
        decline_reason: null,
        minutes: null,
      });
      await repo.insertEvent(trx, {
        community_id: who.communityId,
        id: uuidv7(),
        need_id: id,
        from_status: null,
        to_status: 'new',
        volunteer_id: null,
        note: input.channel,
        account_id: who.accountId,
        actor_name: who.name,
        at: now,
      });
      await this.audit.recordBy(trx, who, ctx, {
        action: 'need.take',
        entityType: 'need',
        entityId: id,
        detail: { channel: input.channel, category: input.category, urgency: input.urgency },
      });
    });
    return { id };
  }

  /** Staff or a grid leader takes a need (hotline, office, survey) for a resident in their scope. */
  async take(actor: Actor, grant: Grant, input: NeedInput, ctx: RequestContext) {
    const r = await this.resident(actor.communityId, input.residentId);
    assertInScope(actor, grant, { gridId: r.gridId });
    return this.insert(actor, ctx, r, input);
  }

  /** A resident or family member asks on the phone page, for themselves or someone they are a contact of. */
  async takeMine(
    actor: Actor,
    input: Omit<NeedInput, 'channel' | 'callerPhone' | 'serviceTypeId'>,
    ctx: RequestContext,
  ) {
    if (!(await this.mineIds(actor)).includes(input.residentId)) throw new AppError('out_of_scope', { scope: 'self' });
    const r = await this.resident(actor.communityId, input.residentId);
    return this.insert(actor, ctx, r, { ...input, channel: 'online' });
  }

  /** For the WeChat module: a need from a bound resident, in their words. */
  async takeFromChannel(t: TakeFromChannel, ctx: RequestContext) {
    return this.insert(
      { communityId: t.communityId, accountId: t.accountId ?? null, name: t.actorName, role: 'resident' },
      ctx,
      await this.resident(t.communityId, t.residentId),
      { channel: t.channel, category: t.category, description: t.description, urgency: 'normal' },
    );
  }

  async list(actor: Actor, grant: Grant, q: NeedQuery) {
    const { page, pageSize, ...f } = q;
    const { total, rows } = await repo.listNeeds(
      this.db,
      actor.communityId,
      { ...f, gridOnly: gridFilter(actor, grant) },
      page,
      pageSize,
    );
    return { items: rows.map(toNeed), total, page, pageSize };
  }

  /** Needs of an account's own resident record and its family members (also for WeChat, where no one is signed in). */
  /** Every need matching the filters, for Excel, in pages so a large year never sits in memory at once. */
  async exportRows(actor: Actor, grant: Grant, f: Omit<NeedQuery, 'page' | 'pageSize'>, ctx: RequestContext) {
    const filter = { ...f, gridOnly: gridFilter(actor, grant) };
    const { total } = await repo.listNeeds(this.db, actor.communityId, filter, 1, 1);
    await this.db.transaction().execute((trx) =>
      this.audit.recordBy(trx, actor, ctx, {
        action: 'need.export',
        entityType: 'need',
        detail: { filters: f, rows: total },
      }),
    );
    const db = this.db,
      communityId = actor.communityId;
    async function* batches() {
      for (let page = 1; (page - 1) * 1000 < total; page++)
        yield (await repo.listNeeds(db, communityId, filter, page, 1000)).rows.map(toNeed);
    }
    return { rows: total, batches: batches() };
  }

  async mine(actor: AccountLink, q: NeedQuery) {
    const { page, pageSize, ...f } = q;
    const { total, rows } = await repo.listNeeds(
      this.db,
      actor.communityId,
      { ...f, residentIds: await this.mineIds(actor) },
      page,
      pageSize,
    );
    return { items: rows.map(toNeed), total, page, pageSize };
  }

  async get(actor: Actor, grant: Grant, id: string) {
    const n = await this.need(actor, grant, id);
    const [resident, volunteer, events] = await Promise.all([
      this.db
        .selectFrom('resident')
        .select('name')
        .where('community_id', '=', actor.communityId)
        .where('id', '=', n.resident_id)
        .executeTakeFirst(),
      n.volunteer_id
        ? this.db
            .selectFrom('volunteer')
            .select('name')
            .where('community_id', '=', actor.communityId)
            .where('id', '=', n.volunteer_id)
            .executeTakeFirst()
        : undefined,
      repo.eventsOf(this.db, actor.communityId, id),
    ]);
    return {
      ...toNeed({ ...n, resident_name: resident?.name, volunteer_name: volunteer?.name ?? null }),
      events: events.map((e) => ({
        from: e.from_status,
        to: e.to_status,
        volunteerId: e.volunteer_id,
        note: e.note,
        actorName: e.actor_name,
        at: e.at,
      })),
    };
  }

  /**
   * Moves a need along; refuses a move the path does not allow, or one another person made first. `then` writes
   * what goes with the move (notices, hours, the contact) in its transaction; `stay` records a step that keeps
   * the status (a volunteer accepting a need staff already scheduled).
   */
  async apply(
    actor: Who,
    ctx: RequestContext,
    n: NeedTable,
    to: NeedStatus,
    set: Partial<NeedTable>,
    note: string | null,
    volunteerId: string | null = n.volunteer_id,
    opts: { then?: (trx: Trx) => Promise<void>; stay?: boolean; action?: string } = {},
  ) {
    const from = n.status as NeedStatus;
    if (!(opts.stay && from === to) && !canMove(from, to)) throw new AppError('bad_transition', { from, to });
    await this.db.transaction().execute((trx) => this.applyIn(trx, actor, ctx, n, to, set, note, volunteerId, opts));
  }

  /** The move itself, inside the caller's transaction (the path already checked). */
  private async applyIn(
    trx: Trx,
    actor: Who,
    ctx: RequestContext | null,
    n: NeedTable,
    to: NeedStatus,
    set: Partial<NeedTable>,
    note: string | null,
    volunteerId: string | null,
    opts: { then?: (trx: Trx) => Promise<void>; action?: string },
  ) {
    const from = n.status as NeedStatus;
    const now = new Date().toISOString();
    if (!(await repo.moveNeed(trx, actor.communityId, n.id, from, { ...set, status: to, updated_at: now })))
      throw new AppError('bad_transition', { from: 'changed', to });
    await repo.insertEvent(trx, {
      community_id: actor.communityId,
      id: uuidv7(),
      need_id: n.id,
      from_status: from,
      to_status: to,
      volunteer_id: volunteerId,
      note,
      account_id: actor.accountId,
      actor_name: actor.name,
      at: now,
    });
    await this.audit.recordBy(trx, actor, ctx, {
      action: opts.action ?? `need.${to}`,
      entityType: 'need',
      entityId: n.id,
      detail: { from, ...(volunteerId && { volunteerId }) },
    });
    await opts.then?.(trx);
  }

  /**
   * A guardian withdrew consent: inside the caller's transaction each need matched to the volunteer and not yet
   * under way goes back to matching as a decline does (the reason recorded, staff told). A need under way or done
   * stays; staff see it in the withdrawal notice.
   */
  async releaseVolunteer(trx: Trx, communityId: string, volunteerId: string, reason: string): Promise<ReleasedWork[]> {
    const now = new Date().toISOString();
    const who: Who = { communityId, accountId: null, name: reason, role: null };
    const released: ReleasedWork[] = [];
    for (const n of await repo.needsOfVolunteer(trx, communityId, volunteerId, now)) {
      if (n.status !== 'matched' && n.status !== 'scheduled') continue;
      const set = {
        volunteer_id: null,
        matched_at: null,
        scheduled_for: null,
        accepted_at: null,
        declined_at: now,
        declined_by: volunteerId,
        decline_reason: reason,
      };
      await this.applyIn(trx, who, null, n, 'new', set, reason, volunteerId, {
        action: 'need.decline',
        then: (t) => this.notices.declined(t, n, volunteerId, reason),
      });
      released.push({ kind: 'need', id: n.id, label: clip(n.description, 20) });
    }
    return released;
  }

  async move(actor: Actor, grant: Grant, id: string, m: NeedMove, ctx: RequestContext) {
    const n = await this.need(actor, grant, id);
    if (m.to === 'matched')
      throw new AppError('validation', { fields: [{ field: 'to', message: 'invalid.matchThroughMatching' }] });
    const now = new Date().toISOString();
    const set: Partial<NeedTable> = {};
    if (m.to === 'new') {
      set.volunteer_id = null;
      set.matched_at = null;
      set.scheduled_for = null;
      set.accepted_at = null;
    }
    if (m.to === 'scheduled') set.scheduled_for = m.scheduledFor!;
    if (m.to === 'done') {
      // Not done before it starts: the visit's agreed day, else the resident's preferred day.
      EligibilityService.refuseBeforeStart(n.scheduled_for?.slice(0, 10) ?? n.preferred_date);
      set.done_at = now;
    }
    // Done by staff (reported by phone): the record of service has it; hours come only from the volunteer's minutes.
    // A volunteer who had the need is told when it is taken from them (cancelled, or back to matching).
    const released = (m.to === 'cancelled' || m.to === 'new') && n.volunteer_id ? n.volunteer_id : null;
    const then =
      m.to === 'done' && n.volunteer_id
        ? (trx: Trx) => this.recordContact(trx, n, n.volunteer_id!, now)
        : released
          ? (trx: Trx) => this.notices.released(trx, n, released, m.reason ?? null)
          : undefined;
    if (m.to === 'cancelled' || m.to === 'declined') {
      set.close_reason = m.reason!;
      set.closed_at = now;
    }
    if (m.to === 'reviewed') set.closed_at = now;
    await this.apply(actor, ctx, n, m.to, set, m.reason ?? null, m.to === 'new' ? null : n.volunteer_id, { then });
  }

  /** The need in the one record of service: a contact of kind 'need' for its resident, by its volunteer. */
  async recordContact(trx: Trx, n: NeedTable, volunteerId: string, at: string) {
    const v = await trx
      .selectFrom('volunteer')
      .select('name')
      .where('community_id', '=', n.community_id)
      .where('id', '=', volunteerId)
      .executeTakeFirst();
    await this.contacts.record(trx, [
      {
        communityId: n.community_id,
        kind: 'need',
        sourceId: n.id,
        residentId: n.resident_id,
        householdId: n.household_id,
        occurredAt: at,
        volunteerId,
        servedBy: v?.name ?? '',
      },
    ]);
  }

  /** Staff confirm a volunteer for a need; the volunteer must pass the one gate for what it asks at its time
   *  (staff may override what the policy allows, with a reason, audited). */
  async match(
    actor: Actor,
    grant: Grant,
    id: string,
    volunteerId: string,
    ctx: RequestContext,
    override?: Override | null,
  ) {
    const n = await this.need(actor, grant, id);
    const { when, skillCode, ...serviceType } = await this.taskOf(n);
    const checks = await this.eligibility.gate(this.db, actor, ctx, {
      work: { kind: 'need', serviceType, skillCode, when },
      volunteerIds: [volunteerId],
      residentId: n.resident_id,
      entityType: 'need',
      entityId: n.id,
      override,
      refuseAs: 'not_eligible',
    });
    if (!checks.length)
      throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'invalid.unknownVolunteer' }] });
    if (await this.avoided(n, volunteerId)) throw new AppError('not_eligible', { reasons: ['avoided'] });
    await this.apply(
      actor,
      ctx,
      n,
      'matched',
      {
        volunteer_id: volunteerId,
        matched_at: new Date().toISOString(),
        accepted_at: null,
        declined_at: null,
        declined_by: null,
        decline_reason: null,
      },
      null,
      volunteerId,
      // The volunteer is told (SMS, the official account; the need waits on their 我的任务 list).
      { then: (trx) => this.notices.matched(trx, n, volunteerId) },
    );
  }

  /** What the need asks of a volunteer (its kind of service, or the default for a home visit), at its time. */
  async taskOf(n: NeedTable) {
    const s = n.service_type_id ? await this.eligibility.serviceType(n.community_id, n.service_type_id) : null;
    const when =
      n.preferred_date && n.preferred_start !== null && n.preferred_end !== null
        ? { date: n.preferred_date, startMinute: n.preferred_start, endMinute: n.preferred_end }
        : null;
    return taskRequirementsFor({
      category: n.category as SkillCategory,
      skillCode: n.skill_code ?? s?.skill_code ?? null,
      when,
      buildingId: null,
      gridId: null,
      waitingSince: n.created_at,
      requirements: needRequirements(s ? requirementsOf(s) : null),
    });
  }

  private async avoided(n: NeedTable, volunteerId: string) {
    return !!(await this.db
      .selectFrom('match_preference')
      .select('kind')
      .where('community_id', '=', n.community_id)
      .where('resident_id', '=', n.resident_id)
      .where('volunteer_id', '=', volunteerId)
      .where('kind', '=', 'avoid')
      .executeTakeFirst());
  }

  /** The resident or family rates a done need; it is then reviewed. */
  async rate(actor: Actor, id: string, stars: number, comment: string | undefined, ctx: RequestContext) {
    const n = await repo.getNeed(this.db, actor.communityId, id);
    if (!n || !(await this.mineIds(actor)).includes(n.resident_id)) throw new AppError('not_found', { entity: 'need' });
    await this.apply(
      actor,
      ctx,
      n,
      'reviewed',
      { rating: stars, rating_comment: comment ?? null, closed_at: new Date().toISOString() },
      comment ?? null,
    );
  }

  /** Staff record a rating given on a follow-up call (回访). */
  async rateFor(
    actor: Actor,
    grant: Grant,
    id: string,
    stars: number,
    comment: string | undefined,
    ctx: RequestContext,
  ) {
    const n = await this.need(actor, grant, id);
    await this.apply(
      actor,
      ctx,
      n,
      'reviewed',
      { rating: stars, rating_comment: comment ?? null, closed_at: new Date().toISOString() },
      comment ?? null,
    );
  }

  /** The hotline: who is calling (their own number, or a family contact's), and what they already have open. */
  async caller(actor: Actor, grant: Grant, phone: string) {
    const grid = gridFilter(actor, grant);
    const residents = (await this.residents.find(actor.communityId, phone)).filter(
      (r) => r.via !== 'name' && (!grid || r.gridId === grid),
    );
    const open = await repo.openCountsOf(
      this.db,
      actor.communityId,
      residents.map((r) => r.id),
    );
    return residents.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      gridId: r.gridId,
      householdId: r.householdId,
      address: r.address,
      via: r.via as 'phone' | 'contact',
      openNeeds: open.get(r.id) ?? 0,
    }));
  }

  async stats(actor: Actor, grant: Grant, since: string) {
    const rows = await repo.timingsSince(this.db, actor.communityId, since, gridFilter(actor, grant));
    const count = (key: 'status' | 'channel' | 'category') =>
      rows.reduce<Record<string, number>>((m, r) => {
        m[r[key]] = (m[r[key]] ?? 0) + 1;
        return m;
      }, {});
    const hours = (a: string, b: string | null) => (b ? (Date.parse(b) - Date.parse(a)) / 3_600_000 : null);
    const toMatch = rows.map((r) => hours(r.created_at, r.matched_at)).filter((h): h is number => h !== null);
    const toDone = rows.map((r) => hours(r.created_at, r.done_at)).filter((h): h is number => h !== null);
    const rated = rows.filter((r) => r.rating !== null);
    return {
      since,
      total: rows.length,
      byStatus: count('status'),
      byChannel: count('channel'),
      byCategory: count('category'),
      timeToMatch: spread(toMatch),
      timeToDone: spread(toDone),
      rating: {
        count: rated.length,
        average: rated.length ? Math.round((rated.reduce((s, r) => s + r.rating!, 0) / rated.length) * 10) / 10 : null,
      },
    };
  }

  // ---------------- survey ----------------

  async recordSurvey(actor: Actor, grant: Grant, input: SurveyVisitInput, ctx: RequestContext) {
    const h = await this.db
      .selectFrom('household')
      .select(['id', 'grid_id'])
      .where('community_id', '=', actor.communityId)
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!h)
      throw new AppError('validation', { fields: [{ field: 'householdId', message: 'invalid.unknownHousehold' }] });
    assertInScope(actor, grant, { gridId: h.grid_id });
    if (input.visitedOn > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'visitedOn', message: 'invalid.inFuture' }] });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertSurveyVisit(
        trx,
        {
          community_id: actor.communityId,
          id,
          household_id: h.id,
          grid_id: h.grid_id,
          visited_on: input.visitedOn,
          visitor_account_id: actor.accountId,
          visitor_name: actor.name,
          note: input.note || null,
          created_at: new Date().toISOString(),
        },
        input.needs.map((x) => ({
          community_id: actor.communityId,
          visit_id: id,
          category: x.category,
          note: x.note || null,
        })),
      );
      // A household-level contact: the visit reached the home, not one named resident.
      await this.contacts.record(trx, [
        {
          communityId: actor.communityId,
          kind: 'survey_visit',
          sourceId: id,
          householdId: h.id,
          occurredOn: input.visitedOn,
          servedBy: actor.name,
        },
      ]);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'survey.visit',
        entityType: 'household',
        entityId: h.id,
        detail: { categories: input.needs.map((x) => x.category) },
      });
    });
    return { id };
  }

  async householdSurvey(actor: Actor, grant: Grant, householdId: string) {
    const h = await this.db
      .selectFrom('household')
      .select(['id', 'grid_id'])
      .where('community_id', '=', actor.communityId)
      .where('id', '=', householdId)
      .executeTakeFirst();
    if (!h) throw new AppError('not_found', { entity: 'household' });
    assertInScope(actor, grant, { gridId: h.grid_id });
    const { visits, needs } = await repo.surveyOfHousehold(this.db, actor.communityId, householdId);
    return visits.map((v) => ({
      id: v.id,
      visitedOn: v.visited_on,
      visitorName: v.visitor_name,
      note: v.note,
      needs: needs
        .filter((x) => x.visit_id === v.id)
        .map((x) => ({ category: x.category as SkillCategory, note: x.note })),
    }));
  }

  async surveyProgress(actor: Actor, grant: Grant, since: string) {
    const grid = gridFilter(actor, grant);
    const [grids, categories] = await Promise.all([
      repo.surveyProgress(this.db, actor.communityId, since, grid),
      repo.surveyNeedCounts(this.db, actor.communityId, since, grid),
    ]);
    const items = grids.map((g) => ({
      gridId: g.grid_id,
      gridName: g.grid_name,
      households: Number(g.households),
      surveyed: Number(g.surveyed ?? 0),
    }));
    const households = items.reduce((s, g) => s + g.households, 0),
      surveyed = items.reduce((s, g) => s + g.surveyed, 0);
    return {
      since,
      households,
      surveyed,
      share: households ? Math.round((surveyed / households) * 1000) / 10 : 0,
      grids: items,
      needs: categories.map((c) => ({ category: c.category as SkillCategory, households: Number(c.households) })),
    };
  }
}
