// The world the care simulation plays in: the demo community itself, not new numbers. buildCommunity (the demo's
// pure model, the same people as a freshly seeded demo database) gives the residents, their special groups, where
// they live, the volunteers with their skills, weekly slots and blackouts, and the demo's three-fixed pairings with
// their recurrence; needRows (the demo's own generator) gives a year of needs arriving as the demo's do — mostly
// elders by phone, piling up on the fifth who ask often while a quarter never ask. Ids are short and stable
// (r0001, v0001, h0001) so every ordering is the same on every run.
import { addDays, shanghaiInstant } from '../../domain/shared/dates.ts';
import { occurrences, type Recurrence } from '../../domain/pairings/recurrence.ts';
import type { SpecialGroup } from '../../domain/registry/special-groups.ts';
import type { SkillCategory, SkillLevel } from '../../domain/volunteers/skills.ts';
import type { MatchCandidate } from '../../domain/matching/score.ts';
import { buildCommunity } from '../demo/xiguan.ts';
import { needRows } from '../demo/needs.ts';

/** The seed the server's demo uses (server/src/demo.ts): the community everyone sees. */
export const DEMO_SEED = 20180913;
/** A fixed reference instant, so the same seed gives the same community whatever the clock says. */
export const DEFAULT_START = '2026-09-01';

export interface SimResident {
  id: string;
  householdId: string;
  buildingId: string;
  gridId: string;
  age: number;
  groups: ReadonlySet<SpecialGroup>;
}

export interface SimHousehold {
  id: string;
  gridId: string;
  residents: SimResident[];
  /** The grid leaders go back regularly to the homes of the oldest (70+) and of everyone in a special group. */
  onRounds: boolean;
}

export interface SimVolunteer {
  id: string;
  candidate: Omit<MatchCandidate, 'load' | 'pastServicesForResident'>;
}

export interface SimNeed {
  residentId: string;
  category: SkillCategory;
  urgency: 'normal' | 'urgent' | 'emergency';
  /** The local date it was heard. */
  arrivedOn: string;
  /** Withdrawn (the family solved it) or outside volunteer work: nobody is sent, nobody is counted. */
  withdrawn: boolean;
}

export interface SimPairing {
  volunteerId: string;
  residentId: string;
  rule: Recurrence;
  startsOn: string;
  /** How reliably this volunteer kept their visits in the demo's history (kept / expected). */
  keep: number;
}

export interface World {
  /** First day of the warm-up; the measured year starts `warmupDays` later. */
  start: string;
  residents: SimResident[];
  /** Residents in any special group: the people the figures are about. */
  special: SimResident[];
  households: SimHousehold[];
  volunteers: SimVolunteer[];
  /** Needs of the measured year, oldest first. */
  needs: SimNeed[];
  /** The demo's running pairings (linli's standing pairings). */
  pairings: SimPairing[];
  /** Migrant children the 4:30 classroom has on its roll (about 60 at a time, as in the demo). */
  classroom: Array<{ residentId: string; weekdays: number[] }>;
}

const pad = (p: string, i: number) => `${p}${String(i + 1).padStart(4, '0')}`;

