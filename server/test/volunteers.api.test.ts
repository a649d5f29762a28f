import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { as, latestOutboxPayload, signInAll, startTestApp, xlsxUpload, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import ExcelJS from 'exceljs';
import { makeIdNumber } from './factories.ts';
import QRCode from 'qrcode';

const multipart = (content: Buffer, fileName = 'volunteers.xlsx') => xlsxUpload(content, fileName);

const YEAR = Number(new Date().toISOString().slice(0, 4));

for (const kind of testDatabaseKinds()) {
  describe(`volunteers API on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let admin: Client;
    let coordinator: Client;
    let volunteerUser: Client;
    let pub: Client;
    let unitA: string;
    let unitB: string;
    let order = 40;

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      const now = new Date().toISOString();
      unitA = uuidv7();
      unitB = uuidv7();
      await db
        .insertInto('unit')
        .values([
          {
            community_id: t.a.id,
            id: unitA,
            name: '宝鸡市第一中学',
            kind: 'school',
            address: null,
            contact_name: null,
            contact_phone: null,
            created_at: now,
          },
          {
            community_id: t.a.id,
            id: unitB,
            name: '市委党校',
            kind: 'party_school',
            address: null,
            contact_name: null,
            contact_phone: null,
            created_at: now,
          },
        ])
        .execute();
      const coordAccount = await db
        .selectFrom('account')
        .select('id')
        .where('phone', '=', t.a.phones.unit_coordinator)
        .executeTakeFirstOrThrow();
      await db.updateTable('membership').set({ unit_id: unitA }).where('account_id', '=', coordAccount.id).execute();
      [staff, admin, coordinator, volunteerUser] = await signInAll(t, [
        'staff',
        'community_admin',
        'unit_coordinator',
        'volunteer',
      ]);
      pub = as(t.app, null);
    });
    after(async () => {
      await t.close();
    });

    const counts = async () => {
      const db = t.db.handle.db;
      const n = async (
        table:
          | 'volunteer'
          | 'volunteer_skill'
          | 'volunteer_guardian'
          | 'availability_slot'
          | 'audit_log'
          | 'account'
          | 'membership',
      ) =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        volunteer: await n('volunteer'),
        skill: await n('volunteer_skill'),
        guardian: await n('volunteer_guardian'),
        slot: await n('availability_slot'),
        audit: await n('audit_log'),
        account: await n('account'),
        membership: await n('membership'),
      };
    };

    async function latestCode(phone: string, template: string): Promise<string> {
      return (await latestOutboxPayload(t.db.handle.db, phone, template))!.code;
    }

    function person(birthDate: string, gender: 'male' | 'female' = 'female', extra: Record<string, unknown> = {}) {
      order++;
      return {
        name: '张秀兰',
        gender,
        birthDate,
        phone: `1350000${String(order).padStart(4, '0')}`,
        idNumber: makeIdNumber(birthDate, gender, order),
        fitness: 'good',
        politicalStatus: 'masses',
        recruitedVia: 'self',
        ...extra,
      };
    }

    async function selfRegister(body: Record<string, unknown>) {
      const phone = body.phone as string;
      const sent = await pub('POST', '/api/public/volunteer-registrations/code', { phone });
      assert.equal(sent.statusCode, 202, sent.body);
      const code = await latestCode(phone, 'volunteer_registration_code');
      return pub('POST', '/api/public/volunteer-registrations', { communityId: t.a.id, code, consent: true, ...body });
    }

    it('lists communities for the public form', async () => {
      const res = await pub('GET', '/api/public/communities');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res
          .json()
          .map((c: any) => c.name)
          .sort(),
        ['东关社区', '西关社区'].sort(),
      );
    });

    it('registers a volunteer from a phone with a code, pending until approved; the ID number encrypted', async () => {
      const body = person('1988-06-15', 'female', {
        skills: [
          { code: 'nurse', level: 'skilled', licenceNo: 'N-2020-88', licenceExpiresOn: `${YEAR + 2}-01-01` },
          { code: 'haircut', level: 'basic' },
        ],
        availability: [{ weekday: 6, startMinute: 540, endMinute: 720 }],
      });
      const res = await selfRegister(body);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().status, 'pending');
      const detail = (await staff('GET', `/api/volunteers/${res.json().id}`)).json();
      assert.equal(detail.status, 'pending');
      assert.match(detail.idNumber, /^610302\*{8}\d{3}[\dX]$/);
      assert.deepEqual(
        detail.skills.map((s: any) => s.code),
        ['haircut', 'nurse'],
      );
      assert.equal(detail.availability.length, 1);
      const row = await t.db.handle.db
        .selectFrom('volunteer')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(body.idNumber));
      // The code is used up: the same code does not register anyone else.
      const again = await pub('POST', '/api/public/volunteer-registrations', {
        communityId: t.a.id,
        code: await latestCode(body.phone, 'volunteer_registration_code'),
        consent: true,
        ...person('1990-01-01', 'male', { phone: body.phone }),
      });
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().error.details.fields[0].field, 'code');
    });

    it('refuses a wrong code, a missing consent, and bad input, leaving nothing behind', async () => {
      const before = await counts();
      const body = person('1980-02-02');
      await pub('POST', '/api/public/volunteer-registrations/code', { phone: body.phone });
      const wrong = await pub('POST', '/api/public/volunteer-registrations', {
        communityId: t.a.id,
        code: '000000' === (await latestCode(body.phone, 'volunteer_registration_code')) ? '111111' : '000000',
        consent: true,
        ...body,
      });
      assert.equal(wrong.statusCode, 400);
      const noConsent = await pub('POST', '/api/public/volunteer-registrations', {
        communityId: t.a.id,
        code: await latestCode(body.phone, 'volunteer_registration_code'),
        consent: false,
        ...body,
      });
      assert.equal(noConsent.statusCode, 400);
      assert.ok(noConsent.json().error.details.fields.some((f: any) => f.field === 'consent'));
      assert.deepEqual(await counts(), before);
    });

    it('refuses a minor without a guardian, and records the guardian’s consent (the data under 14)', async () => {
      const before = await counts();
      const child = person(`${YEAR - 12}-03-10`, 'male');
      const refused = await selfRegister(child);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.ok(refused.json().error.details.fields.some((f: any) => f.field === 'guardian'));
      assert.match(refused.json().error.message, /请检查|check/);
      assert.deepEqual(await counts(), { ...before });
      const ok = await staff('POST', '/api/volunteers', {
        ...child,
        guardian: { name: '王父', phone: '13600000001', relation: 'father' },
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const detail = (await staff('GET', `/api/volunteers/${ok.json().id}`)).json();
      assert.equal(detail.guardian.name, '王父');
      assert.equal(detail.guardian.coversData, true);
      const teen = await staff('POST', '/api/volunteers', {
        ...person(`${YEAR - 16}-01-10`),
        guardian: { name: '李母', phone: '13600000002', relation: 'mother' },
      });
      assert.equal(teen.statusCode, 201);
      assert.equal((await staff('GET', `/api/volunteers/${teen.json().id}`)).json().guardian.coversData, false);
    });

    it('refuses an age outside the community’s range with a clear error', async () => {
      const before = await counts();
      for (const birth of [`${YEAR - 7}-01-01`, `${YEAR - 85}-01-01`]) {
        const res = await selfRegister({
          ...person(birth),
          guardian: { name: '王父', phone: '13600000001', relation: 'father' },
        });
        assert.equal(res.statusCode, 400, birth);
        const f = res.json().error.details.fields.find((x: any) => x.field === 'birthDate');
        assert.match(f.message, /年龄/);
      }
      assert.deepEqual(await counts(), before);
    });

    it('refuses an ID number that disagrees with the birth date or gender, or has a bad checksum', async () => {
      const before = await counts();
      const p = person('1975-05-05', 'male');
      const mismatch = await staff('POST', '/api/volunteers', { ...p, birthDate: '1975-05-06' });
      assert.equal(mismatch.statusCode, 400);
      assert.equal(mismatch.json().error.details.fields[0].field, 'idNumber');
      const gender = await staff('POST', '/api/volunteers', { ...p, gender: 'female' });
      assert.equal(gender.statusCode, 400);
      const checksum = await staff('POST', '/api/volunteers', {
        ...p,
        idNumber: p.idNumber.slice(0, 17) + (p.idNumber.endsWith('1') ? '2' : '1'),
      });
      assert.equal(checksum.statusCode, 400);
      assert.deepEqual(await counts(), before);
    });

    it('refuses a duplicate ID number in the community with 409', async () => {
      const p = person('1966-09-09', 'male');
      assert.equal((await staff('POST', '/api/volunteers', p)).statusCode, 201);
      const before = await counts();
      const dup = await selfRegister({ ...p, phone: '13500009999' });
      assert.equal(dup.statusCode, 409, dup.body);
      assert.equal(dup.json().error.code, 'duplicate_volunteer');
      assert.deepEqual(await counts(), before);
    });

    it('refuses an expired licence and a licensed skill without a licence', async () => {
      const before = await counts();
      const expired = await staff(
        'POST',
        '/api/volunteers',
        person('1970-01-01', 'male', {
          skills: [{ code: 'doctor', level: 'expert', licenceNo: 'D-1', licenceExpiresOn: '2020-01-01' }],
        }),
      );
      assert.equal(expired.statusCode, 400);
      assert.equal(expired.json().error.details.fields[0].field, 'skills.0.licenceExpiresOn');
      const missing = await staff(
        'POST',
        '/api/volunteers',
        person('1970-01-01', 'male', { skills: [{ code: 'lawyer', level: 'expert' }] }),
      );
      assert.equal(missing.statusCode, 400);
      assert.ok(missing.json().error.details.fields.some((f: any) => f.field === 'skills.0.licenceNo'));
      assert.deepEqual(await counts(), before);
    });

    it('approval creates an account and membership; the volunteer signs in by code and sees their card', async () => {
      const body = person('1992-12-12', 'female');
      const reg = await selfRegister(body);
      const id = reg.json().id;
      const pending = (await staff('GET', '/api/volunteers?status=pending&pageSize=200')).json();
      assert.ok(pending.items.some((v: any) => v.id === id));
      // A volunteer may not approve.
      assert.equal((await volunteerUser('POST', `/api/volunteers/${id}/approve`, {})).statusCode, 403);
      const ok = await staff('POST', `/api/volunteers/${id}/approve`, { note: '材料齐全' });
      assert.equal(ok.statusCode, 204, ok.body);
      const account = await t.db.handle.db
        .selectFrom('account')
        .selectAll()
        .where('phone', '=', body.phone)
        .executeTakeFirstOrThrow();
      assert.equal(account.password_hash, null);
      const m = await t.db.handle.db
        .selectFrom('membership')
        .selectAll()
        .where('account_id', '=', account.id)
        .executeTakeFirstOrThrow();
      assert.equal(m.role, 'volunteer');
      assert.equal(m.community_id, t.a.id);
      const log = (await admin('GET', `/api/audit?action=volunteer.approve&entityId=${id}`)).json();
      assert.equal(log.total, 1);
      assert.equal((await staff('POST', `/api/volunteers/${id}/approve`, {})).statusCode, 409);

      assert.equal((await pub('POST', '/api/auth/code', { phone: body.phone })).statusCode, 202);
      const code = await latestCode(body.phone, 'sign_in_code');
      const signed = await pub('POST', '/api/auth/sign-in-code', { phone: body.phone, code });
      assert.equal(signed.statusCode, 200, signed.body);
      const cookie = signed.cookies.find((c) => c.name === 'linli_session')!;
      const me = as(t.app, { cookie: `linli_session=${cookie.value}`, csrf: signed.json().csrfToken });
      const mine = await me('GET', '/api/volunteers/me');
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().profile.id, id);
      assert.match(mine.json().card.qrSvg, /^<svg/);
      // The card's QR is kept once drawn: it is still the drawing of this card's own address.
      const drawn = await QRCode.toString(mine.json().card.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      assert.equal(mine.json().card.qrSvg, drawn);
      assert.equal((await me('GET', '/api/volunteers/me')).json().card.qrSvg, drawn);
      assert.match(mine.json().card.url, new RegExp(`/console/volunteers/card/${mine.json().card.token}$`));
      // Staff scan the card.
      const scanned = await staff('GET', `/api/volunteers/card/${mine.json().card.token}`);
      assert.equal(scanned.statusCode, 200);
      assert.equal(scanned.json().name, body.name);
      assert.equal(scanned.json().status, 'approved');
      // A volunteer cannot read someone else's ID number, nor scan cards.
      assert.equal((await me('GET', `/api/volunteers/${id}/sensitive`)).statusCode, 403);
      assert.equal((await me('GET', `/api/volunteers/card/${mine.json().card.token}`)).statusCode, 403);
    });

    it('turns a resident membership into a volunteer one on approval', async () => {
      const body = person('1991-03-03', 'male', { phone: t.a.phones.resident });
      const reg = await staff('POST', '/api/volunteers', body); // staff hold volunteers.approve: approved at once
      assert.equal(reg.statusCode, 201);
      assert.equal(reg.json().status, 'approved');
      const account = await t.db.handle.db
        .selectFrom('account')
        .select('id')
        .where('phone', '=', t.a.phones.resident)
        .executeTakeFirstOrThrow();
      const roles = await t.db.handle.db
        .selectFrom('membership')
        .select('role')
        .where('account_id', '=', account.id)
        .execute();
      assert.deepEqual(
        roles.map((r) => r.role),
        ['volunteer'],
      );
    });

    it('links a volunteer to their resident record by ID number and counts households with a volunteer', async () => {
      const before = (await staff('GET', '/api/volunteers/indicators')).json();
      const id = t.a.idNumbers['单雄信']!;
      const reg = await staff('POST', '/api/volunteers', {
        name: '单雄信',
        gender: 'male',
        birthDate: '1985-01-20',
        phone: '13700001234',
        idNumber: id,
        fitness: 'good',
        politicalStatus: 'party_member',
        recruitedVia: 'party',
      });
      assert.equal(reg.statusCode, 201, reg.body);
      const detail = (await staff('GET', `/api/volunteers/${reg.json().id}`)).json();
      assert.equal(detail.residentId, t.a.residents['单雄信']);
      assert.equal(detail.residentName, '单雄信');
      const after1 = (await staff('GET', '/api/volunteers/indicators')).json();
      assert.equal(after1.households, 4);
      assert.equal(after1.householdsWithVolunteer, before.householdsWithVolunteer + 1);
      assert.equal(after1.share, Math.round((after1.householdsWithVolunteer / 4) * 1000) / 1000);
      // Staff link another by hand, and unlink.
      const other = await staff('POST', '/api/volunteers', person('1960-04-04', 'male'));
      assert.equal(
        (await staff('PATCH', `/api/volunteers/${other.json().id}`, { residentId: t.a.residents['吕建国'] }))
          .statusCode,
        204,
      );
      assert.equal(
        (await staff('GET', '/api/volunteers/indicators')).json().householdsWithVolunteer,
        after1.householdsWithVolunteer + 1,
      );
      assert.equal((await staff('PATCH', `/api/volunteers/${other.json().id}`, { residentId: null })).statusCode, 204);
      assert.equal(
        (await staff('GET', '/api/volunteers/indicators')).json().householdsWithVolunteer,
        after1.householdsWithVolunteer,
      );
      // A resident of another community cannot be linked.
      assert.equal(
        (await staff('PATCH', `/api/volunteers/${other.json().id}`, { residentId: t.b.residents['李泽钦'] }))
          .statusCode,
        404,
      );
    });

    it('finds volunteers by pinyin, initials and phone tail, with filters', async () => {
      for (const q of ['shanxiongxin', 'sxx', '单雄', '1234']) {
        const res = (await staff('GET', `/api/volunteers?q=${encodeURIComponent(q)}`)).json();
        assert.deepEqual(
          res.items.map((v: any) => v.name),
          ['单雄信'],
          q,
        );
      }
      const party = (await staff('GET', '/api/volunteers?politicalStatus=party_member')).json();
      assert.deepEqual(
        party.items.map((v: any) => v.name),
        ['单雄信'],
      );
      const minors = (await staff('GET', '/api/volunteers?ageMax=17')).json();
      assert.equal(minors.total, 2);
    });

    it('keeps a unit coordinator to their own unit', async () => {
      const inB = await staff(
        'POST',
        '/api/volunteers',
        person('1983-08-08', 'male', { unitId: unitB, recruitedVia: 'unit' }),
      );
      assert.equal(inB.statusCode, 201);
      const before = await counts();
      const read = await coordinator('GET', `/api/volunteers/${inB.json().id}`);
      assert.equal(read.statusCode, 403);
      assert.equal(read.json().error.code, 'out_of_scope');
      assert.equal((await coordinator('PATCH', `/api/volunteers/${inB.json().id}`, { note: 'x' })).statusCode, 403);
      // The community's figures are the office's; the coordinator sees their own list only.
      assert.equal((await coordinator('GET', '/api/volunteers/indicators')).statusCode, 403);
      assert.equal(
        (await coordinator('POST', '/api/volunteers', person('1984-08-08', 'male', { unitId: unitB }))).statusCode,
        403,
      );
      assert.equal((await coordinator('POST', '/api/volunteers', person('1984-08-08', 'male'))).statusCode, 403);
      assert.deepEqual(await counts(), before);
      const mine = await coordinator(
        'POST',
        '/api/volunteers',
        person('1984-09-09', 'female', { unitId: unitA, recruitedVia: 'unit' }),
      );
      assert.equal(mine.statusCode, 201, mine.body);
      assert.equal(mine.json().status, 'pending'); // a coordinator cannot approve
      const list = (await coordinator('GET', '/api/volunteers?pageSize=200')).json();
      assert.ok(list.items.length >= 1);
      assert.ok(list.items.every((v: any) => v.unitId === unitA));
      // Nor move one of theirs to another unit.
      assert.equal(
        (await coordinator('PATCH', `/api/volunteers/${mine.json().id}`, { unitId: unitB })).statusCode,
        403,
      );
    });

    it('reveals the ID number only with volunteers.sensitive, and audits it', async () => {
      const p = person('1979-07-07', 'female');
      const id = (await staff('POST', '/api/volunteers', p)).json().id;
      assert.equal((await coordinator('GET', `/api/volunteers/${id}/sensitive`)).statusCode, 403);
      assert.equal((await volunteerUser('GET', `/api/volunteers/${id}/sensitive`)).statusCode, 403);
      const res = await staff('GET', `/api/volunteers/${id}/sensitive`);
      assert.equal(res.json().idNumber, p.idNumber);
      assert.equal((await admin('GET', `/api/audit?action=volunteer.sensitive_read&entityId=${id}`)).json().total, 1);
    });

    it('rejects a pending registration with a note', async () => {
      const id = (await selfRegister(person('1987-11-11'))).json().id;
      assert.equal((await staff('POST', `/api/volunteers/${id}/reject`, { note: '身份信息有误' })).statusCode, 204);
      const d = (await staff('GET', `/api/volunteers/${id}`)).json();
      assert.equal(d.status, 'rejected');
      assert.equal(d.decisionNote, '身份信息有误');
      assert.equal(d.accountId, null);
    });

    it('imports volunteers from Excel all or nothing, and exports them masked and formula-escaped', async () => {
      const tpl = await staff('GET', '/api/volunteers/import/template');
      assert.equal(tpl.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as any);
      const ws = wb.worksheets[0]!;
      const good1 = person('1970-10-10', 'male');
      const good2 = person('1971-11-11', 'female');
      const row = (p: any, extra: string[] = []) => [
        p.name,
        p.gender === 'male' ? '男' : '女',
        p.birthDate,
        p.phone,
        p.idNumber,
        '良好',
        '群众',
        '居委会',
        ...extra,
      ];
      ws.addRow(row({ ...good1, name: '=HYPERLINK("x")' }));
      ws.addRow(row(good2));
      ws.addRow(row({ ...person(`${YEAR - 12}-05-05`, 'male') })); // a minor without a guardian
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await counts();
      let m = multipart(bad);
      const refused = await staff('POST', '/api/volunteers/import', m.payload, m.headers);
      assert.equal(refused.statusCode, 400, refused.body);
      const fields = refused.json().error.details.fields;
      assert.ok(
        fields.some((f: any) => f.row === 5 && f.field === 'guardian'),
        JSON.stringify(fields),
      );
      assert.ok(
        fields.some((f: any) => f.row === 3 && f.field === 'name'),
        JSON.stringify(fields),
      ); // not a person's name
      assert.deepEqual(await counts(), before);

      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(tpl.rawPayload as any);
      wb2.worksheets[0]!.addRow(row(good1));
      wb2.worksheets[0]!.addRow(row(good2));
      m = multipart(Buffer.from(await wb2.xlsx.writeBuffer()));
      const ok = await staff('POST', '/api/volunteers/import', m.payload, m.headers);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().rows, 2);
      // A second time: both are duplicates, nothing written.
      const again = await staff('POST', '/api/volunteers/import', m.payload, m.headers);
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().error.details.fields.filter((f: any) => f.field === 'idNumber').length, 2);
      // A coordinator imports only into their own unit; staff cannot import as someone without the permission.
      assert.equal((await volunteerUser('POST', '/api/volunteers/import', m.payload, m.headers)).statusCode, 403);

      // Export: masked ID numbers, and a name that looks like a formula stays text.
      await t.db.handle.db.updateTable('volunteer').set({ name: '=1+1' }).where('phone', '=', good2.phone).execute();
      const exp = await staff('GET', '/api/volunteers/export');
      assert.equal(exp.statusCode, 200);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exp.rawPayload as any);
      const values = out.worksheets[0]!.getSheetValues().flat().map(String);
      assert.ok(values.includes("'=1+1"));
      assert.ok(!values.some((v) => v === good1.idNumber || v === good2.idNumber));
      assert.ok(values.some((v) => /^610302\*{8}/.test(v)));
      // A unit coordinator's export holds their own unit's volunteers only.
      const unitExport = await coordinator('GET', '/api/volunteers/export');
      if (unitExport.statusCode === 200) {
        const uw = new ExcelJS.Workbook();
        await uw.xlsx.load(unitExport.rawPayload as any);
        const unitNames = uw.worksheets[0]!.getColumn(10).values.slice(2).map(String);
        assert.ok(unitNames.length >= 1);
        assert.ok(
          unitNames.every((u) => u === '宝鸡市第一中学'),
          unitNames.join(','),
        );
      } else assert.equal(unitExport.statusCode, 403);
    });
  });
}
