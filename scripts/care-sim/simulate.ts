// Care reach, simulated: a year of the demo community, day by day, under one policy, and how far care reached the
// special-group residents. Pure: the world and options in, figures out; the same seed gives the same figures.
//
// What happens every day, whatever the policy (each concern draws from its own random stream, so both policies
// meet the same people asking on the same days and the same grid leaders forgetting on the same days):
//   - needs arrive as the demo's do (world.needs); a withdrawn one is never served;
//   - open needs are matched to volunteers free on the service day (their weekly slots and blackouts, through the
//     product's eligibility rule and ranking, domain/matching/score.ts) within a load cap; a matched need is met on
//     its service day, a contact for the resident;
//   - the grid leaders go round the homes of the oldest and of everyone in a special group every 4–13 days (the
//     demo's cadence), but skip a planned visit with probability `forget`, as people do; a visit is a contact for
//     everyone in the household;
//   - the holiday deliveries (Mid-Autumn, Spring Festival) reach the groups the product's runs take by default;
//   - the 4:30 classroom has its pupils on school days (a contact for the child).
// Then the policy:
//   - `first-come`: needs are served in the order they were heard, each by its best free volunteer
//     (firstComeFirstServed, domain/matching/assign.ts); nothing else: nobody watches who has gone quiet.
//   - `linli`: what the product offers. Batch matching (solveFast, waiting and urgency counted as the needs module
//     does); the demo's standing pairings visit on their recurrence (domain/pairings/recurrence.ts), and when a
//     volunteer stops coming, the missed-visit list (domain/pairings/visits.ts) shows it and staff pair the resident
//     anew; the left-out alert (server/src/modules/monitor: a special-group resident silent `alertDays` days,
//     config leftOutAlertDays) makes staff open an urgent visit need for them, matched like any other; and the
//     survey's to-do list keeps a forgotten round visit due the next day.
// The figures (for every special-group resident, over the measured year after a warm-up): the longest silence,
// the Gini coefficient of contacts (domain/pairings/spread.ts), how many were never contacted, and all contacts.
import { addDays, weekdayOf } from '../../domain/shared/dates.ts';
import { occurrences } from '../../domain/pairings/recurrence.ts';
import { missedDates } from '../../domain/pairings/visits.ts';
import { VULNERABLE_GROUPS } from '../../domain/pairings/schemas.ts';
import { gini, spreadOf } from '../../domain/pairings/spread.ts';
import {
  rankCandidates,
  taskRequirementsFor,
  type MatchCandidate,
  type MatchNeed,
} from '../../domain/matching/score.ts';
import { checkEligibility } from '../../domain/volunteers/eligibility.ts';
import { firstComeFirstServed, solveFast, type BatchNeed } from '../../domain/matching/assign.ts';
import { DEFAULT_RUN_GROUPS, festivalDate } from '../../domain/homecare/homecare.ts';
import type { ContactKind } from '../../domain/contacts/kinds.ts';
import { SPECIAL_GROUPS, type SpecialGroup } from '../../domain/registry/special-groups.ts';
import type { SkillCategory } from '../../domain/volunteers/skills.ts';
import { Rng } from '../demo/random.ts';
import type { SimResident, World } from './world.ts';

export const POLICIES = ['linli', 'first-come'] as const;
export type Policy = (typeof POLICIES)[number];

export interface SimOptions {
  policy: Policy;
  /** Seeds the year's randomness (who asks, who forgets). */
  seed: number;
  /** Days simulated before the measured year, so it starts with a community already in motion. */
  warmupDays: number;
  /** Chance a grid leader skips a planned round visit (the demo: about one household in seven drops out of sight). */
  forget: number;
  /** Days between a grid leader's round visits to a household, drawn evenly (the demo's 4–13). */
  roundDays: readonly [number, number];
  /** The left-out alert's threshold (config leftOutAlertDays; default 13). linli only. */
  alertDays: number;
  /** Whom the alert watches: every special group (the product), or only the four vulnerable ones (as before). */
  alertGroups: 'vulnerable' | 'all';
  /** Open tasks a volunteer may carry (the batch route's default, 3). */
  loadCap: number;
  /** Chance a paired volunteer stops coming during the year (the demo: one in ten). */
  pairingDropout: number;
  /**
   * The survey's to-do list shows every special-group household whose round visit is due (domain/needs/survey.ts
   * SPECIAL_ROUND_DAYS), so a skipped visit is back on the grid leader's list the next day, not a year later.
   */
  surveyTodo: boolean;
  /** Count the 4:30 classroom's sessions as contacts for its pupils. */
  classroom: boolean;
}

