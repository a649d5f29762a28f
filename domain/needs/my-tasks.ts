// 我的任务: one phone list of a volunteer's work across the modules — needs matched to them, pairing visits due,
// home-care tasks, hospital shifts, 4:30 rota days and activity shifts — each leading to the page where it is done.
import { z } from 'zod';

export const MY_TASK_KINDS = ['need', 'pairing', 'homecare_task', 'hospital_shift', 'classroom', 'activity'] as const;
export type MyTaskKind = (typeof MY_TASK_KINDS)[number];

export const myTaskItem = z.object({
  kind: z.enum(MY_TASK_KINDS),
  id: z.string(),
  /** Who or what: the resident's name, the activity's title, the hospital. */
  title: z.string(),
  /** A line more: the need in the resident's words, the place, the shift. */
  detail: z.string().nullable(),
  /** Local date and time (Shanghai), when it has one. */
  date: z.string().nullable(),
  time: z.string().nullable(),
  /** The module's own status word (the page translates it per kind). */
  status: z.string(),
  /** Waiting for my answer (a need I have not accepted or declined). */
  waiting: z.boolean(),
  /** The phone page where it is done. */
  to: z.string(),
});
export type MyTaskItem = z.infer<typeof myTaskItem>;

/** Waiting for an answer first, then by date (undated last), then by kind. */
export function sortMyTasks(items: MyTaskItem[]): MyTaskItem[] {
  const key = (t: MyTaskItem) => `${t.waiting ? 0 : 1}${t.date ?? '9999-99-99'}${t.time ?? '99:99'}`;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.kind < b.kind ? -1 : 1));
}
