// The demo's points and love supermarket: points earned on every verified entry through the points module's
// own listener (the code that runs when staff verify), and the supermarket's shelf.
import type { Insertable, Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { Trx } from '../../server/src/db/database.ts';
import { AuditLog } from '../../server/src/platform/audit.ts';
import { Notifier } from '../../server/src/platform/notify.ts';
import { VolunteerDirectory } from '../../server/src/modules/volunteers/volunteer-directory.ts';
import { HoursService, type CreditChange } from '../../server/src/modules/hours/hours.service.ts';
import { PointsService } from '../../server/src/modules/points/points.service.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { reconcileDay, settle } from '../../domain/records/supermarket.ts';
import { assertBalanced, volunteerAccount, type PointsRule, type Posting } from '../../domain/hours/points.ts';
import { inBulkBuild, insertInBatches } from './insert.ts';

export async function earnDemoPoints(trx: Trx, entries: readonly Insertable<Database['hours_entry']>[]): Promise<void> {
  const db = trx as unknown as Kysely<Database>;
  if (inBulkBuild()) return replayPoints(trx, entries);
  const audit = new AuditLog(db, 'sqlite');
  const directory = new VolunteerDirectory(db);
  const points = new PointsService(
    db,
    audit,
    directory,
    new HoursService(db, audit, directory, new Notifier(pino({ level: 'silent' }))),
  );
  const changes: CreditChange[] = entries
    .filter((e) => e.status === 'verified' && e.kind === 'credit')
    .map((e) => ({
      communityId: e.community_id as string,
      volunteerId: e.volunteer_id as string,
      entryId: e.id as string,
      serviceDate: e.service_date as string,
      minutesDelta: Number(e.minutes),
    }));
  await points.onCreditChange(trx, changes);
}

/** What a city build's points replay holds until flushDemoPoints(), per seed transaction. */
interface Replay {
  rule: PointsRule;
  balances: Map<string, { balance: number; earned: number; debt: number; updated_at: string }>;
  days: Map<string, { volunteer_id: string; service_date: string; minutes: number; points: number }>;
  txns: Insertable<Database['points_txn']>[];
  postings: Insertable<Database['points_posting']>[];
}
const replays = new WeakMap<object, Replay>();

/**
 * The points listener's own steps (PointsService.onCreditChange) on rows held in memory, for a city build: the
 * listener's handful of queries per volunteer and day took most of a community's time on PostgreSQL. Same rule,
 * same order, same rows; a community's points are new, so nothing is read back from the database but the rule.
 */
async function replayPoints(trx: Trx, entries: readonly Insertable<Database['hours_entry']>[]): Promise<void> {
  const credits = entries.filter((e) => e.status === 'verified' && e.kind === 'credit');
  if (credits.length === 0) return;
  let r = replays.get(trx);
  if (!r) {
    const db = trx as unknown as Kysely<Database>;
    const audit = new AuditLog(db, 'sqlite');
    const directory = new VolunteerDirectory(db);
    const hours = new HoursService(db, audit, directory, new Notifier(pino({ level: 'silent' })));
    const rule = (await hours.settings(credits[0]!.community_id as string, trx)).points;
    replays.set(trx, (r = { rule, balances: new Map(), days: new Map(), txns: [], postings: [] }));
  }
  const communityId = credits[0]!.community_id as string;
  const groups = new Map<string, Map<string, { entryIds: string[]; minutes: number }>>();
  for (const e of credits) {
    const volunteerId = e.volunteer_id as string;
    const days = groups.get(volunteerId) ?? new Map<string, { entryIds: string[]; minutes: number }>();
    const d = days.get(e.service_date as string) ?? { entryIds: [], minutes: 0 };
    d.entryIds.push(e.id as string);
    d.minutes += Number(e.minutes);
    days.set(e.service_date as string, d);
    groups.set(volunteerId, days);
  }
  const now = new Date().toISOString();
  for (const volunteerId of [...groups.keys()].sort()) {
    let bal = r.balances.get(volunteerId);
    if (!bal) r.balances.set(volunteerId, (bal = { balance: 0, earned: 0, debt: 0, updated_at: now }));
    bal.updated_at = now;
    for (const [date, d] of [...groups.get(volunteerId)!.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (d.minutes === 0) continue;
      const dayKey = `${volunteerId}|${date}`;
      let day = r.days.get(dayKey);
      if (!day) r.days.set(dayKey, (day = { volunteer_id: volunteerId, service_date: date, minutes: 0, points: 0 }));
      day.minutes += d.minutes;
      const old = day.points;
      const next = reconcileDay(day.minutes, bal.earned - old, r.rule);
      if (next === old) continue;
      const delta = next - old;
      const s = settle(delta, bal.balance, bal.debt);
      day.points = next;
      const moved = delta > 0 ? s.credit : -s.take;
      const txnId = uuidv7();
      if (moved !== 0) {
        const postings: Posting[] = [
          { account: volunteerAccount(volunteerId), amount: moved },
          { account: 'community_pool', amount: -moved },
        ];
        assertBalanced(postings);
        postings.forEach((p, i) =>
          r.postings.push({
            community_id: communityId,
            txn_id: txnId,
            line: i + 1,
            account: p.account,
            amount: p.amount,
          }),
        );
      }
      r.txns.push({
        community_id: communityId,
        id: txnId,
        volunteer_id: volunteerId,
        kind: delta > 0 ? 'earn' : 'reverse',
        points: moved,
        shortfall: s.shortfall,
        service_date: date,
        entry_id: d.entryIds[d.entryIds.length - 1]!,
        redemption_id: null,
        note: delta > 0 ? (s.repaid ? `repaid:${s.repaid}` : null) : s.shortfall ? `shortfall:${s.shortfall}` : null,
        created_by: null,
        created_at: now,
      });
      bal.balance += moved;
      bal.earned += delta;
      bal.debt += s.shortfall - s.repaid;
    }
  }
}

/** Writes what replayPoints() held for this transaction; nothing outside a city build. */
export async function flushDemoPoints(trx: Trx, communityId: string): Promise<void> {
  const r = replays.get(trx);
  if (!r) return;
  replays.delete(trx);
  const db = trx as unknown as Kysely<Database>;
  await insertInBatches(
    db,
    'points_balance',
    [...r.balances].map(([volunteerId, b]) => ({ community_id: communityId, volunteer_id: volunteerId, ...b })),
  );
  await insertInBatches(
    db,
    'points_day',
    [...r.days.values()].map((d) => ({ community_id: communityId, ...d })),
  );
  await insertInBatches(db, 'points_txn', r.txns);
  await insertInBatches(db, 'points_posting', r.postings);
}

const SHELF: Array<[string, number, number]> = [
  ['洗衣液 2 公斤', 30, 40],
  ['大米 5 公斤', 60, 30],
  ['食用油 5 升', 80, 20],
  ['毛巾两条', 15, 60],
  ['牙膏牙刷套装', 12, 50],
  ['挂面 2 公斤', 20, 40],
  ['义剪理发券', 10, 100],
  ['保温杯', 45, 15],
  ['雨伞', 35, 20],
  ['春联福字一套', 8, 80],
];

export function supermarketRows(communityId: string, at: string): Insertable<Database['supermarket_item']>[] {
  return SHELF.map(([name, price, stock]) => ({
    community_id: communityId,
    id: uuidv7(),
    name,
    price_points: price,
    stock,
    active: 1,
    created_at: at,
    updated_at: at,
  }));
}
