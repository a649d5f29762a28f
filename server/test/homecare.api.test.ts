// Home care, hospital accompaniment and holiday delivery runs on both databases: the list built from the
// special groups (each resident once, active ones only, grouped by building); a confirmation for someone not
// on the list, or twice, refused with nothing changed; two volunteers taking one task or shift at once → one;
// a run closed only when everyone not reached has a reason; the daily notice; hours written when work is done;
// names masked for volunteers; and another community never seen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signInAs,
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  countRows,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, insertVolunteer, insureVolunteers } from './volunteer-factories.ts';
import { groupTag } from '../src/modules/registry/tags.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { SpecialGroup } from '../../domain/registry/special-groups.ts';

for (const kind of testDatabaseKinds()) {
  describe(`homecare on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, me: Client, other: Client, bStaff: Client, bVolunteer: Client;
    let myId: string, otherId: string;
    let runId: string;
    const R = (name: string) => t.a.residents[name]!;
    const db = () => t.db.handle.db;
    const recipient = (residentId: string) =>
      db()
        .selectFrom('delivery_recipient')
        .selectAll()
        .where('run_id', '=', runId)
        .where('resident_id', '=', residentId)
        .executeTakeFirst();
    const recipientCount = async () =>
      Number(
        (
          await db()
            .selectFrom('delivery_recipient')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('run_id', '=', runId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const outbox = (template: string) =>
      db()
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', template)
        .execute();

    before(async () => {
      t = await startTestApp(kind);
      const tag = async (name: string, g: SpecialGroup) =>
        db()
          .insertInto('resident_tag')
          .values({ community_id: t.a.id, resident_id: R(name), tag: groupTag(t.cipher, t.a.id, g) })
          .execute();
      // 1号楼: 李泽钦 (sanwu), 王秀英 (living alone); 2号楼: 吕建国 (living alone AND disabled, listed once), 欧阳文 (shidu, moved
      // away).
      await tag('李泽钦', 'sanwu');
      await tag('王秀英', 'living_alone');
      await tag('欧阳文', 'shidu');
      await db()
        .updateTable('resident')
        .set({ status: 'moved_out' })
        .where('community_id', '=', t.a.id)
        .where('id', '=', R('欧阳文'))
        .execute();
      [staff, me, other] = await signInAll(t, ['staff', 'volunteer', 'team_leader']);
      bStaff = await signInAs(t, 'staff', 'b');
      bVolunteer = await signInAs(t, 'volunteer', 'b');
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
      });
      otherId = await insertAccountVolunteer(t, 'team_leader', {
        name: '张建华',
      });
      await insureVolunteers(db(), t.a.id, [myId, otherId]); // hospital shifts need insurance (the one gate)
      await insertVolunteer(db(), t.cipher, t.b.id, {
        name: '东关志愿者',
        accountId: await accountIdOf(db(), t.b.phones.volunteer),
      });
    });
    after(async () => {
      await t.close();
    });

    it('builds a run from the groups: each active resident once, by building, lunar-calendar dated', async () => {
      const res = await staff('POST', '/api/homecare/runs', {
        festival: 'mid_autumn_festival',
        year: 2026,
        items: '月饼一盒',
      });
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      runId = run.id;
      assert.equal(run.runDate, '2026-09-25');
      assert.equal(run.title, '2026年中秋节慰问');
      assert.deepEqual(run.groups, ['living_alone', 'disabled', 'shidu', 'sanwu']);
      assert.deepEqual(run.figures, { total: 3, delivered: 0, absent: 0, declined: 0, pending: 3, removed: 0 });
      const detail = (await staff('GET', `/api/homecare/runs/${runId}`)).json();
      assert.deepEqual(
        detail.buildings.map((b: any) => [b.building, b.recipients.map((r: any) => r.name).sort()]),
        [
          ['1号楼', ['李泽钦', '王秀英'].sort()],
          ['2号楼', ['吕建国']],
        ],
      );
      const lv = detail.buildings[1].recipients[0];
      assert.deepEqual([...lv.groups].sort(), ['disabled', 'living_alone']);
      // Stored as resident_tag stores them: disability (health data) only as a keyed token.
      const stored = JSON.parse((await recipient(R('吕建国')))!.groups) as string[];
      assert.ok(
        stored.includes('living_alone') && !stored.includes('disabled') && stored.some((g) => g.startsWith('t:')),
        JSON.stringify(stored),
      );
      const audited = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', '=', 'homecare.run.read')
        .execute();
      assert.equal(audited.length, 1);
      assert.equal(detail.outstanding.length, 3);
      assert.equal(detail.buildings[0].figures.pending, 2);
    });

    it('refuses bad run input with a clear message and creates nothing', async () => {
      const before = await countRows(db(), 'delivery_run');
      const noGroups = await staff('POST', '/api/homecare/runs', {
        festival: 'mid_autumn_festival',
        year: 2026,
        items: '月饼',
        groups: [],
      });
      assert.equal(noGroups.statusCode, 400, noGroups.body);
      assert.match(noGroups.json().error.details.fields[0].message, /特殊群体/);
      const badFestival = await staff('POST', '/api/homecare/runs', {
        festival: 'halloween',
        year: 2026,
        items: '月饼',
      });
      assert.equal(badFestival.statusCode, 400);
      const after = await countRows(db(), 'delivery_run');
      assert.equal(after, before);
    });

    it('shows a volunteer only the buildings they deliver in, names masked; staff pages are refused', async () => {
      assert.equal((await me('GET', `/api/homecare/mine/runs/${runId}`)).statusCode, 404);
      const assign = await staff('POST', `/api/homecare/runs/${runId}/assign`, {
        building: '1号楼',
        volunteerIds: [myId],
      });
      assert.equal(assign.statusCode, 200, assign.body);
      assert.deepEqual(assign.json().buildings[0].volunteers, [{ id: myId, name: '刘红梅' }]);
      const mine = (await me('GET', '/api/homecare/mine/runs')).json();
      assert.deepEqual(
        mine.map((r: any) => [r.id, r.buildings, r.figures.total]),
        [[runId, ['1号楼'], 2]],
      );
      const view = (await me('GET', `/api/homecare/mine/runs/${runId}`)).json();
      assert.deepEqual(
        view.buildings.map((b: any) => b.building),
        ['1号楼'],
      );
      const names = view.buildings[0].recipients.map((r: any) => r.name).sort();
      assert.deepEqual(names, ['李*钦', '王*英'].sort());
      assert.ok(!JSON.stringify(view).includes('李泽钦') && !JSON.stringify(view).includes('吕建国'));
      assert.ok(
        view.buildings[0].recipients.every((r: any) => r.groups.length === 0),
        'volunteers never see the groups',
      );
      assert.equal((await me('GET', `/api/homecare/runs/${runId}`)).statusCode, 403);
      const unknownBuilding = await staff('POST', `/api/homecare/runs/${runId}/assign`, {
        building: '9号楼',
        volunteerIds: [myId],
      });
      assert.equal(unknownBuilding.statusCode, 400);
    });

    it('refuses confirming someone off the list or in another building, clearly, changing nothing', async () => {
      const count = await recipientCount();
      const notOnList = await me('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('单雄信'),
        outcome: 'delivered',
      });
      assert.equal(notOnList.statusCode, 404, notOnList.body);
      assert.equal(notOnList.json().error.code, 'homecare_not_on_list');
      assert.match(notOnList.json().error.message, /不在“2026年中秋节慰问”的慰问名单上/);
      const otherBuilding = await me('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('吕建国'),
        outcome: 'delivered',
      });
      assert.equal(otherBuilding.statusCode, 404);
      const staffNotOnList = await staff('POST', `/api/homecare/runs/${runId}/confirm`, {
        residentId: uuidv7(),
        outcome: 'delivered',
      });
      assert.equal(staffNotOnList.statusCode, 404);
      assert.equal(await recipientCount(), count);
      assert.equal((await recipient(R('吕建国')))!.status, 'pending');
      assert.equal(await recipient(R('单雄信')), undefined);
      const other = await other_('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('李泽钦'),
        outcome: 'delivered',
      });
      assert.equal(other.statusCode, 404); // not assigned to this run at all
    });
    const other_ = (...a: Parameters<Client>) => other(...a);

    it('confirms a delivery once; a second is refused, changing nothing; 不在家 keeps it to try again', async () => {
      const ok = await me('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('李泽钦'),
        outcome: 'delivered',
        note: '老人很高兴',
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().buildings[0].figures.delivered, 1);
      const first = (await recipient(R('李泽钦')))!;
      assert.equal(first.status, 'delivered');
      const twice = await me('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('李泽钦'),
        outcome: 'absent',
      });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, 'homecare_already_confirmed');
      const still = (await recipient(R('李泽钦')))!;
      assert.deepEqual(
        [still.status, Number(still.attempts), still.confirmed_at],
        ['delivered', 1, first.confirmed_at],
      );
      const away = await me('POST', `/api/homecare/mine/runs/${runId}/confirm`, {
        residentId: R('王秀英'),
        outcome: 'absent',
      });
      assert.equal(away.statusCode, 200, away.body);
      const w = (await recipient(R('王秀英')))!;
      assert.deepEqual([w.status, Number(w.attempts)], ['absent', 1]);
      const detail = (await staff('GET', `/api/homecare/runs/${runId}`)).json();
      assert.deepEqual(detail.outstanding.map((r: any) => r.name).sort(), ['吕建国', '王秀英'].sort());
      assert.deepEqual(detail.figures, { total: 3, delivered: 1, absent: 1, declined: 0, pending: 1, removed: 0 });
    });

    it('tells staff daily of a past run with people not reached, once a day, only their own community', async () => {
      await enqueueJob(db(), 'homecare.daily_notices', { now: '2026-09-27T01:00:00.000Z' });
      await t.app.services.jobs.runDue();
      const sent = await outbox('homecare.run_outstanding');
      assert.deepEqual(sent.map((s) => s.recipient).sort(), [t.a.phones.community_admin, t.a.phones.staff].sort());
      assert.equal(JSON.parse(sent[0]!.payload).outstanding, 2);
      await enqueueJob(db(), 'homecare.daily_notices', { now: '2026-09-27T05:00:00.000Z' });
      await t.app.services.jobs.runDue();
      assert.equal((await outbox('homecare.run_outstanding')).length, 2);
      const failed = await db()
        .selectFrom('job')
        .select('status')
        .where('kind', '=', 'homecare.daily_notices')
        .where('status', '!=', 'done')
        .execute();
      assert.deepEqual(failed, []);
    });

    it('refuses closing while anyone is unreached without a reason, listing them; closes with reasons', async () => {
      const refused = await staff('POST', `/api/homecare/runs/${runId}/close`, {});
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'homecare_run_outstanding');
      assert.deepEqual(
        refused
          .json()
          .error.details.residents.map((r: any) => r.name)
          .sort(),
        ['吕建国', '王秀英'].sort(),
      );
      assert.match(refused.json().error.message, /还有 2 人未送达/);
      const partly = await staff('POST', `/api/homecare/runs/${runId}/close`, {
        reasons: [{ residentId: R('王秀英'), reason: '去女儿家过节' }],
      });
      assert.equal(partly.statusCode, 409);
      assert.deepEqual(
        partly.json().error.details.residents.map((r: any) => r.name),
        ['吕建国'],
      );
      const stranger = await staff('POST', `/api/homecare/runs/${runId}/close`, {
        reasons: [
          { residentId: R('王秀英'), reason: '去女儿家过节' },
          { residentId: R('吕建国'), reason: '住院' },
          { residentId: R('单雄信'), reason: '不认识' },
        ],
      });
      assert.equal(stranger.statusCode, 404);
      const run = await db()
        .selectFrom('delivery_run')
        .select('status')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      assert.equal(run.status, 'open');
      assert.equal((await recipient(R('王秀英')))!.close_reason, null);
      const closed = await staff('POST', `/api/homecare/runs/${runId}/close`, {
        reasons: [
          { residentId: R('王秀英'), reason: '去女儿家过节' },
          { residentId: R('吕建国'), reason: '住院中，节后补送' },
        ],
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().status, 'closed');
      assert.equal((await recipient(R('吕建国')))!.close_reason, '住院中，节后补送');
      const late = await staff('POST', `/api/homecare/runs/${runId}/confirm`, {
        residentId: R('吕建国'),
        outcome: 'delivered',
      });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'homecare_run_closed');
      assert.equal((await recipient(R('吕建国')))!.status, 'pending');
    });

    it('adds and removes recipients with a reason; re-adding someone on the list is refused', async () => {
      const run = (
        await staff('POST', '/api/homecare/runs', {
          festival: 'spring_festival',
          year: 2027,
          items: '饺子',
          groups: ['sanwu'],
        })
      ).json();
      assert.equal(run.runDate, '2027-02-06');
      assert.equal(run.figures.total, 1);
      const add = await staff('POST', `/api/homecare/runs/${run.id}/recipients`, {
        residentId: R('单雄信'),
        reason: '刚出院，独自在家',
      });
      assert.equal(add.statusCode, 200, add.body);
      assert.equal(add.json().figures.total, 2);
      const again = await staff('POST', `/api/homecare/runs/${run.id}/recipients`, {
        residentId: R('单雄信'),
        reason: '再加一次',
      });
      assert.equal(again.statusCode, 409);
      const noReason = await staff('POST', `/api/homecare/runs/${run.id}/recipients/${R('李泽钦')}/remove`, {
        reason: '',
      });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.json().error.details.fields[0].message, /原因/);
      const removed = await staff('POST', `/api/homecare/runs/${run.id}/recipients/${R('李泽钦')}/remove`, {
        reason: '已由亲属接走',
      });
      assert.deepEqual([removed.json().figures.total, removed.json().figures.removed], [1, 1]);
      const moved = await staff('POST', `/api/homecare/runs/${run.id}/recipients`, {
        residentId: R('欧阳文'),
        reason: '试试',
      });
      assert.equal(moved.statusCode, 400); // not an active resident
    });

    it('lets exactly one of two volunteers take an open task at once, and writes hours when it is done', async () => {
      const created = await staff('POST', '/api/homecare/tasks', {
        residentId: R('李泽钦'),
        kind: 'haircut',
        dueOn: todayInShanghai(),
        repeatDays: 30,
      });
      assert.equal(created.statusCode, 201, created.body);
      const task = created.json();
      assert.equal(task.status, 'open');
      const open = (await me('GET', '/api/homecare/mine/tasks')).json().open;
      assert.equal(open.find((x: any) => x.id === task.id).residentName, '李*钦');
      const [a, b] = await Promise.all([
        me('POST', `/api/homecare/mine/tasks/${task.id}/take`),
        other('POST', `/api/homecare/mine/tasks/${task.id}/take`),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      assert.equal(loser.json().error.code, 'homecare_taken');
      const winnerId = a.statusCode === 200 ? myId : otherId;
      const winner = a.statusCode === 200 ? me : other;
      const notWinner = a.statusCode === 200 ? other : me;
      const row = await db()
        .selectFrom('homecare_task')
        .select(['volunteer_id', 'status'])
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { volunteer_id: winnerId, status: 'assigned' });
      assert.equal(
        (await notWinner('POST', `/api/homecare/mine/tasks/${task.id}/done`, { minutes: 60 })).statusCode,
        404,
      );
      const bad = await winner('POST', `/api/homecare/mine/tasks/${task.id}/done`, { minutes: 0 });
      assert.equal(bad.statusCode, 400);
      const done = await winner('POST', `/api/homecare/mine/tasks/${task.id}/done`, { minutes: 45, note: '剪短了' });
      assert.equal(done.statusCode, 200, done.body);
      const entries = await db()
        .selectFrom('hours_entry')
        .select(['volunteer_id', 'minutes', 'source', 'status'])
        .where('source_id', '=', task.id)
        .execute();
      assert.deepEqual(
        entries.map((e) => [e.volunteer_id, Number(e.minutes), e.source, e.status]),
        [[winnerId, 45, 'home_care', 'pending']],
      );
      const twice = await winner('POST', `/api/homecare/mine/tasks/${task.id}/done`, { minutes: 45 });
      assert.equal(twice.statusCode, 409);
      assert.equal(
        (await db().selectFrom('hours_entry').select('id').where('source_id', '=', task.id).execute()).length,
        1,
      );
      const next = await db()
        .selectFrom('homecare_task')
        .select(['due_on', 'volunteer_id', 'status'])
        .where('resident_id', '=', R('李泽钦'))
        .where('id', '!=', task.id)
        .execute();
      assert.deepEqual(next, [{ due_on: addDays(todayInShanghai(), 30), volunteer_id: winnerId, status: 'assigned' }]);
    });

    it('refuses a task for another community’s resident; another community never sees or takes ours', async () => {
      const foreign = await staff('POST', '/api/homecare/tasks', {
        residentId: t.b.residents['李泽钦'],
        kind: 'bathing',
        dueOn: todayInShanghai(),
      });
      assert.equal(foreign.statusCode, 400);
      assert.match(foreign.json().error.details.fields[0].message, /本社区没有这位在册居民/);
      const task = (
        await staff('POST', '/api/homecare/tasks', { residentId: R('王秀英'), kind: 'quilt', dueOn: todayInShanghai() })
      ).json();
      assert.equal((await bVolunteer('POST', `/api/homecare/mine/tasks/${task.id}/take`)).statusCode, 404);
      assert.equal((await bStaff('GET', `/api/homecare/runs/${runId}`)).statusCode, 404);
      assert.deepEqual((await bStaff('GET', '/api/homecare/runs')).json(), []);
      assert.deepEqual((await bStaff('GET', '/api/homecare/tasks')).json().items, []);
      // The task list is paged: the one just added is on the first page of open tasks, with the total.
      const open = (await staff('GET', '/api/homecare/tasks?status=open&pageSize=1')).json();
      assert.equal(open.items.length, 1);
      assert.ok(open.total >= 1);
      assert.equal(open.pageSize, 1);
      assert.deepEqual((await bVolunteer('GET', '/api/homecare/mine/tasks')).json().open, []);
      assert.equal(
        (await bStaff('POST', `/api/homecare/runs/${runId}/confirm`, { residentId: R('李泽钦'), outcome: 'delivered' }))
          .statusCode,
        404,
      );
      assert.equal((await me('GET', '/api/homecare/tasks')).statusCode, 403);
      // Staff record it done for the volunteer (the console's 记为完成): refused while nobody is on it, then once.
      const nobody = await staff('POST', `/api/homecare/tasks/${task.id}/done`, { minutes: 120 });
      assert.equal(nobody.statusCode, 409, nobody.body);
      assert.equal(
        (await staff('POST', `/api/homecare/tasks/${task.id}/assign`, { volunteerId: otherId })).statusCode,
        200,
      );
      const done = await staff('POST', `/api/homecare/tasks/${task.id}/done`, { minutes: 120, note: '被褥缝好了' });
      assert.equal(done.statusCode, 200, done.body);
      const entries = await db()
        .selectFrom('hours_entry')
        .select(['volunteer_id', 'minutes'])
        .where('source_id', '=', task.id)
        .execute();
      assert.deepEqual(
        entries.map((e) => [e.volunteer_id, Number(e.minutes)]),
        [[otherId, 120]],
      );
    });

    it('runs a hospital rota: one volunteer a shift in a race, hours, gaps told, discharge cancels', async () => {
      const today = todayInShanghai();
      const stay = await staff('POST', '/api/homecare/stays', {
        residentId: R('吕建国'),
        hospital: '宝鸡市中心医院',
        ward: '心内科 12床',
        admittedOn: addDays(today, -1),
        expectedDischargeOn: addDays(today, 3),
      });
      assert.equal(stay.statusCode, 201, stay.body);
      const stayId = stay.json().id;
      const reversed = await staff('POST', '/api/homecare/stays', {
        residentId: R('吕建国'),
        hospital: '宝鸡市中心医院',
        admittedOn: today,
        expectedDischargeOn: addDays(today, -2),
      });
      assert.equal(reversed.statusCode, 400);
      const beforeAdmission = await staff('POST', `/api/homecare/stays/${stayId}/shifts`, {
        from: addDays(today, -2),
      });
      assert.equal(beforeAdmission.statusCode, 400, beforeAdmission.body);
      assert.match(beforeAdmission.json().error.details.fields[0].message, /入院/);
      assert.equal(
        (await db().selectFrom('hospital_shift').select('id').where('stay_id', '=', stayId).execute()).length,
        0,
      );
      const gen = await staff('POST', `/api/homecare/stays/${stayId}/shifts`, { from: addDays(today, -1) });
      assert.deepEqual(gen.json(), { created: 15 });
      const again = await staff('POST', `/api/homecare/stays/${stayId}/shifts`, { from: addDays(today, -1) });
      assert.deepEqual(again.json(), { created: 0 });
      const shifts = (await staff('GET', `/api/homecare/stays/${stayId}/shifts`)).json();
      assert.equal(shifts.length, 15);
      assert.equal(shifts[0].startsAt, new Date(Date.parse(`${addDays(today, -1)}T08:00:00+08:00`)).toISOString());
      // Yesterday's morning shift: staff put me on it; I served it.
      const past = shifts[0];
      assert.equal(
        (await staff('POST', `/api/homecare/shifts/${past.id}/assign`, { volunteerId: myId })).statusCode,
        200,
      );
      const served = await me('POST', `/api/homecare/mine/shifts/${past.id}/done`, {});
      assert.equal(served.statusCode, 200, served.body);
      const entry = await db()
        .selectFrom('hours_entry')
        .select(['minutes', 'source', 'started_at'])
        .where('source_id', '=', past.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([Number(entry.minutes), entry.source, entry.started_at], [360, 'home_care', past.startsAt]);
      // A shift tomorrow: two volunteers race for it.
      const future = shifts.find(
        (s: any) => s.startsAt > new Date(Date.now() + 24 * 3600_000).toISOString() && s.status === 'open',
      );
      const [a, b] = await Promise.all([
        me('POST', `/api/homecare/mine/shifts/${future.id}/take`),
        other('POST', `/api/homecare/mine/shifts/${future.id}/take`),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const row = await db()
        .selectFrom('hospital_shift')
        .select(['volunteer_id', 'status'])
        .where('id', '=', future.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'assigned');
      assert.equal(row.volunteer_id, a.statusCode === 200 ? myId : otherId);
      const early = await (a.statusCode === 200 ? me : other)(
        'POST',
        `/api/homecare/mine/shifts/${future.id}/done`,
        {},
      );
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'homecare_shift_not_started');
      const stays = (await staff('GET', '/api/homecare/stays')).json();
      assert.ok(stays[0].shifts.uncoveredSoon > 0);
      // The daily job tells staff of the gaps.
      await enqueueJob(db(), 'homecare.daily_notices', {});
      await t.app.services.jobs.runDue();
      const gaps = await outbox('homecare.shifts_uncovered');
      assert.deepEqual(gaps.map((g) => g.recipient).sort(), [t.a.phones.community_admin, t.a.phones.staff].sort());
      assert.ok(JSON.parse(gaps[0]!.payload).count > 0);
      // Discharged today: every shift from tomorrow is cancelled; the volunteer on one is told.
      const dis = await staff('POST', `/api/homecare/stays/${stayId}/discharge`, { dischargedOn: today });
      assert.equal(dis.statusCode, 200, dis.body);
      const after = (await staff('GET', `/api/homecare/stays/${stayId}/shifts`)).json();
      const tomorrow = new Date(Date.parse(`${addDays(today, 1)}T00:00:00+08:00`)).toISOString();
      assert.ok(after.filter((s: any) => s.startsAt >= tomorrow).every((s: any) => s.status === 'cancelled'));
      assert.equal(after.find((s: any) => s.id === past.id).status, 'done');
      assert.equal((await outbox('homecare.shift_cancelled')).length, 1);
      assert.equal((await staff('POST', `/api/homecare/stays/${stayId}/shifts`, {})).statusCode, 409);
    });

    it('refuses a second shift at the same hours elsewhere (unrecordable hours); adjacent ones are fine', async () => {
      const tomorrow = addDays(todayInShanghai(), 1);
      const stayOf = async (name: string) => {
        const s = (
          await staff('POST', '/api/homecare/stays', {
            residentId: R(name),
            hospital: '宝鸡市人民医院',
            admittedOn: todayInShanghai(),
            expectedDischargeOn: tomorrow,
          })
        ).json();
        await staff('POST', `/api/homecare/stays/${s.id}/shifts`, { from: tomorrow, to: tomorrow });
        return (await staff('GET', `/api/homecare/stays/${s.id}/shifts`)).json() as Array<{
          id: string;
          startsAt: string;
        }>;
      };
      const [first, second] = [await stayOf('王秀英'), await stayOf('单雄信')];
      const morning = new Date(Date.parse(`${tomorrow}T08:00:00+08:00`)).toISOString();
      const afternoon = new Date(Date.parse(`${tomorrow}T14:00:00+08:00`)).toISOString();
      const at = (list: typeof first, iso: string) => list.find((s) => s.startsAt === iso)!.id;
      assert.equal((await me('POST', `/api/homecare/mine/shifts/${at(first, morning)}/take`)).statusCode, 200);
      const clash = await me('POST', `/api/homecare/mine/shifts/${at(second, morning)}/take`);
      assert.equal(clash.statusCode, 409, clash.body);
      assert.equal(clash.json().error.code, 'homecare_shift_clash');
      assert.match(clash.json().error.message, /刘红梅.*08:00/);
      const row = await db()
        .selectFrom('hospital_shift')
        .select(['status', 'volunteer_id'])
        .where('id', '=', at(second, morning))
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'open', volunteer_id: null });
      const byStaff = await staff('POST', `/api/homecare/shifts/${at(second, morning)}/assign`, { volunteerId: myId });
      assert.equal(byStaff.statusCode, 409);
      assert.equal((await me('POST', `/api/homecare/mine/shifts/${at(second, afternoon)}/take`)).statusCode, 200);
      assert.equal(
        (await staff('POST', `/api/homecare/shifts/${at(second, morning)}/assign`, { volunteerId: otherId }))
          .statusCode,
        200,
      );
    });

    it('never closes a run while someone is being added or confirmed at that moment (none dropped)', async () => {
      // Each round races a close (with a reason for the one person on the list) against adding a second
      // person and confirming the first. Whatever order the database picks, a closed run never holds someone
      // unreached without a reason, and nothing is confirmed after the close.
      for (let i = 0; i < 8; i++) {
        const run = (
          await staff('POST', '/api/homecare/runs', {
            festival: 'double_ninth_festival',
            year: 2030 + i,
            items: '重阳糕',
            groups: ['sanwu'],
          })
        ).json();
        const [close, add, confirm] = await Promise.all([
          staff('POST', `/api/homecare/runs/${run.id}/close`, {
            reasons: [{ residentId: R('李泽钦'), reason: '节前已去养老院' }],
          }),
          staff('POST', `/api/homecare/runs/${run.id}/recipients`, { residentId: R('单雄信'), reason: '临时加上' }),
          staff('POST', `/api/homecare/runs/${run.id}/confirm`, { residentId: R('李泽钦'), outcome: 'delivered' }),
        ]);
        for (const r of [close, add, confirm]) assert.ok([200, 409].includes(r.statusCode), r.body);
        const state = await db()
          .selectFrom('delivery_run')
          .select(['status', 'closed_at'])
          .where('id', '=', run.id)
          .executeTakeFirstOrThrow();
        const rows = await db().selectFrom('delivery_recipient').selectAll().where('run_id', '=', run.id).execute();
        if (state.status === 'closed') {
          assert.equal(close.statusCode, 200);
          const dropped = rows.filter((r) => (r.status === 'pending' || r.status === 'absent') && !r.close_reason);
          assert.deepEqual(dropped, [], `round ${i}: someone left unreached without a reason in a closed run`);
          assert.ok(
            rows.every((r) => !r.confirmed_at || r.confirmed_at <= state.closed_at!),
            `round ${i}: confirmed after the close`,
          );
        } else {
          assert.equal(close.statusCode, 409);
        }
      }
      // Two volunteers of one building confirm the same door at once: one is recorded, the other told.
      const door = (
        await staff('POST', '/api/homecare/runs', {
          festival: 'dragon_boat_festival',
          year: 2031,
          items: '粽子',
          groups: ['sanwu'],
        })
      ).json();
      await staff('POST', `/api/homecare/runs/${door.id}/assign`, { building: '1号楼', volunteerIds: [myId, otherId] });
      const pair = await Promise.all(
        [me, other].map((who) =>
          who('POST', `/api/homecare/mine/runs/${door.id}/confirm`, { residentId: R('李泽钦'), outcome: 'delivered' }),
        ),
      );
      assert.deepEqual(pair.map((r) => r.statusCode).sort(), [200, 409], pair.map((r) => r.body).join('\n'));
      const once = await db()
        .selectFrom('delivery_recipient')
        .select(['status', 'attempts'])
        .where('run_id', '=', door.id)
        .where('resident_id', '=', R('李泽钦'))
        .executeTakeFirstOrThrow();
      assert.deepEqual([once.status, Number(once.attempts)], ['delivered', 1]);
      // Two staff adding the same person at once: one adds, the other is told; never a 500.
      const run = (
        await staff('POST', '/api/homecare/runs', {
          festival: 'lantern_festival',
          year: 2031,
          items: '元宵',
          groups: ['sanwu'],
        })
      ).json();
      const both = await Promise.all(
        [1, 2].map(() =>
          staff('POST', `/api/homecare/runs/${run.id}/recipients`, { residentId: R('单雄信'), reason: '临时加上' }),
        ),
      );
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409], both.map((r) => r.body).join('\n'));
      const savers = await Promise.all(
        [myId, otherId].map((v) =>
          staff('POST', `/api/homecare/runs/${run.id}/assign`, { building: '1号楼', volunteerIds: [v] }),
        ),
      );
      assert.deepEqual(
        savers.map((r) => r.statusCode),
        [200, 200],
        savers.map((r) => r.body).join('\n'),
      );
      assert.equal(
        (await db().selectFrom('delivery_assignment').select('volunteer_id').where('run_id', '=', run.id).execute())
          .length,
        1,
      );
    });
  });
}
