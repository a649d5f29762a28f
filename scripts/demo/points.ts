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

export async function earnDemoPoints(trx: Trx, entries: readonly Insertable<Database['hours_entry']>[]): Promise<void> {
  const db = trx as unknown as Kysely<Database>;
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
