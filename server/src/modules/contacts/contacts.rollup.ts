// Per-subject rollups of the record of service, so the left-out monitor reads one row per resident or household
// instead of grouping every contact of the community on each request:
//   contact_subject        the last contact day of each subject and that day's kind (the greatest kind name when
//                          the day holds several, as max(kind) would pick);
//   contact_subject_month  contacts per subject and month (YYYY-MM), from which any window's count is summed;
//   contact_day_kind       contacts per day and kind, from which a year's count per kind is summed (a few thousand
//                          rows, where the contacts of a year are tens of thousands).
// ContactService keeps both in the same transaction as every contact it writes or withdraws (it is the only writer
// at run time); rebuildContactRollups computes them from the contacts alone (the migration's backfill, the demo seed,
// and the tests' check that the kept rollups equal the full aggregate).
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';

/** What the rollups need of a contact written or withdrawn. */
export interface RolledContact {
  subject_id: string;
  occurred_on: string;
  kind: string;
}

/** The month (YYYY-MM) a contact day is counted in. */
export const monthOf = (day: string) => day.slice(0, 7);

const later = (a: RolledContact, b: RolledContact) =>
  a.occurred_on > b.occurred_on || (a.occurred_on === b.occurred_on && a.kind > b.kind);

/** Adds contacts just inserted (only those the INSERT really wrote: a retry's duplicates are not counted twice). */
export async function addToRollups(trx: Trx, communityId: string, added: readonly RolledContact[]): Promise<void> {
  if (!added.length) return;
  // One row per conflict key: a statement may not update the same row twice (PostgreSQL refuses).
  const last = new Map<string, RolledContact>();
  const months = new Map<string, { subject_id: string; month: string; contacts: number }>();
  for (const c of added) {
    const l = last.get(c.subject_id);
    if (!l || later(c, l)) last.set(c.subject_id, c);
    const key = `${c.subject_id} ${monthOf(c.occurred_on)}`;
    const m = months.get(key);
    if (m) m.contacts++;
    else months.set(key, { subject_id: c.subject_id, month: monthOf(c.occurred_on), contacts: 1 });
  }
  const lastRows = [...last.values()].map((c) => ({
    community_id: communityId,
    subject_id: c.subject_id,
    last_on: c.occurred_on,
    last_kind: c.kind,
  }));
  const monthRows = [...months.values()].map((m) => ({ community_id: communityId, ...m }));
  const dayRows = tally(added).map((d) => ({ community_id: communityId, ...d }));
  // The newer day wins; on the same day the greater kind. Both SET expressions read the row as it was.
  const newer = sql<boolean>`excluded.last_on > contact_subject.last_on`;
  for (let i = 0; i < lastRows.length; i += 500)
    await trx
      .insertInto('contact_subject')
      .values(lastRows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['community_id', 'subject_id']).doUpdateSet({
          last_kind: sql<string>`case when ${newer} or (excluded.last_on = contact_subject.last_on
            and excluded.last_kind > contact_subject.last_kind) then excluded.last_kind
            else contact_subject.last_kind end`,
          last_on: sql<string>`case when ${newer} then excluded.last_on else contact_subject.last_on end`,
        }),
      )
      .execute();
  for (let i = 0; i < monthRows.length; i += 500)
    await trx
      .insertInto('contact_subject_month')
      .values(monthRows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'subject_id', 'month'])
          .doUpdateSet({ contacts: sql<number>`contact_subject_month.contacts + excluded.contacts` }),
      )
      .execute();
  for (let i = 0; i < dayRows.length; i += 500)
    await trx
      .insertInto('contact_day_kind')
      .values(dayRows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'occurred_on', 'kind'])
          .doUpdateSet({ contacts: sql<number>`contact_day_kind.contacts + excluded.contacts` }),
      )
      .execute();
}

/**
 * Contacts counted per day and kind, in the order of that key: every transaction locks the rows of a day and kind
 * in the same order, so two that write contacts of the same days and kinds wait for each other, never deadlock.
 */
