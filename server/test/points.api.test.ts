// Points and the love supermarket on both databases: points earned when hours are verified (rate, daily and
// total caps), reversed when a correction lowers them (a debt recorded for points already spent, repaid from
// later earnings), redemptions refused beyond the balance or the stock with nothing changed, concurrent
// redemptions that never overdraw the balance or the stock, and a double-entry ledger that always balances —
// checked after fixed scenarios and over random sequences of verify, correct and redeem (fast-check); the item
// list with and without the items taken off the shelf.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  countRows,
  recordService,
  verifyService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`points and the love supermarket on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, me: Client;
    let myId: string;
    const today = todayInShanghai();
    let volunteerNo = 0;

    const newVolunteer = () =>
      insertVolunteer(t.db.handle.db, t.cipher, t.a.id, {
        name: `志愿者${'甲乙丙丁戊己庚辛壬癸'[volunteerNo++ % 10]}`,
      });
    async function serve(volunteerId: string, minutes: number, date: string, verify = true): Promise<string> {
      const id = await recordService(t, { volunteerId, minutes, date });
      if (verify) await verifyService(staff, [id]);
      return id;
    }
    const account = async (volunteerId: string) => {
      const r = await staff('GET', `/api/points/volunteers/${volunteerId}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    const item = async (name: string, pricePoints: number, stock: number) => {
      const r = await staff('POST', '/api/points/items', { name, pricePoints, stock });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    const stockOf = async (id: string) =>
      Number(
        (
          await t.db.handle.db
            .selectFrom('supermarket_item')
            .select('stock')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).stock,
      );
    const rules = async (pointsPerHour: number, pointsDailyCap: number | null, pointsTotalCap: number | null) => {
      const r = await admin('PUT', '/api/hours/settings', {
        rounding: null,
        starThresholds: [100, 300, 600, 1000, 1500],
        pointsPerHour,
        pointsDailyCap,
        pointsTotalCap,
      });
      assert.equal(r.statusCode, 204, r.body);
    };
    const counts = async () => {
      const db = t.db.handle.db;
      const n = (table: 'points_txn' | 'supermarket_redemption' | 'supermarket_stock_move') => countRows(db, table);
      return {
        txns: await n('points_txn'),
        redemptions: await n('supermarket_redemption'),
        moves: await n('supermarket_stock_move'),
      };
    };

    /**
     * The ledger's invariants: every transaction sums to zero, and each volunteer's postings equal the balance row,
     * never negative.
     */
    async function assertLedgerSound() {
      const db = t.db.handle.db;
      const postings = await db.selectFrom('points_posting').selectAll().where('community_id', '=', t.a.id).execute();
      const byTxn = new Map<string, number>();
      const byAccount = new Map<string, number>();
      for (const p of postings) {
        byTxn.set(p.txn_id, (byTxn.get(p.txn_id) ?? 0) + Number(p.amount));
        byAccount.set(p.account, (byAccount.get(p.account) ?? 0) + Number(p.amount));
      }
      assert.deepEqual(
        [...byTxn.entries()].filter(([, s]) => s !== 0),
        [],
        'unbalanced transactions',
      );
      const balances = await db.selectFrom('points_balance').selectAll().where('community_id', '=', t.a.id).execute();
      for (const b of balances) {
        assert.ok(Number(b.balance) >= 0 && Number(b.debt) >= 0, `negative balance or debt of ${b.volunteer_id}`);
        assert.equal(
          byAccount.get(`volunteer:${b.volunteer_id}`) ?? 0,
          Number(b.balance),
          `postings of ${b.volunteer_id}`,
        );
        const days = await db
          .selectFrom('points_day')
          .select((eb) => eb.fn.sum<number>('points').as('s'))
          .where('community_id', '=', t.a.id)
          .where('volunteer_id', '=', b.volunteer_id)
          .executeTakeFirstOrThrow();
        assert.equal(Number(days.s ?? 0), Number(b.earned), `earned of ${b.volunteer_id}`);
      }
    }

    before(async () => {
      t = await startTestApp(kind);
      [admin, staff, me] = await signInAll(t, ['community_admin', 'staff', 'volunteer']);
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
      });
    });
    after(async () => {
      await t.close();
    });

    it('earns points when hours are verified, not before, and under the daily and total caps', async () => {
      const pending = await serve(myId, 150, addDays(today, -9), false);
      assert.equal((await me('GET', '/api/points/mine')).json().balance, 0);
      await staff('POST', '/api/hours/verify', { ids: [pending] });
      const mine = (await me('GET', '/api/points/mine')).json();
      assert.equal(mine.balance, 2); // 2.5 h × 1 point, whole points per day, rounded down
      assert.equal(mine.history[0].kind, 'earn');
      // A second visit the same day makes the day 3.5 h: the day earns 3, so one more point.
      await serve(myId, 60, addDays(today, -9));
      assert.equal((await account(myId)).balance, 3);

      await rules(2, 5, 12);
      await serve(myId, 240, addDays(today, -8)); // 8 points, capped at 5 a day
      assert.equal((await account(myId)).balance, 8);
      await serve(myId, 300, addDays(today, -7)); // 10 → 5 by the day, then 4 by the total cap of 12
      let a = await account(myId);
      assert.equal(a.balance, 12);
      assert.equal(a.earned, 12);
      await serve(myId, 60, addDays(today, -6));
      assert.equal((await account(myId)).balance, 12);
      // Honour hours earn nothing.
      await admin('POST', '/api/hours/honour', {
        volunteerId: myId,
        serviceDate: addDays(today, -5),
        minutes: 600,
        reason: '表彰',
      });
      await rules(1, null, null);
      a = await account(myId);
      assert.equal(a.balance, 12);
      await assertLedgerSound();
    });

    it('reverses points when a correction lowers verified hours, with a debt for points already spent', async () => {
      const v = await newVolunteer();
      const e1 = await serve(v, 600, addDays(today, -4)); // 10 points
      assert.equal((await account(v)).balance, 10);
      const soap = await item('洗衣液', 4, 10);
      const r = await staff('POST', '/api/points/redemptions', {
        volunteerId: v,
        lines: [{ itemId: soap, quantity: 2 }],
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().points, 8);
      let a = await account(v);
      assert.equal(a.balance, 2);
      // The entry was 6 h too long: it becomes 2 h → the day is worth 2, 8 points come back; only 2 are left.
      const fix = await staff('POST', `/api/hours/entries/${e1}/correct`, { minutes: 120, reason: '登记有误' });
      assert.equal(fix.statusCode, 201, fix.body);
      a = await account(v);
      assert.deepEqual({ balance: a.balance, earned: a.earned, debt: a.debt }, { balance: 0, earned: 2, debt: 6 });
      const rev = a.history.find((h: any) => h.kind === 'reverse');
      assert.deepEqual({ points: rev.points, shortfall: rev.shortfall }, { points: -2, shortfall: 6 });
      // New service repays the debt before the balance grows: 8 points earned, 6 repay, 2 to spend.
      await serve(v, 480, addDays(today, -3));
      a = await account(v);
      assert.deepEqual({ balance: a.balance, earned: a.earned, debt: a.debt }, { balance: 2, earned: 10, debt: 0 });
      await assertLedgerSound();
    });

    it('refuses a redemption beyond the balance or beyond the stock, and nothing changes', async () => {
      const v = await newVolunteer();
      await serve(v, 300, addDays(today, -2)); // 5 points
      const rice = await item('大米 5kg', 4, 1);
      const oil = await item('食用油', 1, 10);
      const before = {
        c: await counts(),
        rice: await stockOf(rice),
        oil: await stockOf(oil),
        balance: (await account(v)).balance,
      };

      const poor = await staff('POST', '/api/points/redemptions', {
        volunteerId: v,
        lines: [
          { itemId: rice, quantity: 1 },
          { itemId: oil, quantity: 2 },
        ],
      });
      assert.equal(poor.statusCode, 409, poor.body);
      assert.equal(poor.json().error.code, 'insufficient_points');
      assert.match(poor.json().error.message, /现有 5 分.*需要 6 分/);

      const few = await staff('POST', '/api/points/redemptions', {
        volunteerId: v,
        lines: [
          { itemId: oil, quantity: 1 },
          { itemId: rice, quantity: 1 },
          { itemId: rice, quantity: 1 },
        ],
      });
      assert.equal(few.statusCode, 409, few.body);
      assert.equal(few.json().error.code, 'insufficient_points'); // 9 > 5, checked first
      await serve(v, 600, addDays(today, -1));
      const stockOut = await staff('POST', '/api/points/redemptions', {
        volunteerId: v,
        lines: [
          { itemId: oil, quantity: 1 },
          { itemId: rice, quantity: 2 },
        ],
      });
      assert.equal(stockOut.statusCode, 409, stockOut.body);
      assert.equal(stockOut.json().error.code, 'out_of_stock');
      assert.match(stockOut.json().error.message, /大米 5kg.*剩 1 件.*兑换 2 件/);

      const bad: Array<[unknown, number, RegExp]> = [
        [{ volunteerId: v, lines: [] }, 400, /至少选择一件/],
        [{ volunteerId: v, lines: [{ itemId: oil, quantity: 0 }] }, 400, /正整数/],
        [{ volunteerId: v, lines: [{ itemId: oil, quantity: -3 }] }, 400, /正整数/],
        [{ volunteerId: v, lines: [{ itemId: oil, quantity: 1.5 }] }, 400, /整数/],
        [{ volunteerId: v, lines: [{ itemId: uuidv7(), quantity: 1 }] }, 400, /不存在或已下架/],
        [{ volunteerId: uuidv7(), lines: [{ itemId: oil, quantity: 1 }] }, 404, /志愿者/],
      ];
      for (const [body, status, msg] of bad) {
        const res = await staff('POST', '/api/points/redemptions', body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)} → ${res.body}`);
        const e = res.json().error;
        assert.match(e.details?.fields?.map((f: any) => f.message).join(' ') || e.message, msg);
      }
      // An item taken off the shelf cannot be redeemed.
      assert.equal((await staff('PATCH', `/api/points/items/${oil}`, { active: false })).statusCode, 200);
      assert.equal(
        (await staff('POST', '/api/points/redemptions', { volunteerId: v, lines: [{ itemId: oil, quantity: 1 }] }))
          .statusCode,
        400,
      );

      const after = await counts();
      assert.deepEqual({ ...after, txns: after.txns - 1 }, before.c); // only the earning of the second service
      assert.equal(await stockOf(rice), before.rice);
      assert.equal(await stockOf(oil), before.oil);
      assert.equal((await account(v)).balance, before.balance + 10);
      // Bad item input.
      for (const body of [
        { name: '', pricePoints: 1 },
        { name: '毛巾', pricePoints: 0 },
        { name: '毛巾', pricePoints: 2, stock: -1 },
      ]) {
        assert.equal((await staff('POST', '/api/points/items', body)).statusCode, 400, JSON.stringify(body));
      }
      assert.equal((await staff('POST', `/api/points/items/${rice}/restock`, { quantity: 0 })).statusCode, 400);
      await assertLedgerSound();
    });

    it('never overdraws under 20 concurrent redemptions, on the balance or on the stock', async () => {
      const v = await newVolunteer();
      await serve(v, 600, addDays(today, -1)); // 10 points
      const towel = await item('毛巾', 3, 100);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          staff('POST', '/api/points/redemptions', { volunteerId: v, lines: [{ itemId: towel, quantity: 1 }] }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      assert.equal(codes.filter((c) => c === 201).length, 3, results.map((r) => r.body).join('\n'));
      assert.ok(
        results.filter((r) => r.statusCode !== 201).every((r) => r.json().error.code === 'insufficient_points'),
      );
      assert.equal((await account(v)).balance, 1);
      assert.equal(await stockOf(towel), 97);

      // Stock as the bottleneck: 5 soaps, 20 rich volunteers at once.
      const soap = await item('肥皂', 1, 5);
      const rich = await Promise.all(Array.from({ length: 20 }, () => newVolunteer()));
      for (const r of rich) await serve(r, 60, addDays(today, -1));
      const buys = await Promise.all(
        rich.map((r) =>
          staff('POST', '/api/points/redemptions', { volunteerId: r, lines: [{ itemId: soap, quantity: 1 }] }),
        ),
      );
      assert.equal(buys.filter((b) => b.statusCode === 201).length, 5, buys.map((b) => b.body).join('\n'));
      assert.ok(buys.filter((b) => b.statusCode !== 201).every((b) => b.json().error.code === 'out_of_stock'));
      assert.equal(await stockOf(soap), 0);
      const history = (await staff('GET', '/api/points/redemptions?pageSize=200')).json();
      assert.equal(history.items.filter((h: any) => h.lines[0].name === '肥皂').length, 5);
      await assertLedgerSound();
    });

    it('keeps the ledger balanced over random sequences of verify, correct and redeem (property)', async () => {
      const gift = await item('纪念品', 2, 100000);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              fc.record({
                op: fc.constant('serve' as const),
                minutes: fc.integer({ min: 1, max: 600 }),
                day: fc.integer({ min: 1, max: 5 }),
              }),
              fc.record({
                op: fc.constant('correct' as const),
                pick: fc.nat(),
                minutes: fc.integer({ min: 0, max: 600 }),
              }),
              fc.record({ op: fc.constant('redeem' as const), quantity: fc.integer({ min: 1, max: 4 }) }),
            ),
            { minLength: 1, maxLength: 8 },
          ),
          async (ops) => {
            const v = await newVolunteer();
            const live: string[] = [];
            for (const o of ops) {
              if (o.op === 'serve') live.push(await serve(v, o.minutes, addDays(today, -o.day)));
              else if (o.op === 'correct' && live.length) {
                const i = o.pick % live.length;
                const r = await staff('POST', `/api/hours/entries/${live[i]}/correct`, {
                  minutes: o.minutes,
                  reason: '更正',
                });
                assert.equal(r.statusCode, 201, r.body);
                live[i] = r.json().id;
              } else if (o.op === 'redeem') {
                const before = (await account(v)).balance;
                const r = await staff('POST', '/api/points/redemptions', {
                  volunteerId: v,
                  lines: [{ itemId: gift, quantity: o.quantity }],
                });
                assert.equal(r.statusCode, before >= o.quantity * 2 ? 201 : 409, r.body);
                assert.equal((await account(v)).balance, r.statusCode === 201 ? before - o.quantity * 2 : before);
              }
            }
            // Whatever happened, earned points equal what the day minutes are worth (no caps here).
            const days = await t.db.handle.db
              .selectFrom('points_day')
              .selectAll()
              .where('volunteer_id', '=', v)
              .execute();
            for (const d of days) assert.equal(Number(d.points), Math.floor(Number(d.minutes) / 60));
            await assertLedgerSound();
          },
        ),
        { numRuns: kind === 'postgres' ? 12 : 20 },
      );
    });

    it('shows the volunteer their balance and redemption history', async () => {
      const oil = await item('香油', 1, 5);
      await staff('POST', '/api/points/redemptions', { volunteerId: myId, lines: [{ itemId: oil, quantity: 2 }] });
      const mine = (await me('GET', '/api/points/mine')).json();
      assert.equal(mine.balance, 10);
      assert.equal(mine.redemptions[0].lines[0].name, '香油');
      assert.equal(mine.redemptions[0].points, 2);
      assert.equal(mine.history[0].kind, 'redeem');
      assert.equal(mine.history[0].points, -2);
      // A volunteer cannot see the supermarket's back office.
      assert.equal((await me('GET', '/api/points/items')).statusCode, 403);
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
