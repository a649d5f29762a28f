// Every console list exports to Excel, second wave: love badges, insurance (expiring covers, a policy's covered
// volunteers), training (expiring certificates), party members, the quarterly ranking, the survey to-do, the skills
// pool and certificates issued. Each export is downloaded on both databases and read back: its header row, its row
// count against the list with the same filters, the audit entry it wrote, a role without the permission refused,
// and a scoped role given only its scope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordService, signInAs, startTestApp, verifyService, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { exportChecks } from './export-checks.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addMonths } from '../src/modules/training/training.service.ts';
import { quarterOf } from '../../domain/recognition/quarters.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();
import { addSkill, addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';

for (const kind of testDatabaseKinds()) {
  describe(`more list exports on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, vol: Client, leader: Client, gridLeader: Client;
    let memberId: string, outsiderId: string;
    const db = () => t.db.handle.db;

    const { lastAudit, checkExport } = exportChecks(
      () => t,
      () => staff,
    );

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      vol = await signInAs(t, 'volunteer');
      gridLeader = await signInAs(t, 'grid_leader');
      const teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      memberId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '队员甲' });
      outsiderId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '队外乙' });
      await addTeamMember(db(), t.a.id, teamId, memberId);
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      leader = await signInAs(t, 'team_leader');
    });
    after(async () => {
      await t.close();
    });

    it('exports the love badges with the list filters and its masking', async () => {
      for (const r of ['吕建国', '王秀英']) {
        await db()
          .insertInto('family_contact')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            resident_id: t.a.residents[r]!,
            name: '李强',
            relation: '儿子',
            phone: '13900000011',
            is_primary: 1,
            created_at: new Date().toISOString(),
          })
          .execute();
        const res = await staff('POST', '/api/badges', {
          residentId: t.a.residents[r],
          nickname: r === '吕建国' ? '吕爷爷' : '王奶奶',
          cautions: '请陪老人在原地稍等，并联系家人。',
          consent: { givenByName: '李强', givenByRelation: '监护人（儿子）' },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      const all = (await staff('GET', '/api/badges?status=active')).json();
      assert.equal(all.total, 2);
      const header = [
        '居民',
        '身份证号',
        '昵称',
        '拨打名单',
        '状态',
        '停用原因',
        '同意人',
        '扫码次数',
        '最近扫码',
        '制作时间',
        '制作人',
      ];
      const rows = await checkExport({
        url: '/api/badges/export?status=active',
        header,
        action: 'badges.export',
        listed: all.total,
        refused: [vol, gridLeader, leader],
      });
      // The same rows the list shows, ID numbers as masked as there (never the full number).
      assert.deepEqual(
        rows.map((r) => [r[0], r[1]]).sort(),
        all.items
          .map((b: { residentName: string; idMasked: string | null }) => [b.residentName, b.idMasked ?? ''])
          .sort(),
      );
      for (const r of rows) assert.ok(!/^\d{17}[\dX]$/.test(r[1]!), `unmasked ID number ${r[1]}`);
      const one = (await staff('GET', '/api/badges?q=吕建国')).json();
      assert.equal(one.total, 1);
      await checkExport({
        url: `/api/badges/export?q=${encodeURIComponent('吕建国')}`,
        header,
        action: 'badges.export',
        listed: one.total,
        refused: [],
      });
      assert.deepEqual((await lastAudit('badges.export'))!.detail.filters, { q: '吕建国' });
      assert.equal((await staff('GET', '/api/badges/export?status=nope')).statusCode, 400);
    });
    it("exports expiring insurance covers and a policy's covered volunteers, a team leader only the team", async () => {
      const p = await staff('POST', '/api/insurance/policies', {
        insurer: '中国人寿',
        policyNo: 'ZY-2026-009',
        startsOn: addDays(today, -300),
        endsOn: addDays(today, 20),
        cover: '志愿服务意外伤害 10 万元',
        minAge: 16,
        maxAge: 70,
      });
      assert.equal(p.statusCode, 201, p.body);
      const policyId = p.json().id;
      for (const id of [memberId, outsiderId])
        assert.equal(
          (await staff('POST', `/api/insurance/policies/${policyId}/covered`, { volunteerId: id })).statusCode,
          204,
        );
      const header = ['志愿者', '年龄', '保险公司', '保单号', '起始日期', '终止日期', '加入时间'];
      const expiring = (await staff('GET', '/api/insurance/expiring?days=30')).json();
      assert.equal(expiring.total, 2);
      const rows = await checkExport({
        url: '/api/insurance/expiring/export?days=30',
        header,
        action: 'insurance.expiring_export',
        listed: expiring.total,
        refused: [vol, gridLeader],
      });
      assert.deepEqual(rows.map((r) => r[0]).sort(), ['队员甲', '队外乙'].sort());
      assert.equal(rows[0]![5], addDays(today, 20));
      // A window that ends before the policy does finds nothing, as the list does.
      const none = (await staff('GET', '/api/insurance/expiring?days=10')).json();
      await checkExport({
        url: '/api/insurance/expiring/export?days=10',
        header,
        action: 'insurance.expiring_export',
        listed: none.total,
        refused: [],
      });
      assert.equal(none.total, 0);
      assert.deepEqual((await lastAudit('insurance.expiring_export'))!.detail.filters, { days: 10 });
      // The team leader reads only the team's volunteers, in the list and in its export.
      const theirs = (await leader('GET', '/api/insurance/expiring?days=30')).json();
      assert.equal(theirs.total, 1);
      const led = await checkExport({
        who: leader,
        url: '/api/insurance/expiring/export?days=30',
        header,
        action: 'insurance.expiring_export',
        listed: theirs.total,
        refused: [],
      });
      assert.deepEqual(
        led.map((r) => r[0]),
        ['队员甲'],
      );
      assert.equal((await staff('GET', '/api/insurance/expiring/export?days=0')).statusCode, 400);

      const covered = (await staff('GET', `/api/insurance/policies/${policyId}/covered`)).json();
      assert.equal(covered.total, 2);
      await checkExport({
        url: `/api/insurance/policies/${policyId}/covered/export`,
        header,
        action: 'insurance.covered_export',
        listed: covered.total,
        refused: [vol, gridLeader],
      });
      const named = (
        await staff('GET', `/api/insurance/policies/${policyId}/covered?q=${encodeURIComponent('队外')}`)
      ).json();
      assert.equal(named.total, 1);
      const one = await checkExport({
        url: `/api/insurance/policies/${policyId}/covered/export?q=${encodeURIComponent('队外')}`,
        header,
        action: 'insurance.covered_export',
        listed: named.total,
        refused: [],
      });
      assert.deepEqual(
        one.map((r) => r[0]),
        ['队外乙'],
      );
      assert.deepEqual((await lastAudit('insurance.covered_export'))!.detail.filters, { policyId, q: '队外' });
      const ledCovered = (await leader('GET', `/api/insurance/policies/${policyId}/covered`)).json();
      assert.equal(ledCovered.total, 1);
      await checkExport({
        who: leader,
        url: `/api/insurance/policies/${policyId}/covered/export`,
        header,
        action: 'insurance.covered_export',
        listed: ledCovered.total,
        refused: [],
      });
      const missing = await staff('GET', `/api/insurance/policies/${uuidv7()}/covered/export`);
      assert.equal(missing.statusCode, 404, missing.body);
    });
    it('exports expiring training certificates with the list filters, a team leader only the team', async () => {
      const course = await staff('POST', '/api/training/courses', {
        code: 'first-aid',
        title: '急救培训',
        validityMonths: 12,
      });
      assert.equal(course.statusCode, 201, course.body);
      // Held 12 months less 10 days ago: the certificates run out in 10 days.
      const sessionDate = addDays(addMonths(today, -12), 10);
      const s = await staff('POST', '/api/training/sessions', {
        courseId: course.json().id,
        startsAt: `${sessionDate}T01:00:00.000Z`,
        endsAt: `${sessionDate}T03:00:00.000Z`,
        place: '社区活动室',
        trainer: '刘护士',
        capacity: 20,
      });
      assert.equal(s.statusCode, 201, s.body);
      for (const volunteerId of [memberId, outsiderId]) {
        const res = await staff('POST', `/api/training/sessions/${s.json().id}/attendance`, { volunteerId });
        assert.equal(res.statusCode, 204, res.body);
        const marked = await staff('PUT', `/api/training/sessions/${s.json().id}/attendance/${volunteerId}`, {
          status: 'attended',
        });
        assert.equal(marked.statusCode, 200, marked.body);
      }
      const header = ['志愿者', '课程', '课程代码', '发证日期', '到期日期'];
      const list = (await staff('GET', '/api/training/expiring?days=30')).json();
      assert.equal(list.total, 2);
      const rows = await checkExport({
        url: '/api/training/expiring/export?days=30',
        header,
        action: 'training.expiring_export',
        listed: list.total,
        refused: [vol, gridLeader],
      });
      assert.deepEqual(rows.map((r) => r[0]).sort(), ['队员甲', '队外乙'].sort());
      assert.deepEqual(rows[0]!.slice(1, 3), ['急救培训', 'first-aid']);
      const none = (await staff('GET', '/api/training/expiring?days=5')).json();
      assert.equal(none.total, 0);
      await checkExport({
        url: '/api/training/expiring/export?days=5',
        header,
        action: 'training.expiring_export',
        listed: 0,
        refused: [],
      });
      assert.deepEqual((await lastAudit('training.expiring_export'))!.detail.filters, { days: 5 });
      const theirs = (await leader('GET', '/api/training/expiring?days=30')).json();
      assert.equal(theirs.total, 1);
      const led = await checkExport({
        who: leader,
        url: '/api/training/expiring/export?days=30',
        header,
        action: 'training.expiring_export',
        listed: theirs.total,
        refused: [],
      });
      assert.deepEqual(
        led.map((r) => r[0]),
        ['队员甲'],
      );
      assert.equal((await staff('GET', '/api/training/expiring/export?days=400')).statusCode, 400);
    });
    it('exports party members with the list filters, a grid leader only the grid', async () => {
      const [g1, g2] = t.a.grids;
      const p1 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '党员甲' });
      const p2 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '党员乙' });
      const p3 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '党员丙' });
      for (const [id, body] of [
        [
          p1,
          {
            kind: 'in_service',
            isPublicServant: true,
            partyOrg: '金台区政府机关党支部',
            workUnit: '金台区政府',
            gridId: g1,
            joinedOn: '2005-07-01',
          },
        ],
        [p2, { kind: 'resident', partyOrg: '西关社区党委', gridId: g2 }],
        [p3, { kind: 'floating', partyOrg: '外地党支部', gridId: g1 }],
      ] as const) {
        const res = await staff('PUT', `/api/volunteers/${id}/party-member`, body);
        assert.equal(res.statusCode, 204, res.body);
      }
      const header = ['姓名', '类型', '公职人员', '所属党组织', '工作单位', '网格', '报到次数', '最近报到'];
      const all = (await staff('GET', '/api/party-members')).json();
      assert.equal(all.total, 3);
      const rows = await checkExport({
        url: '/api/party-members/export',
        header,
        action: 'party.members_export',
        listed: all.total,
        refused: [vol, leader],
      });
      const first = rows.find((r) => r[0] === '党员甲')!;
      assert.deepEqual(first.slice(1, 5), ['在职党员', '是', '金台区政府机关党支部', '金台区政府']);
      const floating = (await staff('GET', '/api/party-members?kind=floating')).json();
      const one = await checkExport({
        url: '/api/party-members/export?kind=floating',
        header,
        action: 'party.members_export',
        listed: floating.total,
        refused: [],
      });
      assert.deepEqual(
        one.map((r) => r[0]),
        ['党员丙'],
      );
      assert.deepEqual((await lastAudit('party.members_export'))!.detail.filters, { kind: 'floating' });
      // The grid leader gets their grid's members only, as in the list.
      const mine = (await gridLeader('GET', '/api/party-members')).json();
      assert.equal(mine.total, 2);
      const grid = await checkExport({
        who: gridLeader,
        url: '/api/party-members/export',
        header,
        action: 'party.members_export',
        listed: mine.total,
        refused: [],
      });
      assert.deepEqual(grid.map((r) => r[0]).sort(), ['党员丙', '党员甲'].sort());
      await checkExport({
        who: gridLeader,
        url: `/api/party-members/export?gridId=${g2}`,
        header,
        action: 'party.members_export',
        listed: 0,
        refused: [],
      });
      assert.equal((await staff('GET', '/api/party-members/export?kind=retired')).statusCode, 400);
    });
    it("exports the quarter's ranking with its name search, a team leader only the team", async () => {
      const quarter = quarterOf(today);
      const ids = [
        await recordService(t, { volunteerId: memberId, minutes: 600, date: today, description: '助老' }),
        await recordService(t, { volunteerId: outsiderId, minutes: 120, date: today, description: '清扫' }),
      ];
      await verifyService(staff, ids);
      const header = ['名次', '姓名', '服务队', '得分', '服务时长（小时）', '服务居民', '计分说明', '推荐'];
      const all = (await staff('GET', `/api/recognition/quarters/${quarter}/ranking?pageSize=100`)).json();
      assert.ok(all.total >= 2);
      const rows = await checkExport({
        url: `/api/recognition/quarters/${quarter}/ranking/export`,
        header,
        action: 'recognition.ranking_export',
        listed: all.total,
        refused: [vol, gridLeader],
      });
      // The same ranks and explanations as the list, in its order.
      assert.deepEqual(
        rows.map((r) => [r[0], r[1], r[6]]),
        all.items.map((i: { rank: number; name: string; explanation: string }) => [
          String(i.rank),
          i.name,
          i.explanation,
        ]),
      );
      const found = (
        await staff('GET', `/api/recognition/quarters/${quarter}/ranking?q=${encodeURIComponent('队外')}`)
      ).json();
      assert.equal(found.total, 1);
      const one = await checkExport({
        url: `/api/recognition/quarters/${quarter}/ranking/export?q=${encodeURIComponent('队外')}`,
        header,
        action: 'recognition.ranking_export',
        listed: found.total,
        refused: [],
      });
      assert.deepEqual(
        one.map((r) => r[1]),
        ['队外乙'],
      );
      assert.deepEqual((await lastAudit('recognition.ranking_export'))!.detail.filters, { quarter, q: '队外' });
      const theirs = (await leader('GET', `/api/recognition/quarters/${quarter}/ranking`)).json();
      const led = await checkExport({
        who: leader,
        url: `/api/recognition/quarters/${quarter}/ranking/export`,
        header,
        action: 'recognition.ranking_export',
        listed: theirs.total,
        refused: [],
      });
      assert.ok(led.some((r) => r[1] === '队员甲'));
      assert.ok(!led.some((r) => r[1] === '队外乙'), 'the team leader sees only the team');
      assert.equal((await staff('GET', '/api/recognition/quarters/2026Q5/ranking/export')).statusCode, 400);
    });
    it('exports the survey to-do with its grid and date, a grid leader only the grid', async () => {
      const header = ['优先', '住址', '网格', '户主', '人数', '上次摸查'];
      const all = (await staff('GET', '/api/survey/todo')).json();
      assert.ok(all.total >= 2, `households to visit: ${all.total}`);
      const rows = await checkExport({
        url: '/api/survey/todo/export',
        header,
        action: 'survey.todo_export',
        listed: all.total,
        refused: [vol, leader],
      });
      assert.deepEqual(
        rows.map((r) => r[1]),
        all.items.map((h: { address: string }) => h.address),
      );
      const [g1] = t.a.grids;
      const since = addDays(today, -30);
      const one = (await staff('GET', `/api/survey/todo?gridId=${g1}&since=${since}`)).json();
      assert.ok(one.total < all.total, 'one grid has fewer households than the community');
      await checkExport({
        url: `/api/survey/todo/export?gridId=${g1}&since=${since}`,
        header,
        action: 'survey.todo_export',
        listed: one.total,
        refused: [],
      });
      assert.deepEqual((await lastAudit('survey.todo_export'))!.detail.filters, { gridId: g1, since });
      const mine = (await gridLeader('GET', '/api/survey/todo')).json();
      const grid = await checkExport({
        who: gridLeader,
        url: '/api/survey/todo/export',
        header,
        action: 'survey.todo_export',
        listed: mine.total,
        refused: [],
      });
      assert.ok(grid.length < rows.length, 'the grid leader sees only the grid');
      assert.equal((await staff('GET', '/api/survey/todo/export?since=2026-02-30')).statusCode, 400);
    });
    it('exports the skills pool with the page filters, a team leader only the team', async () => {
      const c = t.a.id;
      await addSkill(db(), c, memberId, 'doctor', { licenceNo: 'YS-009', expiresOn: '2031-12-31', level: 'expert' });
      await addSkill(db(), c, memberId, 'first_aid');
      await addSkill(db(), c, outsiderId, 'lawyer', { licenceNo: 'LS-009', expiresOn: '2020-01-01' });
      const header = ['姓名', '年龄', '性别', '手机号', '单位', '技能'];
      const all = (await staff('GET', '/api/skills-pool')).json();
      assert.ok(all.total >= 2);
      const rows = await checkExport({
        url: '/api/skills-pool/export',
        header,
        action: 'skills.pool_export',
        listed: all.total,
        refused: [vol, gridLeader],
      });
      const doctor = rows.find((r) => r[0] === '队员甲')!;
      assert.match(doctor[5]!, /执业医师 · 专家（有效期至 2031-12-31）/);
      assert.match(rows.find((r) => r[0] === '队外乙')![5]!, /律师 · 熟练（已过期）/);
      const legal = (await staff('GET', '/api/skills-pool?category=legal&licenceValid=false')).json();
      assert.equal(legal.total, 1);
      const one = await checkExport({
        url: '/api/skills-pool/export?category=legal&licenceValid=false',
        header,
        action: 'skills.pool_export',
        listed: legal.total,
        refused: [],
      });
      assert.deepEqual(
        one.map((r) => r[0]),
        ['队外乙'],
      );
      assert.deepEqual((await lastAudit('skills.pool_export'))!.detail.filters, {
        category: 'legal',
        licenceValid: false,
      });
      const theirs = (await leader('GET', '/api/skills-pool')).json();
      const led = await checkExport({
        who: leader,
        url: '/api/skills-pool/export',
        header,
        action: 'skills.pool_export',
        listed: theirs.total,
        refused: [],
      });
      assert.deepEqual(
        led.map((r) => r[0]),
        ['队员甲'],
      );
      assert.equal((await staff('GET', '/api/skills-pool/export?level=master')).statusCode, 400);
    });
    it('exports the certificates issued with the list filters', async () => {
      // 队员甲 and 队外乙 have verified hours this quarter (the ranking case above recorded them).
      const issued: string[] = [];
      for (const volunteerId of [memberId, outsiderId]) {
        const res = await staff('POST', '/api/certificates', { volunteerId });
        assert.equal(res.statusCode, 201, res.body);
        issued.push(res.json().id);
      }
      const revoked = await staff('POST', `/api/certificates/${issued[1]}/revoke`, { reason: '信息有误，重新出具' });
      assert.ok(revoked.statusCode < 300, revoked.body);
      const header = [
        '编号',
        '志愿者',
        '服务期间',
        '服务时长（小时）',
        '荣誉时长',
        '状态',
        '撤销原因',
        '出具日期',
        '出具人',
        '经办人',
        '撤销时间',
      ];
      const all = (await staff('GET', '/api/certificates')).json();
      assert.equal(all.total, 2);
      const rows = await checkExport({
        url: '/api/certificates/export',
        header,
        action: 'certificates.export',
        listed: all.total,
        refused: [vol, gridLeader, leader],
      });
      assert.deepEqual(
        rows.map((r) => r[0]),
        all.items.map((c: { number: string }) => c.number),
      );
      const gone = rows.find((r) => r[1] === '队外乙')!;
      assert.deepEqual([gone[5], gone[6]], ['已撤销', '信息有误，重新出具']);
      const valid = (await staff('GET', '/api/certificates?status=valid')).json();
      assert.equal(valid.total, 1);
      const one = await checkExport({
        url: '/api/certificates/export?status=valid',
        header,
        action: 'certificates.export',
        listed: valid.total,
        refused: [],
      });
      assert.deepEqual(
        one.map((r) => [r[1], r[5]]),
        [['队员甲', '有效']],
      );
      assert.deepEqual((await lastAudit('certificates.export'))!.detail.filters, { status: 'valid' });
      assert.equal((await staff('GET', '/api/certificates/export?status=lost')).statusCode, 400);
    });
  });
}