function tally(contacts: readonly RolledContact[]) {
  const days = new Map<string, { occurred_on: string; kind: string; contacts: number }>();
  for (const c of contacts) {
    const key = `${c.occurred_on} ${c.kind}`;
    const d = days.get(key);
    if (d) d.contacts++;
    else days.set(key, { occurred_on: c.occurred_on, kind: c.kind, contacts: 1 });
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
}

/** Takes contacts just deleted out of the rollups: counts go down, a subject's last day is found again. */
export async function removeFromRollups(trx: Trx, communityId: string, removed: readonly RolledContact[]) {
  if (!removed.length) return;
  const subjects = [...new Set(removed.map((c) => c.subject_id))];
  // Lock the subjects' rows first: a contact another transaction writes for them meanwhile either committed before
  // (and the look-up below sees it) or waits for this one and applies itself on top.
  await trx
    .updateTable('contact_subject')
    .set({ last_on: sql`last_on` })
    .where('community_id', '=', communityId)
    .where('subject_id', 'in', subjects)
    .execute();
  const months = new Map<string, { subject: string; month: string; n: number }>();
  for (const c of removed) {
    const key = `${c.subject_id} ${monthOf(c.occurred_on)}`;
    const m = months.get(key) ?? { subject: c.subject_id, month: monthOf(c.occurred_on), n: 0 };
    m.n++;
    months.set(key, m);
  }
  for (const m of months.values())
    await trx
      .updateTable('contact_subject_month')
      .set({ contacts: sql<number>`contacts - ${m.n}` })
      .where('community_id', '=', communityId)
      .where('subject_id', '=', m.subject)
      .where('month', '=', m.month)
      .execute();
  await trx
    .deleteFrom('contact_subject_month')
    .where('community_id', '=', communityId)
    .where('subject_id', 'in', subjects)
    .where('contacts', '<=', 0)
    .execute();
  const days = tally(removed);
  for (const d of days)
    await trx
      .updateTable('contact_day_kind')
      .set({ contacts: sql<number>`contacts - ${d.contacts}` })
      .where('community_id', '=', communityId)
      .where('occurred_on', '=', d.occurred_on)
      .where('kind', '=', d.kind)
      .execute();
  await trx
    .deleteFrom('contact_day_kind')
    .where('community_id', '=', communityId)
    .where('occurred_on', 'in', [...new Set(days.map((d) => d.occurred_on))])
    .where('contacts', '<=', 0)
    .execute();
  for (const subject of subjects) {
    const last = await trx
      .selectFrom('contact')
      .select(['occurred_on', 'kind'])
      .where('community_id', '=', communityId)
      .where('subject_id', '=', subject)
      .orderBy('occurred_on', 'desc')
      .orderBy('kind', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last)
      await trx
        .updateTable('contact_subject')
        .set({ last_on: last.occurred_on, last_kind: last.kind })
        .where('community_id', '=', communityId)
        .where('subject_id', '=', subject)
        .execute();
    else
      await trx
        .deleteFrom('contact_subject')
        .where('community_id', '=', communityId)
        .where('subject_id', '=', subject)
        .execute();
  }
}

/** Computes every rollup again from the contacts, for one community or (none given) every community. */
export async function rebuildContactRollups(db: DbOrTrx, communityId?: string): Promise<void> {
  await rebuildSubjectRollups(db, communityId);
  await rebuildDayKindRollup(db, communityId);
}

/** contact_subject and contact_subject_month again from the contacts (their migration's backfill calls this alone). */
export async function rebuildSubjectRollups(db: DbOrTrx, communityId?: string): Promise<void> {
  const one = !!communityId;
  await db
    .deleteFrom('contact_subject')
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .execute();
  await db
    .deleteFrom('contact_subject_month')
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .execute();
  const lastDays = db
    .selectFrom('contact')
    .select(['community_id', 'subject_id', (eb) => eb.fn.max('occurred_on').as('last')])
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .groupBy(['community_id', 'subject_id']);
  await db
    .insertInto('contact_subject')
    .columns(['community_id', 'subject_id', 'last_on', 'last_kind'])
    .expression(
      db
        .selectFrom('contact as c')
        .innerJoin(lastDays.as('m'), (j) =>
          j
            .onRef('m.community_id', '=', 'c.community_id')
            .onRef('m.subject_id', '=', 'c.subject_id')
            .onRef('m.last', '=', 'c.occurred_on'),
        )
        .select(['c.community_id', 'c.subject_id', 'c.occurred_on', (eb) => eb.fn.max('c.kind').as('last_kind')])
        .$if(one, (q) => q.where('c.community_id', '=', communityId!))
        .groupBy(['c.community_id', 'c.subject_id', 'c.occurred_on']),
    )
    .execute();
  const month = sql<string>`substr(occurred_on, 1, 7)`;
  await db
    .insertInto('contact_subject_month')
    .columns(['community_id', 'subject_id', 'month', 'contacts'])
    .expression(
      db
        .selectFrom('contact')
        .select(['community_id', 'subject_id', month.as('month'), sql<number>`count(*)`.as('contacts')])
        .$if(one, (q) => q.where('community_id', '=', communityId!))
        .groupBy(['community_id', 'subject_id', month]),
    )
    .execute();
}

/** contact_day_kind again from the contacts. */
export async function rebuildDayKindRollup(db: DbOrTrx, communityId?: string): Promise<void> {
  const one = !!communityId;
  await db
    .deleteFrom('contact_day_kind')
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .execute();
  await db
    .insertInto('contact_day_kind')
    .columns(['community_id', 'occurred_on', 'kind', 'contacts'])
    .expression(
      db
        .selectFrom('contact')
        .select(['community_id', 'occurred_on', 'kind', sql<number>`count(*)`.as('contacts')])
        .$if(one, (q) => q.where('community_id', '=', communityId!))
        .groupBy(['community_id', 'occurred_on', 'kind']),
    )
    .execute();
}
