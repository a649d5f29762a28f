// All SQL of the indicators. Every figure is one grouped statement over a LIST of communities (and optionally one
// grid), so a street of a hundred communities costs the same number of statements as one community. Rows come back
// keyed by community (and grid where the figure has one); the service folds them into charts and comparisons.
//
// Sources: hours from the hours ledger (verified credit entries that still count, as recognition's ledgerSums
// reads them); services from the one record of service (`contact`); the rest from each area's own tables,
// read-only, because asking each module's service community by community would be the loop this file avoids.
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

export interface Scope {
  ids: readonly string[];
  gridId: string | null;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  /** Instants bounding the local days [from, to]. */
  fromAt: string;
  toAt: string;
}

const n = (v: unknown) => Number(v ?? 0);
const inIds = (col: string, ids: readonly string[]): RawBuilder<boolean> =>
  ids.length ? sql<boolean>`${sql.ref(col)} in (${sql.join(ids.map((i) => sql`${i}`))})` : sql<boolean>`1 = 0`;
const gridIs = (col: string, gridId: string | null): RawBuilder<boolean> =>
  gridId ? sql<boolean>`${sql.ref(col)} = ${gridId}` : sql<boolean>`1 = 1`;

// ------------------------------------------------------------------------------------------- households

/**
 * Per community and grid: households, and those with at least one approved volunteer living in them (the few
 * households of approved volunteers found once and joined, not probed from every household).
 */
export async function households(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ community_id: string; grid_id: string; total: unknown; with_volunteer: unknown }>`
    select h.community_id, h.grid_id, count(*) as total, count(w.household_id) as with_volunteer
    from household h
    left join (
      select distinct r.community_id, r.household_id
      from volunteer v
      inner join resident r on r.community_id = v.community_id and r.id = v.resident_id
      where ${inIds('v.community_id', s.ids)} and v.status = 'approved'
    ) w on w.community_id = h.community_id and w.household_id = h.id
    where ${inIds('h.community_id', s.ids)} and ${gridIs('h.grid_id', s.gridId)}
    group by h.community_id, h.grid_id`.execute(db);
  return rows.map((r) => ({
    communityId: r.community_id,
    gridId: r.grid_id as string | null,
    total: n(r.total),
    withVolunteer: n(r.with_volunteer),
  }));
}

// ------------------------------------------------------------------------------------------- volunteers

/**
 * Approved volunteers grouped by `key` (an SQL expression over v, r and u): their grid is the grid of the resident
 * record they are linked to (none when they are not a resident).
 */
async function volunteersBy(db: DbOrTrx, s: Scope, key: RawBuilder<unknown>) {
  const { rows } = await sql<{ community_id: string; grid_id: string | null; k: string | null; c: unknown }>`
    select v.community_id, r.grid_id, ${key} as k, count(*) as c
    from volunteer v
    left join resident r on r.community_id = v.community_id and r.id = v.resident_id
    left join unit u on u.community_id = v.community_id and u.id = v.unit_id
    where ${inIds('v.community_id', s.ids)} and v.status = 'approved' and ${gridIs('r.grid_id', s.gridId)}
    group by 1, 2, 3`.execute(db);
  return rows.map((r) => ({ communityId: r.community_id, gridId: r.grid_id, key: r.k, count: n(r.c) }));
}

/** Age bands on `onDate`: the latest birth date of each band's lower age is passed in (see bornOnOrBefore). */
export function volunteersByAge(db: DbOrTrx, s: Scope, b: { b18: string; b35: string; b60: string; b70: string }) {
  return volunteersBy(
    db,
    s,
    sql`case when v.birth_date > ${b.b18} then 'under18' when v.birth_date > ${b.b35} then '18-34'
      when v.birth_date > ${b.b60} then '35-59' when v.birth_date > ${b.b70} then '60-69' else '70plus' end`,
  );
}
export const volunteersByKind = (db: DbOrTrx, s: Scope) => volunteersBy(db, s, sql`v.recruited_via`);
export const volunteersByUnit = (db: DbOrTrx, s: Scope) => volunteersBy(db, s, sql`u.name`);

