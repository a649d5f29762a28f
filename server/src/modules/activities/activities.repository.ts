// All SQL of activities: activities and shifts (with the `taken` counter), series, sign-ups and attendance,
// the programme, images and feeds. Plain inserts take whole rows, so a demo seeder can write them directly.
import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type {
  ActivityFeedTable,
  ActivityImageTable,
  ActivityProgrammeItemTable,
  ActivitySeriesTable,
  ActivityShiftTable,
  ActivitySignupTable,
  ActivityTable,
  AuditLogTable,
} from '../../db/schema/index.ts';

// ---------------- activities and shifts ----------------

export const insertActivity = (db: DbOrTrx, row: ActivityTable) => db.insertInto('activity').values(row).execute();
export const insertShifts = (db: DbOrTrx, rows: ActivityShiftTable[]) =>
  rows.length ? db.insertInto('activity_shift').values(rows).execute() : Promise.resolve([]);

// The sign-up path's queries are compiled once (prepared): building them cost more than running them.
const getActivityQ = prepared((db, communityId: string, id: string) =>
  db.selectFrom('activity').selectAll().where('community_id', '=', communityId).where('id', '=', id),
);
export const getActivity = async (db: DbOrTrx, communityId: string, id: string) =>
  (await getActivityQ(db, communityId, id)).rows[0];

