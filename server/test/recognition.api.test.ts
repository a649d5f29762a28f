// Recognition on both databases: star-level notices opened by the daily job, awarded after the notice days or
// withdrawn; the quarterly ranking explained; nominations in team scope; approval by the admin only; the
// published list naming only consenting volunteers (and nothing but names, teams and hours); the poster;
// the health-check list and its Excel; party members' indicators equal to the ledger's sums, and their Excel;
// residents and volunteers reading only the running and awarded notices, never why one was withdrawn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  as,
  signInAs,
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  recordService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed } from './factories.ts';
import {
  addPartyMember,
  addTeamMember,
  insertTeam,
  insertUnit,
  insertVolunteer,
  setMembershipScope,
} from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { quarterOf, quarterRange } from '../../domain/recognition/quarters.ts';
import { RecognitionService } from '../src/modules/recognition/recognition.service.ts';

const today = todayInShanghai();
const quarter = quarterOf(today);
const prevQuarter = quarterOf(addDays(quarterRange(quarter).from, -1));
const nextQuarter = quarterOf(addDays(quarterRange(quarter).to, 1));

for (const kind of testDatabaseKinds()) {
  describe(`recognition on ${kind}`, () => {
    let t: TestContext;
    let rec: RecognitionService;
    let admin: Client, staff: Client, leader: Client, me: Client, resident: Client;
    const anon = () => as(t.app, null);
    let hong: string, jian: string, fang: string, idle: string, teamOne: string, school: string;

    /** Records service for a volunteer as the ledger's users do, and verifies it as staff. Returns the entry ids. */
    async function serve(
      volunteerId: string,
      minutes: number[],
      opts: { verify?: boolean; date?: string } = {},
    ): Promise<string[]> {
      const ids: string[] = [];
      for (const m of minutes) {
        ids.push(
          await recordService(t, { volunteerId, minutes: m, date: opts.date ?? today, description: '社区清扫' }),
        );
      }
      if (opts.verify !== false) {
        const v = await staff('POST', '/api/hours/verify', { ids });
        assert.equal(v.statusCode, 200, v.body);
      }
      return ids;
    }

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      rec = new RecognitionService(db, t.app.services.audit, t.app.services.hours, t.app.services.directory);
      school = await insertUnit(db, t.a.id, '宝鸡市第一中学');
      hong = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
        phone: '13611112222',
        unitId: school,
      });
      jian = await insertVolunteer(db, t.cipher, t.a.id, { name: '张建华', unitId: school });
      fang = await insertVolunteer(db, t.cipher, t.a.id, { name: '王芳' });
      idle = await insertVolunteer(db, t.cipher, t.a.id, { name: '闲置' });
      teamOne = await insertTeam(db, t.a.id, '邻里互助服务队');
      const teamTwo = await insertTeam(db, t.a.id, '秦腔艺术团', 'culture');
      await addTeamMember(db, t.a.id, teamOne, hong);
      await addTeamMember(db, t.a.id, teamOne, jian);
      await addTeamMember(db, t.a.id, teamTwo, fang);
      await setMembershipScope(db, t.a.id, t.a.phones.team_leader, { teamId: teamOne });
      [admin, staff, leader, me, resident] = await signInAll(t, [
        'community_admin',
        'staff',
        'team_leader',
        'volunteer',
        'resident',
      ]);
    });
    after(async () => {
      await t.close();
    });

    it('opens a notice when verified hours reach a level, shows it to anyone signed in, awards in 7 days', async () => {
      // 105 h, not yet verified
      const pending = await serve(hong, [900, 900, 900, 900, 900, 900, 900], { verify: false });
      assert.deepEqual(
        await rec.scan(t.a.id, today),
        { awarded: 0, lapsed: 0, opened: 0 },
        'pending hours do not count',
      );
      assert.equal((await staff('POST', '/api/hours/verify', { ids: pending })).statusCode, 200);
      assert.deepEqual(await rec.scan(t.a.id, today), { awarded: 0, lapsed: 0, opened: 1 });
      assert.equal((await rec.scan(t.a.id, today)).opened, 0, 'one open notice per volunteer');

      const list = await resident('GET', '/api/recognition/notices?status=open');
      assert.equal(list.statusCode, 200, list.body);
      const [n] = list.json().items;
      assert.deepEqual(
        { name: n.name, teams: n.teams, level: n.level, hours: n.hours, opensOn: n.opensOn, endsOn: n.endsOn },
        { name: '刘红梅', teams: '邻里互助服务队', level: 1, hours: 105, opensOn: today, endsOn: addDays(today, 7) },
      );
      assert.equal((await anon()('GET', '/api/recognition/notices')).statusCode, 401);

      const mine = (await me('GET', '/api/recognition/my')).json();
      assert.deepEqual(
        { awarded: mine.awardedLevel, reached: mine.reachedLevel, notice: mine.notice },
        { awarded: 0, reached: 1, notice: { level: 1, endsOn: addDays(today, 7) } },
      );

      assert.equal((await rec.scan(t.a.id, addDays(today, 6))).awarded, 0, 'not before the notice ends');
      assert.equal((await rec.scan(t.a.id, addDays(today, 7))).awarded, 1);
      const after7 = (await me('GET', '/api/recognition/my')).json();
      assert.deepEqual(
        { awarded: after7.awardedLevel, on: after7.awardedOn, notice: after7.notice },
        { awarded: 1, on: addDays(today, 7), notice: null },
      );
      assert.equal((await rec.scan(t.a.id, addDays(today, 8))).opened, 0, 'an awarded level is not noticed again');
      const staffView = (await staff('GET', `/api/recognition/volunteers/${hong}/star`)).json();
      assert.equal(staffView.awardedLevel, 1);
    });

    it('a withdrawn notice awards nothing and is not reopened until the hours move', async () => {
      await serve(jian, [900, 900, 900, 900, 900, 900, 900]);
      assert.equal((await rec.scan(t.a.id, today)).opened, 1);
      const n = (await staff('GET', '/api/recognition/notices?status=open'))
        .json()
        .items.find((x: any) => x.volunteerId === jian);
      const empty = await staff('POST', `/api/recognition/notices/${n.id}/withdraw`, { reason: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.details.fields[0].field, 'reason');
      assert.equal(
        (await leader('POST', `/api/recognition/notices/${n.id}/withdraw`, { reason: '异议' })).json().error.code,
        'out_of_scope',
      );
      assert.equal(
        (await resident('POST', `/api/recognition/notices/${n.id}/withdraw`, { reason: '异议' })).statusCode,
        403,
      );
      assert.equal(
        (await staff('GET', '/api/recognition/notices?status=open'))
          .json()
          .items.filter((x: any) => x.volunteerId === jian).length,
        1,
        'refusals changed nothing',
      );

      const ok = await staff('POST', `/api/recognition/notices/${n.id}/withdraw`, {
        reason: '群众反映部分时长为代签，经核实属实',
      });
      assert.equal(ok.statusCode, 204, ok.body);
      const again = await staff('POST', `/api/recognition/notices/${n.id}/withdraw`, { reason: '再次' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'notice_closed');
      assert.equal(
        (await staff('POST', `/api/recognition/notices/${uuidv7()}/withdraw`, { reason: 'x' })).statusCode,
        404,
      );

      const later = await rec.scan(t.a.id, addDays(today, 10));
      assert.deepEqual([later.awarded, later.opened], [0, 0]);
      const star = (await staff('GET', `/api/recognition/volunteers/${jian}/star`)).json();
      assert.deepEqual([star.awardedLevel, star.notice], [0, null]);
      const withdrawn = (await staff('GET', '/api/recognition/notices?status=withdrawn')).json().items;
      assert.equal(withdrawn[0].withdrawReason, '群众反映部分时长为代签，经核实属实');
      // The upheld objection is about a named volunteer: residents see the public notice, not this.
      assert.deepEqual((await resident('GET', '/api/recognition/notices?status=withdrawn')).json().items, []);
    });

    it('the notice length is configurable by the admin, within 1–30 days', async () => {
      for (const bad of [0, 31, 2.5, '7']) {
        const r = await admin('PUT', '/api/recognition/settings', { noticeDays: bad });
        assert.equal(r.statusCode, 400, String(bad));
      }
      assert.equal((await staff('PUT', '/api/recognition/settings', { noticeDays: 3 })).statusCode, 403);
      assert.equal((await admin('GET', '/api/recognition/settings')).json().noticeDays, 7);
      assert.equal((await admin('PUT', '/api/recognition/settings', { noticeDays: 3 })).statusCode, 204);
      const other = await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: '赵三天' });
      await serve(other, [900, 900, 900, 900, 900, 900, 900]);
      const scan = await staff('POST', '/api/recognition/notices/scan');
      assert.equal(scan.statusCode, 200, scan.body);
      assert.equal(scan.json().opened, 1);
      const n = (await staff('GET', '/api/recognition/notices?status=open'))
        .json()
        .items.find((x: any) => x.volunteerId === other);
      assert.equal(n.endsOn, addDays(today, 3));
      assert.equal((await leader('POST', '/api/recognition/notices/scan')).json().error.code, 'out_of_scope');
      await admin('PUT', '/api/recognition/settings', { noticeDays: 7 });
    });

    it('ranks the quarter by the rules and explains each score', async () => {
      await serve(fang, [600, 30]); // 10.5 h
      // A resident rated a need 王芳 met.
      const db = t.db.handle.db;
      const now = new Date().toISOString();
      await insertNeed(db, t.a, '李泽钦', 0, {
        channel: 'hotline',
        category: 'chores',
        description: '帮忙买菜',
        status: 'reviewed',
        volunteer_id: fang,
        rating: 5,
        rating_comment: '很好',
        matched_at: now,
        done_at: now,
        closed_at: now,
      });
      const res = await admin('GET', `/api/recognition/quarters/${quarter}/ranking`);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as any[];
      const byName = new Map(items.map((i) => [i.name, i]));
      assert.ok(!byName.has('闲置'), 'no service, not ranked');
      const f = byName.get('王芳');
      assert.equal(f.score, 20);
      assert.equal(f.explanation, '服务 10.5 小时 +10，居民评价 5 分 +10');
      assert.deepEqual(
        items.map((i) => i.rank),
        items.map((_, i) => i + 1),
      );
      for (const i of items)
        assert.equal(
          i.parts.reduce((s: number, p: any) => s + p.points, 0),
          i.score,
        );
      const en = await admin('GET', `/api/recognition/quarters/${quarter}/ranking`, undefined, {
        'accept-language': 'en',
      });
      assert.match(
        en.json().items.find((i: any) => i.name === '王芳').explanation,
        /10\.5 hours served \+10, residents' rating 5 \+10/,
      );
      // A team leader sees the team's members only.
      const mine = (await leader('GET', `/api/recognition/quarters/${quarter}/ranking`))
        .json()
        .items.map((i: any) => i.name)
        .sort();
      assert.deepEqual(mine, ['刘红梅', '张建华']);
      assert.equal((await admin('GET', '/api/recognition/quarters/2026Q5/ranking')).statusCode, 400);
      assert.equal((await me('GET', `/api/recognition/quarters/${quarter}/ranking`)).statusCode, 403);
    });

    it('team leaders nominate members of their team only, with a reason; bad nominations change nothing', async () => {
      const count = async () =>
        (await admin('GET', `/api/recognition/quarters/${quarter}/nominations`)).json().items.length;
      const bad = async (who: Client, body: Record<string, unknown>, status: number, code?: string) => {
        const before = await count();
        const r = await who('POST', '/api/recognition/nominations', body);
        assert.equal(r.statusCode, status, `${JSON.stringify(body)} → ${r.body}`);
        if (code) assert.equal(r.json().error.code, code);
        assert.equal(await count(), before, 'nothing written');
        return r.json().error;
      };
      const reason = '常年坚持社区清扫，带动邻里参与';
      await bad(leader, { quarter, volunteerId: fang, reason }, 403, 'out_of_scope');
      assert.equal(
        (await bad(leader, { quarter, volunteerId: hong, reason: ' ' }, 400)).details.fields[0].field,
        'reason',
      );
      assert.match(
        (await bad(leader, { quarter: '2026Q5', volunteerId: hong, reason }, 400)).details.fields[0].message,
        /季度格式/,
      );
      assert.match(
        (await bad(leader, { quarter: nextQuarter, volunteerId: hong, reason }, 400)).details.fields[0].message,
        /还没有开始/,
      );
      assert.match(
        (await bad(staff, { quarter, volunteerId: idle, reason }, 400)).details.fields[0].message,
        /没有审核通过的服务时长/,
      );
      await bad(staff, { quarter, volunteerId: uuidv7(), reason }, 404);
      await bad(me, { quarter, volunteerId: hong, reason }, 403, 'forbidden');

      const ok = await leader('POST', '/api/recognition/nominations', { quarter, volunteerId: hong, reason });
      assert.equal(ok.statusCode, 201, ok.body);
      await bad(staff, { quarter, volunteerId: hong, reason: '重复' }, 409, 'already_nominated');
      assert.equal(
        (await leader('POST', '/api/recognition/nominations', { quarter, volunteerId: jian, reason: '热心' }))
          .statusCode,
        201,
      );
      assert.equal(
        (await staff('POST', '/api/recognition/nominations', { quarter, volunteerId: fang, reason: '居民评价高' }))
          .statusCode,
        201,
      );
      const list = (await leader('GET', `/api/recognition/quarters/${quarter}/nominations`)).json();
      assert.deepEqual(
        list.items.map((i: any) => i.name).sort(),
        ['刘红梅', '张建华'],
        'the leader sees the team only',
      );
      const h = list.items.find((i: any) => i.name === '刘红梅');
      assert.equal(h.reason, reason);
      assert.match(h.explanation, /^服务 \d+(\.\d)? 小时 \+\d+/);
      assert.equal(h.status, 'nominated');
    });

    it('only the community admin approves; a decision is made once', async () => {
      const items = (await admin('GET', `/api/recognition/quarters/${quarter}/nominations`)).json().items as any[];
      const id = (name: string) => items.find((i) => i.name === name).id;
      for (const who of [staff, leader, me])
        assert.equal(
          (await who('POST', `/api/recognition/nominations/${id('刘红梅')}/decide`, { approve: true })).statusCode,
          403,
        );
      assert.equal(
        (await admin('POST', `/api/recognition/nominations/${id('刘红梅')}/decide`, { approve: 'yes' })).statusCode,
        400,
      );
      assert.equal(
        (await admin('POST', `/api/recognition/nominations/${id('刘红梅')}/decide`, { approve: true })).statusCode,
        204,
      );
      assert.equal(
        (await admin('POST', `/api/recognition/nominations/${id('王芳')}/decide`, { approve: true })).statusCode,
        204,
      );
      assert.equal(
        (
          await admin('POST', `/api/recognition/nominations/${id('张建华')}/decide`, {
            approve: false,
            note: '本季度时长存疑',
          })
        ).statusCode,
        204,
      );
      const twice = await admin('POST', `/api/recognition/nominations/${id('张建华')}/decide`, { approve: true });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, 'already_decided');
      const after = (await admin('GET', `/api/recognition/quarters/${quarter}/nominations`)).json().items as any[];
      assert.deepEqual(after.map((i) => [i.name, i.status]).sort(), [
        ['刘红梅', 'approved'],
        ['张建华', 'rejected'],
        ['王芳', 'approved'],
      ]);
    });

    it('publishes only consenting volunteers, with names, teams and hours only', async () => {
      const nothing = await admin('POST', `/api/recognition/quarters/${prevQuarter}/publish`);
      assert.equal(nothing.statusCode, 409);
      assert.equal(nothing.json().error.code, 'nothing_to_publish');
      assert.equal((await staff('POST', `/api/recognition/quarters/${quarter}/publish`)).statusCode, 403);
      const url = `/api/public/recognition/${t.a.id}/${quarter}`;
      assert.equal((await anon()('GET', url)).statusCode, 404, 'not published yet');

      const pub = await admin('POST', `/api/recognition/quarters/${quarter}/publish`);
      assert.equal(pub.statusCode, 200, pub.body);
      assert.deepEqual(pub.json(), { named: 0, approved: 2 });
      assert.deepEqual((await anon()('GET', url)).json().items, [], 'consent defaults to off');

      assert.equal((await me('PUT', '/api/recognition/my/consent', { publish: 'yes' })).statusCode, 400);
      assert.equal((await me('PUT', '/api/recognition/my/consent', { publish: true })).statusCode, 204);
      assert.equal((await me('GET', '/api/recognition/my')).json().consent.publish, true);
      // 张建华 consents but was not approved: never named.
      assert.equal(
        (await staff('PUT', `/api/recognition/volunteers/${jian}/consent`, { publish: true })).statusCode,
        204,
      );
      let list = (await anon()('GET', url)).json();
      assert.deepEqual(
        list.items.map((i: any) => i.name),
        ['刘红梅'],
      );
      // Paper consent recorded by staff; a team leader cannot for someone outside the team.
      assert.equal(
        (await leader('PUT', `/api/recognition/volunteers/${fang}/consent`, { publish: true })).json().error.code,
        'out_of_scope',
      );
      assert.equal(
        (await staff('PUT', `/api/recognition/volunteers/${fang}/consent`, { publish: true })).statusCode,
        204,
      );
      const res = await anon()('GET', url);
      list = res.json();
      assert.deepEqual(list.items.map((i: any) => i.name).sort(), ['刘红梅', '王芳']);
      for (const i of list.items) assert.deepEqual(Object.keys(i).sort(), ['hours', 'name', 'teams']);
      assert.equal(list.items.find((i: any) => i.name === '王芳').teams, '秦腔艺术团');
      for (const secret of ['13611112222', '610302', '宝福路', '号楼', 'volunteerId'])
        assert.ok(!res.body.includes(secret), `the page shows ${secret}`);
      assert.equal(list.community, '西关社区');

      // Withdrawing consent removes the name at once.
      await me('PUT', '/api/recognition/my/consent', { publish: false });
      assert.deepEqual(
        (await anon()('GET', url)).json().items.map((i: any) => i.name),
        ['王芳'],
      );
      await me('PUT', '/api/recognition/my/consent', { publish: true });

      assert.equal((await anon()('GET', `/api/public/recognition/${uuidv7()}/${quarter}`)).statusCode, 404);
      assert.equal((await anon()('GET', `/api/public/recognition/${t.a.id}/${prevQuarter}`)).statusCode, 404);
      assert.equal((await anon()('GET', `/api/public/recognition/not-an-id/${quarter}`)).statusCode, 400);
      assert.equal(
        (await anon()('GET', `/api/public/recognition/${t.b.id}/${quarter}`)).statusCode,
        404,
        'another community published nothing',
      );
      assert.deepEqual(
        (await anon()('GET', `/api/public/recognition/${t.a.id}`)).json().quarters.map((q: any) => q.quarter),
        [quarter],
      );

      const poster = await anon()('GET', `${url}/poster.pdf`);
      assert.equal(poster.statusCode, 200);
      assert.equal(poster.headers['content-type'], 'application/pdf');
      assert.equal(poster.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    it("lists the year's commended volunteers for the health check, and exports them", async () => {
      const year = Number(quarter.slice(0, 4));
      const res = await staff('GET', `/api/recognition/health-check?year=${year}`);
      assert.equal(res.statusCode, 200, res.body);
      const rows = res.json().items as any[];
      assert.deepEqual(rows.map((r) => r.name).sort(), ['刘红梅', '王芳']);
      assert.deepEqual(rows.find((r) => r.name === '刘红梅').quarters, [quarter]);
      assert.equal((await staff('GET', '/api/recognition/health-check?year=1999')).statusCode, 400);
      assert.equal((await staff('GET', '/api/recognition/health-check?year=abc')).statusCode, 400);
      assert.equal((await staff('GET', `/api/recognition/health-check?year=${year - 1}`)).json().items.length, 0);
      assert.equal(
        (await leader('GET', `/api/recognition/health-check?year=${year}`)).json().error.code,
        'out_of_scope',
      );

      const x = await staff('GET', `/api/recognition/health-check/export?year=${year}`);
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.rowCount, 3);
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
        '姓名',
        '性别',
        '年龄',
        '手机号',
        '服务队',
        '受表彰季度',
      ]);
      const names = [ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value].sort();
      assert.deepEqual(names, ['刘红梅', '王芳']);
      const hongRow = [2, 3].map((i) => ws.getRow(i)).find((r) => r.getCell(1).value === '刘红梅')!;
      assert.equal(hongRow.getCell(4).value, '13611112222');
    });

    it("party members' indicators equal the sums of verified ledger entries, per member, branch and unit", async () => {
      const db = t.db.handle.db;
      await addPartyMember(db, t.a.id, hong, { partyOrg: '宝鸡市第一中学党支部' });
      await addPartyMember(db, t.a.id, jian, { partyOrg: '西关社区第一党支部' });
      await addPartyMember(db, t.a.id, fang, { partyOrg: '西关社区第一党支部' });
      // A correction and a pending entry: the corrected minutes count, the pending do not.
      const [c] = await serve(hong, [120]);
      assert.equal(
        (await staff('POST', `/api/hours/entries/${c}/correct`, { minutes: 90, reason: '提前离开' })).statusCode,
        201,
      );
      await serve(hong, [45], { verify: false });
      const post = (await admin('POST', '/api/party-posts', { title: '楼道清扫岗', capacity: 10 })).json().id;
      assert.equal(
        (
          await admin('POST', '/api/party-reports', {
            volunteerId: hong,
            reportedOn: today,
            unitPartyOrg: '宝鸡市第一中学党委',
            postIds: [post],
          })
        ).statusCode,
        201,
      );

      const { from, to } = quarterRange(quarter);
      const res = await staff('GET', `/api/party-indicators?from=${from}&to=${to}&view=member`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const rows = new Map((body.items as any[]).map((r) => [r.name, r]));
      // Expected from the ledger itself: verified, uncorrected credit entries in the period.
      const expected = async (id: string) => {
        const entries = (await staff('GET', `/api/hours/volunteers/${id}?pageSize=200`)).json().entries.items as any[];
        const counting = entries.filter(
          (e) =>
            e.status === 'verified' &&
            !e.correctedBy &&
            e.kind === 'credit' &&
            e.minutes > 0 &&
            e.serviceDate >= from &&
            e.serviceDate <= to,
        );
        return {
          hours: Math.round((counting.reduce((s, e) => s + e.minutes, 0) / 60) * 100) / 100,
          services: counting.length,
        };
      };
      for (const [name, id] of [
        ['刘红梅', hong],
        ['张建华', jian],
        ['王芳', fang],
      ] as const) {
        const r = rows.get(name);
        assert.deepEqual({ hours: r.hours, services: r.services }, await expected(id), name);
      }
      assert.equal(rows.get('刘红梅').hours, 106.5); // 105 + 1.5 after the correction; the pending 45 minutes do not count
      assert.equal(rows.get('刘红梅').postsClaimed, 1);
      assert.equal(rows.get('刘红梅').unit, '宝鸡市第一中学');
      // Points come from the points ledger: the volunteer's earn and reverse postings for service dates in the period.
      assert.equal(body.pointsKnown, true);
      const txns = new Set(
        (
          await db
            .selectFrom('points_txn')
            .select(['id'])
            .where('community_id', '=', t.a.id)
            .where('volunteer_id', '=', hong)
            .where('kind', 'in', ['earn', 'reverse'])
            .where('service_date', '>=', from)
            .where('service_date', '<=', to)
            .execute()
        ).map((x) => x.id),
      );
      const postings = await db
        .selectFrom('points_posting')
        .select(['txn_id', 'amount'])
        .where('community_id', '=', t.a.id)
        .where('account', '=', `volunteer:${hong}`)
        .execute();
      assert.equal(
        rows.get('刘红梅').points,
        postings.filter((x) => txns.has(x.txn_id)).reduce((s, x) => s + Number(x.amount), 0),
      );
      assert.ok(rows.get('刘红梅').points > 100);
      assert.equal(
        body.total.hours,
        Math.round((rows.get('刘红梅').hours + rows.get('张建华').hours + rows.get('王芳').hours) * 100) / 100,
      );

      const branches = (await staff('GET', `/api/party-indicators?from=${from}&to=${to}&view=branch`)).json()
        .items as any[];
      const first = branches.find((b) => b.name === '西关社区第一党支部');
      assert.equal(first.members, 2);
      assert.equal(first.hours, Math.round((rows.get('张建华').hours + rows.get('王芳').hours) * 100) / 100);
      assert.equal(first.services, rows.get('张建华').services + rows.get('王芳').services);
      const units = (await staff('GET', `/api/party-indicators?from=${from}&to=${to}&view=unit`)).json().items as any[];
      assert.deepEqual(units.map((u) => [u.name, u.members]).sort(), [
        ['', 1],
        ['宝鸡市第一中学', 2],
      ]);

      // A period before any service: all zero.
      const before = (await staff('GET', `/api/party-indicators?from=2020-01-01&to=2020-03-31`)).json();
      assert.equal(before.total.hours, 0);
      assert.equal(before.total.members, 3);
      for (const q of [
        'from=2026-02-30&to=2026-03-01',
        `from=${to}&to=${from}`,
        'from=2026-01-01',
        'from=2026-01-01&to=2026-02-01&view=team',
      ]) {
        assert.equal((await staff('GET', `/api/party-indicators?${q}`)).statusCode, 400, q);
      }
      assert.equal((await me('GET', `/api/party-indicators?from=${from}&to=${to}`)).statusCode, 403);

      const x = await staff('GET', `/api/party-indicators/export?from=${from}&to=${to}`);
      assert.equal(x.statusCode, 200, x.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('宝鸡市第一中学')!;
      assert.ok(ws, wb.worksheets.map((w) => w.name).join());
      assert.equal(ws.getCell(1, 1).value, '宝鸡市第一中学 在职党员社区志愿服务情况');
      assert.match(String(ws.getCell(2, 1).value), new RegExp(`${from} 至 ${to}`));
      const data = [4, 5].map((i) => ws.getRow(i));
      assert.deepEqual(data.map((r) => r.getCell(1).value).sort(), ['刘红梅', '张建华']);
      const h = data.find((r) => r.getCell(1).value === '刘红梅')!;
      assert.equal(h.getCell(3).value, 106.5);
      assert.equal(h.getCell(8).value, 1);
      assert.equal(ws.getRow(6).getCell(1).value, '合计（2 人）');
      assert.equal(
        ws.getRow(6).getCell(3).value,
        Math.round((rows.get('刘红梅').hours + rows.get('张建华').hours) * 100) / 100,
      );
      assert.equal(wb.worksheets.length, 2, 'one sheet per unit (and one for members without a unit)');
      const one = await staff('GET', `/api/party-indicators/export?from=${from}&to=${to}&unit=${school}`);
      const wb1 = new ExcelJS.Workbook();
      await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        wb1.worksheets.map((w) => w.name),
        ['宝鸡市第一中学'],
      );
    });

    it('shows residents and volunteers the running and awarded notices only, never a withdrawal reason', async () => {
      // In community b, where no other test opens notices, so the counts below are exact.
      const db = t.db.handle.db;
      const team = await insertTeam(db, t.b.id, '东关互助服务队');
      await setMembershipScope(db, t.b.id, t.b.phones.team_leader, { teamId: team });
      const [bResident, bMe, bLeader, bStaff, bAdmin] = [
        await signInAs(t, 'resident', 'b'),
        await signInAs(t, 'volunteer', 'b'),
        await signInAs(t, 'team_leader', 'b'),
        await signInAs(t, 'staff', 'b'),
        await signInAs(t, 'community_admin', 'b'),
      ];
      const reason = '群众反映部分时长为代签，经核实属实';
      const notice = async (name: string, status: string, withdrawReason: string | null) => {
        const volunteerId = await insertVolunteer(db, t.cipher, t.b.id, { name });
        await db
          .insertInto('star_notice')
          .values({
            community_id: t.b.id,
            id: uuidv7(),
            volunteer_id: volunteerId,
            level: 1,
            credit_minutes: 6300,
            teams: '',
            opens_on: addDays(today, -10),
            ends_on: addDays(today, -3),
            status,
            withdraw_reason: withdrawReason,
            decided_by: null,
            decided_by_name: status === 'open' ? null : '社工',
            decided_at: status === 'open' ? null : new Date().toISOString(),
            created_at: new Date().toISOString(),
          })
          .execute();
      };
      await notice('王芳', 'open', null);
      await notice('张建华', 'withdrawn', reason);
      await notice('李娟', 'lapsed', null);
      await notice('赵强', 'awarded', null);

      for (const [who, get] of [
        ['resident', bResident],
        ['volunteer', bMe],
        ['team leader', bLeader],
      ] as const) {
        const all = await get('GET', '/api/recognition/notices');
        assert.equal(all.statusCode, 200, all.body);
        assert.deepEqual(
          all
            .json()
            .items.map((n: any) => n.name)
            .sort(),
          ['王芳', '赵强'].sort(),
          `${who} sees the public notices only`,
        );
        assert.equal(all.json().total, 2);
        assert.ok(!all.body.includes(reason), `${who} never reads the withdrawal reason`);
        const withdrawn = await get('GET', '/api/recognition/notices?status=withdrawn');
        assert.equal(withdrawn.statusCode, 200);
        assert.deepEqual(withdrawn.json().items, [], `${who} asking for withdrawn notices gets none`);
        assert.equal((await get('GET', '/api/recognition/notices?status=lapsed')).json().total, 0);
        assert.equal((await get('GET', '/api/recognition/notices?status=open')).json().total, 1);
      }
      // Staff, who decide objections, still see everything with the reason.
      const staffAll = (await bStaff('GET', '/api/recognition/notices')).json();
      assert.equal(staffAll.total, 4);
      assert.equal(
        (await bAdmin('GET', '/api/recognition/notices?status=withdrawn')).json().items[0].withdrawReason,
        reason,
      );
    });
  });
}
