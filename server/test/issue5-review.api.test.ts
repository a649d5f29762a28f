// Review of issue 5 on both databases: defects found in review, each pinned by a test that failed before its fix.
// - star-level notices: residents and volunteers see the public notice (open, awarded), never why one was
//   withdrawn (an upheld objection about a named volunteer) nor that one lapsed;
// - answering an objection twice says so in words (no raw message key), in Chinese and English;
// - an old objection stays answerable however many newer ones there are;
// - the love supermarket's item list honours activeOnly=false;
// - two staff verifying crossing batches at once (PostgreSQL) both succeed: no deadlock, totals still exact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signIn, startTestApp, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`issue 5 review on ${kind}`, () => {
    let t: TestContext;
    let admin: ReturnType<typeof as>,
      staff: ReturnType<typeof as>,
      me: ReturnType<typeof as>,
      leader: ReturnType<typeof as>,
      resident: ReturnType<typeof as>;
    let myId: string;
    const today = todayInShanghai();

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      admin = as(t.app, await signIn(t.app, t.a.phones.community_admin));
      staff = as(t.app, await signIn(t.app, t.a.phones.staff));
      me = as(t.app, await signIn(t.app, t.a.phones.volunteer));
      resident = as(t.app, await signIn(t.app, t.a.phones.resident));
      myId = await insertVolunteer(db, t.cipher, t.a.id, {
        name: '刘红梅',
        accountId: await accountIdOf(db, t.a.phones.volunteer),
      });
      const team = await insertTeam(db, t.a.id, '邻里互助服务队');
      await addTeamMember(db, t.a.id, team, myId);
      await setMembershipScope(db, t.a.id, t.a.phones.team_leader, { teamId: team });
      leader = as(t.app, await signIn(t.app, t.a.phones.team_leader));
    });
    after(async () => {
      await t.close();
    });

    it('shows residents and volunteers the running and awarded notices only, never a withdrawal reason', async () => {
      const db = t.db.handle.db;
      const reason = '群众反映部分时长为代签，经核实属实';
      const notice = async (name: string, status: string, withdrawReason: string | null) => {
        const volunteerId = await insertVolunteer(db, t.cipher, t.a.id, { name });
        await db
          .insertInto('star_notice')
          .values({
            community_id: t.a.id,
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
        ['resident', resident],
        ['volunteer', me],
        ['team leader', leader],
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
      const staffAll = (await staff('GET', '/api/recognition/notices')).json();
      assert.equal(staffAll.total, 4);
      assert.equal(
        (await admin('GET', '/api/recognition/notices?status=withdrawn')).json().items[0].withdrawReason,
        reason,
      );
    });

    it('answering an objection twice is refused in words, in Chinese and English, and changes nothing', async () => {
      const d = await me('POST', '/api/hours/mine/disputes', { serviceDate: today, reason: '重阳节活动漏记了' });
      assert.equal(d.statusCode, 201, d.body);
      const id = d.json().id;
      assert.equal(
        (await staff('POST', `/api/hours/disputes/${id}/resolve`, { resolution: '已补录' })).statusCode,
        204,
      );
      const zh = await staff('POST', `/api/hours/disputes/${id}/resolve`, { resolution: '再答复' });
      assert.equal(zh.statusCode, 409);
      assert.equal(zh.json().error.code, 'dispute_resolved');
      assert.equal(zh.json().error.message, '这条异议已经答复过了');
      const en = await staff(
        'POST',
        `/api/hours/disputes/${id}/resolve`,
        { resolution: 'again' },
        { 'accept-language': 'en' },
      );
      assert.equal(en.json().error.message, 'This objection has already been answered');
      const mine = (await me('GET', '/api/hours/mine/disputes')).json().find((x: any) => x.id === id);
      assert.equal(mine.resolution, '已补录', 'the first answer stands');
    });

    it('an old objection can still be answered when more than 500 newer ones exist', async () => {
      const db = t.db.handle.db;
      const old = await me('POST', '/api/hours/mine/disputes', {
        serviceDate: addDays(today, -30),
        reason: '最早的一条',
      });
      assert.equal(old.statusCode, 201, old.body);
      const later = new Date(Date.now() + 60_000);
      const rows = Array.from({ length: 510 }, (_, i) => ({
        community_id: t.a.id,
        id: uuidv7(),
        volunteer_id: myId,
        entry_id: null,
        service_date: today,
        reason: `第${i}条`,
        status: 'open',
        created_at: new Date(later.getTime() + i * 1000).toISOString(),
        resolved_by: null,
        resolved_by_name: null,
        resolved_at: null,
        resolution: null,
      }));
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto('hours_dispute')
          .values(rows.slice(i, i + 100))
          .execute();
      const r = await staff('POST', `/api/hours/disputes/${old.json().id}/resolve`, { resolution: '已核实' });
      assert.equal(r.statusCode, 204, r.body);
      const row = await db
        .selectFrom('hours_dispute')
        .select(['status', 'resolution'])
        .where('id', '=', old.json().id)
        .executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { status: 'resolved', resolution: '已核实' });
    });

    it('two staff verifying crossing batches at once both succeed, and the totals equal the entries', async () => {
      const db = t.db.handle.db;
      const a = await insertVolunteer(db, t.cipher, t.a.id, { name: '甲志愿者' });
      const b = await insertVolunteer(db, t.cipher, t.a.id, { name: '乙志愿者' });
      const record = async (volunteerId: string, daysAgo: number) =>
        (
          await db.transaction().execute((trx) =>
            t.app.services.hours.recordService(trx, {
              communityId: t.a.id,
              volunteerId,
              source: 'activity',
              sourceId: uuidv7(),
              serviceDate: addDays(today, -daysAgo),
              minutes: 60,
              description: '社区清扫',
            }),
          )
        ).id;
      const rounds = 10;
      for (let i = 0; i < rounds; i++) {
        const [a1, b1, a2, b2] = [
          await record(a, 1 + i),
          await record(b, 1 + i),
          await record(a, 20 + i),
          await record(b, 20 + i),
        ];
        // The same two volunteers in opposite orders: A then B, B then A.
        const [x, y] = await Promise.all([
          staff('POST', '/api/hours/verify', { ids: [a1, b1] }),
          staff('POST', '/api/hours/verify', { ids: [b2, a2] }),
        ]);
        assert.equal(x.statusCode, 200, x.body);
        assert.equal(y.statusCode, 200, y.body);
        assert.deepEqual(x.json(), { verified: [a1, b1], skipped: [] }, 'reported in the order asked');
        assert.deepEqual(y.json(), { verified: [b2, a2], skipped: [] });
      }
      for (const v of [a, b]) {
        const total = await db
          .selectFrom('hours_total')
          .selectAll()
          .where('community_id', '=', t.a.id)
          .where('volunteer_id', '=', v)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          { credit: Number(total.credit_minutes), pending: Number(total.pending_minutes) },
          { credit: rounds * 2 * 60, pending: 0 },
        );
      }
      const pts = (await staff('GET', `/api/points/volunteers/${a}`)).json();
      assert.equal(pts.earned, rounds * 2 * pts.rule.pointsPerHour, 'points earned once per verified hour');
    });

    it('lists items taken off the shelf when activeOnly=false, and only those on it when true', async () => {
      const on = await staff('POST', '/api/points/items', { name: '洗衣液', pricePoints: 20, stock: 3 });
      const off = await staff('POST', '/api/points/items', { name: '旧毛巾', pricePoints: 5, stock: 1, active: false });
      assert.equal(on.statusCode, 201, on.body);
      assert.equal(off.statusCode, 201, off.body);
      const all = (await staff('GET', '/api/points/items?activeOnly=false')).json().map((i: any) => i.name);
      assert.ok(all.includes('旧毛巾') && all.includes('洗衣液'), JSON.stringify(all));
      const active = (await staff('GET', '/api/points/items?activeOnly=true')).json().map((i: any) => i.name);
      assert.ok(active.includes('洗衣液') && !active.includes('旧毛巾'), JSON.stringify(active));
      const bad = await staff('GET', '/api/points/items?activeOnly=maybe');
      assert.equal(bad.statusCode, 400);
    });
  });
}
