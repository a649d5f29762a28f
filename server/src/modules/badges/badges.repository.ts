// All SQL of the love QR badges: settings, badges (found by their token's hash), their call lists and scans.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { BadgeContactTable, BadgeScanTable, BadgeSettingsTable, BadgeTable } from '../../db/schema/badges.ts';

export const getSettings = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('badge_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();

export const upsertSettings = (db: DbOrTrx, row: BadgeSettingsTable) =>
  db
    .insertInto('badge_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        hotline: row.hotline,
        duty_phone: row.duty_phone,
        notify_phones: row.notify_phones,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();

/** The one lookup that crosses communities: a scan's token, hashed. */
export const byTokenHash = (db: DbOrTrx, tokenHash: string) =>
  db.selectFrom('badge').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const getBadge = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('badge').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

export const insertBadge = (db: DbOrTrx, row: BadgeTable) => db.insertInto('badge').values(row).execute();

export const contactsOf = (db: DbOrTrx, communityId: string, badgeIds: string[]) =>
  badgeIds.length === 0
    ? Promise.resolve([] as BadgeContactTable[])
    : db
        .selectFrom('badge_contact')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('badge_id', 'in', badgeIds)
        .orderBy('badge_id')
        .orderBy('position')
        .execute();

export async function replaceContacts(db: DbOrTrx, communityId: string, badgeId: string, rows: BadgeContactTable[]) {
  await db
    .deleteFrom('badge_contact')
    .where('community_id', '=', communityId)
    .where('badge_id', '=', badgeId)
    .execute();
  if (rows.length) await db.insertInto('badge_contact').values(rows).execute();
}

/** Changes the words of a badge that is still active; false when it is not (revoked or replaced meanwhile). */
export async function updateWords(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: { nickname: string; cautions: string; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('badge')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** active → revoked or replaced, once; false when it was no longer active. */
export async function endBadge(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Pick<
    BadgeTable,
    'status' | 'revoked_at' | 'revoked_by' | 'revoked_by_name' | 'revoke_reason' | 'replaced_by' | 'updated_at'
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('badge')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const activeBadgeOf = (db: DbOrTrx, communityId: string, residentId: string) =>
  db
    .selectFrom('badge')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('status', '=', 'active')
    .executeTakeFirst();

export async function residentsWithActiveBadge(db: DbOrTrx, communityId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('badge')
    .select('resident_id')
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => r.resident_id));
}

export interface ListFilter {
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Badges with the elder's name and masked ID number (staff may see them), scan counts and the last scan. */
export async function list(db: DbOrTrx, communityId: string, f: ListFilter) {
  const q = listed(db, communityId, f);
  const [rows, count] = await Promise.all([
    q
      .selectAll('g')
      .select([
        'r.name as resident_name',
        'r.id_number_masked',
        (eb) =>
          eb
            .selectFrom('badge_scan as s')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('s.community_id', '=', 'g.community_id')
            .whereRef('s.badge_id', '=', 'g.id')
            .as('scans'),
        (eb) =>
          eb
            .selectFrom('badge_scan as s')
            .select((e) => e.fn.max('s.at').as('m'))
            .whereRef('s.community_id', '=', 'g.community_id')
            .whereRef('s.badge_id', '=', 'g.id')
            .as('last_scan_at'),
      ])
      .orderBy(sql`case when g.status = 'active' then 0 else 1 end`)
      .orderBy('g.issued_at', 'desc')
      .orderBy('g.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function listed(db: DbOrTrx, communityId: string, f: ListFilter) {
  let q = db
    .selectFrom('badge as g')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'g.community_id').onRef('r.id', '=', 'g.resident_id'),
    )
    .where('g.community_id', '=', communityId);
  if (f.status) q = q.where('g.status', '=', f.status);
  if (f.q)
    q = q.where((eb) =>
      eb.or([
        eb('r.name', 'like', `%${f.q!.replace(/[%_\\]/g, '')}%`),
        eb('g.nickname', 'like', `%${f.q!.replace(/[%_\\]/g, '')}%`),
      ]),
    );
  return q;
}

export const residentOf = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('resident')
    .select(['id', 'name', 'id_number_masked', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const familyContactsOf = (db: DbOrTrx, communityId: string, residentId: string) =>
  db
    .selectFrom('family_contact')
    .select(['name', 'relation', 'phone', 'is_primary'])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .execute();

/** Badges of the residents whose family contacts list this phone: the newest of each resident. */
export const badgesForFamily = (db: DbOrTrx, communityId: string, phone: string) =>
  db
    .selectFrom('badge as g')
    .selectAll('g')
    .where('g.community_id', '=', communityId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('family_contact as c')
          .select(sql`1`.as('one'))
          .whereRef('c.community_id', '=', 'g.community_id')
          .whereRef('c.resident_id', '=', 'g.resident_id')
          .where('c.phone', '=', phone),
      ),
    )
    .orderBy('g.issued_at', 'desc')
    .execute();

export const scansOf = (db: DbOrTrx, communityId: string, badgeId: string, limit: number, offset = 0) =>
  db
    .selectFrom('badge_scan as s')
    .selectAll('s')
    // Returned: the family (or staff for them) confirmed the elder was found and is home after this scan.
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('contact as c')
            .select('c.id')
            .whereRef('c.community_id', '=', 's.community_id')
            .where('c.kind', '=', 'badge_return')
            .whereRef('c.source_id', '=', 's.id'),
        )
        .as('returned'),
    )
    .where('s.community_id', '=', communityId)
    .where('s.badge_id', '=', badgeId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();

export async function countScans(db: DbOrTrx, communityId: string, badgeId: string): Promise<number> {
  const row = await db
    .selectFrom('badge_scan')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('badge_id', '=', badgeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertScans = (db: DbOrTrx, rows: BadgeScanTable[]) => db.insertInto('badge_scan').values(rows).execute();

/** The live (not withdrawn) consents of a community for one purpose: the badge list shows which badge stands on one. */
export const liveConsents = (db: DbOrTrx, communityId: string, purpose: string) =>
  db
    .selectFrom('consent_record')
    .select(['resident_id', 'given_by_name', 'given_by_relation', 'given_at'])
    .where('community_id', '=', communityId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .execute();

/** Takes a phone off a badge's call list; how many entries went. */
export async function removeContactPhone(
  db: DbOrTrx,
  communityId: string,
  badgeId: string,
  phone: string,
): Promise<number> {
  const r = await db
    .deleteFrom('badge_contact')
    .where('community_id', '=', communityId)
    .where('badge_id', '=', badgeId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Erases where scans before `before` happened (the finder's place, coordinates, message and address hash), at most
 * `limit` scans; the rows stay, so the family can still see that and when a scan happened. The communities of the
 * erased scans, one entry per scan.
 */
export async function purgeScanDetails(db: DbOrTrx, before: string, limit: number): Promise<string[]> {
  const due = db.selectFrom('badge_scan').select('id').where('ip_hash', '<>', '').where('at', '<', before).limit(limit);
  const rows = await db
    .updateTable('badge_scan')
    .set({ place: null, lat: null, lng: null, message: null, ip_hash: '' })
    .where('id', 'in', due)
    .where('ip_hash', '<>', '')
    .returning('community_id')
    .execute();
  return rows.map((r) => r.community_id);
}
