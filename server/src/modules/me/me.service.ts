// 我的任务: a volunteer's work from every module in one list, read through each module's own "my…" method.
// Nothing is stored here; a module the volunteer has nothing in (or may not use) simply adds nothing.
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { shanghaiLocal } from '../../../../domain/shared/dates.ts';
import { minuteToHhmm } from '../../../../domain/volunteers/service-schemas.ts';
import { sortMyTasks, type MyTaskItem } from '../../../../domain/needs/my-tasks.ts';
import type { HomeSummary } from '../../../../domain/me/home.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { authorize, can } from '../../platform/access.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { AppointmentsService } from '../appointments/appointments.service.ts';
import type { BadgesService } from '../badges/badges.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { NeedsService } from '../needs/needs.service.ts';
import type { SurveyService } from '../needs/survey.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
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

/** What the phone home reads besides the task list (each through its module's own service). */
export interface HomeSources {
  directory: VolunteerDirectory;
  hours: HoursService;
  badges: BadgesService;
  appointments: AppointmentsService;
  needs: NeedsService;
  survey: SurveyService;
  teams: TeamsService;
  /** 我的消息: how many of the person's messages are unread (the tile's count). */
  messages?: { unreadCount(actor: Actor): Promise<number> };
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
  constructor(
    private readonly s: MyTaskSources,
    private readonly h: HomeSources,
  ) {}

  /**
   * The phone home's "next up": a few reads, each only for the hats the person wears. A part with nothing to say is
   * null; a part the person may not read is never asked.
   */
  async home(asked: Actor): Promise<HomeSummary> {
    const actor = this.h.directory.oneRead(asked);
    const self = await this.h.directory.self(actor);
    const status = self ? (self.status as HomeSummary['volunteerStatus']) : 'none';
    const [volunteer, family, grid, team, unread] = await Promise.all([
      self && status === 'approved' ? this.volunteerHome(actor, self) : null,
      can(actor, 'resident.self') ? this.familyHome(actor) : null,
      actor.role === 'grid_leader' ? this.gridHome(actor) : null,
      actor.role === 'team_leader' && actor.teamId ? this.teamHome(actor, actor.teamId) : null,
      this.h.messages ? this.h.messages.unreadCount(actor) : null,
    ]);
    return {
      volunteerStatus: status,
      volunteer,
      family,
      grid,
      team,
      messages: unread === null ? null : { unread },
    };
  }

  private async volunteerHome(actor: Actor, self: { id: string; name: string }): Promise<HomeSummary['volunteer']> {
    const [tasks, hours] = await Promise.all([this.tasks(actor), this.h.hours.summary(actor.communityId, self)]);
    const today = todayInShanghai();
    const work = tasks.filter((x) => x.kind !== 'activity');
    const nextTask =
      work.find((x) => x.waiting) ?? work.find((x) => x.date !== null && x.date <= today) ?? work[0] ?? null;
    return {
      nextTask,
      nextActivity: tasks.find((x) => x.kind === 'activity') ?? null,
      openTasks: work.length,
      creditHours: hours.creditHours,
      starLevel: hours.starLevel,
      hoursToNextStar: hours.hoursToNextStar,
    };
  }

  private async familyHome(actor: Actor): Promise<HomeSummary['family']> {
    const [badges, bookings] = await Promise.all([
      orNone(this.h.badges.family(actor)),
      orNone(this.h.appointments.mine(actor).then((r) => r.bookings)),
    ]);
    const scans = badges
      .flatMap((b) => b.scans.map((s) => ({ elder: b.nickname, at: s.at, kind: s.kind, place: s.place })))
      .sort((a, b) => b.at.localeCompare(a.at));
    const now = new Date().toISOString();
    const next = bookings
      .filter((b) => b.status === 'confirmed' && b.slotStart >= now)
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart))[0];
    if (!badges.length && !next) return null;
    return {
      badges: badges.length,
      lastScan: scans[0] ?? null,
      nextBooking: next
        ? {
            serviceName: next.serviceName,
            residentName: next.residentName,
            date: next.date,
            time: next.time,
            place: next.place ?? null,
          }
        : null,
    };
  }

  private async gridHome(actor: Actor): Promise<HomeSummary['grid']> {
    const grant = authorize(actor, 'needs.read');
    const [needs, todo] = await Promise.all([
      this.h.needs.list(actor, grant, { status: 'open', page: 1, pageSize: 1 }),
      this.h.survey.todo(actor, grant, { page: 1, pageSize: 1 }),
    ]);
    return { openNeeds: needs.total, surveyTodo: todo.total };
  }

  private async teamHome(actor: Actor, teamId: string): Promise<HomeSummary['team']> {
    const [teams, activities] = await Promise.all([
      this.h.teams.list(actor),
      this.s.activities.list(actor, { from: todayInShanghai(), status: 'published' }),
    ]);
    const mine = teams.find((x) => x.id === teamId);
    if (!mine) return null;
    const now = new Date().toISOString();
    const next = activities
      .filter((a) => a.organiserTeamId === teamId && a.endsAt >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    return {
      teamName: mine.name,
      pendingRequests: mine.requests,
      nextActivity: next
        ? { id: next.id, title: next.title, date: next.date, startsAt: next.startsAt, place: next.place }
        : null,
    };
  }

  async tasks(asked: Actor): Promise<MyTaskItem[]> {
    const actor = this.h.directory.oneRead(asked);
    const [needs, pairings, homecare, shifts, rota, signups] = await Promise.all([
      orNone(this.s.needs.list(actor)),
      orNone(this.s.pairings.mine(actor)),
      orNone(this.s.homecare.myTasks(actor, { open: false }).then((r) => r.mine)),
      orNone(this.s.homecare.myShifts(actor, { open: false }).then((r) => r.mine)),
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
