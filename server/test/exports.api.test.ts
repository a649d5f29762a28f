// Every console list exports to Excel: hours (the verification queue), attendance (an activity's sign-ups and
// check-ins), bookings, pairings, points (redemptions), the 4:30 classroom's roll and home care tasks. Each export is
// downloaded on both databases and read back: its header row, its row count against the list with the same filters,
// the audit entry it wrote, a role without the permission refused, and a scoped role given only its scope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordService, signInAs, startTestApp, verifyService, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { exportChecks, readSheet } from './export-checks.ts';
import { addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();
const tomorrow = addDays(today, 1);

for (const kind of testDatabaseKinds()) {
  describe(`list exports on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, admin: Client, vol: Client, leader: Client, gridLeader: Client;
    let memberId: string, outsiderId: string, teamActivity: string;
    const db = () => t.db.handle.db;

    const { lastAudit, checkExport } = exportChecks(
      () => t,
      () => staff,
    );

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      admin = await signInAs(t, 'community_admin');
      vol = await signInAs(t, 'volunteer');
      gridLeader = await signInAs(t, 'grid_leader');
      const teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      memberId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '队员甲' });
      outsiderId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '队外乙' });
      await addTeamMember(db(), t.a.id, teamId, memberId);
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      leader = await signInAs(t, 'team_leader');
      // A staff activity tomorrow with the team's member and an outsider signed up.
      const created = await staff('POST', '/api/activities', {
        title: '中秋做月饼',
        place: '西关社区服务站',
        date: tomorrow,
        shifts: [{ name: '厨房组', start: '09:00', end: '11:00', places: 5 }],
      });
      assert.equal(created.statusCode, 201, created.body);
      teamActivity = created.json().id;
      assert.equal((await staff('POST', `/api/activities/${teamActivity}/publish`)).statusCode, 204);
      const shiftId = (await staff('GET', `/api/activities/${teamActivity}`)).json().shifts[0].id;
      const signed = await staff('POST', `/api/activities/${teamActivity}/signups`, {
        shiftId,
        volunteerIds: [memberId, outsiderId],
      });
      assert.equal(signed.statusCode, 201, signed.body);
    });
    after(async () => {
      await t.close();
    });

    it('exports pairings with the list filters', async () => {
      const base = {
        volunteerId: memberId,
        item: 'weekly_visit',
        place: '2号楼1单元104',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsOn: addDays(today, -30),
      };
      for (const r of ['吕建国', '王秀英'])
        assert.equal((await staff('POST', '/api/pairings', { ...base, residentId: t.a.residents[r] })).statusCode, 201);
      const all = (await staff('GET', '/api/pairings')).json();
      assert.equal(all.total, 2);
      const header = [
        '志愿者',
        '居民',
        '住址',
        '帮扶事项',
        '事项说明',
        '地点',
        '周期',
        '开始',
        '结束',
        '服务类型',
        '状态',
        '走访次数',
        '最近走访',
        '备注',
      ];
      const rows = await checkExport({
        url: '/api/pairings/export',
        header,
        action: 'pairings.export',
        listed: all.total,
        refused: [vol, gridLeader, leader],
      });
      assert.deepEqual(rows.map((r) => r[1]).sort(), ['吕建国', '王秀英'].sort());
      assert.equal(rows[0]![0], '队员甲');
      const one = (await staff('GET', `/api/pairings?residentId=${t.a.residents['吕建国']}`)).json();
      await checkExport({
        url: `/api/pairings/export?residentId=${t.a.residents['吕建国']}`,
        header,
        action: 'pairings.export',
        listed: one.total,
        refused: [],
      });
      assert.equal(one.total, 1);
      assert.deepEqual((await lastAudit('pairings.export'))!.detail.filters, { residentId: t.a.residents['吕建国'] });
      // A bad filter is a 400, not a 500.
      assert.equal((await staff('GET', '/api/pairings/export?status=nope')).statusCode, 400);
    });

    it('exports the hours verification queue with its filters', async () => {
      await recordService(t, { volunteerId: memberId, minutes: 90, date: addDays(today, -2), description: '助老' });
      await recordService(t, { volunteerId: outsiderId, minutes: 60, date: addDays(today, -1), description: '清扫' });
      const queue = (await staff('GET', '/api/hours/queue')).json();
      assert.ok(queue.total >= 2);
      const header = [
        '志愿者',
        '服务日期',
        '来源',
        '服务内容',
        '开始',
        '结束',
        '记录分钟',
        '计入分钟',
        '需复核',
        '备注',
        '记录人',
        '记录时间',
      ];
      await checkExport({
        url: '/api/hours/queue/export',
        header,
        action: 'hours.export',
        listed: queue.total,
        refused: [vol, gridLeader, leader],
      });
      const mine = (await staff('GET', `/api/hours/queue?volunteerId=${memberId}`)).json();
      const rows = await checkExport({
        url: `/api/hours/queue/export?volunteerId=${memberId}`,
        header,
        action: 'hours.export',
        listed: mine.total,
        refused: [],
      });
      assert.equal(mine.total, 1);
      assert.deepEqual([rows[0]![0], rows[0]![3], rows[0]![7]], ['队员甲', '助老', '90']);
    });

    it('exports the activities list with its window and status; a bad window is refused in words', async () => {
      const header = [
        '日期',
        '开始',
        '结束',
        '活动名称',
        '类型',
        '地点',
        '组织',
        '岗位',
        '名额',
        '已报名',
        '候补',
        '状态',
      ];
      const q = `from=${tomorrow}&to=${tomorrow}&status=published`;
      const listed = (await staff('GET', `/api/activities?${q}`)).json();
      assert.equal(listed.length, 1);
      const rows = await checkExport({
        url: `/api/activities/export?${q}`,
        header,
        action: 'activities.export',
        listed: 1,
        refused: [vol, gridLeader],
      });
      assert.deepEqual(rows[0]!.slice(3, 12), [
        '中秋做月饼',
        '志愿服务',
        '西关社区服务站',
        '',
        '厨房组 09:00–11:00',
        '5',
        '2',
        '0',
        '已发布',
      ]);
      assert.deepEqual((await lastAudit('activities.export'))!.detail.filters, {
        from: tomorrow,
        to: tomorrow,
        status: 'published',
      });
      // Drafts only: none in that window.
      await checkExport({
        url: `/api/activities/export?from=${tomorrow}&to=${tomorrow}&status=draft`,
        header,
        action: 'activities.export',
        listed: 0,
        refused: [],
      });
      // A window backwards or longer than a year is a clear 400 on the list and on the export alike.
      for (const url of [
        '/api/activities?from=2026-03-01&to=2026-02-01',
        '/api/activities/export?from=2025-01-01&to=2026-06-01',
      ]) {
        const res = await staff('GET', url);
        assert.equal(res.statusCode, 400, `${url} → ${res.statusCode}`);
        assert.match(res.json().error.details.fields[0].message, /结束|一年/);
      }
    });

    it("exports an activity's sign-ups and check-ins; a team leader gets only the team's members", async () => {
      const header = [
        '活动',
        '班次',
        '班次开始',
        '班次结束',
        '志愿者',
        '报名状态',
        '报名时间',
        '签到',
        '签退',
        '服务分钟',
        '需复核',
      ];
      const url = `/api/activities/${teamActivity}/signups/export`;
      const listed = (await staff('GET', `/api/activities/${teamActivity}/signups`)).json();
      assert.equal(listed.length, 2);
      const rows = await checkExport({ url, header, action: 'activities.signups_export', listed: 2, refused: [vol] });
      assert.deepEqual(rows.map((r) => r[4]).sort(), ['队员甲', '队外乙'].sort());
      assert.equal(rows[0]![2], `${tomorrow} 09:00`);
      // The team leader's list and export show the team's member only.
      const seen = (await leader('GET', `/api/activities/${teamActivity}/signups`)).json();
      assert.equal(seen.length, 1);
      const scoped = await checkExport({
        url,
        header,
        action: 'activities.signups_export',
        listed: 1,
        refused: [gridLeader],
        who: leader,
      });
      assert.deepEqual(
        scoped.map((r) => r[4]),
        ['队员甲'],
      );
      assert.equal((await lastAudit('activities.signups_export'))!.actor_role, 'team_leader');
      // Filters: nobody has checked in yet.
      await checkExport({
        url: `${url}?attended=yes`,
        header,
        action: 'activities.signups_export',
        listed: 0,
        refused: [],
      });
      await checkExport({
        url: `${url}?status=confirmed`,
        header,
        action: 'activities.signups_export',
        listed: 2,
        refused: [],
      });
    });

    it("exports a day's or a range's bookings", async () => {
      const volunteer = await insertVolunteer(db(), t.cipher, t.a.id, { name: '张理发' });
      const svc = await admin('POST', '/api/appointments/services', {
        name: '义剪',
        kind: 'haircut',
        place: '西关社区服务站',
        slotMinutes: 60,
        placesPerSlot: 5,
        windowDays: 7,
        noticeHours: 0,
        providerIds: [volunteer],
        schedule: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 480, endMinute: 720 })),
      });
      assert.equal(svc.statusCode, 201, svc.body);
      const serviceId = svc.json().id;
      for (const [r, day] of [
        ['李泽钦', tomorrow],
        ['王秀英', tomorrow],
        ['单雄信', addDays(today, 2)],
      ] as const) {
        const b = await admin('POST', '/api/appointments/bookings', {
          serviceId,
          residentId: t.a.residents[r],
          slotStart: shanghaiInstant(day, 600),
        });
        assert.equal(b.statusCode, 201, b.body);
      }
      const day = (await staff('GET', `/api/appointments/bookings?date=${tomorrow}`)).json();
      assert.equal(day.length, 2);
      const header = [
        '日期',
        '时间',
        '服务',
        '类别',
        '地点',
        '居民',
        '电话',
        '渠道',
        '状态',
        '到场',
        '备注',
        '预约时间',
      ];
      const rows = await checkExport({
        url: `/api/appointments/bookings/export?date=${tomorrow}`,
        header,
        action: 'appointments.export',
        listed: day.length,
        refused: [vol, gridLeader, leader],
      });
      assert.deepEqual([rows[0]![0], rows[0]![1], rows[0]![3]], [tomorrow, '10:00', '义剪']);
      // Each cell as the list shows it (names and phones exactly as the list gives them, nothing more).
      assert.deepEqual(
        rows.map((r) => `${r[5]}|${r[6]}`).sort(),
        day.map((b: any) => `${b.residentName}|${b.residentPhone ?? ''}`).sort(),
      );
      await checkExport({
        url: `/api/appointments/bookings/export?date=${tomorrow}&to=${addDays(today, 3)}&serviceId=${serviceId}`,
        header,
        action: 'appointments.export',
        listed: 3,
        refused: [],
      });
      // A reversed or too long range is a clear 400.
      for (const q of [`date=${tomorrow}&to=${today}`, `date=${today}&to=${addDays(today, 120)}`]) {
        const bad = await staff('GET', `/api/appointments/bookings/export?${q}`);
        assert.equal(bad.statusCode, 400, bad.body);
        assert.match(bad.json().error.details.fields[0].message, /92 天/);
      }
    });

    it('exports the love supermarket redemptions', async () => {
      const v = await insertVolunteer(db(), t.cipher, t.a.id, { name: '积分丙' });
      await verifyService(staff, [await recordService(t, { volunteerId: v, minutes: 600, date: addDays(today, -3) })]);
      const item = await staff('POST', '/api/points/items', { name: '洗衣液', pricePoints: 2, stock: 10 });
      assert.equal(item.statusCode, 201, item.body);
      for (let i = 0; i < 2; i++) {
        const r = await staff('POST', '/api/points/redemptions', {
          volunteerId: v,
          lines: [{ itemId: item.json().id, quantity: 1 }],
        });
        assert.equal(r.statusCode, 201, r.body);
      }
      const list = (await staff('GET', `/api/points/redemptions?volunteerId=${v}`)).json();
      const rows = await checkExport({
        url: `/api/points/redemptions/export?volunteerId=${v}`,
        header: ['兑换时间', '志愿者', '兑换物品', '积分', '经办人'],
        action: 'points.export',
        listed: list.total,
        refused: [vol, gridLeader, leader],
      });
      assert.equal(list.total, 2);
      assert.deepEqual(rows[0]!.slice(1, 4), ['积分丙', '洗衣液×1', '2']);
    });

    it("exports the 4:30 classroom's roll", async () => {
      const child = await staff('POST', '/api/classroom/children', {
        name: '曾小红',
        gender: 'female',
        birthDate: '2016-04-02',
        school: '金台区西关小学',
        grade: '四年级',
        weekdays: '135',
        enrolledOn: addDays(today, -10),
        consentBy: '曾丽',
        consentRelation: '母亲',
        adults: [{ name: '曾丽', relation: '母亲', phone: '13911110101', isGuardian: true }],
      });
      assert.equal(child.statusCode, 201, child.body);
      const list = (await staff('GET', '/api/classroom/children?status=active')).json();
      const listed = Array.isArray(list) ? list.length : (list.total ?? list.items.length);
      const rows = await checkExport({
        url: '/api/classroom/children/export?status=active',
        header: [
          '姓名',
          '性别',
          '出生日期',
          '学校',
          '年级',
          '上课日',
          '入班日期',
          '状态',
          '离班日期',
          '同意人',
          '接送人',
          '备注',
        ],
        action: 'classroom.export',
        listed,
        refused: [vol, gridLeader, leader],
      });
      assert.equal(listed, 1);
      assert.deepEqual(rows[0]!.slice(0, 2), ['曾小红', '女']);
      assert.equal(rows[0]![5], '周一、周三、周五');
      assert.match(rows[0]![10]!, /曾丽（母亲）/);
      const left = await checkExport({
        url: '/api/classroom/children/export?status=left',
        header: await readHeader('/api/classroom/children/export'),
        action: 'classroom.export',
        listed: 0,
        refused: [],
      });
      assert.equal(left.length, 0);
    });
    const readHeader = async (url: string) => (await readSheet((await staff('GET', url)).rawPayload)).header;

    it('exports home care tasks by status', async () => {
      for (const [r, kind] of [
        ['李泽钦', 'haircut'],
        ['吕建国', 'bathing'],
      ] as const) {
        const res = await staff('POST', '/api/homecare/tasks', { residentId: t.a.residents[r], kind, dueOn: tomorrow });
        assert.equal(res.statusCode, 201, res.body);
      }
      const open = (await staff('GET', '/api/homecare/tasks?status=open')).json();
      const header = [
        '服务',
        '居民',
        '住址',
        '日期',
        '时间',
        '志愿者',
        '状态',
        '每隔天数',
        '服务分钟',
        '完成时间',
        '备注',
      ];
      const rows = await checkExport({
        url: '/api/homecare/tasks/export?status=open',
        header,
        action: 'homecare.export',
        listed: open.length ?? open.total,
        refused: [vol, gridLeader, leader],
      });
      assert.equal(rows.length, 2);
      assert.deepEqual(rows.map((r) => r[0]).sort(), ['助浴', '理发'].sort());
      assert.ok(rows.every((r) => r[6] === '待安排'));
      await checkExport({
        url: '/api/homecare/tasks/export?status=done',
        header,
        action: 'homecare.export',
        listed: 0,
        refused: [],
      });
    });
  });
}
