// The demo's hours ledger: one entry for every service the demo already holds (pairing visits, activity
// attendance, appointment sessions), verified by the social worker a few days after the service, except the
// last week's, which wait in the verification queue as they would on a real Monday. The running totals are
// summed here, exactly as the service would have kept them. Pure: rows in, rows out.
import type { Insertable } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays } from './identity.ts';

export interface DemoService {
  volunteerId: string;
  source: 'activity' | 'pairing_visit' | 'appointment';
  sourceId: string;
  serviceDate: string;
  minutes: number;
  description: string;
  startedAt?: string | null;
  endedAt?: string | null;
  reviewReason?: string | null;
  recordedByName?: string;
  /** The entry's id when the source row points at it (an activity sign-up's hours_entry_id). */
  entryId?: string;
}

export interface HoursRows {
  entries: Insertable<Database['hours_entry']>[];
  totals: Insertable<Database['hours_total']>[];
}
export const HOURS_TABLES = [
  ['hours_entry', 'entries'],
  ['hours_total', 'totals'],
] as const;

/** Entries younger than this many days are still waiting for verification. */
const QUEUE_DAYS = 7;

export function hoursRows(
  services: readonly DemoService[],
  ctx: { communityId: string; today: string; at: string; staff: { accountId: string | null; name: string } },
): HoursRows {
  const entries: HoursRows['entries'] = [];
  const totals = new Map<string, { credit: number; pending: number; entries: number; last: string }>();
  const sorted = [...services].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
  for (const s of sorted) {
    const verified = s.serviceDate < addDays(ctx.today, -QUEUE_DAYS);
    const verifiedAt = `${addDays(s.serviceDate, 2)}T03:00:00.000Z`;
    entries.push({
      community_id: ctx.communityId,
      id: s.entryId ?? uuidv7(),
      volunteer_id: s.volunteerId,
      source: s.source,
      source_id: s.sourceId,
      service_date: s.serviceDate,
      started_at: s.startedAt ?? null,
      ended_at: s.endedAt ?? null,
      raw_minutes: s.minutes,
      minutes: s.minutes,
      kind: 'credit',
      description: s.description,
      corrects_id: null,
      corrected_by: null,
      review_reason: s.reviewReason ?? null,
      note: null,
      recorded_by: null,
      recorded_by_name: s.recordedByName ?? '系统',
      created_at: `${s.serviceDate}T12:00:00.000Z`,
      status: verified ? 'verified' : 'pending',
      verified_by: verified ? ctx.staff.accountId : null,
      verified_by_name: verified ? ctx.staff.name : null,
      verified_at: verified ? verifiedAt : null,
    });
    const t = totals.get(s.volunteerId) ?? { credit: 0, pending: 0, entries: 0, last: s.serviceDate };
    totals.set(s.volunteerId, t);
    if (verified) t.credit += s.minutes;
    else t.pending += s.minutes;
    t.entries++;
    if (s.serviceDate > t.last) t.last = s.serviceDate;
  }
  return {
    entries,
    totals: [...totals].map(([volunteerId, t]) => ({
      community_id: ctx.communityId,
      volunteer_id: volunteerId,
      credit_minutes: t.credit,
      honour_minutes: 0,
      pending_minutes: t.pending,
      entries: t.entries,
      last_service_date: t.last,
      updated_at: ctx.at,
    })),
  };
}
