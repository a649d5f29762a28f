// All SQL of the hours ledger: entries (append-only), the running totals, and each community's rules.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { HoursDisputeTable, HoursEntryTable, HoursSettingsTable } from '../../db/schema/index.ts';

export type EntryRow = HoursEntryTable & { volunteer_name: string };

const withName = (db: DbOrTrx) =>
  db
    .selectFrom('hours_entry as e')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'e.community_id').onRef('v.id', '=', 'e.volunteer_id'),
    )
    .selectAll('e')
    .select('v.name as volunteer_name');

export const insertEntry = (db: DbOrTrx, row: HoursEntryTable) => db.insertInto('hours_entry').values(row).execute();

export const getEntry = (db: DbOrTrx, communityId: string, id: string) =>
  withName(db).where('e.community_id', '=', communityId).where('e.id', '=', id).executeTakeFirst();

/** The original entry of a source for a volunteer, if one was recorded. */
export const originalOf = (db: DbOrTrx, communityId: string, source: string, sourceId: string, volunteerId: string) =>
  db
    .selectFrom('hours_entry')
    .select('id')
    .where('community_id', '=', communityId)
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .where('volunteer_id', '=', volunteerId)
    .where('corrects_id', 'is', null)
    .executeTakeFirst();

/** Entries of one volunteer whose clock time meets [startedAt, endedAt) and that still count. */
export const overlapping = (
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  startedAt: string,
  endedAt: string,
) =>
  db
    .selectFrom('hours_entry')
    .select(['id', 'description', 'started_at', 'ended_at'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('corrected_by', 'is', null)
    .where('minutes', '>', 0)
    .where('started_at', '<', endedAt)
    .where('ended_at', '>', startedAt)
    .limit(1)
    .executeTakeFirst();

/** Pending → verified, only for entries nobody corrected meanwhile. Returns how many rows changed (0 or 1). */
export async function markVerified(
  db: DbOrTrx,
  communityId: string,
  id: string,
  by: { accountId: string; name: string },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('hours_entry')
    .set({ status: 'verified', verified_by: by.accountId, verified_by_name: by.name, verified_at: at })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('corrected_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Claims the entry for a correction; false when another correction got there first. */
export async function markCorrected(
  db: DbOrTrx,
  communityId: string,
  id: string,
  correctionId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('hours_entry')
    .set({ corrected_by: correctionId })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('corrected_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface TotalsDelta {
  credit: number;
  honour: number;
  pending: number;
  entries: number;
  serviceDate: string | null;
}

/** Adds to a volunteer's running totals, creating the row on first use; increments, so concurrent writers add up. */
export async function addToTotals(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  d: TotalsDelta,
  now: string,
): Promise<void> {
  await db
    .insertInto('hours_total')
    .values({
      community_id: communityId,
      volunteer_id: volunteerId,
      credit_minutes: d.credit,
      honour_minutes: d.honour,
      pending_minutes: d.pending,
      entries: d.entries,
      last_service_date: d.serviceDate,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['community_id', 'volunteer_id']).doUpdateSet({
        credit_minutes: sql`hours_total.credit_minutes + ${d.credit}`,
        honour_minutes: sql`hours_total.honour_minutes + ${d.honour}`,
        pending_minutes: sql`hours_total.pending_minutes + ${d.pending}`,
        entries: sql`hours_total.entries + ${d.entries}`,
        last_service_date:
          d.serviceDate === null
            ? sql`hours_total.last_service_date`
            : sql`case when hours_total.last_service_date is null
                or hours_total.last_service_date < ${d.serviceDate} then ${d.serviceDate}
                else hours_total.last_service_date end`,
        updated_at: now,
      }),
    )
    .execute();
}

export const totalsOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('hours_total')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const totalsOfMany = (db: DbOrTrx, communityId: string, volunteerIds: readonly string[]) =>
  volunteerIds.length
    ? db
        .selectFrom('hours_total')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('volunteer_id', 'in', volunteerIds)
        .execute()
    : Promise.resolve([]);

export async function entriesOf(db: DbOrTrx, communityId: string, volunteerId: string, page: number, pageSize: number) {
  const base = withName(db).where('e.community_id', '=', communityId).where('e.volunteer_id', '=', volunteerId);
  const [items, count] = await Promise.all([
    base
      .orderBy('e.service_date', 'desc')
      .orderBy('e.created_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('hours_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .where('volunteer_id', '=', volunteerId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface QueueFilter {
  source?: string;
  sourceId?: string;
  volunteerId?: string;
  reviewOnly?: boolean;
  /** Only the volunteers this account leads (社工带志愿者). */
  socialWorkerId?: string;
}

/** Entries waiting for verification, oldest service first; flagged ones first within a day. */
export async function queue(db: DbOrTrx, communityId: string, f: QueueFilter, page: number, pageSize: number) {
  let base = withName(db)
    .where('e.community_id', '=', communityId)
    .where('e.status', '=', 'pending')
    .where('e.corrected_by', 'is', null);
  if (f.source) base = base.where('e.source', '=', f.source);
  if (f.sourceId) base = base.where('e.source_id', '=', f.sourceId);
  if (f.volunteerId) base = base.where('e.volunteer_id', '=', f.volunteerId);
  if (f.reviewOnly) base = base.where('e.review_reason', 'is not', null);
  if (f.socialWorkerId) {
    const sw = f.socialWorkerId;
    base = base.where((eb) =>
      eb(
        'e.volunteer_id',
        'in',
        eb
          .selectFrom('volunteer as sv')
          .select('sv.id')
          .where('sv.community_id', '=', communityId)
          .where('sv.social_worker_id', '=', sw),
      ),
    );
  }
  const [items, count] = await Promise.all([
    base
      .orderBy('e.service_date')
      .orderBy('e.review_reason', 'desc')
      .orderBy('e.created_at')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/**
 * Verified entries that still count, of one volunteer and period, grouped by kind and what the service was
 * (certificates).
 */
export const verifiedByService = (db: DbOrTrx, communityId: string, volunteerId: string, from: string, to: string) =>
  db
    .selectFrom('hours_entry')
    .select((eb) => [
      'kind',
      'source',
      'description',
      eb.fn.countAll<number>().as('entries'),
      eb.fn.sum<number>('minutes').as('minutes'),
      eb.fn.min<string>('service_date').as('first_date'),
      eb.fn.max<string>('service_date').as('last_date'),
    ])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'verified')
    .where('corrected_by', 'is', null)
    .where('minutes', '>', 0)
    .where('service_date', '>=', from)
    .where('service_date', '<=', to)
    .groupBy(['kind', 'source', 'description'])
    .orderBy('first_date')
    .execute();

export const getSettings = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('hours_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();

export const upsertSettings = (db: DbOrTrx, row: HoursSettingsTable) =>
  db
    .insertInto('hours_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        rounding_unit: row.rounding_unit,
        rounding_mode: row.rounding_mode,
        star_thresholds: row.star_thresholds,
        points_per_hour: row.points_per_hour,
        points_daily_cap: row.points_daily_cap,
        points_total_cap: row.points_total_cap,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export { isUniqueViolation } from '../../db/database.ts';

// ---- disputes ----

export const insertDispute = (db: DbOrTrx, row: HoursDisputeTable) =>
  db.insertInto('hours_dispute').values(row).execute();

export function disputes(db: DbOrTrx, communityId: string, f: { status?: string; volunteerId?: string; id?: string }) {
  return disputeRows(db, communityId, f).orderBy('d.created_at', 'desc').limit(500).execute();
}

/** A page of disputes, newest first, and how many match. */
export async function disputesPage(
  db: DbOrTrx,
  communityId: string,
  f: { status?: string; page: number; pageSize: number },
) {
  let count = db.selectFrom('hours_dispute as d').where('d.community_id', '=', communityId);
  if (f.status) count = count.where('d.status', '=', f.status);
  const [rows, n] = await Promise.all([
    disputeRows(db, communityId, f)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

function disputeRows(db: DbOrTrx, communityId: string, f: { status?: string; volunteerId?: string; id?: string }) {
  let q = db
    .selectFrom('hours_dispute as d')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'd.community_id').onRef('v.id', '=', 'd.volunteer_id'),
    )
    .leftJoin('hours_entry as e', (j) =>
      j.onRef('e.community_id', '=', 'd.community_id').onRef('e.id', '=', 'd.entry_id'),
    )
    .selectAll('d')
    .select([
      'v.name as volunteer_name',
      'v.phone as volunteer_phone',
      'e.description as entry_description',
      'e.minutes as entry_minutes',
    ])
    .where('d.community_id', '=', communityId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.volunteerId) q = q.where('d.volunteer_id', '=', f.volunteerId);
  if (f.id) q = q.where('d.id', '=', f.id);
  return q;
}

/** Open → resolved, once: of two staff answering at once, one wins. */
export async function resolveDispute(
  db: DbOrTrx,
  communityId: string,
  id: string,
  by: { accountId: string; name: string },
  resolution: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('hours_dispute')
    .set({ status: 'resolved', resolved_by: by.accountId, resolved_by_name: by.name, resolved_at: at, resolution })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
