// The daily job 'volunteers.expiry_notices': a volunteer whose training certificate or insurance cover runs
// out within 30 days gets one message per item. Each item is marked (notified_on) in the same transaction as
// its message, with a conditional update, so a rerun or a second server never sends it twice.
import type { Db, Trx } from '../../db/database.ts';
import { noCoverRunsOn } from '../../platform/insurance-cover.ts';
import type { Notification, Notifier } from '../../platform/notify.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';

export const EXPIRY_NOTICE_DAYS = 30;

export async function sendExpiryNotices(
  db: Db,
  notifier: Notifier,
  now = new Date(),
): Promise<{ training: number; insurance: number }> {
  const today = todayInShanghai(now);
  const until = addDays(today, EXPIRY_NOTICE_DAYS);
  let training = 0,
    insurance = 0;

  const certs = await db
    .selectFrom('training_certificate as t')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 't.community_id').onRef('v.id', '=', 't.volunteer_id'),
    )
    .innerJoin('training_course as c', (j) =>
      j.onRef('c.community_id', '=', 't.community_id').onRef('c.id', '=', 't.course_id'),
    )
    .select(['t.community_id', 't.id', 't.expires_on', 'v.phone', 'v.name', 'c.title'])
    .where('t.notified_on', 'is', null)
    .where('t.expires_on', '>=', today)
    .where('t.expires_on', '<=', until)
    .where(({ not, exists, selectFrom, ref }) =>
      not(
        exists(
          selectFrom('training_certificate as n')
            .select('n.id')
            .whereRef('n.community_id', '=', 't.community_id')
            .whereRef('n.volunteer_id', '=', 't.volunteer_id')
            .whereRef('n.course_id', '=', 't.course_id')
            .where((eb) => eb.or([eb('n.expires_on', 'is', null), eb('n.expires_on', '>', ref('t.expires_on'))])),
        ),
      ),
    )
    .execute();
  for (const c of certs) {
    const mark = (trx: Trx) =>
      trx
        .updateTable('training_certificate')
        .set({ notified_on: today })
        .where('community_id', '=', c.community_id)
        .where('id', '=', c.id)
        .where('notified_on', 'is', null)
        .executeTakeFirst();
    const sent = await markAndSend(db, notifier, mark, {
      channel: 'sms',
      recipient: c.phone,
      template: 'training.expiring',
      payload: { name: c.name, course: c.title, expiresOn: c.expires_on, certificateId: c.id },
    });
    if (sent) training++;
  }

  const covers = await db
    .selectFrom('insurance_cover as c')
    .innerJoin('insurance_policy as p', (j) =>
      j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.policy_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'c.community_id').onRef('v.id', '=', 'c.volunteer_id'),
    )
    .select([
      'c.community_id',
      'c.policy_id',
      'c.volunteer_id',
      'p.ends_on',
      'p.insurer',
      'p.policy_no',
      'v.phone',
      'v.name',
    ])
    .where('c.notified_on', 'is', null)
    .where('p.ends_on', '>=', today)
    .where('p.ends_on', '<=', until)
    .where(noCoverRunsOn(until))
    .execute();
  for (const c of covers) {
    const mark = (trx: Trx) =>
      trx
        .updateTable('insurance_cover')
        .set({ notified_on: today })
        .where('community_id', '=', c.community_id)
        .where('policy_id', '=', c.policy_id)
        .where('volunteer_id', '=', c.volunteer_id)
        .where('notified_on', 'is', null)
        .executeTakeFirst();
    const sent = await markAndSend(db, notifier, mark, {
      channel: 'sms',
      recipient: c.phone,
      template: 'insurance.expiring',
      payload: { name: c.name, insurer: c.insurer, policyNo: c.policy_no, endsOn: c.ends_on },
    });
    if (sent) insurance++;
  }
  return { training, insurance };
}

/**
 * One item's notice: `mark` sets its notified_on only where still null, and the message goes out in the same
 * transaction only when that update changed a row. True when this run sent it.
 */
async function markAndSend(
  db: Db,
  notifier: Notifier,
  mark: (trx: Trx) => Promise<{ numUpdatedRows: bigint }>,
  notice: Notification,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await mark(trx);
    if (!Number(r.numUpdatedRows)) return false;
    await notifier.send(trx, notice);
    return true;
  });
}
