// One calendar feed per person, on both databases: 刘红梅 has an activity shift, a need she helps with, a pairing's
// visits, a home-care task, a hospital shift, a 4:30 classroom rota day and a booking for the resident linked to her
// phone. Her feed (the activities feed's address, which calendars subscribed before keep using) carries every one,
// each timed event with DTSTART;TZID=Asia/Shanghai and the calendar with a VTIMEZONE for Asia/Shanghai; a standard
// iCalendar library (ical.js) parses it and reads each start back as the right instant. A structural RFC 5545 check
// (CRLF, 75-octet lines, balanced components) runs on the raw text too. Cancelled work leaves the feed; a renewed
// address stops the old one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed } from './factories.ts';
import { insureVolunteers } from './volunteer-factories.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();
const D = addDays(today, 5);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** RFC 5545 structure without a library: CRLF ends, lines of at most 75 octets, components opened and closed. */
function assertRfc5545Structure(ics: string) {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const l of physical) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `folded: ${l}`);
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
  const stack: string[] = [];
  for (const l of lines) {
    assert.match(l, /^[A-Z][A-Z0-9-]*(;[^:]+)?:/, `a content line: ${l}`);
    if (l.startsWith('BEGIN:')) stack.push(l.slice(6));
    if (l.startsWith('END:')) assert.equal(stack.pop(), l.slice(4));
  }
  assert.equal(stack.length, 0);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0') && lines.some((l) => l.startsWith('PRODID:')));
  return lines;
}