/** The product as it is: what `--policy linli` plays. */
export const DEFAULT_OPTIONS: Omit<SimOptions, 'policy' | 'seed'> = {
  warmupDays: 60,
  forget: 0.15,
  roundDays: [4, 13],
  alertDays: 13,
  alertGroups: 'all',
  loadCap: 3,
  pairingDropout: 0.1,
  surveyTodo: true,
  classroom: true,
};

/**
 * The product before the simulation changed it (`--as-before`): the alert watched four vulnerable groups and fired
 * on day 14 (answered on day 15 at the soonest), and the survey's to-do listed only households not visited this
 * year. It missed the goal (max silence ≤ 14): 48–51 days, Gini about 0.25.
 */
export const BEFORE_OPTIONS: typeof DEFAULT_OPTIONS = {
  ...DEFAULT_OPTIONS,
  alertGroups: 'vulnerable',
  alertDays: 14,
  surveyTodo: false,
};

export interface SimResult {
  policy: Policy;
  seed: number;
  /** Special-group residents measured. */
  residents: number;
  maxSilence: number;
  /** The longest silence among the members of each group. */
  maxSilenceByGroup: Partial<Record<SpecialGroup, number>>;
  /** Residents whose longest silence in the year was over 14 days. */
  silentOver14: number;
  gini: number;
  neverContacted: number;
  contacts: number;
  byKind: Partial<Record<ContactKind, number>>;
  needs: { arrived: number; met: number; meanWaitDays: number; outreach: number };
  alerts: number;
  repaired: number;
  topTenthShare: number;
}

/** The matching module's head start for urgent needs (server/src/modules/needs/matching.service.ts). */
const URGENCY_HEAD_START_DAYS: Record<string, number> = { emergency: 14, urgent: 5, normal: 0 };
/** When residents like to be visited: a morning, an afternoon or an evening hour and a half. */
const WINDOWS: readonly (readonly [number, number])[] = [
  [540, 630],
  [870, 960],
  [1140, 1230],
];
const BATCH_TOP_K = 30;

interface OpenNeed {
  residentId: string;
  category: SkillCategory;
  urgency: string;
  heard: number;
  /** Days from matching to the visit: urgent ones go the same or the next day, others in one to four days. */
  lead: number;
  window: readonly [number, number];
  volunteerId: string | null;
  serviceDay: number;
  outreach: boolean;
}

interface Pairing {
  volunteerId: string;
  residentId: string;
  rule: World['pairings'][number]['rule'];
  startsOn: string;
  keep: number;
  /** The day the volunteer stops coming (never: Infinity). */
  stopsOn: number;
  visits: string[];
}

/** Whether the 4:30 classroom meets on a weekday: not in the summer, winter and National Day holidays. */
function schoolDay(date: string): boolean {
  if (weekdayOf(date) > 5) return false;
  const md = date.slice(5);
  const within = (from: string, to: string) => md >= from && md <= to;
  return !within('07-10', '08-31') && !within('01-15', '02-20') && !within('10-01', '10-07');
}

