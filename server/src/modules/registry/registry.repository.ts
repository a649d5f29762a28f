// All SQL of the registry. Rows never leave this module raw: the service maps them.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { givenFields, prepared } from '../../db/prepared.ts';
import { pinyinStartsWith } from '../../db/prefix.ts';
import type {
  Database,
  FamilyContactTable,
  ConsentRecordTable,
  HouseholdTable,
  ResidentTable,
  ResidentTagTable,
} from '../../db/schema/index.ts';
import { byNumberedText } from '../../../../domain/shared/collate.ts';

export interface ResidentFilter {
  communityId: string;
  /** Limit to one grid (a grid leader's scope) — combined with gridId when both are set. */
  scopeGridId: string | null;
  gridId?: string;
  buildingId?: string;
  householdId?: string;
  nameContains?: string;
  pinyinPrefix?: string;
  phoneTail?: string;
  tag?: string;
  gender?: string;
  bornOnOrAfter?: string;
  bornOnOrBefore?: string;
  dibaoToken?: string;
}

const residentColumns = [
  'r.id',
  'r.name',
  'r.gender',
  'r.birth_date',
  'r.phone',
  'r.household_id',
  'r.grid_id',
  'r.id_number_masked',
  'h.unit',
  'h.room',
  'b.number as building_number',
  'b.street',
] as const;

/**
 * The residents a filter selects, from the resident table alone: household-level filters are EXISTS, so the
 * database filters, counts and sorts narrow rows, and the address is joined only where it is shown.
 */
function residentFiltered(db: DbOrTrx, f: ResidentFilter) {
  let q = db.selectFrom('resident as r').where('r.community_id', '=', f.communityId).where('r.status', '=', 'active');
  if (f.scopeGridId) q = q.where('r.grid_id', '=', f.scopeGridId);
  if (f.gridId) q = q.where('r.grid_id', '=', f.gridId);
  if (f.householdId) q = q.where('r.household_id', '=', f.householdId);
  if (f.gender) q = q.where('r.gender', '=', f.gender);
  // With a pinyin prefix to narrow by, an age range must not choose the index: without statistics SQLite
  // prefers resident_birth_ix (every elder of the community) to the two pinyin ranges (a few dozen rows),
  // 3-4 times slower. `|| ''` keeps the condition and leaves the index alone, on both databases.
  const birth = f.pinyinPrefix ? sql<string>`(${sql.ref('r.birth_date')} || '')` : sql.ref<string>('r.birth_date');
  if (f.bornOnOrAfter) q = q.where(birth, '>=', f.bornOnOrAfter);
  if (f.bornOnOrBefore) q = q.where(birth, '<=', f.bornOnOrBefore);
  if (f.nameContains) q = q.where('r.name', 'like', `%${escapeLike(f.nameContains)}%`);
  if (f.phoneTail) q = q.where('r.phone', 'like', `%${f.phoneTail}`);
  if (f.pinyinPrefix) q = q.where(pinyinStartsWith('r.name_pinyin', 'r.name_initials', f.pinyinPrefix));
  if (f.buildingId || f.dibaoToken) {
    const { buildingId, dibaoToken } = f;
    q = q.where((eb) => {
      let h = eb
        .selectFrom('household as h')
        .select(sql`1`.as('one'))
        .whereRef('h.community_id', '=', 'r.community_id')
        .whereRef('h.id', '=', 'r.household_id');
      if (buildingId) h = h.where('h.building_id', '=', buildingId);
      if (dibaoToken) h = h.where('h.dibao_token', '=', dibaoToken);
      return eb.exists(h);
    });
  }
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resident_tag as t')
          .select(sql`1`.as('one'))
          .whereRef('t.community_id', '=', 'r.community_id')
          .whereRef('t.resident_id', '=', 'r.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  return q;
}

/** The filtered residents with their address (household and building) joined. */
function residentBase(db: DbOrTrx, f: ResidentFilter) {
  return residentFiltered(db, f)
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    );
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}

export type ResidentRow = Awaited<ReturnType<typeof searchResidents>>['rows'][number];

