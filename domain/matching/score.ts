// Ranking the volunteers for one need (需求对接): who may do it (eligibility, reused from the volunteers
// area, never re-implemented here) and, among those, who fits best — and why, in parts the staff screen can
// show one by one ("same building +20, helped her 3 times before +15, already has 2 open tasks −10").
// Pure and allocation-light: the batch matcher ranks tens of thousands of need–volunteer pairs.
import type { Gender } from '../registry/special-groups.ts';
import {
  checkEligibility,
  DEFAULT_AGE_POLICY,
  type AgePolicy,
  type Eligibility,
  type TaskRequirements,
  type VolunteerFacts,
} from '../volunteers/eligibility.ts';
import { SKILL_BY_CODE, type SkillCategory, type SkillLevel } from '../volunteers/skills.ts';

export const MATCH_FACTORS = ['skill', 'availability', 'nearness', 'load', 'continuity', 'preference'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

/**
 * Points per factor. All integers, so totals are integers (the batch assignment is exact on integers).
 * The scale: a fitting skill is worth the most (20–40), then nearness (10–20), then continuity and the
 * resident's own choice; each open task a volunteer already carries costs 5, so work spreads out (the case
 * study's 旱的旱死、涝的涝死: help piling on some while others get none).
 */
export interface MatchWeights {
  /** The volunteer holds the exact skill the need names, by level. */
  skillExact: Readonly<Record<SkillLevel, number>>;
  /**
   * The need names no skill (or the volunteer lacks the named one but is eligible): best skill of the need's category.
   */
  skillCategory: Readonly<Record<SkillLevel, number>>;
  /** The volunteer stated a weekly slot that covers the preferred time: a firm yes. */
  availabilityStated: number;
  /** The volunteer stated no slots (eligible at any time): a weaker yes. */
  availabilityUnstated: number;
  sameBuilding: number;
  /** Same grid, another building (not added to sameBuilding). */
  sameGrid: number;
  /** Per open assigned need or active pairing the volunteer already carries (negative). */
  loadPerOpenTask: number;
  /** Per past service of this volunteer to this resident, up to continuityMax. */
  continuityPerService: number;
  continuityMax: number;
  /** The resident asked for this volunteer by name. */
  preferredVolunteer: number;
  /** The resident stated a preferred gender: matched (+) or not (−); a wish, not a rule. */
  genderMatch: number;
  genderMismatch: number;
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  skillExact: Object.freeze({ basic: 20, skilled: 30, expert: 40 }),
  skillCategory: Object.freeze({ basic: 10, skilled: 15, expert: 20 }),
  availabilityStated: 10,
  availabilityUnstated: 3,
  sameBuilding: 20,
  sameGrid: 10,
  loadPerOpenTask: -5,
  continuityPerService: 5,
  continuityMax: 15,
  preferredVolunteer: 25,
  genderMatch: 10,
  genderMismatch: -10,
});

export interface TimeWindow {
  date: string;
  startMinute: number;
  endMinute: number;
}

export interface MatchNeed {
  category: SkillCategory;
  /** A skill the need requires (a hard requirement: only holders are eligible). */
  skillCode?: string | null;
  /**
   * The skills that serve the need, read from its words (relevance.ts): holders score as for the exact skill, and
   * another skill of the category scores nothing. Absent or empty: every skill of the category serves.
   */
  relevantSkills?: readonly string[];
  /** The resident's preferred time (local); null = any time. */
  when?: TimeWindow | null;
  buildingId: string | null;
  gridId: string | null;
  preferences?: {
    preferredVolunteerIds?: readonly string[];
    /** Never offered, whatever their score. */
    avoidedVolunteerIds?: readonly string[];
    preferredGender?: Gender | null;
  };
  /** When the need was heard (ISO instant); used by the batch assignment, not by the ranking of one need. */
  waitingSince: string;
  /** The service type's requirements (age, fitness, training, insurance, night); defaults: none. */
  requirements?: Partial<
    Pick<TaskRequirements, 'minAge' | 'maxAge' | 'minFitness' | 'trainingCourseIds' | 'needsInsurance' | 'night'>
  >;
}

