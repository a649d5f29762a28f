// The daily job 'monitor.left_out_alerts': staff hear when a resident of any special group has had no contact
// for `days` days (by default 13: answered the next day, nobody waits more than 14). A silence is known by the
// day it began — the last contact, or the day the resident was registered if nobody has been in touch since — and is
// recorded with a conditional insert in the same transaction as the message, so a rerun, a second server
// or tomorrow's run never alerts the same silence again. A new contact starts a new silence.
import type { Db } from '../../db/database.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Notifier } from '../../platform/notify.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { staffPhones } from '../auth/staff-directory.ts';
import * as repo from './monitor.repository.ts';
import { daysBetween, residentFacts } from './monitor.service.ts';

/** How many residents one message names; the count covers them all. */
const NAMED_PER_MESSAGE = 20;

export async function sendLeftOutAlerts(
  db: Db,
  cipher: FieldCipher,
  notifier: Notifier,
  days: number,
  now = new Date(),
): Promise<{ alerted: number; messages: number }> {
  const today = todayInShanghai(now);
  let alerted = 0,
    messages = 0;
  for (const c of await repo.communities(db)) {
    // Every special group, not only the most vulnerable: the simulation (npm run simulate:care) found the groups
    // left unwatched going 38–51 days without anyone in touch.
    const facts = await residentFacts(db, cipher, c.id, null, null);
    const silent = facts
      .map((f) => ({ f, since: f.lastContactOn ?? todayInShanghai(new Date(f.row.created_at)) }))
      .map((x) => ({ ...x, days: daysBetween(x.since, today) }))
      .filter((x) => x.days >= days)
      .sort((a, b) => b.days - a.days || a.f.row.name_pinyin.localeCompare(b.f.row.name_pinyin));
    if (silent.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      const fresh: typeof silent = [];
      for (const s of silent) {
        if (
          await repo.markAlerted(trx, {
            community_id: c.id,
            resident_id: s.f.row.id,
            silent_since: s.since,
            alerted_on: today,
            days_silent: s.days,
            created_at: now.toISOString(),
          })
        )
          fresh.push(s);
      }
      if (fresh.length === 0) return;
      const residents = fresh.slice(0, NAMED_PER_MESSAGE).map((s) => ({
        name: s.f.row.name,
        grid: s.f.row.grid_name,
        daysSilent: s.days,
        lastContactOn: s.f.lastContactOn,
      }));
      for (const staff of await staffPhones(trx, c.id)) {
        await notifier.send(trx, {
          channel: 'sms',
          recipient: staff.phone,
          template: 'monitor.left_out',
          payload: { community: c.name, days, count: fresh.length, residents },
        });
        messages++;
      }
      alerted += fresh.length;
    });
  }
  return { alerted, messages };
}