/** Approved volunteers per team name (active members); a volunteer in two teams counts in both. */
export async function volunteersByTeam(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ k: string; c: unknown }>`
    select t.name as k, count(distinct v.community_id || ':' || v.id) as c
    from team_member tm
    inner join team t on t.community_id = tm.community_id and t.id = tm.team_id
    inner join volunteer v on v.community_id = tm.community_id and v.id = tm.volunteer_id
    left join resident r on r.community_id = v.community_id and r.id = v.resident_id
    where ${inIds('tm.community_id', s.ids)} and tm.status = 'active' and v.status = 'approved'
      and ${gridIs('r.grid_id', s.gridId)}
    group by t.name`.execute(db);
  return rows.map((r) => ({ key: r.k, count: n(r.c) }));
}

// ------------------------------------------------------------------------------------------- party members

/** Party members (of approved volunteers) per kind and grid, with their verified hours in the window. */
export async function partyMembers(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ community_id: string; kind: string; grid_id: string | null; c: unknown; m: unknown }>`
    select pm.community_id, pm.kind, pm.grid_id, count(*) as c, coalesce(sum(x.m), 0) as m
    from party_member pm
    inner join volunteer v on v.community_id = pm.community_id and v.id = pm.volunteer_id
    left join ${creditPerVolunteer(s)}
    on x.community_id = pm.community_id and x.volunteer_id = pm.volunteer_id
    where ${inIds('pm.community_id', s.ids)} and v.status = 'approved' and ${gridIs('pm.grid_id', s.gridId)}
    group by pm.community_id, pm.kind, pm.grid_id`.execute(db);
  return rows.map((r) => ({
    communityId: r.community_id,
    kind: r.kind,
    gridId: r.grid_id,
    members: n(r.c),
    minutes: n(r.m),
  }));
}

// ------------------------------------------------------------------------------------------- hours

/** Verified minutes per community, volunteer's grid and month (summed per volunteer first: few rows to join). */
export async function hoursByMonth(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ community_id: string; grid_id: string | null; month: string; m: unknown }>`
    select x.community_id, r.grid_id, x.month, sum(x.m) as m
    from (
      select e.community_id, e.volunteer_id, substr(e.service_date, 1, 7) as month, sum(e.minutes) as m
      from hours_entry e
      where ${inIds('e.community_id', s.ids)} and e.kind = 'credit' and e.status = 'verified'
        and e.corrected_by is null and e.minutes > 0 and e.service_date >= ${s.from} and e.service_date <= ${s.to}
      group by e.community_id, e.volunteer_id, substr(e.service_date, 1, 7)
    ) x
    inner join volunteer v on v.community_id = x.community_id and v.id = x.volunteer_id
    left join resident r on r.community_id = v.community_id and r.id = v.resident_id
    where ${gridIs('r.grid_id', s.gridId)}
    group by x.community_id, r.grid_id, x.month`.execute(db);
  return rows.map((r) => ({ communityId: r.community_id, gridId: r.grid_id, month: r.month, minutes: n(r.m) }));
}

/**
 * Verified credit minutes of the window per volunteer, as a derived table `x` (community_id, volunteer_id, m): read
 * in volunteer order from the covering credit index, so the ledger's rows are summed before any join.
 */
const creditPerVolunteer = (s: Scope) => sql`(
  select e.community_id, e.volunteer_id, sum(e.minutes) as m from hours_entry e
  where ${inIds('e.community_id', s.ids)} and e.kind = 'credit' and e.status = 'verified'
    and e.corrected_by is null and e.minutes > 0 and e.service_date >= ${s.from} and e.service_date <= ${s.to}
  group by e.community_id, e.volunteer_id
) x`;

/**
 * Verified minutes per team name (a volunteer in two teams counts in both). The memberships are grouped by their key
 * (no row merges) so PostgreSQL joins two small sets on the volunteer instead of every team to every volunteer.
 */
export async function hoursByTeam(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ k: string; m: unknown }>`
    select tt.name as k, sum(x.m) as m
    from ${creditPerVolunteer(s)}
    inner join (
      select tm.community_id, tm.volunteer_id, t.id, t.name
      from team_member tm
      inner join team t on t.community_id = tm.community_id and t.id = tm.team_id
      where ${inIds('tm.community_id', s.ids)} and tm.status = 'active'
      group by tm.community_id, tm.volunteer_id, t.id, t.name
    ) tt on tt.community_id = x.community_id and tt.volunteer_id = x.volunteer_id
    inner join volunteer v on v.community_id = x.community_id and v.id = x.volunteer_id
    left join resident r on r.community_id = v.community_id and r.id = v.resident_id
    where ${gridIs('r.grid_id', s.gridId)}
    group by tt.name`.execute(db);
  return rows.map((r) => ({ key: r.k, minutes: n(r.m) }));
}