export interface MatchCandidate {
  id: string;
  facts: VolunteerFacts;
  gender?: Gender | null;
  /** Skills the volunteer may practise now (licence valid where one is needed), with level. */
  skills: ReadonlyArray<{ code: string; level: SkillLevel }>;
  /** Where the volunteer lives, if known. */
  buildingId: string | null;
  gridId: string | null;
  /** Open assigned needs + active pairings. */
  load: number;
  /** Past services of this volunteer to this need's resident. */
  pastServicesForResident: number;
}

export interface MatchPart {
  factor: MatchFactor;
  points: number;
  /** An i18n key (match.<factor>.<case>) and its parameters. */
  detail: string;
  params?: Record<string, string | number>;
}

export interface RankedCandidate {
  volunteerId: string;
  /** Sum of the parts' points. */
  score: number;
  parts: MatchPart[];
}

export interface RankOptions {
  /** Today (YYYY-MM-DD, Shanghai): for ages and expiries when the need has no date. */
  today: string;
  weights?: Partial<MatchWeights>;
  /** An eligibility answer computed elsewhere (e.g. by a loader that checked in SQL); default: checkEligibility. */
  eligibility?: (candidate: MatchCandidate, task: TaskRequirements) => boolean | Eligibility;
  agePolicy?: AgePolicy;
  /** Keep only the best `limit` (the batch assignment takes the top K). */
  limit?: number;
}

/** Night work (22:00–06:00) is never offered to minors: a window touching it makes the task a night task. */
export function isNightWindow(w: TimeWindow): boolean {
  return w.startMinute < 6 * 60 || w.endMinute > 22 * 60;
}

/** The task the eligibility rule checks, built from the need. */
export function taskRequirementsFor(need: MatchNeed): TaskRequirements {
  const r = need.requirements ?? {};
  return {
    minAge: r.minAge ?? 0,
    maxAge: r.maxAge ?? 200,
    minFitness: r.minFitness ?? 'limited',
    trainingCourseIds: r.trainingCourseIds ?? [],
    needsInsurance: r.needsInsurance ?? false,
    night: (r.night ?? false) || (!!need.when && isNightWindow(need.when)),
    skillCode: need.skillCode ?? null,
    ...(need.when ? { when: need.when } : {}),
  };
}

const LEVEL_RANK: Record<SkillLevel, number> = { basic: 0, skilled: 1, expert: 2 };
const SKILL_LEVELS_BY_RANK: readonly SkillLevel[] = ['basic', 'skilled', 'expert'];

/** Whether this candidate's stated weekly slots cover the window (eligibility already said it is free then). */
function statesSlots(f: VolunteerFacts): boolean {
  return f.statesWeekly ?? f.weekly.length > 0;
}

/**
 * The eligible candidates for one need, best first (score descending, then volunteer id), each with the parts
 * of its score. Avoided volunteers are left out before anything else.
 */
export function rankCandidates(
  need: MatchNeed,
  candidates: readonly MatchCandidate[],
  options: RankOptions,
): RankedCandidate[] {
  return rankAndCount(need, candidates, options).ranked;
}

/**
 * The same, with how many candidates were eligible in all (before `limit`): one pass, where ranking again without a
 * limit to count them would explain every eligible candidate.
 */
