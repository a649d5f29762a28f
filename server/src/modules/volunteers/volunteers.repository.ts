// Volunteer rows: registration, the record, resident linkage, and the small read-only views the card needs.
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { pinyinStartsWith } from '../../db/prefix.ts';
import type { volunteerInScope } from './volunteer-scope.ts';
import type {
  AvailabilitySlotTable,
  VolunteerGuardianScanTable,
  VolunteerGuardianTable,
  VolunteerSkillTable,
  VolunteerTable,
} from '../../db/schema/index.ts';

export type VolunteerRow = VolunteerTable & { unit_name: string | null; social_worker_name?: string | null };

export interface VolunteerFilter {
  communityId: string;
  /** The caller's scope, as volunteerInScope builds it (shared with training, insurance and eligibility). */
  scope: ReturnType<typeof volunteerInScope>;
  status?: string;
  unitId?: string;
  teamId?: string;
  socialWorkerId?: string;
  politicalStatus?: string;
  recruitedVia?: string;
  nameContains?: string;
  pinyinPrefix?: string;
  phoneTail?: string;
  bornOnOrBefore?: string;
  bornOnOrAfter?: string;
}

function base(db: DbOrTrx) {
  return db
    .selectFrom('volunteer as v')
    .leftJoin('unit as u', (j) => j.onRef('u.community_id', '=', 'v.community_id').onRef('u.id', '=', 'v.unit_id'))
    .leftJoin('account as sw', 'sw.id', 'v.social_worker_id');
}

function filtered(db: DbOrTrx, f: VolunteerFilter) {
  let q = base(db).where('v.community_id', '=', f.communityId);
  q = q.where(f.scope as any);
  if (f.teamId) {
    const t = f.teamId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_member as tm')
          .select('tm.volunteer_id')
          .whereRef('tm.community_id', '=', 'v.community_id')
          .whereRef('tm.volunteer_id', '=', 'v.id')
          .where('tm.team_id', '=', t)
          .where('tm.status', '=', 'active'),
      ),
    );
  }
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.unitId) q = q.where('v.unit_id', '=', f.unitId);
  if (f.socialWorkerId) q = q.where('v.social_worker_id', '=', f.socialWorkerId);
  if (f.politicalStatus) q = q.where('v.political_status', '=', f.politicalStatus);
  if (f.recruitedVia) q = q.where('v.recruited_via', '=', f.recruitedVia);
  if (f.nameContains) q = q.where('v.name', 'like', `%${f.nameContains.replace(/[%_]/g, '')}%`);
  if (f.pinyinPrefix) q = q.where(pinyinStartsWith('v.name_pinyin', 'v.name_initials', f.pinyinPrefix));
  if (f.phoneTail) q = q.where('v.phone', 'like', `%${f.phoneTail}`);
  if (f.bornOnOrBefore) q = q.where('v.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornOnOrAfter) q = q.where('v.birth_date', '>=', f.bornOnOrAfter);
  return q;
}

export async function searchVolunteers(db: DbOrTrx, f: VolunteerFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .selectAll('v')
      .select(['u.name as unit_name', 'sw.name as social_worker_name'])
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as VolunteerRow[], total: Number(count.n) };
}

export async function* allVolunteers(db: DbOrTrx, f: VolunteerFilter, batch = 1000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await filtered(db, f)
      .selectAll('v')
      .select(['u.name as unit_name', 'sw.name as social_worker_name'])
      .orderBy('v.id')
      .limit(batch)
      .offset(offset)
      .execute();
    if (rows.length) yield rows as VolunteerRow[];
    if (rows.length < batch) return;
  }
}

export async function getVolunteer(db: DbOrTrx, communityId: string, id: string) {
  return (await base(db)
    .selectAll('v')
    .select(['u.name as unit_name', 'sw.name as social_worker_name'])
    .where('v.community_id', '=', communityId)
    .where('v.id', '=', id)
    .executeTakeFirst()) as VolunteerRow | undefined;
}

export async function getVolunteerByCard(db: DbOrTrx, communityId: string, token: string) {
  return (await base(db)
    .selectAll('v')
    .select(['u.name as unit_name', 'sw.name as social_worker_name'])
    .where('v.community_id', '=', communityId)
    .where('v.card_token', '=', token)
    .executeTakeFirst()) as VolunteerRow | undefined;
}

