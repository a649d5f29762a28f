// Love badges are safe by default over time, on both databases: a scan keeps where it happened only for the
// retention period (LINLI_BADGE_SCAN_RETENTION_DAYS), then keeps only that it happened; and a badge stops when its
// elder moves out or dies: the page shows nothing of the elder, and the family is told through the outbox.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { enqueueJob } from '../src/platform/jobs.ts';

const SON = '13912345001';
const DAUGHTER = '13912345002';
const HOTLINE = '0917-3212345';
const DAY = 86_400_000;

for (const kind of testDatabaseKinds()) {
  describe(`love badge retention and ending on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, volunteer: Client;
    let elderId: string;
    let badge: { id: string; url: string };
    const db = () => t.db.handle.db;

    before(async () => {
      // 60 days instead of the default 90: the job must take the setting, not its default.
      t = await startTestApp(kind, { LINLI_BADGE_SCAN_RETENTION_DAYS: '60' });
      staff = await signInAs(t, 'staff');
      volunteer = await signInAs(t, 'volunteer');
      elderId = t.a.residents['李泽钦']!;
      const now = new Date().toISOString();
      await db()
        .insertInto('family_contact')
        .values(
          [SON, DAUGHTER].map((phone, i) => ({
            community_id: t.a.id,
            id: uuidv7(),
            resident_id: elderId,
            name: i ? '李明' : '李强',
            relation: i ? '女儿' : '儿子',
            phone,
            is_primary: i ? 0 : 1,
            created_at: now,
          })),
        )
        .execute();
      const settings = await staff('PUT', '/api/badges/settings', {
        hotline: HOTLINE,
        dutyPhone: HOTLINE,
        notifyPhones: [],
      });
      assert.equal(settings.statusCode, 204, settings.body);
      const res = await staff('POST', '/api/badges', {
        residentId: elderId,
        nickname: '李爷爷',
        cautions: '他记性不好，容易走失。',
        consent: { givenByName: '李强', givenByRelation: '监护人（儿子）' },
      });
      assert.equal(res.statusCode, 201, res.body);
      badge = res.json();
    });
    after(async () => {
      await t?.close();
    });

    it('erases where a scan happened once older than the retention period, keeping that it happened', async () => {
      const scan = (daysAgo: number) => ({
        community_id: t.a.id,
        id: uuidv7(),
        badge_id: badge.id,
        at: new Date(Date.now() - daysAgo * DAY).toISOString(),
        kind: 'message',
        message: '老人在人民公园北门，我陪着他',
        place: '人民公园北门',
        lat: 34.36,
        lng: 107.24,
        ip_hash: 'h'.repeat(64),
        notified: 1,
      });
      const old = scan(61);
      const recent = scan(59);
      await db().insertInto('badge_scan').values([old, recent]).execute();
      await enqueueJob(db(), 'badges.scan_purge', {});
      assert.equal(await t.app.services.jobs.runDue(), 1);

      const rows = await db()
        .selectFrom('badge_scan')
        .selectAll()
        .where('badge_id', '=', badge.id)
        .orderBy('at')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.at, r.kind, r.message, r.place, r.lat, r.lng, r.ip_hash, Number(r.notified)]),
        [
          [old.id, old.at, 'message', null, null, null, null, '', 1],
          [recent.id, recent.at, 'message', recent.message, recent.place, 34.36, 107.24, recent.ip_hash, 1],
        ],
      );
      // Staff still see the scan in the badge's log, without where.
      const log = await staff('GET', `/api/badges/${badge.id}/scans`);
      assert.equal(log.statusCode, 200, log.body);
      const shown = log.json().items.find((s: { id: string }) => s.id === old.id);
      assert.deepEqual([shown.place, shown.lat, shown.message], [null, null, null]);

      const purged = () =>
        db().selectFrom('audit_log').select('detail').where('action', '=', 'badges.scans_purged').execute();
      assert.deepEqual(
        (await purged()).map((a) => JSON.parse(a.detail).scans),
        [1],
      );
      // Nothing left to erase: the next night writes nothing.
      await enqueueJob(db(), 'badges.scan_purge', {}, { uniqueKey: 'again' });
      await t.app.services.jobs.runDue();
      assert.equal((await purged()).length, 1);
      assert.equal((await t.app.services.audit.verify(t.a.id)).ok, true);
    });

    it('stops the badge when its elder dies: a neutral page, the family told, the record kept', async () => {
      const path = new URL(badge.url).pathname;
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 200);

      const refused = await volunteer('POST', `/api/residents/${elderId}/left`, { status: 'deceased' });
      assert.equal(refused.statusCode, 403);
      const bad = await staff('POST', `/api/residents/${elderId}/left`, { status: 'gone' });
      assert.equal(bad.statusCode, 400);
      assert.equal(
        (await db().selectFrom('badge').select('status').where('id', '=', badge.id).executeTakeFirst())!.status,
        'active',
      );

      const res = await staff('POST', `/api/residents/${elderId}/left`, { status: 'deceased', note: '家属告知' });
      assert.equal(res.statusCode, 204, res.body);
      const b = await db().selectFrom('badge').selectAll().where('id', '=', badge.id).executeTakeFirstOrThrow();
      assert.deepEqual([b.status, b.revoke_reason], ['revoked', '老人已去世']);
      const resident = await db()
        .selectFrom('resident')
        .select('status')
        .where('id', '=', elderId)
        .executeTakeFirstOrThrow();
      assert.equal(resident.status, 'deceased');

      for (const [lang, words] of [
        ['zh-CN', '此二维码已停用'],
        ['en', 'This badge is no longer in use'],
      ] as const) {
        const page = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': lang } });
        assert.equal(page.statusCode, 410);
        assert.ok(page.body.includes(words), page.body);
        assert.ok(page.body.includes('110'));
        for (const secret of ['李爷爷', '记性', SON, DAUGHTER, '李泽钦'])
          assert.ok(!page.body.includes(secret), `the page does not show ${secret}`);
      }

      const told = await db()
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', 'badges.ended')
        .execute();
      assert.deepEqual(told.map((n) => n.recipient).sort(), [SON, DAUGHTER]);
      assert.equal(JSON.parse(told[0]!.payload).badgeId, badge.id);

      // Marked once: the second time there is no active resident to mark.
      assert.equal((await staff('POST', `/api/residents/${elderId}/left`, { status: 'moved_out' })).statusCode, 404);
      assert.equal((await t.app.services.audit.verify(t.a.id)).ok, true);
    });
  });
}
