// The demo's record of service, written last: every contact derived from the work seeded above (the same
// rebuild existing databases get), then the two kinds that have no other record — elders found through their
// badge and brought home (the family's confirmation), and residents named as served by past service activities.
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import { rebuildContacts } from '../../server/src/modules/contacts/contacts.backfill.ts';
import { rebuildContactRollups } from '../../server/src/modules/contacts/contacts.rollup.ts';
import { todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { insertInBatches } from './insert.ts';
import { Rng } from './random.ts';

/** Past service activities that name the residents they served, and how many each served. */
const SERVING_ACTIVITIES = 12;
const SERVED_PER_ACTIVITY = [6, 18] as const;
/** Of the badges scanned only by views, how many scans ended in a confirmed return. */
const VIEW_RETURNS = 5;

export async function insertDemoContacts(
  db: Kysely<Database>,
  input: { communityId: string; now: Date; seed: number },
): Promise<void> {
  const cid = input.communityId;
  const at = input.now.toISOString();
  const today = todayInShanghai(input.now);
  const rng = new Rng(input.seed ^ 0x5e7c1ce);
  await rebuildContacts(db, cid, input.now, { rollups: false }); // the rollups are computed once, at the end

  const residents = await db
    .selectFrom('resident as r')
    .select(['r.id', 'r.household_id'])
    .where('r.community_id', '=', cid)
    .where('r.status', '=', 'active')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('resident_tag as t')
          .select('t.resident_id')
          .whereRef('t.community_id', '=', 'r.community_id')
          .whereRef('t.resident_id', '=', 'r.id'),
      ),
    )
    .orderBy('r.name_pinyin')
    .orderBy('r.birth_date')
    .execute();
  const householdOf = new Map(residents.map((r) => [r.id, r.household_id]));
  const rows: Array<Database['contact']> = [];

  // Badge returns: every finder's message ended with the elder home, and a few scans that were only views (the
  // finder phoned the family from the page).
  const scans = await db
    .selectFrom('badge_scan as s')
    .innerJoin('badge as b', (j) => j.onRef('b.community_id', '=', 's.community_id').onRef('b.id', '=', 's.badge_id'))
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'b.community_id').onRef('r.id', '=', 'b.resident_id'),
    )
    .select(['s.id', 's.at', 's.kind', 's.badge_id', 'b.resident_id', 'r.household_id'])
    .where('s.community_id', '=', cid)
    .orderBy('s.at')
    .execute();
  const returned = new Set<string>();
  const viewBadges = new Set<string>();
  for (const s of scans) {
    if (s.kind === 'message') returned.add(s.id);
    else if (!viewBadges.has(s.badge_id) && viewBadges.size < VIEW_RETURNS) {
      viewBadges.add(s.badge_id);
      returned.add(s.id);
    }
  }
  for (const s of scans.filter((x) => returned.has(x.id))) {
    const back = new Date(Math.min(Date.parse(s.at) + 95 * 60_000, input.now.getTime()));
    rows.push({
      community_id: cid,
      id: uuidv7(),
      kind: 'badge_return',
      resident_id: s.resident_id,
      household_id: s.household_id,
      occurred_on: todayInShanghai(back),
      occurred_at: back.toISOString(),
      volunteer_id: null,
      served_by: '扫码的好心人',
      source_id: s.id,
      subject_id: s.resident_id,
      created_at: at,
    });
  }

  // Service activities that served named residents (a haircut day, a health talk): the latest past ones.
  const activities = await db
    .selectFrom('activity')
    .select(['id', 'title', 'date', 'starts_at'])
    .where('community_id', '=', cid)
    .where('kind', '=', 'service')
    .where('status', '=', 'published')
    .where('date', '<', today)
    .orderBy('date', 'desc')
    .orderBy('starts_at', 'desc')
    .limit(SERVING_ACTIVITIES)
    .execute();
  for (const a of activities) {
    if (!residents.length) break;
    const n = rng.int(...SERVED_PER_ACTIVITY);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(n, residents.length)) chosen.add(rng.pick(residents).id);
    for (const residentId of chosen)
      rows.push({
        community_id: cid,
        id: uuidv7(),
        kind: 'activity',
        resident_id: residentId,
        household_id: householdOf.get(residentId)!,
        occurred_on: a.date,
        occurred_at: a.starts_at,
        volunteer_id: null,
        served_by: a.title,
        source_id: a.id,
        subject_id: residentId,
        created_at: at,
      });
  }
  await insertInBatches(db, 'contact', rows);
  // Written here beside ContactService: its per-subject rollups, which the monitor reads, computed from the contacts.
  await rebuildContactRollups(db, cid);
}