export function rankAndCount(
  need: MatchNeed,
  candidates: readonly MatchCandidate[],
  options: RankOptions,
): { ranked: RankedCandidate[]; eligible: number } {
  const w: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS, ...options.weights };
  const task = taskRequirementsFor(need);
  const policy = options.agePolicy ?? DEFAULT_AGE_POLICY;
  const avoided = new Set(need.preferences?.avoidedVolunteerIds ?? []);
  const preferred = new Set(need.preferences?.preferredVolunteerIds ?? []);
  const wantGender = need.preferences?.preferredGender ?? null;
  // Score first, explain only what is kept: on city data most candidates are cut by `limit`.
  const scored: Array<{ c: MatchCandidate; score: number }> = [];
  for (const c of candidates) {
    if (avoided.has(c.id)) continue;
    if (!isEligible(c, task, options, policy)) continue;
    scored.push({ c, score: scoreOf(need, c, w, preferred, wantGender) });
  }
  // Code-unit order on ids, not localeCompare: the same on every machine and locale.
  scored.sort((a, b) => b.score - a.score || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  const kept =
    options.limit !== undefined && scored.length > options.limit ? scored.slice(0, Math.max(0, options.limit)) : scored;
  return {
    ranked: kept.map(({ c, score }) => ({
      volunteerId: c.id,
      score,
      parts: partsOf(need, c, w, preferred, wantGender),
    })),
    eligible: scored.length,
  };
}

/** The parts of a candidate's score; they add up to scoreOf (a property test holds the two together). */
function partsOf(
  need: MatchNeed,
  c: MatchCandidate,
  w: MatchWeights,
  preferred: ReadonlySet<string>,
  wantGender: Gender | null,
): MatchPart[] {
  const parts: MatchPart[] = [
    skillPart(need, c, w),
    availabilityPart(need, c, w),
    nearnessPart(need, c, w),
    loadPart(c, w),
    continuityPart(c, w),
  ];
  if (preferred.has(c.id))
    parts.push({ factor: 'preference', points: w.preferredVolunteer, detail: 'match.preference.preferred_volunteer' });
  if (wantGender && c.gender) {
    parts.push(
      c.gender === wantGender
        ? {
            factor: 'preference',
            points: w.genderMatch,
            detail: 'match.preference.gender_match',
            params: { gender: wantGender },
          }
        : {
            factor: 'preference',
            points: w.genderMismatch,
            detail: 'match.preference.gender_mismatch',
            params: { gender: wantGender },
          },
    );
  }
  return parts;
}

/** The total alone, without allocating the explanation. */
function scoreOf(
  need: MatchNeed,
  c: MatchCandidate,
  w: MatchWeights,
  preferred: ReadonlySet<string>,
  wantGender: Gender | null,
): number {
  let score = 0;
  // skill
  let exact = false;
  if (need.skillCode)
    for (const s of c.skills)
      if (s.code === need.skillCode) {
        score += w.skillExact[s.level];
        exact = true;
        break;
      }
  if (!exact && need.relevantSkills?.length) {
    let best = -1;
    for (const s of c.skills)
      if (LEVEL_RANK[s.level] > best && need.relevantSkills.includes(s.code)) best = LEVEL_RANK[s.level];
    if (best >= 0) score += w.skillExact[SKILL_LEVELS_BY_RANK[best]!];
  } else if (!exact) {
    let best = -1;
    for (const s of c.skills)
      if (LEVEL_RANK[s.level] > best && SKILL_BY_CODE.get(s.code)?.category === need.category)
        best = LEVEL_RANK[s.level];
    if (best >= 0) score += w.skillCategory[SKILL_LEVELS_BY_RANK[best]!];
  }
  if (need.when) score += statesSlots(c.facts) ? w.availabilityStated : w.availabilityUnstated;
  if (need.buildingId !== null && c.buildingId === need.buildingId) score += w.sameBuilding;
  else if (need.gridId !== null && c.gridId === need.gridId) score += w.sameGrid;
  score += Math.max(0, c.load) * w.loadPerOpenTask;
  score += Math.min(w.continuityMax, Math.max(0, c.pastServicesForResident) * w.continuityPerService);
  if (preferred.has(c.id)) score += w.preferredVolunteer;
  if (wantGender && c.gender) score += c.gender === wantGender ? w.genderMatch : w.genderMismatch;
  return score || 0; // never −0
}

function isEligible(c: MatchCandidate, task: TaskRequirements, options: RankOptions, policy: AgePolicy): boolean {
  if (options.eligibility) {
    const r = options.eligibility(c, task);
    return typeof r === 'boolean' ? r : r.eligible;
  }
  // The rule reads facts.skills only when the task names a skill; fill it from the candidate's skills if the loader did
  // not.
  const facts = task.skillCode && !c.facts.skills ? { ...c.facts, skills: c.skills.map((s) => s.code) } : c.facts;
  return checkEligibility(facts, task, options.today, policy).eligible;
}

