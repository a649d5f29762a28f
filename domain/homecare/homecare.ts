// Home care (居家照护) and holiday delivery runs (节日慰问): the pure rules and the API's shapes.
// Case study: volunteers sew quilts (缝被褥), bathe (洗澡) and cut hair (理发) for elders without family (三无老人),
// accompany them in hospital (陪护), and bring food at festivals (中秋送月饼、春节送饺子) to elders and disabled
// residents. A delivery run must never miss anybody silently: whoever is not reached has a reason on record.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import { FESTIVAL_KEYS, festivals, type FestivalKey } from '../calendar/calendar.ts';
import { SPECIAL_GROUPS, type SpecialGroup } from '../registry/special-groups.ts';
import { addDays, isRealDate, shanghaiInstant } from '../shared/dates.ts';
import { overrideInput } from '../volunteers/work-policy.ts';
import { byNumberedText } from '../shared/collate.ts';

export const TASK_KINDS = ['quilt', 'bathing', 'haircut', 'cleaning', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** How a task reads in the hours ledger (Chinese, as ledger descriptions are): 理发 · 王*英. */
export const TASK_LABEL: Record<TaskKind, string> = {
  quilt: '缝被褥',
  bathing: '助浴',
  haircut: '理发',
  cleaning: '打扫卫生',
  other: '居家照护',
};
export const TASK_STATUSES = ['open', 'assigned', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const SHIFT_STATUSES = ['open', 'assigned', 'done', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];
export const RECIPIENT_STATUSES = ['pending', 'delivered', 'absent', 'declined', 'removed'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const RUN_STATUSES = ['open', 'closed'] as const;
/**
 * Whom a run serves unless staff choose otherwise: elders living alone, disabled residents, bereaved parents, elders
 * without family.
 */
export const DEFAULT_RUN_GROUPS: readonly SpecialGroup[] = ['living_alone', 'disabled', 'shidu', 'sanwu'];

/** Not delivered and not declined: still to be reached, or given a reason when the run closes. */
export const isOutstanding = (s: RecipientStatus) => s === 'pending' || s === 'absent';

/** The festival's date in a year, from the lunar calendar. */
export function festivalDate(key: FestivalKey, year: number): string {
  return festivals(year).find((f) => f.key === key)!.date;
}

/** A recipient's name as a volunteer sees it (王秀英 → 王*英): the project's one masking rule, as certificates use it. */
export { maskName as maskResidentName } from '../records/certificates.ts';

/** The standard rota around a stay: day 08–14, 14–20, night 20–08 next morning (minutes of the day). */
export const DEFAULT_SHIFT_PATTERN: ReadonlyArray<{ start: number; hours: number }> = [
  { start: 8 * 60, hours: 6 },
  { start: 14 * 60, hours: 6 },
  { start: 20 * 60, hours: 12 },
];
export const MAX_STAY_DAYS = 60;

/** The shifts for each day from `from` to `to` inclusive, as UTC instants. */
export function shiftsBetween(
  from: string,
  to: string,
  pattern = DEFAULT_SHIFT_PATTERN,
): Array<{ startsAt: string; endsAt: string }> {
  const out: Array<{ startsAt: string; endsAt: string }> = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const p of pattern) {
      const startsAt = shanghaiInstant(d, p.start);
      out.push({ startsAt, endsAt: new Date(Date.parse(startsAt) + p.hours * 3600_000).toISOString() });
    }
  }
  return out;
}

/** Minutes of a shift, for the hours ledger. */
export const shiftMinutes = (s: { startsAt: string; endsAt: string }) =>
  Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000);

/**
 * Nobody on it, not over yet, and starting within 48 hours: the console shows it in red, the daily job tells
 * staff. A shift already over can no longer be taken, so it is no gap to fill.
 */
export function isUncoveredSoon(
  s: { startsAt: string; endsAt: string; status: ShiftStatus },
  now = new Date(),
): boolean {
  return (
    s.status === 'open' &&
    Date.parse(s.endsAt) > now.getTime() &&
    Date.parse(s.startsAt) <= now.getTime() + UNCOVERED_WINDOW_HOURS * 3600_000
  );
}
export const UNCOVERED_WINDOW_HOURS = 48;

// --------------------------------------------------------------------------------------------- inputs

const date = z.string().refine(isRealDate, 'invalid.date');
const note = z.string().trim().max(500, 'invalid.tooLong');
const reason = z.string().trim().min(2, 'homecare.reasonRequired').max(200, 'invalid.tooLong');

export const taskInput = z.object({
  residentId: uuid,
  kind: z.enum(TASK_KINDS),
  dueOn: date,
  dueTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'homecare.timeInvalid')
    .nullish(),
  volunteerId: uuid.nullish(),
  override: overrideInput.optional(),
  note: note.optional(),
  repeatDays: z
    .number()
    .int('homecare.repeatInvalid')
    .min(1, 'homecare.repeatInvalid')
    .max(365, 'homecare.repeatInvalid')
    .nullish(),
});
export type TaskInput = z.infer<typeof taskInput>;
export const assignInput = z.object({ volunteerId: uuid.nullable(), override: overrideInput.optional() });
export const doneInput = z.object({
  minutes: z
    .number()
    .int('homecare.minutesInvalid')
    .min(1, 'homecare.minutesInvalid')
    .max(16 * 60, 'homecare.minutesInvalid'),
  note: note.optional(),
});
export const cancelInput = z.object({ reason });
export const taskQuery = z.object({ status: z.enum(TASK_STATUSES).optional(), residentId: uuid.optional() });

