// All SQL of appointments: services, providers, schedules, slots with their booked counters, bookings, feeds.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type {
  AppointmentBookingTable,
  AppointmentScheduleTable,
  AppointmentServiceTable,
  AppointmentSlotTable,
} from '../../db/schema/index.ts';

// ---------------- services ----------------

export const listServices = (db: DbOrTrx, communityId: string, activeOnly: boolean) => {
  let q = db.selectFrom('appointment_service').selectAll().where('community_id', '=', communityId);
  if (activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('name').execute();
};

export const getService = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('appointment_service')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const serviceNamed = (db: DbOrTrx, communityId: string, name: string) =>
  db
    .selectFrom('appointment_service')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();

export const insertService = (db: DbOrTrx, row: AppointmentServiceTable) =>
  db.insertInto('appointment_service').values(row).execute();

export const updateService = (db: DbOrTrx, communityId: string, id: string, set: Partial<AppointmentServiceTable>) =>
  db.updateTable('appointment_service').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export const schedulesOf = (db: DbOrTrx, communityId: string, serviceIds: string[]) =>
  serviceIds.length
    ? db
        .selectFrom('appointment_schedule')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('service_id', 'in', serviceIds)
        .orderBy('weekday')
        .orderBy('start_minute')
        .execute()
    : Promise.resolve([]);

export async function replaceSchedule(
  db: DbOrTrx,
  communityId: string,
  serviceId: string,
  rows: AppointmentScheduleTable[],
) {
  await db
    .deleteFrom('appointment_schedule')
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .execute();
  if (rows.length) await db.insertInto('appointment_schedule').values(rows).execute();
}

export const providersOf = (db: DbOrTrx, communityId: string, serviceIds: string[]) =>
  serviceIds.length
    ? db
        .selectFrom('appointment_provider as p')
        .innerJoin('volunteer as v', (j) =>
          j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
        )
        .select(['p.service_id', 'p.volunteer_id', 'v.name', 'v.phone'])
        .where('p.community_id', '=', communityId)
        .where('p.service_id', 'in', serviceIds)
        .orderBy('v.name_pinyin')
        .execute()
    : Promise.resolve([]);

export async function replaceProviders(db: DbOrTrx, communityId: string, serviceId: string, volunteerIds: string[]) {
  await db
    .deleteFrom('appointment_provider')
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .execute();
  if (volunteerIds.length)
    await db
      .insertInto('appointment_provider')
      .values(volunteerIds.map((v) => ({ community_id: communityId, service_id: serviceId, volunteer_id: v })))
      .execute();
}

/** Future slots take a new number of places, never below what is already booked. */
export const resizeFutureSlots = (db: DbOrTrx, communityId: string, serviceId: string, places: number, now: string) =>
  db
    .updateTable('appointment_slot')
    .set({ places: sql<number>`case when booked > ${places} then booked else ${places} end` })
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .where('starts_at', '>', now)
    .execute();

// ---------------- slots ----------------

export const slotCounts = (db: DbOrTrx, communityId: string, serviceId: string, fromIso: string, toIso: string) =>
  db
    .selectFrom('appointment_slot')
    .select(['starts_at', 'places', 'booked'])
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();

/** Makes the slot row if this is its first booking; a concurrent first booking makes it once. */
export const ensureSlot = (db: DbOrTrx, row: AppointmentSlotTable) =>
  db
    .insertInto('appointment_slot')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'service_id', 'starts_at']).doNothing())
    .execute();

/**
 * Takes one place if one is left: a single conditional update. On PostgreSQL a second writer waits for the
 * first's row lock and re-checks `booked < places` against the committed row; SQLite has one writer.
 */
export async function takePlace(
  db: DbOrTrx,
  communityId: string,
  serviceId: string,
  startsAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('appointment_slot')
    .set({ booked: sql<number>`booked + 1` })
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .where('starts_at', '=', startsAt)
    .where(sql<boolean>`booked < places`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const freePlace = (db: DbOrTrx, communityId: string, serviceId: string, startsAt: string) =>
  db
    .updateTable('appointment_slot')
    .set({ booked: sql<number>`booked - 1` })
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .where('starts_at', '=', startsAt)
    .where('booked', '>', 0)
    .execute();

// ---------------- bookings ----------------

export const insertBooking = (db: DbOrTrx, row: AppointmentBookingTable) =>
  db.insertInto('appointment_booking').values(row).execute();

export const liveBookingOf = (
  db: DbOrTrx,
  communityId: string,
  serviceId: string,
  slotStart: string,
  residentId: string,
) =>
  db
    .selectFrom('appointment_booking')
    .select('id')
    .where('community_id', '=', communityId)
    .where('service_id', '=', serviceId)
    .where('slot_start', '=', slotStart)
    .where('resident_id', '=', residentId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();

export const getBooking = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('appointment_booking')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Cancels a live booking; false when it was not live (already cancelled by someone else). */
export async function cancelBooking(
  db: DbOrTrx,
  communityId: string,
  id: string,
  by: string,
  reason: string | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('appointment_booking')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: by, cancel_reason: reason })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Bookings (b) with their service (s), slot (sl) and resident (r). */
function bookingsJoined(db: DbOrTrx) {
  return db
    .selectFrom('appointment_booking as b')
    .innerJoin('appointment_service as s', (j) =>
      j.onRef('s.community_id', '=', 'b.community_id').onRef('s.id', '=', 'b.service_id'),
    )
    .innerJoin('appointment_slot as sl', (j) =>
      j
        .onRef('sl.community_id', '=', 'b.community_id')
        .onRef('sl.service_id', '=', 'b.service_id')
        .onRef('sl.starts_at', '=', 'b.slot_start'),
    )
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'b.community_id').onRef('r.id', '=', 'b.resident_id'),
    );
}