/**
 * One page in name order, and how many match. The page's ids are cut from resident_active_pinyin_ix (community,
 * status, pinyin, id, name) in its order, so the database sorts nothing; then only its rows are read and joined to
 * their address. The total is a separate count, index-only on the same index when unfiltered or filtered by name:
 * carried on the page as count(*) over (), it made the database read and sort the whole community on every page
 * (318 ms p99 at 10 connections on the Xiguan demo, SQLite).
 */
export async function searchResidents(db: DbOrTrx, f: ResidentFilter, page: number, pageSize: number) {
  const rows = (await residentPage(db, givenFields(f), pageSize, (page - 1) * pageSize)).rows;
  // A short first page is the whole result: no count needed.
  const total = page === 1 && rows.length < pageSize ? rows.length : await countResidents(db, f);
  return { rows, total };
}

// Built and compiled once per filter shape: building the query took a tenth of a list request's time on SQLite.
const residentPage = prepared((db, f: ResidentFilter, limit: number, offset: number) => {
  // Only the index's columns: with a name filter too, the page's ids come from the index alone (PostgreSQL would
  // otherwise read every row of the community from the table to test its name: 3.0 ms a search against 1.0).
  const pageOf = residentFiltered(db, f)
    .select(['r.community_id', 'r.id', 'r.name_pinyin'])
    .orderBy('r.name_pinyin')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset);
  return db
    .selectFrom(pageOf.as('p'))
    .innerJoin('resident as r', (j) => j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.id'))
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .select(residentColumns)
    .orderBy('p.name_pinyin')
    .orderBy('p.id');
});
const residentCount = prepared((db, f: ResidentFilter) =>
  residentFiltered(db, f).select((eb) => eb.fn.countAll<number>().as('n')),
);

