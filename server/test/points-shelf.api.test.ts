// The love supermarket's shelf on the volunteer's points page: GET /api/points/shelf shows the signed-in volunteer
// the items on offer (not those taken off the shelf, not another community's), whether each is in stock, and which
// their balance buys now; it follows the balance as points are spent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  as,
  insertAccountVolunteer,
  recordService,
  signInAs,
  startTestApp,
  verifyService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the love supermarket shelf on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, me: Client, myId: string;
    const item = async (who: Client, name: string, pricePoints: number, stock: number, active = true) => {
      const r = await who('POST', '/api/points/items', { name, pricePoints, stock, active });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      myId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅' });
      me = await signInAs(t, 'volunteer');
    });
    after(async () => {
      await t.close();
    });

    it("shows the shelf, what is in stock and what the volunteer's balance buys now", async () => {
      // 10 hours verified: 10 points at the default rate of 1 a hour.
      await verifyService(staff, [
        await recordService(t, { volunteerId: myId, minutes: 600, date: addDays(todayInShanghai(), -2) }),
      ]);
      const balance = (await me('GET', '/api/points/mine')).json().balance as number;
      assert.ok(balance > 0);
      const soap = await item(staff, '肥皂', balance, 3);
      await item(staff, '电饭锅', balance + 1, 1);
      await item(staff, '毛巾', 1, 0);
      await item(staff, '旧货', 1, 9, false);
      await item(await signInAs(t, 'staff', 'b'), '别的社区', 1, 9);

      const res = await me('GET', '/api/points/shelf');
      assert.equal(res.statusCode, 200, res.body);
      const shelf = res.json();
      assert.equal(shelf.balance, balance);
      assert.deepEqual([shelf.total, shelf.page, shelf.pageSize], [3, 1, 100]);
      const second = (await me('GET', '/api/points/shelf?page=2&pageSize=2')).json();
      assert.deepEqual(
        second.items.map((i: any) => i.name),
        ['毛巾'],
      );
      assert.deepEqual(
        shelf.items.map((i: any) => [i.name, i.pricePoints, i.inStock, i.affordable]),
        [
          ['肥皂', balance, true, true],
          ['电饭锅', balance + 1, true, false],
          ['毛巾', 1, false, false],
        ],
      );

      // Spending the points: the soap is no longer within reach.
      const r = await staff('POST', '/api/points/redemptions', {
        volunteerId: myId,
        lines: [{ itemId: soap, quantity: 1 }],
      });
      assert.equal(r.statusCode, 201, r.body);
      const after = (await me('GET', '/api/points/shelf')).json();
      assert.equal(after.balance, 0);
      assert.ok(after.items.every((i: any) => !i.affordable));
    });

    it('is for a signed-in volunteer only', async () => {
      assert.equal((await as(t.app, null)('GET', '/api/points/shelf')).statusCode, 401);
      // A resident with no volunteer record is told so, not shown someone else's shelf.
      const resident = await signInAs(t, 'resident');
      const res = await resident('GET', '/api/points/shelf');
      assert.equal(res.statusCode, 404, res.body);
    });
  });
}
