// A small community for tests: two grids, a few households, named residents (pinyin cases included),
// sensitive data, and one account for every role.
import type { Db } from '../src/db/database.ts';
import type { NeedTable } from '../src/db/schema/index.ts';
import type { FieldCipher } from '../src/platform/crypto.ts';
import { hashPassword } from '../src/modules/auth/auth.service.ts';
import { dibaoToken, groupTag } from '../src/modules/registry/tags.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { idNumberCheckChar, maskIdNumber } from '../../domain/shared/id-number.ts';
import { namePinyin } from '../../domain/shared/pinyin.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { SpecialGroup } from '../../domain/registry/special-groups.ts';

let passwordHash: Promise<string> | null = null;

export function makeIdNumber(birthDate: string, gender: 'male' | 'female', order = 12): string {
  const seq = String(order * 2 + (gender === 'male' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `610302${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export interface SmallCommunity {
  id: string;
  grids: [string, string];
  buildings: [string, string];
  households: string[];
  residents: Record<string, string>;
  phones: Record<Role, string>;
  idNumbers: Record<string, string>;
}

interface ResidentSpec {
  name: string;
  gender: 'male' | 'female';
  birth: string;
  household: number;
  groups?: SpecialGroup[];
  health?: string[];
  phone?: string;
}

const RESIDENTS: ResidentSpec[] = [
  {
    name: '李泽钦',
    gender: 'male',
    birth: '1948-03-15',
    household: 0,
    groups: ['empty_nest', 'dementia'],
    health: ['阿尔茨海默病'],
    phone: '13700000001',
  },
  {
    name: '王秀英',
    gender: 'female',
    birth: '1950-07-02',
    household: 0,
    groups: ['empty_nest', 'chronic_illness'],
    health: ['高血压'],
  },
  { name: '单雄信', gender: 'male', birth: '1985-01-20', household: 1, phone: '13700001234' },
  { name: '曾小红', gender: 'female', birth: '2015-09-09', household: 2, groups: ['migrant_child'] },
  { name: '吕建国', gender: 'male', birth: '1940-12-01', household: 3, groups: ['living_alone', 'disabled'] },
  { name: '欧阳文', gender: 'female', birth: '1990-05-05', household: 3 },
];

export async function seedSmallCommunity(
  db: Db,
  cipher: FieldCipher,
  opts: { name: string; phonePrefix: string },
): Promise<SmallCommunity> {
  const hash = await (passwordHash ??= hashPassword('test-password'));
  const now = new Date().toISOString();
  const id = uuidv7();
  await db
    .insertInto('community')
    .values({ id, name: opts.name, district: '金台区', city: '宝鸡市', time_zone: 'Asia/Shanghai', created_at: now })
    .execute();
  const grids: [string, string] = [uuidv7(), uuidv7()];
  const buildings: [string, string] = [uuidv7(), uuidv7()];
  for (const [i, g] of grids.entries()) {
    await db
      .insertInto('grid')
      .values({ community_id: id, id: g, code: `G-0${i + 1}`, name: `第${i ? '二' : '一'}网格`, created_at: now })
      .execute();
    await db
      .insertInto('building')
      .values({
        community_id: id,
        id: buildings[i]!,
        grid_id: g,
        number: `${i + 1}号楼`,
        street: '宝福路',
        created_at: now,
      })
      .execute();
  }
  // Households 0 and 1 in grid one, 2 and 3 in grid two; household 0 is on dibao.
  const households = [0, 1, 2, 3].map(() => uuidv7());
  for (const [i, h] of households.entries()) {
    const g = i < 2 ? 0 : 1;
    const dibao = i === 0;
    await db
      .insertInto('household')
      .values({
        community_id: id,
        id: h,
        building_id: buildings[g],
        grid_id: grids[g],
        unit: '1',
        room: `10${i + 1}`,
        is_migrant: i === 2 ? 1 : 0,
        dibao_enc: cipher.encryptJson({ dibao }),
        dibao_token: dibaoToken(cipher, id, dibao),
        note: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const residents: Record<string, string> = {};
  const idNumbers: Record<string, string> = {};
  for (const [i, r] of RESIDENTS.entries()) {
    const rid = uuidv7();
    residents[r.name] = rid;
    const idNumber = makeIdNumber(r.birth, r.gender, i + 1);
    idNumbers[r.name] = idNumber;
    const py = namePinyin(r.name);
    const hh = r.household;
    await db
      .insertInto('resident')
      .values({
        community_id: id,
        id: rid,
        household_id: households[hh]!,
        grid_id: grids[hh < 2 ? 0 : 1],
        name: r.name,
        name_pinyin: py.full,
        name_initials: py.initials,
        gender: r.gender,
        birth_date: r.birth,
        phone: r.phone ?? null,
        relation_to_head: i === 1 ? 'spouse' : 'head',
        id_number_enc: cipher.encrypt(idNumber),
        id_number_token: cipher.token(id, 'id_number', idNumber),
        id_number_masked: maskIdNumber(idNumber),
        health_enc: r.health ? cipher.encryptJson({ conditions: r.health }) : null,
        disability_enc: r.groups?.includes('disabled') ? cipher.encryptJson({ kind: '肢体', grade: '2' }) : null,
        note: null,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const g of r.groups ?? [])
      await db
        .insertInto('resident_tag')
        .values({ community_id: id, resident_id: rid, tag: groupTag(cipher, id, g) })
        .execute();
  }
  const roles: Role[] = [
    'community_admin',
    'staff',
    'grid_leader',
    'team_leader',
    'unit_coordinator',
    'volunteer',
    'resident',
  ];
  const phones = {} as Record<Role, string>;
  for (const [i, role] of roles.entries()) {
    const phone = `${opts.phonePrefix}${String(i + 1).padStart(4, '0')}`;
    phones[role] = phone;
    const accountId = await insertAccount(db, { phone, name: `${role}-${opts.name}`, hash, at: now });
    await db
      .insertInto('membership')
      .values({
        community_id: id,
        id: uuidv7(),
        account_id: accountId,
        role,
        title: null,
        grid_id: role === 'grid_leader' ? grids[0] : null,
        team_id: null,
        unit_id: null,
        resident_id: null,
        created_at: now,
      })
      .execute();
  }
  return { id, grids, buildings, households, residents, phones, idNumbers };
}

/**
 * A need of `resident` in household `household` of community `c`, written directly (the needs module's own flow
 * is tested in needs.api.test.ts): a plain phoned-in request unless `row` says otherwise. Returns its id.
 */
export async function insertNeed(
  db: Db,
  c: SmallCommunity,
  resident: string,
  household: number,
  row: Partial<NeedTable> = {},
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await db
    .insertInto('need')
    .values({
      community_id: c.id,
      id,
      resident_id: c.residents[resident]!,
      household_id: c.households[household]!,
      grid_id: c.grids[household < 2 ? 0 : 1],
      channel: 'phone',
      category: 'life',
      skill_code: null,
      service_type_id: null,
      urgency: 'normal',
      preferred_date: null,
      preferred_start: null,
      preferred_end: null,
      preferred_gender: null,
      place: null,
      description: '测试',
      caller_phone: null,
      status: 'new',
      volunteer_id: null,
      scheduled_for: null,
      close_reason: null,
      rating: null,
      rating_comment: null,
      created_by: null,
      created_at: now,
      matched_at: null,
      done_at: null,
      closed_at: null,
      updated_at: now,
      ...row,
    })
    .execute();
  return id;
}

/** An account that signs in with the password whose hash is given; its id. */
export async function insertAccount(
  db: Db,
  a: { phone: string; name: string; hash: string | null; at?: string },
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('account')
    .values({
      id,
      phone: a.phone,
      name: a.name,
      password_hash: a.hash,
      locale: null,
      failed_sign_ins: 0,
      locked_until: null,
      disabled: 0,
      created_at: a.at ?? new Date().toISOString(),
    })
    .execute();
  return id;
}