/** The demo community on `start`, and a year of its needs beginning `warmupDays` later. */
export function buildWorld(opts: { communitySeed: number; start: string; warmupDays: number; seed: number }): World {
  const model = buildCommunity({
    name: '西关社区',
    seed: opts.communitySeed,
    now: new Date(shanghaiInstant(opts.start, 12 * 60)),
    withAccounts: false,
  });
  const today = model.today;
  const buildingOf = new Map(model.households.map((h, i) => [h, model.addresses[i]!.buildingIndex]));
  const gridOfBuilding = (b: number) => model.layout.buildings[b]!.gridIndex;
  const householdId = new Map(model.households.map((h, i) => [h, pad('h', i)]));
  const residentId = new Map(model.people.map((p, i) => [p, pad('r', i)]));

  const residents: SimResident[] = model.people.map((p) => {
    const b = buildingOf.get(p.household)!;
    return {
      id: residentId.get(p)!,
      householdId: householdId.get(p.household)!,
      buildingId: `b${b}`,
      gridId: `g${gridOfBuilding(b)}`,
      age: p.age,
      groups: p.groups,
    };
  });
  const byId = new Map(residents.map((r) => [r.id, r]));
  const households: SimHousehold[] = model.households.map((h) => {
    const rs = h.members.map((m) => byId.get(residentId.get(m as never)!)!);
    return {
      id: householdId.get(h)!,
      gridId: rs[0]?.gridId ?? `g${gridOfBuilding(buildingOf.get(h)!)}`,
      residents: rs,
      onRounds: rs.some((r) => r.groups.size > 0 || r.age >= 70),
    };
  });

  const volunteerPlans = model.volunteers.volunteers.filter((v) => v.status === 'approved');
  const volunteerId = new Map(volunteerPlans.map((v, i) => [v, pad('v', i)]));
  const volunteers: SimVolunteer[] = volunteerPlans.map((v) => {
    const home = v.person ? buildingOf.get(v.person.household)! : null;
    return {
      id: volunteerId.get(v)!,
      candidate: {
        id: volunteerId.get(v)!,
        gender: v.gender,
        skills: v.skills.map((s) => ({ code: s.code, level: s.level as SkillLevel })),
        buildingId: home === null ? null : `b${home}`,
        gridId: home === null ? null : `g${gridOfBuilding(home)}`,
        facts: {
          status: 'approved',
          birthDate: v.birthDate,
          fitness: v.fitness,
          hasGuardianConsent: v.guardian !== null,
          trainings: [],
          insurance: [],
          weekly: v.slots.map((s) => ({ weekday: s.weekday, startMinute: s.start, endMinute: s.end })),
          blackouts: v.blackouts.map((b) => ({ fromDate: b.from, toDate: b.to })),
          skills: v.skills.map((s) => s.code),
        },
      },
    };
  });

  // The demo's own need generator, asked for the year that ends on the last measured day.
  const yearEnd = addDays(opts.start, opts.warmupDays + 364);
  const rows = needRows({
    communityId: 'sim',
    now: new Date(shanghaiInstant(yearEnd, 18 * 60)),
    today: yearEnd,
    seed: opts.seed,
    residents: model.people.map((p) => {
      const r = byId.get(residentId.get(p)!)!;
      return { id: r.id, household_id: r.householdId, grid_id: r.gridId, birth_date: p.birthDate, status: 'active' };
    }),
    specialGroupResidentIds: residents.filter((r) => r.groups.size > 0).map((r) => r.id),
    households: households.map((h) => ({ id: h.id, grid_id: h.gridId })),
    volunteers: volunteerPlans.map((v) => ({ id: volunteerId.get(v)!, status: v.status, birth_date: v.birthDate })),
    skills: volunteerPlans.flatMap((v) =>
      v.skills.map((s) => ({ volunteer_id: volunteerId.get(v)!, category: s.category })),
    ),
    staff: { accountId: null, name: 'sim' },
    gridLeaders: new Map(),
  });
  const localDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
  const needs: SimNeed[] = rows.needs
    .map((n) => ({
      residentId: n.resident_id as string,
      category: n.category as SkillCategory,
      urgency: n.urgency as SimNeed['urgency'],
      arrivedOn: localDate(n.created_at as string),
      withdrawn: n.status === 'cancelled' || n.status === 'declined',
    }))
    .sort((a, b) => (a.arrivedOn < b.arrivedOn ? -1 : a.arrivedOn > b.arrivedOn ? 1 : 0));

  // The running pairings, each with how well its volunteer kept the visits the demo gave it.
  const pairings: SimPairing[] = model.pairings
    .filter((p) => !p.ended)
    .map((p) => {
      const expected = occurrences(p.rule, p.startsOn, null, p.startsOn, addDays(today, -1)).length;
      return {
        volunteerId: volunteerId.get(p.volunteer)!,
        residentId: residentId.get(p.resident)!,
        rule: p.rule,
        startsOn: p.startsOn,
        keep: expected ? Math.min(1, Math.max(0.5, p.visits.length / expected)) : 0.9,
      };
    })
    .filter((p) => p.volunteerId);

  // The classroom's roll: about 60 migrant children of school age at a time, each on three weekdays.
  const pupils = residents.filter((r) => r.groups.has('migrant_child') && r.age >= 6 && r.age <= 14);
  const classroom = pupils.slice(0, 60).map((r, i) => ({
    residentId: r.id,
    weekdays: [1, 2, 3, 4, 5].filter((_, k) => (k + i) % 5 < 3),
  }));

  return {
    start: opts.start,
    residents,
    special: residents.filter((r) => r.groups.size > 0),
    households,
    volunteers,
    needs,
    pairings,
    classroom,
  };
}
