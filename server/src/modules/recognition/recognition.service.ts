// Recognition (嘉许): star levels awarded after a public notice (公示), the quarterly commendation (ranked by
// explicit rules, nominated by team leaders, approved by the community admin, published only for those who
// consented), and the yearly health-check list of commended volunteers.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditAuthor, type AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Grant } from '../../platform/access.ts';
import { scopeOf } from '../../../../domain/access/roles.ts';
import type { Locale } from '../../platform/i18n.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, ageOn, shanghaiDayStart, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  explain,
  rankCandidates,
  scoreParts,
  type CandidateFacts,
  type ScorePart,
} from '../../../../domain/recognition/ranking.ts';
import { quarterRange } from '../../../../domain/recognition/quarters.ts';
import {
  DEFAULT_NOTICE_DAYS,
  type HealthCheckRow,
  type MyStar,
  type NominationStatus,
  type NominationView,
  type NoticeStatus,
  type NoticeView,
  type PublicList,
  type RankedView,
} from '../../../../domain/recognition/schemas.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './recognition.repository.ts';
import { SingleFlight } from '../../platform/single-flight.ts';

/** Sign-ups and attendance of one volunteer at activities that took place in a period. */
export interface AttendanceFacts {
  signedUp: number;
  attended: number;
  noShows: number;
}
/**
 * Reads attendance from the activities module through the reader the module factory is given (so neither module
 * imports the other); without one the ranking runs without the attendance parts and says so.
 */
export type AttendanceReader = (
  communityId: string,
  from: string,
  to: string,
  volunteerIds: readonly string[],
) => Promise<Map<string, AttendanceFacts>>;

const SYSTEM: Omit<AuditAuthor, 'communityId'> = { accountId: null, name: '系统', role: null };
const round1 = (n: number) => Math.round(n * 10) / 10;
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function requireCommunity(grant: Grant) {
  if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
}