export function simulate(world: World, options: Partial<SimOptions> & Pick<SimOptions, 'policy' | 'seed'>): SimResult {
  const o: SimOptions = { ...DEFAULT_OPTIONS, ...options };
  const linli = o.policy === 'linli';
  const root = new Rng(o.seed);
  const rng = {
    rounds: root.fork('rounds'),
    needs: root.fork('needs'),
    pairings: root.fork('pairings'),
    outreach: root.fork('outreach'),
  };
  const days = o.warmupDays + 365;
  const dateOf = (t: number) => addDays(world.start, t);
  const measured = (t: number) => t >= o.warmupDays;

  const special = world.special;
  const isSpecial = new Set(special.map((r) => r.id));
  const residentById = new Map(world.residents.map((r) => [r.id, r]));
  // Silence starts on day 0 for everyone (as the monitor counts from registration when nobody has been in touch).
  const last = new Map<string, number>(special.map((r) => [r.id, 0]));
  const maxGap = new Map<string, number>(special.map((r) => [r.id, 0]));
  const count = new Map<string, number>(special.map((r) => [r.id, 0]));
  const byKind: Partial<Record<ContactKind, number>> = {};
  const contact = (residentId: string, t: number, kind: ContactKind) => {
    if (!isSpecial.has(residentId)) return;
    const gap = t - last.get(residentId)!;
    if (measured(t)) {
      if (gap > maxGap.get(residentId)!) maxGap.set(residentId, gap);
      count.set(residentId, count.get(residentId)! + 1);
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    last.set(residentId, t);
  };

  // ---- the volunteers and their load
  const volunteers = world.volunteers;
  const load = new Map<string, number>(volunteers.map((v) => [v.id, 0]));
  const pastFor = new Map<string, number>(); // `${volunteer}|${resident}` → services
  const candidatesFor = (residentId: string): MatchCandidate[] =>
    volunteers.map((v) => ({
      ...v.candidate,
      load: load.get(v.id)!,
      pastServicesForResident: pastFor.get(`${v.id}|${residentId}`) ?? 0,
    }));

  // ---- the standing pairings (linli)
  const pairings: Pairing[] = linli
    ? world.pairings.map((p) => ({
        ...p,
        stopsOn: rng.pairings.chance(o.pairingDropout) ? rng.pairings.int(0, days - 1) : Infinity,
        visits: [],
      }))
    : [];
  for (const p of pairings) load.set(p.volunteerId, load.get(p.volunteerId)! + 1);
  let repaired = 0;
  const lateVisits: Pairing[] = [];

  // ---- the grid leaders' rounds
  const rounds = world.households.filter((h) => h.onRounds && h.residents.some((r) => isSpecial.has(r.id)));
  const nextRound = new Map(rounds.map((h) => [h.id, rng.rounds.int(0, o.roundDays[1] - 1)]));

  // ---- deliveries: each festival in the simulated span, to the groups a run takes by default
  const deliveryDays = new Map<number, SimResident[]>();
  const runGroups = new Set<SpecialGroup>(DEFAULT_RUN_GROUPS);
  const onRun = special.filter((r) => [...r.groups].some((g) => runGroups.has(g)));
  for (let y = Number(world.start.slice(0, 4)); y <= Number(dateOf(days - 1).slice(0, 4)); y++)
    for (const key of ['mid_autumn_festival', 'spring_festival'] as const) {
      const d = festivalDate(key, y);
      const t = Math.round((Date.parse(d) - Date.parse(world.start)) / 86_400_000);
      if (t >= 0 && t < days) deliveryDays.set(t, onRun);
    }

  // ---- the alert (linli)
  const alertGroups = new Set<SpecialGroup>(o.alertGroups === 'all' ? SPECIAL_GROUPS : VULNERABLE_GROUPS);
  const watched = special.filter((r) => [...r.groups].some((g) => alertGroups.has(g)));
  const alertedFor = new Map<string, number>(); // resident → the silence (its start day) already alerted
  let alerts = 0;

  // ---- needs
  const arrivals = new Map<string, World['needs']>();
  for (const n of world.needs) (arrivals.get(n.arrivedOn) ?? arrivals.set(n.arrivedOn, []).get(n.arrivedOn)!).push(n);
  const open: OpenNeed[] = [];
  let arrived = 0,
    met = 0,
    waited = 0,
    outreach = 0;
  const openNeed = (residentId: string, category: SkillCategory, urgency: string, t: number, isOutreach: boolean) => {
    open.push({
      residentId,
      category,
      urgency,
      heard: t,
      lead: urgency === 'normal' ? rng.outreach.int(1, 4) : rng.outreach.int(0, 1),
      window: rng.outreach.pick(WINDOWS),
      volunteerId: null,
      serviceDay: -1,
      outreach: isOutreach,
    });
  };

  for (let t = 0; t < days; t++) {
    const date = dateOf(t);

    // Needs heard today.
    for (const n of arrivals.get(date) ?? []) {
      if (measured(t)) arrived++;
      // Drawn whether or not it is withdrawn, so both policies see the same later draws.
      const lead = n.urgency === 'normal' ? rng.needs.int(1, 4) : rng.needs.int(0, 1);
      const window = rng.needs.pick(WINDOWS);
      if (n.withdrawn) continue;
      open.push({
        residentId: n.residentId,
        category: n.category,
        urgency: n.urgency,
        heard: t,
        lead,
        window,
        volunteerId: null,
        serviceDay: -1,
        outreach: false,
      });
    }

    // The left-out alert: a watched resident silent alertDays days gets an urgent visit need, once per silence.
    if (linli)
      for (const r of watched) {
        const since = last.get(r.id)!;
        if (t - since >= o.alertDays && alertedFor.get(r.id) !== since) {
          alertedFor.set(r.id, since);
          alerts++;
          if (!open.some((n) => n.residentId === r.id && n.volunteerId === null)) {
            openNeed(r.id, 'special_groups', 'urgent', t, true);
            outreach++;
          }
        }
      }

    // Matching: every need still waiting, against the volunteers free on its service day.
    const waiting = open.filter((n) => n.volunteerId === null);
    if (waiting.length) {
      // As the needs module does: volunteers' eligibility is decided once per task (here: the service day and
      // hours), then each need ranks the eligible with its own nearness and continuity.
      const eligibleFor = new Map<string, Array<Omit<MatchCandidate, 'pastServicesForResident'>>>();
      const batch: BatchNeed[] = [];
      for (const [i, n] of waiting.entries()) {
        const r = residentById.get(n.residentId)!;
        const need: MatchNeed = {
          category: n.category,
          when: { date: addDays(date, n.lead), startMinute: n.window[0], endMinute: n.window[1] },
          buildingId: r.buildingId,
          gridId: r.gridId,
          waitingSince: new Date(
            Date.parse(world.start) + (n.heard - (URGENCY_HEAD_START_DAYS[n.urgency] ?? 0)) * 86_400_000,
          ).toISOString(),
        };
        const key = `${need.when!.date}|${n.window[0]}`;
        let eligible = eligibleFor.get(key);
        if (!eligible) {
          const task = taskRequirementsFor(need);
          eligible = volunteers
            .filter((v) => checkEligibility(v.candidate.facts, task, date).eligible)
            .map((v) => ({ ...v.candidate, load: load.get(v.id)! }));
          eligibleFor.set(key, eligible);
        }
        const candidates = eligible.map((c) => ({
          ...c,
          pastServicesForResident: pastFor.get(`${c.id}|${n.residentId}`) ?? 0,
        }));
        const ranked = rankCandidates(need, candidates, { today: date, limit: BATCH_TOP_K, eligibility: () => true });
        batch.push({
          id: String(i),
          waitingSince: need.waitingSince,
          candidates: ranked.map((c) => ({ volunteerId: c.volunteerId, fit: c.score })),
        });
      }
      const capacity = new Map(volunteers.map((v) => [v.id, Math.max(0, o.loadCap - load.get(v.id)!)]));
      const problem = { needs: batch, capacity, now: new Date(Date.parse(world.start) + t * 86_400_000) };
      const result = linli ? solveFast(problem) : firstComeFirstServed(problem);
      for (const a of result.assignments) {
        const n = waiting[Number(a.needId)]!;
        n.volunteerId = a.volunteerId;
        n.serviceDay = t + n.lead;
        load.set(a.volunteerId, load.get(a.volunteerId)! + 1);
      }
    }

    // Needs met today.
    for (let i = open.length - 1; i >= 0; i--) {
      const n = open[i]!;
      if (n.volunteerId === null || n.serviceDay !== t) continue;
      contact(n.residentId, t, 'need');
      load.set(n.volunteerId, load.get(n.volunteerId)! - 1);
      const key = `${n.volunteerId}|${n.residentId}`;
      pastFor.set(key, (pastFor.get(key) ?? 0) + 1);
      if (measured(t) && !n.outreach) {
        met++;
        waited += t - n.heard;
      }
      open.splice(i, 1);
    }

    // Pairing visits (yesterday's late ones first), and on Mondays the missed-visit list: two missed in four weeks,
    // and staff pair the resident anew.
    for (const p of lateVisits.splice(0)) {
      p.visits.push(date);
      contact(p.residentId, t, 'pairing_visit');
    }
    for (const p of pairings) {
      if (occurrences(p.rule, p.startsOn, null, date, date).length && t < p.stopsOn && rng.pairings.chance(p.keep)) {
        // One visit in five is done a day late, as in the demo.
        if (rng.pairings.chance(0.2)) lateVisits.push(p);
        else {
          p.visits.push(date);
          contact(p.residentId, t, 'pairing_visit');
        }
      }
    }
    if (linli && weekdayOf(date) === 1)
      for (const p of pairings) {
        const expected = occurrences(p.rule, p.startsOn, null, addDays(date, -28), addDays(date, -1));
        if (missedDates(expected, p.visits.slice(-12), date).length < 2 || t < p.stopsOn) continue;
        const r = residentById.get(p.residentId)!;
        const best = rankCandidates(
          { category: 'special_groups', buildingId: r.buildingId, gridId: r.gridId, waitingSince: date },
          candidatesFor(p.residentId).filter((c) => c.id !== p.volunteerId && c.load < o.loadCap),
          { today: date, limit: 1 },
        )[0];
        if (!best) continue;
        load.set(p.volunteerId, load.get(p.volunteerId)! - 1);
        load.set(best.volunteerId, load.get(best.volunteerId)! + 1);
        p.volunteerId = best.volunteerId;
        p.startsOn = date;
        p.stopsOn = Infinity;
        p.visits = [];
        repaired++;
      }

    // The grid leaders' rounds.
    for (const h of rounds) {
      if (nextRound.get(h.id) !== t) continue;
      const next = t + rng.rounds.int(o.roundDays[0], o.roundDays[1]);
      nextRound.set(h.id, next);
      if (rng.rounds.chance(o.forget)) {
        // Forgotten. With the product's to-do list by due date, the visit is still on it tomorrow; without (and
        // first-come has no product to remind anyone), it waits a round.
        if (linli && o.surveyTodo) nextRound.set(h.id, t + 1);
        continue;
      }
      for (const r of h.residents) contact(r.id, t, 'survey_visit');
    }

    for (const r of deliveryDays.get(t) ?? []) contact(r.id, t, 'delivery');
    if (o.classroom && schoolDay(date))
      for (const c of world.classroom)
        if (c.weekdays.includes(weekdayOf(date))) contact(c.residentId, t, 'classroom_session');
  }

  // The silence still running at the year's end counts too (to the day after the last).
  for (const r of special) {
    const gap = days - last.get(r.id)!;
    if (gap > maxGap.get(r.id)!) maxGap.set(r.id, gap);
  }
  const counts = special.map((r) => count.get(r.id)!);
  const spread = spreadOf(counts);
  const gaps = special.map((r) => maxGap.get(r.id)!);
  const maxSilenceByGroup: Partial<Record<SpecialGroup, number>> = {};
  for (const g of SPECIAL_GROUPS)
    for (const r of special)
      if (r.groups.has(g)) maxSilenceByGroup[g] = Math.max(maxSilenceByGroup[g] ?? 0, maxGap.get(r.id)!);
  return {
    policy: o.policy,
    seed: o.seed,
    residents: special.length,
    maxSilence: Math.max(0, ...gaps),
    maxSilenceByGroup,
    silentOver14: gaps.filter((g) => g > 14).length,
    gini: gini(counts) ?? 0,
    neverContacted: spread.unvisited,
    contacts: spread.visits,
    byKind,
    needs: { arrived, met, meanWaitDays: met ? waited / met : 0, outreach },
    alerts,
    repaired,
    topTenthShare: spread.topTenthShare ?? 0,
  };
}

/** The line the script ends with. */
export function lastLine(r: Pick<SimResult, 'maxSilence' | 'gini' | 'neverContacted' | 'contacts'>): string {
  const gini = r.gini.toFixed(3);
  return `max silence ${r.maxSilence} days; Gini ${gini}; never contacted ${r.neverContacted}; contacts ${r.contacts}`;
}

export const LAST_LINE_RE = /^max silence (\d+) days; Gini (\d+\.\d{3}); never contacted (\d+); contacts (\d+)$/;