/** Verified minutes per unit name (null: no unit). */
export async function hoursByUnit(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ k: string | null; m: unknown }>`
    select u.name as k, sum(x.m) as m
    from ${creditPerVolunteer(s)}
    inner join volunteer v on v.community_id = x.community_id and v.id = x.volunteer_id
    left join resident r on r.community_id = v.community_id and r.id = v.resident_id
    left join unit u on u.community_id = v.community_id and u.id = v.unit_id
    where ${gridIs('r.grid_id', s.gridId)}
    group by u.name`.execute(db);
  return rows.map((r) => ({ key: r.k, minutes: n(r.m) }));
}

// ------------------------------------------------------------------------------------------- services

/** Contacts of the record of service in the window per community, grid (of the household) and kind. */
export async function servicesByKind(db: DbOrTrx, s: Scope) {
  // Counted per household first (the covering window index), then joined to the households for their grid.
  const { rows } = await sql<{ community_id: string; grid_id: string; kind: string; c: unknown }>`
    select x.community_id, h.grid_id, x.kind, sum(x.n) as c
    from (
      select c.community_id, c.household_id, c.kind, count(*) as n from contact c
      where ${inIds('c.community_id', s.ids)} and c.occurred_on >= ${s.from} and c.occurred_on <= ${s.to}
      group by c.community_id, c.household_id, c.kind
    ) x
    inner join household h on h.community_id = x.community_id and h.id = x.household_id
    where ${gridIs('h.grid_id', s.gridId)}
    group by x.community_id, h.grid_id, x.kind`.execute(db);
  return rows.map((r) => ({ communityId: r.community_id, gridId: r.grid_id, kind: r.kind, count: n(r.c) }));
}

/**
 * Contacts in the window that reached a resident of each stored tag: the resident's own contacts, and household
 * contacts (a survey visit, a classroom session) once for each tag an active member of the household carries. Per
 * community and tag: contacts, and residents reached. Three grouped statements, each driven from the tagged
 * residents through the covering subject index: own contacts; household contacts from each (tag, household) once
 * (SQLite: a probe per household, no row for none by HAVING, as a WHERE on the count ran each probe twice;
 * PostgreSQL: the window's household contacts counted per household in one hash, then joined);
 * residents reached by two index probes each.
 */