/** Streams every matching resident in pages (exports), keyset-paged so memory stays flat. */
export async function* allResidents(db: DbOrTrx, f: ResidentFilter, batch = 2000) {
  let after = '';
  for (;;) {
    const rows = await residentBase(db, f)
      .select(residentColumns)
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countResidents(db: DbOrTrx, f: ResidentFilter) {
  return Number((await residentCount(db, givenFields(f))).rows[0]!.n);
}

export async function tagsOf(db: DbOrTrx, communityId: string, residentIds: string[]) {
  if (!residentIds.length) return [];
  return db
    .selectFrom('resident_tag')
    .select(['resident_id', 'tag'])
    .where('community_id', '=', communityId)
    .where('resident_id', 'in', residentIds)
    .execute();
}

export async function getResident(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('resident as r')
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .selectAll('r')
    .select(['h.unit', 'h.room', 'h.dibao_token', 'h.dibao_enc', 'b.number as building_number', 'b.street'])
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function findResidentIdByToken(db: DbOrTrx, communityId: string, token: string) {
  const r = await db
    .selectFrom('resident')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id_number_token', '=', token)
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function insertResident(db: DbOrTrx, row: ResidentTable) {
  await db.insertInto('resident').values(row).execute();
}

// Bulk inserts for imports. Batches keep each statement well under SQLite's (32766) and PostgreSQL's (65535)
// bound-parameter limits: a resident row has 20 columns, so 500 rows bind 10,000 values.
async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function insertResidents(db: DbOrTrx, rows: ResidentTable[]) {
  await insertInBatches(rows, 500, (b) => db.insertInto('resident').values(b).execute());
}

export async function insertHouseholds(db: DbOrTrx, rows: HouseholdTable[]) {
  await insertInBatches(rows, 800, (b) => db.insertInto('household').values(b).execute());
}

export async function insertTags(db: DbOrTrx, rows: ResidentTagTable[]) {
  await insertInBatches(rows, 3000, (b) => db.insertInto('resident_tag').values(b).execute());
}

/** Which of these ID-number tokens are taken in the community. */
export async function existingIdNumberTokens(db: DbOrTrx, communityId: string, tokens: string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i += 1000) {
    const rows = await db
      .selectFrom('resident')
      .select('id_number_token')
      .where('community_id', '=', communityId)
      .where('id_number_token', 'in', tokens.slice(i, i + 1000))
      .execute();
    for (const r of rows) if (r.id_number_token) found.push(r.id_number_token);
  }
  return found;
}

export async function updateResident(db: DbOrTrx, communityId: string, id: string, set: Partial<ResidentTable>) {
  await db.updateTable('resident').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export async function replaceTags(db: DbOrTrx, communityId: string, residentId: string, tags: string[]) {
  await db
    .deleteFrom('resident_tag')
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .execute();
  if (tags.length)
    await db
      .insertInto('resident_tag')
      .values(tags.map((tag) => ({ community_id: communityId, resident_id: residentId, tag })))
      .execute();
}

export async function contactsOf(db: DbOrTrx, communityId: string, residentId: string) {
  return db
    .selectFrom('family_contact')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .orderBy('created_at')
    .execute();
}

export async function insertContact(db: DbOrTrx, row: FamilyContactTable) {
  await db.insertInto('family_contact').values(row).execute();
}

export async function deleteContact(db: DbOrTrx, communityId: string, residentId: string, id: string) {
  const r = await db
    .deleteFrom('family_contact')
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function clearPrimaryContact(db: DbOrTrx, communityId: string, residentId: string) {
  await db
    .updateTable('family_contact')
    .set({ is_primary: 0 })
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .execute();
}

export async function consentsOf(db: DbOrTrx, communityId: string, residentId: string) {
  return db
    .selectFrom('consent_record')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .orderBy('given_at')
    .execute();
}

export async function insertConsent(db: DbOrTrx, row: ConsentRecordTable) {
  await db.insertInto('consent_record').values(row).execute();
}

export async function withdrawConsent(db: DbOrTrx, communityId: string, residentId: string, id: string, at: string) {
  const r = await db
    .updateTable('consent_record')
    .set({ withdrawn_at: at })
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- grids and buildings ----

export async function listGrids(db: DbOrTrx, communityId: string, onlyGridId: string | null) {
  let q = db
    .selectFrom('grid as g')
    .where('g.community_id', '=', communityId)
    .select((eb) => [
      'g.id',
      'g.code',
      'g.name',
      eb
        .selectFrom('building as b')
        .whereRef('b.community_id', '=', 'g.community_id')
        .whereRef('b.grid_id', '=', 'g.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('buildings'),
      eb
        .selectFrom('household as h')
        .whereRef('h.community_id', '=', 'g.community_id')
        .whereRef('h.grid_id', '=', 'g.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('households'),
      eb
        .selectFrom('resident as r')
        .whereRef('r.community_id', '=', 'g.community_id')
        .whereRef('r.grid_id', '=', 'g.id')
        .where('r.status', '=', 'active')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('residents'),
      eb
        .selectFrom('membership as m')
        .innerJoin('account as a', 'a.id', 'm.account_id')
        .whereRef('m.community_id', '=', 'g.community_id')
        .whereRef('m.grid_id', '=', 'g.id')
        .where('m.role', '=', 'grid_leader')
        .select('a.name')
        .orderBy('m.created_at')
        .limit(1)
        .as('leader_name'),
    ])
    .orderBy('g.code');
  if (onlyGridId) q = q.where('g.id', '=', onlyGridId);
  return q.execute();
}

export async function getGrid(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('grid')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listBuildings(
  db: DbOrTrx,
  communityId: string,
  gridId: string | null,
  scopeGridId: string | null,
) {
  let q = db
    .selectFrom('building as b')
    .innerJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'b.community_id').onRef('g.id', '=', 'b.grid_id'))
    .where('b.community_id', '=', communityId)
    .select((eb) => [
      'b.id',
      'b.number',
      'b.street',
      'b.grid_id',
      'g.name as grid_name',
      eb
        .selectFrom('household as h')
        .whereRef('h.community_id', '=', 'b.community_id')
        .whereRef('h.building_id', '=', 'b.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('households'),
    ]);
  if (gridId) q = q.where('b.grid_id', '=', gridId);
  if (scopeGridId) q = q.where('b.grid_id', '=', scopeGridId);
  const rows = await q.execute();
  // Natural order: 2号楼 before 10号楼.
  return rows.sort((a, b) => byNumberedText(a.number, b.number));
}

export async function getBuilding(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('building')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findBuildingByNumber(db: DbOrTrx, communityId: string, number: string) {
  return db
    .selectFrom('building')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Every building of a community, without counts (import lookups). */
export async function buildingsOf(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('building')
    .select(['id', 'number', 'grid_id'])
    .where('community_id', '=', communityId)
    .execute();
}

export async function insertBuilding(db: DbOrTrx, row: Database['building']) {
  await db.insertInto('building').values(row).execute();
}

// ---- households ----

export interface HouseholdFilter {
  communityId: string;
  scopeGridId: string | null;
  gridId?: string;
  buildingId?: string;
  dibaoToken?: string;
  isMigrant?: boolean;
}

function householdBase(db: DbOrTrx, f: HouseholdFilter) {
  let q = db
    .selectFrom('household as h')
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .where('h.community_id', '=', f.communityId);
  if (f.scopeGridId) q = q.where('h.grid_id', '=', f.scopeGridId);
  if (f.gridId) q = q.where('h.grid_id', '=', f.gridId);
  if (f.buildingId) q = q.where('h.building_id', '=', f.buildingId);
  if (f.dibaoToken) q = q.where('h.dibao_token', '=', f.dibaoToken);
  if (f.isMigrant !== undefined) q = q.where('h.is_migrant', '=', f.isMigrant ? 1 : 0);
  return q;
}

const householdColumns = (eb: ExpressionBuilder<any, any>) =>
  [
    'h.id',
    'h.building_id',
    'h.grid_id',
    'h.unit',
    'h.room',
    'h.is_migrant',
    'h.dibao_token',
    'h.note',
    'h.created_at',
    'h.updated_at',
    'b.number as building_number',
    'b.street',
    eb
      .selectFrom('resident as r')
      .whereRef('r.community_id', '=', 'h.community_id')
      .whereRef('r.household_id', '=', 'h.id')
      .where('r.status', '=', 'active')
      .select((e: any) => e.fn.countAll().as('n'))
      .as('member_count'),
    eb
      .selectFrom('resident as r')
      .whereRef('r.community_id', '=', 'h.community_id')
      .whereRef('r.household_id', '=', 'h.id')
      .where('r.relation_to_head', '=', 'head')
      .select('r.name')
      .limit(1)
      .as('head_name'),
  ] as any;

export interface HouseholdRow {
  id: string;
  building_id: string;
  grid_id: string;
  unit: string;
  room: string;
  is_migrant: number;
  dibao_token: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  building_number: string;
  street: string;
  member_count: number;
  head_name: string | null;
}

/**
 * One page in address order (building number, unit, room; id breaks ties so pages never overlap), and how many
 * match. The page is cut with only what orders it, then only its rows get their member count and head: computed in
 * the sorted query, SQLite counted the members of every household of the community on each page. The total is
 * counted apart.
 */
export async function listHouseholds(db: DbOrTrx, f: HouseholdFilter, page: number, pageSize: number) {
  // The count beside the page, not after it: on PostgreSQL the two go on two connections at once.
  const [pageRows, total] = await Promise.all([
    householdPage(db, givenFields(f), pageSize, (page - 1) * pageSize),
    countHouseholds(db, f),
  ]);
  return { rows: pageRows.rows, total };
}

// Built and compiled once per filter shape (see residentPage).
const householdPage = prepared((db, f: HouseholdFilter, limit: number, offset: number) => {
  const pageOf = householdBase(db, f)
    .select(['h.community_id', 'h.id', 'b.number as building_number', 'h.unit', 'h.room'])
    .orderBy('b.number')
    .orderBy('h.unit')
    .orderBy('h.room')
    .orderBy('h.id')
    .limit(limit)
    .offset(offset);
  return (
    db
      .selectFrom(pageOf.as('p'))
      .innerJoin('household as h', (j) => j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.id'))
      .innerJoin('building as b', (j) =>
        j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
      )
      .select(householdColumns) as SelectQueryBuilder<any, any, HouseholdRow>
  )
    .orderBy('p.building_number')
    .orderBy('p.unit')
    .orderBy('p.room')
    .orderBy('p.id');
});
const householdCount = prepared((db, f: HouseholdFilter) =>
  householdBase(db, f).select((eb) => eb.fn.countAll<number>().as('n')),
);

export async function* allHouseholds(db: DbOrTrx, f: HouseholdFilter, batch = 2000) {
  let after = '';
  for (;;) {
    const rows = (await (householdBase(db, f).select(householdColumns) as any)
      .where('h.id', '>', after)
      .orderBy('h.id')
      .limit(batch)
      .execute()) as HouseholdRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countHouseholds(db: DbOrTrx, f: HouseholdFilter) {
  return Number((await householdCount(db, givenFields(f))).rows[0]!.n);
}

export async function householdsInBuildings(db: DbOrTrx, communityId: string, buildingIds: string[]) {
  const out: Array<
    Pick<HouseholdTable, 'id' | 'building_id' | 'grid_id' | 'unit' | 'room' | 'is_migrant' | 'dibao_token'>
  > = [];
  for (let i = 0; i < buildingIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('household')
        .select(['id', 'building_id', 'grid_id', 'unit', 'room', 'is_migrant', 'dibao_token'])
        .where('community_id', '=', communityId)
        .where('building_id', 'in', buildingIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function getHousehold(
  db: DbOrTrx,
  communityId: string,
  id: string,
): Promise<(HouseholdRow & { dibao_enc: string | null }) | undefined> {
  return (await (householdBase(db, { communityId, scopeGridId: null }).select(householdColumns) as any)
    .select('h.dibao_enc')
    .where('h.id', '=', id)
    .executeTakeFirst()) as any;
}

export async function findHouseholdByAddress(
  db: DbOrTrx,
  communityId: string,
  buildingId: string,
  unit: string,
  room: string,
) {
  return db
    .selectFrom('household')
    .select(['id', 'grid_id'])
    .where('community_id', '=', communityId)
    .where('building_id', '=', buildingId)
    .where('unit', '=', unit)
    .where('room', '=', room)
    .executeTakeFirst();
}

export async function insertHousehold(db: DbOrTrx, row: HouseholdTable) {
  await db.insertInto('household').values(row).execute();
}

export async function updateHousehold(db: DbOrTrx, communityId: string, id: string, set: Partial<HouseholdTable>) {
  await db.updateTable('household').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

// ---- summary ----

export async function summaryCounts(
  db: DbOrTrx,
  communityId: string,
  scopeGridId: string | null,
  aged60Born: string,
  dibaoTrue: string,
) {
  const grid = (q: any, col: string) => (scopeGridId ? q.where(col, '=', scopeGridId) : q);
  const [grids, buildings, households, dibao, residents, aged, tags] = await Promise.all([
    grid(db.selectFrom('grid').where('community_id', '=', communityId), 'id')
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    grid(db.selectFrom('building').where('community_id', '=', communityId), 'grid_id')
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    grid(db.selectFrom('household').where('community_id', '=', communityId), 'grid_id')
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    grid(
      db.selectFrom('household').where('community_id', '=', communityId).where('dibao_token', '=', dibaoTrue),
      'grid_id',
    )
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    grid(db.selectFrom('resident').where('community_id', '=', communityId).where('status', '=', 'active'), 'grid_id')
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    grid(
      db
        .selectFrom('resident')
        .where('community_id', '=', communityId)
        .where('status', '=', 'active')
        .where('birth_date', '<=', aged60Born),
      'grid_id',
    )
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    (scopeGridId
      ? db
          .selectFrom('resident_tag as t')
          .innerJoin('resident as r', (j) =>
            j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.resident_id'),
          )
          .where('r.grid_id', '=', scopeGridId)
      : db.selectFrom('resident_tag as t')
    )
      .where('t.community_id', '=', communityId)
      .select(['t.tag', (eb: any) => eb.fn.countAll().as('n')])
      .groupBy('t.tag')
      .execute(),
  ]);
  return {
    grids: Number(grids.n),
    buildings: Number(buildings.n),
    households: Number(households.n),
    dibaoHouseholds: Number(dibao.n),
    residents: Number(residents.n),
    residentsAged60Plus: Number(aged.n),
    tags: (tags as unknown as Array<{ tag: string; n: number }>).map((t) => ({ tag: t.tag, n: Number(t.n) })),
  };
}
