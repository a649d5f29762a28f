// One gate for every assignment (issue 13): whatever puts a volunteer on work — a need, a pairing, an activity
// shift, the 4:30 rota, a home-care task, a hospital shift, a delivery building — asks this policy. Each kind of
// work has an age band and defaults (hospital shifts and overnight work need insurance, bathing is personal care);
// minors (< 18) never work overnight or outside 06:00–21:00, never do personal care or hospital shifts, and are
// never alone one-to-one with an adult who is not their guardian (未成年人保护法; 志愿服务条例 art. 15–17).
// Staff may override only what the policy lets them (availability, training, a skill), with a reason; never
// minors' safety, consent, approval, age or insurance.
//
// 小小志愿者: on an activity so flagged, a minor (under 18 on the day) signs up naming an accompanying adult, who is
// either of the child's household (a guardian or family member in the registry) or an approved adult volunteer
// holding a confirmed place on the same shift. Other activities keep the age band below (9 and over) as it is.
import { z } from 'zod';
import { ageOn } from '../shared/dates.ts';
import {
  checkEligibility,
  DEFAULT_AGE_POLICY,
  FITNESS,
  type AgePolicy,
  type Fitness,
  type IneligibleReason,
  type TaskRequirements,
  type VolunteerFacts,
} from './eligibility.ts';