for (const kind of testDatabaseKinds()) {
  describe(`one calendar feed per person on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, vol: Client;
    let meId: string;
    let pairingDays = 0;
    const db = () => t.db.handle.db;
    const R = (name: string) => t.a.residents[name]!;
    /** uid prefix → the instant the event starts (or its local date, all-day). */
    const expected = new Map<string, { start: string; allDay?: boolean }>();

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'community_admin');
      meId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', birthDate: '1985-03-01' });
      await insureVolunteers(db(), t.a.id, [meId], '2020-01-01', '2099-12-31');
      vol = await signInAs(t, 'volunteer');

      // An activity shift.
      const act = await staff('POST', '/api/activities', {
        title: '重阳敬老',
        place: '西关社区服务站',
        date: D,
        shifts: [{ name: '服务组', start: '09:00', end: '11:00', places: 5 }],
      });
      assert.equal(act.statusCode, 201, act.body);
      const actId = act.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${actId}/publish`)).statusCode, 204);
      const shiftId = (await staff('GET', `/api/activities/${actId}`)).json().shifts[0].id;
      const su = await staff('POST', `/api/activities/${actId}/signups`, { shiftId, volunteerIds: [meId] });
      assert.equal(su.statusCode, 201, su.body);
      expected.set(`${su.json()[0].id}@linli-activity`, { start: shanghaiInstant(D, 9 * 60) });

      // A need she helps with, at 14:00–15:00.
      const needId = await insertNeed(db(), t.a, '吕建国', 3, {
        category: 'household',
        preferred_date: D,
        preferred_start: 14 * 60,
        preferred_end: 15 * 60,
      });
      const m = await staff('POST', `/api/needs/${needId}/match`, { volunteerId: meId });
      assert.equal(m.statusCode, 204, m.body);
      expected.set(`${needId}@linli-need`, { start: shanghaiInstant(D, 14 * 60) });

      // A weekly pairing: its next visits are days without a time.
      const p = await staff('POST', '/api/pairings', {
        volunteerId: meId,
        residentId: R('吕建国'),
        item: 'other',
        itemNote: '读报',
        place: '2号楼1单元104',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsOn: today,
      });
      assert.equal(p.statusCode, 201, p.body);
      const pairing = ((await vol('GET', '/api/my/pairings')).json() as any[])[0];
      const visit = (pairing.due[0] ?? pairing.next[0]) as string;
      pairingDays = new Set([...pairing.due, ...pairing.next]).size;
      expected.set(`${p.json().id}-${visit}@linli-pairing`, { start: visit, allDay: true });

      // A home-care task at 10:00.
      const task = await staff('POST', '/api/homecare/tasks', {
        residentId: R('吕建国'),
        kind: 'cleaning',
        dueOn: D,
        dueTime: '10:00',
        volunteerId: meId,
      });
      assert.equal(task.statusCode, 201, task.body);
      expected.set(`${task.json().id}@linli-homecare-task`, { start: shanghaiInstant(D, 10 * 60) });

      // A hospital shift (the 08:00 one on day D + 1).
      const stay = await staff('POST', '/api/homecare/stays', {
        residentId: R('吕建国'),
        hospital: '宝鸡市中心医院',
        admittedOn: D,
        expectedDischargeOn: addDays(D, 3),
      });
      assert.equal(stay.statusCode, 201, stay.body);
      const stayId = stay.json().id;
      assert.equal(
        (await staff('POST', `/api/homecare/stays/${stayId}/shifts`, { from: D, to: addDays(D, 3) })).statusCode,
        200,
      );
      const shifts = (await staff('GET', `/api/homecare/stays/${stayId}/shifts`)).json() as any[];
      const at8 = shifts.find((s) => s.startsAt === shanghaiInstant(addDays(D, 1), 8 * 60));
      assert.ok(at8, JSON.stringify(shifts.map((s) => s.startsAt)));
      const as = await staff('POST', `/api/homecare/shifts/${at8.id}/assign`, { volunteerId: meId });
      assert.equal(as.statusCode, 200, as.body);
      expected.set(`${at8.id}@linli-hospital-shift`, { start: at8.startsAt });

      // A 4:30 classroom rota day.
      const session = await staff('POST', '/api/classroom/sessions', {
        date: addDays(D, 2),
        starts: '16:30',
        place: '四点半课堂',
        volunteerIds: [meId],
      });
      assert.equal(session.statusCode, 201, session.body);
      const sess = session.json();
      expected.set(`${sess.id}-${meId}@linli-classroom`, { start: shanghaiInstant(addDays(D, 2), 16 * 60 + 30) });

      // A booking for the resident whose phone is hers (her own appointment).
      await db().updateTable('resident').set({ phone: t.a.phones.volunteer }).where('id', '=', R('单雄信')).execute();
      const svc = await staff('POST', '/api/appointments/services', {
        name: '理发',
        kind: 'other',
        place: '西关社区服务站',
        slotMinutes: 60,
        placesPerSlot: 20,
        windowDays: 14,
        noticeHours: 1,
        schedule: EVERY_DAY.map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
      });
      assert.equal(svc.statusCode, 201, svc.body);
      const slotStart = shanghaiInstant(D, 16 * 60);
      const bk = await staff('POST', '/api/appointments/bookings', {
        serviceId: svc.json().id,
        residentId: R('单雄信'),
        slotStart,
        channel: 'phone',
      });
      assert.equal(bk.statusCode, 201, bk.body);
      expected.set(`${bk.json().id}@linli-booking`, { start: slotStart });
    });
    after(async () => {
      await t.close();
    });

    const feedBody = async () => {
      const path = (await vol('GET', '/api/activities/mine/feed')).json().path as string;
      assert.match(path, /^\/api\/activities\/feed\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{20,64}\.ics$/);
      const res = await t.app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      return { path, body: res.body };
    };

    it('carries every commitment, each timed one with TZID=Asia/Shanghai, parsed by ical.js', async () => {
      const { body } = await feedBody();
      const lines = assertRfc5545Structure(body);
      assert.ok(lines.includes('BEGIN:VTIMEZONE') && lines.includes('TZID:Asia/Shanghai'));
      const inEvents = lines.filter(
        (_, i) => lines.lastIndexOf('BEGIN:VEVENT', i) > lines.lastIndexOf('END:VEVENT', i),
      );
      // One event per commitment: the pairing brings each of its coming visit days.
      assert.equal(inEvents.filter((l) => l.startsWith('DTSTART')).length, expected.size - 1 + pairingDays);
      for (const l of inEvents.filter((x) => x.startsWith('DTSTART') || x.startsWith('DTEND')))
        assert.match(l, /^DT(START|END)(;TZID=Asia\/Shanghai:\d{8}T\d{6}|;VALUE=DATE:\d{8})$/, l);

      const cal = new ICAL.Component(ICAL.parse(body));
      const vtz = cal.getFirstSubcomponent('vtimezone');
      assert.ok(vtz, 'a VTIMEZONE');
      const zone = new ICAL.Timezone(vtz);
      assert.equal(zone.tzid, 'Asia/Shanghai');
      ICAL.TimezoneService.register(zone, 'Asia/Shanghai');
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const byUid = new Map(events.map((e) => [e.uid, e]));
      for (const [uid, want] of expected) {
        const e = byUid.get(uid);
        assert.ok(e, `${uid} in the feed (have ${[...byUid.keys()].join(', ')})`);
        if (want.allDay) {
          assert.ok(e.startDate.isDate);
          assert.equal(e.startDate.toString(), want.start);
        } else {
          assert.equal(e.component.getFirstProperty('dtstart')!.getParameter('tzid'), 'Asia/Shanghai');
          assert.equal(e.startDate.zone.tzid, 'Asia/Shanghai');
          assert.equal(e.startDate.toJSDate().toISOString(), new Date(want.start).toISOString(), uid);
          assert.ok(e.endDate.compare(e.startDate) > 0, `${uid} ends after it starts`);
        }
        assert.ok(e.summary.length > 0);
      }
      assert.match(body, /X-WR-CALNAME:刘红梅 · 我的日程/);
    });

    it('drops cancelled work, and a renewed address stops the old one', async () => {
      const taskUid = [...expected.keys()].find((k) => k.endsWith('@linli-homecare-task'))!;
      const taskId = taskUid.split('@')[0]!;
      const c = await staff('POST', `/api/homecare/tasks/${taskId}/cancel`, { reason: '家属自理' });
      assert.ok([200, 204].includes(c.statusCode), c.body);
      const { path, body } = await feedBody();
      assert.ok(!body.includes(`UID:${taskUid}`));
      const renewed = await vol('POST', '/api/activities/mine/feed');
      assert.notEqual(renewed.json().path, path);
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: renewed.json().path })).statusCode, 200);
    });
  });
}
