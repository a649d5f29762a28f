// Love QR badges on both databases: the public page shows a nickname, the family's cautions and the call list
// but none of the elder's name, address, ID number or health; it needs no cookie and is small; every scan is
// logged and tells the family and the duty staff (a finder's reloads only once); a finder's message and, only
// if agreed, location reach them too; revoked and replaced badges give the hotline only; malformed and guessed
// tokens get a plain 404 and change nothing; the family sees the scans and keeps the call list; the printed
// card's QR code decodes to the page; scans are rate limited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { as, fieldErrors, signIn, signInAs, startTestApp, countRows, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { pdfQrCodes, pdfText } from './certificates-pdf.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { maskIdNumber } from '../../domain/shared/id-number.ts';
import { acceptsGzip } from '../src/modules/badges/badge.page.ts';
import { badgePageLogger } from '../src/modules/badges/badges.routes.ts';
import pino from 'pino';

const SON = '13912345001';
const DAUGHTER = '13912345002';
const DUTY_MOBILE = '13912345009';
const HOTLINE = '0917-3212345';
const DUTY_PHONE = '0917-3210000';
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of testDatabaseKinds()) {
  describe(`love badges on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, family: Client, stranger: Client, otherStaff: Client;
    let elderId: string;
    const db = () => t.db.handle.db;
    const count = (table: 'badge_scan' | 'notification_outbox' | 'badge' | 'badge_contact') => countRows(db(), table);
    const outbox = (template: string) =>
      db()
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', template)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    const pathOf = (url: string) => new URL(url).pathname;
    const page = (url: string, ip = '10.0.0.1') => t.app.inject({ method: 'GET', url: pathOf(url), remoteAddress: ip });
    let badge: { id: string; url: string };
    // A page view is logged a few milliseconds after the page is sent (batched): wait for what a test expects.
    async function eventually(what: string, ok: () => Promise<boolean>) {
      for (let i = 0; i < 200; i++) {
        if (await ok()) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.fail(`never happened: ${what}`);
    }
    const settle = () => new Promise((r) => setTimeout(r, 100));

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      otherStaff = await signInAs(t, 'staff', 'b');
      elderId = t.a.residents['李泽钦']!;
      const now = new Date().toISOString();
      // The son is the resident account of community a; the daughter has no account.
      await db()
        .insertInto('family_contact')
        .values([
          {
            community_id: t.a.id,
            id: uuidv7(),
            resident_id: elderId,
            name: '李明',
            relation: '女儿',
            phone: DAUGHTER,
            is_primary: 0,
            created_at: now,
          },
          {
            community_id: t.a.id,
            id: uuidv7(),
            resident_id: elderId,
            name: '李强',
            relation: '儿子',
            phone: t.a.phones.resident,
            is_primary: 1,
            created_at: now,
          },
        ])
        .execute();
      family = await signInAs(t, 'resident');
      stranger = await signInAs(t, 'volunteer');
    });
    after(async () => {
      await t?.close();
    });

    it('keeps the settings, refusing bad phone numbers with a translated message and changing nothing', async () => {
      assert.equal((await staff('GET', '/api/badges/settings')).json().configured, false);
      const bad = await staff('PUT', '/api/badges/settings', {
        hotline: 'call me',
        dutyPhone: DUTY_PHONE,
        notifyPhones: ['12345'],
      });
      assert.equal(bad.statusCode, 400);
      const fields = bad
        .json()
        .error.details.fields.map((f: { field: string; message: string }) => `${f.field}:${f.message}`)
        .sort();
      assert.deepEqual(fields, ['hotline:请填写有效的电话号码（座机或手机）', 'notifyPhones.0:请填写 11 位手机号码']);
      assert.equal((await staff('GET', '/api/badges/settings')).json().configured, false);
      assert.equal(
        (
          await staff('PUT', '/api/badges/settings', {
            hotline: HOTLINE,
            dutyPhone: DUTY_PHONE,
            notifyPhones: [DUTY_MOBILE],
          })
        ).statusCode,
        204,
      );
      assert.deepEqual((await staff('GET', '/api/badges/settings')).json(), {
        hotline: HOTLINE,
        dutyPhone: DUTY_PHONE,
        notifyPhones: [DUTY_MOBILE],
        configured: true,
      });
    });

    it('suggests every elder of 60 or over, dementia or not; a badge calls the family, primary first', async () => {
      const suggested = (await staff('GET', '/api/badges/candidates')).json().items as Array<{
        residentId: string;
        groups: string[];
      }>;
      // 吕建国 (born 1940) lives alone and has no dementia or chronic illness; the under-60s are not suggested.
      assert.deepEqual(
        suggested.map((c) => c.residentId),
        [elderId, t.a.residents['王秀英']!, t.a.residents['吕建国']!],
      );
      assert.deepEqual(
        suggested.map((c) => c.groups),
        [['dementia'], ['chronic_illness'], []],
      );

      // No live love_badge consent yet: the badge would hand the family's phones to strangers and log where he was
      // found.
      const issue = {
        residentId: elderId,
        nickname: '李爷爷',
        cautions: '他记性不好，容易走失。请陪他在原地稍等，并联系家人。',
      };
      const noConsent = await staff('POST', '/api/badges', issue);
      assert.equal(noConsent.statusCode, 400);
      assert.deepEqual(
        noConsent.json().error.details.fields.map((f: { field: string }) => f.field),
        ['consent'],
      );
      assert.match(noConsent.json().error.details.fields[0].message, /同意/);
      assert.equal(await count('badge'), 0);
      const badName = await staff('POST', '/api/badges', {
        ...issue,
        consent: { givenByName: '李强', givenByRelation: '' },
      });
      assert.equal(badName.statusCode, 400);
      assert.equal(await count('badge'), 0);
      assert.equal(
        (await db().selectFrom('consent_record').select('id').where('purpose', '=', 'love_badge').execute()).length,
        0,
      );

      const res = await staff('POST', '/api/badges', {
        ...issue,
        consent: { givenByName: '李强', givenByRelation: '监护人（儿子）' },
      });
      assert.equal(res.statusCode, 201, res.body);
      badge = res.json();
      // The consent is the registry's own record, in the same transaction, audited like one added in the registry.
      const consent = await db()
        .selectFrom('consent_record')
        .selectAll()
        .where('resident_id', '=', elderId)
        .where('purpose', '=', 'love_badge')
        .execute();
      assert.deepEqual(
        consent.map((c) => [c.given_by_name, c.given_by_relation, c.withdrawn_at]),
        [['李强', '监护人（儿子）', null]],
      );
      assert.deepEqual(res.json().consent && [res.json().consent.givenByName, res.json().consent.givenByRelation], [
        '李强',
        '监护人（儿子）',
      ]);
      const consentAudit = await db()
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'resident.consent_add')
        .where('entity_id', '=', elderId)
        .execute();
      assert.equal(consentAudit.length, 1);
      assert.match(badge.url, /^http:\/\/[^/]+\/b\/[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(res.json().contacts, [
        { label: '儿子', phone: t.a.phones.resident },
        { label: '女儿', phone: DAUGHTER },
      ]);
      assert.equal(res.json().residentName, '李泽钦');
      assert.equal(res.json().idMasked, maskIdNumber(t.a.idNumbers['李泽钦']!));
      // The token is stored only as its hash and encrypted.
      const row = await db().selectFrom('badge').selectAll().where('id', '=', badge.id).executeTakeFirstOrThrow();
      const token = badge.url.split('/').pop()!;
      assert.equal(row.token_hash, crypto.createHash('sha256').update(token).digest('hex'));
      assert.ok(!row.token_enc.includes(token), '!row.token_enc.includes(token)');
      assert.ok(
        !(await staff('GET', '/api/badges/candidates'))
          .json()
          .items.some((c: { residentId: string }) => c.residentId === elderId),
        `!(await staff('GET', '/api/badges/candidates')).json().some((c: { residentId: st`,
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('entity_id', '=', badge.id)
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['badges.issue'],
      );
    });

    it('offers an elder of 60 or over without dementia a badge: refused without consent, made with it', async () => {
      const lv = t.a.residents['吕建国']!;
      const issue = { residentId: lv, nickname: '吕爷爷', cautions: '腿脚不便，请扶他坐下稍等。' };
      const refused = await staff('POST', '/api/badges', issue);
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(fieldErrors(refused), ['consent']);
      const before = await count('badge');
      assert.equal(
        (await db().selectFrom('badge').select('id').where('resident_id', '=', lv).execute()).length,
        0,
        'nothing made without consent',
      );
      const made = await staff('POST', '/api/badges', {
        ...issue,
        contacts: [{ label: '邻居', phone: '13912345077' }],
        consent: { givenByName: '吕建国', givenByRelation: '本人' },
      });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(await count('badge'), before + 1);
      assert.deepEqual(made.json().consent && [made.json().consent.givenByName, made.json().consent.givenByRelation], [
        '吕建国',
        '本人',
      ]);
      const consent = await db()
        .selectFrom('consent_record')
        .select(['given_by_name', 'withdrawn_at'])
        .where('resident_id', '=', lv)
        .where('purpose', '=', 'love_badge')
        .execute();
      assert.deepEqual(consent, [{ given_by_name: '吕建国', withdrawn_at: null }]);
      assert.ok(
        !(await staff('GET', '/api/badges/candidates'))
          .json()
          .items.some((c: { residentId: string }) => c.residentId === lv),
        'no longer a candidate',
      );
    });

    it('previews a badge for staff without logging a scan or telling anyone', async () => {
      const scans = await count('badge_scan');
      const notices = await count('notification_outbox');
      const res = await staff('GET', `/api/badges/${badge.id}/preview`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.body, /李爷爷/);
      assert.match(res.body, /工作人员预览/);
      assert.ok(!res.body.includes('/message'), 'the message form cannot post');
      assert.ok(!res.body.includes(badge.url.split('/').pop()!), 'the token is not in the preview');
      assert.ok(!res.body.includes('李泽钦'), 'no real name');
      const en = await staff('GET', `/api/badges/${badge.id}/preview`, undefined, { 'accept-language': 'en' });
      assert.match(en.body, /Staff preview/);
      await settle();
      assert.equal(await count('badge_scan'), scans, 'not a scan');
      assert.equal(await count('notification_outbox'), notices, 'nobody told');
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', badge.id)
        .where('action', '=', 'badges.preview')
        .execute();
      assert.equal(audit.length, 2);
      assert.equal((await otherStaff('GET', `/api/badges/${badge.id}/preview`)).statusCode, 404);
      assert.equal((await stranger('GET', `/api/badges/${badge.id}/preview`)).statusCode, 403);
    });

    it('refuses bad issues clearly, changing nothing; concurrent issues for one elder make one badge', async () => {
      const before = await count('badge');
      const again = await staff('POST', '/api/badges', { residentId: elderId, nickname: '李爷爷' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'badge_exists');
      const consent = { givenByName: '王秀英', givenByRelation: '本人' };
      const empty = await staff('POST', '/api/badges', {
        residentId: t.a.residents['王秀英'],
        nickname: '  ',
        consent,
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.details.fields[0].message, /昵称/);
      assert.equal(
        (await staff('POST', '/api/badges', { residentId: t.b.residents['王秀英'], nickname: '王奶奶' })).statusCode,
        404,
      ); // another community's resident
      assert.equal(
        (await staff('POST', '/api/badges', { residentId: 'not-a-uuid', nickname: '王奶奶' })).statusCode,
        400,
      );
      // 王秀英 has no family contact: a call list is needed.
      const noContacts = await staff('POST', '/api/badges', {
        residentId: t.a.residents['王秀英'],
        nickname: '王奶奶',
        consent,
      });
      assert.equal(noContacts.statusCode, 400);
      assert.match(noContacts.json().error.details.fields[0].message, /家人/);
      // The nickname and the cautions are shown to strangers: the real name is refused in either.
      const named = await staff('POST', '/api/badges', {
        residentId: t.a.residents['王秀英'],
        nickname: '王秀英奶奶',
        cautions: '王 秀英记性不好',
        consent,
        contacts: [{ label: '女儿', phone: DAUGHTER }],
      });
      assert.equal(named.statusCode, 400);
      assert.deepEqual(
        named.json().error.details.fields.map((f: { field: string; message: string }) => `${f.field}:${f.message}`),
        ['nickname:昵称不能包含老人的真实姓名', 'cautions:嘱托不能包含老人的真实姓名'],
      );
      assert.equal(await count('badge'), before);
      const wang = () =>
        db()
          .selectFrom('consent_record')
          .select('id')
          .where('resident_id', '=', t.a.residents['王秀英']!)
          .where('purpose', '=', 'love_badge')
          .execute();
      assert.equal((await wang()).length, 0, 'a refused issue records no consent');

      const tries = await Promise.all(
        Array.from({ length: 5 }, () =>
          staff('POST', '/api/badges', {
            residentId: t.a.residents['王秀英'],
            nickname: '王奶奶',
            consent,
            contacts: [{ label: '女儿', phone: DAUGHTER }],
          }),
        ),
      );
      assert.deepEqual(tries.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409]);
      assert.equal(await count('badge'), before + 1);
      assert.equal((await wang()).length, 1, "the losers' consents rolled back with them");
    });

    it('serves a small public page without cookies that shows none of the protected fields', async () => {
      const res = await page(badge.url);
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.ok(Buffer.byteLength(html) < 10 * 1024, `${Buffer.byteLength(html)} bytes`);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.match(res.headers['x-robots-tag'] as string, /noindex/);
      assert.match(res.headers['content-security-policy'] as string, /default-src 'none'/);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.ok(html.includes('李爷爷'), `html.includes('李爷爷')`);
      assert.ok(html.includes('他记性不好'), `html.includes('他记性不好')`);
      assert.ok(html.includes(`href="tel:${t.a.phones.resident}"`), 'the first call button rings the son');
      assert.ok(html.includes(`href="tel:${DAUGHTER}"`), 'the daughter is on the list');
      assert.ok(
        html.includes(`href="tel:${DUTY_PHONE.replace('-', '')}"`),
        `html.includes(href="tel:{DUTY_PHONE.replace('-', '')}")`,
      );
      assert.ok(!/<script[^>]+src=|<link|@import|url\(/i.test(html), 'nothing external');
      const idNumber = t.a.idNumbers['李泽钦']!;
      for (const secret of [
        '李泽钦',
        'Li Zeqin',
        '1号楼',
        '宝福路',
        '单元',
        '101',
        idNumber,
        maskIdNumber(idNumber),
        idNumber.slice(0, 14),
        idNumber.slice(-6),
        '阿尔茨海默',
        '失智',
        'dementia',
        '痴呆',
      ]) {
        assert.ok(!html.includes(secret), `the page shows ${secret}`);
      }
      // A phone's browser asks for gzip: the same page, compressed once and cached, and the same headers.
      const gz = await t.app.inject({
        method: 'GET',
        url: pathOf(badge.url),
        headers: { 'accept-encoding': 'gzip, deflate, br' },
        remoteAddress: '10.0.0.1',
      });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers.vary, 'accept-encoding');
      assert.equal(gz.headers['content-security-policy'], res.headers['content-security-policy']);
      assert.equal(gunzipSync(gz.rawPayload).toString(), html);
      assert.ok(gz.rawPayload.length < Buffer.byteLength(html) * 0.7, `${gz.rawPayload.length} bytes gzipped`);
      const refused = await t.app.inject({
        method: 'GET',
        url: pathOf(badge.url),
        headers: { 'accept-encoding': 'gzip;q=0, identity' },
        remoteAddress: '10.0.0.1',
      });
      assert.equal(refused.headers['content-encoding'], undefined);
      assert.equal(refused.body, html);
      const en = await t.app.inject({
        method: 'GET',
        url: pathOf(badge.url),
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        remoteAddress: '10.0.0.1',
      });
      assert.match(en.body, /Call Son/);
      assert.match(en.body, /Call Daughter/);
      assert.doesNotMatch(en.body, /儿子/);
      assert.match(en.body, /lang="en"/);
    });

    it('logs every scan, tells each family contact and the duty phone once per finder in a few minutes', async () => {
      // The four GETs of the previous test were one finder: four scans, one round of notifications.
      await eventually('four scans logged', async () => (await count('badge_scan')) === 4);
      await settle();
      const scans = await db().selectFrom('badge_scan').selectAll().where('badge_id', '=', badge.id).execute();
      assert.equal(scans.length, 4);
      assert.ok(
        scans.every((s) => s.kind === 'view' && s.ip_hash && !s.ip_hash.includes('10.0.0.1')),
        `scans.every((s) => s.kind === 'view' && s.ip_hash && !s.ip_hash.includes('10.0.0`,
      );
      assert.deepEqual(scans.map((s) => Number(s.notified)).sort(), [0, 0, 0, 1]);
      const told = await outbox('badges.scanned');
      assert.deepEqual(told.map((m) => m.recipient).sort(), [t.a.phones.resident, DAUGHTER, DUTY_MOBILE].sort());
      assert.ok(
        told.every((m) => JSON.parse(m.payload).nickname === '李爷爷' && !m.payload.includes('李泽钦')),
        `told.every((m) => JSON.parse(m.payload).nickname === '李爷爷' && !m.payload.include`,
      );
      await page(badge.url, '10.0.0.2');
      await eventually('another finder is another notice', async () => (await outbox('badges.scanned')).length === 6);
      assert.equal(await count('badge_scan'), 5);
      // A HEAD request (a chat app's link preview, a crawler) is answered with the headers but is nobody scanning.
      const head = await t.app.inject({ method: 'HEAD', url: pathOf(badge.url), remoteAddress: '10.0.0.7' });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
      assert.equal(head.headers['cache-control'], 'no-store');
      await settle();
      assert.equal(await count('badge_scan'), 5);
      assert.equal((await outbox('badges.scanned')).length, 6);
    });

    it("sends a finder's message, with the location only when they agreed", async () => {
      const path = `${pathOf(badge.url)}/message`;
      const withLocation = await t.app.inject({
        method: 'POST',
        url: path,
        headers: FORM,
        remoteAddress: '10.0.0.3',
        payload: form({
          message: '老人在公交站，我陪着他',
          place: '宝福路公交站',
          share: '1',
          lat: '34.3623',
          lng: '107.2375',
        }),
      });
      assert.equal(withLocation.statusCode, 200);
      assert.match(withLocation.body, /留言已发送/);
      const without = await t.app.inject({
        method: 'POST',
        url: path,
        headers: FORM,
        remoteAddress: '10.0.0.3',
        payload: form({ message: '我们在超市门口', lat: '34.1', lng: '107.1' }),
      });
      assert.equal(without.statusCode, 200);
      const rows = await db()
        .selectFrom('badge_scan')
        .selectAll()
        .where('badge_id', '=', badge.id)
        .where('kind', '=', 'message')
        .orderBy('at')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [
          r.message,
          r.place,
          r.lat === null ? null : Number(r.lat),
          r.lng === null ? null : Number(r.lng),
        ]),
        [
          ['老人在公交站，我陪着他', '宝福路公交站', 34.3623, 107.2375],
          ['我们在超市门口', null, null, null],
        ],
      );
      const sent = await outbox('badges.message');
      assert.equal(sent.length, 6);
      assert.deepEqual(
        [...new Set(sent.map((m) => m.recipient))].sort(),
        [t.a.phones.resident, DAUGHTER, DUTY_MOBILE].sort(),
      );
      const first = JSON.parse(sent[0]!.payload);
      assert.equal(first.message, '老人在公交站，我陪着他');
      assert.equal(first.lat, 34.3623);

      const scansBefore = await count('badge_scan');
      const outboxBefore = await count('notification_outbox');
      const empty = await t.app.inject({
        method: 'POST',
        url: path,
        headers: FORM,
        payload: form({ message: '  ', place: '' }),
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /请写下留言或所在位置/);
      const tooLong = await t.app.inject({
        method: 'POST',
        url: path,
        headers: FORM,
        payload: form({ message: '长'.repeat(301) }),
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /最多 300 字/);
      assert.equal(await count('badge_scan'), scansBefore);
      assert.equal(await count('notification_outbox'), outboxBefore);
    });

    it('answers malformed and guessed tokens with a plain 404 that suggests 110, and changes nothing', async () => {
      await settle();
      const scansBefore = await count('badge_scan');
      const outboxBefore = await count('notification_outbox');
      const guessed = crypto.randomBytes(32).toString('base64url');
      for (const url of [
        `/b/${guessed}`,
        '/b/abc',
        `/b/${'A'.repeat(42)}%27`,
        `/b/${'A'.repeat(44)}`,
        '/b/%E2%9C%93',
        `/b/${badge.url.split('/').pop()!.slice(0, 42)}*`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /找不到这个二维码/);
        assert.match(res.body, /tel:110/);
        assert.ok(!res.body.includes('0917'), 'no community phone for a token that is nobody');
      }
      const post = await t.app.inject({
        method: 'POST',
        url: `/b/${guessed}/message`,
        headers: FORM,
        payload: form({ message: 'hello' }),
      });
      assert.equal(post.statusCode, 404);
      await settle();
      assert.equal(await count('badge_scan'), scansBefore);
      assert.equal(await count('notification_outbox'), outboxBefore);
    });

    it("shows the family their elder's badge and scans, lets them keep the call list, and nobody else", async () => {
      const mine = (await family('GET', '/api/badges/family')).json();
      assert.equal(mine.length, 1);
      assert.equal(mine[0].id, badge.id);
      assert.ok(mine[0].scans.length >= 5, 'mine[0].scans.length >= 5');
      assert.ok(
        mine[0].scans.some(
          (s: { place: string | null; lat: number | null }) => s.place === '宝福路公交站' && s.lat === 34.3623,
        ),
        `mine[0].scans.some((s: { place: string | null; lat: number | null }) => s.place `,
      );
      assert.deepEqual((await stranger('GET', '/api/badges/family')).json(), []);

      const change = {
        nickname: '李大爷',
        cautions: '他听力不好，请大声说话。',
        contacts: [
          { label: '女儿', phone: DAUGHTER },
          { label: '儿子', phone: SON },
        ],
      };
      assert.equal((await stranger('PUT', `/api/badges/family/${badge.id}`, change)).statusCode, 404);
      const bad = await family('PUT', `/api/badges/family/${badge.id}`, { ...change, contacts: [] });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.details.fields[0].message, /至少需要一位家人/);
      const named = await family('PUT', `/api/badges/family/${badge.id}`, { ...change, cautions: '李泽钦听力不好' });
      assert.equal(named.statusCode, 400);
      assert.equal(named.json().error.details.fields[0].field, 'cautions');
      assert.equal((await family('PUT', `/api/badges/family/${badge.id}`, change)).statusCode, 204);
      // The cached page follows at once.
      const html = (await page(badge.url)).body;
      assert.ok(
        html.includes('李大爷') && html.includes('听力不好'),
        `html.includes('李大爷') && html.includes('听力不好')`,
      );
      assert.ok(
        html.indexOf(`tel:${DAUGHTER}`) < html.indexOf(`tel:${SON}`),
        'html.indexOf(`tel:${DAUGHTER}`) < html.indexOf(`tel:${SON}`)',
      );
      assert.ok(!html.includes(`tel:${t.a.phones.resident}`), '!html.includes(`tel:${t.a.phones.resident}`)');
      // Other roles and communities cannot reach it.
      assert.equal((await otherStaff('GET', `/api/badges/${badge.id}`)).statusCode, 404);
      assert.equal((await stranger('GET', `/api/badges/${badge.id}`)).statusCode, 403);
    });

    it('prints a card whose QR code decodes to the page and which names nobody', async () => {
      const res = await staff('GET', `/api/badges/${badge.id}/card.pdf`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.deepEqual(pdfQrCodes(pdf), [badge.url]);
      const text = pdfText(pdf);
      assert.match(text, /扫码联系家人/);
      assert.match(text, /李大爷/);
      assert.match(text.replace(/\s+/g, ''), /社区热线：0917-3212345/);
      assert.ok(!text.includes('李泽钦'), `!text.includes('李泽钦')`);
    });

    it('audits a staff read of the scans', async () => {
      // A scan is recorded after its page is answered: wait until the earlier tests' scans have all landed, so the
      // two reads below count the same scans (on a busy PostgreSQL one could land between them).
      for (let before = -1, now = await count('badge_scan'); now !== before; now = await count('badge_scan')) {
        before = now;
        await settle();
      }
      const scans = (await staff('GET', `/api/badges/${badge.id}/scans`)).json().items;
      assert.ok(scans.length >= 5, 'scans.length >= 5');
      const reads = () =>
        db()
          .selectFrom('audit_log')
          .select('action')
          .where('community_id', '=', t.a.id)
          .where('action', '=', 'badges.scans_read')
          .execute();
      assert.equal((await reads()).length, 1);
      // Paged: each page read is audited too.
      const two = (await staff('GET', `/api/badges/${badge.id}/scans?pageSize=2`)).json();
      assert.equal(two.items.length, 2);
      assert.equal(two.total, scans.length);
      assert.equal((await reads()).length, 2);
    });

    it('reissues: the old code gives the hotline only; revoking stops the new; a second stop is refused', async () => {
      const res = await staff('POST', `/api/badges/${badge.id}/reissue`);
      assert.equal(res.statusCode, 201, res.body);
      const fresh = res.json();
      assert.notEqual(fresh.url, badge.url);
      assert.deepEqual(
        fresh.contacts.map((c: { phone: string }) => c.phone),
        [DAUGHTER, SON],
      );
      const old = await page(badge.url);
      assert.equal(old.statusCode, 410);
      assert.match(old.body, /已停用/);
      assert.ok(
        old.body.includes(`tel:${HOTLINE.replace('-', '')}`),
        `old.body.includes(tel:{HOTLINE.replace('-', '')})`,
      );
      for (const hidden of [DAUGHTER, SON, '李大爷', DUTY_PHONE]) assert.ok(!old.body.includes(hidden), hidden);
      assert.equal((await page(fresh.url)).statusCode, 200);
      assert.equal((await staff('GET', `/api/badges/${badge.id}`)).json().status, 'replaced');
      assert.equal((await staff('GET', `/api/badges/${badge.id}`)).json().replacedBy, fresh.id);
      assert.equal((await staff('POST', `/api/badges/${badge.id}/reissue`)).statusCode, 409);
      assert.equal((await staff('GET', `/api/badges/${badge.id}/card.pdf`)).statusCode, 409);

      const noReason = await staff('POST', `/api/badges/${fresh.id}/revoke`, { reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      assert.equal((await page(fresh.url)).statusCode, 200);
      assert.equal(
        (await staff('POST', `/api/badges/${fresh.id}/revoke`, { reason: '老人已搬离社区' })).statusCode,
        204,
      );
      const revoked = await page(fresh.url, '10.0.0.9');
      assert.equal(revoked.statusCode, 410);
      assert.ok(!revoked.body.includes(DAUGHTER), '!revoked.body.includes(DAUGHTER)');
      const post = await t.app.inject({
        method: 'POST',
        url: `${pathOf(fresh.url)}/message`,
        headers: FORM,
        payload: form({ message: 'hi' }),
      });
      assert.equal(post.statusCode, 410);
      // A scan of a stopped badge is logged and told to the duty staff only.
      await eventually(
        "the stopped badge's scan is logged",
        async () =>
          (await db().selectFrom('badge_scan').select('id').where('badge_id', '=', fresh.id).execute()).length === 3,
      );
      await settle();
      const told = (await outbox('badges.scanned'))
        .map((m) => ({ to: m.recipient, ...JSON.parse(m.payload) }))
        .filter((m) => m.badgeId === fresh.id && m.status === 'revoked');
      assert.deepEqual(
        told.map((m) => m.to),
        [DUTY_MOBILE],
      );
      const again = await staff('POST', `/api/badges/${fresh.id}/revoke`, { reason: '再次停用' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'badge_not_active');
      const list = (await staff('GET', '/api/badges?status=revoked')).json().items;
      assert.deepEqual(
        list.map((b: { id: string }) => b.id),
        [fresh.id],
      );
      assert.equal(list[0].revokeReason, '老人已搬离社区');
      // A stopped badge can be issued anew for the same elder (the consent given at the first issue still stands).
      assert.equal((await staff('POST', '/api/badges', { residentId: elderId, nickname: '李大爷' })).statusCode, 201);
    });

    it('takes a family contact removed in the registry off the call list and out of the family page', async () => {
      const current = (await staff('GET', '/api/badges?status=active'))
        .json()
        .items.find((b: { residentId: string }) => b.residentId === elderId);
      assert.deepEqual(
        current.contacts.map((c: { phone: string }) => c.phone),
        [t.a.phones.resident, DAUGHTER],
      );
      assert.ok((await page(current.url, '10.0.0.30')).body.includes(`tel:${DAUGHTER}`)); // cached now
      const contacts = await db()
        .selectFrom('family_contact')
        .select(['id', 'phone'])
        .where('resident_id', '=', elderId)
        .execute();
      const daughter = contacts.find((c) => c.phone === DAUGHTER)!;
      assert.equal((await staff('DELETE', `/api/residents/${elderId}/contacts/${daughter.id}`)).statusCode, 204);
      assert.deepEqual(
        (await staff('GET', `/api/badges/${current.id}`)).json().contacts.map((c: { phone: string }) => c.phone),
        [t.a.phones.resident],
      );
      assert.ok(!(await page(current.url, '10.0.0.31')).body.includes(DAUGHTER), 'the cached page follows at once');
      await settle();
      const told = (await outbox('badges.scanned'))
        .filter((m) => JSON.parse(m.payload).badgeId === current.id)
        .map((m) => m.recipient);
      assert.ok(told.includes(DAUGHTER), 'told before the removal');
      assert.equal(told.filter((r) => r === DAUGHTER).length, 1, 'and not after it');
      // The son removed from the registry no longer sees his mother's badge.
      const son = contacts.find((c) => c.phone === t.a.phones.resident)!;
      assert.equal((await family('GET', '/api/badges/family')).json().length, 1);
      assert.equal((await staff('DELETE', `/api/residents/${elderId}/contacts/${son.id}`)).statusCode, 204);
      assert.deepEqual((await family('GET', '/api/badges/family')).json(), []);
      assert.equal(
        (
          await family('PUT', `/api/badges/family/${current.id}`, {
            nickname: '李大爷',
            cautions: '',
            contacts: [{ label: '儿子', phone: SON }],
          })
        ).statusCode,
        404,
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', current.id)
        .where('action', '=', 'badges.contact_removed')
        .execute();
      assert.equal(audit.length, 2);
    });

    it('stops the badge once the love_badge consent is withdrawn in the registry, and lists it so', async () => {
      const current = (await staff('GET', '/api/badges?status=active'))
        .json()
        .items.find((b: { residentId: string }) => b.residentId === elderId);
      assert.ok(current.consent, 'the list shows the consent it stands on');
      assert.equal((await page(current.url, '10.0.0.20')).statusCode, 200); // cached now
      const [consent] = await db()
        .selectFrom('consent_record')
        .select('id')
        .where('resident_id', '=', elderId)
        .where('purpose', '=', 'love_badge')
        .execute();
      assert.equal((await staff('POST', `/api/residents/${elderId}/consents/${consent!.id}/withdraw`)).statusCode, 204);
      const stopped = (await staff('GET', `/api/badges/${current.id}`)).json();
      assert.equal(stopped.status, 'revoked');
      assert.equal(stopped.revokeReason, '本人或监护人撤回了爱心二维码的同意');
      assert.equal(stopped.consent, null);
      const after = await page(current.url, '10.0.0.20');
      assert.equal(after.statusCode, 410, 'the cached page is dropped at once');
      assert.ok(!after.body.includes(t.a.phones.resident), 'no family phone any more');
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', current.id)
        .where('action', '=', 'badges.revoke')
        .execute();
      assert.equal(audit.length, 1);
      // Without a new consent, no new badge.
      const again = await staff('POST', '/api/badges', { residentId: elderId, nickname: '李大爷' });
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().error.details.fields[0].field, 'consent');
      // Withdrawing another purpose's consent leaves badges alone.
      const wang = (await staff('GET', '/api/badges?status=active'))
        .json()
        .items.find((b: { residentId: string }) => b.residentId === t.a.residents['王秀英']);
      const other = await staff('POST', `/api/residents/${t.a.residents['王秀英']}/consents`, {
        purpose: 'publicity',
        givenByName: '王秀英',
        givenByRelation: '本人',
      });
      assert.equal(other.statusCode, 201, other.body);
      assert.equal(
        (await staff('POST', `/api/residents/${t.a.residents['王秀英']}/consents/${other.json().id}/withdraw`))
          .statusCode,
        204,
      );
      assert.equal((await staff('GET', `/api/badges/${wang.id}`)).json().status, 'active');
      // A badge whose consent went some other way (before this rule, or by hand) cannot be reissued.
      await db()
        .updateTable('consent_record')
        .set({ withdrawn_at: new Date().toISOString() })
        .where('resident_id', '=', t.a.residents['王秀英']!)
        .where('purpose', '=', 'love_badge')
        .execute();
      const reissue = await staff('POST', `/api/badges/${wang.id}/reissue`);
      assert.equal(reissue.statusCode, 409);
      assert.equal(reissue.json().error.code, 'badge_consent_required');
      assert.match(reissue.json().error.message, /同意/);
      assert.equal((await staff('GET', `/api/badges/${wang.id}`)).json().status, 'active');
      assert.equal(
        (await staff('GET', '/api/badges?status=active')).json().items.find((b: { id: string }) => b.id === wang.id)
          .consent,
        null,
      );
    });

    it('writes the scans still waiting in their batch when the app closes', async () => {
      const other = await startTestApp(kind);
      try {
        const s = as(other.app, await signIn(other.app, other.a.phones.staff));
        const made = await s('POST', '/api/badges', {
          residentId: other.a.residents['王秀英'],
          nickname: '王奶奶',
          consent: { givenByName: '王秀英', givenByRelation: '本人' },
          contacts: [{ label: '女儿', phone: DAUGHTER }],
        });
        assert.equal(made.statusCode, 201, made.body);
        for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3'])
          assert.equal(
            (await other.app.inject({ method: 'GET', url: pathOf(made.json().url), remoteAddress: ip })).statusCode,
            200,
          );
        await other.app.close(); // at once: the batch has not been written yet
        const rows = await other.db.handle.db.selectFrom('badge_scan').select('id').execute();
        assert.equal(rows.length, 3);
        assert.equal(
          (
            await other.db.handle.db
              .selectFrom('notification_outbox')
              .select('id')
              .where('template', '=', 'badges.scanned')
              .execute()
          ).length,
          3,
        );
      } finally {
        await other.db.dispose();
      }
    });

    it('rate limits the public page per address with a plain 429 page', async () => {
      const limited = await startTestApp(kind, { LINLI_RATE_LIMITS: '1' });
      try {
        const guess = `/b/${crypto.randomBytes(32).toString('base64url')}`;
        const codes: number[] = [];
        for (let i = 0; i < 31; i++)
          codes.push((await limited.app.inject({ method: 'GET', url: guess, remoteAddress: '10.1.1.1' })).statusCode);
        assert.deepEqual(codes.slice(0, 30), Array(30).fill(404));
        const res = await limited.app.inject({ method: 'GET', url: guess, remoteAddress: '10.1.1.1' });
        assert.equal(res.statusCode, 429);
        assert.match(res.headers['content-type'] as string, /^text\/html/);
        assert.match(res.body, /操作太频繁/);
        assert.equal(
          (await limited.app.inject({ method: 'GET', url: guess, remoteAddress: '10.1.1.2' })).statusCode,
          404,
          'another address is not held back',
        );
      } finally {
        await limited.close();
      }
    });
  });
}

describe('the badge page takes gzip only when the browser does', () => {
  it('reads Accept-Encoding lists, q values and look-alikes', () => {
    const cases: Array<[string | undefined, boolean]> = [
      ['gzip, deflate, br', true],
      ['deflate, gzip', true],
      ['GZIP', true],
      ['br,gzip;q=1', true],
      ['gzip; q=0.5', true],
      ['gzip;q=0, identity', false],
      ['gzip;q=0.000', false],
      ['x-gzip', false],
      ['identity', false],
      ['', false],
      [undefined, false],
    ];
    assert.deepEqual(
      cases.map(([h]) => acceptsGzip(h)),
      cases.map(([, want]) => want),
    );
  });
});

describe("the badge page keeps its token and the finder's address out of the app log", () => {
  it('logs warnings and errors only, from one logger shared by every request', () => {
    const lines: string[] = [];
    const parent = pino(
      { level: 'info' },
      {
        write: (l: string) => {
          lines.push(l);
        },
      },
    );
    const log = badgePageLogger(parent);
    log.info({ req: { path: '/b/secret-token', ip: '10.9.9.9' } }, 'incoming request');
    assert.equal(lines.length, 0, 'no request line with the token or the address');
    log.error('badge page failed');
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0]!).area, 'badge-page');
    const silent = badgePageLogger(pino({ level: 'error' }, { write: () => {} }));
    assert.equal(silent.level, 'error', 'a quieter app stays as quiet');
  });
});
