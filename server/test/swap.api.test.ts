// Shift swaps on both databases: volunteer A offers a confirmed place, B takes it: A's sign-up is cancelled and B's
// made on the same place in one step (the shift stays exactly full), and A, B and the organising team's leader are
// told through the outbox. Two takers at once: exactly one wins, every time. The taker passes the one gate (a minor
// without a guardian's consent is refused, in words, and the offer stays open). Refused: someone else's sign-up,
// a waitlisted one, taking one's own offer, a withdrawn or stale offer, a taker already signed up, bad input.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertTeam, setMembershipScope } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();

for (const kind of testDatabaseKinds()) {
  describe(`shift swaps on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, A: Client, B: Client, C: Client;
    let bId: string, cId: string, teamId: string;
    const db = () => t.db.handle.db;

    const activity = async (title: string, places: number, extra: Record<string, unknown> = {}) => {
      const res = await staff('POST', '/api/activities', {
        title,
        place: '西关社区服务站',
        date: addDays(today, 3),
        shifts: [{ name: '服务组', start: '09:00', end: '11:00', places }],
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      return { id, shiftId: (await staff('GET', `/api/activities/${id}`)).json().shifts[0].id as string };
    };
    const join = async (who: Client, a: { id: string; shiftId: string }) => {
      const r = await who('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { id: string; status: string };
    };
    const offer = async (who: Client, signupId: string, body: Record<string, unknown> = {}) =>
      who('POST', `/api/activities/mine/${signupId}/offer`, body);
    const signups = (activityId: string) =>
      db()
        .selectFrom('activity_signup')
        .select(['id', 'volunteer_id', 'status', 'channel'])
        .where('activity_id', '=', activityId)
        .execute();
    const taken = async (shiftId: string) =>
      Number(
        (await db().selectFrom('activity_shift').select('taken').where('id', '=', shiftId).executeTakeFirstOrThrow())
          .taken,
      );
    const sentTo = async (template: string, phone: string) =>
      (
        await db()
          .selectFrom('notification_outbox')
          .select('payload')
          .where('template', '=', template)
          .where('recipient', '=', phone)
          .execute()
      ).map((r) => JSON.parse(r.payload));

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', phone: t.a.phones.volunteer });
      bId = await insertAccountVolunteer(t, 'resident', { name: '王接班', phone: t.a.phones.resident });
      cId = await insertAccountVolunteer(t, 'unit_coordinator', { name: '张抢班', phone: t.a.phones.unit_coordinator });
      A = await signInAs(t, 'volunteer');
      B = await signInAs(t, 'resident');
      C = await signInAs(t, 'unit_coordinator');
      teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
    });
    after(async () => {
      await t.close();
    });

    it('A offers, B takes: the place moves in one step and A, B and the team leader are told', async () => {
      const a = await activity('重阳敬老', 1, { organiserTeamId: teamId });
      const s = await join(A, a);
      assert.equal(s.status, 'confirmed');
      const o = await offer(A, s.id, { note: '家里有事' });
      assert.equal(o.statusCode, 201, o.body);
      const again = await offer(A, s.id);
      assert.equal(again.json().id, o.json().id, 'offering twice keeps one offer');
      // B sees it; A does not see their own.
      const listB = (await B('GET', '/api/activities/swaps')).json() as any[];
      assert.deepEqual(
        listB.filter((x) => x.activityId === a.id).map((x) => [x.offeredByName, x.note, x.shiftName]),
        [['刘红梅', '家里有事', '服务组']],
      );
      assert.equal(((await A('GET', '/api/activities/swaps')).json() as any[]).length, 0);
      assert.deepEqual(
        ((await A('GET', '/api/activities/mine/state')).json().offers as any[]).map((x) => x.status),
        ['open'],
      );

      const res = await B('POST', `/api/activities/swaps/${o.json().id}/take`);
      assert.equal(res.statusCode, 201, res.body);
      const rows = await signups(a.id);
      assert.equal(rows.find((r) => r.id === s.id)!.status, 'cancelled');
      const mine = rows.filter((r) => r.volunteer_id === bId);
      assert.deepEqual(
        mine.map((r) => [r.id, r.status, r.channel]),
        [[res.json().signupId, 'confirmed', 'swap']],
      );
      assert.equal(await taken(a.shiftId), 1, 'still exactly full');
      // Both see the result.
      const bMine = (await B('GET', '/api/activities/mine')).json() as any[];
      assert.ok(bMine.some((x) => x.id === res.json().signupId && x.status === 'confirmed'));
      const aState = (await A('GET', '/api/activities/mine/state')).json();
      assert.deepEqual(
        (aState.offers as any[]).map((x) => [x.status, x.takenByName]),
        [['taken', '王接班']],
      );
      // Everyone told, through the outbox.
      assert.equal((await sentTo('activities.swap_taken_offerer', t.a.phones.volunteer)).length, 1);
      assert.equal((await sentTo('activities.swap_taken_taker', t.a.phones.resident)).length, 1);
      const lead = await sentTo('activities.swap_taken_organiser', t.a.phones.team_leader);
      assert.deepEqual(
        lead.map((p) => [p.title, p.from, p.to]),
        [['重阳敬老', '刘红梅', '王接班']],
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', o.json().id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        ['activities.swap.offer', 'activities.swap.take'],
      );
      // Taken: nobody else can.
      const late = await C('POST', `/api/activities/swaps/${o.json().id}/take`);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'swap_not_open');
    });

    it('two takers at once: exactly one wins, the shift stays exactly full (5 rounds)', async () => {
      for (let round = 0; round < 5; round++) {
        const a = await activity(`抢班第${round}轮`, 1);
        const s = await join(A, a);
        const o = (await offer(A, s.id)).json().id as string;
        const [rb, rc] = await Promise.all([
          B('POST', `/api/activities/swaps/${o}/take`),
          C('POST', `/api/activities/swaps/${o}/take`),
        ]);
        const codes = [rb.statusCode, rc.statusCode].sort();
        assert.deepEqual(codes, [201, 409], `${rb.body} ${rc.body}`);
        const loser = rb.statusCode === 409 ? rb : rc;
        assert.equal(loser.json().error.code, 'swap_not_open');
        const live = (await signups(a.id)).filter((r) => r.status !== 'cancelled');
        assert.equal(live.length, 1);
        assert.equal(live[0]!.volunteer_id, rb.statusCode === 201 ? bId : cId);
        assert.equal(await taken(a.shiftId), 1);
        const swap = await db().selectFrom('activity_swap').selectAll().where('id', '=', o).executeTakeFirstOrThrow();
        assert.equal(swap.status, 'taken');
        assert.equal(swap.taken_signup_id, live[0]!.id);
      }
    });

    it('the taker passes the one gate: a minor without consent is refused in words; the offer stays open', async () => {
      const a = await activity('社区清扫', 3);
      const s = await join(A, a);
      const o = (await offer(A, s.id)).json().id as string;
      const born = `${Number(today.slice(0, 4)) - 16}${addDays(today, -30).slice(4)}`;
      await db().updateTable('volunteer').set({ birth_date: born }).where('id', '=', bId).execute();
      try {
        const res = await B('POST', `/api/activities/swaps/${o}/take`);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'activity_not_eligible');
        assert.ok(res.json().error.details.reasons.includes('guardian_missing'), res.body);
        assert.match(res.json().error.message, /王接班/);
      } finally {
        await db().updateTable('volunteer').set({ birth_date: '1980-06-15' }).where('id', '=', bId).execute();
      }
      const swap = await db()
        .selectFrom('activity_swap')
        .select('status')
        .where('id', '=', o)
        .executeTakeFirstOrThrow();
      assert.equal(swap.status, 'open');
      assert.equal((await signups(a.id)).find((r) => r.id === s.id)!.status, 'confirmed');
      // Now an adult again: allowed.
      assert.equal((await B('POST', `/api/activities/swaps/${o}/take`)).statusCode, 201);
    });

    it('refuses others’ and waitlisted sign-ups, one’s own offer, stale offers and bad input', async () => {
      const a = await activity('包粽子', 1);
      const s = await join(A, a);
      const w = await join(B, a);
      assert.equal(w.status, 'waitlisted');
      assert.equal((await offer(B, s.id)).statusCode, 404, 'not B’s sign-up');
      assert.equal((await offer(B, w.id)).statusCode, 409, 'a waitlisted sign-up holds no place');
      const long = await offer(A, s.id, { note: '很'.repeat(201) });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /过长/);
      const o = (await offer(A, s.id)).json().id as string;
      const own = await A('POST', `/api/activities/swaps/${o}/take`);
      assert.equal(own.statusCode, 409);
      assert.equal(own.json().error.code, 'swap_own');
      // B is on the waitlist of this activity: already signed up.
      assert.ok(!((await B('GET', '/api/activities/swaps')).json() as any[]).some((x) => x.id === o));
      const dup = await B('POST', `/api/activities/swaps/${o}/take`);
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'already_signed_up');
      // Withdrawn: gone from the list and not takeable.
      assert.equal((await C('POST', `/api/activities/swaps/${o}/withdraw`)).statusCode, 404, 'only the offerer');
      assert.equal((await A('POST', `/api/activities/swaps/${o}/withdraw`)).statusCode, 204);
      assert.equal((await C('POST', `/api/activities/swaps/${o}/take`)).statusCode, 409);
      // A cancels after offering: the stale offer cannot be taken, and nothing changes.
      const o2 = (await offer(A, s.id)).json().id as string;
      assert.equal((await A('POST', `/api/activities/mine/${s.id}/cancel`)).statusCode, 200);
      assert.ok(!((await C('GET', '/api/activities/swaps')).json() as any[]).some((x) => x.id === o2));
      const stale = await C('POST', `/api/activities/swaps/${o2}/take`);
      assert.equal(stale.statusCode, 409);
      assert.ok(!(await signups(a.id)).some((r) => r.volunteer_id === cId));
      assert.equal(
        (await C('POST', `/api/activities/swaps/00000000-0000-7000-8000-000000000000/take`)).statusCode,
        404,
      );
      // Staff have no volunteer record: not found, not a 500.
      assert.equal((await staff('GET', '/api/activities/swaps')).statusCode, 200);
    });

    it('declining with 来不了 takes back an open offer', async () => {
      const a = await activity('义诊', 2);
      const s = await join(A, a);
      const o = (await offer(A, s.id)).json().id as string;
      assert.equal((await A('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'not_coming' })).statusCode, 200);
      const swap = await db()
        .selectFrom('activity_swap')
        .select('status')
        .where('id', '=', o)
        .executeTakeFirstOrThrow();
      assert.equal(swap.status, 'withdrawn');
    });
  });
}