export async function servicesByTag(db: DbOrTrx, s: Scope, tags: readonly string[]) {
  if (!tags.length) return [];
  const tagIn = sql.join(tags.map((t) => sql`${t}`));
  const inWindow = (c: string) =>
    sql`${sql.ref(`${c}.occurred_on`)} >= ${s.from} and ${sql.ref(`${c}.occurred_on`)} <= ${s.to}`;
  const taggedHouseholds = sql`(
    select distinct t.community_id, t.tag, r.household_id
    from resident_tag t
    inner join resident r on r.community_id = t.community_id and r.id = t.resident_id and r.status = 'active'
    where ${inIds('t.community_id', s.ids)} and t.tag in (${tagIn}) and ${gridIs('r.grid_id', s.gridId)}
  ) x`;
  const [own, home, reached] = await Promise.all([
    sql<{ community_id: string; tag: string; c: unknown }>`
      select t.community_id, t.tag, count(*) as c
      from resident_tag t
      inner join resident r on r.community_id = t.community_id and r.id = t.resident_id
      inner join contact c on c.community_id = r.community_id and c.subject_id = r.id
      where ${inIds('t.community_id', s.ids)} and t.tag in (${tagIn}) and ${gridIs('r.grid_id', s.gridId)}
        and ${inWindow('c')} and c.resident_id is not null
      group by t.community_id, t.tag`.execute(db),
    // PostgreSQL hashes every household contact of the window once; SQLite probes from each tagged household.
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<{ community_id: string; tag: string; c: unknown }>`
      select x.community_id, x.tag, sum(hc.n) as c
      from ${taggedHouseholds}
      inner join (
        select c.community_id, c.subject_id, count(*) as n from contact c
        where ${inIds('c.community_id', s.ids)} and ${inWindow('c')} and c.resident_id is null
        group by c.community_id, c.subject_id
      ) hc on hc.community_id = x.community_id and hc.subject_id = x.household_id
      group by x.community_id, x.tag`.execute(db)
      : sql<{ community_id: string; tag: string; c: unknown }>`
      select y.community_id, y.tag, sum(y.n) as c
      from (
        select x.community_id, x.tag, (
          select count(*) from contact c
          where c.community_id = x.community_id and c.subject_id = x.household_id and ${inWindow('c')}
            and c.resident_id is null
        ) as n
        from ${taggedHouseholds}
      ) y
      group by y.community_id, y.tag
      having sum(y.n) > 0`.execute(db),
    sql<{ community_id: string; tag: string; c: unknown }>`
      select t.community_id, t.tag, count(*) as c
      from resident_tag t
      inner join resident r on r.community_id = t.community_id and r.id = t.resident_id
      where ${inIds('t.community_id', s.ids)} and t.tag in (${tagIn}) and ${gridIs('r.grid_id', s.gridId)}
        and (exists (
          select 1 from contact c where c.community_id = r.community_id and c.subject_id = r.id and ${inWindow('c')}
            and c.resident_id is not null
        ) or (r.status = 'active' and exists (
          select 1 from contact c where c.community_id = r.community_id and c.subject_id = r.household_id
            and ${inWindow('c')} and c.resident_id is null
        )))
      group by t.community_id, t.tag`.execute(db),
  ]);
  const out = new Map<string, { communityId: string; tag: string; contacts: number; reached: number }>();
  const at = (c: string, t: string) => {
    const k = `${c}|${t}`;
    let e = out.get(k);
    if (!e) out.set(k, (e = { communityId: c, tag: t, contacts: 0, reached: 0 }));
    return e;
  };
  for (const r of own.rows) at(r.community_id, r.tag).contacts += n(r.c);
  for (const r of home.rows) at(r.community_id, r.tag).contacts += n(r.c);
  for (const r of reached.rows) at(r.community_id, r.tag).reached += n(r.c);
  return [...out.values()];
}

// ------------------------------------------------------------------------------------------- needs

/** Needs received in the window (created then): one row each, for the medians. */
export async function needs(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{
    community_id: string;
    grid_id: string;
    status: string;
    created_at: string;
    matched_at: string | null;
    done_at: string | null;
  }>`
    select community_id, grid_id, status, created_at, matched_at, done_at from need
    where ${inIds('community_id', s.ids)} and created_at >= ${s.fromAt} and created_at < ${s.toAt}
      and ${gridIs('grid_id', s.gridId)}`.execute(db);
  return rows;
}

// ------------------------------------------------------------------------------------------- coverage

// Two probes of the subject index rather than one OR, which no index answers.
const recent = (cutoff: string) => sql`(exists (
  select 1 from contact c where c.community_id = r.community_id and c.subject_id = r.id and c.occurred_on > ${cutoff}
) or exists (
  select 1 from contact c where c.community_id = r.community_id and c.subject_id = r.household_id
    and c.occurred_on > ${cutoff}))`;
const pairedSql = sql`exists (
  select 1 from pairing p where p.community_id = r.community_id and p.resident_id = r.id and p.status = 'active')`;

/**
 * The left-out monitor's facts, grouped: active residents carrying each stored tag, how many are paired, and how
 * many had no contact (theirs or their household's) after `cutoff` (today less the alert days): left out.
 */
export async function coverageByTag(db: DbOrTrx, s: Scope, tags: readonly string[], cutoff: string) {
  if (!tags.length) return [];
  const { rows } = await sql<{ community_id: string; tag: string; c: unknown; p: unknown; l: unknown }>`
    select r.community_id, t.tag, count(*) as c,
      sum(case when ${pairedSql} then 1 else 0 end) as p,
      sum(case when ${recent(cutoff)} then 0 else 1 end) as l
    from resident_tag t
    inner join resident r on r.community_id = t.community_id and r.id = t.resident_id
    where ${inIds('t.community_id', s.ids)} and r.status = 'active'
      and t.tag in (${sql.join(tags.map((x) => sql`${x}`))}) and ${gridIs('r.grid_id', s.gridId)}
    group by r.community_id, t.tag`.execute(db);
  return rows.map((r) => ({
    communityId: r.community_id,
    tag: r.tag,
    residents: n(r.c),
    paired: n(r.p),
    leftOut: n(r.l),
  }));
}

