// The indicators dashboard: figures for a node of the tree (a community, a grid; later a street or a city) over a
// date window, a side-by-side comparison of its children, and the monthly report for superiors. Figures only:
// no answer carries a resident's name. Every figure comes from grouped statements over the node's list of
// communities (indicators.repository.ts), so a street of many communities is one set of statements.
import type { Db } from '../../db/database.ts';
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

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** How long an answer is reused: a dashboard may show figures up to this old; a report is always computed anew. */
const FRESH_MS = 30_000;

export class IndicatorsService {
  /** Callers asking the same figures at the same moment share one computation, and reuse it for FRESH_MS. */
  private readonly flight = new SingleFlight<unknown>();
  private readonly recent = new Map<string, { at: number; value: unknown }>();

  private cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.recent.get(key);
    if (hit && Date.now() - hit.at < FRESH_MS) return Promise.resolve(hit.value as T);
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
    const groups = SPECIAL_GROUPS.filter((g) => !actor || can(actor, 'registry.sensitive') || !SENSITIVE_GROUPS.has(g));
    const byTag = new Map<string, (typeof SPECIAL_GROUPS)[number]>();
    for (const id of ids) for (const g of groups) byTag.set(groupTag(this.cipher, id, g), g);
    return { groups, byTag, tags: [...byTag.keys()] };
  }

  // --------------------------------------------------------------------------------------------- headline

  /** Headline figures per community and grid (key `community|grid`), for the node's total and its children. */
  private async headlineRows(actor: Actor | null, s: repo.Scope, b = this.base(s)): Promise<Map<string, Headline>> {
    const { tags } = this.tagsFor(actor, s.ids);
    const cutoff = addDays(todayInShanghai(), -this.alertDays);
    const [hh, vols, party, hours, services, needs, cover] = await Promise.all([
      b.households,
      b.kinds,
      b.party,
      b.months,
      b.services,
      b.needs,
      repo.coverageByGrid(this.db, s, tags, cutoff),
    ]);
    const out = new Map<string, Headline & { minutes: number }>();
    const at = (c: string, g: string | null) => {
      const k = `${c}|${g ?? ''}`;
      let h = out.get(k);
      if (!h) out.set(k, (h = { ...emptyHeadline(), minutes: 0 }));
      return h;
    };
    for (const r of hh) {
      const h = at(r.communityId, r.gridId);
      h.households += r.total;
      h.householdsWithVolunteer += r.withVolunteer;
    }
    for (const r of vols) at(r.communityId, r.gridId).volunteers += r.count;
    for (const r of party) at(r.communityId, r.gridId).partyMembers += r.members;
    for (const r of hours) at(r.communityId, r.gridId).minutes += r.minutes;
    for (const r of services) at(r.communityId, r.gridId).services += r.count;
    for (const r of needs) {
      const h = at(r.community_id, r.grid_id);
      h.needsReceived++;
      if (MET.has(r.status)) h.needsMet++;
    }
    for (const r of cover) {
      const h = at(r.communityId, r.gridId);
      h.specialResidents += r.residents;
      h.paired += r.paired;
      h.leftOut += r.leftOut;
    }
    return out;
  }

  /** The statements both the headline and the charts read: started once per answer. */
  private base(s: repo.Scope) {
    return {
      households: repo.households(this.db, s),
      kinds: repo.volunteersByKind(this.db, s),
      party: repo.partyMembers(this.db, s),
      months: repo.hoursByMonth(this.db, s),
      services: repo.servicesByKind(this.db, s),
      needs: repo.needs(this.db, s),
    };
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
    return this.cached(key, () => this.figuresOf(actor, r, w.from, w.to, lang));
  }

  /** Figures of a resolved node; `actor` null: the monthly report, which counts every special group. */
  async figuresOf(actor: Actor | null, r: Resolved, from: string, to: string, lang: Lang): Promise<IndicatorsView> {
    const s = this.scope(r, from, to);
    const L = (t: Text) => t[lang];
    const { groups, byTag, tags } = this.tagsFor(actor, s.ids);
    const cutoff = addDays(todayInShanghai(), -this.alertDays);
    const bands = {
      b18: bornOnOrBefore(18, to),
      b35: bornOnOrBefore(35, to),
      b60: bornOnOrBefore(60, to),
      b70: bornOnOrBefore(70, to),
    };
    const b = this.base(s);
    const [heads, grids, age, unitVols, teamVols, party, teamHours, unitHours, byTag2, cover, cls, bdg, fest, perf] =
      await Promise.all([
        this.headlineRows(actor, s, b),
        repo.gridNames(this.db, s.ids),
        repo.volunteersByAge(this.db, s, bands),
        repo.volunteersByUnit(this.db, s),
        repo.volunteersByTeam(this.db, s),
        b.party,
        repo.hoursByTeam(this.db, s),
        repo.hoursByUnit(this.db, s),
        repo.servicesByTag(this.db, s, tags),
        repo.coverageByTag(this.db, s, tags, cutoff),
        repo.classroom(this.db, s),
        repo.badges(this.db, s),
        repo.festivals(this.db, s, FESTIVAL_TEMPLATE_KEYS),
        repo.performances(this.db, s),
      ]);
    const [kinds, months, services, needs, hh] = await Promise.all([
      b.kinds,
      b.months,
      b.services,
      b.needs,
      b.households,
    ]);
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
    const hhKeys = [...hhTotal.keys()].sort((a, b) => hhName(a).localeCompare(hhName(b), 'zh-CN'));
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
    const teamM = desc(new Map(teamVols.map((x) => [x.key, x.count])));
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
    const pGrids = [...pgMembers.keys()].sort((a, b) =>
      (gridName.get(a) ?? '\uffff').localeCompare(gridName.get(b) ?? '\uffff', 'zh-CN'),
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
    const tH = desc(new Map(teamHours.map((x) => [x.key, x.minutes])));
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

    const toMatch: number[] = [];
    const toDone: number[] = [];
    let matched = 0,
      met = 0,
      open = 0,
      closed = 0;
    for (const n of needs) {
      const t0 = Date.parse(n.created_at);
      if (n.matched_at) {
        matched++;
        toMatch.push((Date.parse(n.matched_at) - t0) / 3_600_000);
      }
      if (n.done_at) toDone.push((Date.parse(n.done_at) - t0) / 3_600_000);
      if (MET.has(n.status)) met++;
      else if (CLOSED.has(n.status)) closed++;
      else if ((OPEN_NEED_STATUSES as readonly string[]).includes(n.status)) open++;
    }
    const stages = ['received', 'matched', 'met', 'open', 'closed'];
    chart(
      'needs',
      'bar',
      'services',
      stages.map((k) => L(NEED_STAGE_LABELS[k]!)),
      [['count', [needs.length, matched, met, open, closed]]],
    );
    chart(
      'needTimes',
      'bar',
      'hours',
      ['toMatch', 'toDone'].map((k) => L(NEED_STAGE_LABELS[k]!)),
      [['medianHours', [round2(median(toMatch)), round2(median(toDone))]]],
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

    const sess = new Map(cls.sessions.map((x) => [x.month, x.count]));
    const att = new Map(cls.attendance.map((x) => [x.month, x]));
    chart('classroom', 'bar', 'mixed', months12, [
      ['sessions', months12.map((m) => sess.get(m) ?? 0)],
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
    const findM = new Map(bdg.finds.map((x) => [x.month, x.count]));
    chart('badges', 'bar', 'services', months12, [
      ['views', months12.map((m) => scanM.get(m)?.view ?? 0)],
      ['messages', months12.map((m) => scanM.get(m)?.message ?? 0)],
      ['finds', months12.map((m) => findM.get(m) ?? 0)],
    ]);

    const festNames = new Map(festivalDates(Number(to.slice(0, 4))).map((f) => [f.key as string, f.name]));
    const festM = new Map(fest.map((x) => [x.key, x]));
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
    const perfM = new Map(perf.map((x) => [x.month, x]));
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
    return { node: r.node, from, to, headline, charts };
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
    const heads = await this.headlineRows(actor, this.scope(r, w.from, w.to));
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

  // --------------------------------------------------------------------------------------------- stored reports

  listReports(actor: Actor, nodeIds: readonly string[]) {
    if (!nodeIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('indicators_report')
      .select(['id', 'node_id', 'node_name', 'month', 'bytes', 'created_at'])
      .where('community_id', '=', actor.communityId)
      .where('node_id', 'in', [...nodeIds])
      .orderBy('month', 'desc')
      .limit(60)
      .execute();
  }

  async storedReport(actor: Actor, id: string, nodeIds: readonly string[]) {
    const row = await this.db
      .selectFrom('indicators_report')
      .selectAll()
      .where('community_id', '=', actor.communityId)
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
}

function findNode(n: ViewNode, id: string): ViewNode | null {
  if (n.id === id) return n;
  for (const c of n.children) {
    const f = findNode(c, id);
    if (f) return f;
  }
  return null;
}
