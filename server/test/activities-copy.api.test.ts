// Copying an activity, on both databases: the copy is a draft on the chosen date with the title, description,
// place and point, and every shift's times (a shift ending at midnight too) and places, but none of the sign-ups;
// a bad date is refused in words, an unknown activity is 404, and a team leader copies only their team's.
// Also the list's date range (from/to), which the console's month and week calendar reads, and the place picker's
// places (earlier activities' places with their points, building addresses).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, countRows, fieldErrors, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`copying activities on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, leader: Client;
    let volId: string;
    const db = () => t.db.handle.db;

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      volId = await insertVolunteer(db(), t.cipher, t.a.id, {
        name: '刘红梅',
        accountId: await accountIdOf(db(), t.a.phones.volunteer),
        phone: t.a.phones.volunteer,
      });
      const teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      leader = await signInAs(t, 'team_leader');
    });
    after(async () => {
      await t.close();
    });

    it('makes a draft on the new date with the details and shifts, and leaves the sign-ups behind', async () => {
      const date = addDays(todayInShanghai(), 2);
      const res = await staff('POST', '/api/activities', {
        title: '重阳节包饺子',
        description: '给独居老人送饺子',
        place: '西关社区服务站',
        lat: 34.3611,
        lng: 107.1432,
        toleranceM: 300,
        date,
        shifts: [
          { name: '厨房组', start: '09:00', end: '11:30', places: 8 },
          { name: '送餐组', start: '21:00', end: '24:00', places: 3 },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      const original = (await staff('GET', `/api/activities/${id}`)).json();
      const signed = await staff('POST', `/api/activities/${id}/signups`, {
        shiftId: original.shifts[0].id,
        volunteerIds: [volId],
      });
      assert.equal(signed.statusCode, 201, signed.body);

      const before = await countRows(db(), 'activity_signup');
      const newDate = addDays(todayInShanghai(), 9);
      const copied = await staff('POST', `/api/activities/${id}/copy`, { date: newDate });
      assert.equal(copied.statusCode, 201, copied.body);
      const copyId = copied.json().id as string;
      assert.notEqual(copyId, id);

      const c = (await staff('GET', `/api/activities/${copyId}`)).json();
      assert.equal(c.status, 'draft');
      assert.equal(c.date, newDate);
      assert.deepEqual(
        [c.title, c.description, c.place, c.lat, c.lng, c.toleranceM, c.kind],
        ['重阳节包饺子', '给独居老人送饺子', '西关社区服务站', 34.3611, 107.1432, 300, 'service'],
      );
      assert.deepEqual(
        c.shifts.map((s: any) => [s.name, s.start, s.end, s.places, s.taken, s.waiting]),
        [
          ['厨房组', '09:00', '11:30', 8, 0, 0],
          ['送餐组', '21:00', '24:00', 3, 0, 0],
        ],
      );
      assert.ok(c.shifts.every((s: any) => !original.shifts.some((o: any) => o.id === s.id)));
      // The midnight end lies on the new date's following day, 16:00 UTC.
      assert.equal(c.shifts[1].endsAt.slice(0, 16), `${newDate}T16:00`);
      assert.deepEqual((await staff('GET', `/api/activities/${copyId}/signups`)).json(), []);
      assert.equal(await countRows(db(), 'activity_signup'), before);
      // The original keeps its sign-up.
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, 1);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_id', '=', copyId)
        .where('action', '=', 'activities.copy')
        .execute();
      assert.equal(audit.length, 1);

      // The list between two dates finds the copy on its day and not the original.
      const day = (await staff('GET', `/api/activities?from=${newDate}&to=${newDate}`)).json();
      assert.deepEqual(
        day.map((a: any) => a.id),
        [copyId],
      );
    });

    it("offers the places earlier activities used, with their map point, and the community's buildings", async () => {
      // After the first test: 西关社区服务站 with its point, used by the original and its copy.
      await staff('POST', '/api/activities', {
        title: '无坐标的活动',
        place: '西关社区服务站',
        date: addDays(todayInShanghai(), 4),
        shifts: [{ name: '引导', start: '08:30', end: '10:00', places: 4 }],
      });
      const res = await staff('GET', '/api/activities/places');
      assert.equal(res.statusCode, 200, res.body);
      const places = res.json() as Array<{ name: string; lat: number | null; lng: number | null; source: string }>;
      const station = places.filter((p) => p.name === '西关社区服务站');
      assert.equal(station.length, 1);
      assert.deepEqual(station[0], {
        name: '西关社区服务站',
        lat: 34.3611,
        lng: 107.1432,
        source: 'activity',
        uses: 3,
      });
      const buildings = places.filter((p) => p.source === 'building').map((p) => [p.name, p.lat]);
      assert.deepEqual(buildings, [
        ['宝福路1号楼', null],
        ['宝福路2号楼', null],
      ]);
      assert.equal((await (await signInAs(t, 'volunteer'))('GET', '/api/activities/places')).statusCode, 403);
    });

    it('refuses a bad date in words, an unknown activity, and a team leader copying another team', async () => {
      const res = await staff('POST', '/api/activities', {
        title: '社区义诊',
        place: '卫生服务站',
        date: addDays(todayInShanghai(), 3),
        shifts: [{ name: '引导', start: '08:30', end: '10:00', places: 4 }],
      });
      const id = res.json().id as string;
      const before = await countRows(db(), 'activity');

      const bad = await staff('POST', `/api/activities/${id}/copy`, { date: '2027-02-30' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['date']);
      assert.match(bad.json().error.details.fields[0].message, /日期/);
      const en = await staff('POST', `/api/activities/${id}/copy`, {}, { 'accept-language': 'en' });
      assert.equal(en.statusCode, 400);
      assert.deepEqual(fieldErrors(en), ['date']);

      const missing = await staff('POST', `/api/activities/${uuidv7()}/copy`, { date: addDays(todayInShanghai(), 5) });
      assert.equal(missing.statusCode, 404);

      const out = await leader('POST', `/api/activities/${id}/copy`, { date: addDays(todayInShanghai(), 5) });
      assert.equal(out.statusCode, 403);
      assert.equal(out.json().error.code, 'out_of_scope');
      assert.equal(await countRows(db(), 'activity'), before);
    });
  });
}
