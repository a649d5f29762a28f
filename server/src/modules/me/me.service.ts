// 我的任务: a volunteer's work from every module in one list, read through each module's own "my…" method.
// Nothing is stored here; a module the volunteer has nothing in (or may not use) simply adds nothing.
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { shanghaiLocal } from '../../../../domain/shared/dates.ts';
import { minuteToHhmm } from '../../../../domain/volunteers/service-schemas.ts';
import { sortMyTasks, type MyTaskItem } from '../../../../domain/needs/my-tasks.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { ClassroomService } from '../classroom/classroom.service.ts';
import type { HomecareService } from '../homecare/homecare.service.ts';
import type { VolunteerNeedsService } from '../needs/volunteer-needs.service.ts';
import type { PairingsService } from '../pairings/pairings.service.ts';

export interface MyTaskSources {
  needs: VolunteerNeedsService;
  pairings: PairingsService;
  homecare: HomecareService;
  classroom: ClassroomService;
  activities: ActivitiesService;
}

/** A module's list, or nothing when the caller has no volunteer record there (or is not approved yet). */
async function orNone<T>(p: Promise<T[]>): Promise<T[]> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return [];
    throw e;
  }
}

const local = (iso: string) => {
  const l = shanghaiLocal(iso);
  return { date: l.date, time: minuteToHhmm(l.minute) };
};

export class MeService {
  constructor(private readonly s: MyTaskSources) {}

  async tasks(actor: Actor): Promise<MyTaskItem[]> {
    const [needs, pairings, homecare, shifts, rota, signups] = await Promise.all([
      orNone(this.s.needs.list(actor)),
      orNone(this.s.pairings.mine(actor)),
      orNone(this.s.homecare.myTasks(actor).then((r) => r.mine)),
      orNone(this.s.homecare.myShifts(actor).then((r) => r.mine)),
      orNone(this.s.classroom.myRotaDays(actor)),
      orNone(this.s.activities.mine(actor)),
    ]);
    const now = new Date().toISOString();
    const items: MyTaskItem[] = [
      ...needs
        .filter((n) => n.status !== 'reviewed')
        .map((n) => ({
          kind: 'need' as const,
          id: n.id,
          title: n.residentName,
          detail: n.description,
          date: n.preferredDate,
          time: n.preferredStart,
          status: n.status,
          waiting: n.answer === 'waiting',
          to: `/m/tasks/needs/${n.id}`,
        })),
      ...pairings.map((p) => ({
        kind: 'pairing' as const,
        id: p.id,
        title: p.residentName,
        detail: p.place,
        date: p.due[0] ?? p.next[0] ?? null,
        time: null,
        status: p.due.length ? 'due' : 'active',
        waiting: false,
        to: '/m/pairings',
      })),
      ...homecare
        .filter((t) => t.status === 'assigned')
        .map((t) => ({
          kind: 'homecare_task' as const,
          id: t.id,
          title: t.residentName,
          detail: t.kind,
          date: t.dueOn,
          time: t.dueTime,
          status: t.status,
          waiting: false,
          to: '/m/homecare',
        })),
      ...shifts
        .filter((f) => f.status === 'assigned' && f.endsAt >= now)
        .map((f) => ({
          kind: 'hospital_shift' as const,
          id: f.id,
          title: f.hospital,
          detail: [f.ward, f.residentName].filter(Boolean).join(' · ') || null,
          ...local(f.startsAt),
          status: f.status,
          waiting: false,
          to: '/m/homecare',
        })),
      ...rota.map((r) => ({
        kind: 'classroom' as const,
        id: r.sessionId,
        title: r.place,
        detail: null,
        date: r.date,
        time: r.starts,
        status: 'rota',
        waiting: false,
        to: '/m/classroom',
      })),
      ...signups
        .filter((x) => x.status !== 'cancelled' && x.shiftEnd >= now && !x.checkedOutAt)
        .map((x) => ({
          kind: 'activity' as const,
          id: x.id,
          title: x.title,
          detail: [x.shiftName, x.place].filter(Boolean).join(' · ') || null,
          ...local(x.shiftStart),
          status: x.status,
          waiting: false,
          to: '/m/activities',
        })),
    ];
    return sortMyTasks(items);
  }
}
