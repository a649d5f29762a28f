// The organisation (issue 15) on both databases: the leadership group (the admin edits, staff read, a volunteer is
// refused; one 组长; an account or a name); 社工带志愿者 (bulk assignment is all or none and refuses another
// community's volunteers; the list filters by social worker; the hours queue's 我带的志愿者 gives exactly the assigned
// volunteers' pending entries, recounted from the table; audited); the federation of social organisations (units of
// a federation kind: CRUD, bad input answered 4xx in Chinese, phones masked for readers, not editable via /api/units
// by staff).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordService, signInAll, type Client, type TestContext, startTestApp } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, insertVolunteer } from './volunteer-factories.ts';
import { todayInShanghai, addDays } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the organisation on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let staff: Client;
    let volunteer: Client;
    let staffId: string;
    const mine: string[] = [];
    const others: string[] = [];
    let foreign: string;
    const db = () => t.db.handle.db;
    const yesterday = addDays(todayInShanghai(), -1);

    before(async () => {
      t = await startTestApp(kind);
      [admin, staff, volunteer] = await signInAll(t, ['community_admin', 'staff', 'volunteer'] as const);
      staffId = await accountIdOf(db(), t.a.phones.staff);
      for (let i = 0; i < 4; i++)
        mine.push(await insertVolunteer(db(), t.cipher, t.a.id, { name: `带${'甲乙丙丁'[i]}` }));
      for (let i = 0; i < 3; i++)
        others.push(await insertVolunteer(db(), t.cipher, t.a.id, { name: `别${'甲乙丙'[i]}` }));
      foreign = await insertVolunteer(db(), t.cipher, t.b.id, { name: '东关甲' });
    });
    after(() => t?.close());

    it('lets the admin keep the leadership group, staff read it and refuses a volunteer', async () => {
      const adminId = await accountIdOf(db(), t.a.phones.community_admin);
      const leader = await admin('POST', '/api/org/leadership', {
        position: 'leader',
        accountId: adminId,
        title: '社区党委书记',
        duty: '全面负责志愿服务工作',
      });
      assert.equal(leader.statusCode, 201, leader.body);
      const deputy = await admin('POST', '/api/org/leadership', {
        position: 'deputy',
        name: '王校长',
        title: '宝鸡市第一中学',
        duty: '四点半课堂',
      });
      assert.equal(deputy.statusCode, 201, deputy.body);
      // A second 组长, both an account and a name, or neither: 400 in Chinese.
      const second = await admin('POST', '/api/org/leadership', { position: 'leader', name: '李四' });
      assert.equal(second.statusCode, 400);
      assert.match(second.json().error.details.fields[0].message, /只能有一位组长/);
      const both = await admin('POST', '/api/org/leadership', { position: 'member', name: '李四', accountId: adminId });
      assert.equal(both.statusCode, 400);
      assert.match(both.json().error.details.fields[0].message, /二选一/);
      const stranger = await admin('POST', '/api/org/leadership', {
        position: 'member',
        accountId: await accountIdOf(db(), t.b.phones.staff),
      });
      assert.equal(stranger.statusCode, 400);
      assert.match(stranger.json().error.details.fields[0].message, /本社区没有这个账号/);

      const list = (await staff('GET', '/api/org/leadership')).json();
      assert.deepEqual(
        list.map((m: any) => [m.position, m.title]),
        [
          ['leader', '社区党委书记'],
          ['deputy', '宝鸡市第一中学'],
        ],
      );
      assert.ok(list[0].name.length > 0, 'an account member is named by its account');
      assert.equal((await staff('POST', '/api/org/leadership', { position: 'member', name: '赵六' })).statusCode, 403);
      assert.equal((await volunteer('GET', '/api/org/leadership')).statusCode, 403);
      assert.equal((await volunteer('GET', '/api/org/social-workers')).statusCode, 403);

      const id = deputy.json().id;
      const put = await admin('PUT', `/api/org/leadership/${id}`, { position: 'member', name: '王校长', duty: '课堂' });
      assert.equal(put.statusCode, 204, put.body);
      assert.equal((await admin('DELETE', `/api/org/leadership/${id}`)).statusCode, 204);
      assert.equal((await staff('GET', '/api/org/leadership')).json().length, 1);
      const audited = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'leadership.%')
        .execute();
      assert.equal(audited.length, 4);
    });

    it('assigns volunteers to a social worker all or none, never another community’s', async () => {
      const refused = await staff('POST', '/api/volunteers/social-worker', {
        volunteerIds: [...mine, foreign],
        socialWorkerId: staffId,
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.json().error.details.fields[0].message, /本社区没有这位志愿者/);
      const none = await db().selectFrom('volunteer').select('id').where('social_worker_id', 'is not', null).execute();
      assert.equal(none.length, 0, 'nothing assigned when one volunteer is refused');
      // A volunteer cannot be given to a resident or a volunteer account.
      const notStaff = await staff('POST', '/api/volunteers/social-worker', {
        volunteerIds: mine,
        socialWorkerId: await accountIdOf(db(), t.a.phones.volunteer),
      });
      assert.equal(notStaff.statusCode, 400);
      assert.equal(
        (await volunteer('POST', '/api/volunteers/social-worker', { volunteerIds: mine, socialWorkerId: staffId }))
          .statusCode,
        403,
      );

      const ok = await staff('POST', '/api/volunteers/social-worker', { volunteerIds: mine, socialWorkerId: staffId });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().assigned, 4);
      const listed = (await staff('GET', `/api/volunteers?socialWorkerId=${staffId}&pageSize=50`)).json();
      assert.deepEqual(listed.items.map((v: any) => v.id).sort(), [...mine].sort());
      const detail = (await staff('GET', `/api/volunteers/${mine[0]}`)).json();
      assert.equal(typeof detail.socialWorkerName, 'string');
      assert.ok(detail.socialWorkerName.length > 0);
      const audit = await db()
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'volunteer.social_worker')
        .execute();
      assert.equal(audit.length, 1);
    });

    it('filters the hours queue to exactly my volunteers’ pending entries', async () => {
      for (const v of [...mine, ...others]) await recordService(t, { volunteerId: v, minutes: 60, date: yesterday });
      await recordService(t, { volunteerId: mine[0]!, minutes: 30, date: addDays(yesterday, -1) });
      const q = (await staff('GET', '/api/hours/queue?mine=true&pageSize=200')).json();
      const recount = await db()
        .selectFrom('hours_entry as e')
        .innerJoin('volunteer as v', (j) =>
          j.onRef('v.community_id', '=', 'e.community_id').onRef('v.id', '=', 'e.volunteer_id'),
        )
        .select('e.id')
        .where('e.community_id', '=', t.a.id)
        .where('e.status', '=', 'pending')
        .where('e.corrected_by', 'is', null)
        .where('v.social_worker_id', '=', staffId)
        .execute();
      assert.equal(q.total, 5);
      assert.deepEqual(q.items.map((e: any) => e.id).sort(), recount.map((r) => r.id).sort());
      const all = (await staff('GET', '/api/hours/queue?pageSize=200')).json();
      assert.equal(all.total, 8, 'without the filter the whole queue');
      // The admin leads no one: their filtered queue is empty, their unfiltered queue the same as staff's.
      assert.equal((await admin('GET', '/api/hours/queue?mine=true')).json().total, 0);

      const workers = (await staff('GET', '/api/org/social-workers')).json();
      const me = workers.find((w: any) => w.id === staffId);
      assert.deepEqual([me.volunteers, me.pendingEntries], [4, 5]);
    });

    it('keeps the federation of social organisations: admin manages, staff read with phones masked', async () => {
      const bad = await admin('POST', '/api/federation', {
        name: '',
        kind: 'club',
        contactPhone: '12345',
        joinedOn: '2024-02-30',
      });
      assert.equal(bad.statusCode, 400);
      const fields = bad
        .json()
        .error.details.fields.map((f: any) => f.field)
        .sort();
      assert.deepEqual(fields, ['contactPhone', 'joinedOn', 'kind', 'name']);
      assert.ok(
        bad.json().error.details.fields.some((f: any) => f.message === '请输入 11 位中国大陆手机号'),
        bad.body,
      );
      const made = await admin('POST', '/api/federation', {
        name: '西关秦腔自乐班',
        kind: 'volunteer_org',
        contactName: '文健',
        contactPhone: '13912345678',
        services: '秦腔演出、文艺汇演',
        joinedOn: '2016-05-01',
      });
      assert.equal(made.statusCode, 201, made.body);
      const id = made.json().id;
      const dup = await admin('POST', '/api/federation', {
        name: '西关秦腔自乐班',
        kind: 'social_org',
        joinedOn: '2016-05-01',
      });
      assert.equal(dup.statusCode, 409);

      const asAdmin = (await admin('GET', '/api/federation')).json();
      assert.equal(asAdmin[0].contactPhone, '13912345678');
      assert.equal(asAdmin[0].status, 'active');
      const asStaff = (await staff('GET', '/api/federation')).json();
      assert.equal(asStaff[0].contactPhone, '139****5678');
      assert.equal((await volunteer('GET', '/api/federation')).statusCode, 403);
      assert.equal((await staff('PATCH', `/api/federation/${id}`, { status: 'left' })).statusCode, 403);
      // A member is a unit, but units.manage alone does not edit it.
      assert.equal((await staff('PATCH', `/api/units/${id}`, { name: '改名' })).statusCode, 403);
      assert.ok((await staff('GET', '/api/units')).json().some((u: any) => u.id === id));

      const patched = await admin('PATCH', `/api/federation/${id}`, { status: 'suspended', services: '秦腔' });
      assert.equal(patched.statusCode, 204, patched.body);
      const badPatch = await admin('PATCH', `/api/federation/${id}`, { status: 'gone' });
      assert.equal(badPatch.statusCode, 400);
      assert.equal((await admin('GET', '/api/federation')).json()[0].status, 'suspended');
      assert.equal((await admin('DELETE', `/api/federation/${id}`)).statusCode, 204);
      assert.equal((await admin('GET', '/api/federation')).json().length, 0);
      const missing = await admin('PATCH', `/api/federation/${id}`, { status: 'active' });
      assert.equal(missing.statusCode, 404);
    });
  });
}
