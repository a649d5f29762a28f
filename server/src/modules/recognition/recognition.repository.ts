// All SQL of recognition: notices and awards, nominations, publication, consent, and the grouped reads of
// facts from the hours ledger and the needs (a ranking or an indicator page reads a whole community in a
// few queries, as the left-out monitor does, rather than asking each module volunteer by volunteer).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { RecognitionNominationTable, StarNoticeTable } from '../../db/schema/index.ts';

export { isUniqueViolation } from '../../db/database.ts';

// ---------------------------------------------------------------------------------------- settings

export const getSettings = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('recognition_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();

export const upsertSettings = (db: DbOrTrx, communityId: string, noticeDays: number, by: string, at: string) =>
  db
    .insertInto('recognition_settings')
    .values({ community_id: communityId, notice_days: noticeDays, updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({ notice_days: noticeDays, updated_by: by, updated_at: at }),
    )
    .execute();

export const communityIds = async (db: DbOrTrx) =>
  (await db.selectFrom('community').select('id').execute()).map((r) => r.id);
export const communityName = async (db: DbOrTrx, communityId: string) =>
  (await db.selectFrom('community').select('name').where('id', '=', communityId).executeTakeFirst())?.name ?? null;

// ----------------------------------------------------------------------------------- notices, awards

/**
 * Approved volunteers whose verified credit minutes reach at least `minMinutes`, with their awarded level and when
 * their totals last moved.
 */
export const starCandidates = (db: DbOrTrx, communityId: string, minMinutes: number) =>
  db
    .selectFrom('hours_total as t')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 't.community_id').onRef('v.id', '=', 't.volunteer_id'),
    )
    .leftJoin('star_award as a', (j) =>
      j.onRef('a.community_id', '=', 't.community_id').onRef('a.volunteer_id', '=', 't.volunteer_id'),
    )
    .select(['v.id', 'v.name', 't.credit_minutes', 't.updated_at', 'a.level as awarded'])
    .where('t.community_id', '=', communityId)
    .where('t.credit_minutes', '>=', minMinutes)
    .where('v.status', '=', 'approved')
    .execute();

export const openNoticeVolunteers = async (db: DbOrTrx, communityId: string) =>
  new Set(
    (
      await db
        .selectFrom('star_notice')
        .select('volunteer_id')
        .where('community_id', '=', communityId)
        .where('status', '=', 'open')
        .execute()
    ).map((r) => r.volunteer_id),
  );

/** Withdrawn notices: volunteer, level and when (an upheld objection holds until the hours move again). */
export const withdrawnNotices = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('star_notice')
    .select(['volunteer_id', 'level', 'decided_at'])
    .where('community_id', '=', communityId)
    .where('status', '=', 'withdrawn')
    .execute();

export const insertNotice = (db: DbOrTrx, row: StarNoticeTable) => db.insertInto('star_notice').values(row).execute();

export const dueNotices = (db: DbOrTrx, communityId: string, today: string) =>
  db
    .selectFrom('star_notice')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'open')
    .where('ends_on', '<=', today)
    .orderBy('ends_on')
    .execute();

export const getNotice = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('star_notice')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

