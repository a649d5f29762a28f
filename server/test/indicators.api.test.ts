// The indicators dashboard on the Xiguan demo, on SQLite and PostgreSQL: every figure equals a recount written
// here, independently, from the raw tables (plus records this test adds, and a second community whose records
// must not count); the grid filter; scope (a grid leader sees only their grid, a volunteer nothing); no resident
// names in any answer; the Excel export holds the same numbers, one sheet per chart; the monthly PDF is a real
// PDF whose Chinese text reads back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { DEMO_PASSWORD, ensureDemo, XIGUAN_ID } from '../src/demo.ts';
import { DEMO_REGION_SIGN_INS, DEMO_SIGN_INS } from '../../scripts/demo/xiguan.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { as, signIn, type Client, type TestApp } from './app.ts';
import { seedSmallCommunity } from './factories.ts';
import { pdfText } from './certificates-pdf.ts';
import { tagDecoder } from '../src/modules/registry/resident-directory.ts';
import { defaultWindow, IndicatorsService } from '../src/modules/indicators/indicators.service.ts';
import { placeCommunity } from '../src/modules/regions/regions-directory.ts';
import type { Actor } from '../src/platform/actor.ts';
import { storeMonthlyReports } from '../src/modules/indicators/indicators.module.ts';
import { addDays, ageOn, shanghaiDayStart, shanghaiLocal, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { CHART_TITLES, type Chart, type IndicatorsView } from '../../domain/indicators/schemas.ts';
import { SPECIAL_GROUP_LABELS } from '../../domain/registry/special-groups.ts';
import { CONTACT_KINDS, CONTACT_KIND_LABELS } from '../../domain/contacts/kinds.ts';

type Any = Kysely<any>;
const ALERT_DAYS = 30;

function series(c: Chart, key: string): Map<string, number> {
  const s = c.series.find((x) => x.key === key)!;
  assert.ok(s, `${c.key} has series ${key}`);
  return new Map(c.categories.map((cat, i) => [cat, s.values[i]!]));
}
/** Drops zero entries, so a category shown with 0 equals one not shown. */
const nz = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
const add = (m: Map<string, number>, k: string, v = 1) => m.set(k, (m.get(k) ?? 0) + v);
const h2 = (min: number) => Math.round((min / 60) * 100) / 100;

/** Everything recounted from raw rows for Xiguan (one grid when given), as the dashboard defines each figure. */
async function recount(db: Any, cipher: FieldCipher, gridId: string | null, from: string, to: string) {
  const c = XIGUAN_ID;
  const all = (t: string) => db.selectFrom(t).selectAll().where('community_id', '=', c).execute();
  const [households, residents, volunteers, units, teams, members, party, entries, contacts, needs, tags, pairings] =
    await Promise.all(
      [
        'household',
        'resident',
        'volunteer',
        'unit',
        'team',
        'team_member',
        'party_member',
        'hours_entry',
        'contact',
        'need',
        'resident_tag',
        'pairing',
      ].map(all),
    );
  const [sessions, attendance, children, badges, scans, activities, signups, items] = await Promise.all(
    [
      'classroom_session',
      'classroom_attendance',
      'classroom_child',
      'badge',
      'badge_scan',
      'activity',
      'activity_signup',
      'activity_programme_item',
    ].map(all),
  );
  const residentById = new Map(residents.map((r: any) => [r.id, r]));
  const householdById = new Map(households.map((h: any) => [h.id, h]));
  const inGrid = (g: string | null | undefined) => !gridId || g === gridId;
  const approved = volunteers.filter((v: any) => v.status === 'approved');
  const vGrid = (v: any) => (v.resident_id ? residentById.get(v.resident_id)?.grid_id : null);
  const vols = approved.filter((v: any) => inGrid(vGrid(v)));
  const volById = new Map(volunteers.map((v: any) => [v.id, v]));
  const unitName = new Map(units.map((u: any) => [u.id, u.name]));
  const teamName = new Map(teams.map((t: any) => [t.id, t.name]));
  const activeTeams = (vid: string) =>
    members
      .filter((m: any) => m.volunteer_id === vid && m.status === 'active')
      .map((m: any) => teamName.get(m.team_id));

  // Households with an approved volunteer living in them.
  const hh = households.filter((h: any) => inGrid(h.grid_id));
  const withVol = new Set(
    approved.filter((v: any) => v.resident_id).map((v: any) => residentById.get(v.resident_id)?.household_id),
  );
  const hhWith = hh.filter((h: any) => withVol.has(h.id)).length;

  const ages = new Map<string, number>();
  for (const v of vols) {
    const a = ageOn(v.birth_date, to);
    add(ages, a < 18 ? '18岁以下' : a < 35 ? '18–34岁' : a < 60 ? '35–59岁' : a < 70 ? '60–69岁' : '70岁及以上');
  }
  const byUnit = new Map<string, number>();
  for (const v of vols) add(byUnit, v.unit_id ? unitName.get(v.unit_id) : '未填单位');
  const byTeam = new Map<string, number>();
  for (const v of vols) for (const t of new Set(activeTeams(v.id))) add(byTeam, t);

  // The ledger: verified credit entries that still count, in the window.
  const ledger = entries.filter(
    (e: any) =>
      e.kind === 'credit' &&
      e.status === 'verified' &&
      e.corrected_by === null &&
      Number(e.minutes) > 0 &&
      e.service_date >= from &&
      e.service_date <= to,
  );
  const ledgerIn = ledger.filter((e: any) => inGrid(vGrid(volById.get(e.volunteer_id))));
  const minutes = ledgerIn.reduce((s: number, e: any) => s + Number(e.minutes), 0);
  const byMonth = new Map<string, number>();
  const byTeamMin = new Map<string, number>();
  const byUnitMin = new Map<string, number>();
  for (const e of ledgerIn) {
    add(byMonth, e.service_date.slice(0, 7), Number(e.minutes));
    for (const t of new Set(activeTeams(e.volunteer_id))) add(byTeamMin, t, Number(e.minutes));
    const v = volById.get(e.volunteer_id);
    add(byUnitMin, v.unit_id ? unitName.get(v.unit_id) : '未填单位', Number(e.minutes));
  }
  const partyIn = party.filter((p: any) => volById.get(p.volunteer_id)?.status === 'approved' && inGrid(p.grid_id));
  const partyKind = new Map<string, number>();
  const partyKindMin = new Map<string, number>();
  const label = { in_service: '在职党员', resident: '居民党员', floating: '流动党员' } as Record<string, string>;
  for (const p of partyIn) {
    add(partyKind, label[p.kind]!);
    const m = ledger
      .filter((e: any) => e.volunteer_id === p.volunteer_id)
      .reduce((s: number, e: any) => s + Number(e.minutes), 0);
    add(partyKindMin, label[p.kind]!, m);
  }

  // The record of service.
  const cIn = contacts.filter(
    (x: any) => x.occurred_on >= from && x.occurred_on <= to && inGrid(householdById.get(x.household_id)?.grid_id),
  );
  const byKind = new Map<string, number>();
  for (const x of cIn) add(byKind, CONTACT_KIND_LABELS[x.kind as (typeof CONTACT_KINDS)[number]].zh);
  const decode = tagDecoder(cipher, c);
  const groupsOf = new Map<string, string[]>();
  for (const t of tags) {
    const g = decode.get(t.tag);
    if (g) groupsOf.set(t.resident_id, [...(groupsOf.get(t.resident_id) ?? []), g]);
  }
  const svc = new Map<string, number>();
  const reached = new Map<string, Set<string>>();
  for (const x of contacts.filter((x: any) => x.occurred_on >= from && x.occurred_on <= to)) {
    const who = x.resident_id
      ? [residentById.get(x.resident_id)].filter(Boolean)
      : residents.filter((r: any) => r.household_id === x.household_id && r.status === 'active');
    const seen = new Set<string>();
    for (const r of who) {
      if (!inGrid(r.grid_id)) continue;
      for (const g of groupsOf.get(r.id) ?? []) {
        const l = SPECIAL_GROUP_LABELS[g as keyof typeof SPECIAL_GROUP_LABELS].zh;
        if (!seen.has(l)) add(svc, l);
        seen.add(l);
        reached.set(l, (reached.get(l) ?? new Set()).add(r.id));
      }
    }
  }

  // Needs received in the window.
  const fromAt = shanghaiDayStart(from),
    toAt = shanghaiDayStart(addDays(to, 1));
  const nIn = needs.filter((n: any) => n.created_at >= fromAt && n.created_at < toAt && inGrid(n.grid_id));
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    if (!s.length) return 0;
    const m = Math.floor(s.length / 2);
    return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 100) / 100;
  };
  const hrs = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

  // Coverage: active residents in special groups, paired, and left out (no contact after the cutoff).
  const cutoff = addDays(todayInShanghai(), -ALERT_DAYS);
  const special = residents.filter((r: any) => r.status === 'active' && groupsOf.has(r.id) && inGrid(r.grid_id));
  const pairedSet = new Set(pairings.filter((p: any) => p.status === 'active').map((p: any) => p.resident_id));
  const lastBy = new Map<string, string>();
  for (const x of contacts)
    if (!lastBy.has(x.subject_id) || lastBy.get(x.subject_id)! < x.occurred_on) lastBy.set(x.subject_id, x.occurred_on);
  const isLeft = (r: any) => !((lastBy.get(r.id) ?? '') > cutoff || (lastBy.get(r.household_id) ?? '') > cutoff);
  const cov = {
    residents: new Map<string, number>(),
    paired: new Map<string, number>(),
    leftOut: new Map<string, number>(),
  };
  for (const r of special)
    for (const g of groupsOf.get(r.id)!) {
      const l = SPECIAL_GROUP_LABELS[g as keyof typeof SPECIAL_GROUP_LABELS].zh;
      add(cov.residents, l);
      if (pairedSet.has(r.id)) add(cov.paired, l);
      if (isLeft(r)) add(cov.leftOut, l);
    }

  // Classroom, badges, festivals and performances.
  const sessionById = new Map(sessions.map((s: any) => [s.id, s]));
  const childById = new Map(children.map((x: any) => [x.id, x]));
  const cls = {
    sessions: new Map<string, number>(),
    checkIns: new Map<string, number>(),
    absences: new Map<string, number>(),
  };
  for (const s of sessions) if (s.date >= from && s.date <= to) add(cls.sessions, s.date.slice(0, 7));
  for (const a of attendance) {
    const s = sessionById.get(a.session_id);
    const ch = childById.get(a.child_id);
    if (!s || s.date < from || s.date > to) continue;
    if (!inGrid(ch?.household_id ? householdById.get(ch.household_id)?.grid_id : null)) continue;
    if (a.checked_in_at) add(cls.checkIns, s.date.slice(0, 7));
    if (a.absent_reported_at) add(cls.absences, s.date.slice(0, 7));
  }
  const badgeById = new Map(badges.map((b: any) => [b.id, b]));
  const bd = {
    views: new Map<string, number>(),
    messages: new Map<string, number>(),
    finds: new Map<string, number>(),
  };
  for (const s of scans) {
    if (s.at < fromAt || s.at >= toAt) continue;
    const r = residentById.get(badgeById.get(s.badge_id)?.resident_id);
    if (!r || !inGrid(r.grid_id)) continue;
    add(s.kind === 'message' ? bd.messages : bd.views, shanghaiLocal(s.at).date.slice(0, 7));
  }
  for (const x of cIn) if (x.kind === 'badge_return') add(bd.finds, x.occurred_on.slice(0, 7));
  const pub = activities.filter((a: any) => a.status === 'published' && a.date >= from && a.date <= to);
  const fest = new Map<string, number>();
  const festAtt = new Map<string, number>();
  const festKeys = new Set([
    'spring_festival',
    'lantern_festival',
    'lei_feng_day',
    'dragon_boat_festival',
    'mid_autumn_festival',
    'double_ninth_festival',
    'international_volunteer_day',
  ]);
  for (const a of pub)
    if (festKeys.has(a.template_key)) {
      add(fest, a.template_key);
      add(festAtt, a.template_key, signups.filter((s: any) => s.activity_id === a.id && s.checked_in_at).length);
    }
  const perf = {
    performances: new Map<string, number>(),
    audience: new Map<string, number>(),
    items: new Map<string, number>(),
  };
  for (const a of pub.filter((a: any) => a.kind === 'performance')) {
    add(perf.performances, a.date.slice(0, 7));
    add(perf.audience, a.date.slice(0, 7), Number(a.audience_count ?? 0));
    add(perf.items, a.date.slice(0, 7), items.filter((i: any) => i.activity_id === a.id).length);
  }

  return {
    headline: {
      households: hh.length,
      householdsWithVolunteer: hhWith,
      householdShare: hh.length ? Math.round((hhWith / hh.length) * 1000) / 10 : 0,
      volunteers: vols.length,
      partyMembers: partyIn.length,
      hours: h2(minutes),
      services: cIn.length,
      needsReceived: nIn.length,
      needsMet: nIn.filter((n: any) => n.status === 'done' || n.status === 'reviewed').length,
      specialResidents: special.length,
      paired: special.filter((r: any) => pairedSet.has(r.id)).length,
      leftOut: special.filter(isLeft).length,
    },
    ages,
    byUnit,
    byTeam,
    byMonth,
    byTeamMin,
    byUnitMin,
    partyKind,
    partyKindMin,
    byKind,
    svc,
    reached,
    cov,
    cls,
    bd,
    fest,
    festAtt,
    perf,
    needs: {
      received: nIn.length,
      matched: nIn.filter((n: any) => n.matched_at).length,
      toMatch: med(nIn.filter((n: any) => n.matched_at).map((n: any) => hrs(n.created_at, n.matched_at))),
      toDone: med(nIn.filter((n: any) => n.done_at).map((n: any) => hrs(n.created_at, n.done_at))),
    },
  };
}

