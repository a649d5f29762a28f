// All SQL of home care, hospital accompaniment and delivery runs. Every query is limited to one community.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type {
  DeliveryRecipientTable,
  DeliveryRunTable,
  HomecareTaskTable,
  HospitalShiftTable,
  HospitalStayTable,
} from '../../db/schema/homecare.ts';

const affected = (r: { numUpdatedRows?: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0n);

// ------------------------------------------------------------------------------------------------ tasks

function taskBase(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('homecare_task as t')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.resident_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .leftJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 't.community_id').onRef('v.id', '=', 't.volunteer_id'),
    )
    .selectAll('t')
    .select(['r.name as resident_name', 'b.number as building', 'h.unit', 'h.room', 'v.name as volunteer_name'])
    .where('t.community_id', '=', communityId);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskBase>['execute']>>[number];

export function listTasks(
  db: DbOrTrx,
  communityId: string,
  f: { status?: string; residentId?: string; volunteerId?: string; dueFrom?: string; limit?: number },
) {
  let q = taskBase(db, communityId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.residentId) q = q.where('t.resident_id', '=', f.residentId);
  if (f.volunteerId) q = q.where('t.volunteer_id', '=', f.volunteerId);
  if (f.dueFrom) q = q.where('t.due_on', '>=', f.dueFrom);
  return q
    .orderBy('t.due_on', f.status === 'done' ? 'desc' : 'asc')
    .orderBy('t.id')
    .limit(f.limit ?? 500)
    .execute();
}

