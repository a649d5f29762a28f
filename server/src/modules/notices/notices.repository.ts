// Notices staff sent (notice_batch, notice_recipient → notification_outbox) and the read marks of 我的消息.
import type { DbOrTrx } from '../../db/database.ts';
import type { NoticeBatchTable, NoticeRecipientTable } from '../../db/schema/index.ts';

// Statements over many rows are cut into chunks: SQLite allows at most 32,766 bound values per statement.
const CHUNK = 500;

export async function insertBatch(db: DbOrTrx, row: NoticeBatchTable): Promise<void> {
  await db.insertInto('notice_batch').values(row).execute();
}

export async function insertRecipients(db: DbOrTrx, rows: NoticeRecipientTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('notice_recipient')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** A page of the community's notices, newest first; `teamId` limits them to those sent to that team. */
export async function listBatches(
  db: DbOrTrx,
  communityId: string,
  teamId: string | null,
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('notice_batch').where('community_id', '=', communityId);
  if (teamId) q = q.where('audience_kind', '=', 'team').where('audience_ref', '=', teamId);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getBatch(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('notice_batch')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many of each batch's messages the outbox holds in each status (the status the channels keep current). */
export async function statusCounts(db: DbOrTrx, communityId: string, batchIds: string[]) {
  if (!batchIds.length) return [];
  return db
    .selectFrom('notice_recipient as n')
    .innerJoin('notification_outbox as o', 'o.id', 'n.outbox_id')
    .select(['n.batch_id', 'o.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('n.community_id', '=', communityId)
    .where('n.batch_id', 'in', batchIds)
    .groupBy(['n.batch_id', 'o.status'])
    .execute();
}

/** Each person a batch went to, with the outbox row's channel, status and times. */
export async function batchPeople(db: DbOrTrx, communityId: string, batchId: string) {
  return db
    .selectFrom('notice_recipient as n')
    .innerJoin('notification_outbox as o', 'o.id', 'n.outbox_id')
    .select([
      'n.outbox_id',
      'n.person_name',
      'n.person_kind',
      'o.recipient',
      'o.channel',
      'o.status',
      'o.sent_at',
      'o.created_at',
    ])
    .where('n.community_id', '=', communityId)
    .where('n.batch_id', '=', batchId)
    .orderBy('n.person_name')
    .orderBy('n.outbox_id')
    .execute();
}

/** Who 我的消息 is for: the signed-in account and the phone it signs in with. */
export interface Addressee {
  accountId: string;
  phone: string;
}

/**
 * The one place that decides which outbox rows are a person's: the account each row is for (the outbox finds it
 * from the phone or WeChat binding when the sender did not say), so SMS, WeChat and in-app messages all show.
 */
function addressedTo(db: DbOrTrx, who: Addressee, hidden: readonly string[]) {
  let q = db.selectFrom('notification_outbox as o').where('o.account_id', '=', who.accountId);
  if (hidden.length) q = q.where('o.template', 'not in', hidden);
  return q;
}

/** A page of a person's messages, newest first, each with whether they have read it; and how many there are. */
export async function myMessages(
  db: DbOrTrx,
  who: Addressee,
  hidden: readonly string[],
  page: number,
  pageSize: number,
) {
  const [rows, total] = await Promise.all([
    addressedTo(db, who, hidden)
      .leftJoin('message_read as m', (j) => j.onRef('m.outbox_id', '=', 'o.id').on('m.account_id', '=', who.accountId))
      .select(['o.id', 'o.template', 'o.payload', 'o.created_at', 'm.read_at'])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    addressedTo(db, who, hidden)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function unreadCount(db: DbOrTrx, who: Addressee, hidden: readonly string[]): Promise<number> {
  const row = await addressedTo(db, who, hidden)
    .leftJoin('message_read as m', (j) => j.onRef('m.outbox_id', '=', 'o.id').on('m.account_id', '=', who.accountId))
    .where('m.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of these outbox ids, those addressed to the person (a read mark is only ever set on one's own message). */
export async function ownIds(db: DbOrTrx, who: Addressee, ids: string[], hidden: readonly string[]) {
  if (!ids.length) return [];
  const rows = await addressedTo(db, who, hidden).select('o.id').where('o.id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function markRead(db: DbOrTrx, accountId: string, outboxIds: string[], at: string): Promise<void> {
  if (!outboxIds.length) return;
  await db
    .insertInto('message_read')
    .values(outboxIds.map((id) => ({ account_id: accountId, outbox_id: id, read_at: at })))
    .onConflict((oc) => oc.columns(['account_id', 'outbox_id']).doNothing())
    .execute();
}
