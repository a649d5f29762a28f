// A need's candidates (GET /api/needs/:id/candidates) read only the homes that can score (the need's building and
// grid) and genders only when the need asks for one. The answer must not change: 30 needs of the Xiguan demo, some
// given a wished-for gender, a day and time or a resident volunteers have served, ranked by the route and by the
// earlier reading of every volunteer's home and gender (kept below as the reference), must agree exactly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { DEMO_PASSWORD, ensureDemo, XIGUAN_ID } from '../src/demo.ts';
import { DEMO_SIGN_INS } from '../../scripts/demo/xiguan.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { as, signIn, type Client, type TestApp } from './app.ts';
import type { Db } from '../src/db/database.ts';
import type { NeedTable } from '../src/db/schema/index.ts';
import { EligibilityService } from '../src/modules/service-types/service-types.service.ts';
import { MatchingService, needWork } from '../src/modules/needs/matching.service.ts';
import { rankAndCount, type MatchCandidate, type MatchNeed } from '../../domain/matching/score.ts';
import { checkWork, requirementsOfWork } from '../../domain/volunteers/work-policy.ts';
import { bornOnOrBefore, todayInShanghai } from '../../domain/shared/dates.ts';
import { OPEN_NEED_STATUSES } from '../../domain/needs/needs.ts';

/** The ranking as it was computed before, reading every volunteer's home and gender. */
async function referenceRank(db: Db, n: NeedTable, limit: number) {
  const cid = n.community_id;
  const eligibility = new EligibilityService(db);
  const need: MatchNeed = await new MatchingService(db, eligibility, null as never).matchNeedOf(n);
  const today = todayInShanghai();
  const [facts, skills, homes, needLoad, pairLoad, pastNeeds, pastVisits, adult] = await Promise.all([
    eligibility.facts(cid, requirementsOfWork(needWork(need, false))),
    db
      .selectFrom('volunteer_skill')
      .select(['volunteer_id', 'skill_code', 'level', 'licence_expires_on'])
      .where('community_id', '=', cid)
      .where('category', '=', need.category)
      .execute(),
    db
      .selectFrom('volunteer as v')
      .leftJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
      )
      .leftJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .select(['v.id', 'v.gender', 'h.building_id', 'h.grid_id'])
      .where('v.community_id', '=', cid)
      .execute(),
    db
      .selectFrom('need')
      .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', cid)
      .where(
        'status',
        'in',
        OPEN_NEED_STATUSES.filter((s) => s !== 'new'),
      )
      .where('volunteer_id', 'is not', null)
      .groupBy('volunteer_id')
      .execute(),
    db
      .selectFrom('pairing')
      .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', cid)
      .where('status', '=', 'active')
      .groupBy('volunteer_id')
      .execute(),
    db
      .selectFrom('need')
      .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', cid)
      .where('resident_id', '=', n.resident_id)
      .where('status', 'in', ['done', 'reviewed'])
      .where('volunteer_id', 'is not', null)
      .groupBy('volunteer_id')
      .execute(),
    db
      .selectFrom('pairing_visit')
      .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', cid)
      .where('resident_id', '=', n.resident_id)
      .groupBy('volunteer_id')
      .execute(),
    db
      .selectFrom('resident')
      .select('id')
      .where('community_id', '=', cid)
      .where('id', '=', n.resident_id)
      .where('birth_date', '<=', bornOnOrBefore(18, today))
      .executeTakeFirst(),
  ]);
  const sum = (rows: Array<{ volunteer_id: string | null; n: unknown }>) => {
    const m = new Map<string, number>();
    for (const r of rows) if (r.volunteer_id) m.set(r.volunteer_id, (m.get(r.volunteer_id) ?? 0) + Number(r.n));
    return m;
  };
  const load = sum([...needLoad, ...pairLoad]);
  const past = sum([...pastNeeds, ...pastVisits]);
  const homeOf = new Map(homes.map((h) => [h.id, h]));
  const candidates: MatchCandidate[] = [];
  for (const f of facts.values()) {
    if (f.status !== 'approved') continue;
    const home = homeOf.get(f.id);
    candidates.push({
      id: f.id,
      facts: f,
      gender: (home?.gender as MatchCandidate['gender']) ?? null,
      skills: skills
        .filter(
          (s) =>
            s.volunteer_id === f.id && !(s.licence_expires_on && s.licence_expires_on < (need.when?.date ?? today)),
        )
        .map((s) => ({ code: s.skill_code, level: s.level as never })),
      buildingId: home?.building_id ?? null,
      gridId: home?.grid_id ?? null,
      load: load.get(f.id) ?? 0,
      pastServicesForResident: past.get(f.id) ?? 0,
    });
  }
  const work = needWork(need, !!adult);
  const { ranked, eligible } = rankAndCount(need, candidates, {
    today,
    limit,
    eligibility: (c) =>
      checkWork(
        work.skillCode && !c.facts.skills ? { ...c.facts, skills: c.skills.map((s) => s.code) } : c.facts,
        work,
        today,
      ).eligible,
  });
  return { eligibleCount: eligible, candidates: ranked };
}

