// All SQL of certificates: the issuer settings, the yearly number counter, issued certificates.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { CertificateSettingsTable, CertificateTable } from '../../db/schema/index.ts';

export const getSettings = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('certificate_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();

export const upsertSettings = (db: DbOrTrx, row: CertificateSettingsTable) =>
  db
    .insertInto('certificate_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        issuer_name: row.issuer_name,
        responsible_person: row.responsible_person,
        handler_name: row.handler_name,
        contact_phone: row.contact_phone,
        prefix: row.prefix,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();

/** The community admin's name, the default responsible person until the settings name one. */
export const adminName = async (db: DbOrTrx, communityId: string) =>
  (
    await db
      .selectFrom('membership as m')
      .innerJoin('account as a', 'a.id', 'm.account_id')
      .select('a.name')
      .where('m.community_id', '=', communityId)
      .where('m.role', '=', 'community_admin')
      .orderBy('m.created_at')
      .limit(1)
      .executeTakeFirst()
  )?.name ?? null;

/** What the certificate prints of the volunteer: the name and the stored masked ID number (never decrypted). */
export const volunteerIdentity = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer')
    .select(['id', 'name', 'id_number_masked'])
    .where('community_id', '=', communityId)
    .where('id', '=', volunteerId)
    .executeTakeFirst();

/**
 * Raises the community's counter for the year and returns the new value; an upsert, so concurrent issuers get
 * distinct numbers.
 */
export async function nextSeq(db: DbOrTrx, communityId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('certificate_counter')
    .values({ community_id: communityId, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['community_id', 'year']).doUpdateSet({ last_seq: sql`certificate_counter.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export const insertCertificate = (db: DbOrTrx, row: CertificateTable) =>
  db.insertInto('certificate').values(row).execute();

export const getCertificate = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('certificate')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const byToken = (db: DbOrTrx, communityId: string, token: string) =>
  db
    .selectFrom('certificate')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('token', '=', token)
    .executeTakeFirst();

/** Valid → revoked, once; false when it was already revoked. */
export async function markRevoked(
  db: DbOrTrx,
  communityId: string,
  id: string,
  by: { accountId: string; name: string },
  reason: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('certificate')
    .set({
      status: 'revoked',
      revoked_at: at,
      revoked_by: by.accountId,
      revoked_by_name: by.name,
      revoke_reason: reason,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ListFilter {
  volunteerId?: string;
  status?: string;
  q?: string;
}

export async function list(db: DbOrTrx, communityId: string, f: ListFilter, page: number, pageSize: number) {
  let base = db
    .selectFrom('certificate as c')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'c.community_id').onRef('v.id', '=', 'c.volunteer_id'),
    )
    .where('c.community_id', '=', communityId);
  if (f.volunteerId) base = base.where('c.volunteer_id', '=', f.volunteerId);
  if (f.status) base = base.where('c.status', '=', f.status);
  if (f.q) base = base.where((eb) => eb.or([eb('c.number', '=', f.q!.toUpperCase()), eb('v.name', '=', f.q!)]));
  const [items, count] = await Promise.all([
    base
      .selectAll('c')
      .select('v.name as volunteer_name')
      .orderBy('c.issued_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