export const WORK_KINDS = [
  'need',
  'pairing',
  'activity_shift',
  'classroom_rota',
  'homecare_task',
  'hospital_shift',
  'delivery',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** What a kind of work asks of anyone who does it, before any service type adds to it. */
export interface KindPolicy {
  minAge: number;
  maxAge: number;
  minFitness: Fitness;
  needsInsurance: boolean;
  /** Done alone with the resident it serves (a home visit), so a minor may not do it for an adult. */
  oneToOne: boolean;
}

export const KIND_POLICY: Readonly<Record<WorkKind, KindPolicy>> = {
  need: { minAge: 14, maxAge: 80, minFitness: 'limited', needsInsurance: false, oneToOne: true },
  pairing: { minAge: 14, maxAge: 80, minFitness: 'limited', needsInsurance: false, oneToOne: true },
  // Group activities are where the young volunteer (9 and over, accompanied under 10).
  activity_shift: { minAge: 9, maxAge: 80, minFitness: 'limited', needsInsurance: false, oneToOne: false },
  // The rota hands children to their guardians: a responsible near-adult, 16 and over.
  classroom_rota: { minAge: 16, maxAge: 80, minFitness: 'limited', needsInsurance: false, oneToOne: false },
  homecare_task: { minAge: 16, maxAge: 75, minFitness: 'fair', needsInsurance: false, oneToOne: true },
  hospital_shift: { minAge: 18, maxAge: 70, minFitness: 'fair', needsInsurance: true, oneToOne: true },
  delivery: { minAge: 12, maxAge: 80, minFitness: 'limited', needsInsurance: false, oneToOne: false },
};

/** Minutes from local midnight: a minor works only between 06:00 and 21:00. */
export const MINOR_DAY_START = 6 * 60;
export const MINOR_DAY_END = 21 * 60;
/** Work running past midnight or starting before 05:00 is overnight (insurance, never a minor). */
const OVERNIGHT_BEFORE = 5 * 60;

/** When the work happens: its local date, minutes from that midnight; `endMinute` past 1440 runs into the next day. */
export interface WorkWhen {
  date: string;
  startMinute: number;
  endMinute: number;
}

export interface Work {
  kind: WorkKind;
  /** What an attached service type asks; the stricter of it and the kind's policy wins. */
  serviceType?: Omit<TaskRequirements, 'when' | 'skillCode'> | null;
  skillCode?: string | null;
  when?: WorkWhen | null;
  /** The day of work without a time (a task due that day): training, insurance and age are taken on it. */
  date?: string | null;
  /** Bathing, toileting, dressing: personal care. */
  personalCare?: boolean;
  /** The resident served is an adult who is not the volunteer's guardian (or family). */
  adultResident?: boolean;
  /** A 小小志愿者 activity: a minor needs an accompanying adult (`companion`). */
  juniorVolunteers?: boolean;
  /** The adult this volunteer named to accompany them, as found; null when none was named. */
  companion?: Companion | null;
}

/** What the gate is told of the adult a minor named on a 小小志愿者 activity. */
export interface Companion {
  /** Null when nobody of the id named was found. */
  birthDate: string | null;
  /** Lives in the child's household (the registry's household of the child's resident record). */
  sameHousehold: boolean;
  /** An approved volunteer with a confirmed place on the same shift. */
  signedUpVolunteer: boolean;
}

/** The accompanying-adult rule of a 小小志愿者 activity for a minor: null when it holds. */
export function companionRefusal(
  companion: Companion | null | undefined,
  onDate: string,
  policy: AgePolicy = DEFAULT_AGE_POLICY,
): 'junior_adult_required' | 'junior_adult_invalid' | null {
  if (!companion) return 'junior_adult_required';
  if (!companion.birthDate || ageOn(companion.birthDate, onDate) < policy.guardianUnder) return 'junior_adult_invalid';
  return companion.sameHousehold || companion.signedUpVolunteer ? null : 'junior_adult_invalid';
}

export type WorkRefusal =
  | IneligibleReason
  | 'minor_overnight'
  | 'minor_late_hours'
  | 'minor_personal_care'
  | 'minor_hospital'
  | 'minor_alone_with_adult'
  | 'junior_adult_required'
  | 'junior_adult_invalid';

export const WORK_REFUSALS: readonly WorkRefusal[] = [
  'not_approved',
  'too_young',
  'too_old',
  'guardian_missing',
  'minor_at_night',
  'fitness',
  'training_missing',
  'training_expired',
  'insurance_missing',
  'unavailable',
  'blackout',
  'skill_missing',
  'minor_overnight',
  'minor_late_hours',
  'minor_personal_care',
  'minor_hospital',
  'minor_alone_with_adult',
  'junior_adult_required',
  'junior_adult_invalid',
];

/** What staff may override, with a reason: when the volunteer said they are free, and training or a skill. */
export const OVERRIDABLE: ReadonlySet<WorkRefusal> = new Set<WorkRefusal>([
  'unavailable',
  'blackout',
  'training_missing',
  'training_expired',
  'skill_missing',
]);

export interface WorkEligibility {
  eligible: boolean;
  reasons: WorkRefusal[];
  /** Every reason is one staff may override. */
  overridable: boolean;
}

export const isOvernight = (w: WorkWhen) => w.endMinute > 1440 || w.startMinute < OVERNIGHT_BEFORE;
export const isOutsideMinorHours = (w: WorkWhen) => w.startMinute < MINOR_DAY_START || w.endMinute > MINOR_DAY_END;

const stricterFitness = (a: Fitness, b: Fitness): Fitness => (FITNESS.indexOf(a) <= FITNESS.indexOf(b) ? a : b);

/** The requirements of a piece of work: its kind's policy, tightened by its service type, overnight insured. */
export function requirementsOfWork(work: Work): TaskRequirements {
  const k = KIND_POLICY[work.kind];
  const s = work.serviceType;
  const when = work.when ?? undefined;
  return {
    minAge: Math.max(k.minAge, s?.minAge ?? 0),
    maxAge: Math.min(k.maxAge, s?.maxAge ?? 200),
    minFitness: s ? stricterFitness(k.minFitness, s.minFitness) : k.minFitness,
    trainingCourseIds: s?.trainingCourseIds ?? [],
    needsInsurance: k.needsInsurance || !!s?.needsInsurance || (!!when && isOvernight(when)),
    night: !!s?.night,
    skillCode: work.skillCode ?? null,
    // Weekly slots end at midnight: the part of the work on its own day is what availability is checked against.
    ...(when
      ? { when: { date: when.date, startMinute: when.startMinute, endMinute: Math.min(1440, when.endMinute) } }
      : {}),
  };
}

/** May this volunteer be put on this work, and if not, every reason why. */
export function checkWork(
  v: VolunteerFacts,
  work: Work,
  today: string,
  policy: AgePolicy = DEFAULT_AGE_POLICY,
): WorkEligibility {
  const when = work.when;
  const onDate = when?.date ?? work.date ?? today;
  // The rule takes an untimed task's day as "today": facts are judged on the day of the work.
  const reasons: WorkRefusal[] = checkEligibility(v, requirementsOfWork(work), when ? today : onDate, policy).reasons;
  // A day without a time is still a day the volunteer said they are away.
  if (!when && work.date && v.blackouts.some((b) => b.fromDate <= onDate && b.toDate >= onDate))
    reasons.push('blackout');
  if (ageOn(v.birthDate, onDate) < policy.guardianUnder) {
    if (when && isOvernight(when)) reasons.push('minor_overnight');
    if (when && isOutsideMinorHours(when)) reasons.push('minor_late_hours');
    if (work.personalCare) reasons.push('minor_personal_care');
    if (work.kind === 'hospital_shift') reasons.push('minor_hospital');
    if (KIND_POLICY[work.kind].oneToOne && work.adultResident) reasons.push('minor_alone_with_adult');
    const companion = work.juniorVolunteers ? companionRefusal(work.companion, onDate, policy) : null;
    if (companion) reasons.push(companion);
  }
  return {
    eligible: reasons.length === 0,
    reasons,
    overridable: reasons.length > 0 && reasons.every((r) => OVERRIDABLE.has(r)),
  };
}

export interface Override {
  reason: string;
}

/** The decision with a staff override taken into account: allowed, and which reasons were overridden. */
export function decide(
  e: WorkEligibility,
  override?: Override | null,
): { allowed: boolean; overridden: WorkRefusal[]; refused: WorkRefusal[] } {
  if (e.eligible) return { allowed: true, overridden: [], refused: [] };
  if (override && override.reason.trim() && e.overridable) return { allowed: true, overridden: e.reasons, refused: [] };
  return { allowed: false, overridden: [], refused: e.reasons };
}

/** Minutes from local midnight of an "HH:MM" time. */
export const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Work cannot be recorded done before the day it is for. */
export const startedBy = (workDate: string, today: string) => workDate <= today;

/** The override parameter every assignment route takes: `override: { reason }` (staff only; audited). */
export const overrideInput = z
  .object({ reason: z.string().trim().min(1, 'invalid.overrideReason').max(500, 'invalid.overrideReason') })
  .strict();