for (const kind of testDatabaseKinds()) {
  describe(`need candidates read only what scores, and rank as before (${kind})`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let staff: Client;
    const needs: NeedTable[] = [];

    before(async () => {
      db = await createTestDatabase(kind);
      const config = loadConfig({
        LINLI_DATA_DIR: db.dataDir,
        LINLI_LOG_LEVEL: 'silent',
        LINLI_DEMO: '0',
        LINLI_JOBS: '0',
        LINLI_RATE_LIMITS: '0',
        LINLI_WEB_DIST: '/nonexistent',
      });
      const cipher = new FieldCipher(generateKeyring());
      app = await buildApp(config, { database: db.handle, cipher });
      await app.ready();
      await ensureDemo(db.handle.db, cipher, app.log);
      staff = as(app, await signIn(app, DEMO_SIGN_INS[0]!.phone, DEMO_PASSWORD));
      const k = db.handle.db;
      const all = await k.selectFrom('need').selectAll().where('community_id', '=', XIGUAN_ID).orderBy('id').execute();
      // 30 needs spread over the demo's (so over categories, grids and statuses).
      const step = Math.max(1, Math.floor(all.length / 30));
      const picked = all.filter((_, i) => i % step === 0).slice(0, 30);
      assert.equal(picked.length, 30);
      const served = await k
        .selectFrom('need')
        .select(['resident_id'])
        .where('community_id', '=', XIGUAN_ID)
        .where('status', 'in', ['done', 'reviewed'])
        .where('volunteer_id', 'is not', null)
        .limit(5)
        .execute();
      for (const [i, n] of picked.entries()) {
        const set: Partial<NeedTable> = {};
        // A wished-for gender on a third; a day and time on a quarter; a resident already served on five.
        if (i % 3 === 0) set.preferred_gender = i % 2 ? 'female' : 'male';
        if (i % 4 === 1) Object.assign(set, { preferred_date: '2026-12-16', preferred_start: 540, preferred_end: 660 });
        if (i % 6 === 2 && served.length) {
          const r = served[((i / 6) % served.length) | 0]!.resident_id;
          const home = await k
            .selectFrom('resident')
            .select(['household_id', 'grid_id'])
            .where('community_id', '=', XIGUAN_ID)
            .where('id', '=', r)
            .executeTakeFirstOrThrow();
          Object.assign(set, { resident_id: r, household_id: home.household_id, grid_id: home.grid_id });
        }
        if (Object.keys(set).length)
          await k.updateTable('need').set(set).where('community_id', '=', XIGUAN_ID).where('id', '=', n.id).execute();
        needs.push({ ...n, ...set });
      }
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    it('ranks 30 needs exactly as reading every home did, each nearness explained', async () => {
      const details = new Set<string>();
      for (const [i, n] of needs.entries()) {
        const limit = i % 2 ? 100 : 20;
        const res = await staff('GET', `/api/needs/${n.id}/candidates?limit=${limit}`);
        assert.equal(res.statusCode, 200, res.body);
        const got = res.json();
        const want = await referenceRank(db.handle.db, n, limit);
        assert.equal(got.eligibleCount, want.eligibleCount, `need ${i}`);
        assert.deepEqual(
          got.candidates.map(({ name: _, ...c }: { name: string }) => c),
          want.candidates,
          `need ${i}`,
        );
        assert.ok(
          got.candidates.every((c: { name: string }) => c.name),
          `need ${i}: every candidate named`,
        );
        for (const c of want.candidates) for (const p of c.parts) details.add(p.detail);
      }
      // The cases the narrow read must get right all came up.
      for (const d of [
        'match.nearness.same_building',
        'match.nearness.same_grid',
        'match.nearness.elsewhere',
        'match.preference.gender_match',
        'match.preference.gender_mismatch',
      ])
        assert.ok(details.has(d), `no candidate explained as ${d}`);
    });
  });
}
