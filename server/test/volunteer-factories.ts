// Volunteers, units, teams and party members for tests, by direct inserts (the volunteers module's own
// registration flow is tested in volunteers.api.test.ts).
import type { Db } from '../src/db/database.ts';
import type { FieldCipher } from '../src/platform/crypto.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { maskIdNumber } from '../../domain/shared/id-number.ts';
import { namePinyin } from '../../domain/shared/pinyin.ts';
import { SKILL_BY_CODE } from '../../domain/volunteers/skills.ts';
import { makeIdNumber } from './factories.ts';

let order = 100;

export interface VolunteerSpec {
  name: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  phone?: string;
  status?: string;
  unitId?: string | null;
  accountId?: string | null;
  residentId?: string | null;
  politicalStatus?: string;
}

export async function insertVolunteer(
  db: Db,
  cipher: FieldCipher,
  communityId: string,
  spec: VolunteerSpec,
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  const gender = spec.gender ?? 'female';
  const birthDate = spec.birthDate ?? '1980-06-15';
  const idNumber = makeIdNumber(birthDate, gender, ++order);
  const py = namePinyin(spec.name);
  await db
    .insertInto('volunteer')
    .values({
      community_id: communityId,
      id,
      resident_id: spec.residentId ?? null,
      account_id: spec.accountId ?? null,
      name: spec.name,
      name_pinyin: py.full,
      name_initials: py.initials,
      gender,
      birth_date: birthDate,
      phone: spec.phone ?? `1360000${String(order).padStart(4, '0')}`,
      id_number_enc: cipher.encrypt(idNumber),
      id_number_token: cipher.token(communityId, 'id_number', idNumber),
      id_number_masked: maskIdNumber(idNumber),
      fitness: 'good',
      political_status: spec.politicalStatus ?? 'masses',
      status: spec.status ?? 'approved',
      registered_via: 'staff',
      recruited_via: 'residents_committee',
      recruit_unit_id: null,
      unit_id: spec.unitId ?? null,
      card_token: uuidv7(),
      consent_at: now,
      decided_by: null,
      decided_at: now,
      decision_note: null,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertUnit(db: Db, communityId: string, name: string, kind = 'school'): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('unit')
    .values({
      community_id: communityId,
      id,
      name,
      kind,
      address: null,
      contact_name: null,
      contact_phone: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function insertTeam(
  db: Db,
  communityId: string,
  name: string,
  kind = 'squad',
  unitId: string | null = null,
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('team')
    .values({
      community_id: communityId,
      id,
      name,
      kind,
      unit_id: unitId,
      description: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function addTeamMember(
  db: Db,
  communityId: string,
  teamId: string,
  volunteerId: string,
  opts: { role?: 'leader' | 'member'; status?: string } = {},
) {
  const now = new Date().toISOString();
  await db
    .insertInto('team_member')
    .values({
      community_id: communityId,
      team_id: teamId,
      volunteer_id: volunteerId,
      role: opts.role ?? 'member',
      status: opts.status ?? 'active',
      requested_at: now,
      decided_at: now,
    })
    .execute();
}

export async function addSkill(
  db: Db,
  communityId: string,
  volunteerId: string,
  code: string,
  opts: { level?: string; licenceNo?: string; expiresOn?: string } = {},
) {
  const def = SKILL_BY_CODE.get(code);
  if (!def) throw new Error(`no skill ${code}`);
  await db
    .insertInto('volunteer_skill')
    .values({
      community_id: communityId,
      volunteer_id: volunteerId,
      skill_code: code,
      category: def.category,
      level: opts.level ?? 'skilled',
      licence_no: opts.licenceNo ?? null,
      licence_expires_on: opts.expiresOn ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function addPartyMember(
  db: Db,
  communityId: string,
  volunteerId: string,
  opts: { kind?: string; gridId?: string | null; partyOrg?: string } = {},
) {
  await db
    .insertInto('party_member')
    .values({
      community_id: communityId,
      volunteer_id: volunteerId,
      kind: opts.kind ?? 'in_service',
      is_public_servant: 0,
      party_org: opts.partyOrg ?? '宝鸡市第一中学党支部',
      work_unit: null,
      grid_id: opts.gridId ?? null,
      joined_on: null,
    })
    .execute();
}

/** The account behind a seeded role phone. */
export async function accountIdOf(db: Db, phone: string): Promise<string> {
  return (await db.selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;
}

/** Points a seeded account's membership at a unit, a team or a grid (the scope its role works in). */
export async function setMembershipScope(
  db: Db,
  communityId: string,
  phone: string,
  scope: { unitId?: string | null; teamId?: string | null; gridId?: string | null },
) {
  const accountId = await accountIdOf(db, phone);
  const set: Record<string, string | null> = {};
  if (scope.unitId !== undefined) set.unit_id = scope.unitId;
  if (scope.teamId !== undefined) set.team_id = scope.teamId;
  if (scope.gridId !== undefined) set.grid_id = scope.gridId;
  await db
    .updateTable('membership')
    .set(set)
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .execute();
}

/** Accident insurance covering these volunteers (hospital shifts and overnight work need it). */
export async function insureVolunteers(
  db: Db,
  communityId: string,
  volunteerIds: readonly string[],
  from = '2020-01-01',
  to = '2099-12-31',
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await db
    .insertInto('insurance_policy')
    .values({
      community_id: communityId,
      id,
      insurer: '中国人寿',
      policy_no: `P-${id.slice(-8)}`,
      starts_on: from,
      ends_on: to,
      cover: '志愿者意外伤害',
      min_age: null,
      max_age: null,
      created_at: now,
    })
    .execute();
  if (volunteerIds.length)
    await db
      .insertInto('insurance_cover')
      .values(
        volunteerIds.map((v) => ({
          community_id: communityId,
          policy_id: id,
          volunteer_id: v,
          added_at: now,
          notified_on: null,
        })),
      )
      .execute();
  return id;
}
