// The left-out monitor on a small known data set, on both databases (contacts from the record of service's
// rebuild of the rows written here): exact days since the last contact of each kind, who is paired, open
// needs, what a grid leader sees, the Gini and top-tenth share per grid, and the daily alert that tells staff
// once per silence.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed } from './factories.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { rebuildContacts } from '../src/modules/contacts/contacts.backfill.ts';
import { groupTag } from '../src/modules/registry/tags.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`left-out monitor on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let leader: Client;
    const today = todayInShanghai();
    const now = new Date().toISOString();

    async function surveyVisit(householdIndex: number, daysAgo: number) {
      await t.db.handle.db
        .insertInto('survey_visit')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          household_id: t.a.households[householdIndex]!,
          grid_id: t.a.grids[householdIndex < 2 ? 0 : 1],
          visited_on: addDays(today, -daysAgo),
          visitor_account_id: null,
          visitor_name: '马建军',
          note: null,
          created_at: now,
        })
        .execute();
      // Rows written straight into a module's table reach the monitor through the record of service's rebuild.
      await rebuildContacts(t.db.handle.db, t.a.id);
    }
    async function need(resident: string, household: number, status: string, doneDaysAgo: number | null) {
      // done_at is an instant: 10:00 in Shanghai on that day.
      const doneAt =
        doneDaysAgo === null ? null : new Date(`${addDays(today, -doneDaysAgo)}T10:00:00+08:00`).toISOString();
      await insertNeed(t.db.handle.db, t.a, resident, household, {
        status,
        done_at: doneAt,
        created_at: now,
        updated_at: now,
      });
    }

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      staff = await signInAs(t, 'staff');
      leader = await signInAs(t, 'grid_leader');
      // Grid one: 李泽钦 (empty nest, dementia) paired, visited 3 and 10 days ago; 王秀英 (empty nest, chronic) had a need
      // done 5 days ago; 单雄信 only in a health-related group (chronic), never contacted. Grid two: 吕建国 (living alone,
      // disabled) had a survey visit to his household 20 days ago and has one open need; 曾小红 (migrant child) never
      // contacted.
      await db
        .insertInto('resident_tag')
        .values({
          community_id: t.a.id,
          resident_id: t.a.residents['单雄信']!,
          tag: groupTag(t.cipher, t.a.id, 'chronic_illness'),
        })
        .execute();
      const v = await insertVolunteer(db, t.cipher, t.a.id, { name: '刘红梅' });
      const pairing = uuidv7();
      await db
        .insertInto('pairing')
        .values({
          community_id: t.a.id,
          id: pairing,
          volunteer_id: v,
          resident_id: t.a.residents['李泽钦']!,
          item: 'weekly_visit',
          item_note: null,
          place: '1号楼1单元101',
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          starts_on: addDays(today, -60),
          ends_on: null,
          service_type_id: null,
          note: null,
          status: 'active',
          ended_on: null,
          end_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const d of [3, 10]) {
        await db
          .insertInto('pairing_visit')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            pairing_id: pairing,
            volunteer_id: v,
            resident_id: t.a.residents['李泽钦']!,
            visited_on: addDays(today, -d),
            minutes: 60,
            notes: null,
            logged_by: null,
            logged_by_name: '刘红梅',
            logged_at: now,
          })
          .execute();
      }
      await need('王秀英', 0, 'done', 5);
      await need('吕建国', 3, 'new', null);
      await surveyVisit(3, 20);
      await rebuildContacts(db, t.a.id);
    });
    after(async () => {
      await t.close();
    });

    it('lists every special-group resident, left out longest first, with exact days since last contact', async () => {
      const r = await staff('GET', '/api/monitor/left-out');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.deepEqual(
        body.items.map((x: any) => [x.name, x.daysSince, x.lastContactKind, x.paired, x.openNeeds]),
        [
          ['单雄信', null, null, false, 0],
          ['曾小红', null, null, false, 0],
          ['吕建国', 20, 'survey_visit', false, 1],
          ['王秀英', 5, 'need', false, 0],
          ['李泽钦', 3, 'pairing_visit', true, 0],
        ],
      );
      assert.deepEqual(body.items.find((x: any) => x.name === '李泽钦').groups.sort(), ['dementia', 'empty_nest']);
      assert.deepEqual(body.summary, {
        residents: 5,
        neverContacted: 2,
        silentOverAlert: 3,
        unpaired: 4,
        alertDays: 13,
        hidden: 0,
      });
      // Filters: a group, a grid, paired or not.
      assert.deepEqual(
        (await staff('GET', '/api/monitor/left-out?group=living_alone')).json().items.map((x: any) => x.name),
        ['吕建国'],
      );
      assert.deepEqual(
        (await staff('GET', `/api/monitor/left-out?gridId=${t.a.grids[1]}`)).json().items.map((x: any) => x.name),
        ['曾小红', '吕建国'],
      );
      assert.deepEqual(
        (await staff('GET', '/api/monitor/left-out?paired=yes')).json().items.map((x: any) => x.name),
        ['李泽钦'],
      );
      assert.equal((await staff('GET', '/api/monitor/left-out?pageSize=2&page=2')).json().items[0].name, '吕建国');
    });

    it('shows a grid leader their grid only, without health-related groups', async () => {
      const body = (await leader('GET', '/api/monitor/left-out')).json();
      assert.deepEqual(
        body.items.map((x: any) => [x.name, x.groups]),
        [
          ['王秀英', ['empty_nest']],
          ['李泽钦', ['empty_nest']],
        ],
      );
      // 单雄信 is only in a health-related group: counted, not named.
      assert.equal(body.summary.hidden, 1);
      assert.equal((await leader('GET', '/api/monitor/left-out?group=dementia')).statusCode, 403);
      assert.equal((await leader('GET', `/api/monitor/left-out?gridId=${t.a.grids[1]}`)).statusCode, 403);
      const spread = (await leader('GET', '/api/monitor/spread')).json();
      assert.deepEqual(
        spread.grids.map((g: any) => g.gridId),
        [t.a.grids[0]],
      );
      assert.equal(spread.community, null);
    });

    it('exports the list to Excel as the page shows it, audited, and as a grid leader may see it', async () => {
      const res = await staff('GET', '/api/monitor/left-out/export?paired=no');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['x-row-count'], '4');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1));
      });
      assert.deepEqual(
        rows.map((r) => [r[0], r[5], r[7]]),
        [
          ['单雄信', '从未', undefined],
          ['曾小红', '从未', undefined],
          ['吕建国', rows[2]![5], 20],
          ['王秀英', rows[3]![5], 5],
        ],
      );
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', '=', 'monitor.export')
        .execute();
      assert.equal(audit.length, 1);
      const mine = await leader('GET', '/api/monitor/left-out/export');
      assert.equal(
        mine.headers['x-row-count'],
        '2',
        'the leader’s grid, without those known only by a health-related group',
      );
    });

    it('gives the spread of contacts per grid: Gini and the share of the most-visited tenth', async () => {
      const s = (await staff('GET', '/api/monitor/spread?days=365')).json();
      const [one, two] = s.grids;
      // Grid one: 2, 1 and 0 contacts → Gini = 2·(1·0+2·1+3·2)/(3·3) − 4/3 = 4/9; the top tenth (one person) took 2 of
      // 3.
      assert.deepEqual([one.residents, one.visits, one.unvisited], [3, 3, 1]);
      assert.ok(Math.abs(one.gini - 4 / 9) < 1e-9, String(one.gini));
      assert.ok(Math.abs(one.topTenthShare - 2 / 3) < 1e-9);
      // Grid two: one of two residents had all the contact → (n−1)/n = 1/2.
      assert.deepEqual([two.residents, two.visits, two.gini, two.topTenthShare], [2, 1, 0.5, 1]);
      assert.equal(s.community.residents, 5);
      // A shorter window leaves the survey visit of 20 days ago out: grid two has no contact to share.
      const week = (await staff('GET', '/api/monitor/spread?days=7')).json();
      assert.equal(week.grids[1].gini, null);
      assert.equal(week.grids[0].visits, 2);
    });

    it('alerts staff once when a special-group resident goes 13 days silent, again after a new gap', async () => {
      const db = t.db.handle.db;
      const sent = () =>
        db
          .selectFrom('notification_outbox')
          .select(['recipient', 'payload'])
          .where('template', '=', 'monitor.left_out')
          .orderBy('recipient')
          .execute();
      await enqueueJob(db, 'monitor.left_out_alerts', {});
      assert.equal(await t.app.services.jobs.runDue(), 1);
      const first = await sent();
      // Community A's admin and staff; 李泽钦 was visited 3 days ago, 王秀英 5 days ago, 曾小红 and community B's
      // residents were registered today.
      assert.deepEqual(
        first.map((m) => m.recipient),
        [t.a.phones.community_admin, t.a.phones.staff].sort(),
      );
      const payload = JSON.parse(first[0]!.payload);
      assert.equal(payload.count, 1);
      assert.deepEqual(
        payload.residents.map((r: any) => [r.name, r.daysSilent]),
        [['吕建国', 20]],
      );
      const job = await db
        .selectFrom('job')
        .select('status')
        .where('kind', '=', 'monitor.left_out_alerts')
        .executeTakeFirstOrThrow();
      assert.equal(job.status, 'done');
      // The same silence is never alerted twice.
      await enqueueJob(db, 'monitor.left_out_alerts', {}, { uniqueKey: 'again' });
      assert.equal(await t.app.services.jobs.runDue(), 1);
      assert.equal((await sent()).length, 2);
      // A contact 15 days ago ends that silence and starts another, already past 14 days: one more alert.
      await surveyVisit(3, 15);
      await enqueueJob(db, 'monitor.left_out_alerts', {}, { uniqueKey: 'after-contact' });
      await t.app.services.jobs.runDue();
      const third = await sent();
      assert.equal(third.length, 4);
      assert.ok(third.some((m) => JSON.parse(m.payload).residents[0].daysSilent === 15));
    });
  });
}
