// The one record of service on both databases: every source writes exactly one contact in the same transaction as
// its work (a retry, a refusal or a rolled-back action writes none), an appointment's attendance taken back takes the
// contact back, the monitor shows a delivery recipient as contacted today, and contacts-by-kind answers every kind.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { CONTACT_KINDS, type ContactKind } from '../../domain/contacts/kinds.ts';
import { addDays, shanghaiInstant, todayInShanghai, weekdayOf } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { rebuildContactRollups } from '../src/modules/contacts/contacts.rollup.ts';

for (const kind of testDatabaseKinds()) {
  describe(`record of service on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, admin: Client, volunteer: Client, bStaff: Client;
    let v: string;
    const today = todayInShanghai();
    const yesterday = addDays(today, -1);
    const now = () => new Date().toISOString();
    const db = () => t.db.handle.db;
    const R = (name: string) => t.a.residents[name]!;
    const contacts = (k: ContactKind) =>
      db()
        .selectFrom('contact')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('kind', '=', k)
        .orderBy('created_at')
        .execute();
    const total = async () =>
      Number(
        (
          await db()
            .selectFrom('contact')
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      admin = await signInAs(t, 'community_admin');
      volunteer = await signInAs(t, 'volunteer');
      bStaff = await signInAs(t, 'staff', 'b');
      v = await insertVolunteer(db(), t.cipher, t.a.id, { name: '刘红梅' });
    });
    after(async () => {
      await t.close();
    });

    it('a pairing visit: one contact for the resident, none for the same day again', async () => {
      const pairing = uuidv7();
      await db()
        .insertInto('pairing')
        .values({
          community_id: t.a.id,
          id: pairing,
          volunteer_id: v,
          resident_id: R('李泽钦'),
          item: 'weekly_visit',
          item_note: null,
          place: '1号楼1单元101',
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          starts_on: addDays(today, -30),
          ends_on: null,
          service_type_id: null,
          note: null,
          status: 'active',
          ended_on: null,
          end_reason: null,
          created_by: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      const r = await staff('POST', `/api/pairings/${pairing}/visits`, { visitedOn: yesterday, minutes: 60 });
      assert.equal(r.statusCode, 201, r.body);
      const again = await staff('POST', `/api/pairings/${pairing}/visits`, { visitedOn: yesterday, minutes: 60 });
      assert.equal(again.statusCode, 409);
      const c = await contacts('pairing_visit');
      assert.equal(c.length, 1);
      assert.deepEqual(
        [c[0]!.resident_id, c[0]!.household_id, c[0]!.occurred_on, c[0]!.volunteer_id, c[0]!.served_by],
        [R('李泽钦'), t.a.households[0], yesterday, v, '刘红梅'],
      );
      assert.equal(c[0]!.source_id, r.json().id);
    });

    it('a survey visit: one household contact, no resident named', async () => {
      const r = await staff('POST', '/api/survey/visits', {
        householdId: t.a.households[1],
        visitedOn: today,
        needs: [],
      });
      assert.equal(r.statusCode, 201, r.body);
      const future = await staff('POST', '/api/survey/visits', {
        householdId: t.a.households[1],
        visitedOn: addDays(today, 1),
        needs: [],
      });
      assert.equal(future.statusCode, 400);
      const c = await contacts('survey_visit');
      assert.equal(c.length, 1);
      assert.deepEqual(
        [c[0]!.resident_id, c[0]!.household_id, c[0]!.subject_id, c[0]!.occurred_on],
        [null, t.a.households[1], t.a.households[1], today],
      );
    });

    it('a home-care task done: one contact; a task not assigned, or a rolled-back completion, none', async () => {
      const task = async (volunteerId: string | null) => {
        const id = uuidv7();
        await db()
          .insertInto('homecare_task')
          .values({
            community_id: t.a.id,
            id,
            resident_id: R('王秀英'),
            kind: 'haircut',
            due_on: today,
            due_time: null,
            volunteer_id: volunteerId,
            status: volunteerId ? 'assigned' : 'open',
            note: null,
            repeat_days: null,
            minutes: null,
            done_at: null,
            done_note: null,
            hours_entry_id: null,
            cancel_reason: null,
            created_by: 'test',
            created_at: now(),
            updated_at: now(),
          })
          .execute();
        return id;
      };
      const done = await task(v);
      const r = await staff('POST', `/api/homecare/tasks/${done}/done`, { minutes: 40 });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await staff('POST', `/api/homecare/tasks/${done}/done`, { minutes: 40 })).statusCode, 409);
      const open = await task(null);
      assert.equal((await staff('POST', `/api/homecare/tasks/${open}/done`, { minutes: 40 })).statusCode, 409);
      // The hours entry is written after the contact in the same transaction: when it is refused (already
      // recorded), the contact goes with it.
      const clash = await task(v);
      await db()
        .transaction()
        .execute((trx) =>
          t.app.services.hours.recordService(trx, {
            communityId: t.a.id,
            volunteerId: v,
            source: 'home_care',
            sourceId: clash,
            serviceDate: today,
            minutes: 30,
            description: '理发',
          }),
        );
      const refused = await staff('POST', `/api/homecare/tasks/${clash}/done`, { minutes: 40 });
      assert.ok(refused.statusCode >= 400 && refused.statusCode < 500, refused.body);
      const c = await contacts('homecare_task');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.occurred_on, x.volunteer_id]),
        [[done, R('王秀英'), today, v]],
      );
      const row = await db()
        .selectFrom('homecare_task')
        .select('status')
        .where('id', '=', clash)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'assigned', 'the refused completion changed nothing');
    });

    it('a hospital shift served: one contact on its day; a shift not yet begun, none', async () => {
      const stay = uuidv7();
      await db()
        .insertInto('hospital_stay')
        .values({
          community_id: t.a.id,
          id: stay,
          resident_id: R('吕建国'),
          hospital: '宝鸡市中心医院',
          ward: null,
          admitted_on: addDays(today, -3),
          expected_discharge_on: addDays(today, 5),
          discharged_on: null,
          note: null,
          created_by: 'test',
          created_at: now(),
        })
        .execute();
      const shift = async (day: string) => {
        const id = uuidv7();
        await db()
          .insertInto('hospital_shift')
          .values({
            community_id: t.a.id,
            id,
            stay_id: stay,
            starts_at: shanghaiInstant(day, 8 * 60),
            ends_at: shanghaiInstant(day, 14 * 60),
            volunteer_id: v,
            status: 'assigned',
            done_at: null,
            note: null,
            hours_entry_id: null,
          })
          .execute();
        return id;
      };
      const served = await shift(yesterday);
      const r = await staff('POST', `/api/homecare/shifts/${served}/done`, {});
      assert.equal(r.statusCode, 200, r.body);
      const ahead = await shift(addDays(today, 2));
      assert.equal((await staff('POST', `/api/homecare/shifts/${ahead}/done`, {})).statusCode, 409);
      const c = await contacts('hospital_shift');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.occurred_on, x.occurred_at]),
        [[served, R('吕建国'), yesterday, shanghaiInstant(yesterday, 8 * 60)]],
      );
    });

    it('a delivery handed over: one contact per recipient; not at home or a second confirmation, none', async () => {
      const run = await staff('POST', '/api/homecare/runs', {
        festival: 'mid_autumn_festival',
        year: 2026,
        items: '月饼一盒',
      });
      assert.equal(run.statusCode, 201, run.body);
      const runId = run.json().id;
      const confirm = (outcome: string) =>
        staff('POST', `/api/homecare/runs/${runId}/confirm`, { residentId: R('吕建国'), outcome });
      assert.equal((await confirm('absent')).statusCode, 200);
      assert.equal((await contacts('delivery')).length, 0, 'not at home is no contact');
      assert.equal((await confirm('delivered')).statusCode, 200);
      assert.equal((await confirm('delivered')).statusCode, 409);
      const c = await contacts('delivery');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.occurred_on]),
        [[runId, R('吕建国'), today]],
      );
    });

    it('the monitor shows the delivery recipient as contacted today', async () => {
      const r = await staff('GET', '/api/monitor/left-out');
      assert.equal(r.statusCode, 200, r.body);
      const lv = r.json().items.find((x: any) => x.name === '吕建国');
      // Served in hospital yesterday, handed the Mid-Autumn gift today: the delivery is the last contact.
      assert.deepEqual([lv.lastContactOn, lv.daysSince, lv.lastContactKind], [today, 0, 'delivery']);
    });

    it('an appointment attended: one contact per kept booking; attendance taken back takes it back', async () => {
      const svc = await admin('POST', '/api/appointments/services', {
        name: '义诊',
        kind: 'clinic',
        place: '服务站',
        slotMinutes: 60,
        placesPerSlot: 2,
        windowDays: 7,
        noticeHours: 0,
        providerIds: [v],
        schedule: [{ weekday: weekdayOf(yesterday), startMinute: 14 * 60, endMinute: 15 * 60 }],
      });
      assert.equal(svc.statusCode, 201, svc.body);
      const serviceId = svc.json().id;
      const booking = async (day: string, status: string) => {
        const start = shanghaiInstant(day, 14 * 60);
        await db()
          .insertInto('appointment_slot')
          .values({
            community_id: t.a.id,
            service_id: serviceId,
            starts_at: start,
            ends_at: shanghaiInstant(day, 15 * 60),
            place: '服务站',
            places: 2,
            booked: 1,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const id = uuidv7();
        await db()
          .insertInto('appointment_booking')
          .values({
            community_id: t.a.id,
            id,
            service_id: serviceId,
            slot_start: start,
            resident_id: R('王秀英'),
            status,
            channel: 'office',
            booked_by: null,
            note: null,
            created_at: now(),
            cancelled_at: null,
            cancelled_by: null,
            cancel_reason: null,
            reminded_at: null,
          })
          .execute();
        return id;
      };
      const kept = await booking(yesterday, 'confirmed');
      await booking(yesterday, 'cancelled');
      const served = await staff('POST', `/api/appointments/services/${serviceId}/served`, {
        date: yesterday,
        volunteerIds: [v],
      });
      assert.equal(served.statusCode, 201, served.body);
      let c = await contacts('appointment');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.occurred_on, x.volunteer_id, x.served_by]),
        [[kept, R('王秀英'), yesterday, v, '刘红梅']],
      );
      const attendance = (id: string, attended: boolean) =>
        staff('POST', `/api/appointments/bookings/${id}/attendance`, { attended });
      assert.equal((await attendance(kept, false)).statusCode, 204);
      assert.equal((await contacts('appointment')).length, 0, 'did not come after all');
      assert.equal((await attendance(kept, true)).statusCode, 204);
      assert.equal((await attendance(kept, true)).statusCode, 204);
      const ahead = await booking(addDays(today, 7), 'confirmed');
      assert.equal((await attendance(ahead, true)).statusCode, 400);
      c = await contacts('appointment');
      assert.deepEqual(
        c.map((x) => x.source_id),
        [kept],
      );
    });

    it('a 4:30 classroom session: a contact for the child’s household when the child comes', async () => {
      const child = uuidv7();
      const session = uuidv7();
      await db()
        .insertInto('classroom_child')
        .values({
          community_id: t.a.id,
          id: child,
          name: '曾小红',
          gender: 'female',
          birth_date: '2015-09-09',
          school: '西关小学',
          grade: '五年级',
          resident_id: R('曾小红'),
          household_id: null,
          weekdays: '12345',
          enrolled_on: addDays(today, -30),
          left_on: null,
          status: 'active',
          consent_by: '曾母',
          consent_relation: '母亲',
          consent_at: now(),
          note: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      await db()
        .insertInto('classroom_session')
        .values({
          community_id: t.a.id,
          id: session,
          date: today,
          starts: '16:30',
          expected_by: '16:50',
          ends: '18:30',
          place: '社区活动室',
          closed_at: null,
          closed_by_name: null,
          created_at: now(),
        })
        .execute();
      const r = await staff('POST', `/api/classroom/sessions/${session}/checkin`, { childId: child });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${session}/checkin`, { childId: child })).statusCode,
        409,
      );
      const c = await contacts('classroom_session');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.household_id, x.subject_id, x.occurred_on]),
        [[session, null, t.a.households[2], t.a.households[2], today]],
      );
    });

    it('a badge found and returned: one contact when the family confirms; another badge’s scan, none', async () => {
      const badge = async (residentId: string) => {
        const id = uuidv7();
        await db()
          .insertInto('badge')
          .values({
            community_id: t.a.id,
            id,
            resident_id: residentId,
            token_hash: uuidv7(),
            token_enc: 'x',
            nickname: '李爷爷',
            cautions: '',
            status: 'active',
            issued_at: now(),
            issued_by: 'test',
            issued_by_name: '测试',
            revoked_at: null,
            revoked_by: null,
            revoked_by_name: null,
            revoke_reason: null,
            replaced_by: null,
            updated_at: now(),
          })
          .execute();
        const scan = uuidv7();
        await db()
          .insertInto('badge_scan')
          .values({
            community_id: t.a.id,
            id: scan,
            badge_id: id,
            at: now(),
            kind: 'message',
            message: '老人在公交站',
            place: null,
            lat: null,
            lng: null,
            ip_hash: 'h',
            notified: 1,
          })
          .execute();
        return { id, scan };
      };
      const mine = await badge(R('李泽钦'));
      const other = await badge(R('吕建国'));
      const back = (b: string, s: string) => staff('POST', `/api/badges/${b}/scans/${s}/returned`);
      assert.equal((await back(mine.id, other.scan)).statusCode, 404);
      assert.equal((await back(mine.id, mine.scan)).statusCode, 204);
      assert.equal((await back(mine.id, mine.scan)).statusCode, 204, 'confirming again changes nothing');
      assert.equal((await bStaff('POST', `/api/badges/${mine.id}/scans/${mine.scan}/returned`)).statusCode, 404);
      const c = await contacts('badge_return');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id]),
        [[mine.scan, R('李泽钦')]],
      );
    });

    it('an activity that served named residents: one contact each, taken back when left off the list', async () => {
      const activity = async (date: string) => {
        const id = uuidv7();
        await db()
          .insertInto('activity')
          .values({
            community_id: t.a.id,
            id,
            kind: 'service',
            title: '义务理发',
            description: null,
            organiser_team_id: null,
            organiser_unit_id: null,
            place: '社区广场',
            lat: null,
            lng: null,
            tolerance_m: null,
            date,
            starts_at: shanghaiInstant(date, 9 * 60),
            ends_at: shanghaiInstant(date, 11 * 60),
            service_type_id: null,
            status: 'published',
            series_id: null,
            template_key: null,
            audience_count: null,
            created_by: null,
            created_at: now(),
            updated_at: now(),
          })
          .execute();
        return id;
      };
      const past = await activity(yesterday);
      const put = (id: string, residentIds: string[]) =>
        staff('PUT', `/api/activities/${id}/served-residents`, { residentIds });
      const r = await put(past, [R('李泽钦'), R('吕建国')]);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        r
          .json()
          .map((x: any) => x.name)
          .sort(),
        ['吕建国', '李泽钦'].sort(),
      );
      assert.equal((await put(past, [R('李泽钦')])).statusCode, 200);
      assert.equal((await put(past, [R('李泽钦'), t.b.residents['吕建国']!])).statusCode, 400);
      const ahead = await activity(addDays(today, 3));
      assert.equal((await put(ahead, [R('李泽钦')])).statusCode, 400);
      assert.equal(
        (await volunteer('PUT', `/api/activities/${past}/served-residents`, { residentIds: [] })).statusCode,
        403,
      );
      const c = await contacts('activity');
      assert.deepEqual(
        c.map((x) => [x.source_id, x.resident_id, x.occurred_on]),
        [[past, R('李泽钦'), yesterday]],
      );
      assert.deepEqual(
        (await staff('GET', `/api/activities/${past}/served-residents`)).json().map((x: any) => x.name),
        ['李泽钦'],
      );
    });

    it('contacts-by-kind answers every kind for the last year; another community sees only its own', async () => {
      const r = await staff('GET', '/api/monitor/contacts-by-kind');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.deepEqual(Object.keys(body).sort(), [...CONTACT_KINDS].sort());
      assert.deepEqual(body, {
        need: 0,
        pairing_visit: 1,
        appointment: 1,
        homecare_task: 1,
        hospital_shift: 1,
        delivery: 1,
        survey_visit: 1,
        classroom_session: 1,
        badge_return: 1,
        activity: 1,
      });
      assert.equal(await total(), 9);
      const b = (await bStaff('GET', '/api/monitor/contacts-by-kind')).json();
      assert.ok(CONTACT_KINDS.every((k) => b[k] === 0));
      assert.equal((await volunteer('GET', '/api/monitor/contacts-by-kind')).statusCode, 403);
    });

    it('the households indicator adds the households a volunteer served, from the record', async () => {
      // 刘红梅 visited and served household 0 (李泽钦, 王秀英) and served 吕建国 (household 3) in hospital; the
      // delivery, the survey, the classroom and the activity were not a volunteer's.
      const r = await staff('GET', '/api/volunteers/indicators');
      assert.equal(r.statusCode, 200, r.body);
      const ind = r.json();
      assert.equal(ind.householdsServed, 2);
      assert.equal(ind.servedShare, Math.round((2 / ind.households) * 1000) / 1000);
    });

    it('the rollups kept through every write and withdrawal above equal a rebuild from the contacts', async () => {
      const rollups = async () => ({
        last: await db()
          .selectFrom('contact_subject')
          .select(['subject_id', 'last_on', 'last_kind'])
          .where('community_id', '=', t.a.id)
          .orderBy('subject_id')
          .execute(),
        months: await db()
          .selectFrom('contact_subject_month')
          .select(['subject_id', 'month', sql<number>`contacts + 0`.as('contacts')])
          .where('community_id', '=', t.a.id)
          .orderBy('subject_id')
          .orderBy('month')
          .execute(),
      });
      const kept = await rollups();
      assert.ok(kept.last.length >= 5, 'residents and households were served above');
      await rebuildContactRollups(db(), t.a.id);
      assert.deepEqual(await rollups(), kept);
    });
  });
}