/**
 * The same per community and grid, each resident once (whatever their number of groups): from the tagged residents
 * (the tag index), not from every resident probing for a tag.
 */
export async function coverageByGrid(db: DbOrTrx, s: Scope, tags: readonly string[], cutoff: string) {
  if (!tags.length) return [];
  const { rows } = await sql<{ community_id: string; grid_id: string; c: unknown; p: unknown; l: unknown }>`
    select r.community_id, r.grid_id, count(*) as c,
      sum(case when ${pairedSql} then 1 else 0 end) as p,
      sum(case when ${recent(cutoff)} then 0 else 1 end) as l
    from (
      select distinct t.community_id, t.resident_id from resident_tag t
      where ${inIds('t.community_id', s.ids)} and t.tag in (${sql.join(tags.map((x) => sql`${x}`))})
    ) x
    inner join resident r on r.community_id = x.community_id and r.id = x.resident_id
    where r.status = 'active' and ${gridIs('r.grid_id', s.gridId)}
    group by r.community_id, r.grid_id`.execute(db);
  return rows.map((r) => ({
    communityId: r.community_id,
    gridId: r.grid_id,
    residents: n(r.c),
    paired: n(r.p),
    leftOut: n(r.l),
  }));
}

// ------------------------------------------------------------------------------------------- classroom

/** Sessions per month (the community's), and check-ins and absences reported (children of the grid). */
export async function classroom(db: DbOrTrx, s: Scope) {
  const [sessions, attendance] = await Promise.all([
    sql<{ month: string; c: unknown }>`
      select substr(date, 1, 7) as month, count(*) as c from classroom_session
      where ${inIds('community_id', s.ids)} and date >= ${s.from} and date <= ${s.to}
      group by substr(date, 1, 7)`.execute(db),
    sql<{ month: string; i: unknown; a: unknown }>`
      select substr(se.date, 1, 7) as month,
        sum(case when a.checked_in_at is not null then 1 else 0 end) as i,
        sum(case when a.absent_reported_at is not null then 1 else 0 end) as a
      from classroom_attendance a
      inner join classroom_session se on se.community_id = a.community_id and se.id = a.session_id
      inner join classroom_child ch on ch.community_id = a.community_id and ch.id = a.child_id
      left join household h on h.community_id = ch.community_id and h.id = ch.household_id
      where ${inIds('a.community_id', s.ids)} and se.date >= ${s.from} and se.date <= ${s.to}
        and ${gridIs('h.grid_id', s.gridId)}
      group by substr(se.date, 1, 7)`.execute(db),
  ]);
  return {
    sessions: sessions.rows.map((r) => ({ month: r.month, count: n(r.c) })),
    attendance: attendance.rows.map((r) => ({ month: r.month, checkIns: n(r.i), absences: n(r.a) })),
  };
}

// ------------------------------------------------------------------------------------------- badges

/** Badge scans per UTC hour and kind (folded into local months by the caller), and finds per local month. */
export async function badges(db: DbOrTrx, s: Scope) {
  const [scans, finds] = await Promise.all([
    sql<{ hour: string; kind: string; c: unknown }>`
      select substr(sc.at, 1, 13) as hour, sc.kind, count(*) as c
      from badge_scan sc
      inner join badge b on b.community_id = sc.community_id and b.id = sc.badge_id
      inner join resident r on r.community_id = b.community_id and r.id = b.resident_id
      where ${inIds('sc.community_id', s.ids)} and sc.at >= ${s.fromAt} and sc.at < ${s.toAt}
        and ${gridIs('r.grid_id', s.gridId)}
      group by substr(sc.at, 1, 13), sc.kind`.execute(db),
    sql<{ month: string; c: unknown }>`
      select substr(c.occurred_on, 1, 7) as month, count(*) as c
      from contact c
      inner join household h on h.community_id = c.community_id and h.id = c.household_id
      where ${inIds('c.community_id', s.ids)} and c.kind = 'badge_return'
        and c.occurred_on >= ${s.from} and c.occurred_on <= ${s.to} and ${gridIs('h.grid_id', s.gridId)}
      group by substr(c.occurred_on, 1, 7)`.execute(db),
  ]);
  return {
    scans: scans.rows.map((r) => ({ hour: r.hour, kind: r.kind, count: n(r.c) })),
    finds: finds.rows.map((r) => ({ month: r.month, count: n(r.c) })),
  };
}

