// Three-fixed pairings on both databases: creating with its rules (schedule, dates, eligibility, duplicates,
// another community), the volunteer logging visits on their own pairing only, missed visits, ending.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, insertAccountVolunteer, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { WEEKDAYS, dayNumber } from '../../domain/pairings/recurrence.ts';

const weekdayCode = (d: string) => WEEKDAYS[(((dayNumber(d) + 3) % 7) + 7) % 7]!;

for (const kind of testDatabaseKinds()) {
  describe(`pairings on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let me: Client;
    let myId: string, otherId: string, pendingId: string;
    const today = todayInShanghai();
    const base = () => ({
      volunteerId: myId,
      residentId: t.a.residents['吕建国']!,
      item: 'weekly_visit',
      place: '2号楼1单元104',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: addDays(today, -60),
    });

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      admin = await signInAs(t, 'community_admin');
      me = await signInAs(t, 'volunteer');
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
      });
      otherId = await insertVolunteer(db, t.cipher, t.a.id, { name: '张建华' });
      pendingId = await insertVolunteer(db, t.cipher, t.a.id, { name: '待审核', status: 'pending' });
    });
    after(async () => {
      await t.close();
    });

    it('creates a pairing and lists it per volunteer and per resident', async () => {
      const res = await admin('POST', '/api/pairings', {
        ...base(),
        item: 'medicine_reminder',
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      });
      assert.equal(res.statusCode, 201, res.body);
      const byVolunteer = (await admin('GET', `/api/pairings?volunteerId=${myId}`)).json();
      assert.equal(byVolunteer.total, 1);
      const p = byVolunteer.items[0];
      assert.equal(p.residentName, '吕建国');
      assert.equal(p.volunteerName, '刘红梅');
      assert.equal(p.status, 'active');
      assert.equal(p.residentAddress, '2号楼1单元104');
      assert.equal((await admin('GET', `/api/pairings?residentId=${t.a.residents['吕建国']}`)).json().total, 1);
      assert.equal((await admin('GET', `/api/pairings?residentId=${t.a.residents['王秀英']}`)).json().total, 0);
      // The same volunteer, resident and item again is a duplicate.
      const dup = await admin('POST', '/api/pairings', { ...base(), item: 'medicine_reminder' });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.details.fields[0].message, '这位志愿者已经和这位居民结对了同一服务项目');
    });

    it('refuses bad schedules, dates, items, unknown or unapproved volunteers, outside residents', async () => {
      const bad = async (body: Record<string, unknown>, status: number, field?: string) => {
        const before = (await admin('GET', '/api/pairings')).json().total;
        const r = await admin('POST', '/api/pairings', body);
        assert.equal(r.statusCode, status, `${JSON.stringify(body)} → ${r.body}`);
        if (field)
          assert.ok(
            r.json().error.details.fields.some((f: any) => f.field === field),
            r.body,
          );
        assert.equal((await admin('GET', '/api/pairings')).json().total, before, 'nothing was written');
        return r.json().error;
      };
      assert.match(
        (await bad({ ...base(), rrule: 'FREQ=DAILY' }, 400, 'rrule')).details.fields[0].message,
        /按周或按月/,
      );
      await bad({ ...base(), rrule: 'FREQ=WEEKLY' }, 400, 'rrule');
      await bad({ ...base(), rrule: 'FREQ=MONTHLY;BYMONTHDAY=0' }, 400, 'rrule');
      await bad({ ...base(), item: 'other' }, 400, 'itemNote');
      await bad({ ...base(), endsOn: addDays(today, -90) }, 400, 'endsOn');
      await bad({ ...base(), residentId: t.b.residents['吕建国'] }, 404, 'residentId');
      await bad({ ...base(), volunteerId: uuidv7() }, 404, 'volunteerId');
      assert.equal((await bad({ ...base(), volunteerId: pendingId }, 409)).code, 'volunteer_not_approved');
    });

    it('checks the eligibility of the volunteer for the service type', async () => {
      const db = t.db.handle.db;
      const young = uuidv7(),
        open = uuidv7();
      for (const [id, code, maxAge] of [
        [young, 'youth_only', 30],
        [open, 'home_visit', 80],
      ] as const) {
        await db
          .insertInto('service_type')
          .values({
            community_id: t.a.id,
            id,
            code,
            name: code,
            min_age: 18,
            max_age: maxAge,
            min_fitness: 'limited',
            night: 0,
            needs_insurance: 0,
            training_course_id: null,
            skill_code: null,
            description: null,
            created_at: new Date().toISOString(),
          })
          .execute();
      }
      // The volunteer was born in 1980: too old for a service that stops at 30.
      const refused = await admin('POST', '/api/pairings', { ...base(), item: 'chat', serviceTypeId: young });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'volunteer_not_eligible');
      assert.deepEqual(refused.json().error.details.reasons, ['too_old']);
      const ok = await admin('POST', '/api/pairings', { ...base(), item: 'chat', serviceTypeId: open });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((await admin('GET', `/api/pairings/${ok.json().id}`)).json().serviceTypeName, 'home_visit');
      // Changing the service type checks again.
      assert.equal((await admin('PATCH', `/api/pairings/${ok.json().id}`, { serviceTypeId: young })).statusCode, 409);
    });

    it('lets the volunteer log a visit on their own pairing, once a day, and staff see it', async () => {
      const id = (
        await admin('POST', '/api/pairings', {
          ...base(),
          item: 'shopping',
          rrule: `FREQ=WEEKLY;BYDAY=${weekdayCode(today)}`,
        })
      ).json().id;
      const mine = (await me('GET', '/api/my/pairings')).json();
      const p = mine.find((x: any) => x.id === id);
      assert.ok(p, 'the pairing is on my phone');
      assert.deepEqual(p.due, [today], 'today is expected and not yet logged');
      assert.equal(p.next.length, 4);
      assert.equal(p.next[0], addDays(today, 7));
      const logged = await me('POST', `/api/my/pairings/${id}/visits`, {
        visitedOn: today,
        minutes: 45,
        notes: '买了米和油',
      });
      assert.equal(logged.statusCode, 201, logged.body);
      const again = await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: today, minutes: 30 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'visit_already_logged');
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: addDays(today, 1), minutes: 30 })).statusCode,
        400,
      );
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: addDays(today, -61), minutes: 30 })).statusCode,
        400,
      );
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: addDays(today, -1), minutes: 2 })).statusCode,
        400,
      );
      const detail = (await admin('GET', `/api/pairings/${id}`)).json();
      assert.deepEqual(
        detail.visits.map((v: any) => [v.visitedOn, v.minutes, v.notes, v.loggedByName]),
        [[today, 45, '买了米和油', `volunteer-西关社区`]],
      );
      assert.deepEqual(detail.due, []);
      const after = (await me('GET', '/api/my/pairings')).json().find((x: any) => x.id === id);
      assert.equal(after.visits.length, 1);
    });

    it("refuses a visit on someone else's pairing with a clear error and changes nothing", async () => {
      const id = (await admin('POST', '/api/pairings', { ...base(), volunteerId: otherId, item: 'cleaning' })).json()
        .id;
      const audit = async () =>
        Number(
          (
            await t.db.handle.db
              .selectFrom('audit_log')
              .select((e) => e.fn.countAll().as('n'))
              .where('community_id', '=', t.a.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await audit();
      const r = await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: today, minutes: 30 });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'not_your_pairing');
      assert.match(r.json().error.message, /不是您的结对/);
      assert.equal((await admin('GET', `/api/pairings/${id}`)).json().visits.length, 0);
      assert.equal(await audit(), before);
      assert.ok(
        !(await me('GET', '/api/my/pairings')).json().some((x: any) => x.id === id),
        "someone else's pairing is not on my phone",
      );
      // Another community's volunteer account cannot reach it at all.
      const outsider = await signInAs(t, 'volunteer', 'b');
      assert.equal(
        (await outsider('POST', `/api/my/pairings/${id}/visits`, { visitedOn: today, minutes: 30 })).statusCode,
        404,
      );
    });

    it('flags expected visits that passed with none within two days, for staff and for the volunteer', async () => {
      // Weekly on the weekday of 21 days ago: expected on −21, −14, −7 and today.
      const start = addDays(today, -21);
      const id = (
        await admin('POST', '/api/pairings', {
          ...base(),
          item: 'haircut',
          rrule: `FREQ=WEEKLY;BYDAY=${weekdayCode(start)}`,
          startsOn: start,
        })
      ).json().id;
      assert.equal(
        (await admin('POST', `/api/pairings/${id}/visits`, { visitedOn: start, minutes: 60 })).statusCode,
        201,
      );
      // Two days late still counts.
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: addDays(today, -12), minutes: 50 })).statusCode,
        201,
      );
      const detail = (await admin('GET', `/api/pairings/${id}`)).json();
      assert.deepEqual(detail.missed, [addDays(today, -7)]);
      assert.deepEqual(detail.due, [today]);
      const missed = (await admin('GET', '/api/pairings/missed?days=28&pageSize=200'))
        .json()
        .items.filter((m: any) => m.id === id);
      assert.deepEqual(
        missed.map((m: any) => [m.date, m.residentName, m.volunteerName]),
        [[addDays(today, -7), '吕建国', '刘红梅']],
      );
      // Paged, and searched by a resident's or a volunteer's name.
      const found = (
        await admin('GET', `/api/pairings/missed?days=28&q=${encodeURIComponent('吕建国')}&pageSize=1`)
      ).json();
      assert.equal(found.items.length, 1);
      assert.equal(found.items[0].residentName, '吕建国');
      assert.equal(found.pageSize, 1);
      const none = (await admin('GET', `/api/pairings/missed?days=28&q=${encodeURIComponent('无此人')}`)).json();
      assert.deepEqual([none.items, none.total], [[], 0]);
      const mine = (await me('GET', '/api/my/pairings')).json().find((x: any) => x.id === id);
      assert.deepEqual(mine.missed, [addDays(today, -7)]);
    });

    it('ends a pairing with a reason; an ended pairing is neither changed nor logged after its end', async () => {
      const id = (
        await admin('POST', '/api/pairings', {
          ...base(),
          item: 'meal_delivery',
          rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,15',
        })
      ).json().id;
      assert.equal(
        (await admin('PATCH', `/api/pairings/${id}`, { place: '社区食堂', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }))
          .statusCode,
        204,
      );
      assert.equal((await admin('POST', `/api/pairings/${id}/end`, { reason: '' })).statusCode, 400);
      assert.equal(
        (await admin('POST', `/api/pairings/${id}/end`, { reason: '居民搬去女儿家住', endedOn: addDays(today, -3) }))
          .statusCode,
        204,
      );
      const p = (await admin('GET', `/api/pairings/${id}`)).json();
      assert.deepEqual(
        [p.status, p.endedOn, p.endReason, p.place, p.rrule, p.next],
        ['ended', addDays(today, -3), '居民搬去女儿家住', '社区食堂', 'FREQ=MONTHLY;BYMONTHDAY=-1', []],
      );
      const edit = await admin('PATCH', `/api/pairings/${id}`, { place: '别处' });
      assert.equal(edit.statusCode, 409);
      assert.equal(edit.json().error.code, 'pairing_ended');
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: today, minutes: 30 })).json().error.code,
        'pairing_ended',
      );
      assert.equal(
        (await me('POST', `/api/my/pairings/${id}/visits`, { visitedOn: addDays(today, -3), minutes: 30 })).statusCode,
        201,
      );
      assert.ok((await admin('GET', '/api/pairings?status=ended')).json().items.some((x: any) => x.id === id));
      assert.ok(
        !(await me('GET', '/api/my/pairings')).json().some((x: any) => x.id === id),
        'ended pairings leave the phone',
      );
    });

    it('keeps visits clean for the hours ledger: date, minutes, volunteer and resident on each row', async () => {
      const rows = await t.db.handle.db
        .selectFrom('pairing_visit')
        .select(['visited_on', 'minutes', 'volunteer_id', 'resident_id'])
        .where('community_id', '=', t.a.id)
        .execute();
      assert.ok(rows.length >= 4);
      for (const r of rows) {
        assert.match(r.visited_on, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(typeof r.minutes, 'number');
        assert.ok(r.volunteer_id === myId || r.volunteer_id === otherId);
        assert.equal(r.resident_id, t.a.residents['吕建国']);
      }
    });
  });
}
