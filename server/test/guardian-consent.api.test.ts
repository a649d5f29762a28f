// A minor's guardian consent, confirmed by the guardian (a code sent by SMS to the guardian's phone) or by a
// paper form staff record with its scan, and withdrawable: a pending minor cannot be approved or assigned, wrong
// codes are refused and then locked out, and a withdrawal makes the eligibility gate refuse at once and releases
// the minor's future work (sign-ups, rota days, home-care tasks, matched needs) in the same transaction.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed, makeIdNumber } from './factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, bornOnOrBefore, todayInShanghai } from '../../domain/shared/dates.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);

/** A multipart body: text fields first, then the file. */
function form(fields: Record<string, string>, file: Buffer, fileName: string, type: string) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`guardian consent on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let pub: Client;
    let tutoring: string;
    let order = 70;
    const today = todayInShanghai();

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
      pub = as(t.app, null);
      const st = await admin('POST', '/api/service-types', {
        code: 'tutor',
        name: '四点半课堂辅导',
        minAge: 9,
        maxAge: 80,
        minFitness: 'fair',
        night: false,
        needsInsurance: false,
      });
      assert.equal(st.statusCode, 201, st.body);
      tutoring = st.json().id;
    });
    after(async () => {
      await t.close();
    });

    function minor(years: number, guardianPhone: string, name = '王小明') {
      order++;
      const birthDate = addDays(bornOnOrBefore(years, today), -40);
      return {
        name,
        gender: 'male',
        birthDate,
        phone: `1370000${String(order).padStart(4, '0')}`,
        idNumber: makeIdNumber(birthDate, 'male', order),
        fitness: 'good',
        politicalStatus: 'masses',
        recruitedVia: 'self',
        guardian: { name: '王父', phone: guardianPhone, relation: 'father' },
      };
    }

    const db = () => t.db.handle.db;
    async function outbox(recipient: string, template: string) {
      const rows = await db()
        .selectFrom('notification_outbox')
        .select(['payload', 'created_at'])
        .where('recipient', '=', recipient)
        .where('template', '=', template)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => JSON.parse(r.payload));
    }
    const latestCode = async (phone: string) => (await outbox(phone, 'volunteer.guardian_consent_code'))[0].code;
    /** Lets a new code be sent now (the resend window is a minute). */
    const ageCodes = (phone: string) =>
      db()
        .updateTable('sign_in_code')
        .set({ created_at: new Date(Date.now() - 3600_000).toISOString() })
        .where('phone', '=', `guardian:${phone}`)
        .execute();
    async function audits(entityId: string) {
      return db()
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id', 'actor_name', 'detail'])
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute();
    }
    async function gate(id: string) {
      const [r] = await t.app.services.eligibility.check(t.a.id, tutoring, [id], {
        date: addDays(today, 3),
        startMinute: 16 * 60 + 30,
        endMinute: 18 * 60,
      });
      return r!;
    }
    const consentOf = async (id: string) => (await admin('GET', `/api/volunteers/${id}`)).json().guardian.consent;

    it('keeps a minor pending until the guardian confirms by SMS; wrong codes refused, then locked out', async () => {
      const guardian = '13655550001';
      const reg = await admin('POST', '/api/volunteers', minor(12, guardian));
      assert.equal(reg.statusCode, 201, reg.body);
      // Staff who may approve still get a pending registration: the guardian has not been asked yet.
      assert.equal(reg.json().status, 'pending');
      const id = reg.json().id;
      const sms = await outbox(guardian, 'volunteer.guardian_consent_code');
      assert.equal(sms.length, 1);
      assert.equal(sms[0].child, '王小明');
      assert.match(sms[0].link, /^\/m\/guardian-consent#p=13655550001&c=\d{6}$/);
      let consent = await consentOf(id);
      assert.equal(consent.state, 'pending');
      assert.ok(consent.codeSentAt);

      // Not approvable, not assignable.
      const refused = await admin('POST', `/api/volunteers/${id}/approve`, {});
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'guardian_consent_pending');
      assert.match(refused.json().error.message, /监护人/);
      const g0 = await gate(id);
      assert.equal(g0.eligible, false);
      assert.ok(g0.reasons.includes('guardian_missing'), String(g0.reasons));

      // Wrong codes: refused, counted, and after five even the right code is locked out.
      const code = await latestCode(guardian);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const res = await pub('POST', '/api/public/guardian-consent/children', { phone: guardian, code: wrong });
        assert.equal(res.statusCode, 400, res.body);
        assert.deepEqual(
          res.json().error.details.fields.map((f: any) => f.field),
          ['code'],
        );
      }
      const locked = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: guardian,
        code,
        volunteerId: id,
        decision: 'confirm',
      });
      assert.equal(locked.statusCode, 429, locked.body);
      assert.equal((await consentOf(id)).state, 'pending');
      // A new code at once is refused too (one a minute).
      assert.equal((await admin('POST', `/api/volunteers/${id}/guardian-consent/code`)).statusCode, 429);

      // Staff resend; the guardian sees the child and confirms with the new code.
      await ageCodes(guardian);
      const resent = await admin('POST', `/api/volunteers/${id}/guardian-consent/code`);
      assert.equal(resent.statusCode, 202, resent.body);
      const fresh = await latestCode(guardian);
      const kids = await pub('POST', '/api/public/guardian-consent/children', { phone: guardian, code: fresh });
      assert.equal(kids.statusCode, 200, kids.body);
      assert.deepEqual(
        kids.json().map((k: any) => [k.volunteerId, k.name, k.state, k.communityName]),
        [[id, '王小明', 'pending', '西关社区']],
      );
      // Another phone with the right code proves nothing.
      const other = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: '13655550009',
        code: fresh,
        volunteerId: id,
        decision: 'confirm',
      });
      assert.equal(other.statusCode, 400, other.body);
      const ok = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: guardian,
        code: fresh,
        volunteerId: id,
        decision: 'confirm',
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().state, 'confirmed');
      assert.equal(ok.json().method, 'sms');
      consent = await consentOf(id);
      assert.equal(consent.state, 'confirmed');
      assert.equal(consent.method, 'sms');
      assert.ok(consent.confirmedAt);
      assert.equal(consent.confirmedByName, null);
      // Staff are told the registration can now be approved.
      assert.ok((await outbox(t.a.phones.staff, 'volunteer.guardian_consent_confirmed')).length >= 1);

      // Audited: who (the guardian by name, no account), never the code.
      const rows = await audits(id);
      const confirm = rows.find((r) => r.action === 'volunteer.guardian_confirm');
      assert.ok(confirm, JSON.stringify(rows.map((r) => r.action)));
      assert.equal(confirm.actor_account_id, null);
      assert.equal(confirm.actor_name, '王父');
      assert.equal(JSON.parse(confirm.detail).via, 'sms');
      for (const r of rows) {
        assert.ok(!r.detail.includes(fresh), `${r.action} does not carry the code`);
        assert.ok(!r.detail.includes(code), `${r.action} does not carry the first code`);
      }
      assert.ok(rows.some((r) => r.action === 'volunteer.guardian_code'));

      // Now approvable and assignable.
      assert.equal((await admin('POST', `/api/volunteers/${id}/approve`, {})).statusCode, 204);
      assert.equal((await gate(id)).eligible, true);

      // The guardian withdraws from the same page: the gate refuses at once and staff are told.
      await ageCodes(guardian);
      assert.equal((await pub('POST', '/api/public/guardian-consent/code', { phone: guardian })).statusCode, 202);
      const again = await latestCode(guardian);
      const w = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: guardian,
        code: again,
        volunteerId: id,
        decision: 'withdraw',
      });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().state, 'withdrawn');
      const g1 = await gate(id);
      assert.equal(g1.eligible, false);
      assert.deepEqual(g1.reasons, ['guardian_missing']);
      const told = await outbox(t.a.phones.staff, 'volunteer.guardian_consent_withdrawn');
      assert.equal(told.length, 1);
      assert.equal(told[0].child, '王小明');
      assert.equal(told[0].via, 'guardian');
      assert.equal(typeof told[0].activityShifts, 'number');
      consent = await consentOf(id);
      assert.equal(consent.state, 'withdrawn');
      assert.equal(consent.withdrawnVia, 'guardian');
      assert.ok((await audits(id)).some((r) => r.action === 'volunteer.guardian_withdraw'));
      // Withdrawing twice is a conflict, not a 500.
      const twice = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: guardian,
        code: again,
        volunteerId: id,
        decision: 'withdraw',
      });
      assert.equal(twice.statusCode, 409, twice.body);
    });

    it('asks nothing of a phone no child is registered with', async () => {
      const res = await pub('POST', '/api/public/guardian-consent/code', { phone: '13655550077' });
      assert.equal(res.statusCode, 202);
      assert.equal((await outbox('13655550077', 'volunteer.guardian_consent_code')).length, 0);
      const kids = await pub('POST', '/api/public/guardian-consent/children', {
        phone: '13655550077',
        code: '123456',
      });
      assert.equal(kids.statusCode, 400);
    });

    it('confirms with a paper form and its scan; a withdrawal staff record is obeyed at once', async () => {
      const guardian = '13655550002';
      const reg = await admin('POST', '/api/volunteers', minor(15, guardian, '李小红'));
      assert.equal(reg.statusCode, 201, reg.body);
      const id = reg.json().id;
      const url = `/api/volunteers/${id}/guardian-consent/paper`;

      // A file that is not an image or a PDF is refused; so is a form signed in the future.
      let f = form({ signedOn: today }, Buffer.from('hello, not a scan'), 'form.txt', 'text/plain');
      let res = await admin('POST', url, f.payload, f.headers);
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res.json().error.details.fields.map((x: any) => x.field),
        ['file'],
      );
      f = form({ signedOn: addDays(today, 2) }, PNG, 'form.png', 'image/png');
      res = await admin('POST', url, f.payload, f.headers);
      assert.equal(res.statusCode, 400, res.body);
      f = form({}, PNG, 'form.png', 'image/png');
      res = await admin('POST', url, f.payload, f.headers);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal((await consentOf(id)).state, 'pending');

      f = form({ signedOn: today, note: '家长到社区签字' }, PNG, 'form.png', 'image/png');
      res = await admin('POST', url, f.payload, f.headers);
      assert.equal(res.statusCode, 204, res.body);
      const consent = await consentOf(id);
      assert.equal(consent.state, 'confirmed');
      assert.equal(consent.method, 'paper');
      assert.equal(consent.paperSignedOn, today);
      assert.ok(consent.confirmedByName);
      assert.ok(consent.scanId);
      // The scan reads back as stored, and the read is audited.
      const scan = await admin('GET', `/api/volunteers/${id}/guardian-consent/scans/${consent.scanId}`);
      assert.equal(scan.statusCode, 200);
      assert.equal(scan.headers['content-type'], 'image/png');
      assert.deepEqual(scan.rawPayload, PNG);
      // Recording again is a conflict.
      f = form({ signedOn: today }, PNG, 'form.png', 'image/png');
      assert.equal((await admin('POST', url, f.payload, f.headers)).statusCode, 409);

      assert.equal((await admin('POST', `/api/volunteers/${id}/approve`, {})).statusCode, 204);
      assert.equal((await gate(id)).eligible, true);

      const w = await admin('POST', `/api/volunteers/${id}/guardian-consent/withdrawal`, { note: '家长电话撤回' });
      assert.equal(w.statusCode, 204, w.body);
      const g = await gate(id);
      assert.equal(g.eligible, false);
      assert.deepEqual(g.reasons, ['guardian_missing']);
      const after = await consentOf(id);
      assert.equal(after.state, 'withdrawn');
      assert.equal(after.withdrawnVia, 'staff');
      assert.equal(after.withdrawalNote, '家长电话撤回');
      assert.ok(after.withdrawnByName);

      const actions = (await audits(id)).map((r) => r.action);
      for (const a of ['volunteer.guardian_paper', 'volunteer.guardian_scan_read', 'volunteer.guardian_withdraw'])
        assert.ok(actions.includes(a), `${a} in ${actions}`);
      const staffAccount = (await audits(id)).find((r) => r.action === 'volunteer.guardian_paper')!;
      assert.ok(staffAccount.actor_account_id);
    });

    it('releases what the minor was down for when consent is withdrawn, once, leaving past and done work', async () => {
      const guardian = '13655550006';
      const id = (await admin('POST', '/api/volunteers', minor(14, guardian, '周小军'))).json().id;
      const f = form({ signedOn: today }, PNG, 'form.png', 'image/png');
      assert.equal(
        (await admin('POST', `/api/volunteers/${id}/guardian-consent/paper`, f.payload, f.headers)).statusCode,
        204,
      );
      assert.equal((await admin('POST', `/api/volunteers/${id}/approve`, {})).statusCode, 204);
      const adultBody = { ...minor(30, '13655550008', '吴成人') };
      delete (adultBody as { guardian?: unknown }).guardian;
      const adult = (await admin('POST', '/api/volunteers', adultBody)).json().id;
      const c = t.a.id;
      const now = new Date().toISOString();
      const iso = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

      // Activities: a future shift with one place (the minor has it, the adult waits), and a past one attended.
      const activity = async (days: number) => {
        const aid = uuidv7();
        const sid = uuidv7();
        await db()
          .insertInto('activity')
          .values({
            community_id: c,
            id: aid,
            kind: 'general',
            title: `活动${days}`,
            description: null,
            organiser_team_id: null,
            organiser_unit_id: null,
            place: '社区广场',
            lat: null,
            lng: null,
            tolerance_m: null,
            date: iso(days).slice(0, 10),
            starts_at: iso(days),
            ends_at: iso(days + 0.1),
            service_type_id: null,
            status: 'published',
            series_id: null,
            template_key: null,
            audience_count: null,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await db()
          .insertInto('activity_shift')
          .values({
            community_id: c,
            id: sid,
            activity_id: aid,
            position: 0,
            name: '全天',
            starts_at: iso(days),
            ends_at: iso(days + 0.1),
            places: 1,
            taken: 1,
          })
          .execute();
        return { aid, sid };
      };
      const signup = async (a: { aid: string; sid: string }, volunteerId: string, status: string, at: string) => {
        const sid = uuidv7();
        await db()
          .insertInto('activity_signup')
          .values({
            community_id: c,
            id: sid,
            activity_id: a.aid,
            shift_id: a.sid,
            volunteer_id: volunteerId,
            status,
            channel: 'staff',
            signed_up_by: null,
            created_at: at,
            promoted_at: null,
            cancelled_at: null,
            cancelled_by: null,
            reminded_day_at: null,
            reminded_soon_at: null,
            checked_in_at: a === past ? at : null,
            checkin_method: null,
            checkin_distance_m: null,
            checked_out_at: null,
            checkout_method: null,
            review_reason: null,
            hours_entry_id: null,
            minutes: null,
          })
          .execute();
        return sid;
      };
      const future = await activity(3);
      const past = await activity(-2);
      const mineFuture = await signup(future, id, 'confirmed', iso(-1));
      const waiting = await signup(future, adult, 'waitlisted', now);
      const minePast = await signup(past, id, 'confirmed', iso(-3));

      // 4:30 rota: a day ahead (the minor and the adult) and a closed day past.
      const session = async (days: number, closed: boolean, present: number | null) => {
        const sid = uuidv7();
        await db()
          .insertInto('classroom_session')
          .values({
            community_id: c,
            id: sid,
            date: addDays(today, days),
            starts: '16:30',
            expected_by: '16:45',
            ends: '18:00',
            place: '活动室',
            closed_at: closed ? now : null,
            closed_by_name: closed ? '测试' : null,
            created_at: now,
          })
          .execute();
        const ids = days > 0 ? [id, adult] : [id];
        await db()
          .insertInto('classroom_rota')
          .values(ids.map((v) => ({ community_id: c, session_id: sid, volunteer_id: v, present })))
          .execute();
        return sid;
      };
      const dayAhead = await session(4, false, null);
      const dayPast = await session(-3, true, 1);

      // Home care: one task assigned, one done.
      const task = async (status: string) => {
        const tid = uuidv7();
        await db()
          .insertInto('homecare_task')
          .values({
            community_id: c,
            id: tid,
            resident_id: t.a.residents['吕建国']!,
            kind: 'visit',
            due_on: addDays(today, status === 'done' ? -1 : 2),
            due_time: null,
            volunteer_id: id,
            status,
            note: null,
            repeat_days: null,
            minutes: status === 'done' ? 30 : null,
            done_at: status === 'done' ? now : null,
            done_note: null,
            hours_entry_id: null,
            cancel_reason: null,
            created_by: 'test',
            created_at: now,
            updated_at: now,
          })
          .execute();
        return tid;
      };
      const assigned = await task('assigned');
      const done = await task('done');

      // Needs: one matched to the minor, one done by them.
      const matched = await insertNeed(db(), t.a, '吕建国', 3, {
        status: 'matched',
        volunteer_id: id,
        matched_at: now,
        description: '陪同散步',
      });
      const needDone = await insertNeed(db(), t.a, '王秀英', 0, { status: 'done', volunteer_id: id, done_at: now });

      // Hospital shifts (one ahead, one served), a delivery building on an open run, and a running pairing.
      const stay = uuidv7();
      await db()
        .insertInto('hospital_stay')
        .values({
          community_id: c,
          id: stay,
          resident_id: t.a.residents['吕建国']!,
          hospital: '市一医院',
          ward: null,
          admitted_on: addDays(today, -3),
          expected_discharge_on: addDays(today, 5),
          discharged_on: null,
          note: null,
          created_by: 'test',
          created_at: now,
        })
        .execute();
      const shiftAhead = uuidv7();
      const shiftServed = uuidv7();
      await db()
        .insertInto('hospital_shift')
        .values(
          [
            [shiftAhead, 1, 'assigned'],
            [shiftServed, -1, 'done'],
          ].map(([sid, days, st]) => ({
            community_id: c,
            id: sid as string,
            stay_id: stay,
            starts_at: iso(days as number),
            ends_at: iso((days as number) + 0.2),
            volunteer_id: id,
            status: st as string,
            done_at: st === 'done' ? now : null,
            note: null,
            hours_entry_id: null,
          })),
        )
        .execute();
      const run = uuidv7();
      await db()
        .insertInto('delivery_run')
        .values({
          community_id: c,
          id: run,
          festival: 'mid_autumn_festival',
          year: 2026,
          run_date: addDays(today, 2),
          title: '中秋送月饼',
          items: '月饼',
          groups: '[]',
          status: 'open',
          created_by: 'test',
          created_at: now,
          closed_by: null,
          closed_at: null,
          last_notice_on: null,
        })
        .execute();
      await db()
        .insertInto('delivery_assignment')
        .values([id, adult].map((v) => ({ community_id: c, run_id: run, building: '1', volunteer_id: v })))
        .execute();
      const pairing = uuidv7();
      await db()
        .insertInto('pairing')
        .values({
          community_id: c,
          id: pairing,
          volunteer_id: id,
          resident_id: t.a.residents['吕建国']!,
          item: 'chat',
          item_note: null,
          place: '家中',
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          starts_on: addDays(today, -30),
          ends_on: null,
          service_type_id: null,
          note: null,
          status: 'active',
          ended_on: null,
          end_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();

      const snapshot = async () => ({
        shifts: await db()
          .selectFrom('hospital_shift')
          .select(['id', 'status', 'volunteer_id'])
          .where('stay_id', '=', stay)
          .orderBy('id')
          .execute(),
        delivery: await db()
          .selectFrom('delivery_assignment')
          .select('volunteer_id')
          .where('run_id', '=', run)
          .execute(),
        pairing: await db()
          .selectFrom('pairing')
          .select(['status', 'ended_on', 'end_reason'])
          .where('id', '=', pairing)
          .execute(),
        signups: await db()
          .selectFrom('activity_signup')
          .select(['id', 'status', 'cancelled_at', 'promoted_at'])
          .where('id', 'in', [mineFuture, waiting, minePast])
          .orderBy('id')
          .execute(),
        shift: await db().selectFrom('activity_shift').select('taken').where('id', '=', future.sid).execute(),
        rota: await db()
          .selectFrom('classroom_rota')
          .select(['session_id', 'volunteer_id', 'present'])
          .where('session_id', 'in', [dayAhead, dayPast])
          .orderBy('session_id')
          .orderBy('volunteer_id')
          .execute(),
        tasks: await db()
          .selectFrom('homecare_task')
          .select(['id', 'status', 'volunteer_id'])
          .where('id', 'in', [assigned, done])
          .orderBy('id')
          .execute(),
        needs: await db()
          .selectFrom('need')
          .select(['id', 'status', 'volunteer_id', 'decline_reason'])
          .where('id', 'in', [matched, needDone])
          .orderBy('id')
          .execute(),
        notices: (
          await db()
            .selectFrom('notification_outbox')
            .select((e) => e.fn.countAll().as('n'))
            .execute()
        )[0]!.n,
      });

      const w = await admin('POST', `/api/volunteers/${id}/guardian-consent/withdrawal`, { note: '家长来电' });
      assert.equal(w.statusCode, 204, w.body);
      const s1 = await snapshot();
      const status = (rows: Array<{ id: string; status: string }>, rid: string) => rows.find((r) => r.id === rid)!;
      // The future sign-up is cancelled and its place goes to the waitlist; the past one stays.
      assert.equal(status(s1.signups, mineFuture).status, 'cancelled');
      assert.equal(status(s1.signups, waiting).status, 'confirmed');
      assert.ok(s1.signups.find((r) => r.id === waiting)!.promoted_at);
      assert.equal(status(s1.signups, minePast).status, 'confirmed');
      assert.equal(Number(s1.shift[0]!.taken), 1);
      // Off the rota ahead; the closed day keeps who came.
      assert.deepEqual(
        s1.rota.filter((r) => r.session_id === dayAhead).map((r) => r.volunteer_id),
        [adult],
      );
      assert.deepEqual(
        s1.rota.filter((r) => r.session_id === dayPast).map((r) => [r.volunteer_id, Number(r.present)]),
        [[id, 1]],
      );
      // The assigned task is open again; the done one stays theirs.
      assert.deepEqual(
        [status(s1.tasks, assigned).status, s1.tasks.find((r) => r.id === assigned)!.volunteer_id],
        ['open', null],
      );
      assert.deepEqual(
        [status(s1.tasks, done).status, s1.tasks.find((r) => r.id === done)!.volunteer_id],
        ['done', id],
      );
      // The matched need is back to matching, as a decline; staff are told as for a decline.
      const n1 = s1.needs.find((r) => r.id === matched)!;
      assert.deepEqual([n1.status, n1.volunteer_id, n1.decline_reason], ['new', null, '监护人撤回同意']);
      assert.deepEqual(
        [status(s1.needs, needDone).status, s1.needs.find((r) => r.id === needDone)!.volunteer_id],
        ['done', id],
      );
      assert.ok((await outbox(t.a.phones.staff, 'needs.declined')).some((p) => p.needId === matched));
      // The waitlisted adult is told they have the place.
      assert.equal((await outbox(adultBody.phone, 'activities.promoted')).length, 1);

      // The shift ahead is open again, the served one stays; off the run's building; the pairing ended with why.
      assert.deepEqual(
        [status(s1.shifts, shiftAhead).status, s1.shifts.find((r) => r.id === shiftAhead)!.volunteer_id],
        ['open', null],
      );
      assert.deepEqual(
        [status(s1.shifts, shiftServed).status, s1.shifts.find((r) => r.id === shiftServed)!.volunteer_id],
        ['done', id],
      );
      assert.deepEqual(
        s1.delivery.map((r) => r.volunteer_id),
        [adult],
      );
      assert.deepEqual(s1.pairing, [{ status: 'ended', ended_on: today, end_reason: '监护人撤回同意' }]);

      // Staff get one notice listing what was released; the withdrawal's audit carries the same list.
      const told = (await outbox(t.a.phones.staff, 'volunteer.guardian_consent_withdrawn')).filter(
        (p) => p.child === '周小军',
      );
      assert.equal(told.length, 1);
      assert.deepEqual(told[0].released.map((r: any) => r.kind).sort(), [
        'activity_signup',
        'classroom_rota',
        'delivery_building',
        'homecare_task',
        'hospital_shift',
        'need',
        'pairing',
      ]);
      assert.equal(told[0].activityShifts, 0);
      assert.equal(told[0].needs, 0);
      const audit = (await audits(id)).find((r) => r.action === 'volunteer.guardian_withdraw')!;
      assert.deepEqual(
        JSON.parse(audit.detail)
          .released.map((r: any) => [r.kind, r.id])
          .sort(),
        [
          ['activity_signup', mineFuture],
          ['classroom_rota', dayAhead],
          ['delivery_building', run],
          ['homecare_task', assigned],
          ['hospital_shift', shiftAhead],
          ['need', matched],
          ['pairing', pairing],
        ].sort(),
      );

      // A second withdrawal is refused and changes nothing.
      const again = await admin('POST', `/api/volunteers/${id}/guardian-consent/withdrawal`, {});
      assert.equal(again.statusCode, 409, again.body);
      assert.deepEqual(await snapshot(), s1);
    });

    it('asks the guardian when a minor registers from their own phone', async () => {
      const body = minor(13, '13655550005', '孙小刚');
      const sent = await pub('POST', '/api/public/volunteer-registrations/code', { phone: body.phone });
      assert.equal(sent.statusCode, 202, sent.body);
      const code = (await outbox(body.phone, 'volunteer_registration_code'))[0].code;
      const res = await pub('POST', '/api/public/volunteer-registrations', {
        ...body,
        communityId: t.a.id,
        code,
        consent: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().status, 'pending');
      assert.equal((await outbox('13655550005', 'volunteer.guardian_consent_code')).length, 1);
      assert.equal((await consentOf(res.json().id)).state, 'pending');
      // The guardian says no: recorded as a withdrawal, and the registration still cannot be approved.
      const no = await pub('POST', '/api/public/guardian-consent/decision', {
        phone: '13655550005',
        code: await latestCode('13655550005'),
        volunteerId: res.json().id,
        decision: 'withdraw',
      });
      assert.equal(no.statusCode, 200, no.body);
      assert.equal(no.json().state, 'withdrawn');
      const refused = await admin('POST', `/api/volunteers/${res.json().id}/approve`, {});
      assert.equal(refused.json().error.code, 'guardian_consent_pending');
    });

    it('keeps staff-registered adults approved, and another community cannot touch the consent', async () => {
      const adult = { ...minor(30, '13655550003', '张成人') };
      delete (adult as { guardian?: unknown }).guardian;
      const res = await admin('POST', '/api/volunteers', adult);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().status, 'approved');
      // Another community's staff cannot touch the consent.
      const other = await signInAs(t, 'community_admin', 'b');
      const kid = (await admin('POST', '/api/volunteers', minor(10, '13655550004', '赵小小'))).json().id;
      assert.equal((await other('POST', `/api/volunteers/${kid}/guardian-consent/withdrawal`, {})).statusCode, 404);
      // An adult has no guardian to confirm.
      const none = await admin('POST', `/api/volunteers/${res.json().id}/guardian-consent/withdrawal`, {});
      assert.equal(none.statusCode, 409);
      assert.equal(none.json().error.code, 'guardian_consent_none');
    });
  });
}