function skillPart(need: MatchNeed, c: MatchCandidate, w: MatchWeights): MatchPart {
  if (need.skillCode) {
    const own = c.skills.find((s) => s.code === need.skillCode);
    if (own)
      return {
        factor: 'skill',
        points: w.skillExact[own.level],
        detail: 'match.skill.exact',
        params: { skill: own.code, level: own.level },
      };
  }
  let best: { code: string; level: SkillLevel } | null = null;
  const relevant = need.relevantSkills?.length ? need.relevantSkills : null;
  if (relevant) {
    for (const s of c.skills)
      if (relevant.includes(s.code) && (!best || LEVEL_RANK[s.level] > LEVEL_RANK[best.level])) best = s;
    if (best)
      return {
        factor: 'skill',
        points: w.skillExact[best.level],
        detail: 'match.skill.relevant',
        params: { skill: best.code, level: best.level },
      };
    // A skill of the category that does not serve this need (a quilt-sewer for a leaking tap) earns nothing.
    const other = c.skills.find((s) => SKILL_BY_CODE.get(s.code)?.category === need.category);
    return other
      ? {
          factor: 'skill',
          points: 0,
          detail: 'match.skill.not_relevant',
          params: { category: need.category, skill: other.code, level: other.level },
        }
      : { factor: 'skill', points: 0, detail: 'match.skill.none', params: { category: need.category } };
  }
  for (const s of c.skills) {
    if (SKILL_BY_CODE.get(s.code)?.category !== need.category) continue;
    if (!best || LEVEL_RANK[s.level] > LEVEL_RANK[best.level]) best = s;
  }
  return best
    ? {
        factor: 'skill',
        points: w.skillCategory[best.level],
        detail: 'match.skill.category',
        params: { category: need.category, skill: best.code, level: best.level },
      }
    : { factor: 'skill', points: 0, detail: 'match.skill.none', params: { category: need.category } };
}

function availabilityPart(need: MatchNeed, c: MatchCandidate, w: MatchWeights): MatchPart {
  if (!need.when) return { factor: 'availability', points: 0, detail: 'match.availability.any_time' };
  const { date, startMinute, endMinute } = need.when;
  return statesSlots(c.facts)
    ? {
        factor: 'availability',
        points: w.availabilityStated,
        detail: 'match.availability.slot',
        params: { date, startMinute, endMinute },
      }
    : {
        factor: 'availability',
        points: w.availabilityUnstated,
        detail: 'match.availability.unstated',
        params: { date, startMinute, endMinute },
      };
}

function nearnessPart(need: MatchNeed, c: MatchCandidate, w: MatchWeights): MatchPart {
  if (need.buildingId !== null && c.buildingId === need.buildingId)
    return { factor: 'nearness', points: w.sameBuilding, detail: 'match.nearness.same_building' };
  if (need.gridId !== null && c.gridId === need.gridId)
    return { factor: 'nearness', points: w.sameGrid, detail: 'match.nearness.same_grid' };
  return {
    factor: 'nearness',
    points: 0,
    detail: c.gridId === null ? 'match.nearness.unknown' : 'match.nearness.elsewhere',
  };
}

function loadPart(c: MatchCandidate, w: MatchWeights): MatchPart {
  const count = Math.max(0, c.load);
  return {
    factor: 'load',
    points: count * w.loadPerOpenTask || 0 /* never −0 */,
    detail: 'match.load.open_tasks',
    params: { count },
  };
}

function continuityPart(c: MatchCandidate, w: MatchWeights): MatchPart {
  const count = Math.max(0, c.pastServicesForResident);
  return {
    factor: 'continuity',
    points: Math.min(w.continuityMax, count * w.continuityPerService),
    detail: 'match.continuity.past_services',
    params: { count },
  };
}
