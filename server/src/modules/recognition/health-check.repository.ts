// Rows of the yearly health check (health_check). Only this file and recognition.repository.ts read the tables.
import type { DbOrTrx } from '../../db/database.ts';
import type { HealthCheckTable } from '../../db/schema/index.ts';

export type HealthCheckRow = HealthCheckTable & { volunteer_name: string };

const withName = (db: DbOrTrx) =>
  db
    .selectFrom('health_check as h')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'h.community_id').onRef('v.id', '=', 'h.volunteer_id'),
    )
    .selectAll('h')
    .select('v.name as volunteer_name');

export const ofYear = (db: DbOrTrx, communityId: string, year: number): Promise<HealthCheckRow[]> =>
  withName(db)
    .where('h.community_id', '=', communityId)
    .where('h.year', '=', year)
    .orderBy('h.check_date')
    .orderBy('h.id')
    .execute();

export const ofVolunteer = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('health_check')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('year', 'desc')
    .execute();

export const get = (db: DbOrTrx, communityId: string, id: string): Promise<HealthCheckRow | undefined> =>
  withName(db).where('h.community_id', '=', communityId).where('h.id', '=', id).executeTakeFirst();

export const ofVolunteerYear = (db: DbOrTrx, communityId: string, volunteerId: string, year: number) =>
  db
    .selectFrom('health_check')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('year', '=', year)
    .executeTakeFirst();

export const insert = (db: DbOrTrx, row: HealthCheckTable) => db.insertInto('health_check').values(row).execute();

/** A new date or place: the booking starts over (any earlier result is cleared). */
export const rebook = (
  db: DbOrTrx,
  communityId: string,
  id: string,
  v: Pick<HealthCheckTable, 'check_date' | 'check_time' | 'place' | 'booked_by' | 'booked_by_name' | 'updated_at'>,
) =>
  db
    .updateTable('health_check')
    .set({ ...v, status: 'booked', note_enc: null, result_at: null })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();

export const setResult = (
  db: DbOrTrx,
  communityId: string,
  id: string,
  v: Pick<HealthCheckTable, 'status' | 'note_enc' | 'result_at' | 'updated_at'>,
) => db.updateTable('health_check').set(v).where('community_id', '=', communityId).where('id', '=', id).execute();
