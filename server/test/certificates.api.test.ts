// Service certificates on both databases: issued from verified credit hours only (pending and honour hours are
// not service), rendered as a PDF whose text and QR code are read back, frozen at issue (a later correction
// changes nothing printed), revocable with the verify page then saying so, unique sequential numbers under
// concurrent issuing, and every bad input refused with a clear message and nothing changed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signInAs,
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  countRows,
  fieldErrors,
  recordService,
  verifyService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { pdfQrCodes, pdfText } from './certificates-pdf.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`certificates on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, me: Client, otherVolunteer: Client;
    let myId: string, otherId: string, idleId: string;
    const today = todayInShanghai();
    const year = today.slice(0, 4);

    /** Records service (pending) through the hours ledger and, unless told otherwise, verifies it as staff. */
    async function serve(
      volunteerId: string,
      minutes: number,
      date: string,
      description: string,
      verify = true,
    ): Promise<string> {
      const id = await recordService(t, { volunteerId, minutes, date, description });
      if (verify) await verifyService(staff, [id]);
      return id;
    }
    const count = () => countRows(t.db.handle.db, 'certificate');
    const pathOf = (url: string) => new URL(url).pathname;

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      [admin, staff, me, otherVolunteer] = await signInAll(t, ['community_admin', 'staff', 'volunteer', 'resident']);
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
      });
      otherId = await insertAccountVolunteer(t, 'resident', {
        name: '张建华',
      });
      idleId = await insertVolunteer(db, t.cipher, t.a.id, { name: '赵闲' });
      await serve(myId, 180, addDays(today, -30), '中秋包饺子 · 厨房组');
      await serve(myId, 120, addDays(today, -20), '中秋包饺子 · 厨房组');
      await serve(myId, 90, addDays(today, -10), '宝福路清扫');
      await serve(myId, 600, addDays(today, -5), '未核实的服务', false); // pending: never on a certificate
      const h = await admin('POST', '/api/hours/honour', {
        volunteerId: myId,
        serviceDate: addDays(today, -3),
        minutes: 120,
        reason: '抗疫表彰',
      });
      assert.equal(h.statusCode, 201, h.body);
      for (let i = 0; i < 25; i++) await serve(otherId, 60, addDays(today, -40 - i), `走访 ${i}`);
    });
    after(async () => {
      await t.close();
    });

    it('issues a certificate of verified service only, whose PDF text and QR code say what it must', async () => {
      const res = await me('POST', '/api/certificates/mine', {});
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json();
      assert.match(c.number, new RegExp(`^XG-${year}-\\d{6}$`));
      assert.equal(c.serviceHours, 6.5); // 3 + 2 + 1.5: the pending 10 hours are not service
      assert.equal(c.honourHours, 2);
      assert.equal(c.periodFrom, addDays(today, -30));
      assert.equal(c.periodTo, today);
      assert.deepEqual(
        c.lines.map((l: any) => [l.description, l.entries, l.minutes]),
        [
          ['中秋包饺子 · 厨房组', 2, 300],
          ['宝福路清扫', 1, 90],
        ],
      );

      const pdf = await me('GET', `/api/certificates/mine/${c.id}/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const bytes = pdf.rawPayload;
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(bytes).replace(/\n/g, '');
      const masked = (
        await t.db.handle.db
          .selectFrom('volunteer')
          .select('id_number_masked')
          .where('id', '=', myId)
          .executeTakeFirstOrThrow()
      ).id_number_masked;
      for (const want of [
        '志愿服务记录证明',
        '刘红梅',
        '居民身份证',
        masked,
        '累计志愿服务时长 6.5 小时',
        c.number,
        '中秋包饺子',
        '西关社区居民委员会',
        '经办人',
        '荣誉时长 2 小时',
        '不计入',
        '扫码核验',
      ])
        assert.ok(text.includes(want), `PDF text lacks ${want}:\n${text}`);
      assert.ok(!text.includes('未核实的服务'), 'a pending entry is printed');
      // No phone configured yet: no 联系电话 line, never a dash in its place.
      assert.ok(!text.includes('联系电话') && !text.includes('—'), `an empty phone is printed:\n${text}`);
      assert.ok(/\d{6}\*{8}\d{3}[\dX]/.test(masked) && !text.match(/\d{17}[\dX]/), 'the full ID number is printed');

      const qr = pdfQrCodes(bytes);
      assert.equal(qr.length, 1);
      assert.equal(qr[0], c.verifyUrl);
      assert.match(c.verifyUrl, new RegExp(`/verify/${t.a.id}/[A-Za-z0-9_-]{24}$`));
      // The token carries ≥128 random bits and is not the sequential number.
      assert.ok(!c.verifyUrl.includes(c.number));

      const v = await t.app.inject({ method: 'GET', url: `/api/certificates${pathOf(c.verifyUrl)}` });
      assert.equal(v.statusCode, 200, v.body);
      assert.deepEqual(v.json(), {
        title: '志愿服务记录证明',
        number: c.number,
        maskedName: '刘*梅',
        issuer: '西关社区居民委员会',
        status: 'valid',
        periodFrom: c.periodFrom,
        periodTo: today,
        serviceHours: 6.5,
        issuedOn: today,
        revokedOn: null,
        revokeReason: null,
      });
    });

    it('keeps an issued certificate as it was when a later correction changes the ledger', async () => {
      const c = (await staff('POST', '/api/certificates', { volunteerId: myId })).json();
      const entry = (
        await t.db.handle.db
          .selectFrom('hours_entry')
          .select('id')
          .where('volunteer_id', '=', myId)
          .where('description', '=', '宝福路清扫')
          .where('corrected_by', 'is', null)
          .executeTakeFirstOrThrow()
      ).id;
      const fix = await staff('POST', `/api/hours/entries/${entry}/correct`, {
        minutes: 30,
        reason: '实际只服务了半小时',
      });
      assert.equal(fix.statusCode, 201, fix.body);
      const again = pdfText((await staff('GET', `/api/certificates/${c.id}/pdf`)).rawPayload).replace(/\n/g, '');
      assert.ok(again.includes('累计志愿服务时长 6.5 小时'), again);
      const listed = (await staff('GET', `/api/certificates?volunteerId=${myId}`))
        .json()
        .items.find((x: any) => x.id === c.id);
      assert.equal(listed.serviceHours, 6.5);
      // A new certificate shows the corrected figure.
      const fresh = (await staff('POST', '/api/certificates', { volunteerId: myId })).json();
      assert.equal(fresh.serviceHours, 5.5);
    });

    it('revokes with a reason: verify says revoked, no more downloads, a second revoke is refused', async () => {
      const c = (await me('POST', '/api/certificates/mine', { from: addDays(today, -25) })).json();
      assert.equal(c.serviceHours, 2.5);
      const noReason = await staff('POST', `/api/certificates/${c.id}/revoke`, { reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.json().error.details.fields[0].message, /撤销原因/);
      const r = await staff('POST', `/api/certificates/${c.id}/revoke`, { reason: '时长登记有误' });
      assert.equal(r.statusCode, 204, r.body);
      const v = (await t.app.inject({ method: 'GET', url: `/api/certificates${pathOf(c.verifyUrl)}` })).json();
      assert.equal(v.status, 'revoked');
      assert.equal(v.revokeReason, '时长登记有误');
      assert.equal(v.revokedOn, today);
      const dl = await me('GET', `/api/certificates/mine/${c.id}/pdf`);
      assert.equal(dl.statusCode, 409);
      assert.equal(dl.json().error.code, 'certificate_revoked');
      const staffPdf = pdfText((await staff('GET', `/api/certificates/${c.id}/pdf`)).rawPayload);
      assert.ok(staffPdf.includes('已撤销'), staffPdf);
      const twice = await staff('POST', `/api/certificates/${c.id}/revoke`, { reason: '再次撤销' });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.json().error.message, /已撤销/);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', 'like', 'certificates.%')
        .execute();
      assert.ok(
        audit.some((a) => a.action === 'certificates.revoke') && audit.some((a) => a.action === 'certificates.issue'),
      );
    });

    it('gives unique, consecutive numbers to 20 certificates issued at once', async () => {
      const before = (await staff('GET', '/api/certificates?pageSize=200')).json().items.map((c: any) => c.number);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? staff : admin)('POST', '/api/certificates', { volunteerId: otherId }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        Array(20).fill(201),
        results.map((r) => r.body).join('\n'),
      );
      const numbers = results.map((r) => r.json().number as string);
      assert.equal(new Set(numbers).size, 20);
      const seqs = [...numbers, ...before].map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      assert.deepEqual(
        seqs,
        Array.from({ length: seqs.length }, (_, i) => i + 1),
      );
      const tokens = new Set(
        (await t.db.handle.db.selectFrom('certificate').select('token').execute()).map((r) => r.token),
      );
      assert.equal(tokens.size, seqs.length);
      // 25 lines: the PDF still fits, the rest summed up in one row.
      const text = pdfText((await staff('GET', `/api/certificates/${results[0]!.json().id}/pdf`)).rawPayload).replace(
        /\n/g,
        '',
      );
      assert.ok(text.includes('累计志愿服务时长 25 小时') && text.includes('其他 8 项服务'), text);
    });

    it('refuses bad input with a clear message and issues nothing', async () => {
      const n = await count();
      const cases: Array<[Client, string, unknown, number, RegExp]> = [
        [
          me,
          '/api/certificates/mine',
          { from: addDays(today, -1), to: addDays(today, -9) },
          400,
          /开始日期不能晚于结束日期/,
        ],
        [me, '/api/certificates/mine', { to: addDays(today, 3) }, 400, /不能晚于今天/],
        [me, '/api/certificates/mine', { from: '2026-02-30' }, 400, /真实存在的日期/],
        [me, '/api/certificates/mine', { from: addDays(today, -2) }, 400, /没有经核实的志愿服务/],
        [staff, '/api/certificates', { volunteerId: idleId }, 400, /没有经核实的志愿服务/],
        [staff, '/api/certificates', { volunteerId: 'nope' }, 400, /./],
        [staff, '/api/certificates', { volunteerId: uuidv7() }, 404, /志愿者/],
      ];
      for (const [who, url, body, status, message] of cases) {
        const res = await who('POST', url, body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)} → ${res.body}`);
        const e = res.json().error;
        assert.match(e.details?.fields?.map((f: any) => f.message).join(' ') || e.message, message, res.body);
      }
      // Another community's volunteer is not found.
      const bAdmin = await signInAs(t, 'community_admin', 'b');
      assert.equal((await bAdmin('POST', '/api/certificates', { volunteerId: myId })).statusCode, 404);
      assert.equal(await count(), n);
      // An unknown token, a token of the wrong community, a malformed token: not found or refused, never a 500.
      const any = (await staff('GET', '/api/certificates')).json().items[0];
      const token = any.verifyUrl.split('/').pop();
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/certificates/verify/${t.a.id}/${'A'.repeat(24)}` })).statusCode,
        404,
      );
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/certificates/verify/${t.b.id}/${token}` })).statusCode,
        404,
      );
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/certificates/verify/${t.a.id}/x'y` })).statusCode,
        400,
      );
      // Someone else's certificate is not mine to download.
      const notMine = any.volunteerId === otherId ? (await me('GET', '/api/certificates/mine')).json()[0].id : any.id;
      assert.equal((await otherVolunteer('GET', `/api/certificates/mine/${notMine}/pdf`)).statusCode, 404);
    });

    it('answers a community with no settings row its defaults, with an empty phone to fill', async () => {
      const staffB = await signInAs(t, 'staff', 'b');
      const none = await t.db.handle.db
        .selectFrom('certificate_settings')
        .select('community_id')
        .where('community_id', '=', t.b.id)
        .executeTakeFirst();
      assert.equal(none, undefined);
      const res = await staffB('GET', '/api/certificates/settings');
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.deepEqual(Object.keys(s).sort(), [
        'configured',
        'contactPhone',
        'handlerName',
        'issuerName',
        'prefix',
        'responsiblePerson',
      ]);
      assert.equal(s.configured, false);
      assert.equal(s.contactPhone, '');
      assert.match(s.issuerName, /居民委员会$/);
      assert.match(s.prefix, /^[A-Z]{1,6}$/);
      // What the form sends back once the phone is filled in is accepted as it stands.
      const saved = await staffB('PUT', '/api/certificates/settings', {
        issuerName: s.issuerName,
        responsiblePerson: s.responsiblePerson || '周主任',
        handlerName: s.handlerName || '吴社工',
        contactPhone: '0917-3210000',
        prefix: s.prefix,
      });
      assert.equal(saved.statusCode, 204, saved.body);
      const after = (await staffB('GET', '/api/certificates/settings')).json();
      assert.equal(after.configured, true);
      assert.equal(after.contactPhone, '0917-3210000');
    });

    it('prints the issuer the settings name, and refuses bad settings', async () => {
      const bad = await staff('PUT', '/api/certificates/settings', {
        issuerName: '西关社区居民委员会',
        responsiblePerson: '王主任',
        handlerName: '李社工',
        contactPhone: '电话',
        prefix: 'xg1',
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['contactPhone', 'prefix']);
      const ok = await staff('PUT', '/api/certificates/settings', {
        issuerName: '西关社区居民委员会',
        responsiblePerson: '王主任',
        handlerName: '李社工',
        contactPhone: '0917-3212345',
        prefix: 'XGSQ',
      });
      assert.equal(ok.statusCode, 204, ok.body);
      const s = (await staff('GET', '/api/certificates/settings')).json();
      assert.equal(s.configured, true);
      const c = (await me('POST', '/api/certificates/mine', {})).json();
      assert.match(c.number, new RegExp(`^XGSQ-${year}-\\d{6}$`));
      assert.equal(c.handlerName, '李社工');
      const text = pdfText((await me('GET', `/api/certificates/mine/${c.id}/pdf`)).rawPayload).replace(/\n/g, '');
      assert.ok(
        text.includes('负责人：王主任') && text.includes('0917-3212345') && text.includes('经办人：李社工'),
        text,
      );
      const mine = (await me('GET', '/api/certificates/mine')).json();
      assert.ok(mine.length >= 3 && mine.every((x: any) => x.volunteerId === myId));
    });
  });
}