function assertFigures(v: IndicatorsView, r: Awaited<ReturnType<typeof recount>>) {
  const ch = (k: string) => v.charts.find((c) => c.key === k)!;
  assert.deepEqual(v.headline, r.headline);
  assert.deepEqual(nz(series(ch('volunteersByAge'), 'volunteers')), nz(r.ages));
  assert.deepEqual(nz(series(ch('volunteersByUnit'), 'volunteers')), nz(r.byUnit));
  assert.deepEqual(nz(series(ch('volunteersByTeam'), 'volunteers')), nz(r.byTeam));
  assert.equal(
    [...series(ch('volunteersByKind'), 'volunteers').values()].reduce((a, b) => a + b, 0),
    r.headline.volunteers,
  );
  assert.deepEqual(nz(series(ch('hoursByMonth'), 'hours')), nz(new Map([...r.byMonth].map(([k, m]) => [k, h2(m)]))));
  assert.deepEqual(nz(series(ch('hoursByTeam'), 'hours')), nz(new Map([...r.byTeamMin].map(([k, m]) => [k, h2(m)]))));
  assert.deepEqual(nz(series(ch('hoursByUnit'), 'hours')), nz(new Map([...r.byUnitMin].map(([k, m]) => [k, h2(m)]))));
  assert.deepEqual(nz(series(ch('partyByKind'), 'members')), nz(r.partyKind));
  assert.deepEqual(
    nz(series(ch('partyByKind'), 'hours')),
    nz(new Map([...r.partyKindMin].map(([k, m]) => [k, h2(m)]))),
  );
  assert.deepEqual(nz(series(ch('servicesByKind'), 'services')), nz(r.byKind));
  assert.deepEqual(nz(series(ch('servicesByGroup'), 'services')), nz(r.svc));
  assert.deepEqual(
    nz(series(ch('servicesByGroup'), 'reached')),
    nz(new Map([...r.reached].map(([k, s]) => [k, s.size]))),
  );
  const needs = series(ch('needs'), 'count');
  assert.equal(needs.get('受理'), r.needs.received);
  assert.equal(needs.get('已匹配'), r.needs.matched);
  assert.equal(needs.get('已办结'), r.headline.needsMet);
  const times = series(ch('needTimes'), 'medianHours');
  assert.equal(times.get('受理到匹配'), r.needs.toMatch);
  assert.equal(times.get('受理到办结'), r.needs.toDone);
  for (const k of ['residents', 'paired', 'leftOut'] as const)
    assert.deepEqual(nz(series(ch('coverage'), k)), nz(r.cov[k]), `coverage ${k}`);
  for (const k of ['sessions', 'checkIns', 'absences'] as const)
    assert.deepEqual(nz(series(ch('classroom'), k)), nz(r.cls[k]), `classroom ${k}`);
  for (const k of ['views', 'messages', 'finds'] as const)
    assert.deepEqual(nz(series(ch('badges'), k)), nz(r.bd[k]), `badges ${k}`);
  assert.equal(
    [...series(ch('festivals'), 'activities').values()].reduce((a, b) => a + b, 0),
    [...r.fest.values()].reduce((a, b) => a + b, 0),
  );
  assert.equal(
    [...series(ch('festivals'), 'attended').values()].reduce((a, b) => a + b, 0),
    [...r.festAtt.values()].reduce((a, b) => a + b, 0),
  );
  for (const k of ['performances', 'audience', 'items'] as const)
    assert.deepEqual(nz(series(ch('performances'), k)), nz(r.perf[k]), `performances ${k}`);
}

