// The survey's to-do list and findings on both databases: a grid leader sees exactly the households of their grid
// the survey has not reached this round, special groups first, and no other grid; staff see any grid, in pages; a
// visit takes a household off the list; a finding becomes a need (channel survey) through the needs intake in one
// tap, and a second tap gives the same need back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrors, signInAll, signInAs, type Client, type TestContext, startTestApp } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { storeLastVisits } from '../src/modules/needs/needs.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`survey to-do list on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, gridLeader: Client, otherStaff: Client, volunteer: Client;
    const ids = (res: { json(): any }) => res.json().items.map((h: { householdId: string }) => h.householdId);

    before(async () => {
      t = await startTestApp(kind);
      [staff, gridLeader, volunteer] = await signInAll(t, ['staff', 'grid_leader', 'volunteer']);
      otherStaff = await signInAs(t, 'staff', 'b');
    });
    after(async () => {
      await t.close();
    });

    it("lists a grid leader's unvisited households, special groups first, and refuses another grid", async () => {
      const [h0, h1, h2, h3] = t.a.households;
      const mine = await gridLeader('GET', '/api/survey/todo');
      assert.equal(mine.statusCode, 200, mine.body);
      assert.deepEqual(ids(mine), [h0, h1]);
      assert.equal(mine.json().total, 2);
      assert.deepEqual(
        mine.json().items.map((h: any) => [h.priority, h.headName, h.memberCount, h.lastVisitedOn]),
        [
          [true, '李泽钦', 2, null],
          [false, '单雄信', 1, null],
        ],
      );
      assert.match(mine.json().items[0].address, /1单元101室$/);
      assert.equal(mine.json().since, addDays(todayInShanghai(), -365));
      // Which group is not said: some are health data.
      assert.ok(!/dementia|chronic/.test(mine.body));
      assert.equal((await gridLeader('GET', `/api/survey/todo?gridId=${t.a.grids[1]}`)).statusCode, 403);
      assert.deepEqual(ids(await gridLeader('GET', `/api/survey/todo?gridId=${t.a.grids[0]}`)), [h0, h1]);
      assert.equal((await volunteer('GET', '/api/survey/todo')).statusCode, 403);

      assert.deepEqual(ids(await staff('GET', `/api/survey/todo?gridId=${t.a.grids[1]}`)), [h2, h3]);
      const all = (await staff('GET', '/api/survey/todo')).json();
      assert.equal(all.total, 4);
      assert.deepEqual(all.items.map((h: any) => h.householdId).sort(), [h0, h1, h2, h3].sort());
      assert.deepEqual(
        all.items.map((h: any) => h.priority),
        [true, true, true, false],
        'special groups first',
      );
      const page2 = (await staff('GET', '/api/survey/todo?page=2&pageSize=3')).json();
      assert.deepEqual([page2.total, page2.items.length, page2.items[0].householdId], [4, 1, h1]);
      assert.equal(
        (await otherStaff('GET', '/api/survey/todo')).json().items.some((h: any) => h.householdId === h0),
        false,
      );
      assert.equal((await staff('GET', '/api/survey/todo?gridId=nope')).statusCode, 400);
    });

    let visitId = '';
    it('drops a household once visited this round; a visit of an earlier round does not count', async () => {
      const [h0, h1] = t.a.households;
      const res = await gridLeader('POST', '/api/survey/visits', {
        householdId: h1,
        visitedOn: todayInShanghai(),
        needs: [{ category: 'household', note: '厨房水龙头漏水' }, { category: 'medical' }],
        note: '独自在家',
      });
      assert.equal(res.statusCode, 201, res.body);
      visitId = res.json().id;
      const old = await gridLeader('POST', '/api/survey/visits', {
        householdId: h0,
        visitedOn: '2024-03-01',
        needs: [],
      });
      assert.equal(old.statusCode, 201, old.body);
      const mine = (await gridLeader('GET', '/api/survey/todo')).json();
      assert.deepEqual(
        mine.items.map((h: any) => [h.householdId, h.lastVisitedOn]),
        [[h0, '2024-03-01']],
      );
      assert.equal(mine.total, 1);
      // Counting from before the old visit, h0 is done too.
      assert.deepEqual(ids(await gridLeader('GET', '/api/survey/todo?since=2024-01-01')), []);
      // A special group's household is due again on its round (SPECIAL_ROUND_DAYS): visited 11 days ago, it is back.
      const visit = (days: number) =>
        gridLeader('POST', '/api/survey/visits', {
          householdId: h0,
          visitedOn: addDays(todayInShanghai(), -days),
          needs: [],
        });
      assert.equal((await visit(11)).statusCode, 201);
      assert.deepEqual(ids(await gridLeader('GET', '/api/survey/todo')), [h0]);
      assert.equal((await visit(9)).statusCode, 201);
      assert.deepEqual(ids(await gridLeader('GET', '/api/survey/todo')), []);
    });

    it("keeps each household's stored last visit equal to its latest visit, whatever the order of visits", async () => {
      const db = t.db.handle.db;
      const [, , h2, h3] = t.a.households;
      const record = (householdId: string, days: number) =>
        staff('POST', '/api/survey/visits', { householdId, visitedOn: addDays(todayInShanghai(), -days), needs: [] });
      // A later day first, then an earlier one entered late: the later stays.
      assert.equal((await record(h2!, 3)).statusCode, 201);
      assert.equal((await record(h2!, 30)).statusCode, 201);
      // Several at once for one household: the latest wins whichever commits last.
      const together = await Promise.all([5, 2, 8, 4].map((d) => record(h3!, d)));
      assert.deepEqual(
        together.map((r) => r.statusCode),
        [201, 201, 201, 201],
      );
      // What the to-do list and the progress read, against the full computation over the visits.
      const stored = () =>
        db
          .selectFrom('household as h')
          .select((eb) => [
            'h.id',
            'h.last_visited_on',
            eb
              .selectFrom('survey_visit as s')
              .select((e) => e.fn.max('s.visited_on').as('last'))
              .whereRef('s.community_id', '=', 'h.community_id')
              .whereRef('s.household_id', '=', 'h.id')
              .as('latest'),
          ])
          .where('h.community_id', 'in', [t.a.id, t.b.id])
          .execute();
      const rows = await stored();
      assert.ok(rows.length >= 4);
      for (const r of rows) assert.equal(r.last_visited_on, r.latest ?? null, r.id);
      assert.equal(rows.find((r) => r.id === h2)!.last_visited_on, addDays(todayInShanghai(), -3));
      assert.equal(rows.find((r) => r.id === h3)!.last_visited_on, addDays(todayInShanghai(), -2));
      // Rows written in bulk (the demo): storeLastVisits sets every household of the community from its visits.
      await db.updateTable('household').set({ last_visited_on: null }).where('community_id', '=', t.a.id).execute();
      await storeLastVisits(db, t.a.id);
      for (const r of await stored()) assert.equal(r.last_visited_on, r.latest ?? null, r.id);
    });

    it('takes a finding as a need in one tap (channel survey), once, for a member of the household', async () => {
      const bad = await gridLeader('POST', `/api/survey/visits/${visitId}/needs`, { category: 'legal' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['category']);
      const stranger = await gridLeader('POST', `/api/survey/visits/${visitId}/needs`, {
        category: 'household',
        residentId: t.a.residents['李泽钦'],
      });
      assert.equal(stranger.statusCode, 400);
      assert.deepEqual(fieldErrors(stranger), ['residentId']);
      assert.equal(
        (await otherStaff('POST', `/api/survey/visits/${visitId}/needs`, { category: 'household' })).statusCode,
        404,
      );

      const res = await gridLeader('POST', `/api/survey/visits/${visitId}/needs`, { category: 'household' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().created, true);
      const need = (await staff('GET', `/api/needs/${res.json().id}`)).json();
      assert.deepEqual(
        [need.channel, need.category, need.residentId, need.status, need.urgency],
        ['survey', 'household', t.a.residents['单雄信'], 'new', 'normal'],
      );
      assert.match(need.description, /厨房水龙头漏水/);
      assert.deepEqual(
        need.events.map((e: any) => [e.to, e.note]),
        [['new', 'survey']],
      );
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', res.json().id)
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['need.take'],
      );

      const again = await gridLeader('POST', `/api/survey/visits/${visitId}/needs`, { category: 'household' });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { id: res.json().id, created: false });
      assert.equal((await staff('GET', '/api/needs?channel=survey')).json().total, 1);

      // A finding without a note is described by the visit's note.
      const medical = await staff('POST', `/api/survey/visits/${visitId}/needs`, {
        category: 'medical',
        urgency: 'urgent',
      });
      assert.equal(medical.statusCode, 201, medical.body);
      const m = (await staff('GET', `/api/needs/${medical.json().id}`)).json();
      assert.deepEqual([m.urgency, m.channel], ['urgent', 'survey']);
      assert.match(m.description, /独自在家/);

      const findings = (await gridLeader('GET', '/api/survey/findings')).json();
      assert.deepEqual(
        findings.items.map((f: any) => [f.category, f.needId, f.note]).sort(),
        [
          ['household', res.json().id, '厨房水龙头漏水'],
          ['medical', medical.json().id, null],
        ].sort(),
      );
    });

    it("refuses a grid leader a finding of another grid's visit", async () => {
      const [, , h2] = t.a.households;
      const v = await staff('POST', '/api/survey/visits', {
        householdId: h2,
        visitedOn: todayInShanghai(),
        needs: [{ category: 'education' }],
      });
      assert.equal(v.statusCode, 201, v.body);
      const res = await gridLeader('POST', `/api/survey/visits/${v.json().id}/needs`, { category: 'education' });
      assert.equal(res.statusCode, 403);
      assert.equal((await gridLeader('GET', '/api/survey/findings')).json().total, 2, 'their grid only');
      assert.equal((await gridLeader('GET', `/api/survey/findings?gridId=${t.a.grids[1]}`)).statusCode, 403);
      const ok = await staff('POST', `/api/survey/visits/${v.json().id}/needs`, { category: 'education' });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((await staff('GET', `/api/needs/${ok.json().id}`)).json().residentId, t.a.residents['曾小红']);
    });
  });
}
