// Notices staff send (通知) and 我的消息 on both databases: each audience (a team, a grid's and a building's households,
// volunteers with a skill, the 4:30 classroom's pickup adults) resolves to exactly the people a recount of the raw
// tables finds, each phone once; the preview equals what the send writes (one batch, one outbox row per person, the
// links, an audit entry); delivery status per person is the outbox row's; a team leader reaches only their own
// team and may not mark a notice urgent; a grid leader and a volunteer are refused; bad input and an audience
// nobody in it can be reached change nothing; a big send needs a confirmation; the inbox shows only my messages
// (not one-time codes), with read marks only on my own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { as, countRows, deliverOutbox, signIn, signInAll, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import {
  accountIdOf,
  addSkill,
  addTeamMember,
  insertTeam,
  insertVolunteer,
  setMembershipScope,
} from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { LARGE_AUDIENCE } from '../../domain/notices/schemas.ts';

for (const kind of testDatabaseKinds()) {
  describe(`notices staff send on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, admin: Client, leader: Client, grid: Client, vol: Client, resident: Client, staffB: Client;
    let teamId: string, otherTeamId: string, emptyTeamId: string;
    const db = () => t.db.handle.db;
    const now = new Date().toISOString();

    const written = async () => ({
      batches: await countRows(db(), 'notice_batch'),
      links: await countRows(db(), 'notice_recipient'),
      outbox: await countRows(db(), 'notification_outbox'),
      audit: await countRows(db(), 'audit_log'),
    });

    const preview = async (c: Client, audience: unknown) => {
      const res = await c('POST', '/api/notices/preview', { audience });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const send = async (c: Client, audience: unknown, extra: Record<string, unknown> = {}) => {
      const res = await c('POST', '/api/notices', {
        title: '周六集合',
        text: '周六上午九点在社区广场集合。',
        audience,
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; recipients: number; unreachable: number };
    };
    /** The phones a batch's outbox rows went to, sorted. */
    const sentTo = async (batchId: string) =>
      (
        await db()
          .selectFrom('notice_recipient as n')
          .innerJoin('notification_outbox as o', 'o.id', 'n.outbox_id')
          .select('o.recipient')
          .where('n.batch_id', '=', batchId)
          .execute()
      )
        .map((r) => r.recipient)
        .sort();

    // Recounts straight from the tables, written apart from the directories the service asks.
    const recountTeam = async (id: string) =>
      (
        await sql<{ phone: string }>`select distinct v.phone from volunteer v join team_member m
          on m.community_id = v.community_id and m.volunteer_id = v.id
          where m.team_id = ${id} and m.status = 'active' and v.status = 'approved'`.execute(db())
      ).rows
        .map((r) => r.phone)
        .sort();
    const recountSkill = async (code: string) =>
      (
        await sql<{ phone: string }>`select distinct v.phone from volunteer v join volunteer_skill s
          on s.community_id = v.community_id and s.volunteer_id = v.id
          where v.community_id = ${t.a.id} and s.skill_code = ${code} and v.status = 'approved'`.execute(db())
      ).rows
        .map((r) => r.phone)
        .sort();
    const recountClassroom = async () =>
      (
        await sql<{ phone: string }>`select distinct a.phone from classroom_adult a join classroom_child c
          on c.community_id = a.community_id and c.id = a.child_id
          where a.community_id = ${t.a.id} and a.active = 1 and c.status = 'active'`.execute(db())
      ).rows
        .map((r) => r.phone)
        .sort();
    /** Households: residents' own phones; a household with none, its primary family contact. */
    const recountHouseholds = async (column: 'grid_id' | 'building_id', id: string) => {
      const own = (
        await sql<{ phone: string; household_id: string }>`select r.phone, r.household_id from resident r
          join household h on h.community_id = r.community_id and h.id = r.household_id
          where h.${sql.ref(column)} = ${id} and r.status = 'active'`.execute(db())
      ).rows;
      const households = new Set(own.map((r) => r.household_id));
      const phones = new Set(own.filter((r) => r.phone).map((r) => r.phone));
      let unreachable = 0;
      for (const h of households) {
        if (own.some((r) => r.household_id === h && r.phone)) continue;
        const c = (
          await sql<{ phone: string }>`select c.phone from family_contact c join resident r
            on r.community_id = c.community_id and r.id = c.resident_id
            where r.household_id = ${h} order by c.is_primary desc, c.id`.execute(db())
        ).rows[0];
        if (c) phones.add(c.phone);
        else unreachable++;
      }
      return { phones: [...phones].sort(), unreachable };
    };

    const addChild = async (name: string, status = 'active') => {
      const id = uuidv7();
      await db()
        .insertInto('classroom_child')
        .values({
          community_id: t.a.id,
          id,
          name,
          gender: 'female',
          birth_date: '2016-05-01',
          school: '宝福路小学',
          grade: '三年级',
          resident_id: null,
          household_id: null,
          weekdays: '12345',
          enrolled_on: '2026-09-01',
          left_on: status === 'left' ? '2026-11-01' : null,
          status,
          consent_by: '家长',
          consent_relation: 'mother',
          consent_at: now,
          note: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    };
    const addAdult = async (childId: string, name: string, phone: string, active = 1) =>
      db()
        .insertInto('classroom_adult')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          child_id: childId,
          name,
          relation: 'mother',
          phone,
          is_guardian: 1,
          code_hash: null,
          code_set_at: null,
          active,
          created_at: now,
          updated_at: now,
        })
        .execute();

    before(async () => {
      t = await startTestApp(kind);
      const c = t.a.id;
      // The team: 刘红梅 (the volunteer account's own phone), the leader, a member; a requested member and a
      // pending applicant are not in it yet.
      const liu = await insertVolunteer(db(), t.cipher, c, {
        name: '刘红梅',
        phone: t.a.phones.volunteer,
        accountId: await accountIdOf(db(), t.a.phones.volunteer),
      });
      const leaderVol = await insertVolunteer(db(), t.cipher, c, {
        name: '张建华',
        phone: t.a.phones.team_leader,
        accountId: await accountIdOf(db(), t.a.phones.team_leader),
      });
      const wang = await insertVolunteer(db(), t.cipher, c, { name: '王志强' });
      const asking = await insertVolunteer(db(), t.cipher, c, { name: '孙丽' });
      const pending = await insertVolunteer(db(), t.cipher, c, { name: '周磊', status: 'pending' });
      teamId = await insertTeam(db(), c, '邻里互助服务队');
      otherTeamId = await insertTeam(db(), c, '文艺队', 'culture');
      emptyTeamId = await insertTeam(db(), c, '新队');
      await addTeamMember(db(), c, teamId, leaderVol, { role: 'leader' });
      await addTeamMember(db(), c, teamId, liu);
      await addTeamMember(db(), c, teamId, wang);
      await addTeamMember(db(), c, teamId, asking, { status: 'requested' });
      await addTeamMember(db(), c, teamId, pending);
      await addTeamMember(db(), c, otherTeamId, wang);
      await setMembershipScope(db(), c, t.a.phones.team_leader, { teamId });
      // Skills: two approved first-aiders (one also in the team) and a pending one.
      await addSkill(db(), c, liu, 'first_aid');
      await addSkill(db(), c, asking, 'first_aid');
      await addSkill(db(), c, pending, 'first_aid');
      // Community b's first-aider must never be reached from a.
      await addSkill(db(), t.b.id, await insertVolunteer(db(), t.cipher, t.b.id, { name: '东关志愿者' }), 'first_aid');
      // The classroom: a mother collecting two children is one person; an inactive adult and a child who left
      // are not reached.
      const k1 = await addChild('曾小红');
      const k2 = await addChild('曾小明');
      const left = await addChild('李乐', 'left');
      await addAdult(k1, '曾妈妈', '13811110001');
      await addAdult(k2, '曾妈妈', '138 1111 0001');
      await addAdult(k2, '曾爸爸', '13811110002');
      await addAdult(k1, '曾奶奶', '13811110003', 0);
      await addAdult(left, '李妈妈', '13811110004');
      // Grid two: 吕建国's household has no phone but a primary family contact; 曾小红's household has neither.
      await db()
        .insertInto('family_contact')
        .values([
          {
            community_id: c,
            id: uuidv7(),
            resident_id: t.a.residents['吕建国']!,
            name: '吕女儿',
            relation: 'daughter',
            phone: '13822220001',
            is_primary: 1,
            created_at: now,
          },
          {
            community_id: c,
            id: uuidv7(),
            resident_id: t.a.residents['欧阳文']!,
            name: '欧阳朋友',
            relation: 'friend',
            phone: '13822220002',
            is_primary: 0,
            created_at: now,
          },
        ])
        .execute();
      [staff, admin, leader, grid, vol, resident] = await signInAll(t, [
        'staff',
        'community_admin',
        'team_leader',
        'grid_leader',
        'volunteer',
        'resident',
      ]);
      staffB = as(t.app, await signIn(t.app, t.b.phones.staff));
    });
    after(async () => {
      await t?.close();
    });

    it('resolves a team to its active, approved members, and the send writes exactly the preview', async () => {
      const expected = await recountTeam(teamId);
      assert.equal(expected.length, 3);
      const p = await preview(staff, { kind: 'team', teamId });
      assert.deepEqual(p, { label: '邻里互助服务队', people: 3, unreachable: 0, unreachableNames: [], large: false });
      const before = await written();
      const sent = await send(staff, { kind: 'team', teamId });
      assert.equal(sent.recipients, p.people);
      assert.deepEqual(await sentTo(sent.id), expected);
      const after = await written();
      assert.equal(after.batches, before.batches + 1);
      assert.equal(after.links, before.links + 3);
      assert.equal(after.outbox, before.outbox + 3);
      const entry = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('action', '=', 'notice.send')
        .where('entity_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.detail).recipients, 3);
    });

    it('shows each person with the status their outbox row holds, and counts statuses per notice', async () => {
      const sent = await send(staff, { kind: 'team', teamId }, { title: '状态' });
      const queued = (await staff('GET', `/api/notices/${sent.id}`)).json();
      assert.ok(queued.people.every((p: any) => p.status === 'queued'));
      // The outbox's worker delivers them (the development channel here), in the day: after 21:00 they would wait.
      await deliverOutbox(t, { daytime: true });
      const detail = (await staff('GET', `/api/notices/${sent.id}`)).json();
      assert.equal(detail.people.length, 3);
      assert.ok(detail.people.every((p: any) => p.status === 'delivered' && p.channel === 'sms'));
      assert.ok(detail.people.some((p: any) => p.name === '刘红梅'));
      assert.ok(detail.people.every((p: any) => /^\d{3}\*{4}\d{4}$/.test(p.phone)));
      // A channel moves one message along: the notice reads it from the outbox.
      const one = detail.people[0].outboxId;
      await db().updateTable('notification_outbox').set({ status: 'failed' }).where('id', '=', one).execute();
      const again = (await staff('GET', `/api/notices/${sent.id}`)).json();
      assert.deepEqual(again.statuses, { delivered: 2, failed: 1 });
      assert.equal(again.people.find((p: any) => p.outboxId === one).status, 'failed');
      const list = (await staff('GET', '/api/notices')).json().items;
      assert.deepEqual(list.find((n: any) => n.id === sent.id).statuses, { delivered: 2, failed: 1 });
      // Another community sees none of it.
      assert.equal((await staffB('GET', `/api/notices/${sent.id}`)).statusCode, 404);
      assert.ok(!(await staffB('GET', '/api/notices')).json().items.some((n: any) => n.id === sent.id));
    });

    it('resolves volunteers with a skill: approved ones of this community only', async () => {
      const expected = await recountSkill('first_aid');
      assert.equal(expected.length, 2);
      const p = await preview(staff, { kind: 'skill', skillCode: 'first_aid' });
      assert.equal(p.people, 2);
      assert.equal(p.label, '急救');
      const sent = await send(staff, { kind: 'skill', skillCode: 'first_aid' });
      assert.deepEqual(await sentTo(sent.id), expected);
    });

    it('resolves the classroom to active pickup adults of enrolled children, each phone once', async () => {
      const expected = await recountClassroom();
      // The same mother's number typed two ways is one person.
      assert.deepEqual(expected.length, 3);
      const p = await preview(staff, { kind: 'classroom' });
      assert.equal(p.people, 2);
      const sent = await send(admin, { kind: 'classroom' }, { urgent: true });
      assert.deepEqual(await sentTo(sent.id), ['13811110001', '13811110002']);
    });

    it('resolves a grid and a building to their households, a family contact for a home with no phone', async () => {
      for (const [i, g] of t.a.grids.entries()) {
        const expected = await recountHouseholds('grid_id', g);
        const p = await preview(staff, { kind: 'grid', gridId: g });
        assert.equal(p.people, expected.phones.length, `grid ${i}`);
        assert.equal(p.unreachable, expected.unreachable, `grid ${i}`);
        const b = await recountHouseholds('building_id', t.a.buildings[i]!);
        const pb = await preview(staff, { kind: 'building', buildingId: t.a.buildings[i]! });
        assert.equal(pb.people, b.phones.length);
        assert.equal(pb.unreachable, b.unreachable);
      }
      // Grid two: 吕建国's daughter stands for the household; 曾小红's household cannot be reached.
      const p2 = await preview(staff, { kind: 'grid', gridId: t.a.grids[1] });
      assert.deepEqual([p2.people, p2.unreachable, p2.unreachableNames], [1, 1, ['2号楼1单元103']]);
      const sent = await send(staff, { kind: 'grid', gridId: t.a.grids[1] });
      assert.deepEqual(await sentTo(sent.id), ['13822220001']);
      assert.equal(sent.unreachable, 1);
      const one = await send(staff, { kind: 'building', buildingId: t.a.buildings[0] });
      assert.deepEqual(await sentTo(one.id), (await recountHouseholds('building_id', t.a.buildings[0])).phones);
    });

    it('lets a team leader reach only their own team, never urgently, and list only its notices', async () => {
      const before = await written();
      const own = await send(leader, { kind: 'team', teamId });
      assert.equal(own.recipients, 3);
      for (const audience of [
        { kind: 'team', teamId: otherTeamId },
        { kind: 'grid', gridId: t.a.grids[0] },
        { kind: 'classroom' },
        { kind: 'skill', skillCode: 'first_aid' },
      ]) {
        assert.equal((await leader('POST', '/api/notices/preview', { audience })).statusCode, 403);
        const res = await leader('POST', '/api/notices', { title: '越权', text: '不应发出', audience });
        assert.equal(res.statusCode, 403, JSON.stringify(audience));
      }
      const urgent = await leader('POST', '/api/notices', {
        title: '紧急',
        text: '紧急通知',
        urgent: true,
        audience: { kind: 'team', teamId },
      });
      assert.equal(urgent.statusCode, 403);
      assert.equal(urgent.json().error.code, 'notice_urgent_refused');
      const after = await written();
      assert.equal(after.batches, before.batches + 1);
      assert.equal(after.outbox, before.outbox + 3);
      const options = (await leader('GET', '/api/notices/audiences')).json();
      assert.deepEqual(
        options.teams.map((x: any) => x.id),
        [teamId],
      );
      assert.equal(options.mayMarkUrgent, false);
      const list = (await leader('GET', '/api/notices')).json().items;
      assert.ok(list.length >= 1);
      assert.ok(list.every((n: any) => n.audienceKind === 'team' && n.audienceLabel === '邻里互助服务队'));
      // Names as lists outside the office show them.
      const detail = (await leader('GET', `/api/notices/${own.id}`)).json();
      assert.ok(detail.people.some((p: any) => p.name === '刘*梅'));
    });

    it('refuses a grid leader, a volunteer and a resident', async () => {
      const before = await written();
      for (const c of [grid, vol, resident]) {
        assert.equal((await c('GET', '/api/notices')).statusCode, 403);
        assert.equal((await c('POST', '/api/notices/preview', { audience: { kind: 'team', teamId } })).statusCode, 403);
        const res = await c('POST', '/api/notices', { title: 'x', text: 'y', audience: { kind: 'team', teamId } });
        assert.equal(res.statusCode, 403);
      }
      assert.deepEqual(await written(), before);
    });

    it('refuses bad input and an audience nobody in it can be reached, in zh and en, writing nothing', async () => {
      const before = await written();
      const bad = [
        { title: '', text: '内容', audience: { kind: 'team', teamId } },
        { title: '标题', text: '   ', audience: { kind: 'team', teamId } },
        { title: '标题'.repeat(30), text: '内容', audience: { kind: 'team', teamId } },
        { title: '标题', text: '内容', audience: { kind: 'street' } },
        { title: '标题', text: '内容', audience: { kind: 'team', teamId: 'nope' } },
        { title: '标题', text: '内容' },
      ];
      for (const body of bad) {
        const res = await staff('POST', '/api/notices', body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
      }
      const zh = await staff('POST', '/api/notices', { title: '', text: '内容', audience: { kind: 'team', teamId } });
      assert.match(zh.json().error.details.fields[0].message, /标题/);
      const unknown = await staff('POST', '/api/notices', {
        title: '标题',
        text: '内容',
        audience: { kind: 'team', teamId: uuidv7() },
      });
      assert.equal(unknown.statusCode, 404);
      const unknownSkill = await staff('POST', '/api/notices', {
        title: '标题',
        text: '内容',
        audience: { kind: 'skill', skillCode: 'juggling' },
      });
      assert.equal(unknownSkill.statusCode, 404);
      // Another community's team is not found either.
      const theirs = await staffB('POST', '/api/notices/preview', { audience: { kind: 'team', teamId } });
      assert.equal(theirs.statusCode, 404);
      const empty = await staff('POST', '/api/notices', {
        title: '标题',
        text: '内容',
        audience: { kind: 'team', teamId: emptyTeamId },
      });
      assert.equal(empty.statusCode, 422);
      assert.equal(empty.json().error.code, 'notice_no_one');
      assert.match(empty.json().error.message, /没有能收到消息的人/);
      const en = await staff(
        'POST',
        '/api/notices',
        { title: '标题', text: '内容', audience: { kind: 'team', teamId: emptyTeamId } },
        { 'accept-language': 'en' },
      );
      assert.match(en.json().error.message, /Nobody in this audience/);
      assert.deepEqual(await written(), before);
    });

    it('needs a confirmation to send to more than the large-audience limit', async () => {
      const big = await insertTeam(db(), t.a.id, '大队');
      for (let i = 0; i <= LARGE_AUDIENCE; i++) {
        const v = await insertVolunteer(db(), t.cipher, t.a.id, {
          name: `队员${i}`,
          phone: `1350000${String(i).padStart(4, '0')}`,
        });
        await addTeamMember(db(), t.a.id, big, v);
      }
      const p = await preview(staff, { kind: 'team', teamId: big });
      assert.equal(p.people, LARGE_AUDIENCE + 1);
      assert.equal(p.large, true);
      const before = await written();
      const refused = await staff('POST', '/api/notices', {
        title: '大',
        text: '大通知',
        audience: { kind: 'team', teamId: big },
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'notice_confirm_large');
      assert.deepEqual(await written(), before);
      const sent = await send(staff, { kind: 'team', teamId: big }, { confirmLarge: true });
      assert.equal(sent.recipients, LARGE_AUDIENCE + 1);
      assert.deepEqual(await sentTo(sent.id), await recountTeam(big));
    });

    it('shows a person only their own messages, newest first, no one-time codes, with read marks', async () => {
      // A sign-in code to the volunteer's phone stays out of 我的消息.
      await t.app.services.notifier.send(db(), {
        channel: 'sms',
        recipient: t.a.phones.volunteer,
        template: 'sign_in_code',
        payload: { code: '123456' },
      });
      const mine = (await vol('GET', '/api/me/messages')).json();
      const teamSends = await sql<{ n: number }>`select count(*) as n from notice_recipient n
        join notification_outbox o on o.id = n.outbox_id where o.recipient = ${t.a.phones.volunteer}`.execute(db());
      assert.equal(mine.items.length, Number(teamSends.rows[0]!.n));
      assert.ok(mine.items.length >= 3);
      assert.ok(mine.items.every((m: any) => m.template === 'notice.staff' && m.read === false));
      assert.equal(mine.items[0].payload.title, '周六集合');
      const at = mine.items.map((m: any) => m.at);
      assert.deepEqual(at, [...at].sort().reverse());
      assert.equal(mine.unread, mine.items.length);
      // The resident got none of the team's notices.
      const theirs = (await resident('GET', '/api/me/messages')).json();
      assert.ok(!theirs.items.some((m: any) => mine.items.some((x: any) => x.id === m.id)));
      // Marking: my own message counts; someone else's is passed over.
      const other = (await leader('GET', '/api/me/messages')).json().items[0].id;
      const res = await vol('POST', '/api/me/messages/read', { ids: [mine.items[0].id, other] });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { marked: 1, unread: mine.unread - 1 });
      const again = await vol('POST', '/api/me/messages/read', { ids: [mine.items[0].id] });
      assert.deepEqual(again.json(), { marked: 1, unread: mine.unread - 1 });
      const after = (await vol('GET', '/api/me/messages')).json();
      assert.equal(after.items[0].read, true);
      assert.equal((await leader('GET', '/api/me/messages')).json().items[0].read, false);
      // The phone home's tile shows the same count.
      assert.deepEqual((await vol('GET', '/api/me/home')).json().messages, { unread: mine.unread - 1 });
      assert.equal((await vol('POST', '/api/me/messages/read', { ids: ['x'] })).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/messages' })).statusCode, 401);
    });
  });
}