export const stayInput = z.object({
  residentId: uuid,
  hospital: z.string().trim().min(2, 'homecare.hospitalRequired').max(100, 'invalid.tooLong'),
  ward: z.string().trim().max(100, 'invalid.tooLong').nullish(),
  admittedOn: date,
  expectedDischargeOn: date,
  note: note.optional(),
});
export const generateInput = z.object({ from: date.optional(), to: date.optional() });
export const dischargeInput = z.object({ dischargedOn: date });
export const shiftDoneInput = z.object({ note: note.optional() });

export const runInput = z.object({
  festival: z.enum(FESTIVAL_KEYS),
  year: z.number().int('invalid.value').min(2000, 'invalid.value').max(2100, 'invalid.value'),
  title: z.string().trim().min(2, 'homecare.titleRequired').max(100, 'invalid.tooLong').optional(),
  items: z.string().trim().min(1, 'homecare.itemsRequired').max(200, 'invalid.tooLong'),
  groups: z.array(z.enum(SPECIAL_GROUPS)).min(1, 'homecare.groupsRequired').max(SPECIAL_GROUPS.length).optional(),
});
export type RunInput = z.infer<typeof runInput>;
export const addRecipientInput = z.object({ residentId: uuid, reason });
export const removeRecipientInput = z.object({ reason });
export const confirmInput = z.object({
  residentId: uuid,
  outcome: z.enum(['delivered', 'absent', 'declined']),
  note: note.optional(),
});
export const assignBuildingInput = z.object({
  building: z.string().trim().min(1, 'invalid.value').max(50, 'invalid.tooLong'),
  volunteerIds: z.array(uuid).max(20),
  override: overrideInput.optional(),
});
export const closeInput = z.object({
  reasons: z
    .array(z.object({ residentId: uuid, reason }))
    .max(5000)
    .default([]),
});

// --------------------------------------------------------------------------------------------- views

export const taskView = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  address: z.string(),
  kind: z.enum(TASK_KINDS),
  dueOn: z.string(),
  dueTime: z.string().nullable(),
  volunteerId: z.string().nullable(),
  volunteerName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  note: z.string().nullable(),
  repeatDays: z.number().nullable(),
  minutes: z.number().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const shiftView = z.object({
  id: z.string(),
  stayId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  volunteerId: z.string().nullable(),
  volunteerName: z.string().nullable(),
  status: z.enum(SHIFT_STATUSES),
  uncoveredSoon: z.boolean(),
  hospital: z.string(),
  ward: z.string().nullable(),
  residentName: z.string(),
});
export type ShiftView = z.infer<typeof shiftView>;
export const stayView = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  hospital: z.string(),
  ward: z.string().nullable(),
  admittedOn: z.string(),
  expectedDischargeOn: z.string(),
  dischargedOn: z.string().nullable(),
  note: z.string().nullable(),
  shifts: z.object({
    total: z.number(),
    open: z.number(),
    assigned: z.number(),
    done: z.number(),
    uncoveredSoon: z.number(),
  }),
});
export type StayView = z.infer<typeof stayView>;

export const figuresView = z.object({
  total: z.number(),
  delivered: z.number(),
  absent: z.number(),
  declined: z.number(),
  pending: z.number(),
  removed: z.number(),
});
export type Figures = z.infer<typeof figuresView>;
export const recipientView = z.object({
  residentId: z.string(),
  name: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  groups: z.array(z.enum(SPECIAL_GROUPS)),
  status: z.enum(RECIPIENT_STATUSES),
  attempts: z.number(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  note: z.string().nullable(),
  closeReason: z.string().nullable(),
});
export type RecipientView = z.infer<typeof recipientView>;
export const buildingView = z.object({
  building: z.string(),
  volunteers: z.array(z.object({ id: z.string(), name: z.string() })),
  figures: figuresView,
  recipients: z.array(recipientView),
});
export const runView = z.object({
  id: z.string(),
  festival: z.enum(FESTIVAL_KEYS),
  year: z.number(),
  runDate: z.string(),
  title: z.string(),
  items: z.string(),
  groups: z.array(z.enum(SPECIAL_GROUPS)),
  status: z.enum(RUN_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  figures: figuresView,
});
export type RunView = z.infer<typeof runView>;
export const runDetailView = runView.extend({ buildings: z.array(buildingView), outstanding: z.array(recipientView) });
/** A resident found by name, pinyin or phone, to put a task or a stay on. */
export const residentMatchView = z.object({ id: z.string(), name: z.string(), address: z.string() });
export type ResidentMatchView = z.infer<typeof residentMatchView>;
/** How many accompaniment shifts a rota generation made. */
export const shiftsCreatedView = z.object({ created: z.number() });

/** Figures of a list of recipients. */
export function figuresOf(rs: ReadonlyArray<{ status: RecipientStatus }>): Figures {
  const f: Figures = { total: 0, delivered: 0, absent: 0, declined: 0, pending: 0, removed: 0 };
  for (const r of rs) {
    f[r.status] += 1;
    if (r.status !== 'removed') f.total += 1;
  }
  return f;
}

/** Addresses sort as people walk them: building, unit, room, by number where they are numbers. */
export function compareAddress(
  a: { building: string; unit: string; room: string },
  b: { building: string; unit: string; room: string },
): number {
  const c = byNumberedText; // one collator for all: localeCompare with a locale builds one per call
  return c(a.building, b.building) || c(a.unit, b.unit) || c(a.room, b.room);
}