export class RecognitionService {
  /** A quarter's whole-community facts, shared by the rankings asked at the same moment (see ranking). */
  private readonly quarterFacts = new SingleFlight<{ facts: CandidateFacts[]; attendanceKnown: boolean }>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly hours: HoursService,
    private readonly directory: VolunteerDirectory,
    private readonly attendance: AttendanceReader | null = null,
  ) {}

  /** Verified credit per volunteer and source for service dates in [from, to] (of the given volunteers). */
  ledgerSums(communityId: string, from: string, to: string, volunteerIds?: readonly string[]) {
    return repo.ledgerSums(this.db, communityId, from, to, volunteerIds);
  }

  /** The community's name, or null when there is no such community. */
  communityName(communityId: string) {
    return repo.communityName(this.db, communityId);
  }

  // ----------------------------------------------------------------------------------------- settings

  async settings(
    communityId: string,
    db: DbOrTrx = this.db,
  ): Promise<{ noticeDays: number; updatedAt: string | null }> {
    const row = await repo.getSettings(db, communityId);
    return { noticeDays: row ? Number(row.notice_days) : DEFAULT_NOTICE_DAYS, updatedAt: row?.updated_at ?? null };
  }

  async saveSettings(actor: Actor, noticeDays: number, ctx: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertSettings(trx, actor.communityId, noticeDays, actor.accountId, new Date().toISOString());
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'recognition.settings',
        entityType: 'community',
        entityId: actor.communityId,
        detail: { noticeDays },
      });
    });
  }

  // ------------------------------------------------------------------------------ star-level notices

  /**
   * The daily job for one community, for the date `today`: awards notices whose time is over (if the hours
   * still reach the level; otherwise the notice lapses), then opens a notice for every volunteer whose
   * verified hours reach a level above the awarded one. A notice withdrawn after an upheld objection is not
   * reopened for the same level until the volunteer's hours move again.
   */
  async scan(
    communityId: string,
    today: string,
    by: Actor | null = null,
    ctx: RequestContext = { ip: null, userAgent: null },
  ): Promise<{ awarded: number; lapsed: number; opened: number }> {
    const who = by ? auditWho({ ...by, communityId }, ctx) : auditWho({ communityId, ...SYSTEM }, null);
    const { noticeDays } = await this.settings(communityId);
    let awarded = 0,
      lapsed = 0,
      opened = 0;
    for (const n of await repo.dueNotices(this.db, communityId, today)) {
      await this.db.transaction().execute(async (trx) => {
        const summary = await this.hours.summary(communityId, { id: n.volunteer_id, name: '' }, trx);
        const reached = summary.starLevel >= Number(n.level);
        const at = new Date().toISOString();
        if (
          !(await repo.closeNotice(trx, communityId, n.id, {
            status: reached ? 'awarded' : 'lapsed',
            decided_by: who.accountId,
            decided_by_name: who.name,
            decided_at: at,
          }))
        )
          return;
        if (reached) await repo.upsertAward(trx, communityId, n.volunteer_id, Number(n.level), today, n.id, at);
        await this.audit.record(trx, who, {
          action: reached ? 'recognition.star_award' : 'recognition.notice_lapse',
          entityType: 'volunteer',
          entityId: n.volunteer_id,
          detail: { noticeId: n.id, level: Number(n.level), creditHours: summary.creditHours },
        });
        if (reached) awarded++;
        else lapsed++;
      });
    }

    const { starThresholds } = await this.hours.settings(communityId);
    const candidates = await repo.starCandidates(this.db, communityId, Math.round(starThresholds[0]! * 60));
    if (!candidates.length) return { awarded, lapsed, opened };
    const summaries = await this.hours.summaries(
      communityId,
      candidates.map((c) => ({ id: c.id, name: c.name })),
    );
    const [open, withdrawn] = await Promise.all([
      repo.openNoticeVolunteers(this.db, communityId),
      repo.withdrawnNotices(this.db, communityId),
    ]);
    const due = candidates
      .map((c, i) => ({ c, s: summaries[i]! }))
      .filter(
        ({ c, s }) =>
          s.starLevel > Number(c.awarded ?? 0) &&
          !open.has(c.id) &&
          !withdrawn.some(
            (w) => w.volunteer_id === c.id && Number(w.level) === s.starLevel && (w.decided_at ?? '') >= c.updated_at,
          ),
      );
    const teams = await repo.teamNames(
      this.db,
      communityId,
      due.map(({ c }) => c.id),
    );
    for (const { c, s } of due) {
      const id = uuidv7();
      try {
        await this.db.transaction().execute(async (trx) => {
          await repo.insertNotice(trx, {
            community_id: communityId,
            id,
            volunteer_id: c.id,
            level: s.starLevel,
            credit_minutes: Number(c.credit_minutes),
            teams: teams.get(c.id) ?? '',
            opens_on: today,
            ends_on: addDays(today, noticeDays),
            status: 'open',
            withdraw_reason: null,
            decided_by: null,
            decided_by_name: null,
            decided_at: null,
            created_at: new Date().toISOString(),
          });
          await this.audit.record(trx, who, {
            action: 'recognition.notice_open',
            entityType: 'volunteer',
            entityId: c.id,
            detail: { noticeId: id, level: s.starLevel, endsOn: addDays(today, noticeDays) },
          });
        });
        opened++;
      } catch (err) {
        // Another scan opened this volunteer's notice a moment ago.
        if (!repo.isUniqueViolation(err)) throw err;
      }
    }
    return { awarded, lapsed, opened };
  }

  /** The daily job: every community. */
  async scanAll(today = todayInShanghai()): Promise<void> {
    for (const id of await repo.communityIds(this.db)) await this.scan(id, today);
  }

  /** The staff button: the same scan, now, in the actor's community. */
  async scanNow(actor: Actor, grant: Grant, ctx: RequestContext) {
    requireCommunity(grant);
    return this.scan(actor.communityId, todayInShanghai(), actor, ctx);
  }

  async notices(
    actor: Actor,
    status: NoticeStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: NoticeView[]; total: number; page: number; pageSize: number; noticeDays: number }> {
    // The notice (公示) is public while it runs and once awarded. A withdrawn one carries the upheld objection
    // about a named volunteer, and a lapsed one says their hours fell back: only staff who decide them see those.
    const full = scopeOf(actor.role, 'recognition.nominate') === 'community';
    const shown: readonly NoticeStatus[] = ['open', 'awarded'];
    const statuses = full ? (status ? [status] : null) : status ? shown.filter((x) => x === status) : shown;
    const [{ items, total }, s] = await Promise.all([
      repo.listNotices(this.db, actor.communityId, statuses, page, pageSize),
      this.settings(actor.communityId),
    ]);
    return {
      items: items.map((n) => ({
        id: n.id,
        volunteerId: n.volunteer_id,
        name: n.name,
        teams: n.teams,
        level: Number(n.level),
        hours: hoursOf(Number(n.credit_minutes)),
        opensOn: n.opens_on,
        endsOn: n.ends_on,
        status: n.status as NoticeStatus,
        withdrawReason: n.withdraw_reason,
        decidedAt: n.decided_at,
      })),
      total,
      page,
      pageSize,
      noticeDays: s.noticeDays,
    };
  }

  /** Staff uphold an objection: the notice is withdrawn with the reason and nothing is awarded. */
  async withdraw(actor: Actor, grant: Grant, id: string, reason: string, ctx: RequestContext): Promise<void> {
    requireCommunity(grant);
    await this.db.transaction().execute(async (trx) => {
      const n = await repo.getNotice(trx, actor.communityId, id);
      if (!n) throw new AppError('not_found', { entity: 'star_notice' });
      if (
        !(await repo.closeNotice(trx, actor.communityId, id, {
          status: 'withdrawn',
          withdraw_reason: reason,
          decided_by: actor.accountId,
          decided_by_name: actor.name,
          decided_at: new Date().toISOString(),
        }))
      ) {
        throw new AppError('notice_closed', {});
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'recognition.notice_withdraw',
        entityType: 'volunteer',
        entityId: n.volunteer_id,
        detail: { noticeId: id, level: Number(n.level), reason },
      });
    });
  }

  private async starOf(communityId: string, v: { id: string; name: string }): Promise<MyStar> {
    const [summary, award, notice, consent] = await Promise.all([
      this.hours.summary(communityId, v),
      repo.awardOf(this.db, communityId, v.id),
      repo.openNoticeOf(this.db, communityId, v.id),
      repo.consentOf(this.db, communityId, v.id),
    ]);
    return {
      volunteerId: v.id,
      name: v.name,
      creditHours: summary.creditHours,
      reachedLevel: summary.starLevel,
      awardedLevel: award ? Number(award.level) : 0,
      awardedOn: award?.awarded_on ?? null,
      notice: notice ? { level: Number(notice.level), endsOn: notice.ends_on } : null,
      consent: {
        publish: !!consent && Number(consent.publish) === 1,
        source: (consent?.source as 'self' | 'paper' | undefined) ?? null,
        updatedAt: consent?.updated_at ?? null,
      },
    };
  }

  async myStar(actor: Actor): Promise<MyStar> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    return this.starOf(actor.communityId, v);
  }

  async starOfVolunteer(actor: Actor, grant: Grant, volunteerId: string): Promise<MyStar> {
    const v = await this.directory.inScope(actor, grant, volunteerId);
    return this.starOf(actor.communityId, v);
  }

  // ------------------------------------------------------------------------------------------ consent

  /** The volunteer's own choice on the phone. */
  async setMyConsent(actor: Actor, publish: boolean, ctx: RequestContext): Promise<void> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    await this.saveConsent(actor, v.id, publish, 'self', ctx);
  }

  /** Staff record a consent (or its withdrawal) given on paper. */
  async recordPaperConsent(
    actor: Actor,
    grant: Grant,
    volunteerId: string,
    publish: boolean,
    ctx: RequestContext,
  ): Promise<void> {
    const v = await this.directory.inScope(actor, grant, volunteerId);
    await this.saveConsent(actor, v.id, publish, 'paper', ctx);
  }

  private async saveConsent(
    actor: Actor,
    volunteerId: string,
    publish: boolean,
    source: 'self' | 'paper',
    ctx: RequestContext,
  ) {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertConsent(trx, {
        community_id: actor.communityId,
        volunteer_id: volunteerId,
        publish: publish ? 1 : 0,
        source,
        recorded_by: actor.accountId,
        recorded_by_name: actor.name,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'recognition.consent',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { publish, source },
      });
    });
  }

  // --------------------------------------------------------------------------------- quarterly ranking

  /** The facts of every volunteer who served in the quarter (or of the given ones). */
  private async facts(
    communityId: string,
    quarter: string,
    only?: readonly string[],
  ): Promise<{ facts: CandidateFacts[]; attendanceKnown: boolean }> {
    const { from, to } = quarterRange(quarter);
    const [sums, rated] = await Promise.all([
      repo.ledgerSums(this.db, communityId, from, to, only),
      repo.ratings(this.db, communityId, shanghaiDayStart(from), shanghaiDayStart(addDays(to, 1))),
    ]);
    const byId = new Map<string, CandidateFacts>();
    for (const s of sums) {
      const f = byId.get(s.volunteerId) ?? {
        volunteerId: s.volunteerId,
        name: s.name,
        creditMinutes: 0,
        ratingCount: 0,
        ratingSum: 0,
        signedUp: 0,
        attended: 0,
        noShows: 0,
      };
      f.creditMinutes += s.minutes;
      byId.set(s.volunteerId, f);
    }
    for (const r of rated) {
      const f = r.volunteer_id ? byId.get(r.volunteer_id) : undefined;
      if (f) {
        f.ratingCount = Number(r.n);
        f.ratingSum = Number(r.total);
      }
    }
    const ids = [...byId.keys()];
    const attendance = this.attendance && ids.length ? await this.attendance(communityId, from, to, ids) : null;
    if (attendance)
      for (const [id, a] of attendance) {
        const f = byId.get(id);
        if (f) Object.assign(f, a);
      }
    return { facts: [...byId.values()], attendanceKnown: !!this.attendance };
  }

  /** The ranking of the quarter, explained; a team leader sees their team's members only. */
  async ranking(
    actor: Actor,
    grant: Grant,
    quarter: string,
    locale: Locale,
    f: { q?: string; page: number; pageSize: number } = { page: 1, pageSize: 20 },
  ): Promise<{
    quarter: string;
    from: string;
    to: string;
    attendanceKnown: boolean;
    items: RankedView[];
    total: number;
    page: number;
    pageSize: number;
  }> {
    // The quarter's facts are the community's, not the asker's: callers asking at the same moment share one run
    // (nothing is kept after it; below they are only filtered and mapped into new arrays, never changed).
    const { facts: all, attendanceKnown } = await this.quarterFacts.run(`${actor.communityId} ${quarter}`, () =>
      this.facts(actor.communityId, quarter),
    );
    let facts = all;
    if (grant.scope === 'team') {
      const members = actor.teamId
        ? await repo.teamMemberIds(this.db, actor.communityId, actor.teamId)
        : new Set<string>();
      facts = facts.filter((f) => members.has(f.volunteerId));
    } else requireCommunity(grant);
    // Ranked in full (a rank is among all candidates), then searched by name and sent a page at a time.
    const q = f.q?.trim();
    const matching = rankCandidates(facts).filter((c) => !q || c.name.includes(q));
    const ranked = matching.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
    const { from, to } = quarterRange(quarter);
    const [teams, noms, served] = await Promise.all([
      repo.teamNames(
        this.db,
        actor.communityId,
        ranked.map((c) => c.volunteerId),
      ),
      repo.nominationStatuses(this.db, actor.communityId, quarter),
      // Whom their service reached, from the one record of service (every kind of help, not one module's).
      repo.contactsByVolunteer(
        this.db,
        actor.communityId,
        from,
        to,
        ranked.map((c) => c.volunteerId),
      ),
    ]);
    const nomBy = new Map(noms.map((n) => [n.volunteer_id, { id: n.id, status: n.status as NominationStatus }]));
    return {
      quarter,
      ...quarterRange(quarter),
      attendanceKnown,
      items: ranked.map((c) => ({
        rank: c.rank,
        volunteerId: c.volunteerId,
        name: c.name,
        teams: teams.get(c.volunteerId) ?? '',
        score: c.score,
        hours: round1(c.creditMinutes / 60),
        parts: c.parts,
        explanation: explain(c.parts, locale),
        ratingCount: c.ratingCount,
        signedUp: c.signedUp,
        attended: c.attended,
        noShows: c.noShows,
        contacts: served.get(c.volunteerId)?.contacts ?? 0,
        residentsReached: served.get(c.volunteerId)?.reached ?? 0,
        nomination: nomBy.get(c.volunteerId) ?? null,
      })),
      total: matching.length,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  // --------------------------------------------------------------------------------------- nominations

  /** A team leader nominates a member of their team (staff: anyone) for a quarter that has begun, with a reason. */
  async nominate(
    actor: Actor,
    grant: Grant,
    input: { quarter: string; volunteerId: string; reason: string },
    ctx: RequestContext,
  ): Promise<{ id: string }> {
    const { from } = quarterRange(input.quarter);
    if (from > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'quarter', message: 'recognition.quarterNotBegun' }] });
    const v = await this.directory.inScope(actor, grant, input.volunteerId);
    if (v.status !== 'approved') throw new AppError('volunteer_not_approved', {});
    const { facts } = await this.facts(actor.communityId, input.quarter, [v.id]);
    const f = facts[0];
    if (!f || f.creditMinutes <= 0)
      throw new AppError('validation', {
        fields: [{ field: 'volunteerId', message: 'recognition.noServiceInQuarter' }],
      });
    const parts = scoreParts(f);
    const id = uuidv7();
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.insertNomination(trx, {
          community_id: actor.communityId,
          id,
          quarter: input.quarter,
          volunteer_id: v.id,
          team_id: grant.scope === 'team' ? actor.teamId : null,
          reason: input.reason,
          score: parts.reduce((s, p) => s + p.points, 0),
          parts: JSON.stringify(parts),
          credit_minutes: f.creditMinutes,
          nominated_by: actor.accountId,
          nominated_by_name: actor.name,
          nominated_at: new Date().toISOString(),
          status: 'nominated',
          decided_by: null,
          decided_by_name: null,
          decided_at: null,
          decision_note: null,
        });
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'recognition.nominate',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { nominationId: id, quarter: input.quarter, reason: input.reason },
        });
      });
    } catch (err) {
      if (repo.isUniqueViolation(err)) throw new AppError('already_nominated', { name: v.name });
      throw err;
    }
    return { id };
  }

  async nominations(
    actor: Actor,
    grant: Grant,
    quarter: string,
    locale: Locale,
  ): Promise<{ quarter: string; published: { at: string; byName: string } | null; items: NominationView[] }> {
    let rows = await repo.nominationsOf(this.db, actor.communityId, quarter);
    if (grant.scope === 'team') {
      const members = actor.teamId
        ? await repo.teamMemberIds(this.db, actor.communityId, actor.teamId)
        : new Set<string>();
      rows = rows.filter((r) => members.has(r.volunteer_id));
    } else requireCommunity(grant);
    const [teams, pub] = await Promise.all([
      repo.teamNames(
        this.db,
        actor.communityId,
        rows.map((r) => r.volunteer_id),
      ),
      repo.getPublication(this.db, actor.communityId, quarter),
    ]);
    return {
      quarter,
      published: pub ? { at: pub.published_at, byName: pub.published_by_name } : null,
      items: rows.map((r) => ({
        id: r.id,
        quarter: r.quarter,
        volunteerId: r.volunteer_id,
        name: r.name,
        teams: teams.get(r.volunteer_id) ?? '',
        reason: r.reason,
        score: Number(r.score),
        explanation: explain(JSON.parse(r.parts) as ScorePart[], locale),
        hours: round1(Number(r.credit_minutes) / 60),
        nominatedByName: r.nominated_by_name,
        nominatedAt: r.nominated_at,
        status: r.status as NominationStatus,
        decidedByName: r.decided_by_name,
        decidedAt: r.decided_at,
        decisionNote: r.decision_note,
        consent: Number(r.publish ?? 0) === 1,
      })),
    };
  }

  /** The community admin approves or rejects a nomination; of two decisions at once, one wins. */
  async decide(
    actor: Actor,
    id: string,
    input: { approve: boolean; note?: string },
    ctx: RequestContext,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const n = await repo.getNomination(trx, actor.communityId, id);
      if (!n) throw new AppError('not_found', { entity: 'nomination' });
      const status = input.approve ? 'approved' : 'rejected';
      if (
        !(await repo.decideNomination(trx, actor.communityId, id, {
          status,
          decided_by: actor.accountId,
          decided_by_name: actor.name,
          decided_at: new Date().toISOString(),
          decision_note: input.note?.trim() || null,
        }))
      ) {
        throw new AppError('already_decided', {});
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: input.approve ? 'recognition.approve' : 'recognition.reject',
        entityType: 'volunteer',
        entityId: n.volunteer_id,
        detail: { nominationId: id, quarter: n.quarter, note: input.note ?? null },
      });
    });
  }

  /** Publishes the quarter's list (again, after late approvals). The public page reads consent at each view. */
  async publish(actor: Actor, quarter: string, ctx: RequestContext): Promise<{ named: number; approved: number }> {
    return this.db.transaction().execute(async (trx) => {
      const approved = await repo.approvedCount(trx, actor.communityId, quarter);
      if (!approved) throw new AppError('nothing_to_publish', {});
      await repo.upsertPublication(trx, actor.communityId, quarter, actor, new Date().toISOString());
      const named = (await repo.publishable(trx, actor.communityId, quarter)).length;
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'recognition.publish',
        entityType: 'community',
        entityId: actor.communityId,
        detail: { quarter, approved, named },
      });
      return { named, approved };
    });
  }

  // ------------------------------------------------------------------------------------ public pages

  /** The published list: approved and consenting volunteers only, with names, teams and hours. */
  async publicList(communityId: string, quarter: string): Promise<PublicList> {
    const [name, pub] = await Promise.all([
      repo.communityName(this.db, communityId),
      repo.getPublication(this.db, communityId, quarter),
    ]);
    if (!name || !pub) throw new AppError('not_found', { entity: 'commendation' });
    const rows = await repo.publishable(this.db, communityId, quarter);
    const teams = await repo.teamNames(
      this.db,
      communityId,
      rows.map((r) => r.volunteer_id),
    );
    return {
      community: name,
      quarter,
      publishedAt: pub.published_at,
      items: rows.map((r) => ({
        name: r.name,
        teams: teams.get(r.volunteer_id) ?? '',
        hours: round1(Number(r.credit_minutes) / 60),
      })),
    };
  }

  async publicQuarters(communityId: string) {
    const name = await repo.communityName(this.db, communityId);
    if (!name) throw new AppError('not_found', { entity: 'commendation' });
    return {
      community: name,
      quarters: (await repo.publications(this.db, communityId)).map((p) => ({
        quarter: p.quarter,
        publishedAt: p.published_at,
      })),
    };
  }

  // ------------------------------------------------------------------------------ yearly health check

  /** Everyone commended in any quarter of the year: the list for the yearly health check. */
  async healthCheck(actor: Actor, grant: Grant, year: number): Promise<HealthCheckRow[]> {
    requireCommunity(grant);
    const rows = await repo.commendedInYear(this.db, actor.communityId, year);
    const byId = new Map<string, HealthCheckRow>();
    const today = todayInShanghai();
    for (const r of rows) {
      const e = byId.get(r.volunteer_id);
      if (e) {
        e.quarters.push(r.quarter);
        continue;
      }
      byId.set(r.volunteer_id, {
        volunteerId: r.volunteer_id,
        name: r.name,
        gender: r.gender,
        age: ageOn(r.birth_date, today),
        phone: r.phone,
        teams: '',
        quarters: [r.quarter],
      });
    }
    const teams = await repo.teamNames(this.db, actor.communityId, [...byId.keys()]);
    for (const e of byId.values()) e.teams = teams.get(e.volunteerId) ?? '';
    return [...byId.values()];
  }

  async exportHealthCheck(actor: Actor, grant: Grant, year: number, ctx: RequestContext): Promise<HealthCheckRow[]> {
    const rows = await this.healthCheck(actor, grant, year);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'recognition.health_check_export',
      entityType: 'community',
      entityId: actor.communityId,
      detail: { year, rows: rows.length },
    });
    return rows;
  }
}
