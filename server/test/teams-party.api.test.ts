// Units, teams and party members: a unit coordinator bound to their unit, a team leader bound to their
// team, a grid leader bound to their grid's party members, and post capacity under concurrent claims.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAll, startTestApp, insertAccountVolunteer, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import {
  addPartyMember,
  addTeamMember,
  insertTeam,
  insertUnit,
  insertVolunteer,
  setMembershipScope,
} from './volunteer-factories.ts';

for (const kind of testDatabaseKinds()) {
  describe(`units, teams and party API on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let coordinator: Client;
    let teamLeader: Client;
    let gridLeader: Client;
    let volunteer: Client;
    const v: Record<string, string> = {};
    let school: string;
    let hospital: string;
    let squad: string;
    let culture: string;

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      const c = t.a.id;
      school = await insertUnit(db, c, '宝鸡市第一中学', 'school');
      hospital = await insertUnit(db, c, '金台区医院', 'hospital');
      squad = await insertTeam(db, c, '法律援助小分队', 'squad');
      culture = await insertTeam(db, c, '秦腔社', 'culture');
      v.leader = await insertAccountVolunteer(t, 'team_leader', {
        name: '孙队长',
      });
      v.member = await insertVolunteer(db, t.cipher, c, { name: '周成员', unitId: school });
      v.asks = await insertVolunteer(db, t.cipher, c, { name: '吴申请', unitId: school });
      v.asksOther = await insertVolunteer(db, t.cipher, c, { name: '郑申请', unitId: hospital });
      v.me = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘志愿',
      });
      v.pending = await insertVolunteer(db, t.cipher, c, { name: '钱待审', status: 'pending' });
      await addTeamMember(db, c, squad, v.leader, { role: 'leader' });
      await addTeamMember(db, c, squad, v.member);
      await addTeamMember(db, c, squad, v.asks, { status: 'requested' });
      await addTeamMember(db, c, culture, v.asksOther, { status: 'requested' });
      await setMembershipScope(db, c, t.a.phones.unit_coordinator, { unitId: school });
      await setMembershipScope(db, c, t.a.phones.team_leader, { teamId: squad });
      [staff, coordinator, teamLeader, gridLeader, volunteer] = await signInAll(t, [
        'staff',
        'unit_coordinator',
        'team_leader',
        'grid_leader',
        'volunteer',
      ]);
    });
    after(async () => {
      await t.close();
    });

    it('keeps units with volunteer counts, and binds a unit coordinator to their own unit', async () => {
      const created = await staff('POST', '/api/units', {
        name: '宝鸡市委党校',
        kind: 'party_school',
        contactPhone: '139 1234 5678',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await staff('POST', '/api/units', { name: '宝鸡市委党校', kind: 'party_school' })).statusCode, 409);
      assert.equal((await staff('POST', '/api/units', { name: '某协会', kind: 'club' })).statusCode, 400);
      const list = (await staff('GET', '/api/units')).json();
      assert.equal(list.length, 3);
      assert.equal(list.find((u: any) => u.id === school).volunteers, 2);
      assert.equal(list.find((u: any) => u.name === '宝鸡市委党校').contactPhone, '13912345678');

      assert.deepEqual(
        (await coordinator('GET', '/api/units')).json().map((u: any) => u.id),
        [school],
      );
      const own = await coordinator('GET', `/api/units/${school}/volunteers`);
      assert.equal(own.statusCode, 200);
      assert.deepEqual(
        own
          .json()
          .items.map((x: any) => x.name)
          .sort(),
        ['吴申请', '周成员'].sort(),
      );
      assert.equal(own.json().total, 2);
      const found = (
        await coordinator('GET', `/api/units/${school}/volunteers?q=${encodeURIComponent('周')}&pageSize=1`)
      ).json();
      assert.deepEqual([found.items.map((x: any) => x.name), found.total, found.pageSize], [['周成员'], 1, 1]);
      const other = await coordinator('GET', `/api/units/${hospital}/volunteers`);
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'out_of_scope');
      assert.equal((await coordinator('POST', '/api/units', { name: '新单位', kind: 'company' })).statusCode, 403);

      assert.equal(
        (await staff('PATCH', `/api/units/${created.json().id}`, { address: '宝福路 1 号' })).statusCode,
        204,
      );
      const busy = await staff('DELETE', `/api/units/${school}`);
      assert.equal(busy.statusCode, 409);
      assert.equal(busy.json().error.code, 'has_dependents');
      assert.equal((await staff('DELETE', `/api/units/${created.json().id}`)).statusCode, 204);
    });

    it('lets a team leader approve join requests in their team and refuses another team', async () => {
      const mine = await teamLeader('GET', `/api/teams/${squad}`);
      assert.equal(mine.statusCode, 200, mine.body);
      assert.deepEqual(mine.json().leaders, ['孙队长']);
      assert.deepEqual(
        mine
          .json()
          .roster.filter((m: any) => m.status === 'requested')
          .map((m: any) => m.name),
        ['吴申请'],
      );
      assert.equal((await teamLeader('GET', `/api/teams/${culture}`)).statusCode, 403);

      assert.equal((await teamLeader('POST', `/api/teams/${squad}/members/${v.asks}/approve`)).statusCode, 204);
      const refused = await teamLeader('POST', `/api/teams/${culture}/members/${v.asksOther}/approve`);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'out_of_scope');
      // already decided
      assert.equal((await teamLeader('POST', `/api/teams/${squad}/members/${v.asks}/approve`)).statusCode, 404);
      const after = (await teamLeader('GET', `/api/teams/${squad}`)).json();
      assert.equal(after.members, 3);
      assert.equal(after.requests, 0);
      // A leader cannot remove the leader, create or delete teams.
      assert.equal((await teamLeader('POST', `/api/teams/${squad}/members/${v.leader}/remove`)).statusCode, 403);
      assert.equal((await teamLeader('POST', '/api/teams', { name: '新队', kind: 'squad' })).statusCode, 403);
      assert.equal((await teamLeader('POST', `/api/teams/${squad}/members/${v.member}/remove`)).statusCode, 204);
      assert.equal((await staff('POST', `/api/teams/${culture}/members/${v.asksOther}/reject`)).statusCode, 204);
      const log = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('entity_type', '=', 'team')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        log.map((l) => l.action),
        ['team.member_approve', 'team.member_remove', 'team.member_reject'],
      );
    });

    it('lets a volunteer ask to join several teams, once each', async () => {
      const list = (await volunteer('GET', '/api/teams')).json();
      assert.equal(list.length, 2);
      assert.ok(list.every((x: any) => x.myStatus === null));
      assert.equal((await volunteer('POST', `/api/teams/${squad}/join`)).statusCode, 201);
      assert.equal((await volunteer('POST', `/api/teams/${culture}/join`)).statusCode, 201);
      const again = await volunteer('POST', `/api/teams/${squad}/join`);
      assert.equal(again.statusCode, 409);
      assert.equal(
        (await volunteer('GET', '/api/teams')).json().find((x: any) => x.id === squad).myStatus,
        'requested',
      );
      assert.equal((await teamLeader('POST', `/api/teams/${squad}/members/${v.me}/approve`)).statusCode, 204);
      assert.equal((await staff('POST', `/api/teams/${culture}/members/${v.me}/approve`)).statusCode, 204);
      const mine = (await volunteer('GET', '/api/teams')).json();
      assert.deepEqual(
        mine.map((x: any) => x.myStatus),
        ['active', 'active'],
      );
      // Someone without a volunteer record of their own has nobody to join with.
      const none = await staff('POST', `/api/teams/${squad}/join`);
      assert.equal(none.statusCode, 404);
      assert.equal(none.json().error.details.entity, 'volunteer');
      assert.equal((await volunteer('POST', `/api/teams/${t.b.id}/join`)).statusCode, 404);
    });

    it('adds, renames and removes teams', async () => {
      const res = await staff('POST', '/api/teams', { name: '银发组', kind: 'silver' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await staff('POST', '/api/teams', { name: '银发组', kind: 'silver' })).statusCode, 409);
      assert.equal(
        (await staff('POST', '/api/teams', { name: '一中志愿队', kind: 'unit_team', unitId: t.a.grids[0] })).statusCode,
        400,
      );
      assert.equal(
        (await staff('POST', '/api/teams', { name: '一中志愿队', kind: 'unit_team', unitId: school })).statusCode,
        201,
      );
      assert.equal(
        (await staff('PATCH', `/api/teams/${res.json().id}`, { description: '银发志愿者' })).statusCode,
        204,
      );
      assert.equal((await staff('DELETE', `/api/teams/${res.json().id}`)).statusCode, 204);
      assert.equal((await staff('GET', `/api/teams/${res.json().id}`)).statusCode, 404);
    });

    it('records party members by grid and shows a grid leader only their grid', async () => {
      const [g1, g2] = t.a.grids;
      const p1 = await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: '党员甲' });
      const p2 = await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: '党员乙' });
      const p3 = await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: '党员丙' });
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
      assert.equal(
        (
          await staff('PUT', `/api/volunteers/${p3}/party-member`, {
            kind: 'floating',
            partyOrg: '外地党支部',
            gridId: t.b.grids[0],
          })
        ).statusCode,
        400,
      );
      assert.equal(
        (await staff('PUT', `/api/volunteers/${p3}/party-member`, { kind: 'retired', partyOrg: 'x' })).statusCode,
        400,
      );

      const all = (await staff('GET', '/api/party-members')).json();
      assert.equal(all.total, 3);
      assert.equal(all.items.find((m: any) => m.name === '党员甲').isPublicServant, true);
      assert.deepEqual(
        (await staff('GET', '/api/party-members?kind=floating')).json().items.map((m: any) => m.name),
        ['党员丙'],
      );
      assert.deepEqual(
        (await staff('GET', `/api/party-members?gridId=${g2}`)).json().items.map((m: any) => m.name),
        ['党员乙'],
      );

      const mine = await gridLeader('GET', '/api/party-members');
      assert.equal(mine.statusCode, 200);
      assert.deepEqual(
        mine
          .json()
          .items.map((m: any) => m.name)
          .sort(),
        ['党员丙', '党员甲'].sort(),
      );
      assert.deepEqual((await gridLeader('GET', `/api/party-members?gridId=${g2}`)).json().items, []);
      assert.equal(
        (await gridLeader('PUT', `/api/volunteers/${p2}/party-member`, { kind: 'resident', partyOrg: 'x', gridId: g1 }))
          .statusCode,
        403,
      );
      assert.equal((await volunteer('GET', '/api/party-members')).statusCode, 403);
    });

    it('never overbooks a post under 10 concurrent claims', async () => {
      const db = t.db.handle.db;
      const post = await staff('POST', '/api/party-posts', {
        title: '环境整治',
        description: '每月最后三天',
        capacity: 3,
      });
      assert.equal(post.statusCode, 201, post.body);
      const open = await staff('POST', '/api/party-posts', { title: '政策宣传' });
      const members: string[] = [];
      for (let i = 0; i < 10; i++) {
        const id = await insertVolunteer(db, t.cipher, t.a.id, { name: `报到者${'一二三四五六七八九十'[i]}` });
        await addPartyMember(db, t.a.id, id, { gridId: t.a.grids[i % 2] });
        members.push(id);
      }
      const results = await Promise.all(
        members.map((volunteerId) =>
          staff('POST', '/api/party-reports', {
            volunteerId,
            reportedOn: '2026-11-20',
            unitPartyOrg: '宝鸡市第一中学党支部',
            postIds: [post.json().id, open.json().id],
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      assert.deepEqual(
        codes,
        [201, 201, 201, 409, 409, 409, 409, 409, 409, 409],
        results.map((r) => r.body).join('\n'),
      );
      const refusal = results.find((r) => r.statusCode === 409)!.json();
      assert.equal(refusal.error.details.fields[0].message, '岗位名额已满，请选择其他岗位');
      const claims = await db
        .selectFrom('party_report_post')
        .select('post_id')
        .where('community_id', '=', t.a.id)
        .where('post_id', '=', post.json().id)
        .execute();
      assert.equal(claims.length, 3);
      // A refused report left nothing behind: three reports only, each with both posts.
      const reports = (await staff('GET', '/api/party-reports?pageSize=50')).json();
      assert.equal(reports.total, 3);
      assert.ok(reports.items.every((r: any) => r.posts.length === 2));
      assert.deepEqual(
        reports.posts.map((p: any) => [p.title, p.capacity, p.claimed]),
        [
          ['环境整治', 3, 3],
          ['政策宣传', null, 3],
        ],
      );
      assert.equal((await staff('PATCH', `/api/party-posts/${post.json().id}`, { capacity: 2 })).statusCode, 409);
      assert.equal((await staff('DELETE', `/api/party-posts/${post.json().id}`)).statusCode, 409);
      // The grid leader sees the reports of their grid's members only.
      const gl = (await gridLeader('GET', '/api/party-reports')).json();
      const grid1 = new Set(members.filter((_, i) => i % 2 === 0));
      assert.ok(gl.items.every((r: any) => grid1.has(r.volunteerId)));
      assert.equal(gl.total, reports.items.filter((r: any) => grid1.has(r.volunteerId)).length);
    });

    it('lets a party member report themself, and nobody else', async () => {
      const post = (await staff('POST', '/api/party-posts', { title: '法律咨询', capacity: 5 })).json().id;
      const body = { reportedOn: '2026-11-21', unitPartyOrg: '金台区法院党支部', postIds: [post] };
      const notYet = await volunteer('POST', '/api/party-reports', { ...body, volunteerId: v.me });
      assert.equal(notYet.statusCode, 400);
      assert.equal(notYet.json().error.details.fields[0].field, 'volunteerId');
      await addPartyMember(t.db.handle.db, t.a.id, v.me, { gridId: t.a.grids[0] });
      const ok = await volunteer('POST', '/api/party-reports', { ...body, volunteerId: v.me });
      assert.equal(ok.statusCode, 201, ok.body);
      const other = await volunteer('POST', '/api/party-reports', { ...body, volunteerId: v.member });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'out_of_scope');
      assert.equal(
        (await volunteer('POST', '/api/party-reports', { ...body, volunteerId: v.me, postIds: [t.a.grids[0]] }))
          .statusCode,
        400,
      );
      const mine = (await staff('GET', `/api/party-reports?volunteerId=${v.me}`)).json();
      assert.equal(mine.total, 1);
      assert.deepEqual(
        mine.items[0].posts.map((p: any) => p.title),
        ['法律咨询'],
      );
      const listed = (await staff('GET', '/api/party-members')).json().items.find((m: any) => m.volunteerId === v.me);
      assert.equal(listed.reports, 1);
      assert.equal(listed.lastReportedOn, '2026-11-21');
    });
  });
}
