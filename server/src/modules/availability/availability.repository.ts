// All SQL of availability: weekly slots and blackout dates.
import type { DbOrTrx } from '../../db/database.ts';
import type { SlotInput } from '../../../../domain/volunteers/service-schemas.ts';

export const slotsOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('availability_slot')
    .select(['weekday', 'start_minute', 'end_minute'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute();

export async function replaceSlots(db: DbOrTrx, communityId: string, volunteerId: string, slots: readonly SlotInput[]) {
  await db
    .deleteFrom('availability_slot')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .execute();
  if (slots.length)
    await db
      .insertInto('availability_slot')
      .values(
        slots.map((s) => ({
          community_id: communityId,
          volunteer_id: volunteerId,
          weekday: s.weekday,
          start_minute: s.startMinute,
          end_minute: s.endMinute,
        })),
      )
      .execute();
}

export const blackoutsOf = (db: DbOrTrx, communityId: string, volunteerId: string, fromDate: string) =>
  db
    .selectFrom('availability_blackout')
    .select(['id', 'from_date', 'to_date', 'reason'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('to_date', '>=', fromDate)
    .orderBy('from_date')
    .execute();

export const insertBlackout = (
  db: DbOrTrx,
  row: {
    community_id: string;
    id: string;
    volunteer_id: string;
    from_date: string;
    to_date: string;
    reason: string | null;
  },
) => db.insertInto('availability_blackout').values(row).execute();

export const deleteBlackout = (db: DbOrTrx, communityId: string, volunteerId: string, id: string) =>
  db
    .deleteFrom('availability_blackout')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('id', '=', id)
    .executeTakeFirst();
