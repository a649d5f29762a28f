// The readers other modules give recognition, on both databases: activities' attendance in the quarterly
// ranking (confirmed sign-ups for shifts that ended, attended, no-shows; cancelled and waitlisted sign-ups and
// shifts still running do not count), and the points ledger's earned points in party members' indicators
// (equal to the volunteer account's earn and reverse postings for service dates in the period).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { signInAs, startTestApp, recordService, verifyService, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { addPartyMember, insertUnit, insertVolunteer } from './volunteer-factories.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';
import { quarterOf, quarterRange } from '../../domain/recognition/quarters.ts';
import { ActivitiesService } from '../src/modules/activities/activities.service.ts';

const today = todayInShanghai();
const quarter = quarterOf(today);
const prevQuarter = quarterOf(addDays(quarterRange(quarter).from, -1));

for (const kind of testDatabaseKinds()) {
  describe(`recognition readers on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client;
    const db = () => t.db.handle.db;

    /** A published activity (created for tomorrow, as staff do) with one shift of `places`. */
    const activity = async (title: string, places: number) => {
      const res = await staff('POST', '/api/activities', {
        title,
        place: '西关社区服务站',
        date: addDays(today, 1),
        shifts: [{ name: '服务组', start: '09:00', end: '11:00', places }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      return { id, shiftId: (await staff('GET', `/api/activities/${id}`)).json().shifts[0].id as string };
    };
    const signUp = async (id: string, shiftId: string, volunteerId: string) => {
      const r = await staff('POST', `/api/activities/${id}/signups`, { shiftId, volunteerIds: [volunteerId] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json()[0] as { id: string; status: string };
    };
    /** Moves the activity and its shift in time (the clock cannot be turned back for a sign-up). */
    const moveTo = async (id: string, shiftId: string, startIso: string, endIso: string) => {
      await db()
        .updateTable('activity_shift')
        .set({ starts_at: startIso, ends_at: endIso })
        .where('id', '=', shiftId)
        .execute();
      await db()
        .updateTable('activity')
        .set({ starts_at: startIso, ends_at: endIso, date: todayOf(startIso) })
        .where('id', '=', id)
        .execute();
    };
    const todayOf = (iso: string) => todayInShanghai(new Date(iso));
    /**
     * Points in the volunteer's account from earn and reverse transactions for service dates in [from, to], read from
     * the raw ledger.
     */
    const earnedPostings = async (volunteerId: string, from: string, to: string) => {
      const txns = await db()
        .selectFrom('points_txn')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('volunteer_id', '=', volunteerId)
        .execute();
      const postings = await db()
        .selectFrom('points_posting')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('account', '=', `volunteer:${volunteerId}`)
        .execute();
      const counted = new Set(
        txns
          .filter(
            (x) => (x.kind === 'earn' || x.kind === 'reverse') && x.service_date! >= from && x.service_date! <= to,
          )
          .map((x) => x.id),
      );
      return postings.filter((p) => counted.has(p.txn_id)).reduce((s, p) => s + Number(p.amount), 0);
    };

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
      staff = await signInAs(t, 'staff');
    });
    after(async () => {
      await t.close();
    });

    it('ranks 3 confirmed past shifts, 2 attended and 1 no-show, with the attendance and no-show parts', async () => {
      const x = await insertVolunteer(db(), t.cipher, t.a.id, { name: '赵出勤' });
      const y = await insertVolunteer(db(), t.cipher, t.a.id, { name: '钱占位' });
      const { from } = quarterRange(prevQuarter);
      const day = (n: number) => addDays(from, n);
      const shiftOn = (d: string) => [shanghaiInstant(d, 9 * 60), shanghaiInstant(d, 11 * 60)] as const;

      // Three confirmed shifts last quarter: two marked present (hours verified), one never checked in.
      const entries: string[] = [];
      for (const [i, attended] of [
        [10, true],
        [11, true],
        [12, false],
      ] as const) {
        const a = await activity(`清扫第${i}次`, 5);
        const s = await signUp(a.id, a.shiftId, x);
        assert.equal(s.status, 'confirmed');
        await moveTo(a.id, a.shiftId, ...shiftOn(day(i)));
        if (!attended) continue;
        const m = await staff('POST', `/api/activities/${a.id}/attendance`, { signupId: s.id, action: 'present' });
        assert.equal(m.statusCode, 200, m.body);
        assert.equal(m.json().minutes, 120);
        entries.push(m.json().hoursEntryId);
      }
      assert.equal((await staff('POST', '/api/hours/verify', { ids: entries })).json().verified.length, 2);
      // Cancelled before the shift: not a no-show. Waitlisted: never held a place.
      const c = await activity('取消的', 5);
      const cs = await signUp(c.id, c.shiftId, x);
      assert.equal((await staff('POST', `/api/activities/signups/${cs.id}/withdraw`)).statusCode, 200);
      await moveTo(c.id, c.shiftId, ...shiftOn(day(13)));
      const w = await activity('满员的', 1);
      assert.equal((await signUp(w.id, w.shiftId, y)).status, 'confirmed');
      assert.equal((await signUp(w.id, w.shiftId, x)).status, 'waitlisted');
      await moveTo(w.id, w.shiftId, ...shiftOn(day(14)));
      // A shift running now: not over, so neither attended nor missed yet.
      const r = await activity('进行中', 5);
      await signUp(r.id, r.shiftId, x);
      const now = Date.now();
      const runningEnd = new Date(now + 90 * 60_000).toISOString();
      await moveTo(r.id, r.shiftId, new Date(now - 30 * 60_000).toISOString(), runningEnd);

      const res = await admin('GET', `/api/recognition/quarters/${prevQuarter}/ranking`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().attendanceKnown, true);
      const item = (res.json().items as any[]).find((i) => i.volunteerId === x);
      assert.ok(item, 'ranked');
      assert.deepEqual(
        { signedUp: item.signedUp, attended: item.attended, noShows: item.noShows },
        { signedUp: 3, attended: 2, noShows: 1 },
      );
      assert.deepEqual(
        item.parts.map((p: any) => [p.key, p.value, p.points]),
        [
          ['service', 4, 4],
          ['attendance', 67, 0],
          ['noShows', 1, -5],
        ],
      );
      assert.equal(item.score, -1);
      assert.equal(item.explanation, '服务 4 小时 +4，出勤率 67% +0，缺席 1 次 −5');
      const en = await admin('GET', `/api/recognition/quarters/${prevQuarter}/ranking`, undefined, {
        'accept-language': 'en',
      });
      assert.equal(
        (en.json().items as any[]).find((i) => i.volunteerId === x).explanation,
        '4 hours served +4, attendance 67% +0, 1 no-show −5',
      );
      assert.ok(!(res.json().items as any[]).some((i) => i.volunteerId === y), 'no hours served: not ranked');

      // The reader itself over both quarters: the running shift counts once it has ended.
      const svc = new ActivitiesService(
        db(),
        t.app.services.audit,
        t.app.services.directory,
        t.app.services.eligibility,
        t.app.services.hours,
        t.app.services.notifier,
        t.cipher,
      );
      const span = [from, quarterRange(quarter).to] as const;
      const nowFacts = await svc.attendanceBetween(t.a.id, ...span, [x, y]);
      assert.deepEqual(nowFacts.get(x), { signedUp: 3, attended: 2, noShows: 1 });
      assert.deepEqual(nowFacts.get(y), { signedUp: 1, attended: 0, noShows: 1 });
      const later = await svc.attendanceBetween(t.a.id, ...span, [x], new Date(Date.parse(runningEnd) + 60_000));
      assert.deepEqual(later.get(x), { signedUp: 4, attended: 2, noShows: 2 });
      assert.equal((await svc.attendanceBetween(t.b.id, ...span, [x])).size, 0, 'another community sees nothing');
      assert.equal((await svc.attendanceBetween(t.a.id, ...span, [])).size, 0);
    });

    it("party members' indicator points equal the sum of their earned postings in the period", async () => {
      const school = await insertUnit(db(), t.a.id, '宝鸡市第二中学');
      const p = await insertVolunteer(db(), t.cipher, t.a.id, { name: '孙党员', unitId: school });
      const q = await insertVolunteer(db(), t.cipher, t.a.id, { name: '李党员', unitId: school });
      await addPartyMember(db(), t.a.id, p, { partyOrg: '宝鸡市第二中学党支部' });
      await addPartyMember(db(), t.a.id, q, { partyOrg: '宝鸡市第二中学党支部' });
      const serve = async (volunteerId: string, minutes: number, date: string, verify = true) => {
        const id = await recordService(t, { volunteerId, minutes, date });
        if (verify) await verifyService(staff, [id]);
        return id;
      };
      const from = addDays(today, -30),
        to = today;
      await serve(p, 150, addDays(today, -20)); // 2 points
      const corrected = await serve(p, 180, addDays(today, -19)); // 3 points, corrected below to 1 h: 1 point
      await serve(p, 240, addDays(today, -60)); // before the period: 4 points not counted
      await serve(q, 600, addDays(today, -5), false); // pending: nothing earned
      assert.equal(
        (await staff('POST', `/api/hours/entries/${corrected}/correct`, { minutes: 60, reason: '提前离开' }))
          .statusCode,
        201,
      );
      // Spending at the love supermarket does not lower points earned.
      const item = (await staff('POST', '/api/points/items', { name: '洗衣液', pricePoints: 2, stock: 5 })).json().id;
      assert.equal(
        (await staff('POST', '/api/points/redemptions', { volunteerId: p, lines: [{ itemId: item, quantity: 1 }] }))
          .statusCode,
        201,
      );

      const res = await staff('GET', `/api/party-indicators?from=${from}&to=${to}&view=member`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().pointsKnown, true);
      const rows = new Map((res.json().items as any[]).map((r) => [r.key, r]));
      assert.equal(rows.get(p).points, await earnedPostings(p, from, to));
      assert.equal(rows.get(p).points, 3);
      assert.equal(rows.get(q).points, 0);
      assert.equal(await earnedPostings(q, from, to), 0);
      const units = (await staff('GET', `/api/party-indicators?from=${from}&to=${to}&view=unit`)).json().items as any[];
      assert.equal(units.find((u) => u.key === school).points, 3);
      assert.equal(
        (await staff('GET', `/api/party-indicators?from=${addDays(today, -90)}&to=${to}&view=member`))
          .json()
          .items.find((r: any) => r.key === p).points,
        await earnedPostings(p, addDays(today, -90), to),
      );

      const x = await staff('GET', `/api/party-indicators/export?from=${from}&to=${to}&unit=${school}`);
      assert.equal(x.statusCode, 200, x.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.getRow(3).getCell(9).value, '积分');
      const byName = new Map([4, 5].map((i) => [ws.getRow(i).getCell(1).value, ws.getRow(i).getCell(9).value]));
      assert.deepEqual([byName.get('孙党员'), byName.get('李党员')], [3, 0]);
      assert.equal(ws.getRow(6).getCell(9).value, 3, 'the unit total');
    });
  });
}
