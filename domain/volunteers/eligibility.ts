// Can this volunteer be offered this task? Age, guardian, fitness, training, insurance and availability,
// as the 志愿服务条例 asks (art. 15: tasks fit age, skills and health; art. 16: training where the task
// needs it; art. 17: accident insurance before anything that may endanger the person).
// Pure and allocation-light: staff screens check thousands of volunteers at once.
import { ageOn, weekdayOf } from '../shared/dates.ts';

export const FITNESS = ['good', 'fair', 'limited'] as const;
export type Fitness = (typeof FITNESS)[number];
const FITNESS_RANK: Record<Fitness, number> = { good: 2, fair: 1, limited: 0 };

/** Registration ages the community accepts (configurable; the case study's volunteers are 9 to 80). */
export interface AgePolicy {
  minAge: number;
  maxAge: number;
  guardianUnder: number;
  guardianCoversDataUnder: number;
  accompaniedUnder: number;
}
export const DEFAULT_AGE_POLICY: AgePolicy = {
  minAge: 9,
  maxAge: 80,
  guardianUnder: 18,
  guardianCoversDataUnder: 14,
  accompaniedUnder: 10,
};

export interface VolunteerFacts {
  status: string;
  birthDate: string;
  fitness: Fitness;
  hasGuardianConsent: boolean;
  /** Training certificates: course id and expiry (null = never expires). */
  trainings: ReadonlyArray<{ courseId: string; expiresOn: string | null }>;
  /** Policies covering the volunteer. */
  insurance: ReadonlyArray<{ startsOn: string; endsOn: string; minAge: number | null; maxAge: number | null }>;
  /** Weekly slots: weekday 1 (Monday) to 7, minutes from local midnight. Empty = not stated (any time). */
  weekly: ReadonlyArray<{ weekday: number; startMinute: number; endMinute: number }>;
  /** Whether any weekly slot is stated, when `weekly` holds only the slots of the task's weekday (a loader's
   *  narrowing); defaults to `weekly.length > 0`. */
  statesWeekly?: boolean;
  blackouts: ReadonlyArray<{ fromDate: string; toDate: string }>;
  /**
   * Skill codes the volunteer holds (with a current licence where one is needed); only read when the task asks for a
   * skill.
   */
  skills?: ReadonlyArray<string>;
}

export interface TaskRequirements {
  minAge: number;
  maxAge: number;
  minFitness: Fitness;
  trainingCourseIds: readonly string[];
  needsInsurance: boolean;
  /** Night work (22:00–06:00) is never offered to minors. */
  night: boolean;
  /** A skill the task needs (e.g. nursing), if any. */
  skillCode?: string | null;
  /** When the task happens (local date and minutes); omitted for a standing task. */
  when?: { date: string; startMinute: number; endMinute: number };
}

export type IneligibleReason =
  | 'not_approved'
  | 'too_young'
  | 'too_old'
  | 'guardian_missing'
  | 'minor_at_night'
  | 'fitness'
  | 'training_missing'
  | 'training_expired'
  | 'insurance_missing'
  | 'unavailable'
  | 'blackout'
  | 'skill_missing';

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
}

export function checkEligibility(
  v: VolunteerFacts,
  task: TaskRequirements,
  today: string,
  policy: AgePolicy = DEFAULT_AGE_POLICY,
): Eligibility {
  const reasons: IneligibleReason[] = [];
  const onDate = task.when?.date ?? today;
  const age = ageOn(v.birthDate, onDate);
  if (v.status !== 'approved') reasons.push('not_approved');
  if (age < task.minAge) reasons.push('too_young');
  if (age > task.maxAge) reasons.push('too_old');
  const minor = age < policy.guardianUnder;
  if (minor && !v.hasGuardianConsent) reasons.push('guardian_missing');
  if (minor && task.night) reasons.push('minor_at_night');
  if (FITNESS_RANK[v.fitness] < FITNESS_RANK[task.minFitness]) reasons.push('fitness');
  for (const course of task.trainingCourseIds) {
    let best: 'missing' | 'expired' | 'ok' = 'missing';
    for (const t of v.trainings) {
      if (t.courseId !== course) continue;
      if (t.expiresOn === null || t.expiresOn >= onDate) {
        best = 'ok';
        break;
      }
      best = 'expired';
    }
    if (best === 'missing') reasons.push('training_missing');
    if (best === 'expired') reasons.push('training_expired');
  }
  if (
    task.needsInsurance &&
    !v.insurance.some(
      (p) =>
        p.startsOn <= onDate &&
        p.endsOn >= onDate &&
        (p.minAge === null || age >= p.minAge) &&
        (p.maxAge === null || age <= p.maxAge),
    )
  ) {
    reasons.push('insurance_missing');
  }
  if (task.skillCode && !v.skills?.includes(task.skillCode)) reasons.push('skill_missing');
  if (task.when) {
    const { date, startMinute, endMinute } = task.when;
    if (v.blackouts.some((b) => b.fromDate <= date && b.toDate >= date)) reasons.push('blackout');
    if (v.statesWeekly ?? v.weekly.length > 0) {
      const wd = weekdayOf(date);
      if (!v.weekly.some((s) => s.weekday === wd && s.startMinute <= startMinute && s.endMinute >= endMinute))
        reasons.push('unavailable');
    }
  }
  return { eligible: reasons.length === 0, reasons };
}

/** Registration: is this age accepted, and what consent does it need? */
export function registrationAgeRule(birthDate: string, today: string, policy: AgePolicy = DEFAULT_AGE_POLICY) {
  const age = ageOn(birthDate, today);
  return {
    age,
    accepted: age >= policy.minAge && age <= policy.maxAge,
    needsGuardian: age < policy.guardianUnder,
    // PIPL art. 31: under 14 the guardian consents to processing the child's data itself.
    guardianConsentsForData: age < policy.guardianCoversDataUnder,
    mustBeAccompanied: age < policy.accompaniedUnder,
  };
}
