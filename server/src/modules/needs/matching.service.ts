// Matching needs to volunteers (需求对接): the facts a ranking needs, loaded set-based for a community, then
// the pure rules in domain/matching decide. One need: ranked, explained candidates for staff to confirm.
// All open needs: one optimal assignment under a load cap, set beside first-come-first-served.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NeedTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { Grant } from '../../platform/access.ts';
import { bornOnOrBefore, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  rankAndCount,
  rankCandidates,
  taskRequirementsFor,
  type MatchCandidate,
  type MatchNeed,
} from '../../../../domain/matching/score.ts';
import { relevantSkills } from '../../../../domain/matching/relevance.ts';
import { compare, firstComeFirstServed, solveFast, type BatchNeed } from '../../../../domain/matching/assign.ts';
import { needRequirements, OPEN_NEED_STATUSES } from '../../../../domain/needs/needs.ts';
import type { SkillCategory, SkillLevel } from '../../../../domain/volunteers/skills.ts';
import type { Gender } from '../../../../domain/registry/special-groups.ts';
import { requirementsOf, type EligibilityService } from '../service-types/service-types.service.ts';
import type { NeedsService } from './needs.service.ts';
import { checkWork, requirementsOfWork, type Work } from '../../../../domain/volunteers/work-policy.ts';

/** A need as work for the one gate: its service type's requirements, skill and time, served one-to-one. */
export const needWork = (need: MatchNeed, adultResident: boolean): Work => ({
  kind: 'need',
  serviceType: needRequirementsOf(need),
  skillCode: need.skillCode ?? null,
  when: need.when ?? null,
  adultResident,
});
const needRequirementsOf = (need: MatchNeed) => {
  const t = taskRequirementsFor(need);
  const { minAge, maxAge, minFitness, trainingCourseIds, needsInsurance, night } = t;
  return { minAge, maxAge, minFitness, trainingCourseIds, needsInsurance, night };
};
/** Ranking options whose eligibility is the work policy's (a candidate the gate would refuse is never proposed). */
const gated = (need: MatchNeed, adultResident: boolean, today: string) => {
  const work = needWork(need, adultResident);
  return (c: MatchCandidate): boolean =>
    checkWork(
      work.skillCode && !c.facts.skills ? { ...c.facts, skills: c.skills.map((s) => s.code) } : c.facts,
      work,
      today,
    ).eligible;
};

/** A volunteer who has served none of the residents (shared: a thousand candidates need no Map each). */
const NO_PAST: ReadonlyMap<string, number> = new Map();

/** How many candidates of each need the batch assignment weighs. */
const BATCH_TOP_K = 30;

/** Urgency counts as days already waited, so a contested volunteer goes to the emergency first. */
const URGENCY_HEAD_START_DAYS: Record<string, number> = { emergency: 14, urgent: 5, normal: 0 };
const headStart = (n: NeedTable) =>
  new Date(Date.parse(n.created_at) - (URGENCY_HEAD_START_DAYS[n.urgency] ?? 0) * 86_400_000).toISOString();

export class MatchingService {
  constructor(
    private readonly db: Db,
    private readonly eligibility: EligibilityService,
    private readonly needs: NeedsService,
  ) {}

  /** The need as the matching rules see it: category, skill, time, where the resident lives, their wishes. */
  async matchNeedOf(n: NeedTable): Promise<MatchNeed> {
    return (await this.matchNeedsOf(n.community_id, [n]))[0]!;
  }