/** A page of tasks (by status, of one resident), in the list's order, and how many match. */
export async function pageTasks(
  db: DbOrTrx,
  communityId: string,
  f: { status?: string; residentId?: string; page: number; pageSize: number },
) {
  let count = db.selectFrom('homecare_task as t').where('t.community_id', '=', communityId);
  if (f.status) count = count.where('t.status', '=', f.status);
  if (f.residentId) count = count.where('t.resident_id', '=', f.residentId);
  let q = taskBase(db, communityId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.residentId) q = q.where('t.resident_id', '=', f.residentId);
  const [rows, n] = await Promise.all([
    q
      .orderBy('t.due_on', f.status === 'done' ? 'desc' : 'asc')
      .orderBy('t.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

export function getTask(db: DbOrTrx, communityId: string, id: string) {
  return taskBase(db, communityId).where('t.id', '=', id).executeTakeFirst();
}

export async function insertTask(db: DbOrTrx, row: HomecareTaskTable) {
  await db.insertInto('homecare_task').values(row).execute();
}

/** Changes a task only while it is in one of `from`: the conditional update two volunteers race on. */
export async function updateTaskIf(
  db: DbOrTrx,
  communityId: string,
  id: string,
  from: readonly string[],
  set: Partial<HomecareTaskTable>,
  extra?: { volunteerId?: string | null },
) {
  let q = db
    .updateTable('homecare_task')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', 'in', from);
  if (extra && 'volunteerId' in extra)
    q =
      extra.volunteerId === null
        ? q.where('volunteer_id', 'is', null)
        : q.where('volunteer_id', '=', extra.volunteerId!);
  return affected(await q.executeTakeFirst());
}

// ------------------------------------------------------------------------------------------- hospital

function stayBase(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('hospital_stay as s')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .selectAll('s')
    .select('r.name as resident_name')
    .where('s.community_id', '=', communityId);
}
export type StayRow = Awaited<ReturnType<ReturnType<typeof stayBase>['execute']>>[number];

export function listStays(db: DbOrTrx, communityId: string) {
  return stayBase(db, communityId).orderBy('s.admitted_on', 'desc').limit(200).execute();
}
export function getStay(db: DbOrTrx, communityId: string, id: string) {
  return stayBase(db, communityId).where('s.id', '=', id).executeTakeFirst();
}
export async function insertStay(db: DbOrTrx, row: HospitalStayTable) {
  await db.insertInto('hospital_stay').values(row).execute();
}
export async function dischargeStay(db: DbOrTrx, communityId: string, id: string, on: string) {
  return affected(
    await db
      .updateTable('hospital_stay')
      .set({ discharged_on: on })
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .where('discharged_on', 'is', null)
      .executeTakeFirst(),
  );
}

/** Inserts the shifts not already there (the unique slot index keeps a regenerated rota single). */
export async function insertShifts(db: DbOrTrx, rows: HospitalShiftTable[]) {
  let n = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('hospital_shift')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['community_id', 'stay_id', 'starts_at']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return n;
}

function shiftBase(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('hospital_shift as f')
    .innerJoin('hospital_stay as s', (j) =>
      j.onRef('s.community_id', '=', 'f.community_id').onRef('s.id', '=', 'f.stay_id'),
    )
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .leftJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.volunteer_id'),
    )
    .selectAll('f')
    .select([
      's.hospital',
      's.ward',
      's.discharged_on',
      's.resident_id',
      'r.name as resident_name',
      'v.name as volunteer_name',
    ])
    .where('f.community_id', '=', communityId);
}
export type ShiftRow = Awaited<ReturnType<ReturnType<typeof shiftBase>['execute']>>[number];

export function shiftsOfStay(db: DbOrTrx, communityId: string, stayId: string) {
  return shiftBase(db, communityId).where('f.stay_id', '=', stayId).orderBy('f.starts_at').execute();
}
export function getShift(db: DbOrTrx, communityId: string, id: string) {
  return shiftBase(db, communityId).where('f.id', '=', id).executeTakeFirst();
}
export function openShifts(db: DbOrTrx, communityId: string, fromIso: string, toIso: string) {
  return shiftBase(db, communityId)
    .where('f.status', '=', 'open')
    .where('s.discharged_on', 'is', null)
    .where('f.starts_at', '>=', fromIso)
    .where('f.starts_at', '<=', toIso)
    .orderBy('f.starts_at')
    .limit(200)
    .execute();
}
export function shiftsOf(db: DbOrTrx, communityId: string, volunteerId: string, fromIso: string) {
  return shiftBase(db, communityId)
    .where('f.volunteer_id', '=', volunteerId)
    .where('f.status', 'in', ['assigned', 'done'])
    .where('f.ends_at', '>=', fromIso)
    .orderBy('f.starts_at')
    .limit(200)
    .execute();
}
/**
 * Shifts per stay and status; `soon` counts the gaps as isUncoveredSoon does (open, not over at `now`,
 * starting by `soonTo`).
 */
export async function shiftCounts(db: DbOrTrx, communityId: string, stayIds: string[], now: string, soonTo: string) {
  if (!stayIds.length) return [];
  return db
    .selectFrom('hospital_shift')
    .select([
      'stay_id',
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when status = 'open' and ends_at > ${now} and starts_at <= ${soonTo} then 1 else 0 end)`.as(
        'soon',
      ),
    ])
    .where('community_id', '=', communityId)
    .where('stay_id', 'in', stayIds)
    .groupBy(['stay_id', 'status'])
    .execute();
}
export async function updateShiftIf(
  db: DbOrTrx,
  communityId: string,
  id: string,
  from: readonly string[],
  set: Partial<HospitalShiftTable>,
  extra?: { volunteerId?: string | null },
) {
  let q = db
    .updateTable('hospital_shift')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', 'in', from);
  if (extra && 'volunteerId' in extra)
    q =
      extra.volunteerId === null
        ? q.where('volunteer_id', 'is', null)
        : q.where('volunteer_id', '=', extra.volunteerId!);
  return affected(await q.executeTakeFirst());
}
/**
 * A shift the volunteer already holds (assigned or served) overlapping [startsAt, endsAt): taking a second one
 * would leave its hours refused by the ledger's overlap rule, so the shift would never be recorded.
 */
export function clashingShift(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  startsAt: string,
  endsAt: string,
  exceptId: string,
) {
  return db
    .selectFrom('hospital_shift')
    .select(['id', 'starts_at'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['assigned', 'done'])
    .where('id', '!=', exceptId)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt)
    .limit(1)
    .executeTakeFirst();
}
/**
 * Shifts of a stay that end early: open or assigned ones from `fromIso` on. Returns the assigned volunteers' phones.
 */
export async function cancelShiftsFrom(db: DbOrTrx, communityId: string, stayId: string, fromIso: string) {
  const assigned = await db
    .selectFrom('hospital_shift as f')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.volunteer_id'),
    )
    .select(['f.id', 'f.starts_at', 'v.phone', 'v.name'])
    .where('f.community_id', '=', communityId)
    .where('f.stay_id', '=', stayId)
    .where('f.status', '=', 'assigned')
    .where('f.starts_at', '>=', fromIso)
    .execute();
  const r = await db
    .updateTable('hospital_shift')
    .set({ status: 'cancelled' })
    .where('community_id', '=', communityId)
    .where('stay_id', '=', stayId)
    .where('status', 'in', ['open', 'assigned'])
    .where('starts_at', '>=', fromIso)
    .executeTakeFirst();
  return { cancelled: affected(r), assigned };
}
/**
 * Open shifts not over at `fromIso` and starting by `toIso` (isUncoveredSoon), in every community, for the daily
 * notice.
 */
export function uncoveredShiftsAll(db: DbOrTrx, fromIso: string, toIso: string) {
  return db
    .selectFrom('hospital_shift as f')
    .innerJoin('hospital_stay as s', (j) =>
      j.onRef('s.community_id', '=', 'f.community_id').onRef('s.id', '=', 'f.stay_id'),
    )
    .select(['f.community_id', 'f.id', 'f.starts_at', 's.hospital'])
    .where('f.status', '=', 'open')
    .where('s.discharged_on', 'is', null)
    .where('f.ends_at', '>', fromIso)
    .where('f.starts_at', '<=', toIso)
    .orderBy('f.starts_at')
    .execute();
}

// --------------------------------------------------------------------------------------------- runs

export async function insertRun(db: DbOrTrx, row: DeliveryRunTable) {
  await db.insertInto('delivery_run').values(row).execute();
}
export function getRun(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('delivery_run')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export function listRuns(db: DbOrTrx, communityId: string, ids?: string[]) {
  let q = db.selectFrom('delivery_run').selectAll().where('community_id', '=', communityId);
  if (ids) {
    if (!ids.length) return Promise.resolve([]);
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('run_date', 'desc').orderBy('id').limit(200).execute();
}
export async function insertRecipients(db: DbOrTrx, rows: DeliveryRecipientTable[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('delivery_recipient')
      .values(rows.slice(i, i + 500))
      .execute();
}
export function statusCounts(db: DbOrTrx, communityId: string, runIds: string[], buildings?: string[]) {
  if (!runIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('delivery_recipient')
    .select(['run_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('run_id', 'in', runIds);
  if (buildings) {
    if (!buildings.length) return Promise.resolve([]);
    q = q.where('building', 'in', buildings);
  }
  return q.groupBy(['run_id', 'status']).execute();
}
export function recipientsOf(db: DbOrTrx, communityId: string, runId: string, buildings?: string[]) {
  let q = db
    .selectFrom('delivery_recipient as d')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'd.community_id').onRef('r.id', '=', 'd.resident_id'),
    )
    .selectAll('d')
    .select('r.name')
    .where('d.community_id', '=', communityId)
    .where('d.run_id', '=', runId);
  if (buildings) q = q.where('d.building', 'in', buildings.length ? buildings : ['\u0000']);
  return q.execute();
}
export type RecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];
export function getRecipient(db: DbOrTrx, communityId: string, runId: string, residentId: string) {
  return db
    .selectFrom('delivery_recipient')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('run_id', '=', runId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
}
/** The conditional update a confirmation is: only while still to be reached, and only while the run is open. */
export async function updateRecipientIf(
  db: DbOrTrx,
  communityId: string,
  runId: string,
  residentId: string,
  from: readonly string[],
  set: Partial<DeliveryRecipientTable>,
  bumpAttempts = false,
) {
  const r = await db
    .updateTable('delivery_recipient')
    .set({ ...set, ...(bumpAttempts ? { attempts: sql<number>`attempts + 1` } : {}) } as any)
    .where('community_id', '=', communityId)
    .where('run_id', '=', runId)
    .where('resident_id', '=', residentId)
    .where('status', 'in', from)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('delivery_run as x')
          .select(sql`1`.as('one'))
          .whereRef('x.community_id', '=', 'delivery_recipient.community_id')
          .whereRef('x.id', '=', 'delivery_recipient.run_id')
          .where('x.status', '=', 'open'),
      ),
    )
    .executeTakeFirst();
  return affected(r);
}
/**
 * Takes the run's row lock while it is open (a no-op update: PostgreSQL waits here for a concurrent close,
 * add or confirmation of the same run and then sees its outcome; SQLite runs one write transaction at a time).
 * Every change to a run's list goes through it first, so a close can never miss someone added or confirmed
 * at the same moment. Returns false when the run is absent or closed.
 */
export async function lockOpenRun(db: DbOrTrx, communityId: string, id: string) {
  return (
    affected(
      await db
        .updateTable('delivery_run')
        .set({ status: 'open' })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    ) > 0
  );
}
export async function closeRun(db: DbOrTrx, communityId: string, id: string, by: string, at: string) {
  return affected(
    await db
      .updateTable('delivery_run')
      .set({ status: 'closed', closed_by: by, closed_at: at })
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst(),
  );
}
export function assignmentsOf(db: DbOrTrx, communityId: string, runId: string) {
  return db
    .selectFrom('delivery_assignment as a')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'a.community_id').onRef('v.id', '=', 'a.volunteer_id'),
    )
    .select(['a.building', 'a.volunteer_id', 'v.name'])
    .where('a.community_id', '=', communityId)
    .where('a.run_id', '=', runId)
    .orderBy('v.name')
    .execute();
}
export async function replaceAssignments(
  db: DbOrTrx,
  communityId: string,
  runId: string,
  building: string,
  volunteerIds: string[],
) {
  await db
    .deleteFrom('delivery_assignment')
    .where('community_id', '=', communityId)
    .where('run_id', '=', runId)
    .where('building', '=', building)
    .execute();
  if (volunteerIds.length)
    await db
      .insertInto('delivery_assignment')
      .values(volunteerIds.map((v) => ({ community_id: communityId, run_id: runId, building, volunteer_id: v })))
      .execute();
}
export function myAssignments(db: DbOrTrx, communityId: string, volunteerId: string, runId?: string) {
  let q = db
    .selectFrom('delivery_assignment')
    .select(['run_id', 'building'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId);
  if (runId) q = q.where('run_id', '=', runId);
  return q.execute();
}
export function buildingsOfRun(db: DbOrTrx, communityId: string, runId: string) {
  return db
    .selectFrom('delivery_recipient')
    .select('building')
    .distinct()
    .where('community_id', '=', communityId)
    .where('run_id', '=', runId)
    .execute();
}
/** Open runs whose date has passed with somebody not yet reached, in every community, not yet noticed today. */
export function overdueRunsAll(db: DbOrTrx, today: string) {
  return db
    .selectFrom('delivery_run as x')
    .innerJoin('delivery_recipient as d', (j) =>
      j.onRef('d.community_id', '=', 'x.community_id').onRef('d.run_id', '=', 'x.id'),
    )
    .select(['x.community_id', 'x.id', 'x.title', 'x.run_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('x.status', '=', 'open')
    .where('x.run_date', '<', today)
    .where('d.status', 'in', ['pending', 'absent'])
    .where((eb) => eb.or([eb('x.last_notice_on', 'is', null), eb('x.last_notice_on', '<', today)]))
    .groupBy(['x.community_id', 'x.id', 'x.title', 'x.run_date'])
    .execute();
}
export async function markNoticed(db: DbOrTrx, communityId: string, id: string, today: string) {
  return affected(
    await db
      .updateTable('delivery_run')
      .set({ last_notice_on: today })
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_notice_on', 'is', null), eb('last_notice_on', '<', today)]))
      .executeTakeFirst(),
  );
}

// ------------------------------------------------------------------------------------------- people

export function approvedVolunteers(db: DbOrTrx, communityId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('volunteer')
    .select(['id', 'name', 'phone'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .where('status', '=', 'approved')
    .execute();
}
