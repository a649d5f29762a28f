// Units and organisations with their volunteer and team counts, and a unit's volunteers.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database, UnitTable } from '../../db/schema/index.ts';

type UnitEb = ExpressionBuilder<Database & { u: UnitTable }, 'u'>;
/** A unit's approved volunteers and its teams, as columns of a query over `unit as u`. */
const unitCounts = (eb: UnitEb) => [
  eb
    .selectFrom('volunteer as v')
    .select(sql<number>`count(*)`.as('n'))
    .whereRef('v.community_id', '=', 'u.community_id')
    .whereRef('v.unit_id', '=', 'u.id')
    .where('v.status', '=', 'approved')
    .as('volunteers'),
  eb
    .selectFrom('team as t')
    .select(sql<number>`count(*)`.as('n'))
    .whereRef('t.community_id', '=', 'u.community_id')
    .whereRef('t.unit_id', '=', 'u.id')
    .as('teams'),
];

export async function listUnits(db: DbOrTrx, communityId: string, onlyUnitId: string | null) {
  let q = db
    .selectFrom('unit as u')
    .select((eb) => ['u.id', 'u.name', 'u.kind', 'u.address', 'u.contact_name', 'u.contact_phone', ...unitCounts(eb)])
    .where('u.community_id', '=', communityId);
  if (onlyUnitId) q = q.where('u.id', '=', onlyUnitId);
  return q.orderBy('u.kind').orderBy('u.name').execute();
}

export async function findUnit(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUnitByName(db: DbOrTrx, communityId: string, name: string) {
  return db
    .selectFrom('unit')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertUnit(db: DbOrTrx, row: UnitTable) {
  await db.insertInto('unit').values(row).execute();
}

export async function updateUnit(db: DbOrTrx, communityId: string, id: string, set: Partial<UnitTable>) {
  await db.updateTable('unit').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export async function dependents(db: DbOrTrx, communityId: string, id: string) {
  const v = await db
    .selectFrom('volunteer')
    .select(sql<number>`count(*)`.as('n'))
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb('unit_id', '=', id), eb('recruit_unit_id', '=', id)]))
    .executeTakeFirstOrThrow();
  const t = await db
    .selectFrom('team')
    .select(sql<number>`count(*)`.as('n'))
    .where('community_id', '=', communityId)
    .where('unit_id', '=', id)
    .executeTakeFirstOrThrow();
  return { volunteers: Number(v.n), teams: Number(t.n) };
}

export async function deleteUnit(db: DbOrTrx, communityId: string, id: string) {
  await db.deleteFrom('unit').where('community_id', '=', communityId).where('id', '=', id).execute();
}

export async function unitVolunteers(db: DbOrTrx, communityId: string, unitId: string, teamId: string | null) {
  let q = db
    .selectFrom('volunteer as v')
    .select(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'v.status'])
    .where('v.community_id', '=', communityId)
    .where('v.unit_id', '=', unitId);
  if (teamId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_member as tm')
          .select(sql<number>`1`.as('one'))
          .whereRef('tm.community_id', '=', 'v.community_id')
          .whereRef('tm.volunteer_id', '=', 'v.id')
          .where('tm.team_id', '=', teamId)
          .where('tm.status', '=', 'active'),
      ),
    );
  }
  return q.orderBy('v.name_pinyin').orderBy('v.id').execute();
}

/** The federation's members (units with a federation status), with their volunteers, teams and the projects their
 * teams are linked to. */
export async function listFederation(db: DbOrTrx, communityId: string, onlyId: string | null) {
  let q = db
    .selectFrom('unit as u')
    .select((eb) => [
      'u.id',
      'u.name',
      'u.kind',
      'u.registration_no',
      'u.address',
      'u.contact_name',
      'u.contact_phone',
      'u.services',
      'u.joined_on',
      'u.federation_status',
      ...unitCounts(eb),
    ])
    .where('u.community_id', '=', communityId)
    .where('u.federation_status', 'is not', null);
  if (onlyId) q = q.where('u.id', '=', onlyId);
  return q.orderBy('u.joined_on').orderBy('u.name').execute();
}