export async function findVolunteerIdByToken(db: DbOrTrx, communityId: string, token: string) {
  const r = await db
    .selectFrom('volunteer')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id_number_token', '=', token)
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function findResidentByIdToken(db: DbOrTrx, communityId: string, token: string) {
  return db
    .selectFrom('resident')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('id_number_token', '=', token)
    .executeTakeFirst();
}

export async function getResident(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('resident')
    .select(['id', 'name', 'grid_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getUnit(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getCommunity(db: DbOrTrx, id: string) {
  return db
    .selectFrom('community')
    .select(['id', 'name', 'volunteer_min_age', 'volunteer_max_age'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listCommunities(db: DbOrTrx) {
  return db.selectFrom('community').select(['id', 'name']).orderBy('name').execute();
}

export async function insertVolunteer(db: DbOrTrx, row: VolunteerTable) {
  await db.insertInto('volunteer').values(row).execute();
}
export async function insertGuardian(db: DbOrTrx, row: Insertable<VolunteerGuardianTable>) {
  await db.insertInto('volunteer_guardian').values(row).execute();
}
export async function insertSkills(db: DbOrTrx, rows: VolunteerSkillTable[]) {
  if (rows.length) await db.insertInto('volunteer_skill').values(rows).execute();
}
export async function insertSlots(db: DbOrTrx, rows: AvailabilitySlotTable[]) {
  if (rows.length) await db.insertInto('availability_slot').values(rows).execute();
}
export async function replaceSkills(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  rows: VolunteerSkillTable[],
) {
  await db
    .deleteFrom('volunteer_skill')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .execute();
  await insertSkills(db, rows);
}

export async function updateVolunteer(db: DbOrTrx, communityId: string, id: string, set: Partial<VolunteerTable>) {
  await db.updateTable('volunteer').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export async function guardianOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('volunteer_guardian')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', id)
    .executeTakeFirst();
}
export async function skillsOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('volunteer_skill')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', id)
    .orderBy('skill_code')
    .execute();
}
export async function slotsOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('availability_slot')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', id)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute();
}
export async function teamsOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('team_member as tm')
    .innerJoin('team as t', (j) => j.onRef('t.community_id', '=', 'tm.community_id').onRef('t.id', '=', 'tm.team_id'))
    .select(['t.id', 't.name', 'tm.role'])
    .where('tm.community_id', '=', communityId)
    .where('tm.volunteer_id', '=', id)
    .where('tm.status', '=', 'active')
    .orderBy('t.name')
    .execute();
}
/** Read-only, for the card and the volunteer's home only. */
export async function certificatesOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('training_certificate as c')
    .innerJoin('training_course as k', (j) =>
      j.onRef('k.community_id', '=', 'c.community_id').onRef('k.id', '=', 'c.course_id'),
    )
    .select(['k.title', 'c.issued_on', 'c.expires_on'])
    .where('c.community_id', '=', communityId)
    .where('c.volunteer_id', '=', id)
    .orderBy('c.issued_on', 'desc')
    .execute();
}
/** Read-only, for the card and the volunteer's home only. */
export async function coverOf(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('insurance_cover as c')
    .innerJoin('insurance_policy as p', (j) =>
      j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.policy_id'),
    )
    .select(['p.insurer', 'p.policy_no', 'p.starts_on', 'p.ends_on'])
    .where('c.community_id', '=', communityId)
    .where('c.volunteer_id', '=', id)
    .orderBy('p.ends_on', 'desc')
    .execute();
}

export async function indicatorCounts(db: DbOrTrx, communityId: string, servedFrom: string) {
  const byStatus = await db
    .selectFrom('volunteer')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('community_id', '=', communityId)
    .groupBy('status')
    .execute();
  const withV = await db
    .selectFrom('volunteer as v')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .select((eb) => eb.fn.count<string | number>('r.household_id').distinct().as('n'))
    .where('v.community_id', '=', communityId)
    .where('v.status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const hh = await db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  // From the one record of service: households a volunteer served (any kind of help) since `servedFrom`.
  const served = await db
    .selectFrom('contact')
    .select((eb) => eb.fn.count<string | number>('household_id').distinct().as('n'))
    .where('community_id', '=', communityId)
    .where('volunteer_id', 'is not', null)
    .where('occurred_on', '>=', servedFrom)
    .executeTakeFirstOrThrow();
  return {
    byStatus: byStatus.map((s) => ({ status: s.status, n: Number(s.n) })),
    householdsWithVolunteer: Number(withV.n),
    householdsServed: Number(served.n),
    households: Number(hh.n),
  };
}

// ---- codes and accounts (registration and approval) ----
export { insertCode, latestCode, updateCode } from '../../platform/sign-in-codes.ts';
export async function findAccountByPhone(db: DbOrTrx, phone: string) {
  return db.selectFrom('account').select(['id', 'name']).where('phone', '=', phone).executeTakeFirst();
}
export async function insertAccount(db: DbOrTrx, a: { id: string; phone: string; name: string; created_at: string }) {
  await db
    .insertInto('account')
    .values({ ...a, password_hash: null, locale: null, failed_sign_ins: 0, locked_until: null, disabled: 0 })
    .execute();
}
export async function membershipOf(db: DbOrTrx, communityId: string, accountId: string) {
  return db
    .selectFrom('membership')
    .select(['id', 'role'])
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}
export async function insertMembership(
  db: DbOrTrx,
  m: {
    community_id: string;
    id: string;
    account_id: string;
    role: string;
    resident_id: string | null;
    created_at: string;
  },
) {
  await db
    .insertInto('membership')
    .values({ ...m, title: null, grid_id: null, team_id: null, unit_id: null })
    .execute();
}
export async function setMembershipRole(db: DbOrTrx, communityId: string, id: string, role: string) {
  await db
    .updateTable('membership')
    .set({ role })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

// ---- the guardian's consent ----

export async function updateGuardian(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  set: Updateable<VolunteerGuardianTable>,
) {
  await db
    .updateTable('volunteer_guardian')
    .set(set)
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .execute();
}

/** Every child registered (in any community) with this guardian phone, for the guardian's public page. */
export async function guardiansByPhone(db: DbOrTrx, phone: string) {
  return db
    .selectFrom('volunteer_guardian as g')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'g.community_id').onRef('v.id', '=', 'g.volunteer_id'),
    )
    .innerJoin('community as c', 'c.id', 'g.community_id')
    .select([
      'g.community_id',
      'g.volunteer_id',
      'g.relation',
      'g.state',
      'g.confirmed_via',
      'g.confirmed_at',
      'g.withdrawn_at',
      'v.name',
      'v.status',
      'c.name as community_name',
    ])
    .where('g.phone', '=', phone)
    .where('v.status', '!=', 'rejected')
    .orderBy('g.consent_at')
    .execute();
}

export async function accountNames(db: DbOrTrx, ids: Array<string | null | undefined>) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, string>();
  const rows = await db.selectFrom('account').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many codes were sent under a key since an instant (a guardian phone gets a few a day at most). */
export async function codesSince(db: DbOrTrx, key: string, since: string) {
  const r = await db
    .selectFrom('sign_in_code')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('phone', '=', key)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertScan(db: DbOrTrx, row: VolunteerGuardianScanTable) {
  await db.insertInto('volunteer_guardian_scan').values(row).execute();
}
export async function getScan(db: DbOrTrx, communityId: string, volunteerId: string, id: string) {
  return db
    .selectFrom('volunteer_guardian_scan')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The work a minor is still down for, counted so staff can release or reassign it when the guardian withdraws:
 * activity shifts not yet begun, open classroom rota days, assigned home-care tasks and hospital shifts, open
 * needs and active pairings. Read only; each module keeps its own writes.
 */
export async function futureCommitments(db: DbOrTrx, communityId: string, volunteerId: string, today: string) {
  const now = new Date().toISOString();
  const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const count = db.fn.countAll().as('n');
  const [activityShifts, rotaDays, homecareTasks, hospitalShifts, needs, pairings] = await Promise.all([
    n(
      db
        .selectFrom('activity_signup as s')
        .innerJoin('activity_shift as sh', (j) =>
          j.onRef('sh.community_id', '=', 's.community_id').onRef('sh.id', '=', 's.shift_id'),
        )
        .select(count)
        .where('s.community_id', '=', communityId)
        .where('s.volunteer_id', '=', volunteerId)
        .where('s.status', 'in', ['confirmed', 'waitlisted'])
        .where('sh.starts_at', '>', now),
    ),
    n(
      db
        .selectFrom('classroom_rota as r')
        .innerJoin('classroom_session as cs', (j) =>
          j.onRef('cs.community_id', '=', 'r.community_id').onRef('cs.id', '=', 'r.session_id'),
        )
        .select(count)
        .where('r.community_id', '=', communityId)
        .where('r.volunteer_id', '=', volunteerId)
        .where('cs.date', '>=', today)
        .where('cs.closed_at', 'is', null),
    ),
    n(
      db
        .selectFrom('homecare_task')
        .select(count)
        .where('community_id', '=', communityId)
        .where('volunteer_id', '=', volunteerId)
        .where('status', '=', 'assigned'),
    ),
    n(
      db
        .selectFrom('hospital_shift')
        .select(count)
        .where('community_id', '=', communityId)
        .where('volunteer_id', '=', volunteerId)
        .where('status', '=', 'assigned')
        .where('starts_at', '>', now),
    ),
    n(
      db
        .selectFrom('need')
        .select(count)
        .where('community_id', '=', communityId)
        .where('volunteer_id', '=', volunteerId)
        .where('status', 'in', ['matched', 'scheduled', 'in_progress']),
    ),
    n(
      db
        .selectFrom('pairing')
        .select(count)
        .where('community_id', '=', communityId)
        .where('volunteer_id', '=', volunteerId)
        .where('status', '=', 'active'),
    ),
  ]);
  return { activityShifts, rotaDays, homecareTasks, hospitalShifts, needs, pairings };
}

/** 社工带志愿者: the ids among these that are volunteers of the community (the rest are refused by the caller). */
export async function volunteerIdsIn(db: DbOrTrx, communityId: string, ids: readonly string[]) {
  const rows = await db
    .selectFrom('volunteer')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

export async function setSocialWorker(
  db: DbOrTrx,
  communityId: string,
  ids: readonly string[],
  socialWorkerId: string | null,
  at: string,
) {
  await db
    .updateTable('volunteer')
    .set({ social_worker_id: socialWorkerId, updated_at: at })
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .execute();
}
