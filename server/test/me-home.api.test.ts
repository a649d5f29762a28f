// The phone home's "next up" on both databases: a resident who is no volunteer is told so (and gets nothing of a
// volunteer's); a pending applicant sees the application; a volunteer gets the need waiting for an answer, the next
// activity signed up for and the hours to the next star; a family sees the last scan of their elder's love badge and
// the next booking; a grid leader the grid's open needs and survey to-do; a team leader the requests to join and
// the team's next activity. Signed out: 401.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordService, signInAll, startTestApp, verifyService, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { Actor } from '../src/platform/actor.ts';
import { VolunteerDirectory } from '../src/modules/volunteers/volunteer-directory.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the phone home on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, vol: Client, family: Client, grid: Client, leader: Client, unit: Client;
    let volId: string, teamId: string;
    const db = () => t.db.handle.db;
    const home = async (c: Client) => {
      const res = await c('GET', '/api/me/home');
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    before(async () => {
      t = await startTestApp(kind);
      volId = await insertVolunteer(db(), t.cipher, t.a.id, {
        name: '刘红梅',
        accountId: await accountIdOf(db(), t.a.phones.volunteer),
      });
      // The unit coordinator applied and waits for approval.
      await insertVolunteer(db(), t.cipher, t.a.id, {
        name: '赵老师',
        status: 'pending',
        accountId: await accountIdOf(db(), t.a.phones.unit_coordinator),
      });
      const leaderId = await insertVolunteer(db(), t.cipher, t.a.id, {
        name: '张建华',
        accountId: await accountIdOf(db(), t.a.phones.team_leader),
      });
      teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      await addTeamMember(db(), t.a.id, teamId, leaderId, { role: 'leader' });
      await addTeamMember(db(), t.a.id, teamId, volId, { status: 'requested' });
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      [staff, vol, family, grid, leader, unit] = await signInAll(t, [
        'staff',
        'volunteer',
        'resident',
        'grid_leader',
        'team_leader',
        'unit_coordinator',
      ]);
    });
    after(async () => {
      await t?.close();
    });

    it('refuses the signed-out', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/home' })).statusCode, 401);
    });

    it('tells a resident who is no volunteer so, with nothing of a volunteer, grid or team', async () => {
      const h = await home(family);
      assert.equal(h.volunteerStatus, 'none');
      assert.equal(h.volunteer, null);
      assert.equal(h.grid, null);
      assert.equal(h.team, null);
      assert.equal(h.family, null, 'no badge and no booking yet: nothing to say');
    });

    it('shows a pending applicant the application, and no volunteer tools yet', async () => {
      const h = await home(unit);
      assert.equal(h.volunteerStatus, 'pending');
      assert.equal(h.volunteer, null);
    });

    it('gives a volunteer the need waiting for an answer, the next activity and hours to the next star', async () => {
      let h = await home(vol);
      assert.equal(h.volunteerStatus, 'approved');
      assert.deepEqual(
        { ...h.volunteer, hoursToNextStar: typeof h.volunteer.hoursToNextStar },
        {
          nextTask: null,
          nextActivity: null,
          openTasks: 0,
          creditHours: 0,
          starLevel: 0,
          hoursToNextStar: 'number',
        },
      );
      const toStar = h.volunteer.hoursToNextStar as number;

      const need = await staff('POST', '/api/needs', {
        residentId: t.a.residents['李泽钦'],
        channel: 'phone',
        category: 'household',
        description: '厨房水管漏水',
      });
      assert.equal(need.statusCode, 201, need.body);
      const needId = need.json().id as string;
      assert.equal((await staff('POST', `/api/needs/${needId}/match`, { volunteerId: volId })).statusCode, 204);

      const act = await staff('POST', '/api/activities', {
        title: '中秋做月饼',
        place: '西关社区服务站',
        date: addDays(todayInShanghai(), 2),
        shifts: [{ name: '厨房组', start: '09:00', end: '11:00', places: 5 }],
        organiserTeamId: teamId,
      });
      assert.equal(act.statusCode, 201, act.body);
      const actId = act.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${actId}/publish`)).statusCode, 204);
      const shiftId = (await staff('GET', `/api/activities/${actId}`)).json().shifts[0].id as string;
      const signed = await staff('POST', `/api/activities/${actId}/signups`, { shiftId, volunteerIds: [volId] });
      assert.ok(signed.statusCode < 300, signed.body);

      const entry = await recordService(t, { volunteerId: volId, minutes: 120, date: todayInShanghai() });
      await verifyService(staff, [entry]);

      h = await home(vol);
      assert.equal(h.volunteer.nextTask.kind, 'need');
      assert.equal(h.volunteer.nextTask.id, needId);
      assert.equal(h.volunteer.nextTask.waiting, true);
      assert.equal(h.volunteer.nextTask.title, '李泽钦');
      assert.equal(h.volunteer.openTasks, 1);
      assert.equal(h.volunteer.nextActivity.kind, 'activity');
      assert.equal(h.volunteer.nextActivity.title, '中秋做月饼');
      assert.equal(h.volunteer.nextActivity.time, '09:00');
      assert.equal(h.volunteer.creditHours, 2);
      assert.equal(h.volunteer.hoursToNextStar, toStar - 2);
      assert.equal(h.family, null);
    });

    it("shows a family the last scan of their elder's love badge and the next booking", async () => {
      const now = new Date().toISOString();
      const elder = t.a.residents['李泽钦']!;
      await db()
        .insertInto('family_contact')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          resident_id: elder,
          name: '李强',
          relation: '儿子',
          phone: t.a.phones.resident,
          is_primary: 1,
          created_at: now,
        })
        .execute();
      const badgeId = uuidv7();
      await db()
        .insertInto('badge')
        .values({
          community_id: t.a.id,
          id: badgeId,
          resident_id: elder,
          token_hash: uuidv7(),
          token_enc: 'x',
          nickname: '李爷爷',
          cautions: '请陪他稍等',
          status: 'active',
          issued_at: now,
          issued_by: 'staff',
          issued_by_name: '社工',
          revoked_at: null,
          revoked_by: null,
          revoked_by_name: null,
          revoke_reason: null,
          replaced_by: null,
          updated_at: now,
        })
        .execute();
      const scan = (at: string, place: string | null) => ({
        community_id: t.a.id,
        id: uuidv7(),
        badge_id: badgeId,
        at,
        kind: 'view',
        message: null,
        place,
        lat: null,
        lng: null,
        ip_hash: 'h',
        notified: 1,
      });
      const earlier = new Date(Date.now() - 3 * 3600_000).toISOString();
      const later = new Date(Date.now() - 3600_000).toISOString();
      await db()
        .insertInto('badge_scan')
        .values([scan(earlier, '公园'), scan(later, '西关菜市场')])
        .execute();

      let h = await home(family);
      assert.equal(h.volunteerStatus, 'none');
      assert.deepEqual(h.family, {
        badges: 1,
        lastScan: { elder: '李爷爷', at: new Date(later).toISOString(), kind: 'view', place: '西关菜市场' },
        nextBooking: null,
      });

      // 李泽钦 is the family account's own resident record: his booking the day after tomorrow is next.
      await db()
        .updateTable('membership')
        .set({ resident_id: elder })
        .where('community_id', '=', t.a.id)
        .where('account_id', '=', await accountIdOf(db(), t.a.phones.resident))
        .execute();
      const serviceId = uuidv7();
      await db()
        .insertInto('appointment_service')
        .values({
          community_id: t.a.id,
          id: serviceId,
          name: '义诊',
          kind: 'clinic',
          description: null,
          place: '社区卫生站',
          slot_minutes: 30,
          places_per_slot: 2,
          window_days: 14,
          notice_hours: 2,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const day = addDays(todayInShanghai(), 2);
      for (const [minute, status] of [
        [9 * 60, 'cancelled'],
        [10 * 60, 'confirmed'],
        [11 * 60, 'confirmed'],
      ] as const) {
        const start = shanghaiInstant(day, minute);
        await db()
          .insertInto('appointment_slot')
          .values({
            community_id: t.a.id,
            service_id: serviceId,
            starts_at: start,
            ends_at: shanghaiInstant(day, minute + 30),
            place: '社区卫生站',
            places: 2,
            booked: 1,
          })
          .execute();
        await db()
          .insertInto('appointment_booking')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            service_id: serviceId,
            slot_start: start,
            resident_id: elder,
            status,
            channel: 'online',
            booked_by: null,
            note: null,
            created_at: now,
            cancelled_at: status === 'cancelled' ? now : null,
            cancelled_by: null,
            cancel_reason: null,
            reminded_at: null,
          })
          .execute();
      }
      h = await home(family);
      assert.deepEqual(h.family.nextBooking, {
        serviceName: '义诊',
        residentName: '李泽钦',
        date: day,
        time: '10:00',
        place: '社区卫生站',
      });
    });

    it("gives a grid leader the grid's open needs and the households the survey still has to visit", async () => {
      const h = await home(grid);
      assert.equal(h.volunteerStatus, 'none');
      // The need taken above is 李泽钦's, of the grid leader's grid; it is matched, so still open.
      assert.equal(h.grid.openNeeds, 1);
      assert.ok(h.grid.surveyTodo > 0, 'no household of the grid is surveyed yet');
      const before = h.grid.surveyTodo as number;
      const households = (await grid('GET', '/api/survey/todo')).json().items;
      const visit = await grid('POST', '/api/survey/visits', {
        householdId: households[0].householdId,
        visitedOn: todayInShanghai(),
        needs: [],
      });
      assert.ok(visit.statusCode < 300, visit.body);
      assert.equal((await home(grid)).grid.surveyTodo, before - 1);
      assert.equal(h.team, null);
    });

    it("gives a team leader the requests to join and the team's next activity", async () => {
      const h = await home(leader);
      assert.equal(h.volunteerStatus, 'approved');
      assert.equal(h.team.teamName, '邻里互助服务队');
      assert.equal(h.team.pendingRequests, 1);
      assert.equal(h.team.nextActivity.title, '中秋做月饼');
      assert.equal(h.team.nextActivity.date, addDays(todayInShanghai(), 2));
      assert.equal(h.grid, null);
    });

    // The phone home asks seven modules at once, each "which volunteer am I": one read looks it up once.
    it('looks the volunteer up once for one read, and afresh for the next read and in a transaction', async () => {
      const directory = new VolunteerDirectory(db());
      const actor = { communityId: t.a.id, accountId: await accountIdOf(db(), t.a.phones.volunteer) } as Actor;
      const one = directory.oneRead(actor);
      assert.notEqual(one, actor, 'a copy: the session cache keeps the actor across requests');
      assert.equal(directory.oneRead(one), one, 'a read inside the read (the home reads 我的任务) shares it');
      const first = await directory.self(one);
      assert.equal(first?.name, '刘红梅');
      assert.equal(await directory.self(one), first, 'the same answer, not a second look-up');
      await db().updateTable('volunteer').set({ name: '刘红霞' }).where('id', '=', volId).execute();
      try {
        assert.equal((await directory.self(one))?.name, '刘红梅', 'one read keeps what it first saw');
        assert.equal((await directory.self(actor))?.name, '刘红霞');
        assert.equal((await directory.self(directory.oneRead(actor)))?.name, '刘红霞', 'the next read sees it');
        const inTrx = await db()
          .transaction()
          .execute((trx) => directory.self(one, trx));
        assert.equal(inTrx?.name, '刘红霞', 'a transaction always asks afresh');
      } finally {
        await db().updateTable('volunteer').set({ name: '刘红梅' }).where('id', '=', volId).execute();
      }
    });
  });
}
