// The indicators dashboard: figures for a node of the tree (a community, a grid; later a street or a city) over a
// date window, a side-by-side comparison of its children, and the monthly report for superiors. Figures only:
// no answer carries a resident's name. Every figure comes from grouped statements over the node's list of
// communities (indicators.repository.ts), so a street of many communities is one set of statements.
import type { Db } from '../../db/database.ts';
import { inTurn, onOneConnection } from '../../db/take-turns.ts';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/access.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { SingleFlight } from '../../platform/single-flight.ts';
import {
  addDays,
  bornOnOrBefore,
  shanghaiDayStart,
  shanghaiLocal,
  todayInShanghai,
} from '../../../../domain/shared/dates.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  NEED_STAGE_LABELS,
  OTHER_LABELS,
  PARTY_KIND_LABELS,
  RECRUITED_VIA_LABELS,
  SERIES_LABELS,
  type Chart,
  type ChartKey,
  type CompareView,
  type Headline,
  type IndicatorsView,
  type NodeKind,
} from '../../../../domain/indicators/schemas.ts';
import { CONTACT_KINDS, CONTACT_KIND_LABELS } from '../../../../domain/contacts/kinds.ts';
import { OPEN_NEED_STATUSES } from '../../../../domain/needs/needs.ts';
import { SENSITIVE_GROUPS, SPECIAL_GROUPS, SPECIAL_GROUP_LABELS } from '../../../../domain/registry/special-groups.ts';
import { FESTIVAL_TEMPLATE_KEYS } from '../../../../domain/activities/templates.ts';
import { festivals as festivalDates } from '../../../../domain/calendar/calendar.ts';
import { groupTag } from '../registry/resident-directory.ts';
import { communitiesUnder, coverageOf, viewTree, type ViewNode } from './indicators-view.ts';
import * as repo from './indicators.repository.ts';
import { byChineseName } from '../../../../domain/shared/collate.ts';

export type Lang = 'zh' | 'en';
type Text = { zh: string; en: string };

const round2 = (x: number) => Math.round(x * 100) / 100;
const hoursOf = (minutes: number) => round2(minutes / 60);
const MET = new Set(['done', 'reviewed']);
const CLOSED = new Set(['cancelled', 'declined']);

export interface Resolved {
  node: { id: string; kind: NodeKind; name: string };
  communityIds: string[];
  gridId: string | null;
  /** The node's children in the tree (for comparisons and drilling). */
  children: ViewNode[];
}

/** Months from `from` to `to` (local dates), YYYY-MM, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    out.push(k);
    if (k >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The default window: the twelve months to today (from the first of the month eleven months back). */
export function defaultWindow(today = todayInShanghai()): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const back = m - 11 <= 0 ? { y: y - 1, m: m + 1 } : { y, m: m - 11 };
  return { from: `${back.y}-${String(back.m).padStart(2, '0')}-01`, to: today };
}

