// Who hears staff alerts, on both databases: the community's staff and admins with working accounts; not a
// disabled account, not other roles, not another community's staff.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { staffPhones } from '../src/modules/auth/staff-directory.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`staff directory on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    it('lists active staff and admins of the community, by phone', async () => {
      const db = t.handle.db;
      const now = new Date().toISOString();
      const community = async (name: string) => {
        const id = uuidv7();
        await db
          .insertInto('community')
          .values({ id, name, district: '金台区', city: '宝鸡市', time_zone: 'Asia/Shanghai', created_at: now })
          .execute();
        return id;
      };
      const [a, b] = [await community('甲社区'), await community('乙社区')];
      const member = async (communityId: string, phone: string, role: string, disabled = 0) => {
        const accountId = uuidv7();
        await db
          .insertInto('account')
          .values({
            id: accountId,
            phone,
            name: `用户${phone.slice(-2)}`,
            password_hash: null,
            locale: null,
            failed_sign_ins: 0,
            locked_until: null,
            disabled,
            created_at: now,
          })
          .execute();
        await db
          .insertInto('membership')
          .values({
            community_id: communityId,
            id: uuidv7(),
            account_id: accountId,
            role,
            title: null,
            grid_id: null,
            team_id: null,
            unit_id: null,
            resident_id: null,
            created_at: now,
          })
          .execute();
      };
      await member(a, '13900000003', 'staff');
      await member(a, '13900000001', 'community_admin');
      await member(a, '13900000002', 'staff', 1);
      await member(a, '13900000004', 'grid_leader');
      await member(a, '13900000005', 'volunteer');
      await member(b, '13900000006', 'staff');

      assert.deepEqual(
        (await staffPhones(db, a)).map((s) => s.phone),
        ['13900000001', '13900000003'],
      );
      assert.deepEqual(
        (await staffPhones(db, b)).map((s) => s.phone),
        ['13900000006'],
      );
    });
  });
}