  /** The same for many needs of a community, with one query per kind of fact (batch matching reads hundreds). */
  private async matchNeedsOf(communityId: string, needs: readonly NeedTable[]): Promise<MatchNeed[]> {
    if (!needs.length) return [];
    const typeIds = [...new Set(needs.map((n) => n.service_type_id).filter((x): x is string => !!x))];
    const [homes, prefs, types] = await Promise.all([
      this.db
        .selectFrom('household')
        .select(['id', 'building_id', 'grid_id'])
        .where('community_id', '=', communityId)
        .where('id', 'in', [...new Set(needs.map((n) => n.household_id))])
        .execute(),
      this.db
        .selectFrom('match_preference')
        .select(['resident_id', 'volunteer_id', 'kind'])
        .where('community_id', '=', communityId)
        .where('resident_id', 'in', [...new Set(needs.map((n) => n.resident_id))])
        .execute(),
      typeIds.length
        ? this.db
            .selectFrom('service_type')
            .selectAll()
            .where('community_id', '=', communityId)
            .where('id', 'in', typeIds)
            .execute()
        : [],
    ]);
    const homeOf = new Map(homes.map((h) => [h.id, h]));
    const typeOf = new Map(types.map((t) => [t.id, t]));
    return needs.map((n) => {
      const home = homeOf.get(n.household_id);
      const st = n.service_type_id ? (typeOf.get(n.service_type_id) ?? null) : null;
      const mine = prefs.filter((p) => p.resident_id === n.resident_id);
      const when =
        n.preferred_date && n.preferred_start !== null && n.preferred_end !== null
          ? { date: n.preferred_date, startMinute: n.preferred_start, endMinute: n.preferred_end }
          : null;
      return {
        category: n.category as SkillCategory,
        skillCode: n.skill_code ?? st?.skill_code ?? null,
        relevantSkills: relevantSkills(n.category as SkillCategory, n.description, n.skill_code ?? st?.skill_code),
        when,
        buildingId: home?.building_id ?? null,
        gridId: home?.grid_id ?? n.grid_id,
        preferences: {
          preferredVolunteerIds: mine.filter((p) => p.kind === 'prefer').map((p) => p.volunteer_id),
          avoidedVolunteerIds: mine.filter((p) => p.kind === 'avoid').map((p) => p.volunteer_id),
          preferredGender: (n.preferred_gender as Gender | null) ?? null,
        },
        waitingSince: n.created_at,
        requirements: needRequirements(st ? requirementsOf(st) : null),
      };
    });
  }

  /**
   * Every volunteer of the community as a candidate for these needs: facts for the task, skills of the
   * category, where they live, how much they carry, and how often they have helped each resident.
   * `homes: 'near'` (one need) reads homes only in the need's building or grid, the only homes that score, and
   * genders only when the need asks for one; the others get no home, so `withHomes` must fill in those it explains.
   */
  private async candidatesFor(
    communityId: string,
    need: MatchNeed,
    residentIds: readonly string[],
    homes: 'all' | 'near' = 'all',
    counts = this.countsFor(communityId, residentIds),
  ) {
    const today = todayInShanghai();
    const [facts, skills, homeRows, genders, { load, past }] = await Promise.all([
      this.eligibility.facts(communityId, requirementsOfWork(needWork(need, false))),
      this.db
        .selectFrom('volunteer_skill')
        .select(['volunteer_id', 'skill_code', 'level', 'licence_expires_on'])
        .where('community_id', '=', communityId)
        .where('category', '=', need.category)
        .execute(),
      homes === 'all' ? this.homesOf(communityId) : this.homesNear(communityId, need),
      homes === 'all' || !need.preferences?.preferredGender
        ? null
        : this.db.selectFrom('volunteer').select(['id', 'gender']).where('community_id', '=', communityId).execute(),
      counts,
    ]);
    const skillsOf = new Map<string, Array<{ code: string; level: SkillLevel }>>();
    for (const s of skills) {
      // A licence that has run out does not count as the skill.
      if (s.licence_expires_on && s.licence_expires_on < (need.when?.date ?? today)) continue;
      const list = skillsOf.get(s.volunteer_id) ?? [];
      list.push({ code: s.skill_code, level: s.level as SkillLevel });
      skillsOf.set(s.volunteer_id, list);
    }
    const homeOf = new Map(homeRows.map((h) => [h.id, h]));
    const genderOf = genders ? new Map(genders.map((g) => [g.id, g.gender])) : null;
    const out: Array<MatchCandidate & { pastByResident: ReadonlyMap<string, number> }> = [];
    for (const f of facts.values()) {
      if (f.status !== 'approved') continue;
      const home = homeOf.get(f.id);
      out.push({
        id: f.id,
        facts: f,
        gender: ((genderOf ? genderOf.get(f.id) : home?.gender) as Gender | null | undefined) ?? null,
        skills: skillsOf.get(f.id) ?? [],
        buildingId: home?.building_id ?? null,
        gridId: home?.grid_id ?? null,
        load: load.get(f.id) ?? 0,
        pastServicesForResident: 0,
        pastByResident: past.get(f.id) ?? NO_PAST,
      });
    }
    return out;
  }