/** The first and last day of a month YYYY-MM. */
export function monthWindow(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

function emptyHeadline(): Headline {
  return {
    households: 0,
    householdsWithVolunteer: 0,
    householdShare: 0,
    volunteers: 0,
    partyMembers: 0,
    hours: 0,
    services: 0,
    needsReceived: 0,
    needsMet: 0,
    specialResidents: 0,
    paired: 0,
    leftOut: 0,
  };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows summed per key, field by field (rows of several lists of communities may repeat a key). */
function sumFields<T, F extends keyof T & string>(rows: T[], key: (t: T) => string, fields: F[]) {
  const m = new Map<string, Record<F, number>>();
  for (const x of rows) {
    const k = key(x);
    let e = m.get(k);
    if (!e) m.set(k, (e = Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>));
    for (const f of fields) e[f] += Number(x[f]);
  }
  return m;
}

const sensitiveOf = (actor: Actor | null) => !actor || can(actor, 'registry.sensitive');

/** The latest birth dates of each age band's lower age, on a day. */
const bandsOn = (to: string) => ({
  b18: bornOnOrBefore(18, to),
  b35: bornOnOrBefore(35, to),
  b60: bornOnOrBefore(60, to),
  b70: bornOnOrBefore(70, to),
});

/**
 * The needs received in the window, digested: how many per community, grid and status (and of them matched), and the
 * hours from received to matched and to done of each (the medians need every value).
 */
export interface NeedsDigest {
  counts: Array<{ communityId: string; gridId: string | null; status: string; count: number; matched: number }>;
  toMatch: number[];
  toDone: number[];
}

function digestNeeds(rows: Awaited<ReturnType<typeof repo.needs>>): NeedsDigest {
  const counts = new Map<string, NeedsDigest['counts'][number]>();
  const toMatch: number[] = [];
  const toDone: number[] = [];
  for (const n of rows) {
    const k = `${n.community_id}|${n.grid_id ?? ''}|${n.status}`;
    let c = counts.get(k);
    if (!c)
      counts.set(k, (c = { communityId: n.community_id, gridId: n.grid_id, status: n.status, count: 0, matched: 0 }));
    c.count++;
    const t0 = Date.parse(n.created_at);
    if (n.matched_at) {
      c.matched++;
      toMatch.push((Date.parse(n.matched_at) - t0) / 3_600_000);
    }
    if (n.done_at) toDone.push((Date.parse(n.done_at) - t0) / 3_600_000);
  }
  return { counts: [...counts.values()], toMatch, toDone };
}

type Rows<F extends (...a: any[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
/** The rows of the statements the headline reads. */
export interface HeadParts {
  households: Rows<typeof repo.households>;
  kinds: Rows<typeof repo.volunteersByKind>;
  party: Rows<typeof repo.partyMembers>;
  months: Rows<typeof repo.hoursByMonth>;
  services: Rows<typeof repo.servicesByKind>;
  needs: NeedsDigest;
  coverGrid: Rows<typeof repo.coverageByGrid>;
}
/**
 * The rows of every statement of the dashboard over a list of communities. Each statement groups by community or by
 * a key summed across communities, so the rows of a list are the rows of its parts put together: what lets a street
 * merge its communities' stored rows (concatParts) and fold them as it would fold its own.
 */
export interface Parts extends HeadParts {
  age: Rows<typeof repo.volunteersByAge>;
  unitVols: Rows<typeof repo.volunteersByUnit>;
  teamVols: Rows<typeof repo.volunteersByTeam>;
  teamHours: Rows<typeof repo.hoursByTeam>;
  unitHours: Rows<typeof repo.hoursByUnit>;
  byTag: Rows<typeof repo.servicesByTag>;
  cover: Rows<typeof repo.coverageByTag>;
  cls: Rows<typeof repo.classroom>;
  bdg: Rows<typeof repo.badges>;
  fest: Rows<typeof repo.festivals>;
  perf: Rows<typeof repo.performances>;
}
/**
 * A community's stored rows: every group's tags counted, and the per-resident coverage (which counts a resident once
 * whatever their groups, so cannot be filtered afterwards) both with every group and without the sensitive ones.
 */
type StoredParts = Omit<Parts, 'coverGrid'> & {
  format: number;
  coverGridAll: Parts['coverGrid'];
  coverGridOpen: Parts['coverGrid'];
};
/** The shape of the stored rows: rows of another shape are not merged (their communities are counted live). */
const ROLLUP_FORMAT = 1;

const FLAT_PARTS = [
  'households',
  'kinds',
  'party',
  'months',
  'services',
  'coverGrid',
  'age',
  'unitVols',
  'teamVols',
  'teamHours',
  'unitHours',
  'byTag',
  'cover',
  'fest',
  'perf',
] as const satisfies ReadonlyArray<keyof Parts>;

/** The rows of several lists of communities as the rows of their union. */
export function concatParts(list: Parts[]): Parts {
  if (list.length === 1) return list[0]!;
  const out = {} as Record<string, unknown>;
  for (const k of FLAT_PARTS) out[k] = list.flatMap((p) => p[k] as unknown[]);
  out.needs = {
    counts: list.flatMap((p) => p.needs.counts),
    toMatch: list.flatMap((p) => p.needs.toMatch),
    toDone: list.flatMap((p) => p.needs.toDone),
  };
  out.cls = { sessions: list.flatMap((p) => p.cls.sessions), attendance: list.flatMap((p) => p.cls.attendance) };
  out.bdg = { scans: list.flatMap((p) => p.bdg.scans), finds: list.flatMap((p) => p.bdg.finds) };
  return out as unknown as Parts;
}

/**
 * Whether a node's figures are merged from its communities' stored rows: a community or a node above one (a street,
 * district or city), over the default window (the one stored). A grid, or another window, is counted from the
 * records. A community's own dashboard is the page its staff open most: read from one stored row it costs the server
 * a few milliseconds instead of some twenty statements over a year of records (about 100 ms, the only thread's on
 * SQLite), at the price of figures up to ROLLUP_MINUTES old, which the page says.
 */
function mergeable(r: Resolved, w: { from: string; to: string }) {
  const d = defaultWindow();
  return r.node.kind !== 'grid' && !r.gridId && w.from === d.from && w.to === d.to;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export class IndicatorsService {
  /** Callers asking the same figures at the same moment share one computation, and reuse it for reuseMs. */
  private readonly flight = new SingleFlight<unknown>();
  private readonly recent = new Map<string, { at: number; value: unknown }>();

  private cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.recent.get(key);
    if (hit && Date.now() - hit.at < this.reuseMs) return Promise.resolve(hit.value as T);
    return this.flight.run(key, async () => {
      const value = await compute();
      if (this.recent.size >= 500) this.recent.clear();
      this.recent.set(key, { at: Date.now(), value });
      return value;
    }) as Promise<T>;
  }

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly alertDays: number,
    /** How long an answer is reused: a dashboard may show figures this old; a report is always computed anew. */
    private readonly reuseMs = 30_000,
  ) {}

  tree(actor: Actor) {
    return viewTree(this.db, actor);
  }

  /** The node (default: the root of the actor's tree) with its communities; out_of_scope when not allowed. */
  async resolve(actor: Actor, nodeId: string | undefined): Promise<Resolved> {
    const tree = await viewTree(this.db, actor);
    const id = nodeId || tree.id;
    const found = findNode(tree, id);
    const under = found ? await communitiesUnder(this.db, actor, id) : null;
    if (!found || !under) throw new AppError('out_of_scope', { scope: 'grid' });
    return {
      node: { id: found.id, kind: found.kind, name: found.name },
      communityIds: under.communityIds,
      gridId: under.gridId,
      children: found.children,
    };
  }

  window(from: string | undefined, to: string | undefined) {
    const d = defaultWindow();
    const w = { from: from ?? (to ? addDays(to, -364) : d.from), to: to ?? d.to };
    if (w.from > w.to)
      throw new AppError('validation', { fields: [{ field: 'from', message: 'indicators.periodReversed' }] });
    if (w.from < addDays(w.to, -366 * 3))
      throw new AppError('validation', { fields: [{ field: 'from', message: 'indicators.periodTooLong' }] });
    return w;
  }

  private scope(r: { communityIds: string[]; gridId: string | null }, from: string, to: string): repo.Scope {
    return {
      ids: r.communityIds,
      gridId: r.gridId,
      from,
      to,
      fromAt: shanghaiDayStart(from),
      toAt: shanghaiDayStart(addDays(to, 1)),
    };
  }

  /** The stored tags of the special groups the actor may count, for every community of the list. */
  private tagsFor(actor: Actor | null, ids: readonly string[]) {
    return this.tagsOf(sensitiveOf(actor), ids);
  }

  private tagsOf(sensitive: boolean, ids: readonly string[]) {
    const groups = SPECIAL_GROUPS.filter((g) => sensitive || !SENSITIVE_GROUPS.has(g));
    const byTag = new Map<string, (typeof SPECIAL_GROUPS)[number]>();
    for (const id of ids) for (const g of groups) byTag.set(groupTag(this.cipher, id, g), g);
    return { groups, byTag, tags: [...byTag.keys()] };
  }

  // --------------------------------------------------------------------------------------------- headline

  /** The headline statements' rows (households, volunteers, party, hours, services, needs, coverage). */
  private async headParts(
    s: repo.Scope,
    tags: readonly string[],
    cutoff: string,
    db: Db = this.db,
  ): Promise<HeadParts> {
    const [households, kinds, party, months, services, needs, coverGrid] = await inTurn(db, [
      () => repo.households(db, s),
      () => repo.volunteersByKind(db, s),
      () => repo.partyMembers(db, s),
      () => repo.hoursByMonth(db, s),
      () => repo.servicesByKind(db, s),
      async () => digestNeeds(await repo.needs(db, s)),
      () => repo.coverageByGrid(db, s, tags, cutoff),
    ]);
    return { households, kinds, party, months, services, needs, coverGrid };
  }

  /** Every statement's rows over a list of communities: what every figure is folded from. */
  private async parts(s: repo.Scope, tags: readonly string[], cutoff: string, db: Db = this.db): Promise<Parts> {
    const [head, age, unitVols, teamVols, teamHours, unitHours, byTag, cover, cls, bdg, fest, perf] = await inTurn(db, [
      () => this.headParts(s, tags, cutoff, db),
      () => repo.volunteersByAge(db, s, bandsOn(s.to)),
      () => repo.volunteersByUnit(db, s),
      () => repo.volunteersByTeam(db, s),
      () => repo.hoursByTeam(db, s),
      () => repo.hoursByUnit(db, s),
      () => repo.servicesByTag(db, s, tags),
      () => repo.coverageByTag(db, s, tags, cutoff),
      () => repo.classroom(db, s),
      () => repo.badges(db, s),
      () => repo.festivals(db, s, FESTIVAL_TEMPLATE_KEYS),
      () => repo.performances(db, s),
    ]);
    return { ...head, age, unitVols, teamVols, teamHours, unitHours, byTag, cover, cls, bdg, fest, perf };
  }

  /** Headline figures per community and grid (key `community|grid`), for the node's total and its children. */
  private static headlineRows(p: HeadParts): Map<string, Headline> {
    const out = new Map<string, Headline & { minutes: number }>();
    const at = (c: string, g: string | null) => {
      const k = `${c}|${g ?? ''}`;
      let h = out.get(k);
      if (!h) out.set(k, (h = { ...emptyHeadline(), minutes: 0 }));
      return h;
    };
    for (const r of p.households) {
      const h = at(r.communityId, r.gridId);
      h.households += r.total;
      h.householdsWithVolunteer += r.withVolunteer;
    }
    for (const r of p.kinds) at(r.communityId, r.gridId).volunteers += r.count;
    for (const r of p.party) at(r.communityId, r.gridId).partyMembers += r.members;
    for (const r of p.months) at(r.communityId, r.gridId).minutes += r.minutes;
    for (const r of p.services) at(r.communityId, r.gridId).services += r.count;
    for (const r of p.needs.counts) {
      const h = at(r.communityId, r.gridId);
      h.needsReceived += r.count;
      if (MET.has(r.status)) h.needsMet += r.count;
    }
    for (const r of p.coverGrid) {
      const h = at(r.communityId, r.gridId);
      h.specialResidents += r.residents;
      h.paired += r.paired;
      h.leftOut += r.leftOut;
    }
    return out;
  }

  private static sumHeadlines(rows: Iterable<Headline & { minutes?: number }>): Headline {
    const t = { ...emptyHeadline(), minutes: 0 };
    for (const r of rows) {
      for (const k of Object.keys(t) as Array<keyof typeof t>) if (k !== 'householdShare') t[k] += r[k] ?? 0;
    }
    const { minutes, ...h } = t;
    h.hours = hoursOf(minutes);
    h.householdShare = h.households ? Math.round((h.householdsWithVolunteer / h.households) * 1000) / 10 : 0;
    return h;
  }

  // --------------------------------------------------------------------------------------------- figures

  async figures(actor: Actor, nodeId: string | undefined, from?: string, to?: string, lang: Lang = 'zh') {
    const r = await this.resolve(actor, nodeId);
    const w = this.window(from, to);
    const key = JSON.stringify([
      'figures',
      can(actor, 'registry.sensitive'),
      r.node.id,
      r.communityIds,
      r.gridId,
      w,
      lang,
    ]);
    return this.cached(key, () => this.figuresFor(actor, r, w, lang));
  }

  /** The dashboard's figures of a node: merged from the stored ones when it can be, else from the records. */
  async figuresFor(actor: Actor | null, r: Resolved, w: { from: string; to: string }, lang: Lang) {
    if (!mergeable(r, w)) return this.figuresOf(actor, r, w.from, w.to, lang);
    return this.fromStored(['figures', r.node.id, r.communityIds, w, sensitiveOf(actor), lang], async () => {
      const m = await this.merged(sensitiveOf(actor), r.communityIds, w);
      const v = await this.fold(
        actor,
        r,
        w.from,
        w.to,
        lang,
        m.parts,
        repo.gridNames(this.db, r.communityIds),
        m.computedAt,
      );
      return { value: v, complete: m.complete };
    });
  }

  /** Merged answers by their question and the stamps of the stored rows they were folded from. */
  private readonly mergedAnswers = new Map<string, unknown>();

  /**
   * A merged answer is a function of the stored rows it folds (and of names): while every community's stored rows keep
   * their stamp, the answer folded from them is the same and is kept. Not kept when some community was counted live.
   */
  private async fromStored<T>(question: unknown[], compute: () => Promise<{ value: T; complete: boolean }>) {
    const ids = question[2] as string[];
    const stamps = await repo.rollupStamps(this.db, ids);
    const key = JSON.stringify([...question, todayInShanghai(), stamps.map((x) => [x.community_id, x.computed_at])]);
    const hit = this.mergedAnswers.get(key);
    if (hit) return hit as T;
    const { value, complete } = await compute();
    if (complete) {
      if (this.mergedAnswers.size >= 50) this.mergedAnswers.clear();
      this.mergedAnswers.set(key, value);
    }
    return value;
  }

  /** Figures of a resolved node from its records; `actor` null: the monthly report, which counts every group. */
  async figuresOf(actor: Actor | null, r: Resolved, from: string, to: string, lang: Lang): Promise<IndicatorsView> {
    const s = this.scope(r, from, to);
    const grids = repo.gridNames(this.db, s.ids);
    const parts = await this.parts(s, this.tagsFor(actor, s.ids).tags, this.cutoff());
    return this.fold(actor, r, from, to, lang, parts, grids, null);
  }

  /** Today less the alert days: a special resident with no contact after it is left out. */
  private cutoff(today = todayInShanghai()) {
    return addDays(today, -this.alertDays);
  }

  /** Every chart of a node from its statements' rows (those of one list, or many lists' rows put together). */
  private async fold(
    actor: Actor | null,
    r: Resolved,
    from: string,
    to: string,
    lang: Lang,
    p: Parts,
    gridsQuery: ReturnType<typeof repo.gridNames>,
    computedAt: string | null,
  ): Promise<IndicatorsView> {
    const s = { ids: r.communityIds };
    const L = (t: Text) => t[lang];
    const { groups, byTag } = this.tagsFor(actor, s.ids);
    const { age, unitVols, teamVols, party, teamHours, unitHours, cover, cls, bdg, fest, perf } = p;
    const { kinds, months, services, needs, households: hh } = p;
    const byTag2 = p.byTag;
    const heads = IndicatorsService.headlineRows(p);
    const grids = await gridsQuery;
    const headline = IndicatorsService.sumHeadlines(heads.values());
    const gridName = new Map(grids.map((g) => [g.id, g.name]));
    const months12 = monthsBetween(from, to);
    const charts: Chart[] = [];
    const chart = (
      key: ChartKey,
      type: Chart['type'],
      unit: string,
      categories: string[],
      series: Array<[string, number[]]>,
      communityWide = false,
    ) =>
      charts.push({
        key,
        type,
        unit,
        communityWide: communityWide && !!r.gridId,
        categories,
        series: series.map(([k, values]) => ({ key: k, name: L(SERIES_LABELS[k] ?? { zh: k, en: k }), values })),
      });
    const sumBy = <T>(rows: T[], key: (t: T) => string, val: (t: T) => number) => {
      const m = new Map<string, number>();
      for (const x of rows) m.set(key(x), (m.get(key(x)) ?? 0) + val(x));
      return m;
    };
    const desc = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

    // Households: per grid within one community, per community above it.
    const single = s.ids.length === 1;
    const communities = single ? [] : await repo.communityNames(this.db, s.ids);
    const cName = new Map(communities.map((c) => [c.id, c.name]));
    const hhKey = (x: { communityId: string; gridId: string | null }) => (single ? (x.gridId ?? '') : x.communityId);
    const hhName = (k: string) => (single ? (gridName.get(k) ?? L(OTHER_LABELS.noGrid!)) : (cName.get(k) ?? k));
    const hhTotal = sumBy(hh, hhKey, (x) => x.total);
    const hhWith = sumBy(hh, hhKey, (x) => x.withVolunteer);
    const hhKeys = [...hhTotal.keys()].sort((a, b) => byChineseName(hhName(a), hhName(b)) || byKey(a, b));
    chart('households', 'bar', 'households', hhKeys.map(hhName), [
      ['households', hhKeys.map((k) => hhTotal.get(k) ?? 0)],
      ['withVolunteer', hhKeys.map((k) => hhWith.get(k) ?? 0)],
    ]);

    const ageM = sumBy(
      age,
      (x) => x.key ?? '',
      (x) => x.count,
    );
    chart(
      'volunteersByAge',
      'bar',
      'people',
      AGE_BANDS.map((b) => L(AGE_BAND_LABELS[b])),
      [['volunteers', AGE_BANDS.map((b) => ageM.get(b) ?? 0)]],
    );
    const kindM = desc(
      sumBy(
        kinds,
        (x) => x.key ?? '',
        (x) => x.count,
      ),
    );
    chart(
      'volunteersByKind',
      'pie',
      'people',
      kindM.map(([k]) => (RECRUITED_VIA_LABELS[k] ? L(RECRUITED_VIA_LABELS[k]) : k)),
      [['volunteers', kindM.map(([, v]) => v)]],
    );
    const teamM = desc(
      sumBy(
        teamVols,
        (x) => x.key,
        (x) => x.count,
      ),
    );
    chart(
      'volunteersByTeam',
      'bar',
      'people',
      teamM.map(([k]) => k),
      [['volunteers', teamM.map(([, v]) => v)]],
    );
    const unitM = desc(
      sumBy(
        unitVols,
        (x) => x.key ?? '',
        (x) => x.count,
      ),
    );
    chart(
      'volunteersByUnit',
      'bar',
      'people',
      unitM.map(([k]) => k || L(OTHER_LABELS.noUnit!)),
      [['volunteers', unitM.map(([, v]) => v)]],
    );

    const pKinds = Object.keys(PARTY_KIND_LABELS).filter((k) => party.some((p) => p.kind === k));
    const pkMembers = sumBy(
      party,
      (x) => x.kind,
      (x) => x.members,
    );
    const pkMinutes = sumBy(
      party,
      (x) => x.kind,
      (x) => x.minutes,
    );
    chart(
      'partyByKind',
      'bar',
      'mixed',
      pKinds.map((k) => L(PARTY_KIND_LABELS[k]!)),
      [
        ['members', pKinds.map((k) => pkMembers.get(k) ?? 0)],
        ['hours', pKinds.map((k) => hoursOf(pkMinutes.get(k) ?? 0))],
      ],
    );
    const pgMembers = sumBy(
      party,
      (x) => x.gridId ?? '',
      (x) => x.members,
    );
    const pgMinutes = sumBy(
      party,
      (x) => x.gridId ?? '',
      (x) => x.minutes,
    );
    const pGrids = [...pgMembers.keys()].sort(
      (a, b) => byChineseName(gridName.get(a) ?? '\uffff', gridName.get(b) ?? '\uffff') || byKey(a, b),
    );
    chart(
      'partyByGrid',
      'bar',
      'mixed',
      pGrids.map((g) => gridName.get(g) ?? L(OTHER_LABELS.noGrid!)),
      [
        ['members', pGrids.map((g) => pgMembers.get(g) ?? 0)],
        ['hours', pGrids.map((g) => hoursOf(pgMinutes.get(g) ?? 0))],
      ],
    );

    const monthM = sumBy(
      months,
      (x) => x.month,
      (x) => x.minutes,
    );
    chart('hoursByMonth', 'line', 'hours', months12, [['hours', months12.map((m) => hoursOf(monthM.get(m) ?? 0))]]);
    const tH = desc(
      sumBy(
        teamHours,
        (x) => x.key,
        (x) => x.minutes,
      ),
    );
    chart(
      'hoursByTeam',
      'bar',
      'hours',
      tH.map(([k]) => k),
      [['hours', tH.map(([, v]) => hoursOf(v))]],
    );
    const uH = desc(
      sumBy(
        unitHours,
        (x) => x.key ?? '',
        (x) => x.minutes,
      ),
    );
    chart(
      'hoursByUnit',
      'bar',
      'hours',
      uH.map(([k]) => k || L(OTHER_LABELS.noUnit!)),
      [['hours', uH.map(([, v]) => hoursOf(v))]],
    );

    const gC = sumBy(
      byTag2,
      (x) => byTag.get(x.tag) ?? '',
      (x) => x.contacts,
    );
    const gR = sumBy(
      byTag2,
      (x) => byTag.get(x.tag) ?? '',
      (x) => x.reached,
    );
    chart(
      'servicesByGroup',
      'bar',
      'services',
      groups.map((g) => L(SPECIAL_GROUP_LABELS[g])),
      [
        ['services', groups.map((g) => gC.get(g) ?? 0)],
        ['reached', groups.map((g) => gR.get(g) ?? 0)],
      ],
    );
    const sK = sumBy(
      services,
      (x) => x.kind,
      (x) => x.count,
    );
    chart(
      'servicesByKind',
      'bar',
      'services',
      CONTACT_KINDS.map((k) => L(CONTACT_KIND_LABELS[k])),
      [['services', CONTACT_KINDS.map((k) => sK.get(k) ?? 0)]],
    );

    let received = 0,
      matched = 0,
      met = 0,
      open = 0,
      closed = 0;
    for (const n of needs.counts) {
      received += n.count;
      matched += n.matched;
      if (MET.has(n.status)) met += n.count;
      else if (CLOSED.has(n.status)) closed += n.count;
      else if ((OPEN_NEED_STATUSES as readonly string[]).includes(n.status)) open += n.count;
    }
    const stages = ['received', 'matched', 'met', 'open', 'closed'];
    chart(
      'needs',
      'bar',
      'services',
      stages.map((k) => L(NEED_STAGE_LABELS[k]!)),
      [['count', [received, matched, met, open, closed]]],
    );
    chart(
      'needTimes',
      'bar',
      'hours',
      ['toMatch', 'toDone'].map((k) => L(NEED_STAGE_LABELS[k]!)),
      [['medianHours', [round2(median(needs.toMatch)), round2(median(needs.toDone))]]],
    );

    const cv = (f: 'residents' | 'paired' | 'leftOut') =>
      sumBy(
        cover,
        (x) => byTag.get(x.tag) ?? '',
        (x) => x[f],
      );
    const [cvR, cvP, cvL] = [cv('residents'), cv('paired'), cv('leftOut')];
    chart(
      'coverage',
      'bar',
      'people',
      groups.map((g) => L(SPECIAL_GROUP_LABELS[g])),
      [
        ['residents', groups.map((g) => cvR.get(g) ?? 0)],
        ['paired', groups.map((g) => cvP.get(g) ?? 0)],
        ['leftOut', groups.map((g) => cvL.get(g) ?? 0)],
      ],
    );

    // Rows of several lists may repeat a month (or a key below): summed.
    const sess = sumFields(cls.sessions, (x) => x.month, ['count']);
    const att = sumFields(cls.attendance, (x) => x.month, ['checkIns', 'absences']);
    chart('classroom', 'bar', 'mixed', months12, [
      ['sessions', months12.map((m) => sess.get(m)?.count ?? 0)],
      ['checkIns', months12.map((m) => att.get(m)?.checkIns ?? 0)],
      ['absences', months12.map((m) => att.get(m)?.absences ?? 0)],
    ]);

    // Scans come per UTC hour: their local month is that of the hour's start in Shanghai.
    const scanM = new Map<string, { view: number; message: number }>();
    for (const x of bdg.scans) {
      const month = shanghaiLocal(`${x.hour}:00:00.000Z`).date.slice(0, 7);
      const e = scanM.get(month) ?? { view: 0, message: 0 };
      if (x.kind === 'message') e.message += x.count;
      else e.view += x.count;
      scanM.set(month, e);
    }
    const findM = sumFields(bdg.finds, (x) => x.month, ['count']);
    chart('badges', 'bar', 'services', months12, [
      ['views', months12.map((m) => scanM.get(m)?.view ?? 0)],
      ['messages', months12.map((m) => scanM.get(m)?.message ?? 0)],
      ['finds', months12.map((m) => findM.get(m)?.count ?? 0)],
    ]);

    const festNames = new Map(festivalDates(Number(to.slice(0, 4))).map((f) => [f.key as string, f.name]));
    const festM = sumFields(fest, (x) => x.key, ['activities', 'attended']);
    const fKeys = FESTIVAL_TEMPLATE_KEYS.filter((k) => festM.has(k));
    chart(
      'festivals',
      'bar',
      'mixed',
      fKeys.map((k) => (festNames.get(k) ? L(festNames.get(k)!) : k)),
      [
        ['activities', fKeys.map((k) => festM.get(k)!.activities)],
        ['attended', fKeys.map((k) => festM.get(k)!.attended)],
      ],
      true,
    );
    const perfM = sumFields(perf, (x) => x.month, ['performances', 'audience', 'items']);
    chart(
      'performances',
      'bar',
      'mixed',
      months12,
      [
        ['performances', months12.map((m) => perfM.get(m)?.performances ?? 0)],
        ['audience', months12.map((m) => perfM.get(m)?.audience ?? 0)],
        ['items', months12.map((m) => perfM.get(m)?.items ?? 0)],
      ],
      true,
    );
    return { node: r.node, from, to, headline, charts, computedAt };
  }

  // --------------------------------------------------------------------------------------------- compare

  /** One row of headline figures per child of the node: grids of a community, communities of a street. */
  async compare(actor: Actor, nodeId: string | undefined, from?: string, to?: string): Promise<CompareView> {
    const r = await this.resolve(actor, nodeId);
    const w = this.window(from, to);
    const key = JSON.stringify(['compare', can(actor, 'registry.sensitive'), r.node.id, r.communityIds, w]);
    return this.cached(key, () => this.compareOf(actor, r, w));
  }

  private async compareOf(actor: Actor, r: Resolved, w: { from: string; to: string }): Promise<CompareView> {
    const sensitive = sensitiveOf(actor);
    if (mergeable(r, w))
      return this.fromStored(['compare', r.node.id, r.communityIds, w, sensitive], async () => {
        const m = await this.merged(sensitive, r.communityIds, w);
        return { value: this.compareFrom(r, w, m.parts), complete: m.complete };
      });
    const parts = await this.headParts(
      this.scope(r, w.from, w.to),
      this.tagsOf(sensitive, r.communityIds).tags,
      this.cutoff(),
    );
    return this.compareFrom(r, w, parts);
  }

  private compareFrom(r: Resolved, w: { from: string; to: string }, parts: HeadParts): CompareView {
    const heads = IndicatorsService.headlineRows(parts);
    const rows = [];
    for (const child of r.children) {
      const under = coverageOf(child, r.communityIds);
      const ids = new Set(under.communityIds);
      const mine = [...heads.entries()]
        .filter(([k]) => {
          const [c, g] = k.split('|');
          return ids.has(c!) && (!under.gridId || g === under.gridId);
        })
        .map(([, h]) => h);
      rows.push({ id: child.id, kind: child.kind, name: child.name, headline: IndicatorsService.sumHeadlines(mine) });
    }
    return { node: r.node, from: w.from, to: w.to, rows, total: IndicatorsService.sumHeadlines(heads.values()) };
  }

  // --------------------------------------------------------------------------------------------- stored figures

  /** Parsed stored rows by community, kept while their computed_at stays the same (parsing is most of a merge). */
  private readonly parsed = new Map<string, { computedAt: string; parts: StoredParts }>();

  /**
   * The rows of a list of communities over window `w`, from each community's stored rows where they were computed
   * today for that window, and from the records (one list) for the others. `computedAt`: the oldest stored rows used,
   * null when none were.
   */
  async merged(sensitive: boolean, ids: readonly string[], w: { from: string; to: string }) {
    const today = todayInShanghai();
    const stamps = w.to === today ? await repo.rollupStamps(this.db, ids) : [];
    const usable = stamps.filter((x) => x.window_from === w.from && x.window_to === w.to);
    const stale = usable.filter((x) => this.parsed.get(x.community_id)?.computedAt !== x.computed_at);
    if (stale.length)
      for (const row of await repo.rollupData(
        this.db,
        stale.map((x) => x.community_id),
      ))
        this.parsed.set(row.community_id, { computedAt: row.computed_at, parts: JSON.parse(row.data) as StoredParts });
    const list: Parts[] = [];
    const have = new Set<string>();
    let computedAt: string | null = null;
    for (const x of usable) {
      const got = this.parsed.get(x.community_id);
      // Refreshed again between the two reads: counted from the records below instead.
      if (!got || got.computedAt !== x.computed_at || got.parts.format !== ROLLUP_FORMAT) continue;
      const { coverGridAll, coverGridOpen, format: _, ...rest } = got.parts;
      list.push({ ...rest, coverGrid: sensitive ? coverGridAll : coverGridOpen });
      have.add(x.community_id);
      if (!computedAt || x.computed_at < computedAt) computedAt = x.computed_at;
    }
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length) {
      const s = this.scope({ communityIds: missing, gridId: null }, w.from, w.to);
      list.push(await this.parts(s, this.tagsOf(sensitive, missing).tags, this.cutoff(today)));
    }
    return { parts: concatParts(list), computedAt, complete: !missing.length };
  }

  /** Recomputes one community's stored rows over today's default window. */
  async refreshRollup(communityId: string): Promise<void> {
    const computedAt = new Date().toISOString();
    const today = todayInShanghai();
    const w = defaultWindow(today);
    const s = this.scope({ communityIds: [communityId], gridId: null }, w.from, w.to);
    const cutoff = this.cutoff(today);
    const [all, open] = await onOneConnection(this.db, (db) =>
      Promise.all([
        this.parts(s, this.tagsOf(true, [communityId]).tags, cutoff, db),
        repo.coverageByGrid(db, s, this.tagsOf(false, [communityId]).tags, cutoff),
      ]),
    );
    const { coverGrid, ...rest } = all;
    const data: StoredParts = { format: ROLLUP_FORMAT, ...rest, coverGridAll: coverGrid, coverGridOpen: open };
    await repo.storeRollup(this.db, {
      community_id: communityId,
      window_from: w.from,
      window_to: w.to,
      computed_at: computedAt,
      data: JSON.stringify(data),
    });
  }

  /**
   * Refreshes the stored rows of every community, one community after another so the dashboards keep the database.
   * Returns the milliseconds each took.
   */
  async refreshRollups(ids?: readonly string[]): Promise<number[]> {
    const times: number[] = [];
    for (const id of ids ?? (await repo.allCommunities(this.db)).map((c) => c.id)) {
      const t = performance.now();
      await this.refreshRollup(id);
      times.push(performance.now() - t);
    }
    return times;
  }

  // --------------------------------------------------------------------------------------------- stored reports

  listReports(actor: Actor, nodeIds: readonly string[]) {
    if (!nodeIds.length) return Promise.resolve([]);
    return (
      this.db
        .selectFrom('indicators_report')
        .select(['id', 'node_id', 'node_name', 'month', 'bytes', 'created_at'])
        // An office's reports (its street's, each community's) rest on several communities: its tree's ids decide.
        .$if(!actor.regionId, (q) => q.where('community_id', '=', actor.communityId))
        .where('node_id', 'in', [...nodeIds])
        .orderBy('month', 'desc')
        .limit(60)
        .execute()
    );
  }

  async storedReport(actor: Actor, id: string, nodeIds: readonly string[]) {
    const row = await this.db
      .selectFrom('indicators_report')
      .selectAll()
      .$if(!actor.regionId, (q) => q.where('community_id', '=', actor.communityId))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !nodeIds.includes(row.node_id)) throw new AppError('not_found', { entity: 'indicatorsReport' });
    return row;
  }

  /** Stores a community's report for a month (replacing an earlier one of the same month). */
  async store(communityId: string, nodeId: string, nodeName: string, month: string, pdf: Buffer) {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('indicators_report')
        .where('community_id', '=', communityId)
        .where('node_id', '=', nodeId)
        .where('month', '=', month)
        .execute();
      await trx
        .insertInto('indicators_report')
        .values({
          community_id: communityId,
          id: uuidv7(),
          node_id: nodeId,
          node_name: nodeName,
          month,
          bytes: pdf.length,
          data: pdf.toString('base64'),
          created_at: now,
        })
        .execute();
    });
  }

  communities() {
    return repo.allCommunities(this.db);
  }

  /** The street offices with communities, each with its communities' ids. */
  streets() {
    return repo.streetsWithCommunities(this.db);
  }
}

function findNode(n: ViewNode, id: string): ViewNode | null {
  if (n.id === id) return n;
  for (const c of n.children) {
    const f = findNode(c, id);
    if (f) return f;
  }
  return null;
}
