// Links that are printed, scanned or sent are built on LINLI_PUBLIC_URL, never on the request's Host header or a
// proxy's X-Forwarded-Host, on both databases: a caller who says it came to evil.example still gets badge cards,
// certificates, posters, the public list, WeChat texts, volunteer cards and calendar feeds that point at the
// configured address (QR codes decoded from the PDFs). Unset, the links point at http://localhost:PORT; the one
// start-up warning names a server others can reach without it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  deliverOutbox,
  insertAccountVolunteer,
  recordService,
  signInAll,
  startTestApp,
  verifyService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { pdfQrCodes } from './certificates-pdf.ts';
import { loadConfig, publicUrlWarning } from '../src/config.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

const PUBLIC = 'https://linli.example.cn';
// What an attacker (or a misconfigured proxy) puts in the request: trusted or not, it must not reach a link.
const EVIL = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };

for (const kind of testDatabaseKinds()) {
  describe(`public links on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, me: Client;
    let myId: string, activityId: string;
    const today = todayInShanghai();
    const evil = (who: Client) => (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      who(method, url, payload, EVIL);
    const onPublic = (url: string) => {
      assert.ok(url.startsWith(`${PUBLIC}/`), `${url} is not on ${PUBLIC}`);
      assert.ok(!url.includes('evil'), url);
    };

    before(async () => {
      // Even from a trusted proxy (whose X-Forwarded-Host Fastify would believe), links stay on the public URL.
      t = await startTestApp(kind, { LINLI_PUBLIC_URL: `${PUBLIC}/`, LINLI_TRUST_PROXY: '127.0.0.1' });
      [admin, staff, me] = await signInAll(t, ['community_admin', 'staff', 'volunteer']);
      myId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅' });
      await verifyService(staff, [
        await recordService(t, { volunteerId: myId, minutes: 120, date: addDays(today, -3), description: '清扫' }),
      ]);
      const a = await staff('POST', '/api/activities', {
        title: '重阳节包饺子',
        place: '西关社区服务站',
        date: addDays(today, 5),
        shifts: [{ name: '服务组', start: '09:00', end: '11:00', places: 5 }],
      });
      assert.equal(a.statusCode, 201, a.body);
      activityId = a.json().id;
      assert.equal((await staff('POST', `/api/activities/${activityId}/publish`)).statusCode, 204);
    });
    after(async () => {
      await t?.close();
    });

    it('a love badge: its address and the card QR code', async () => {
      const db = t.db.handle.db;
      const elderId = t.a.residents['李泽钦']!;
      await db
        .insertInto('family_contact')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          resident_id: elderId,
          name: '李强',
          relation: '儿子',
          phone: '13912345001',
          is_primary: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
      const settings = { hotline: '0917-3212345', dutyPhone: '0917-3210000', notifyPhones: ['13912345009'] };
      assert.equal((await staff('PUT', '/api/badges/settings', settings)).statusCode, 204);
      const res = await evil(staff)('POST', '/api/badges', {
        residentId: elderId,
        nickname: '李爷爷',
        cautions: '请陪他在原地稍等。',
        consent: { givenByName: '李强', givenByRelation: '监护人（儿子）' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const badge = res.json();
      onPublic(badge.url);
      onPublic((await evil(staff)('GET', `/api/badges/${badge.id}`)).json().url);
      const card = await evil(staff)('GET', `/api/badges/${badge.id}/card.pdf`);
      assert.equal(card.statusCode, 200, card.body);
      assert.deepEqual(pdfQrCodes(card.rawPayload), [badge.url]);
    });

    it("a certificate's verify link, in the answer and in the PDF's QR code", async () => {
      const res = await evil(me)('POST', '/api/certificates/mine', {});
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json();
      onPublic(c.verifyUrl);
      const pdf = await evil(me)('GET', `/api/certificates/mine/${c.id}/pdf`);
      assert.deepEqual(pdfQrCodes(pdf.rawPayload), [c.verifyUrl]);
      for (const listed of (await evil(admin)('GET', '/api/certificates')).json().items) onPublic(listed.verifyUrl);
    });

    it("an activity's poster, the public list and an announcement's WeChat text", async () => {
      const poster = await evil(staff)('GET', `/api/activities/${activityId}/poster.pdf`);
      assert.equal(poster.statusCode, 200, poster.body);
      assert.deepEqual(pdfQrCodes(poster.rawPayload), [`${PUBLIC}/m/activities/${activityId}`]);

      const list = await t.app.inject({ method: 'GET', url: `/api/public/${t.a.id}/activities`, headers: EVIL });
      assert.equal(list.statusCode, 200, list.body);
      const items = list.json().items ?? list.json();
      assert.ok(JSON.stringify(items).includes(`${PUBLIC}/m/activities/${activityId}`), list.body);
      assert.ok(!list.body.includes('evil'));

      const created = await staff('POST', '/api/publicity/announcements', {
        kind: 'activity',
        title: '重阳节包饺子，欢迎报名',
        activityId,
        channels: ['site', 'wechat', 'poster'],
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal((await staff('POST', `/api/publicity/announcements/${id}/publish`)).statusCode, 200);
      const wechat = await evil(staff)('GET', `/api/publicity/announcements/${id}/wechat`);
      assert.equal(wechat.statusCode, 200, wechat.body);
      onPublic(wechat.json().shortUrl);
      assert.ok(wechat.json().text.endsWith(wechat.json().shortUrl) && !wechat.json().text.includes('evil'));
      const announcementPoster = await evil(staff)('GET', `/api/publicity/announcements/${id}/poster.pdf`);
      assert.equal(announcementPoster.statusCode, 200, announcementPoster.body);
      for (const qr of pdfQrCodes(announcementPoster.rawPayload)) onPublic(qr!);
    });

    it("the volunteer's card and calendar feed address", async () => {
      onPublic((await evil(me)('GET', '/api/volunteers/me')).json().card.url);
      const feed = (await evil(me)('GET', '/api/activities/mine/feed')).json();
      assert.equal(feed.url, PUBLIC + feed.path);
      const renewed = (await evil(me)('POST', '/api/activities/mine/feed', {})).json();
      assert.equal(renewed.url, PUBLIC + renewed.path);
      assert.notEqual(renewed.path, feed.path);
      // The feed answers at its path.
      assert.equal((await t.app.inject({ method: 'GET', url: renewed.path })).statusCode, 200);
    });

    it("an SMS's in-app link goes out on the public address; the row keeps the path for the phone", async () => {
      const sent: Array<Record<string, unknown>> = [];
      const outbox = t.app.services.outbox;
      const devSms = outbox.channels.sms;
      outbox.channels.sms = { name: 'recorder', send: async (m) => (sent.push(m.payload), { messageId: 'm1' }) };
      try {
        const link = `/m/tasks/needs/${uuidv7()}`;
        await t.db.handle.db.transaction().execute((trx) =>
          t.app.services.notifier.send(trx, {
            channel: 'sms',
            recipient: '13912345678',
            communityId: t.a.id,
            template: 'sign_in_code',
            payload: { code: '123456', link },
          }),
        );
        await deliverOutbox(t);
        assert.deepEqual(
          sent.map((p) => p.link),
          [PUBLIC + link],
        );
        const row = await t.db.handle.db
          .selectFrom('notification_outbox')
          .select('payload')
          .where('recipient', '=', '13912345678')
          .executeTakeFirstOrThrow();
        assert.equal(JSON.parse(row.payload).link, link);
      } finally {
        outbox.channels.sms = devSms;
      }
    });
  });
}

describe('the public address when LINLI_PUBLIC_URL is unset', () => {
  it('is http://localhost:PORT, with a warning only when others can reach the server', () => {
    const local = loadConfig({ PORT: '4100' });
    assert.equal(local.publicBaseUrl, 'http://localhost:4100');
    assert.equal(publicUrlWarning(local), null);
    const open = loadConfig({ PORT: '4100', HOST: '0.0.0.0' });
    assert.match(publicUrlWarning(open) ?? '', /LINLI_PUBLIC_URL is not set.*http:\/\/localhost:4100/);
    assert.equal(publicUrlWarning(loadConfig({ HOST: '0.0.0.0', LINLI_PUBLIC_URL: PUBLIC })), null);
    assert.equal(loadConfig({ LINLI_PUBLIC_URL: `${PUBLIC}/` }).publicBaseUrl, PUBLIC);
    assert.throws(() => loadConfig({ LINLI_PUBLIC_URL: 'ftp://linli.example.cn' }), /LINLI_PUBLIC_URL/);
  });
});