// ------------------------------------------------------------------------------------------- activities

const attendedSql = sql`(select count(*) from activity_signup su
  where su.community_id = a.community_id and su.activity_id = a.id and su.checked_in_at is not null)`;

/** Published activities made from a festival template, per festival: how many, and attendances checked in. */
export async function festivals(db: DbOrTrx, s: Scope, keys: readonly string[]) {
  const { rows } = await sql<{ k: string; c: unknown; att: unknown }>`
    select a.template_key as k, count(*) as c, sum(${attendedSql}) as att
    from activity a
    where ${inIds('a.community_id', s.ids)} and a.status = 'published' and a.date >= ${s.from} and a.date <= ${s.to}
      and a.template_key in (${sql.join(keys.map((x) => sql`${x}`))})
    group by a.template_key`.execute(db);
  return rows.map((r) => ({ key: r.k, activities: n(r.c), attended: n(r.att) }));
}

/** Published performances per month: how many, their audience and programme items. */
export async function performances(db: DbOrTrx, s: Scope) {
  const { rows } = await sql<{ month: string; c: unknown; aud: unknown; items: unknown }>`
    select substr(a.date, 1, 7) as month, count(*) as c, coalesce(sum(a.audience_count), 0) as aud,
      sum((select count(*) from activity_programme_item pi
        where pi.community_id = a.community_id and pi.activity_id = a.id)) as items
    from activity a
    where ${inIds('a.community_id', s.ids)} and a.status = 'published' and a.kind = 'performance'
      and a.date >= ${s.from} and a.date <= ${s.to}
    group by substr(a.date, 1, 7)`.execute(db);
  return rows.map((r) => ({ month: r.month, performances: n(r.c), audience: n(r.aud), items: n(r.items) }));
}

// ------------------------------------------------------------------------------------------- names and reports

export const communityNames = (db: DbOrTrx, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('community')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);
export const gridNames = (db: DbOrTrx, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('grid')
        .select(['community_id', 'id', 'name', 'code'])
        .where('community_id', 'in', [...ids])
        .orderBy('code')
        .execute()
    : Promise.resolve([]);
export const allCommunities = (db: DbOrTrx) =>
  db.selectFrom('community').select(['id', 'name']).orderBy('id').execute();

// ------------------------------------------------------------------------------------------- stored figures

/** When each community's stored rows were computed, and over which window (no data: the cheap check). */
export const rollupStamps = (db: DbOrTrx, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('indicators_rollup')
        .select(['community_id', 'window_from', 'window_to', 'computed_at'])
        .where('community_id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const rollupData = (db: DbOrTrx, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('indicators_rollup')
        .select(['community_id', 'computed_at', 'data'])
        .where('community_id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export async function storeRollup(
  db: DbOrTrx,
  row: { community_id: string; window_from: string; window_to: string; computed_at: string; data: string },
) {
  await db
    .insertInto('indicators_rollup')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        window_from: row.window_from,
        window_to: row.window_to,
        computed_at: row.computed_at,
        data: row.data,
      }),
    )
    .execute();
}

/** Every street office that has communities, with their ids (oldest first). */
export async function streetsWithCommunities(db: DbOrTrx) {
  const rows = await db
    .selectFrom('community as c')
    .innerJoin('region as r', 'r.id', 'c.street_id')
    .select(['r.id as streetId', 'r.name as streetName', 'c.id as communityId'])
    .orderBy('r.id')
    .orderBy('c.id')
    .execute();
  const out = new Map<string, { id: string; name: string; communityIds: string[] }>();
  for (const r of rows) {
    const e = out.get(r.streetId) ?? { id: r.streetId, name: r.streetName, communityIds: [] };
    e.communityIds.push(r.communityId);
    out.set(r.streetId, e);
  }
  return [...out.values()];
}