export const updateActivity = (db: DbOrTrx, communityId: string, id: string, set: Partial<ActivityTable>) =>
  db.updateTable('activity').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export async function setStatus(
  db: DbOrTrx,
  communityId: string,
  id: string,
  from: string[],
  to: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('activity')
    .set({ status: to, updated_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const activityRows = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('activity as a')
    .leftJoin('team as t', (j) =>
      j.onRef('t.community_id', '=', 'a.community_id').onRef('t.id', '=', 'a.organiser_team_id'),
    )
    .leftJoin('unit as u', (j) =>
      j.onRef('u.community_id', '=', 'a.community_id').onRef('u.id', '=', 'a.organiser_unit_id'),
    )
    .selectAll('a')
    .select(['t.name as team_name', 'u.name as unit_name'])
    .where('a.community_id', '=', communityId);

export const activityView = (db: DbOrTrx, communityId: string, id: string) =>
  activityRows(db, communityId).where('a.id', '=', id).executeTakeFirst();

export const listActivities = (
  db: DbOrTrx,
  communityId: string,
  q: { fromIso?: string; toIso?: string; status?: string; statuses?: string[] },
) => {
  let s = activityRows(db, communityId);
  if (q.fromIso) s = s.where('a.ends_at', '>=', q.fromIso);
  if (q.toIso) s = s.where('a.starts_at', '<', q.toIso);
  if (q.status) s = s.where('a.status', '=', q.status);
  if (q.statuses) s = s.where('a.status', 'in', q.statuses);
  return s.orderBy('a.starts_at').orderBy('a.id').limit(1000).execute();
};
export type ActivityListRow = Awaited<ReturnType<typeof listActivities>>[number];

export const shiftsOf = (db: DbOrTrx, communityId: string, activityIds: string[]) =>
  activityIds.length
    ? db
        .selectFrom('activity_shift')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('activity_id', 'in', activityIds)
        .orderBy('position')
        .execute()
    : Promise.resolve([] as ActivityShiftTable[]);

const getShiftQ = prepared((db, communityId: string, id: string) =>
  db.selectFrom('activity_shift').selectAll().where('community_id', '=', communityId).where('id', '=', id),
);
export const getShift = async (db: DbOrTrx, communityId: string, id: string) =>
  (await getShiftQ(db, communityId, id)).rows[0];

export const updateShift = (db: DbOrTrx, communityId: string, id: string, set: Partial<ActivityShiftTable>) =>
  db.updateTable('activity_shift').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export const deleteShift = (db: DbOrTrx, communityId: string, id: string) =>
  db.deleteFrom('activity_shift').where('community_id', '=', communityId).where('id', '=', id).execute();

/**
 * Takes one place if one is left: a single conditional update. On PostgreSQL a second writer waits for the
 * first's row lock and re-checks `taken < places` against the committed row; SQLite has one writer.
 */
const takePlaceQ = prepared((db, communityId: string, shiftId: string) =>
  db
    .updateTable('activity_shift')
    .set({ taken: sql<number>`taken + 1` })
    .where('community_id', '=', communityId)
    .where('id', '=', shiftId)
    .where(sql<boolean>`taken < places`),
);
export async function takePlace(db: DbOrTrx, communityId: string, shiftId: string): Promise<boolean> {
  return Number((await takePlaceQ(db, communityId, shiftId)).numAffectedRows) === 1;
}

export const freePlace = (db: DbOrTrx, communityId: string, shiftId: string) =>
  db
    .updateTable('activity_shift')
    .set({ taken: sql<number>`taken - 1` })
    .where('community_id', '=', communityId)
    .where('id', '=', shiftId)
    .where('taken', '>', 0)
    .execute();

// ---------------- series ----------------

export const insertSeries = (db: DbOrTrx, row: ActivitySeriesTable) =>
  db.insertInto('activity_series').values(row).execute();
export const listSeries = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('activity_series').selectAll().where('community_id', '=', communityId).orderBy('created_at').execute();
/** Series across communities whose activities are not yet made up to `date` (the daily job). */
export const seriesBehind = (db: DbOrTrx, date: string) =>
  db
    .selectFrom('activity_series')
    .selectAll()
    .where('generated_to', '<', date)
    .where((eb) => eb.or([eb('until_date', 'is', null), eb('until_date', '>', eb.ref('generated_to'))]))
    .execute();
export const setGeneratedTo = (db: DbOrTrx, communityId: string, id: string, date: string) =>
  db
    .updateTable('activity_series')
    .set({ generated_to: date })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
export const seriesDates = (db: DbOrTrx, communityId: string, seriesId: string) =>
  db
    .selectFrom('activity')
    .select('date')
    .where('community_id', '=', communityId)
    .where('series_id', '=', seriesId)
    .execute();

// ---------------- sign-ups ----------------

/** 小小志愿者: whom a minor may name, the household's adult residents or a volunteer; `id` is theirs. */
export type CompanionRef = { kind: 'family' | 'volunteer'; id: string };

const householdOfVolunteer = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer as v')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .select(['r.household_id', 'r.id as resident_id'])
    .where('v.community_id', '=', communityId)
    .where('v.id', '=', volunteerId)
    .executeTakeFirst();

/**
 * The adult a minor named for a shift, as the gate reads it (null birth date: nobody of that id): born when, of the
 * child's household (an active resident there, or a volunteer registered as one), and approved with a confirmed
 * place on the same shift.
 */
export async function companionFacts(
  db: DbOrTrx,
  communityId: string,
  shiftId: string,
  childId: string,
  ref: CompanionRef,
): Promise<{ birthDate: string | null; sameHousehold: boolean; signedUpVolunteer: boolean }> {
  const child = await householdOfVolunteer(db, communityId, childId);
  if (ref.kind === 'family') {
    const r = await db
      .selectFrom('resident')
      .select(['birth_date', 'household_id'])
      .where('community_id', '=', communityId)
      .where('id', '=', ref.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return {
      birthDate: r?.birth_date ?? null,
      sameHousehold: !!r && !!child && r.household_id === child.household_id && ref.id !== child.resident_id,
      signedUpVolunteer: false,
    };
  }
  if (ref.id === childId) return { birthDate: null, sameHousehold: false, signedUpVolunteer: false };
  const v = await db
    .selectFrom('volunteer as v')
    .leftJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .leftJoin('activity_signup as s', (j) =>
      j
        .onRef('s.community_id', '=', 'v.community_id')
        .onRef('s.volunteer_id', '=', 'v.id')
        .on('s.shift_id', '=', shiftId)
        .on('s.status', '=', 'confirmed'),
    )
    .select(['v.birth_date', 'v.status', 'r.household_id', 's.id as signup_id'])
    .where('v.community_id', '=', communityId)
    .where('v.id', '=', ref.id)
    .executeTakeFirst();
  return {
    birthDate: v?.birth_date ?? null,
    sameHousehold: !!v?.household_id && !!child && v.household_id === child.household_id,
    signedUpVolunteer: !!v && v.status === 'approved' && !!v.signup_id,
  };
}

/**
 * Whom a minor may pick for a shift: the other active residents of their household (the gate refuses those under
 * 18 on the day) and the approved volunteers with a confirmed place on the shift.
 */
export async function companionCandidates(db: DbOrTrx, communityId: string, shiftId: string, childId: string) {
  const child = await householdOfVolunteer(db, communityId, childId);
  const family = child
    ? await db
        .selectFrom('resident')
        .select(['id', 'name', 'birth_date', 'relation_to_head'])
        .where('community_id', '=', communityId)
        .where('household_id', '=', child.household_id)
        .where('id', '<>', child.resident_id)
        .where('status', '=', 'active')
        .orderBy('birth_date')
        .execute()
    : [];
  const volunteers = await db
    .selectFrom('activity_signup as s')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
    )
    .select(['v.id', 'v.name', 'v.birth_date'])
    .where('s.community_id', '=', communityId)
    .where('s.shift_id', '=', shiftId)
    .where('s.status', '=', 'confirmed')
    .where('v.status', '=', 'approved')
    .where('v.id', '<>', childId)
    .orderBy('s.created_at')
    .limit(200)
    .execute();
  return { family, volunteers };
}

/** Live sign-ups on an activity that name this volunteer as their accompanying adult (小小志愿者). */
export const accompaniedBy = (db: DbOrTrx, communityId: string, activityId: string, volunteerId: string) =>
  signupRows(db, communityId)
    .where('s.activity_id', '=', activityId)
    .where('s.companion_volunteer_id', '=', volunteerId)
    .where('s.status', 'in', ['confirmed', 'waitlisted'])
    .execute();

const insertSignupQ = prepared((db, row: ActivitySignupTable) => db.insertInto('activity_signup').values(row));
/** A new sign-up's own fields; the rest (promotion, cancellation, reminders, check-in, hours) start empty. */
export type NewSignup = Pick<
  ActivitySignupTable,
  | 'community_id'
  | 'id'
  | 'activity_id'
  | 'shift_id'
  | 'volunteer_id'
  | 'status'
  | 'channel'
  | 'signed_up_by'
  | 'created_at'
> &
  Pick<ActivitySignupTable, 'companion_resident_id' | 'companion_volunteer_id'>;

export const insertSignup = async (db: DbOrTrx, row: NewSignup) => {
  await insertSignupQ(db, {
    ...row,
    promoted_at: null,
    cancelled_at: null,
    cancelled_by: null,
    reminded_day_at: null,
    reminded_soon_at: null,
    checked_in_at: null,
    checkin_method: null,
    checkin_distance_m: null,
    checked_out_at: null,
    checkout_method: null,
    review_reason: null,
    hours_entry_id: null,
    minutes: null,
    companion_resident_id: row.companion_resident_id ?? null,
    companion_volunteer_id: row.companion_volunteer_id ?? null,
  });
};

export const getSignup = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('activity_signup')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

const liveSignupOfQ = prepared((db, communityId: string, activityId: string, volunteerId: string) =>
  db
    .selectFrom('activity_signup')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '<>', 'cancelled'),
);
export const liveSignupOf = async (db: DbOrTrx, communityId: string, activityId: string, volunteerId: string) =>
  (await liveSignupOfQ(db, communityId, activityId, volunteerId)).rows[0];

/** Whether `db` is PostgreSQL (the sign-up batch then uses placeSignupPg). */
export const isPostgres = (db: DbOrTrx) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * PostgreSQL, in a sign-up batch: the live sign-up check, the place (the same conditional update as takePlace), the
 * new row and its audit entry in ONE statement, each round trip counting while the batch holds the shift's row.
 * `entries`: the audit entry for either outcome, alike but for the status in their detail and so their hash; the
 * one that matches the row is written. 'duplicate' when the volunteer already has a live sign-up for the activity
 * (then nothing is written).
 */
export async function placeSignupPg(
  db: DbOrTrx,
  row: Omit<NewSignup, 'status'>,
  entries: Record<'confirmed' | 'waitlisted', AuditLogTable>,
): Promise<'duplicate' | 'confirmed' | 'waitlisted'> {
  const e = entries.confirmed,
    w = entries.waitlisted;
  const r = await sql<{ status: string | null }>`
    with live as (
      select 1 from activity_signup
      where community_id = ${row.community_id} and activity_id = ${row.activity_id}
        and volunteer_id = ${row.volunteer_id} and status <> 'cancelled'
      limit 1
    ), took as (
      update activity_shift set taken = taken + 1
      where community_id = ${row.community_id} and id = ${row.shift_id} and taken < places
        and not exists (select 1 from live)
      returning 1
    ), ins as (
      insert into activity_signup (community_id, id, activity_id, shift_id, volunteer_id, status, channel,
        signed_up_by, created_at, companion_resident_id, companion_volunteer_id)
      select ${row.community_id}, ${row.id}, ${row.activity_id}, ${row.shift_id}, ${row.volunteer_id},
        case when exists (select 1 from took) then 'confirmed' else 'waitlisted' end, ${row.channel},
        ${row.signed_up_by}, ${row.created_at},
        ${row.companion_resident_id ?? null}, ${row.companion_volunteer_id ?? null}
      where not exists (select 1 from live)
      returning status
    ), logged as (
      insert into audit_log (community_id, seq, at, actor_account_id, actor_name, actor_role, action, entity_type,
        entity_id, detail, ip, user_agent, prev_hash, hash)
      select ${e.community_id}, ${e.seq}::integer, ${e.at}, ${e.actor_account_id}, ${e.actor_name}, ${e.actor_role},
        ${e.action}, ${e.entity_type}, ${e.entity_id},
        case when ins.status = 'confirmed' then ${e.detail} else ${w.detail} end, ${e.ip}, ${e.user_agent},
        ${e.prev_hash}, case when ins.status = 'confirmed' then ${e.hash} else ${w.hash} end
      from ins
    )
    select (select status from ins) as status`.execute(db);
  const status = r.rows[0]?.status;
  return status === 'confirmed' || status === 'waitlisted' ? status : 'duplicate';
}

export async function cancelSignup(
  db: DbOrTrx,
  communityId: string,
  id: string,
  by: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('activity_signup')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: by })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .where('checked_in_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The first few on a shift's waitlist, in the order they signed up. */
export const waitlistHead = (db: DbOrTrx, communityId: string, shiftId: string, n: number) =>
  db
    .selectFrom('activity_signup')
    .select(['id', 'volunteer_id', 'companion_resident_id', 'companion_volunteer_id'])
    .where('community_id', '=', communityId)
    .where('shift_id', '=', shiftId)
    .where('status', '=', 'waitlisted')
    .orderBy('created_at')
    .orderBy('id')
    .limit(n)
    .execute();

export async function promote(db: DbOrTrx, communityId: string, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('activity_signup')
    .set({ status: 'confirmed', promoted_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'waitlisted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const updateSignup = (db: DbOrTrx, communityId: string, id: string, set: Partial<ActivitySignupTable>) =>
  db.updateTable('activity_signup').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

/** Check-in as a conditional update: of two scans at once, one checks in and the other is told. */
export async function markIn(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Pick<ActivitySignupTable, 'checked_in_at' | 'checkin_method' | 'checkin_distance_m'> & {
    review_reason?: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('activity_signup')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markOut(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Pick<ActivitySignupTable, 'checked_out_at' | 'checkout_method' | 'hours_entry_id' | 'minutes'> & {
    review_reason?: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('activity_signup')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('checked_in_at', 'is not', null)
    .where('checked_out_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sign-ups (s) with their shift (sh), activity (a) and volunteer (v). */
function signupsJoined(db: DbOrTrx) {
  return db
    .selectFrom('activity_signup as s')
    .innerJoin('activity_shift as sh', (j) =>
      j.onRef('sh.community_id', '=', 's.community_id').onRef('sh.id', '=', 's.shift_id'),
    )
    .innerJoin('activity as a', (j) =>
      j.onRef('a.community_id', '=', 's.community_id').onRef('a.id', '=', 's.activity_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
    );
}

function signupRows(db: DbOrTrx, communityId: string) {
  return signupsJoined(db)
    .selectAll('s')
    .select([
      'sh.name as shift_name',
      'sh.starts_at as shift_start',
      'sh.ends_at as shift_end',
      'a.title',
      'a.place',
      'a.status as activity_status',
      'a.kind',
      'v.name as volunteer_name',
      'v.phone as volunteer_phone',
      (eb) =>
        eb
          .selectFrom('resident as cr')
          .select('cr.name')
          .whereRef('cr.community_id', '=', 's.community_id')
          .whereRef('cr.id', '=', 's.companion_resident_id')
          .as('companion_resident_name'),
      (eb) =>
        eb
          .selectFrom('volunteer as cv')
          .select('cv.name')
          .whereRef('cv.community_id', '=', 's.community_id')
          .whereRef('cv.id', '=', 's.companion_volunteer_id')
          .as('companion_volunteer_name'),
    ])
    .where('s.community_id', '=', communityId);
}
export type SignupRow = Awaited<ReturnType<ReturnType<typeof signupRows>['execute']>>[number];

export const signupsOfActivity = (db: DbOrTrx, communityId: string, activityId: string) =>
  signupRows(db, communityId)
    .where('s.activity_id', '=', activityId)
    .orderBy('sh.position')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();

export const signupsOfVolunteer = (db: DbOrTrx, communityId: string, volunteerId: string, sinceIso: string) =>
  signupRows(db, communityId)
    .where('s.volunteer_id', '=', volunteerId)
    .where('sh.ends_at', '>=', sinceIso)
    .orderBy('sh.starts_at')
    .execute();

export const signupView = (db: DbOrTrx, communityId: string, id: string) =>
  signupRows(db, communityId).where('s.id', '=', id).executeTakeFirst();

/** Live sign-ups of a volunteer for activities a list shows (status per activity). */
export const myLiveSignups = (db: DbOrTrx, communityId: string, volunteerId: string, activityIds: string[]) =>
  activityIds.length
    ? db
        .selectFrom('activity_signup')
        .select(['id', 'activity_id', 'shift_id', 'status', 'checked_in_at', 'checked_out_at'])
        .where('community_id', '=', communityId)
        .where('volunteer_id', '=', volunteerId)
        .where('activity_id', 'in', activityIds)
        .where('status', '<>', 'cancelled')
        .execute()
    : Promise.resolve([]);

export const waitingCounts = (db: DbOrTrx, communityId: string, activityIds: string[]) =>
  activityIds.length
    ? db
        .selectFrom('activity_signup')
        .select(['shift_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('community_id', '=', communityId)
        .where('activity_id', 'in', activityIds)
        .where('status', '=', 'waitlisted')
        .groupBy('shift_id')
        .execute()
    : Promise.resolve([]);

// ---------------- jobs (across communities) ----------------

/** Confirmed sign-ups whose shift starts in [fromIso, toIso) and whose reminder of this kind has not gone out. */
export const dueReminders = (db: DbOrTrx, kind: 'day' | 'soon', fromIso: string, toIso: string) =>
  signupsJoined(db)
    .select([
      's.community_id',
      's.id',
      'sh.starts_at',
      'sh.name as shift_name',
      'a.title',
      'a.place',
      'v.name',
      'v.phone',
    ])
    .where('s.status', '=', 'confirmed')
    .where('a.status', '=', 'published')
    .where(kind === 'day' ? 's.reminded_day_at' : 's.reminded_soon_at', 'is', null)
    .where('sh.starts_at', '>=', fromIso)
    .where('sh.starts_at', '<', toIso)
    .orderBy('sh.starts_at')
    .limit(5000)
    .execute();

export async function markReminded(
  db: DbOrTrx,
  kind: 'day' | 'soon',
  communityId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const col = kind === 'day' ? 'reminded_day_at' : 'reminded_soon_at';
  const r = await db
    .updateTable('activity_signup')
    .set({ [col]: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where(col, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Checked in, never checked out, and the shift ended before `beforeIso`. */
export const forgottenCheckouts = (db: DbOrTrx, beforeIso: string) =>
  db
    .selectFrom('activity_signup as s')
    .innerJoin('activity_shift as sh', (j) =>
      j.onRef('sh.community_id', '=', 's.community_id').onRef('sh.id', '=', 's.shift_id'),
    )
    .select(['s.community_id', 's.id'])
    .where('s.checked_in_at', 'is not', null)
    .where('s.checked_out_at', 'is', null)
    .where('sh.ends_at', '<', beforeIso)
    .limit(5000)
    .execute();

// ---------------- programme, images, performance counts ----------------

export async function replaceProgramme(
  db: DbOrTrx,
  communityId: string,
  activityId: string,
  rows: ActivityProgrammeItemTable[],
) {
  await db
    .deleteFrom('activity_programme_item')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .execute();
  if (rows.length) await db.insertInto('activity_programme_item').values(rows).execute();
}
export const programmeOf = (db: DbOrTrx, communityId: string, activityId: string) =>
  db
    .selectFrom('activity_programme_item')
    .select(['title', 'genre', 'performers'])
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .orderBy('position')
    .execute();

export const insertImage = (db: DbOrTrx, row: ActivityImageTable) =>
  db.insertInto('activity_image').values(row).execute();
export const deletePoster = (db: DbOrTrx, communityId: string, activityId: string) =>
  db
    .deleteFrom('activity_image')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('role', '=', 'poster')
    .execute();
export const imagesOf = (db: DbOrTrx, communityId: string, activityIds: string[]) =>
  activityIds.length
    ? db
        .selectFrom('activity_image')
        .select(['id', 'activity_id', 'role', 'mime', 'bytes', 'created_at'])
        .where('community_id', '=', communityId)
        .where('activity_id', 'in', activityIds)
        .orderBy('created_at')
        .execute()
    : Promise.resolve([]);
export const getImage = (db: DbOrTrx, communityId: string, activityId: string, id: string) =>
  db
    .selectFrom('activity_image')
    .select(['mime', 'data'])
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('id', '=', id)
    .executeTakeFirst();
export const deleteImage = (db: DbOrTrx, communityId: string, activityId: string, id: string) =>
  db
    .deleteFrom('activity_image')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Shows per organising team in [fromIso, toIso): published performances only. */
export const showsPerTeam = (db: DbOrTrx, communityId: string, fromIso: string, toIso: string) =>
  db
    .selectFrom('activity as a')
    .leftJoin('team as t', (j) =>
      j.onRef('t.community_id', '=', 'a.community_id').onRef('t.id', '=', 'a.organiser_team_id'),
    )
    .select([
      'a.organiser_team_id',
      't.name',
      (eb) => eb.fn.countAll<number>().as('shows'),
      (eb) => eb.fn.sum<number>('a.audience_count').as('audience'),
    ])
    .where('a.community_id', '=', communityId)
    .where('a.kind', '=', 'performance')
    .where('a.status', '=', 'published')
    .where('a.starts_at', '>=', fromIso)
    .where('a.starts_at', '<', toIso)
    .groupBy(['a.organiser_team_id', 't.name'])
    .orderBy('shows', 'desc')
    .execute();

// ---------------- feeds ----------------

export const feedOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('activity_feed')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
export const feedByToken = (db: DbOrTrx, communityId: string, token: string) =>
  db
    .selectFrom('activity_feed as f')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.volunteer_id'),
    )
    .select(['f.volunteer_id', 'v.name'])
    .where('f.community_id', '=', communityId)
    .where('f.token', '=', token)
    .executeTakeFirst();
export const upsertFeed = (db: DbOrTrx, row: ActivityFeedTable, renew: boolean) =>
  db
    .insertInto('activity_feed')
    .values(row)
    .onConflict((oc) =>
      renew
        ? oc.columns(['community_id', 'volunteer_id']).doUpdateSet({ token: row.token, created_at: row.created_at })
        : oc.columns(['community_id', 'volunteer_id']).doNothing(),
    )
    .execute();

// ---------------- lookups the service needs ----------------

export const volunteerByCard = (db: DbOrTrx, communityId: string, cardToken: string) =>
  db
    .selectFrom('volunteer')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('card_token', '=', cardToken)
    .executeTakeFirst();
export const teamExists = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('team').select('id').where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
export const unitExists = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('unit').select('id').where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/.test(String(e?.message));
}

// ---------------- attendance per volunteer (read by recognition) ----------------

/**
 * Per volunteer: confirmed sign-ups for shifts of published activities that started in [fromIso, toIso) and had
 * ended by `nowIso`, and how many of them were checked in. Cancelling is only allowed before a shift starts,
 * so a cancelled sign-up is never counted; a waitlisted one never held a place.
 */
export async function attendanceByVolunteer(
  db: DbOrTrx,
  communityId: string,
  fromIso: string,
  toIso: string,
  nowIso: string,
  volunteerIds?: readonly string[],
) {
  if (volunteerIds && !volunteerIds.length) return [];
  let q = db
    .selectFrom('activity_signup as s')
    .innerJoin('activity_shift as sh', (j) =>
      j.onRef('sh.community_id', '=', 's.community_id').onRef('sh.id', '=', 's.shift_id'),
    )
    .innerJoin('activity as a', (j) =>
      j.onRef('a.community_id', '=', 's.community_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select([
      's.volunteer_id',
      sql<number>`count(*)`.as('signed_up'),
      sql<number>`sum(case when s.checked_in_at is not null then 1 else 0 end)`.as('attended'),
    ])
    .where('s.community_id', '=', communityId)
    .where('s.status', '=', 'confirmed')
    .where('a.status', '=', 'published')
    .where('sh.starts_at', '>=', fromIso)
    .where('sh.starts_at', '<', toIso)
    .where('sh.ends_at', '<=', nowIso)
    .groupBy('s.volunteer_id');
  if (volunteerIds) q = q.where('s.volunteer_id', 'in', volunteerIds);
  return (await q.execute()).map((r) => ({
    volunteerId: r.volunteer_id,
    signedUp: Number(r.signed_up),
    attended: Number(r.attended),
  }));
}
