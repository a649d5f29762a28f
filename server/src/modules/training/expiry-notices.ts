// The daily job 'volunteers.expiry_notices': a volunteer whose training certificate or insurance cover runs
// out within 30 days gets one message per item. Each item is marked (notified_on) in the same transaction as
// its message, with a conditional update, so a rerun or a second server never sends it twice.
import type { Db } from '../../db/database.ts';
import type { Notifier } from '../../platform/notify.ts';
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
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('training_certificate')
        .set({ notified_on: today })
        .where('community_id', '=', c.community_id)
        .where('id', '=', c.id)
        .where('notified_on', 'is', null)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return;
      await notifier.send(trx, {
        channel: 'sms',
        recipient: c.phone,
        template: 'training.expiring',
        payload: { name: c.name, course: c.title, expiresOn: c.expires_on, certificateId: c.id },
      });
      training++;
    });
  }

  const covers = await db
    .selectFrom('insurance_cover as ic')
    .innerJoin('insurance_policy as p', (j) =>
      j.onRef('p.community_id', '=', 'ic.community_id').onRef('p.id', '=', 'ic.policy_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'ic.community_id').onRef('v.id', '=', 'ic.volunteer_id'),
    )
    .select([
      'ic.community_id',
      'ic.policy_id',
      'ic.volunteer_id',
      'p.ends_on',
      'p.insurer',
      'p.policy_no',
      'v.phone',
      'v.name',
    ])
    .where('ic.notified_on', 'is', null)
    .where('p.ends_on', '>=', today)
    .where('p.ends_on', '<=', until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('insurance_cover as c2')
            .innerJoin('insurance_policy as p2', (j) =>
              j.onRef('p2.community_id', '=', 'c2.community_id').onRef('p2.id', '=', 'c2.policy_id'),
            )
            .select('c2.policy_id')
            .whereRef('c2.community_id', '=', 'ic.community_id')
            .whereRef('c2.volunteer_id', '=', 'ic.volunteer_id')
            .where('p2.ends_on', '>', until)
            .where('p2.starts_on', '<=', until),
        ),
      ),
    )
    .execute();
  for (const c of covers) {
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('insurance_cover')
        .set({ notified_on: today })
        .where('community_id', '=', c.community_id)
        .where('policy_id', '=', c.policy_id)
        .where('volunteer_id', '=', c.volunteer_id)
        .where('notified_on', 'is', null)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return;
      await notifier.send(trx, {
        channel: 'sms',
        recipient: c.phone,
        template: 'insurance.expiring',
        payload: { name: c.name, insurer: c.insurer, policyNo: c.policy_no, endsOn: c.ends_on },
      });
      insurance++;
    });
  }
  return { training, insurance };
}