for (const kind of testDatabaseKinds()) {
  describe(`the indicators dashboard on the Xiguan demo (${kind})`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let cipher: FieldCipher;
    let secretary: Client;
    let gridLeader: Client;
    let volunteer: Client;
    let leaderGrid: string;
    let otherGrid: string;
    let otherCommunity: string;
    const today = todayInShanghai();

    before(async () => {
      db = await createTestDatabase(kind);
      const config = loadConfig({
        LINLI_DATA_DIR: db.dataDir,
        LINLI_LOG_LEVEL: 'silent',
        LINLI_DEMO: '0',
        LINLI_JOBS: '0',
        LINLI_RATE_LIMITS: '0',
        LINLI_WEB_DIST: '/nonexistent',
        LINLI_LEFT_OUT_ALERT_DAYS: String(ALERT_DAYS),
        // Answers are not reused: the tests change records and stored figures between requests.
        LINLI_INDICATORS_REUSE_SECONDS: '0',
      });
      cipher = new FieldCipher(generateKeyring());
      app = await buildApp(config, { database: db.handle, cipher });
      await app.ready();
      await ensureDemo(db.handle.db, cipher, app.log);
      const other = await seedSmallCommunity(db.handle.db, cipher, { name: '东关社区', phonePrefix: '1390001' });
      otherCommunity = other.id;
      const d = db.handle.db as Any;
      // Records added to the demo: a verified ledger entry this month, a correction pair, and a contact and a
      // ledger entry in the other community that must not count.
      const vol = await d
        .selectFrom('volunteer')
        .select(['id'])
        .where('community_id', '=', XIGUAN_ID)
        .where('status', '=', 'approved')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      const entry = (community: string, volunteerId: string, minutes: number, extra: object = {}) => ({
        community_id: community,
        id: uuidv7(),
        volunteer_id: volunteerId,
        source: 'manual',
        source_id: uuidv7(),
        service_date: today,
        started_at: null,
        ended_at: null,
        raw_minutes: minutes,
        minutes,
        kind: 'credit',
        description: '测试',
        corrects_id: null,
        corrected_by: null,
        review_reason: null,
        note: null,
        recorded_by: null,
        recorded_by_name: '测试',
        created_at: now,
        status: 'verified',
        verified_by: null,
        verified_by_name: null,
        verified_at: now,
        ...extra,
      });
      await d
        .insertInto('hours_entry')
        .values([entry(XIGUAN_ID, vol.id, 95), entry(XIGUAN_ID, vol.id, 60, { status: 'pending' })])
        .execute();
      const ov = await d
        .selectFrom('volunteer')
        .select('id')
        .where('community_id', '=', other.id)
        .limit(1)
        .executeTakeFirst();
      if (ov)
        await d
          .insertInto('hours_entry')
          .values(entry(other.id, ov.id, 600))
          .execute();
      const signInRole = async (role: string) => {
        const s = DEMO_SIGN_INS.find((x) => x.role === role)!;
        return as(app, await signIn(app, s.phone, DEMO_PASSWORD));
      };
      secretary = await signInRole('community_admin');
      gridLeader = await signInRole('grid_leader');
      volunteer = await signInRole('volunteer');
      const leaderPhone = DEMO_SIGN_INS.find((x) => x.role === 'grid_leader')!.phone;
      const m = await d
        .selectFrom('membership as m')
        .innerJoin('account as a', 'a.id', 'm.account_id')
        .select('m.grid_id')
        .where('a.phone', '=', leaderPhone)
        .where('m.community_id', '=', XIGUAN_ID)
        .executeTakeFirstOrThrow();
      leaderGrid = m.grid_id;
      otherGrid = (
        await d
          .selectFrom('grid')
          .select('id')
          .where('community_id', '=', XIGUAN_ID)
          .where('id', '!=', leaderGrid)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    it('every figure of the community equals a recount of the records (default: the last twelve months)', async () => {
      const res = await secretary('GET', '/api/indicators');
      assert.equal(res.statusCode, 200, res.body);
      const v = res.json() as IndicatorsView;
      assert.equal(v.node.id, `community:${XIGUAN_ID}`);
      assert.equal(v.to, today);
      assert.ok(v.headline.households > 2000 && v.headline.volunteers > 500, JSON.stringify(v.headline));
      assertFigures(v, await recount(db.handle.db as Any, cipher, null, v.from, v.to));
    });

    it('a window of one month and a grid: the figures equal the recount for that grid', async () => {
      const from = addDays(today, -40);
      const res = await secretary('GET', `/api/indicators?node=grid:${otherGrid}&from=${from}&to=${today}`);
      assert.equal(res.statusCode, 200, res.body);
      const v = res.json() as IndicatorsView;
      assert.equal(v.node.kind, 'grid');
      assertFigures(v, await recount(db.handle.db as Any, cipher, otherGrid, from, today));
    });

    it("compares the community's grids: each row is its grid's figures; they add up to the community", async () => {
      const res = await secretary('GET', '/api/indicators/compare');
      assert.equal(res.statusCode, 200, res.body);
      const cmp = res.json();
      assert.ok(cmp.rows.length >= 2);
      const full = (await secretary('GET', '/api/indicators')).json() as IndicatorsView;
      assert.deepEqual(cmp.total, full.headline);
      const sum = (k: string) => cmp.rows.reduce((s: number, r: any) => s + r.headline[k], 0);
      for (const k of [
        'households',
        'householdsWithVolunteer',
        'needsReceived',
        'services',
        'specialResidents',
        'leftOut',
      ])
        assert.equal(sum(k), full.headline[k as keyof typeof full.headline], k);
      const row = cmp.rows.find((r: any) => r.id === `grid:${otherGrid}`);
      const g = (await secretary('GET', `/api/indicators?node=grid:${otherGrid}`)).json() as IndicatorsView;
      assert.deepEqual(row.headline, g.headline);
    });

    it('a grid leader sees only their grid; a volunteer is refused; bad input is a 400', async () => {
      const tree = (await gridLeader('GET', '/api/indicators/tree')).json();
      assert.equal(tree.id, `grid:${leaderGrid}`);
      const own = await gridLeader('GET', '/api/indicators');
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(own.json().node.id, `grid:${leaderGrid}`);
      assert.equal((await gridLeader('GET', `/api/indicators?node=grid:${otherGrid}`)).statusCode, 403);
      assert.equal((await gridLeader('GET', `/api/indicators?node=community:${XIGUAN_ID}`)).statusCode, 403);
      assert.equal((await gridLeader('GET', `/api/indicators/export?node=grid:${otherGrid}`)).statusCode, 403);
      assert.equal((await volunteer('GET', '/api/indicators')).statusCode, 403);
      assert.equal((await volunteer('GET', '/api/indicators/tree')).statusCode, 403);
      assert.equal(
        (await secretary('GET', '/api/indicators?node=community:00000000-0000-7000-8000-000000000099')).statusCode,
        403,
      );
      const rev = await secretary('GET', `/api/indicators?from=${today}&to=${addDays(today, -3)}`);
      assert.equal(rev.statusCode, 400);
      assert.equal((await secretary('GET', '/api/indicators/report.pdf?month=2026-13')).statusCode, 400);
      // A period outside the festival calendar's years (1950–2100) is the caller's mistake, not a 500.
      for (const path of ['/api/indicators?to=1900-01-01', '/api/indicators/export?from=2101-01-01&to=2101-02-01']) {
        const res = await secretary('GET', path);
        assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
        assert.match(res.body, /1950/);
      }
    });

    it('no answer names a resident', async () => {
      const names = new Set(
        (await (db.handle.db as Any).selectFrom('resident').select('name').execute()).map((r: any) => r.name as string),
      );
      const strings = (x: unknown): string[] =>
        typeof x === 'string'
          ? [x]
          : Array.isArray(x)
            ? x.flatMap(strings)
            : x && typeof x === 'object'
              ? Object.values(x).flatMap(strings)
              : [];
      for (const [who, url] of [
        [secretary, '/api/indicators'],
        [secretary, '/api/indicators/compare'],
        [secretary, '/api/indicators/tree'],
        [gridLeader, '/api/indicators'],
      ] as const) {
        const found = strings((await who('GET', url)).json()).filter((s) => names.has(s));
        assert.deepEqual(found, [], url);
      }
    });

    it('the export has a sheet per chart with the same numbers', async () => {
      const v = (await secretary('GET', '/api/indicators')).json() as IndicatorsView;
      const res = await secretary('GET', '/api/indicators/export');
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      assert.equal(wb.worksheets.length, v.charts.length + 1);
      for (const c of v.charts) {
        const ws = wb.getWorksheet(CHART_TITLES[c.key].zh.slice(0, 31))!;
        assert.ok(ws, c.key);
        const rows: unknown[][] = [];
        ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        assert.deepEqual(
          rows[0]!.slice(1),
          c.series.map((s) => s.name),
        );
        assert.equal(rows.length - 1, c.categories.length, c.key);
        c.categories.forEach((cat, i) =>
          assert.deepEqual(rows[i + 1], [cat, ...c.series.map((s) => s.values[i])], `${c.key} ${cat}`),
        );
      }
      const head = wb.getWorksheet('主要指标')!;
      const vals: unknown[] = [];
      head.eachRow((row, i) => i > 1 && vals.push(row.getCell(2).value));
      assert.deepEqual(vals, Object.values(v.headline));
    });

    it("a street merges its communities' stored rows: the live figures; new records after a refresh", async () => {
      const d = db.handle.db as Any;
      // Xiguan, a small community and a third in 西关街道 (the demo placed Xiguan there).
      const third = await seedSmallCommunity(db.handle.db, cipher, { name: '新建路社区', phonePrefix: '1390002' });
      const place = { city: '宝鸡市', district: '金台区', street: '西关街道' };
      await placeCommunity(db.handle.db, otherCommunity, place);
      await placeCommunity(db.handle.db, third.id, place);
      const office = as(app, await signIn(app, DEMO_REGION_SIGN_INS[0]!.phone, DEMO_PASSWORD));
      const me = (await office('GET', '/api/auth/me')).json().user;
      const actor = {
        accountId: me.accountId,
        name: me.name,
        phone: me.phone,
        role: me.role,
        title: me.title,
        communityId: me.community.id,
        communityName: me.community.name,
        membershipId: '',
        gridId: null,
        teamId: null,
        unitId: null,
        residentId: null,
        regionId: me.region.id,
        locale: null,
        csrfToken: '',
        tokenHash: '',
      } as Actor;
      // A new service for each answer: the app's keeps answers for 30 s.
      const fresh = () => new IndicatorsService(db.handle.db, cipher, ALERT_DAYS);
      const w = defaultWindow();
      const r = await fresh().resolve(actor, undefined);
      assert.equal(r.node.kind, 'street');
      assert.equal(r.communityIds.length, 3);
      const live = () => fresh().figuresOf(actor, r, w.from, w.to, 'zh');
      const noStamp = (v: IndicatorsView) => ({ ...v, computedAt: null });

      // Nothing stored yet: counted from the records.
      const before = await fresh().figures(actor, undefined, w.from, w.to);
      assert.equal(before.computedAt, null);
      assert.deepEqual(before, await live());

      const times = await fresh().refreshRollups();
      assert.equal(times.length, 3, 'every community of the street is stored');
      const merged = await fresh().figures(actor, undefined, w.from, w.to);
      assert.ok(merged.computedAt, 'merged from the stored figures');
      assert.ok(merged.headline.households > 2000 && merged.headline.hours > 0);
      assert.deepEqual(noStamp(merged), await live());
      // Every special group counted (the monthly report's view), and the district above: the same.
      const all = await fresh().figuresFor(null, r, w, 'zh');
      assert.ok(all.computedAt);
      assert.deepEqual(noStamp(all), await fresh().figuresOf(null, r, w.from, w.to, 'zh'));
      // The comparison: each community's row is its own live headline, the total the street's.
      const cmp = await fresh().compare(actor, undefined, w.from, w.to);
      assert.deepEqual(cmp.total, merged.headline);
      assert.equal(cmp.rows.length, 3);
      for (const row of cmp.rows) {
        const own = await fresh().figuresOf(actor, await fresh().resolve(actor, row.id), w.from, w.to, 'zh');
        assert.deepEqual(row.headline, own.headline, row.name);
      }
      // Over HTTP the street's dashboard says when its figures were computed.
      const http = await office('GET', `/api/indicators?from=${w.from}&to=${w.to}`);
      assert.equal(http.statusCode, 200, http.body);
      assert.ok(http.json().computedAt);

      // A new record: 2 verified hours in Xiguan. The stored figures hold until the next refresh, then show it.
      const vol = await d
        .selectFrom('volunteer')
        .select('id')
        .where('community_id', '=', XIGUAN_ID)
        .where('status', '=', 'approved')
        .limit(1)
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await d
        .insertInto('hours_entry')
        .values({
          community_id: XIGUAN_ID,
          id: uuidv7(),
          volunteer_id: vol.id,
          source: 'manual',
          source_id: uuidv7(),
          service_date: today,
          started_at: null,
          ended_at: null,
          raw_minutes: 120,
          minutes: 120,
          kind: 'credit',
          description: '测试',
          corrects_id: null,
          corrected_by: null,
          review_reason: null,
          note: null,
          recorded_by: null,
          recorded_by_name: '测试',
          created_at: now,
          status: 'verified',
          verified_by: null,
          verified_by_name: null,
          verified_at: now,
        })
        .execute();
      const stale = await fresh().figures(actor, undefined, w.from, w.to);
      assert.equal(stale.headline.hours, merged.headline.hours);
      await fresh().refreshRollups();
      const after = await fresh().figures(actor, undefined, w.from, w.to);
      assert.ok(after.computedAt! > merged.computedAt!);
      assert.equal(after.headline.hours, Math.round((merged.headline.hours + 2) * 100) / 100);
      assert.deepEqual(noStamp(after), await live());

      // Another window is counted from the records.
      const custom = await fresh().figures(actor, undefined, addDays(today, -40), today);
      assert.equal(custom.computedAt, null);
      // A community below the street reads its own stored figures: the same as its recount.
      const xiguan = await fresh().resolve(actor, `community:${XIGUAN_ID}`);
      const one = await fresh().figures(actor, xiguan.node.id, w.from, w.to);
      assert.equal(one.computedAt, after.computedAt);
      assert.deepEqual(noStamp(one), await fresh().figuresOf(actor, xiguan, w.from, w.to, 'zh'));
      // Its secretary's dashboard too, with every special group (the secretary may see the sensitive ones), and the
      // comparison of its grids; a grid, below it, is counted from the records.
      const home = await secretary('GET', '/api/indicators');
      assert.equal(home.statusCode, 200, home.body);
      assert.equal(home.json().node.id, xiguan.node.id);
      assert.ok(home.json().computedAt, 'read from the stored figures');
      const secretaryActor = { ...actor, role: 'community_admin', regionId: null, communityId: XIGUAN_ID } as Actor;
      const recount = await fresh().figuresOf(secretaryActor, xiguan, w.from, w.to, 'zh');
      assert.deepEqual({ ...(home.json() as IndicatorsView), computedAt: null }, JSON.parse(JSON.stringify(recount)));
      const grids = (await secretary('GET', '/api/indicators/compare')).json();
      assert.ok(grids.rows.length >= 2);
      assert.deepEqual(grids.total, recount.headline);
      const grid = await fresh().figures(actor, xiguan.children[0]!.id, w.from, w.to);
      assert.equal(grid.computedAt, null);
    });

    it('the monthly report is a real PDF with Chinese text; the job stores one per community', async () => {
      const month = today.slice(0, 7);
      const res = await secretary('GET', `/api/indicators/report.pdf?month=${month}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pages = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
      assert.ok(pages >= 2, `pages: ${pages}`);
      const text = pdfText(pdf).replace(/\s+/g, '');
      for (const want of [
        '西关社区志愿服务月度报告',
        '主要指标',
        '有志愿者的家庭',
        '四点半课堂出勤',
        '特殊群体结对覆盖与被遗漏',
      ])
        assert.ok(text.includes(want), want);

      const service = new IndicatorsService(db.handle.db, cipher, ALERT_DAYS);
      await storeMonthlyReports(service, month);
      await storeMonthlyReports(service, month); // a rerun replaces, never duplicates
      const list = (await secretary('GET', '/api/indicators/reports')).json().items;
      assert.equal(list.length, 1);
      assert.equal(list[0].month, month);
      const stored = await secretary('GET', `/api/indicators/reports/${list[0].id}/pdf`);
      assert.equal(stored.statusCode, 200);
      assert.ok(pdfText(stored.rawPayload).replace(/\s+/g, '').includes('西关社区志愿服务月度报告'));
      // The grid leader's tree does not hold the community node: its report is not theirs.
      assert.equal((await gridLeader('GET', '/api/indicators/reports')).json().items.length, 0);
      assert.equal((await gridLeader('GET', `/api/indicators/reports/${list[0].id}/pdf`)).statusCode, 404);
      // The street office (its communities placed by the test above) gets its street's report, and each community's.
      const office = as(app, await signIn(app, DEMO_REGION_SIGN_INS[0]!.phone, DEMO_PASSWORD));
      const mine = (await office('GET', '/api/indicators/reports')).json().items;
      const street = mine.filter((x: any) => x.nodeId.startsWith('street:'));
      assert.equal(street.length, 1);
      assert.equal(mine.length, 4, 'the street and its three communities');
      const streetPdf = await office('GET', `/api/indicators/reports/${street[0].id}/pdf`);
      assert.equal(streetPdf.statusCode, 200);
      assert.ok(pdfText(streetPdf.rawPayload).replace(/\s+/g, '').includes('西关街道志愿服务月度报告'));
      // A community's secretary never sees the street's.
      assert.equal((await secretary('GET', `/api/indicators/reports/${street[0].id}/pdf`)).statusCode, 404);
    });
  });
}
