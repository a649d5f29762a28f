// The audit log's chain stays one chain when entries are appended from many connections at once: on PostgreSQL each
// append takes the community's lock and reads the last link in one statement (audit_chain_head), which must see an
// entry committed while it waited for the lock. A stale read would give two entries the same seq (refused by the
// primary key) or link two to the same predecessor (verify fails).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuditLog } from '../src/platform/audit.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the audit chain on ${kind}`, () => {
    let t: TestDatabase;
    let audit: AuditLog;
    const who = { accountId: null, name: '测试', role: null, ip: null, userAgent: null };
    before(async () => {
      t = await createTestDatabase(kind);
      audit = new AuditLog(t.handle.db, kind);
      for (const id of ['c1', 'c2'])
        await t.handle.db
          .insertInto('community')
          .values({
            id,
            name: id,
            district: '金台区',
            city: '宝鸡市',
            time_zone: 'Asia/Shanghai',
            created_at: new Date().toISOString(),
          })
          .execute();
    });
    after(async () => {
      await t.dispose();
    });

    it('keeps one chain per community under 40 appends at once, each in its own transaction', async () => {
      const appends = Array.from({ length: 40 }, (_, i) =>
        t.handle.db.transaction().execute(async (trx) => {
          const communityId = i % 2 ? 'c2' : 'c1';
          // Something else in the transaction first, as a real write has, so the appends overlap.
          await trx.selectFrom('community').select('id').where('id', '=', communityId).execute();
          await audit.record(
            trx,
            { communityId, ...who },
            { action: 'test.append', entityType: 'test', entityId: `${i}` },
          );
        }),
      );
      await Promise.all(appends);
      for (const communityId of ['c1', 'c2']) {
        const seqs = (
          await t.handle.db
            .selectFrom('audit_log')
            .select('seq')
            .where('community_id', '=', communityId)
            .orderBy('seq')
            .execute()
        ).map((r) => r.seq);
        assert.deepEqual(
          seqs,
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        assert.deepEqual(await audit.verify(communityId), { ok: true, checked: 20, brokenAt: null });
      }
    });

    it('gives a batch the last link it wrote, from its memo', async () => {
      await t.handle.db.transaction().execute(async (trx) => {
        const memo = new Map<string, unknown>();
        const first = await audit.lastLink(trx, 'c1', memo);
        assert.equal(first?.seq, 20);
        await audit.record(trx, { communityId: 'c1', ...who }, { action: 'test.memo', entityType: 'test' }, memo);
        assert.equal((await audit.lastLink(trx, 'c1', memo))?.seq, 21);
      });
      assert.deepEqual(await audit.verify('c1'), { ok: true, checked: 21, brokenAt: null });
    });
  });
}