  /** A community's volunteers with the household each lives in (none known without a resident). */
  private volunteersAtHome(communityId: string) {
    return this.db
      .selectFrom('volunteer as v')
      .leftJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .leftJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .where('v.community_id', '=', communityId);
  }

  /** Where volunteers live and their gender, in one read of the volunteers. */
  private homesOf(communityId: string) {
    return this.volunteersAtHome(communityId).select(['v.id', 'v.gender', 'h.building_id', 'h.grid_id']).execute();
  }

  /** The volunteers living in the need's building or grid, with where: the homes that earn nearness points. */
  private async homesNear(communityId: string, need: MatchNeed) {
    const { buildingId, gridId } = need;
    if (buildingId === null && gridId === null) return [];
    const rows = await this.db
      .selectFrom('household as h')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'h.community_id').onRef('r.household_id', '=', 'h.id'),
      )
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'r.community_id').onRef('v.resident_id', '=', 'r.id'),
      )
      .select(['v.id', 'h.building_id', 'h.grid_id'])
      .where('h.community_id', '=', communityId)
      .where((eb) =>
        eb.or([
          ...(gridId !== null ? [eb('h.grid_id', '=', gridId)] : []),
          ...(buildingId !== null ? [eb('h.building_id', '=', buildingId)] : []),
        ]),
      )
      .execute();
    return rows.map((r) => ({ ...r, gender: null as string | null }));
  }

  /**
   * Candidates ranked without their homes, given them and their names: a home outside the need's building and
   * grid scores nothing, so only the explanation (elsewhere or unknown) needs it, and only for the few kept.
   */
  private async withHomes<C extends MatchCandidate>(communityId: string, kept: C[]) {
    const rows = kept.length
      ? await this.volunteersAtHome(communityId)
          .select(['v.id', 'v.name', 'h.building_id', 'h.grid_id'])
          .where(
            'v.id',
            'in',
            kept.map((c) => c.id),
          )
          .execute()
      : [];
    const homes = new Map(rows.map((h) => [h.id, h]));
    return kept.map((c) => {
      const h = homes.get(c.id);
      return { ...c, buildingId: h?.building_id ?? null, gridId: h?.grid_id ?? null, name: h?.name ?? '' };
    });
  }

  /** Open needs assigned and active pairings, per volunteer. */
  private async loadOf(communityId: string) {
    const [needs, pairings] = await Promise.all([
      this.db
        .selectFrom('need')
        .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('community_id', '=', communityId)
        .where(
          'status',
          'in',
          OPEN_NEED_STATUSES.filter((s) => s !== 'new'),
        )
        .where('volunteer_id', 'is not', null)
        .groupBy('volunteer_id')
        .execute(),
      this.db
        .selectFrom('pairing')
        .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('community_id', '=', communityId)
        .where('status', '=', 'active')
        .groupBy('volunteer_id')
        .execute(),
    ]);
    const m = new Map<string, number>();
    for (const r of [...needs, ...pairings])
      if (r.volunteer_id) m.set(r.volunteer_id, (m.get(r.volunteer_id) ?? 0) + Number(r.n));
    return m;
  }

  /**
   * How much each volunteer carries (open needs assigned, active pairings) and their past services (needs done,
   * pairing visits) to each of these residents, in one statement: the four counts as rows, `past` telling which.
   */
  private async countsFor(communityId: string, residentIds: readonly string[]) {
    const ids = [...new Set(residentIds)];
    let q = this.db
      .selectFrom('need')
      .select(['volunteer_id', sql<string | null>`null`.as('resident_id'), sql<number>`0`.as('past')])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .where(
        'status',
        'in',
        OPEN_NEED_STATUSES.filter((s) => s !== 'new'),
      )
      .where('volunteer_id', 'is not', null)
      .groupBy('volunteer_id')
      .unionAll(
        this.db
          .selectFrom('pairing')
          .select(['volunteer_id', sql<string | null>`null`.as('resident_id'), sql<number>`0`.as('past')])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('community_id', '=', communityId)
          .where('status', '=', 'active')
          .groupBy('volunteer_id'),
      );
    if (ids.length)
      q = q
        .unionAll(
          this.db
            .selectFrom('need')
            .select(['volunteer_id', 'resident_id', sql<number>`1`.as('past')])
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('community_id', '=', communityId)
            .where('resident_id', 'in', ids)
            .where('status', 'in', ['done', 'reviewed'])
            .where('volunteer_id', 'is not', null)
            .groupBy(['volunteer_id', 'resident_id']),
        )
        .unionAll(
          this.db
            .selectFrom('pairing_visit')
            .select(['volunteer_id', 'resident_id', sql<number>`1`.as('past')])
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('community_id', '=', communityId)
            .where('resident_id', 'in', ids)
            .groupBy(['volunteer_id', 'resident_id']),
        );
    const load = new Map<string, number>();
    const past = new Map<string, Map<string, number>>();
    for (const r of await q.execute()) {
      if (!r.volunteer_id) continue;
      if (Number(r.past) === 0) {
        load.set(r.volunteer_id, (load.get(r.volunteer_id) ?? 0) + Number(r.n));
        continue;
      }
      const byResident = past.get(r.volunteer_id) ?? new Map<string, number>();
      byResident.set(r.resident_id!, (byResident.get(r.resident_id!) ?? 0) + Number(r.n));
      past.set(r.volunteer_id, byResident);
    }
    return { load, past };
  }

  /** Which of these residents are adults (a minor is never proposed to serve one alone). */
  private async adultResidents(communityId: string, residentIds: readonly string[]) {
    const ids = [...new Set(residentIds)];
    if (!ids.length) return new Set<string>();
    const adultBornBy = bornOnOrBefore(18, todayInShanghai());
    const rows = await this.db
      .selectFrom('resident')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', 'in', ids)
      .where('birth_date', '<=', adultBornBy)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Ranked, explained candidates for one need. */
  async rank(actor: Actor, grant: Grant, needId: string, limit = 20) {
    const n = await this.needs.needInScope(actor, grant, needId);
    // What does not depend on the need's match facts is asked for alongside them.
    const counts = this.countsFor(actor.communityId, [n.resident_id]);
    const adults = this.adultResidents(actor.communityId, [n.resident_id]);
    // Settled (and so not left unhandled) whatever fails first; the awaits below still throw.
    void Promise.allSettled([counts, adults]);
    const need = await this.matchNeedOf(n);
    const candidates = await this.candidatesFor(actor.communityId, need, [n.resident_id], 'near', counts);
    for (const c of candidates) c.pastServicesForResident = c.pastByResident.get(n.resident_id) ?? 0;
    const today = todayInShanghai();
    const options = { today, limit, eligibility: gated(need, (await adults).has(n.resident_id), today) };
    const first = rankAndCount(need, candidates, options);
    // The kept again, now with their homes: the same scores and order, each nearness explained.
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const kept = await this.withHomes(
      actor.communityId,
      first.ranked.map((r) => byId.get(r.volunteerId)!),
    );
    const { ranked } = rankAndCount(need, kept, options);
    const names = new Map(kept.map((c) => [c.id, c.name]));
    return {
      needId,
      eligibleCount: first.eligible,
      candidates: ranked.map((r) => ({ ...r, name: names.get(r.volunteerId) ?? '' })),
    };
  }

  /**
   * Every new need at once: the optimal assignment under a load cap (each volunteer takes at most `loadCap`
   * open tasks in all), beside first-come-first-served. With `apply`, the assignment is confirmed need by
   * need; a need someone else moved meanwhile is skipped and reported.
   */
  async batch(actor: Actor, grant: Grant, opts: { loadCap: number; apply: boolean }, ctx: RequestContext) {
    const open = await this.db
      .selectFrom('need')
      .selectAll()
      .where('community_id', '=', actor.communityId)
      .where('status', '=', 'new')
      .orderBy('created_at')
      .limit(2000)
      .execute();
    const load = await this.loadOf(actor.communityId);
    // Needs asking the same of a volunteer at the same time share one load of facts.
    const byTask = new Map<string, Array<{ n: NeedTable; need: MatchNeed }>>();
    const matchNeeds = await this.matchNeedsOf(actor.communityId, open);
    for (const [i, n] of open.entries()) {
      const need = matchNeeds[i]!;
      const key = JSON.stringify([need.category, requirementsOfWork(needWork(need, false))]);
      byTask.set(key, [...(byTask.get(key) ?? []), { n, need }]);
    }
    const batchNeeds: BatchNeed[] = [];
    const today = todayInShanghai();
    const adults = await this.adultResidents(
      actor.communityId,
      open.map((n) => n.resident_id),
    );
    for (const group of byTask.values()) {
      const candidates = await this.candidatesFor(
        actor.communityId,
        group[0]!.need,
        group.map((g) => g.n.resident_id),
      );
      for (const { n, need } of group) {
        const forResident = candidates.map((c) => ({
          ...c,
          pastServicesForResident: c.pastByResident.get(n.resident_id) ?? 0,
        }));
        const eligibility = gated(need, adults.has(n.resident_id), today);
        const ranked = rankCandidates(need, forResident, { today, limit: BATCH_TOP_K, eligibility });
        batchNeeds.push({
          id: n.id,
          waitingSince: headStart(n),
          candidates: ranked.map((r) => ({ volunteerId: r.volunteerId, fit: r.score })),
        });
      }
    }
    const capacity = new Map<string, number>();
    for (const b of batchNeeds)
      for (const c of b.candidates)
        capacity.set(c.volunteerId, Math.max(0, opts.loadCap - (load.get(c.volunteerId) ?? 0)));
    const problem = { needs: batchNeeds, capacity, now: new Date() };
    const best = solveFast(problem),
      fcfs = firstComeFirstServed(problem);
    const names = new Map(
      (
        await this.eligibility.named(
          actor.communityId,
          best.assignments.map((a) => ({ volunteerId: a.volunteerId })),
        )
      ).map((x) => [x.volunteerId, x.name]),
    );
    const residents = new Map(open.map((n) => [n.id, n]));
    const residentNames = new Map(
      (
        await this.db
          .selectFrom('resident')
          .select(['id', 'name'])
          .where('community_id', '=', actor.communityId)
          .where('id', 'in', open.length ? open.map((n) => n.resident_id) : ['-'])
          .execute()
      ).map((r) => [r.id, r.name]),
    );
    const applied: string[] = [],
      skipped: string[] = [];
    if (opts.apply) {
      for (const a of best.assignments) {
        try {
          await this.needs.match(actor, grant, a.needId, a.volunteerId, ctx);
          applied.push(a.needId);
        } catch {
          skipped.push(a.needId);
        }
      }
    }
    return {
      openNeeds: open.length,
      assignments: best.assignments.map((a) => ({
        ...a,
        volunteerName: names.get(a.volunteerId) ?? '',
        residentName: residentNames.get(residents.get(a.needId)!.resident_id) ?? '',
        category: residents.get(a.needId)!.category as SkillCategory,
      })),
      unmatched: best.unmatched,
      comparison: compare(best, fcfs, problem),
      applied,
      skipped,
    };
  }
}