function bookingRows(db: DbOrTrx, communityId: string) {
  return bookingsJoined(db)
    .select([
      'b.id',
      'b.service_id',
      'b.slot_start',
      'b.resident_id',
      'b.status',
      'b.channel',
      'b.note',
      'b.created_at',
      'b.cancelled_at',
      'b.cancel_reason',
      's.name as service_name',
      's.kind as service_kind',
      'sl.ends_at as slot_end',
      'sl.place',
      'r.name as resident_name',
      'r.phone as resident_phone',
      // Attended: the booking stands in the record of service (served, or marked by staff).
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('contact as c')
              .select('c.id')
              .whereRef('c.community_id', '=', 'b.community_id')
              .where('c.kind', '=', 'appointment')
              .whereRef('c.source_id', '=', 'b.id'),
          )
          .as('attended'),
    ])
    .where('b.community_id', '=', communityId);
}
export type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingRows>['execute']>>[number];

export const bookingsBetween = (
  db: DbOrTrx,
  communityId: string,
  fromIso: string,
  toIso: string,
  serviceId?: string,
) => {
  let q = bookingRows(db, communityId).where('b.slot_start', '>=', fromIso).where('b.slot_start', '<', toIso);
  if (serviceId) q = q.where('b.service_id', '=', serviceId);
  return q.orderBy('b.slot_start').orderBy('r.name_pinyin').execute();
};

export const bookingsOfResidents = (db: DbOrTrx, communityId: string, residentIds: string[], sinceIso: string) =>
  residentIds.length
    ? bookingRows(db, communityId)
        .where('b.resident_id', 'in', residentIds)
        .where('b.slot_start', '>=', sinceIso)
        .orderBy('b.slot_start')
        .execute()
    : Promise.resolve([] as BookingRow[]);

export const bookingView = (db: DbOrTrx, communityId: string, id: string) =>
  bookingRows(db, communityId).where('b.id', '=', id).executeTakeFirst();

/** Live bookings starting in [fromIso, toIso) whose reminder has not gone out, across communities (the daily job). */
export const dueReminders = (db: DbOrTrx, fromIso: string, toIso: string) =>
  bookingsJoined(db)
    .select([
      'b.community_id',
      'b.id',
      'b.resident_id',
      'b.slot_start',
      's.name as service_name',
      'sl.place',
      'r.name as resident_name',
    ])
    .where('b.status', '=', 'confirmed')
    .where('b.reminded_at', 'is', null)
    .where('b.slot_start', '>=', fromIso)
    .where('b.slot_start', '<', toIso)
    .orderBy('b.slot_start')
    .execute();

export async function markReminded(db: DbOrTrx, communityId: string, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('appointment_booking')
    .set({ reminded_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------- provider feeds ----------------

export const feedOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('appointment_feed')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const feedByToken = (db: DbOrTrx, communityId: string, token: string) =>
  db
    .selectFrom('appointment_feed as f')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.volunteer_id'),
    )
    .select(['f.volunteer_id', 'f.token', 'v.name'])
    .where('f.community_id', '=', communityId)
    .where('f.token', '=', token)
    .executeTakeFirst();

export const upsertFeed = (db: DbOrTrx, communityId: string, volunteerId: string, token: string, now: string) =>
  db
    .insertInto('appointment_feed')
    .values({ community_id: communityId, volunteer_id: volunteerId, token, created_at: now })
    .onConflict((oc) => oc.columns(['community_id', 'volunteer_id']).doUpdateSet({ token, created_at: now }))
    .execute();

export const insertFeedIfMissing = (
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  token: string,
  now: string,
) =>
  db
    .insertInto('appointment_feed')
    .values({ community_id: communityId, volunteer_id: volunteerId, token, created_at: now })
    .onConflict((oc) => oc.columns(['community_id', 'volunteer_id']).doNothing())
    .execute();

/** The booked slots of every service a volunteer provides, from `fromIso` on: what their calendar shows. */
export const providerSlots = (db: DbOrTrx, communityId: string, volunteerId: string, fromIso: string) =>
  db
    .selectFrom('appointment_slot as sl')
    .innerJoin('appointment_provider as p', (j) =>
      j.onRef('p.community_id', '=', 'sl.community_id').onRef('p.service_id', '=', 'sl.service_id'),
    )
    .innerJoin('appointment_service as s', (j) =>
      j.onRef('s.community_id', '=', 'sl.community_id').onRef('s.id', '=', 'sl.service_id'),
    )
    .select([
      'sl.service_id',
      'sl.starts_at',
      'sl.ends_at',
      'sl.place',
      'sl.places',
      'sl.booked',
      's.name as service_name',
    ])
    .where('sl.community_id', '=', communityId)
    .where('p.volunteer_id', '=', volunteerId)
    .where('sl.starts_at', '>=', fromIso)
    .where('sl.booked', '>', 0)
    .orderBy('sl.starts_at')
    .execute();

export const liveNamesOfSlots = (db: DbOrTrx, communityId: string, serviceIds: string[], fromIso: string) =>
  serviceIds.length
    ? db
        .selectFrom('appointment_booking as b')
        .innerJoin('resident as r', (j) =>
          j.onRef('r.community_id', '=', 'b.community_id').onRef('r.id', '=', 'b.resident_id'),
        )
        .select(['b.service_id', 'b.slot_start', 'r.name'])
        .where('b.community_id', '=', communityId)
        .where('b.service_id', 'in', serviceIds)
        .where('b.slot_start', '>=', fromIso)
        .where('b.status', '=', 'confirmed')
        .orderBy('b.created_at')
        .execute()
    : Promise.resolve([]);