/** open → another status; false when someone decided it first. */
export async function closeNotice(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: {
    status: string;
    withdraw_reason?: string | null;
    decided_by: string | null;
    decided_by_name: string | null;
    decided_at: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('star_notice')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Raises the awarded level (never lowers it: a notice for a lower level cannot undo a higher award). */
export const upsertAward = (
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  level: number,
  awardedOn: string,
  noticeId: string,
  at: string,
) =>
  db
    .insertInto('star_award')
    .values({
      community_id: communityId,
      volunteer_id: volunteerId,
      level,
      awarded_on: awardedOn,
      notice_id: noticeId,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'volunteer_id'])
        .doUpdateSet({ level, awarded_on: awardedOn, notice_id: noticeId, updated_at: at })
        .where('star_award.level', '<', level),
    )
    .execute();

export const awardOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('star_award')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const openNoticeOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('star_notice')
    .select(['level', 'ends_on'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** Notices in the given statuses (null: all), newest first. */
export async function listNotices(
  db: DbOrTrx,
  communityId: string,
  statuses: readonly string[] | null,
  page: number,
  pageSize: number,
) {
  if (statuses && !statuses.length) return { items: [], total: 0 };
  let q = db
    .selectFrom('star_notice as n')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'n.community_id').onRef('v.id', '=', 'n.volunteer_id'),
    )
    .where('n.community_id', '=', communityId);
  if (statuses) q = q.where('n.status', 'in', statuses);
  const [items, count] = await Promise.all([
    q
      .selectAll('n')
      .select('v.name')
      .orderBy('n.opens_on', 'desc')
      .orderBy('n.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

// --------------------------------------------------------------------------------------------- teams

/** Active team names per volunteer, joined with 、 (for notices, rankings and the public list). */
export async function teamNames(
  db: DbOrTrx,
  communityId: string,
  volunteerIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!volunteerIds.length) return out;
  const rows: Array<{ volunteer_id: string; name: string }> = [];
  // Chunks keep the parameter count under SQLite's limit for community-wide lists.
  for (let i = 0; i < volunteerIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('team_member as m')
        .innerJoin('team as t', (j) => j.onRef('t.community_id', '=', 'm.community_id').onRef('t.id', '=', 'm.team_id'))
        .select(['m.volunteer_id', 't.name'])
        .where('m.community_id', '=', communityId)
        .where('m.status', '=', 'active')
        .where('m.volunteer_id', 'in', volunteerIds.slice(i, i + 500))
        .orderBy('t.name')
        .execute()),
    );
  }
  for (const r of rows)
    out.set(r.volunteer_id, out.has(r.volunteer_id) ? `${out.get(r.volunteer_id)}、${r.name}` : r.name);
  return out;
}

export const teamMemberIds = async (db: DbOrTrx, communityId: string, teamId: string) =>
  new Set(
    (
      await db
        .selectFrom('team_member')
        .select('volunteer_id')
        .where('community_id', '=', communityId)
        .where('team_id', '=', teamId)
        .where('status', '=', 'active')
        .execute()
    ).map((r) => r.volunteer_id),
  );

// ------------------------------------------------------------------------------ facts from the ledger

export interface LedgerSums {
  volunteerId: string;
  name: string;
  source: string;
  minutes: number;
  entries: number;
}

/**
 * Verified credit entries that still count (not corrected; a correction is itself a verified entry), per
 * volunteer and source, with a service date in [from, to]. Zero-minute voids are not services.
 */
export async function ledgerSums(
  db: DbOrTrx,
  communityId: string,
  from: string,
  to: string,
  volunteerIds?: readonly string[],
): Promise<LedgerSums[]> {
  if (volunteerIds && !volunteerIds.length) return [];
  // Summed first, then named: the volunteer is looked up once per group, not once per ledger entry; the entries are
  // read from the index alone (hours_entry_ledger_ix).
  const sums = db
    .selectFrom('hours_entry as e')
    .select([
      'e.volunteer_id',
      'e.source',
      sql<number>`sum(e.minutes)`.as('minutes'),
      sql<number>`count(*)`.as('entries'),
    ])
    .where('e.community_id', '=', communityId)
    .where('e.kind', '=', 'credit')
    .where('e.status', '=', 'verified')
    .where('e.corrected_by', 'is', null)
    .where('e.minutes', '>', 0)
    .where('e.service_date', '>=', from)
    .where('e.service_date', '<=', to)
    .$if(!!volunteerIds, (q) => q.where('e.volunteer_id', 'in', volunteerIds!))
    .groupBy(['e.volunteer_id', 'e.source']);
  const rows = await db
    .selectFrom(sums.as('s'))
    .innerJoin('volunteer as v', (j) => j.on('v.community_id', '=', communityId).onRef('v.id', '=', 's.volunteer_id'))
    .select(['s.volunteer_id', 'v.name', 's.source', 's.minutes', 's.entries'])
    .execute();
  return rows.map((r) => ({
    volunteerId: r.volunteer_id,
    name: r.name,
    source: r.source,
    minutes: Number(r.minutes),
    entries: Number(r.entries),
  }));
}

/**
 * From the record of service: per volunteer, the contacts they made in [from, to] (local dates) and how many different
 * residents or households those reached.
 */
export async function contactsByVolunteer(
  db: DbOrTrx,
  communityId: string,
  from: string,
  to: string,
  volunteerIds: readonly string[],
) {
  if (!volunteerIds.length) return new Map<string, { contacts: number; reached: number }>();
  const rows = await db
    .selectFrom('contact')
    .select(['volunteer_id', sql<number>`count(*)`.as('n'), sql<number>`count(distinct subject_id)`.as('reached')])
    .where('community_id', '=', communityId)
    .where('volunteer_id', 'in', [...volunteerIds])
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .groupBy('volunteer_id')
    .execute();
  return new Map(rows.map((r) => [r.volunteer_id!, { contacts: Number(r.n), reached: Number(r.reached) }]));
}

/** Residents' ratings of needs each volunteer met, rated (closed) in [fromInstant, toInstant). */
export const ratings = (db: DbOrTrx, communityId: string, fromInstant: string, toInstant: string) =>
  db
    .selectFrom('need')
    .select(['volunteer_id', sql<number>`count(*)`.as('n'), sql<number>`sum(rating)`.as('total')])
    .where('community_id', '=', communityId)
    .where('rating', 'is not', null)
    .where('volunteer_id', 'is not', null)
    .where('closed_at', '>=', fromInstant)
    .where('closed_at', '<', toInstant)
    .groupBy('volunteer_id')
    .execute();

export const volunteerBasics = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('volunteer')
    .select(['id', 'name', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

// ------------------------------------------------------------------------------------- nominations

export const insertNomination = (db: DbOrTrx, row: RecognitionNominationTable) =>
  db.insertInto('recognition_nomination').values(row).execute();

export const getNomination = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('recognition_nomination')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function decideNomination(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: {
    status: string;
    decided_by: string;
    decided_by_name: string;
    decided_at: string;
    decision_note: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('recognition_nomination')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'nominated')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const nominationsOf = (db: DbOrTrx, communityId: string, quarter: string) =>
  db
    .selectFrom('recognition_nomination as n')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'n.community_id').onRef('v.id', '=', 'n.volunteer_id'),
    )
    .leftJoin('recognition_consent as c', (j) =>
      j.onRef('c.community_id', '=', 'n.community_id').onRef('c.volunteer_id', '=', 'n.volunteer_id'),
    )
    .selectAll('n')
    .select(['v.name', 'c.publish'])
    .where('n.community_id', '=', communityId)
    .where('n.quarter', '=', quarter)
    .orderBy('n.score', 'desc')
    .orderBy('n.credit_minutes', 'desc')
    .orderBy('n.volunteer_id')
    .execute();

export const nominationStatuses = (db: DbOrTrx, communityId: string, quarter: string) =>
  db
    .selectFrom('recognition_nomination')
    .select(['id', 'volunteer_id', 'status'])
    .where('community_id', '=', communityId)
    .where('quarter', '=', quarter)
    .execute();

/**
 * Approved and consenting: the only people a published list may name. Consent is read now, so a withdrawal takes
 * effect at once.
 */
export const publishable = (db: DbOrTrx, communityId: string, quarter: string) =>
  db
    .selectFrom('recognition_nomination as n')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'n.community_id').onRef('v.id', '=', 'n.volunteer_id'),
    )
    .innerJoin('recognition_consent as c', (j) =>
      j.onRef('c.community_id', '=', 'n.community_id').onRef('c.volunteer_id', '=', 'n.volunteer_id'),
    )
    .select(['n.volunteer_id', 'v.name', 'n.credit_minutes'])
    .where('n.community_id', '=', communityId)
    .where('n.quarter', '=', quarter)
    .where('n.status', '=', 'approved')
    .where('c.publish', '=', 1)
    .orderBy('n.score', 'desc')
    .orderBy('n.credit_minutes', 'desc')
    .orderBy('n.volunteer_id')
    .execute();

export const approvedCount = async (db: DbOrTrx, communityId: string, quarter: string) =>
  Number(
    (
      await db
        .selectFrom('recognition_nomination')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', communityId)
        .where('quarter', '=', quarter)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Volunteers approved for a commendation in any quarter of the year, with the quarters. */
export const commendedInYear = (db: DbOrTrx, communityId: string, year: number) =>
  db
    .selectFrom('recognition_nomination as n')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'n.community_id').onRef('v.id', '=', 'n.volunteer_id'),
    )
    .select(['n.volunteer_id', 'n.quarter', 'v.name', 'v.gender', 'v.birth_date', 'v.phone'])
    .where('n.community_id', '=', communityId)
    .where('n.status', '=', 'approved')
    .where(
      'n.quarter',
      'in',
      [1, 2, 3, 4].map((q) => `${year}Q${q}`),
    )
    .orderBy('v.name_pinyin')
    .orderBy('n.volunteer_id')
    .orderBy('n.quarter')
    .execute();

// ------------------------------------------------------------------------------------- publication

export const getPublication = (db: DbOrTrx, communityId: string, quarter: string) =>
  db
    .selectFrom('recognition_publication')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('quarter', '=', quarter)
    .executeTakeFirst();

export const publications = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('recognition_publication')
    .select(['quarter', 'published_at'])
    .where('community_id', '=', communityId)
    .orderBy('quarter', 'desc')
    .execute();

export const upsertPublication = (
  db: DbOrTrx,
  communityId: string,
  quarter: string,
  by: { accountId: string; name: string },
  at: string,
) =>
  db
    .insertInto('recognition_publication')
    .values({
      community_id: communityId,
      quarter,
      published_at: at,
      published_by: by.accountId,
      published_by_name: by.name,
    })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'quarter'])
        .doUpdateSet({ published_at: at, published_by: by.accountId, published_by_name: by.name }),
    )
    .execute();

// ----------------------------------------------------------------------------------------- consent

export const consentOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('recognition_consent')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const upsertConsent = (
  db: DbOrTrx,
  row: {
    community_id: string;
    volunteer_id: string;
    publish: number;
    source: string;
    recorded_by: string | null;
    recorded_by_name: string;
    updated_at: string;
  },
) =>
  db
    .insertInto('recognition_consent')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'volunteer_id']).doUpdateSet({
        publish: row.publish,
        source: row.source,
        recorded_by: row.recorded_by,
        recorded_by_name: row.recorded_by_name,
        updated_at: row.updated_at,
      }),
    )
    .execute();
