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
import { SKILL_BY_CODE, SKILL_CATEGORIES } from '../../domain/volunteers/skills.ts';
import { DEMO_SIGN_INS, buildCommunity, seedCommunity, type SeedCounts } from './xiguan.ts';
import { DEMO_TEST_SEED, seedDemoForTest } from './test-seed.ts';
import { PARTY_POSTS } from './volunteers.ts';
import { occurrences, parseRule } from '../../domain/pairings/recurrence.ts';
import { checkVisits } from '../../domain/pairings/visits.ts';

const NOW = new Date('2026-11-28T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const SEED = DEMO_TEST_SEED;
const CID = '00000000-0000-7000-8000-0000000000a1';

interface Seeded {
  db: Db;
  cipher: FieldCipher;
  counts: SeedCounts;
  ms: number;
}

async function seedInto(handle: DatabaseHandle): Promise<Seeded> {
  await migrateToLatest(handle.db);
  const cipher = new FieldCipher(generateKeyring());
  const started = performance.now();
  const counts = await seedDemoForTest(handle.db, cipher, CID, NOW);
  return { db: handle.db, cipher, counts, ms: performance.now() - started };
}

/** The checks every database must pass. `get` is called inside each test, after `before` has seeded. */
function checksFor(get: () => Seeded): void {
  it('has the case study figures exactly', async () => {
    const { db, cipher, counts } = get();
    const n = async (table: 'grid' | 'building' | 'household' | 'resident') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .where('community_id', '=', CID)
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await n('grid'), 8);
    assert.equal(await n('building'), 44);
    assert.equal(await n('household'), 2265);
    assert.equal(await n('resident'), 5823);
    const dibao = await db
      .selectFrom('household')
      .select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID)
      .where('dibao_token', '=', dibaoToken(cipher, CID, true))
      .executeTakeFirstOrThrow();
    assert.equal(Number(dibao.n), 97);
    const notDibao = await db
      .selectFrom('household')
      .select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID)
      .where('dibao_token', '=', dibaoToken(cipher, CID, false))
      .executeTakeFirstOrThrow();
    assert.equal(Number(notDibao.n), 2265 - 97, 'every household carries a dibao token');
    const elders = await db
      .selectFrom('resident')
      .select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID)
      .where('birth_date', '<=', bornOnOrBefore(60, TODAY))
      .executeTakeFirstOrThrow();
    assert.equal(Number(elders.n), 1050);
    assert.equal(counts.residents, 5823);
    assert.equal(counts.aged60Plus, 1050);
    const numbers = (await db.selectFrom('building').select('number').where('community_id', '=', CID).execute())
      .map((b) => b.number)
      .sort((a, b) => parseInt(a) - parseInt(b));
    assert.deepEqual(
      numbers,
      Array.from({ length: 44 }, (_, i) => `${i + 1}号楼`),
    );
  });

  it('gives residents valid ID numbers that match their birth date and gender', async () => {
    const { db, cipher } = get();
    const rows = await db
      .selectFrom('resident')
      .select([
        'name',
        'name_pinyin',
        'name_initials',
        'gender',
        'birth_date',
        'id_number_enc',
        'id_number_token',
        'id_number_masked',
      ])
      .where('community_id', '=', CID)
      .execute();
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
    const mismatched = await db
      .selectFrom('resident as r')
      .innerJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .innerJoin('building as b', (j) =>
        j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
      )
      .select((e) => e.fn.countAll().as('n'))
      .where('r.community_id', '=', CID)
      .where((e) => e.or([e('r.grid_id', '!=', e.ref('h.grid_id')), e('h.grid_id', '!=', e.ref('b.grid_id'))]))
      .executeTakeFirstOrThrow();
    assert.equal(Number(mismatched.n), 0);
    const heads = await db
      .selectFrom('resident')
      .select((e) => e.fn.count('household_id').distinct().as('n'))
      .where('community_id', '=', CID)
      .where('relation_to_head', '=', 'head')
      .executeTakeFirstOrThrow();
    assert.equal(Number(heads.n), 2265, 'every household has a head');
  });

  it('stores special groups as the server reads them, in plausible numbers', async () => {
    const { db, cipher } = get();
    const tags = await db
      .selectFrom('resident_tag')
      .select(['resident_id', 'tag'])
      .where('community_id', '=', CID)
      .execute();
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
      empty_nest: [250, 350],
      living_alone: [120, 180],
      dementia: [30, 50],
      chronic_illness: [350, 450],
      disabled: [100, 140],
      sanwu: [6, 14],
      shidu: [5, 12],
      migrant_child: [90, 160],
    };
    for (const g of SPECIAL_GROUPS) {
      const [lo, hi] = bounds[g];
      assert.ok(counts[g] >= lo && counts[g] <= hi, `${g}: ${counts[g]} not in ${lo}..${hi}`);
    }

    const residents = await db
      .selectFrom('resident')
      .select(['id', 'health_enc', 'disability_enc'])
      .where('community_id', '=', CID)
      .execute();
    const consented = new Set(
      (
        await db
          .selectFrom('consent_record')
          .select('resident_id')
          .where('community_id', '=', CID)
          .where('purpose', '=', 'sensitive_data')
          .execute()
      ).map((c) => c.resident_id),
    );
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
    const residents = await db
      .selectFrom('resident')
      .select(['name', 'phone', 'birth_date'])
      .where('community_id', '=', CID)
      .where('phone', 'is not', null)
      .execute();
    const adults = await db
      .selectFrom('resident')
      .select((e) => e.fn.countAll().as('n'))
      .where('community_id', '=', CID)
      .where('birth_date', '<=', bornOnOrBefore(18, TODAY))
      .executeTakeFirstOrThrow();
    assert.ok(residents.length > 0.8 * Number(adults.n), 'most adults have a phone');
    const seen = new Set<string>();
    for (const r of residents) {
      assert.match(r.phone!, MOBILE_RE);
      assert.ok(!seen.has(r.phone!), `duplicate phone ${r.phone}`);
      seen.add(r.phone!);
      if (r.phone!.startsWith('138'))
        assert.ok(['13800000006', '13800000007'].includes(r.phone!), `${r.name} has demo number ${r.phone}`);
    }
    const contacts = await db.selectFrom('family_contact').select(['phone']).where('community_id', '=', CID).execute();
    for (const c of contacts) assert.match(c.phone, MOBILE_RE);
  });

  it('gives elders with children a family contact, and elders without family none', async () => {
    const { db } = get();
    const rows = await db
      .selectFrom('resident as r')
      .innerJoin('resident_tag as t', (j) =>
        j.onRef('t.community_id', '=', 'r.community_id').onRef('t.resident_id', '=', 'r.id'),
      )
      .leftJoin('family_contact as c', (j) =>
        j.onRef('c.community_id', '=', 'r.community_id').onRef('c.resident_id', '=', 'r.id'),
      )
      .select(['r.id', 't.tag', 'c.id as contact'])
      .where('r.community_id', '=', CID)
      .where('t.tag', 'in', ['living_alone', 'empty_nest', 'sanwu'])
      .execute();
    const sanwu = new Set(rows.filter((r) => r.tag === 'sanwu').map((r) => r.id));
    for (const r of rows) {
      if (sanwu.has(r.id)) assert.equal(r.contact, null, 'an elder without family has no family contact');
      else assert.notEqual(r.contact, null, 'an empty-nest or lone elder has a family contact');
    }
  });

  it('creates the demo accounts, each bound to its role and scope', async () => {
    const { db, cipher } = get();
    const accounts = await db
      .selectFrom('account as a')
      .innerJoin('membership as m', 'm.account_id', 'a.id')
      .select(['a.phone', 'a.name', 'a.password_hash', 'm.role', 'm.title', 'm.grid_id', 'm.resident_id'])
      .where('m.community_id', '=', CID)
      .execute();
    assert.equal(
      accounts.length,
      12 + 8 + 4,
      '12 staff, 8 grid leaders, team leader, unit coordinator, volunteer, family',
    );
    assert.equal(accounts.filter((a) => a.role === 'community_admin' || a.role === 'staff').length, 12);
    assert.ok(accounts.every((a) => a.password_hash === 'test-hash'));
    for (const s of DEMO_SIGN_INS) {
      const a = accounts.find((x) => x.phone === s.phone);
      assert.ok(a, `account ${s.phone}`);
      assert.equal(a.role, s.role);
      assert.equal(a.name, s.name);
    }
    const leader = accounts.find((a) => a.phone === '13800000003')!;
    const grid = await db
      .selectFrom('grid')
      .select('code')
      .where('community_id', '=', CID)
      .where('id', '=', leader.grid_id!)
      .executeTakeFirstOrThrow();
    assert.equal(grid.code, 'XG-01');

    for (const phone of ['13800000006', '13800000007']) {
      const a = accounts.find((x) => x.phone === phone)!;
      const r = await db
        .selectFrom('resident')
        .select(['name', 'phone'])
        .where('community_id', '=', CID)
        .where('id', '=', a.resident_id!)
        .executeTakeFirstOrThrow();
      assert.deepEqual(r, { name: a.name, phone });
    }
    // 李泽钦 (the family account) is his mother's primary contact; she has dementia, so a love badge reaches him.
    const mother = await db
      .selectFrom('family_contact as c')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
      )
      .innerJoin('resident_tag as t', (j) =>
        j.onRef('t.community_id', '=', 'r.community_id').onRef('t.resident_id', '=', 'r.id'),
      )
      .select(['r.birth_date', 'c.is_primary'])
      .where('c.community_id', '=', CID)
      .where('c.phone', '=', '13800000007')
      .where('t.tag', '=', tagDecoderInverse(cipher, 'dementia'))
      .executeTakeFirstOrThrow();
    assert.equal(mother.is_primary, 1);
    assert.ok(ageOn(mother.birth_date, TODAY) >= 70);
    const search = await db
      .selectFrom('resident')
      .select(['name_pinyin', 'name_initials'])
      .where('community_id', '=', CID)
      .where('name', '=', '李泽钦')
      .execute();
    assert.deepEqual(search, [{ name_pinyin: 'lizeqin', name_initials: 'lzq' }]);
  });

  it('registers 997 volunteers aged 9 to 80, minors with a guardian, residents linked by ID number', async () => {
    const { db, cipher, counts } = get();
    const vols = await db.selectFrom('volunteer').selectAll().where('community_id', '=', CID).execute();
    const approved = vols.filter((v) => v.status === 'approved');
    assert.equal(approved.length, 997);
    assert.equal(vols.filter((v) => v.status === 'pending').length, 5);
    assert.equal(counts.volunteers, 997);
    const ages = approved.map((v) => ageOn(v.birth_date, TODAY));
    assert.equal(Math.min(...ages), 9, 'the youngest is exactly 9');
    assert.equal(Math.max(...ages), 80, 'the oldest is exactly 80');
    assert.ok(
      vols.every((v) => {
        const a = ageOn(v.birth_date, TODAY);
        return a >= 9 && a <= 80;
      }),
    );

    const guardians = new Map(
      (await db.selectFrom('volunteer_guardian').selectAll().where('community_id', '=', CID).execute()).map((g) => [
        g.volunteer_id,
        g,
      ]),
    );
    let minors = 0;
    for (const v of vols) {
      const age = ageOn(v.birth_date, TODAY);
      const g = guardians.get(v.id);
      if (age < 18) {
        minors++;
        assert.ok(g, `minor volunteer ${v.name} has a guardian`);
        assert.equal(g.covers_data, age < 14 ? 1 : 0);
        assert.match(g.phone, MOBILE_RE);
        // The guardian confirmed (a code by SMS), so the approved minor passes the gate.
        if (v.status === 'approved') assert.deepEqual([g.state, g.confirmed_via], ['confirmed', 'sms'], v.name);
      } else assert.equal(g, undefined, 'adults have no guardian');
    }
    assert.ok(minors > 20, `children volunteer too (${minors})`);

    const seenCards = new Set<string>();
    for (const v of vols) {
      const id = cipher.decrypt(v.id_number_enc);
      const parsed = parseIdNumber(id);
      assert.ok(parsed.ok, `${v.name}: ${id}`);
      assert.equal(parsed.id.birthDate, v.birth_date);
      assert.equal(parsed.id.gender, v.gender);
      assert.equal(v.id_number_token, cipher.token(CID, 'id_number', id));
      assert.equal(v.id_number_masked, maskIdNumber(id));
      assert.equal(v.name_pinyin, namePinyin(v.name).full);
      assert.match(v.phone, MOBILE_RE);
      assert.match(v.card_token, /^[A-Za-z0-9_-]{24}$/);
      assert.ok(!seenCards.has(v.card_token));
      seenCards.add(v.card_token);
      assert.ok(v.consent_at <= NOW.toISOString());
      assert.ok(['good', 'fair', 'limited'].includes(v.fitness));
    }
    const mismatched = await db
      .selectFrom('volunteer as v')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .select([
        'v.name',
        'r.name as rname',
        'v.birth_date',
        'r.birth_date as rbirth',
        'v.id_number_token',
        'r.id_number_token as rtoken',
      ])
      .where('v.community_id', '=', CID)
      .execute();
    assert.ok(mismatched.length > 900, `most volunteers are residents (${mismatched.length})`);
    for (const m of mismatched) {
      assert.equal(m.id_number_token, m.rtoken, `${m.name}: the volunteer's ID number is the resident's`);
      assert.equal(m.name, m.rname);
      assert.equal(m.birth_date, m.rbirth);
    }
    const households = await db
      .selectFrom('volunteer as v')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .select((e) => e.fn.count('r.household_id').distinct().as('n'))
      .where('v.community_id', '=', CID)
      .where('v.status', '=', 'approved')
      .executeTakeFirstOrThrow();
    assert.equal(Number(households.n), counts.householdsWithVolunteer);
    assert.ok(Number(households.n) >= 940, `one volunteer per household first (${households.n} of 2265)`);

    const channels = new Set(approved.map((v) => v.recruited_via));
    for (const c of [
      'residents_committee',
      'youth_league',
      'womens_federation',
      'elderly_association',
      'disabled_association',
      'unit',
      'party',
      'self',
    ])
      assert.ok(channels.has(c), c);
  });

  it('keeps a skills pool of 204 across all eight categories, with licences', async () => {
    const { db, counts } = get();
    const skills = await db.selectFrom('volunteer_skill').selectAll().where('community_id', '=', CID).execute();
    assert.equal(new Set(skills.map((s) => s.volunteer_id)).size, 204);
    assert.equal(counts.skillsPool, 204);
    assert.deepEqual(new Set(skills.map((s) => s.category)), new Set(SKILL_CATEGORIES));
    for (const s of skills) {
      const def = SKILL_BY_CODE.get(s.skill_code);
      assert.ok(def, s.skill_code);
      assert.equal(s.category, def.category);
      assert.ok(['basic', 'skilled', 'expert'].includes(s.level));
      assert.equal(!!s.licence_no, !!def.licensed, `${s.skill_code}: a licence exactly for licensed skills`);
      if (def.licensed) assert.ok(s.licence_expires_on! >= TODAY, 'no licence is already expired');
    }
    const soon = skills.filter((s) => s.licence_expires_on && s.licence_expires_on <= addDaysIso(TODAY, 30));
    assert.ok(soon.length >= 1, 'some licences expire within 30 days');
  });

  it('has party members of every kind, the 13 teachers and the 37 Party-school volunteers', async () => {
    const { db } = get();
    const units = new Map(
      (await db.selectFrom('unit').select(['id', 'name', 'kind']).where('community_id', '=', CID).execute()).map(
        (u) => [u.name, u],
      ),
    );
    for (const name of [
      '宝鸡市第一中学',
      '中共宝鸡市委党校',
      '宝鸡市中医医院',
      '中国电信宝鸡分公司',
      '西关社区居委会',
      '西关社区团支部',
      '西关社区妇联',
      '西关社区老年协会',
      '西关社区残疾人协会',
    ])
      assert.ok(units.has(name), name);
    const members = await db
      .selectFrom('party_member as p')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
      )
      .select([
        'p.kind',
        'p.is_public_servant',
        'p.grid_id',
        'v.unit_id',
        'v.resident_id',
        'v.political_status',
        'v.id',
      ])
      .where('p.community_id', '=', CID)
      .execute();
    const at = (unit: string) =>
      members.filter((m) => m.unit_id === units.get(unit)!.id && m.kind === 'in_service').length;
    assert.equal(at('宝鸡市第一中学'), 13);
    assert.equal(at('中共宝鸡市委党校'), 37);
    assert.deepEqual(new Set(members.map((m) => m.kind)), new Set(['in_service', 'resident', 'floating']));
    assert.ok(members.some((m) => m.is_public_servant === 1));
    assert.ok(members.every((m) => m.grid_id && m.political_status === 'party_member'));
    const partyIds = new Set(members.map((m) => m.id));
    const others = await db
      .selectFrom('volunteer')
      .select(['id'])
      .where('community_id', '=', CID)
      .where('political_status', '=', 'party_member')
      .execute();
    assert.ok(
      others.every((o) => partyIds.has(o.id)),
      'every volunteer marked party_member has a party record',
    );
    const residentGrid = await db
      .selectFrom('party_member as p')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
      )
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .select((e) => e.fn.countAll().as('n'))
      .where('p.community_id', '=', CID)
      .whereRef('p.grid_id', '!=', 'r.grid_id')
      .executeTakeFirstOrThrow();
    assert.equal(Number(residentGrid.n), 0, 'a resident party member is managed by their own grid');

    const inService = members.filter((m) => m.kind === 'in_service').map((m) => m.id);
    const reports = await db
      .selectFrom('party_report')
      .select(['volunteer_id'])
      .where('community_id', '=', CID)
      .execute();
    assert.deepEqual(
      new Set(reports.map((r) => r.volunteer_id)),
      new Set(inService),
      'every in-service member has reported',
    );
    const claimed = await db
      .selectFrom('party_report_post as rp')
      .innerJoin('party_post as p', (j) =>
        j.onRef('p.community_id', '=', 'rp.community_id').onRef('p.id', '=', 'rp.post_id'),
      )
      .select(['p.title', 'p.capacity', (e) => e.fn.countAll().as('n')])
      .where('rp.community_id', '=', CID)
      .groupBy(['p.title', 'p.capacity'])
      .execute();
    assert.equal(claimed.length, PARTY_POSTS.length);
    for (const c of claimed) assert.ok(Number(c.n) <= c.capacity!, `${c.title}: ${c.n} within ${c.capacity}`);
  });

  it('has the 12 squads, 9 culture teams, the silver group and unit teams, each with one leader', async () => {
    const { db } = get();
    const teams = await db.selectFrom('team').selectAll().where('community_id', '=', CID).execute();
    const kinds = (k: string) => teams.filter((t) => t.kind === k).length;
    assert.equal(kinds('squad'), 12);
    assert.equal(kinds('culture'), 9);
    assert.equal(kinds('silver'), 1);
    assert.ok(kinds('unit_team') >= 2);
    assert.ok(teams.some((t) => t.name === '秦腔社' && t.kind === 'culture'));
    const rows = await db
      .selectFrom('team_member as m')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'm.community_id').onRef('v.id', '=', 'm.volunteer_id'),
      )
      .select(['m.team_id', 'm.role', 'm.status', 'v.birth_date', 'v.status as vstatus'])
      .where('m.community_id', '=', CID)
      .execute();
    const silver = teams.find((t) => t.kind === 'silver')!;
    for (const t of teams) {
      const mine = rows.filter((r) => r.team_id === t.id);
      assert.equal(
        mine.filter((r) => r.role === 'leader' && r.status === 'active').length,
        1,
        `${t.name} has one leader`,
      );
      assert.ok(mine.filter((r) => r.status === 'active').length >= 5, `${t.name} has members`);
    }
    assert.ok(
      rows.filter((r) => r.team_id === silver.id).every((r) => ageOn(r.birth_date, TODAY) >= 60),
      'the silver group is 60+',
    );
    assert.ok(
      rows.some((r) => r.status === 'requested'),
      'some join requests wait',
    );
    assert.ok(rows.filter((r) => r.status === 'active').every((r) => r.vstatus === 'approved'));
  });

  it('trains and insures, with expiry flags to show, and links the demo accounts', async () => {
    const { db } = get();
    const soon = addDaysIso(TODAY, 30);
    const certs = await db
      .selectFrom('training_certificate')
      .select(['expires_on'])
      .where('community_id', '=', CID)
      .execute();
    assert.ok(
      certs.some((c) => c.expires_on && c.expires_on >= TODAY && c.expires_on <= soon),
      'some certificates expire within 30 days',
    );
    const courses = await db
      .selectFrom('training_course')
      .select(['title', 'validity_months'])
      .where('community_id', '=', CID)
      .execute();
    assert.deepEqual(Object.fromEntries(courses.map((c) => [c.title, c.validity_months])), {
      失智老人照护: 24,
      急救: 24,
      陪护住院: 12,
      课业辅导: null,
      志愿服务通识: null,
    });
    const types = await db
      .selectFrom('service_type')
      .select(['code', 'min_age'])
      .where('community_id', '=', CID)
      .execute();
    assert.equal(types.length, 8);

    const accounts = new Map(
      (
        await db
          .selectFrom('account as a')
          .innerJoin('membership as m', 'm.account_id', 'a.id')
          .select(['a.id', 'a.phone', 'm.team_id', 'm.unit_id'])
          .where('m.community_id', '=', CID)
          .execute()
      ).map((a) => [a.phone, a]),
    );
    const volunteerOf = (phone: string) =>
      db
        .selectFrom('volunteer')
        .selectAll()
        .where('community_id', '=', CID)
        .where('account_id', '=', accounts.get(phone)!.id)
        .executeTakeFirstOrThrow();
    const leader = await volunteerOf('13800000004');
    const team = await db
      .selectFrom('team')
      .select(['name', 'kind'])
      .where('community_id', '=', CID)
      .where('id', '=', accounts.get('13800000004')!.team_id!)
      .executeTakeFirstOrThrow();
    assert.equal(team.kind, 'squad');
    const role = await db
      .selectFrom('team_member')
      .select('role')
      .where('community_id', '=', CID)
      .where('team_id', '=', accounts.get('13800000004')!.team_id!)
      .where('volunteer_id', '=', leader.id)
      .executeTakeFirstOrThrow();
    assert.equal(role.role, 'leader');
    const school = await db
      .selectFrom('unit')
      .select('name')
      .where('community_id', '=', CID)
      .where('id', '=', accounts.get('13800000005')!.unit_id!)
      .executeTakeFirstOrThrow();
    assert.equal(school.name, '宝鸡市第一中学');
    assert.equal((await volunteerOf('13800000005')).unit_id, accounts.get('13800000005')!.unit_id);

    const her = await volunteerOf('13800000006');
    assert.equal(her.name, '刘红梅');
    assert.equal(her.status, 'approved');
    assert.ok(her.resident_id);
    const herSquads = await db
      .selectFrom('team_member as m')
      .innerJoin('team as t', (j) => j.onRef('t.community_id', '=', 'm.community_id').onRef('t.id', '=', 'm.team_id'))
      .select('t.kind')
      .where('m.community_id', '=', CID)
      .where('m.volunteer_id', '=', her.id)
      .where('m.status', '=', 'active')
      .execute();
    assert.ok(herSquads.some((t) => t.kind === 'squad'));
    const herSkills = await db
      .selectFrom('volunteer_skill')
      .select('skill_code')
      .where('community_id', '=', CID)
      .where('volunteer_id', '=', her.id)
      .execute();
    assert.ok(herSkills.length > 0);
    const herCerts = await db
      .selectFrom('training_certificate')
      .select('expires_on')
      .where('community_id', '=', CID)
      .where('volunteer_id', '=', her.id)
      .execute();
    assert.ok(herCerts.length > 0 && herCerts.every((c) => c.expires_on === null || c.expires_on > soon));
    const herCover = await db
      .selectFrom('insurance_cover as c')
      .innerJoin('insurance_policy as p', (j) =>
        j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.policy_id'),
      )
      .select(['p.starts_on', 'p.ends_on'])
      .where('c.community_id', '=', CID)
      .where('c.volunteer_id', '=', her.id)
      .execute();
    assert.ok(herCover.some((p) => p.starts_on <= TODAY && p.ends_on >= TODAY));
    const covered = await db
      .selectFrom('insurance_cover')
      .select((e) => e.fn.count('volunteer_id').distinct().as('n'))
      .where('community_id', '=', CID)
      .executeTakeFirstOrThrow();
    assert.ok(Number(covered.n) > 900, `most volunteers are insured (${covered.n})`);
  });

  it('runs about 150 three-fixed pairings with a year of visits, mostly kept, some missed, some left out', async () => {
    const { db, cipher, counts } = get();
    const pairings = await db.selectFrom('pairing').selectAll().where('community_id', '=', CID).execute();
    assert.equal(pairings.filter((p) => p.status === 'active').length, 150);
    assert.equal(pairings.filter((p) => p.status === 'ended').length, 20);
    assert.equal(counts.activePairings, 150);
    assert.ok(pairings.filter((p) => p.status === 'ended').every((p) => p.ended_on && p.end_reason));
    // Every paired resident is one the case study serves first: living alone, with dementia, disabled, without family.
    const decode = tagDecoder(cipher, CID);
    const tags = await db
      .selectFrom('resident_tag')
      .select(['resident_id', 'tag'])
      .where('community_id', '=', CID)
      .execute();
    const groups = new Map<string, Set<string>>();
    for (const t of tags)
      (groups.get(t.resident_id) ?? groups.set(t.resident_id, new Set()).get(t.resident_id)!).add(decode.get(t.tag)!);
    for (const p of pairings)
      assert.ok(
        ['living_alone', 'dementia', 'disabled', 'sanwu'].some((g) => groups.get(p.resident_id)?.has(g)),
        p.resident_id,
      );
    for (const p of pairings) assert.ok(parseRule(p.rrule).ok, p.rrule);

    const visits = await db
      .selectFrom('pairing_visit')
      .select(['pairing_id', 'visited_on', 'minutes'])
      .where('community_id', '=', CID)
      .execute();
    assert.equal(visits.length, counts.pairingVisits);
    assert.ok(visits.length > 3000 && visits.length < 20000, `${visits.length} visits`);
    assert.ok(visits.every((v) => v.visited_on < TODAY && v.minutes >= 5 && v.minutes <= 480));
    const byPairing = new Map<string, string[]>();
    for (const v of visits)
      (byPairing.get(v.pairing_id) ?? byPairing.set(v.pairing_id, []).get(v.pairing_id)!).push(v.visited_on);
    // Over the last 90 days, most expected visits of running pairings were kept and some were missed.
    let kept = 0,
      missed = 0,
      lapsed = 0;
    for (const p of pairings.filter((x) => x.status === 'active')) {
      const rule = parseRule(p.rrule);
      if (!rule.ok) continue;
      const mine = byPairing.get(p.id) ?? [];
      for (const c of checkVisits(
        occurrences(rule.rule, p.starts_on, null, addDaysIso(TODAY, -90), TODAY),
        mine,
        TODAY,
      )) {
        if (c.status === 'kept') kept++;
        if (c.status === 'missed') missed++;
      }
      if (mine.length && mine.reduce((a, b) => (a > b ? a : b)) < addDaysIso(TODAY, -21)) lapsed++;
    }
    // Every visit is in the hours ledger, the last week's waiting for verification; the totals add up.
    const entries = await db
      .selectFrom('hours_entry')
      .select(['volunteer_id', 'source', 'minutes', 'status', 'service_date'])
      .where('community_id', '=', CID)
      .where('source', '=', 'pairing_visit')
      .execute();
    assert.equal(entries.length, visits.length);
    assert.ok(entries.every((e) => e.service_date < addDaysIso(TODAY, -7) === (e.status === 'verified')));
    const sums = new Map<string, number>();
    for (const e of await db
      .selectFrom('hours_entry')
      .select(['volunteer_id', 'minutes', 'status'])
      .where('community_id', '=', CID)
      .where('status', '=', 'verified')
      .execute())
      sums.set(e.volunteer_id, (sums.get(e.volunteer_id) ?? 0) + Number(e.minutes));
    for (const tRow of await db.selectFrom('hours_total').selectAll().where('community_id', '=', CID).execute())
      assert.equal(Number(tRow.credit_minutes), sums.get(tRow.volunteer_id) ?? 0);
    // A year of activities: 67 shows with programmes, the festivals, the Party school's month-end cleaning series.
    const acts = await db
      .selectFrom('activity')
      .select(['id', 'kind', 'template_key', 'series_id', 'date'])
      .where('community_id', '=', CID)
      .execute();
    assert.equal(acts.filter((a) => a.kind === 'performance').length, 67);
    for (const key of ['spring_festival', 'mid_autumn_festival', 'double_ninth_festival', 'lei_feng_day'])
      assert.ok(
        acts.some((a) => a.template_key === key),
        key,
      );
    const cleaning = acts.filter((a) => a.series_id !== null);
    assert.ok(
      cleaning.length >= 36 && cleaning.every((a) => Number(a.date.slice(8)) >= 26),
      `${cleaning.length} cleaning days at month ends`,
    );
    // Shift counters equal their confirmed sign-ups; every attended past sign-up has its ledger entry.
    const shifts = await db
      .selectFrom('activity_shift')
      .select(['id', 'taken', 'places'])
      .where('community_id', '=', CID)
      .execute();
    const signups = await db
      .selectFrom('activity_signup')
      .select(['shift_id', 'status', 'checked_in_at', 'hours_entry_id'])
      .where('community_id', '=', CID)
      .execute();
    for (const sh of shifts)
      assert.equal(Number(sh.taken), signups.filter((x) => x.shift_id === sh.id && x.status === 'confirmed').length);
    assert.ok(shifts.every((sh) => Number(sh.taken) <= Number(sh.places)));
    const activityEntries = new Set(
      (
        await db
          .selectFrom('hours_entry')
          .select('id')
          .where('community_id', '=', CID)
          .where('source', '=', 'activity')
          .execute()
      ).map((e) => e.id),
    );
    assert.ok(
      signups.filter((x) => x.checked_in_at).every((x) => x.hours_entry_id && activityEntries.has(x.hours_entry_id)),
    );
    assert.equal(activityEntries.size, signups.filter((x) => x.checked_in_at).length);
    // Points were earned on verified hours, and the supermarket has a shelf.
    const balances = await db
      .selectFrom('points_balance')
      .select(['balance'])
      .where('community_id', '=', CID)
      .execute();
    assert.ok(balances.length > 300 && balances.every((b) => Number(b.balance) >= 0));
    assert.ok(
      (await db.selectFrom('supermarket_item').select('id').where('community_id', '=', CID).execute()).length >= 8,
    );
    const missedShare = missed / (kept + missed);
    assert.ok(missedShare > 0.05 && missedShare < 0.35, `missed ${missedShare}`);
    assert.ok(lapsed >= 5, `${lapsed} paired residents have had no visit for three weeks`);

    // The demo volunteer visits 李泽钦's mother and has visits left to log.
    const her = await db
      .selectFrom('volunteer as v')
      .innerJoin('account as a', 'a.id', 'v.account_id')
      .select('v.id')
      .where('v.community_id', '=', CID)
      .where('a.phone', '=', '13800000006')
      .executeTakeFirstOrThrow();
    const hers = pairings.filter((p) => p.volunteer_id === her.id && p.status === 'active');
    assert.ok(hers.length >= 1);
    assert.ok(
      hers.every((p) => (byPairing.get(p.id) ?? []).every((d) => d <= addDaysIso(TODAY, -3))),
      'nothing logged in the last three days',
    );
    assert.ok(hers.every((p) => (byPairing.get(p.id) ?? []).length > 10));
  });

  it('has two 小小志愿者 activities ahead: a child with a parent of the household, one with a volunteer', async () => {
    const { db } = get();
    const junior = await db
      .selectFrom('activity')
      .select(['id', 'title', 'date'])
      .where('community_id', '=', CID)
      .where('junior_volunteers', '=', 1)
      .orderBy('date')
      .execute();
    assert.deepEqual(
      junior.map((a) => a.title),
      ['小小志愿者 垃圾分类宣传', '小小志愿者 敬老院慰问'],
    );
    assert.ok(junior.every((a) => a.date > TODAY));
    const kids = await db
      .selectFrom('activity_signup as s')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
      )
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .leftJoin('resident as p', (j) =>
        j.onRef('p.community_id', '=', 's.community_id').onRef('p.id', '=', 's.companion_resident_id'),
      )
      .select([
        's.activity_id',
        'v.birth_date',
        'r.household_id',
        'p.household_id as parent_household',
        'p.birth_date as parent_birth',
        's.companion_volunteer_id',
      ])
      .where('s.community_id', '=', CID)
      .where(
        's.activity_id',
        'in',
        junior.map((a) => a.id),
      )
      .where((eb) =>
        eb.or([eb('s.companion_resident_id', 'is not', null), eb('s.companion_volunteer_id', 'is not', null)]),
      )
      .execute();
    const withParent = kids.find((k) => k.activity_id === junior[0]!.id)!;
    assert.ok(ageOn(withParent.birth_date, junior[0]!.date) < 18);
    assert.equal(withParent.parent_household, withParent.household_id);
    assert.ok(ageOn(withParent.parent_birth!, junior[0]!.date) >= 18);
    const withVolunteer = kids.find((k) => k.activity_id === junior[1]!.id)!;
    const adult = await db
      .selectFrom('activity_signup')
      .select('status')
      .where('activity_id', '=', junior[1]!.id)
      .where('volunteer_id', '=', withVolunteer.companion_volunteer_id!)
      .executeTakeFirstOrThrow();
    assert.equal(adult.status, 'confirmed');
  });

  it('refuses to seed a community twice', async () => {
    const { db, cipher } = get();
    await assert.rejects(
      seedCommunity(db, cipher, { communityId: CID, name: '西关社区', seed: SEED, withAccounts: false, now: NOW }),
      /already exists/,
    );
  });
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
    const people = (db: Db) =>
      db
        .selectFrom('resident')
        .select(['name', 'gender', 'birth_date', 'phone'])
        .where('community_id', '=', CID)
        .orderBy('id')
        .execute();
    const again = openDatabase({ sqliteFile: ':memory:' });
    try {
      await seedInto(again);
      assert.deepEqual(await people(again.db), await people(seeded.db));
      const volunteers = (db: Db) =>
        db
          .selectFrom('volunteer')
          .select([
            'name',
            'birth_date',
            'phone',
            'card_token',
            'status',
            'fitness',
            'recruited_via',
            'political_status',
          ])
          .where('community_id', '=', CID)
          .orderBy('id')
          .execute();
      assert.deepEqual(await volunteers(again.db), await volunteers(seeded.db));
      const skills = (db: Db) =>
        db
          .selectFrom('volunteer_skill as s')
          .innerJoin('volunteer as v', (j) =>
            j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
          )
          .select(['v.card_token', 's.skill_code', 's.level', 's.licence_no', 's.licence_expires_on'])
          .where('s.community_id', '=', CID)
          .orderBy('v.card_token')
          .orderBy('s.skill_code')
          .execute();
      assert.deepEqual(await skills(again.db), await skills(seeded.db));
    } finally {
      await again.close();
    }
    const a = buildCommunity({ name: '西关社区', seed: SEED, now: NOW, withAccounts: true });
    const b = buildCommunity({ name: '西关社区', seed: SEED + 1, now: NOW, withAccounts: true });
    const summary = (m: typeof a) => m.people.map((p) => `${p.name} ${p.birthDate} ${p.idNumber}`);
    assert.notDeepEqual(summary(a), summary(b));
    assert.equal(b.people.filter((p) => p.age >= 60).length, 1050, 'every seed keeps the exact figures');
    assert.equal(b.households.length, 2265);
    const vsummary = (m: typeof a) =>
      m.volunteers.volunteers.map(
        (v) =>
          `${v.name} ${v.birthDate} ${v.cardToken} ${v.skills.map((s) => s.code).join(',')} ` +
          `${v.teams.map((t) => t.team).join(',')}`,
      );
    assert.deepEqual(
      vsummary(a),
      vsummary(buildCommunity({ name: '西关社区', seed: SEED, now: NOW, withAccounts: true })),
    );
    assert.notDeepEqual(vsummary(a), vsummary(b));
    assert.equal(b.volunteers.volunteers.filter((v) => v.status === 'approved').length, 997);
  });
});

describe(
  'Xiguan demo data on PostgreSQL',
  { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' },
  () => {
    // A database of its own, migrated by createTestDatabase; seedInto migrates again, which is a no-op.
    let t: TestDatabase;
    let seeded: Seeded;
    before(async () => {
      t = await createTestDatabase('postgres');
      seeded = await seedInto(t.handle);
      console.log(`Xiguan on PostgreSQL: seeded in ${seeded.ms.toFixed(0)} ms`);
    });
    after(async () => {
      await t?.dispose();
    });

    checksFor(() => seeded);
  },
);
