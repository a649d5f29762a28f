// The Xiguan demo data, seeded into a fresh database (SQLite always; PostgreSQL when TEST_DATABASE_URL is
// set): the case study's exact figures, valid and consistent identity numbers, the field rules the server
// relies on, and the same people for the same seed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Db } from '../../server/src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/databases.ts';
import { FieldCipher, generateKeyring } from '../../server/src/platform/crypto.ts';
import { dibaoToken, tagDecoder } from '../../server/src/modules/registry/tags.ts';
import { ageOn, bornOnOrBefore, todayInShanghai } from '../../domain/shared/dates.ts';
import { maskIdNumber, parseIdNumber } from '../../domain/shared/id-number.ts';
import { MOBILE_RE } from '../../domain/shared/phone.ts';
import { namePinyin } from '../../domain/shared/pinyin.ts';
import { SENSITIVE_GROUPS, SPECIAL_GROUPS, type SpecialGroup } from '../../domain/registry/special-groups.ts';
import { DEMO_SIGN_INS, buildCommunity, seedCommunity, type SeedCounts } from './xiguan.ts';

const NOW = new Date('2026-11-28T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const SEED = 20180913;
const CID = '00000000-0000-7000-8000-0000000000a1';

interface Seeded { db: Db; cipher: FieldCipher; counts: SeedCounts; ms: number }

async function seedInto(handle: DatabaseHandle): Promise<Seeded> {
  await migrateToLatest(handle.db);
  const cipher = new FieldCipher(generateKeyring());
  const started = performance.now();
  const counts = await seedCommunity(handle.db, cipher, { communityId: CID, name: '西关社区', seed: SEED, withAccounts: true, passwordHash: 'test-hash', now: NOW });
  return { db: handle.db, cipher, counts, ms: performance.now() - started };
}

/** The checks every database must pass. `get` is called inside each test, after `before` has seeded. */
function checksFor(get: () => Seeded): void {
  it('has the case study figures exactly', async () => {
    const { db, cipher, counts } = get();
    const n = async (table: 'grid' | 'building' | 'household' | 'resident') =>
      Number((await db.selectFrom(table).select((e) => e.fn.countAll().as('n')).where('community_id', '=', CID).executeTakeFirstOrThrow()).n);
    assert.equal(await n('grid'), 8);
    assert.equal(await n('building'), 44);
    assert.equal(await n('household'), 2265);
    assert.equal(await n('resident'), 5823);
    const dibao = await db.selectFrom('household').select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID).where('dibao_token', '=', dibaoToken(cipher, CID, true)).executeTakeFirstOrThrow();
    assert.equal(Number(dibao.n), 97);
    const notDibao = await db.selectFrom('household').select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID).where('dibao_token', '=', dibaoToken(cipher, CID, false)).executeTakeFirstOrThrow();
    assert.equal(Number(notDibao.n), 2265 - 97, 'every household carries a dibao token');
    const elders = await db.selectFrom('resident').select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID).where('birth_date', '<=', bornOnOrBefore(60, TODAY)).executeTakeFirstOrThrow();
    assert.equal(Number(elders.n), 1050);
    assert.equal(counts.residents, 5823);
    assert.equal(counts.aged60Plus, 1050);
    const numbers = (await db.selectFrom('building').select('number').where('community_id', '=', CID).execute()).map((b) => b.number).sort((a, b) => parseInt(a) - parseInt(b));
    assert.deepEqual(numbers, Array.from({ length: 44 }, (_, i) => `${i + 1}号楼`));
  });

  it('gives residents valid ID numbers that match their birth date and gender', async () => {
    const { db, cipher } = get();
    const rows = await db.selectFrom('resident').select(['name', 'name_pinyin', 'name_initials', 'gender', 'birth_date', 'id_number_enc', 'id_number_token', 'id_number_masked'])
      .where('community_id', '=', CID).execute();
    let withId = 0;
    let elders = 0;
    for (const r of rows) {
      if (ageOn(r.birth_date, TODAY) >= 60) elders++;
      const pinyin = namePinyin(r.name);
      assert.equal(r.name_pinyin, pinyin.full, r.name);
      assert.equal(r.name_initials, pinyin.initials, r.name);
      if (!r.id_number_enc) continue;
      withId++;
      const value = cipher.decrypt(r.id_number_enc);
      const parsed = parseIdNumber(value);
      assert.ok(parsed.ok, `${r.name}: ${value} is not a valid ID number`);
      assert.equal(parsed.id.birthDate, r.birth_date, r.name);
      assert.equal(parsed.id.gender, r.gender, r.name);
      assert.equal(r.id_number_masked, maskIdNumber(value));
      assert.equal(r.id_number_token, cipher.token(CID, 'id_number', value));
      assert.match(value, /^(61|62|41|14|51)/, 'issued in Shaanxi or where migrants come from');
    }
    assert.equal(elders, 1050, 'ages counted with ageOn agree with the birth-date cut-off');
    assert.ok(withId > 0.9 * rows.length, `most residents have an ID number (${withId})`);
  });

  it('keeps each resident in the grid of their household and building', async () => {
    const { db } = get();
    const mismatched = await db.selectFrom('resident as r')
      .innerJoin('household as h', (j) => j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'))
      .innerJoin('building as b', (j) => j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'))
      .select((e) => e.fn.countAll().as('n'))
      .where('r.community_id', '=', CID)
      .where((e) => e.or([e('r.grid_id', '!=', e.ref('h.grid_id')), e('h.grid_id', '!=', e.ref('b.grid_id'))]))
      .executeTakeFirstOrThrow();
    assert.equal(Number(mismatched.n), 0);
    const heads = await db.selectFrom('resident').select((e) => e.fn.count('household_id').distinct().as('n'))
      .where('community_id', '=', CID).where('relation_to_head', '=', 'head').executeTakeFirstOrThrow();
    assert.equal(Number(heads.n), 2265, 'every household has a head');
  });

  it('stores special groups as the server reads them, in plausible numbers', async () => {
    const { db, cipher } = get();
    const tags = await db.selectFrom('resident_tag').select(['resident_id', 'tag']).where('community_id', '=', CID).execute();
    const decode = tagDecoder(cipher, CID);
    const counts = Object.fromEntries(SPECIAL_GROUPS.map((g) => [g, 0])) as Record<SpecialGroup, number>;
    const members = new Map<SpecialGroup, Set<string>>(SPECIAL_GROUPS.map((g) => [g, new Set()]));
    for (const t of tags) {
      const group = decode.get(t.tag);
      assert.ok(group, `unknown tag ${t.tag}`);
      if (SENSITIVE_GROUPS.has(group)) assert.match(t.tag, /^t:/, 'sensitive groups are stored as tokens');
      counts[group]++;
      members.get(group)!.add(t.resident_id);
    }
    const bounds: Record<SpecialGroup, [number, number]> = {
      empty_nest: [250, 350], living_alone: [120, 180], dementia: [30, 50], chronic_illness: [350, 450],
      disabled: [100, 140], sanwu: [6, 14], shidu: [5, 12], migrant_child: [90, 160],
    };
    for (const g of SPECIAL_GROUPS) {
      const [lo, hi] = bounds[g];
      assert.ok(counts[g] >= lo && counts[g] <= hi, `${g}: ${counts[g]} not in ${lo}..${hi}`);
    }

    const residents = await db.selectFrom('resident').select(['id', 'health_enc', 'disability_enc']).where('community_id', '=', CID).execute();
    const consented = new Set((await db.selectFrom('consent_record').select('resident_id').where('community_id', '=', CID).where('purpose', '=', 'sensitive_data').execute()).map((c) => c.resident_id));
    for (const r of residents) {
      const health = cipher.decryptJson<{ conditions: string[]; note?: string }>(r.health_enc);
      const disability = cipher.decryptJson<{ kind: string; grade: string }>(r.disability_enc);
      const ill = members.get('dementia')!.has(r.id) || members.get('chronic_illness')!.has(r.id);
      assert.equal(!!health, ill, 'health data exactly for residents with dementia or a chronic illness');
      if (health) assert.ok(health.conditions.length > 0);
      assert.equal(!!disability, members.get('disabled')!.has(r.id), 'disability data exactly for disabled residents');
      if (disability) assert.match(disability.grade, /^[1-4]$/);
      assert.equal(consented.has(r.id), !!health || !!disability, 'consent recorded for sensitive data');
    }
  });

  it('gives phones that are valid, unique and never a demo account number (except the account holders)', async () => {
    const { db } = get();
    const residents = await db.selectFrom('resident').select(['name', 'phone', 'birth_date']).where('community_id', '=', CID).where('phone', 'is not', null).execute();
    const adults = await db.selectFrom('resident').select((e) => e.fn.countAll().as('n')).where('community_id', '=', CID)
      .where('birth_date', '<=', bornOnOrBefore(18, TODAY)).executeTakeFirstOrThrow();
    assert.ok(residents.length > 0.8 * Number(adults.n), 'most adults have a phone');
    const seen = new Set<string>();
    for (const r of residents) {
      assert.match(r.phone!, MOBILE_RE);
      assert.ok(!seen.has(r.phone!), `duplicate phone ${r.phone}`);
      seen.add(r.phone!);
      if (r.phone!.startsWith('138')) assert.ok(['13800000006', '13800000007'].includes(r.phone!), `${r.name} has demo number ${r.phone}`);
    }
    const contacts = await db.selectFrom('family_contact').select(['phone']).where('community_id', '=', CID).execute();
    for (const c of contacts) assert.match(c.phone, MOBILE_RE);
  });

  it('gives elders with children a family contact, and elders without family none', async () => {
    const { db } = get();
    const rows = await db.selectFrom('resident as r')
      .innerJoin('resident_tag as t', (j) => j.onRef('t.community_id', '=', 'r.community_id').onRef('t.resident_id', '=', 'r.id'))
      .leftJoin('family_contact as c', (j) => j.onRef('c.community_id', '=', 'r.community_id').onRef('c.resident_id', '=', 'r.id'))
      .select(['r.id', 't.tag', 'c.id as contact'])
      .where('r.community_id', '=', CID).where('t.tag', 'in', ['living_alone', 'empty_nest', 'sanwu']).execute();
    const sanwu = new Set(rows.filter((r) => r.tag === 'sanwu').map((r) => r.id));
    for (const r of rows) {
      if (sanwu.has(r.id)) assert.equal(r.contact, null, 'an elder without family has no family contact');
      else assert.notEqual(r.contact, null, 'an empty-nest or lone elder has a family contact');
    }
  });

  it('creates the demo accounts, each bound to its role and scope', async () => {
    const { db, cipher } = get();
    const accounts = await db.selectFrom('account as a')
      .innerJoin('membership as m', 'm.account_id', 'a.id')
      .select(['a.phone', 'a.name', 'a.password_hash', 'm.role', 'm.title', 'm.grid_id', 'm.resident_id'])
      .where('m.community_id', '=', CID).execute();
    assert.equal(accounts.length, 12 + 8 + 4, '12 staff, 8 grid leaders, team leader, unit coordinator, volunteer, family');
    assert.equal(accounts.filter((a) => a.role === 'community_admin' || a.role === 'staff').length, 12);
    assert.ok(accounts.every((a) => a.password_hash === 'test-hash'));
    for (const s of DEMO_SIGN_INS) {
      const a = accounts.find((x) => x.phone === s.phone);
      assert.ok(a, `account ${s.phone}`);
      assert.equal(a.role, s.role);
      assert.equal(a.name, s.name);
    }
    const leader = accounts.find((a) => a.phone === '13800000003')!;
    const grid = await db.selectFrom('grid').select('code').where('community_id', '=', CID).where('id', '=', leader.grid_id!).executeTakeFirstOrThrow();
    assert.equal(grid.code, 'XG-01');

    for (const phone of ['13800000006', '13800000007']) {
      const a = accounts.find((x) => x.phone === phone)!;
      const r = await db.selectFrom('resident').select(['name', 'phone']).where('community_id', '=', CID).where('id', '=', a.resident_id!).executeTakeFirstOrThrow();
      assert.deepEqual(r, { name: a.name, phone });
    }
    // 李泽钦 (the family account) is his mother's primary contact; she has dementia, so a love badge reaches him.
    const mother = await db.selectFrom('family_contact as c')
      .innerJoin('resident as r', (j) => j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'))
      .innerJoin('resident_tag as t', (j) => j.onRef('t.community_id', '=', 'r.community_id').onRef('t.resident_id', '=', 'r.id'))
      .select(['r.birth_date', 'c.is_primary'])
      .where('c.community_id', '=', CID).where('c.phone', '=', '13800000007').where('t.tag', '=', tagDecoderInverse(cipher, 'dementia'))
      .executeTakeFirstOrThrow();
    assert.equal(mother.is_primary, 1);
    assert.ok(ageOn(mother.birth_date, TODAY) >= 70);
    const search = await db.selectFrom('resident').select(['name_pinyin', 'name_initials']).where('community_id', '=', CID).where('name', '=', '李泽钦').execute();
    assert.deepEqual(search, [{ name_pinyin: 'lizeqin', name_initials: 'lzq' }]);
  });

  it('refuses to seed a community twice', async () => {
    const { db, cipher } = get();
    await assert.rejects(seedCommunity(db, cipher, { communityId: CID, name: '西关社区', seed: SEED, withAccounts: false, now: NOW }), /already exists/);
  });
}

function tagDecoderInverse(cipher: FieldCipher, group: SpecialGroup): string {
  for (const [tag, g] of tagDecoder(cipher, CID)) if (g === group) return tag;
  throw new Error(group);
}

describe('Xiguan demo data on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-demo-'));
  let handle: DatabaseHandle;
  let seeded: Seeded;
  before(async () => {
    handle = openDatabase({ sqliteFile: path.join(dir, 'demo.sqlite') });
    seeded = await seedInto(handle);
    console.log(`Xiguan on SQLite: seeded in ${seeded.ms.toFixed(0)} ms`);
  });
  after(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  checksFor(() => seeded);

  it('is deterministic: the same seed gives the same people, another seed other people', async () => {
    const people = (db: Db) => db.selectFrom('resident').select(['name', 'gender', 'birth_date', 'phone']).where('community_id', '=', CID).orderBy('id').execute();
    const again = openDatabase({ sqliteFile: ':memory:' });
    try {
      await seedInto(again);
      assert.deepEqual(await people(again.db), await people(seeded.db));
    } finally {
      await again.close();
    }
    const a = buildCommunity({ name: '西关社区', seed: SEED, now: NOW, withAccounts: true });
    const b = buildCommunity({ name: '西关社区', seed: SEED + 1, now: NOW, withAccounts: true });
    const summary = (m: typeof a) => m.people.map((p) => `${p.name} ${p.birthDate} ${p.idNumber}`);
    assert.notDeepEqual(summary(a), summary(b));
    assert.equal(b.people.filter((p) => p.age >= 60).length, 1050, 'every seed keeps the exact figures');
    assert.equal(b.households.length, 2265);
  });
});

describe('Xiguan demo data on PostgreSQL', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' }, () => {
  // A database of its own, migrated by createTestDatabase; seedInto migrates again, which is a no-op.
  let t: TestDatabase;
  let seeded: Seeded;
  before(async () => {
    t = await createTestDatabase('postgres');
    seeded = await seedInto(t.handle);
    console.log(`Xiguan on PostgreSQL: seeded in ${seeded.ms.toFixed(0)} ms`);
  });
  after(async () => { await t?.dispose(); });

  checksFor(() => seeded);
});
