// Appointments on both databases: services and schedules, booking rules (window, notice, schedule, tenancy),
// one booking per resident and slot, cancellation freeing the place, 500 concurrent bookings for 20 places,
// residents booking for themselves and family, staff finding a caller, reminders, and the iCal feed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signIn, signInAs, startTestApp, countRows, fieldErrors, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { namePinyin } from '../../domain/shared/pinyin.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const today = todayInShanghai();

for (const kind of testDatabaseKinds()) {
  describe(`appointments on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let resident: Client;
    let barberId: string, lawyerId: string;
    const residentPhone = () => t.a.phones.resident;

    const service = async (body: Record<string, unknown>) => {
      const res = await admin('POST', '/api/appointments/services', {
        kind: 'other',
        place: '西关社区服务站',
        slotMinutes: 60,
        placesPerSlot: 20,
        windowDays: 7,
        noticeHours: 5,
        schedule: EVERY_DAY.map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
        ...body,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const slotCount = () => countRows(t.db.handle.db, 'appointment_slot');
    const bookingCount = () => countRows(t.db.handle.db, 'appointment_booking');

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      admin = await signInAs(t, 'community_admin');
      resident = as(t.app, await signIn(t.app, residentPhone()));
      barberId = await insertVolunteer(db, t.cipher, t.a.id, { name: '张理发' });
      lawyerId = await insertVolunteer(db, t.cipher, t.a.id, { name: '王律师' });
      // The resident account has no membership link: it books as the resident who carries its phone (李泽钦)
      // and for the mother who lists that phone as a family contact (王秀英).
      await db
        .updateTable('resident')
        .set({ phone: residentPhone() })
        .where('id', '=', t.a.residents['李泽钦']!)
        .execute();
      await db
        .insertInto('family_contact')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          resident_id: t.a.residents['王秀英']!,
          name: '李泽钦',
          relation: '儿子',
          phone: residentPhone(),
          is_primary: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
    });
    after(async () => {
      await t.close();
    });

    it('lists services with providers and schedule, and computes open slots in Shanghai time', async () => {
      const id = await service({
        name: '义剪',
        kind: 'haircut',
        slotMinutes: 30,
        placesPerSlot: 2,
        windowDays: 14,
        noticeHours: 0,
        providerIds: [barberId],
        schedule: [{ weekday: 2, startMinute: 540, endMinute: 660, place: '活动室' }],
      });
      const list = (await admin('GET', '/api/appointments/services')).json();
      const s = list.find((x: any) => x.id === id);
      assert.deepEqual(
        s.providers.map((p: any) => p.name),
        ['张理发'],
      );
      assert.deepEqual(s.schedule, [
        { weekday: 2, startMinute: 540, endMinute: 660, monthWeek: null, place: '活动室' },
      ]);
      const slots = (await resident('GET', `/api/appointments/services/${id}/slots`)).json();
      // Two Tuesdays (or three) in a 14-day window, four 30-minute slots each, 09:00 Shanghai = 01:00 UTC.
      assert.ok(slots.length >= 8 && slots.length <= 12, `${slots.length} slots`);
      assert.ok(
        slots.every(
          (x: any) =>
            new Date(x.start).getUTCDay() === 2 &&
            ['09:00', '09:30', '10:00', '10:30'].includes(x.time) &&
            x.left === 2 &&
            x.place === '活动室',
        ),
      );
      assert.equal(slots.find((x: any) => x.time === '09:00').start.slice(11, 16), '01:00');
      const offer = (await resident('GET', '/api/appointments/offer')).json();
      assert.ok(offer.some((o: any) => o.name === '义剪') && offer.every((o: any) => !('providers' in o)));
    });

    it('refuses bookings outside the window, inside the notice, past, off schedule or elsewhere', async () => {
      const id = await service({ name: '法律咨询', kind: 'legal', providerIds: [lawyerId] });
      const clinic = await service({
        name: '测试门诊',
        schedule: [{ weekday: 1, startMinute: 480, endMinute: 720 }],
        slotMinutes: 30,
      });
      const who = t.a.residents['单雄信']!;
      const before = { slots: await slotCount(), bookings: await bookingCount() };
      const nextHour = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 3600_000).toISOString();
      const monday = [...Array(7).keys()]
        .map((i) => addDays(today, i + 2))
        .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
      const bEnv = await signInAs(t, 'community_admin', 'b');
      const bService = (
        await bEnv('POST', '/api/appointments/services', {
          name: '东关义诊',
          kind: 'clinic',
          place: '东关',
          slotMinutes: 60,
          placesPerSlot: 5,
          windowDays: 7,
          noticeHours: 0,
          schedule: EVERY_DAY.map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
        })
      ).json().id;
      const cases: Array<[string, Record<string, unknown>, number, string, RegExp]> = [
        [
          'inside the notice',
          { serviceId: id, residentId: who, slotStart: nextHour },
          409,
          'booking_too_late',
          /不足 5 小时/,
        ],
        [
          'beyond the window',
          { serviceId: id, residentId: who, slotStart: shanghaiInstant(addDays(today, 8), 600) },
          409,
          'booking_too_early',
          /7 天以内/,
        ],
        [
          'in the past',
          { serviceId: id, residentId: who, slotStart: shanghaiInstant(addDays(today, -1), 600) },
          409,
          'slot_passed',
          /已经过去/,
        ],
        [
          'off the schedule (wrong hour)',
          { serviceId: clinic, residentId: who, slotStart: shanghaiInstant(monday, 800) },
          409,
          'slot_not_offered',
          /没有安排/,
        ],
        [
          'off the schedule (minute)',
          { serviceId: clinic, residentId: who, slotStart: shanghaiInstant(monday, 490) },
          409,
          'slot_not_offered',
          /没有安排/,
        ],
        [
          "another community's resident",
          { serviceId: id, residentId: t.b.residents['单雄信'], slotStart: shanghaiInstant(addDays(today, 2), 600) },
          404,
          'not_found',
          /居民/,
        ],
        [
          "another community's service",
          { serviceId: bService, residentId: who, slotStart: shanghaiInstant(addDays(today, 2), 600) },
          404,
          'not_found',
          /预约服务/,
        ],
      ];
      for (const [label, body, status, code, message] of cases) {
        const res = await admin('POST', '/api/appointments/bookings', body);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
        assert.match(res.json().error.message, message, label);
      }
      const en = await admin('POST', '/api/appointments/bookings', cases[0]![1], { 'accept-language': 'en' });
      assert.match(en.json().error.message, /5 hours before/);
      assert.deepEqual({ slots: await slotCount(), bookings: await bookingCount() }, before, 'nothing changed');
      // A malformed body is a validation error with the field named.
      const bad = await admin('POST', '/api/appointments/bookings', {
        serviceId: id,
        residentId: 'x',
        slotStart: 'tomorrow',
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['residentId', 'slotStart']);
    });

    it('keeps one live booking per resident and slot, and cancelling frees the place', async () => {
      const id = await service({ name: '单人咨询', placesPerSlot: 1 });
      const slotStart = shanghaiInstant(addDays(today, 2), 600);
      const [x, y] = [t.a.residents['单雄信']!, t.a.residents['欧阳文']!];
      const first = await admin('POST', '/api/appointments/bookings', {
        serviceId: id,
        residentId: x,
        slotStart,
        channel: 'phone',
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().residentName, '单雄信');
      assert.equal(first.json().time, '10:00');
      const again = await admin('POST', '/api/appointments/bookings', { serviceId: id, residentId: x, slotStart });
      assert.equal(again.statusCode, 409);
      assert.ok(['already_booked', 'slot_full'].includes(again.json().error.code));
      const full = await admin('POST', '/api/appointments/bookings', { serviceId: id, residentId: y, slotStart });
      assert.equal(full.json().error.code, 'slot_full');
      assert.match(full.json().error.message, /已约满/);
      assert.equal(
        (await admin('POST', `/api/appointments/bookings/${first.json().id}/cancel`, { reason: '来电取消' }))
          .statusCode,
        204,
      );
      assert.equal(
        (await admin('POST', `/api/appointments/bookings/${first.json().id}/cancel`, {})).json().error.code,
        'booking_not_cancellable',
      );
      const second = await admin('POST', '/api/appointments/bookings', { serviceId: id, residentId: y, slotStart });
      assert.equal(second.statusCode, 201, second.body);
      const day = (await admin('GET', `/api/appointments/bookings?date=${addDays(today, 2)}&serviceId=${id}`)).json();
      assert.deepEqual(day.map((b: any) => [b.residentName, b.status]).sort(), [
        ['单雄信', 'cancelled'],
        ['欧阳文', 'confirmed'],
      ]);

      // Two places: the same resident racing themselves gets one.
      const two = await service({ name: '双人咨询', placesPerSlot: 2 });
      const race = await Promise.all(
        [0, 1, 2, 3, 4].map(() =>
          admin('POST', '/api/appointments/bookings', { serviceId: two, residentId: x, slotStart }),
        ),
      );
      assert.deepEqual(race.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409]);
      assert.ok(race.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'already_booked'));
    });

    it('confirms exactly 20 of 500 concurrent bookings for 20 places; the rest are told it is full', async () => {
      const db = t.db.handle.db;
      const now = new Date().toISOString();
      const ids: string[] = [];
      const rows = [];
      for (let i = 0; i < 500; i++) {
        const id = uuidv7();
        ids.push(id);
        const name = `居民${i}`;
        const py = namePinyin('居民');
        rows.push({
          community_id: t.a.id,
          id,
          household_id: t.a.households[1]!,
          grid_id: t.a.grids[0],
          name,
          name_pinyin: `${py.full}${i}`,
          name_initials: py.initials,
          gender: 'female',
          birth_date: '1950-01-01',
          phone: null,
          relation_to_head: 'other',
          id_number_enc: null,
          id_number_token: null,
          id_number_masked: null,
          health_enc: null,
          disability_enc: null,
          note: null,
          status: 'active',
          created_at: now,
          updated_at: now,
        });
      }
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto('resident')
          .values(rows.slice(i, i + 100))
          .execute();
      const id = await service({ name: '义诊', kind: 'clinic', placesPerSlot: 20 });
      const slotStart = shanghaiInstant(addDays(today, 3), 540);
      const results = await Promise.all(
        ids.map((residentId) =>
          admin('POST', '/api/appointments/bookings', { serviceId: id, residentId, slotStart, channel: 'phone' }),
        ),
      );
      const ok = results.filter((r) => r.statusCode === 201);
      const refused = results.filter((r) => r.statusCode !== 201);
      assert.equal(ok.length, 20);
      assert.equal(refused.length, 480);
      assert.ok(
        refused.every((r) => r.statusCode === 409 && r.json().error.code === 'slot_full'),
        refused.find((r) => r.json().error.code !== 'slot_full')?.body,
      );
      const slot = await db
        .selectFrom('appointment_slot')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('service_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(slot.booked, 20);
      const live = await db
        .selectFrom('appointment_booking')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('service_id', '=', id)
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      assert.equal(Number(live.n), 20);
      const slots = (
        await resident(
          'GET',
          `/api/appointments/services/${id}/slots?from=${addDays(today, 3)}&to=${addDays(today, 3)}`,
        )
      ).json();
      assert.ok(!slots.some((s: any) => s.start === slotStart), 'a full slot is not offered');
    });

    it('lets a resident book for themselves and family, see and cancel, but not for anyone else', async () => {
      const id = await service({ name: '居民义剪', kind: 'haircut', placesPerSlot: 3 });
      const mine = (await resident('GET', '/api/appointments/mine')).json();
      assert.deepEqual(
        mine.people.map((p: any) => [p.name, p.relation]),
        [
          ['李泽钦', 'self'],
          ['王秀英', 'family'],
        ],
      );
      const slotStart = shanghaiInstant(addDays(today, 2), 900);
      const forMother = await resident('POST', '/api/appointments/mine', {
        serviceId: id,
        residentId: t.a.residents['王秀英'],
        slotStart,
      });
      assert.equal(forMother.statusCode, 201, forMother.body);
      assert.equal(forMother.json().channel, 'online');
      assert.ok(!('residentPhone' in forMother.json()));
      const stranger = await resident('POST', '/api/appointments/mine', {
        serviceId: id,
        residentId: t.a.residents['单雄信'],
        slotStart,
      });
      assert.equal(stranger.statusCode, 403);
      assert.equal(stranger.json().error.code, 'out_of_scope');
      const listed = (await resident('GET', '/api/appointments/mine')).json().bookings;
      assert.deepEqual(
        listed.map((b: any) => [b.residentName, b.serviceName, b.status]),
        [['王秀英', '居民义剪', 'confirmed']],
      );
      // Someone else's booking is invisible to the resident's cancel.
      const other = (
        await admin('POST', '/api/appointments/bookings', {
          serviceId: id,
          residentId: t.a.residents['单雄信'],
          slotStart,
        })
      ).json();
      assert.equal((await resident('POST', `/api/appointments/mine/${other.id}/cancel`)).statusCode, 404);
      assert.equal((await resident('POST', `/api/appointments/mine/${forMother.json().id}/cancel`)).statusCode, 204);
      assert.equal((await resident('GET', '/api/appointments/mine')).json().bookings[0].status, 'cancelled');
      const slots = (
        await resident(
          'GET',
          `/api/appointments/services/${id}/slots?from=${addDays(today, 2)}&to=${addDays(today, 2)}`,
        )
      ).json();
      assert.equal(slots.find((s: any) => s.start === slotStart).left, 2);
    });

    it('finds a caller by their phone, a family contact phone, or name', async () => {
      const byPhone = (await admin('GET', '/api/appointments/residents?q=13700001234')).json();
      assert.deepEqual(
        byPhone.map((r: any) => [r.name, r.via]),
        [['单雄信', 'phone']],
      );
      const byContact = (await admin('GET', `/api/appointments/residents?q=${residentPhone()}`)).json();
      assert.deepEqual(
        byContact.map((r: any) => [r.name, r.via]),
        [
          ['李泽钦', 'phone'],
          ['王秀英', 'contact'],
        ],
      );
      const byName = (await admin('GET', `/api/appointments/residents?q=${encodeURIComponent('吕')}`)).json();
      assert.deepEqual(
        byName.map((r: any) => r.name),
        ['吕建国'],
      );
      assert.deepEqual(
        (await admin('GET', '/api/appointments/residents?q=lvjianguo')).json().map((r: any) => r.name),
        ['吕建国'],
      );
      // The other community's people are never found.
      assert.deepEqual((await admin('GET', `/api/appointments/residents?q=${t.b.phones.resident}`)).json(), []);
    });

    it("reminds tomorrow's bookings once through the outbox", async () => {
      const id = await service({ name: '提醒测试' });
      const tomorrow = addDays(today, 1);
      const b = await admin('POST', '/api/appointments/bookings', {
        serviceId: id,
        residentId: t.a.residents['单雄信'],
        slotStart: shanghaiInstant(tomorrow, 1200),
      });
      assert.equal(b.statusCode, 201, b.body);
      const sent = () =>
        t.db.handle.db
          .selectFrom('notification_outbox')
          .select(['recipient', 'payload'])
          .where('template', '=', 'appointments.reminder')
          .execute();
      await enqueueJob(t.db.handle.db, 'appointments.reminders', {});
      assert.equal(await t.app.services.jobs.runDue(), 1);
      const first = await sent();
      const mine = first.filter((m) => JSON.parse(m.payload).bookingId === b.json().id);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.recipient, '13700001234');
      assert.deepEqual(JSON.parse(mine[0]!.payload), {
        name: '单雄信',
        service: '提醒测试',
        date: tomorrow,
        time: '20:00',
        place: '西关社区服务站',
        bookingId: b.json().id,
      });
      await enqueueJob(t.db.handle.db, 'appointments.reminders', {});
      await t.app.services.jobs.runDue();
      assert.equal((await sent()).length, first.length, 'no second reminder');
    });

    it("serves each provider's bookings as an RFC 5545 calendar at an unguessable address", async () => {
      const id = await service({
        name: '法律咨询, 婚姻; 继承',
        kind: 'legal',
        place: '2楼, 调解室; A\\B',
        providerIds: [lawyerId],
      });
      const slotStart = shanghaiInstant(addDays(today, 2), 600);
      assert.equal(
        (
          await admin('POST', '/api/appointments/bookings', {
            serviceId: id,
            residentId: t.a.residents['欧阳文'],
            slotStart,
          })
        ).statusCode,
        201,
      );
      const { path } = (await admin('GET', `/api/appointments/providers/${lawyerId}/feed`)).json();
      assert.match(path, /^\/api\/appointments\/feed\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{32}\.ics$/);
      const res = await t.app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      const body = res.body;
      assert.ok(body.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(body), 'every line ends with CRLF');
      const physical = body.slice(0, -2).split('\r\n');
      assert.ok(
        physical.every((l) => Buffer.byteLength(l, 'utf8') <= 75),
        'folded at 75 octets',
      );
      const lines = body.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.equal(lines.at(-1), 'END:VCALENDAR');
      assert.ok(lines.includes('VERSION:2.0') && lines.some((l) => l.startsWith('PRODID:')));
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
      assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 1);
      assert.ok(lines.includes(`DTSTART:${slotStart.replace(/[-:]/g, '').replace('.000', '')}`));
      assert.ok(lines.includes('SUMMARY:法律咨询\\, 婚姻\\; 继承（1/20）'), lines.join('\n'));
      assert.ok(lines.includes('LOCATION:2楼\\, 调解室\\; A\\\\B'));
      assert.ok(
        lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes('欧*文')),
        'names are masked',
      );
      assert.ok(lines.some((l) => /^UID:.+@linli$/.test(l)) && lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
      // A wrong token, or the right token in another community, finds nothing.
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: path.replace(/\/[A-Za-z0-9_-]{32}\.ics$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'),
          })
        ).statusCode,
        404,
      );
      assert.equal((await t.app.inject({ method: 'GET', url: path.replace(t.a.id, t.b.id) })).statusCode, 404);
      // A new address retires the old one.
      const renewed = (await admin('POST', `/api/appointments/providers/${lawyerId}/feed`)).json().path;
      assert.notEqual(renewed, path);
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: renewed })).statusCode, 200);
    });
  });
}
