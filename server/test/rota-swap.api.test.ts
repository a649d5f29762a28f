// 4:30 rota-day swaps on both databases: tutor A offers a day; B sees it (A does not, nor anyone already on that
// day); B takes it: A's rota row is replaced by B's in one step, so B can now check children in that day and A
// cannot; A, B and the classroom's staff are told through the outbox; each step audited. Two takers at once: exactly
// one wins and the rota has exactly one replacement (5 rounds). The taker passes the one gate (a minor without a
// guardian's consent is refused in words; the offer stays open). Withdrawn, past and stale offers are refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();

for (const kind of testDatabaseKinds()) {
  describe(`4:30 rota-day swaps on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, A: Client, B: Client, C: Client;
    let aId: string, bId: string, cId: string;
    const db = () => t.db.handle.db;

    const session = async (date: string, tutors: string[]) => {
      const id = uuidv7();
      await db()
        .insertInto('classroom_session')
        .values({
          community_id: t.a.id,
          id,
          date,
          starts: '16:30',
          expected_by: '16:50',
          ends: '18:00',
          place: '社区四点半课堂教室',
          closed_at: null,
          closed_by_name: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      for (const v of tutors)
        await db()
          .insertInto('classroom_rota')
          .values({ community_id: t.a.id, session_id: id, volunteer_id: v, present: null })
          .execute();
      return id;
    };
    const rota = async (sessionId: string) =>
      (await db().selectFrom('classroom_rota').select('volunteer_id').where('session_id', '=', sessionId).execute())
        .map((r) => r.volunteer_id)
        .sort();
    const offer = (who: Client, sessionId: string, body: Record<string, unknown> = {}) =>
      who('POST', `/api/classroom/rota/${sessionId}/offer`, body);
    const swapStatus = async (id: string) =>
      (await db().selectFrom('classroom_rota_swap').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;
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
      aId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', phone: t.a.phones.volunteer });
      bId = await insertAccountVolunteer(t, 'team_leader', { name: '孙老师', phone: t.a.phones.team_leader });
      cId = await insertAccountVolunteer(t, 'grid_leader', { name: '张抢班', phone: t.a.phones.grid_leader });
      A = await signInAs(t, 'volunteer');
      B = await signInAs(t, 'team_leader');
      C = await signInAs(t, 'grid_leader');
    });
    after(async () => {
      await t.close();
    });

    it('A offers today’s day, B takes it: the rota and the check-in right move, and everyone is told', async () => {
      const s = await session(today, [aId, cId]);
      const o = await offer(A, s, { note: '孩子发烧' });
      assert.equal(o.statusCode, 201, o.body);
      const id = o.json().id as string;
      assert.equal((await offer(A, s)).json().id, id, 'offering twice keeps one offer');
      const mineA = (await A('GET', '/api/classroom/rota/mine')).json();
      assert.deepEqual(
        mineA.days.filter((d: any) => d.sessionId === s).map((d: any) => d.offer),
        [{ id, status: 'open' }],
      );
      // B sees it; A (their own) and C (already on that day) do not.
      const listB = (await B('GET', '/api/classroom/rota-swaps')).json() as any[];
      assert.deepEqual(
        listB.map((x) => [x.id, x.date, x.offeredByName, x.note]),
        [[id, today, '刘红梅', '孩子发烧']],
      );
      assert.equal(((await A('GET', '/api/classroom/rota-swaps')).json() as any[]).length, 0);
      assert.equal(((await C('GET', '/api/classroom/rota-swaps')).json() as any[]).length, 0);
      // C is already on the rota: refused in words.
      const dup = await C('POST', `/api/classroom/rota-swaps/${id}/take`);
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'rota_swap_already_on');
      assert.match(dup.json().error.message, /已经在/);
      const own = await A('POST', `/api/classroom/rota-swaps/${id}/take`);
      assert.equal(own.json().error.code, 'swap_own');

      const res = await B('POST', `/api/classroom/rota-swaps/${id}/take`);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json(), { sessionId: s, date: today });
      assert.deepEqual(await rota(s), [bId, cId].sort());
      assert.equal(await swapStatus(id), 'taken');
      // Both see the result.
      assert.ok((await B('GET', '/api/classroom/rota/mine')).json().days.some((d: any) => d.sessionId === s));
      const after = (await A('GET', '/api/classroom/rota/mine')).json();
      assert.ok(!after.days.some((d: any) => d.sessionId === s));
      assert.deepEqual(
        after.taken.map((x: any) => [x.id, x.takenByName]),
        [[id, '孙老师']],
      );
      // The check-in right moves with the rota row.
      const child = await staff('POST', '/api/classroom/children', {
        name: '王小明',
        gender: 'male',
        birthDate: '2016-04-02',
        school: '金台区西关小学',
        grade: '四年级',
        enrolledOn: addDays(today, -10),
        consentBy: '王丽',
        consentRelation: '母亲',
        adults: [{ name: '王丽', relation: '母亲', phone: '13911110101', isGuardian: true }],
      });
      assert.equal(child.statusCode, 201, child.body);
      const childId = child.json().id as string;
      await db().updateTable('classroom_child').set({ weekdays: '1234567' }).where('id', '=', childId).execute();
      const byA = await A('POST', `/api/classroom/sessions/${s}/checkin`, { childId });
      assert.equal(byA.statusCode, 403, byA.body);
      assert.equal(byA.json().error.code, 'classroom_not_on_rota');
      const byB = await B('POST', `/api/classroom/sessions/${s}/checkin`, { childId });
      assert.equal(byB.statusCode, 200, byB.body);
      // Today's page: the taker gets the board; the offerer is told, not refused, that today is not theirs.
      assert.equal((await B('GET', '/api/classroom/today')).json().session.id, s);
      const offererToday = await A('GET', '/api/classroom/today');
      assert.equal(offererToday.statusCode, 200, offererToday.body);
      assert.deepEqual(offererToday.json(), { session: null, notOnRota: true });
      // Everyone told, through the outbox.
      assert.deepEqual(
        (await sentTo('classroom.rotaSwapOfferer', t.a.phones.volunteer)).map((p) => [p.date, p.from, p.to]),
        [[today, '刘红梅', '孙老师']],
      );
      assert.equal((await sentTo('classroom.rotaSwapTaker', t.a.phones.team_leader)).length, 1);
      assert.deepEqual(
        (await sentTo('classroom.rotaSwapStaff', t.a.phones.staff)).map((p) => [p.date, p.from, p.to]),
        [[today, '刘红梅', '孙老师']],
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        ['classroom.rota_swap.offer', 'classroom.rota_swap.take'],
      );
      // Taken: nobody else can.
      const late = await C('POST', `/api/classroom/rota-swaps/${id}/take`);
      assert.equal(late.statusCode, 409);
    });

    it('two takers at once: exactly one wins and the rota has exactly one replacement (5 rounds)', async () => {
      for (let round = 0; round < 5; round++) {
        const s = await session(addDays(today, 10 + round), [aId]);
        const id = (await offer(A, s)).json().id as string;
        const [rb, rc] = await Promise.all([
          B('POST', `/api/classroom/rota-swaps/${id}/take`),
          C('POST', `/api/classroom/rota-swaps/${id}/take`),
        ]);
        const codes = [rb.statusCode, rc.statusCode].sort();
        assert.deepEqual(codes, [201, 409], `${rb.body} ${rc.body}`);
        const loser = rb.statusCode === 409 ? rb : rc;
        assert.equal(loser.json().error.code, 'swap_not_open');
        assert.deepEqual(await rota(s), [rb.statusCode === 201 ? bId : cId]);
        assert.equal(await swapStatus(id), 'taken');
      }
    });

    it('the taker passes the one gate: a minor without consent is refused in words; the offer stays open', async () => {
      const s = await session(addDays(today, 3), [aId]);
      const id = (await offer(A, s)).json().id as string;
      const born = `${Number(today.slice(0, 4)) - 16}${addDays(today, -30).slice(4)}`;
      await db().updateTable('volunteer').set({ birth_date: born }).where('id', '=', bId).execute();
      try {
        const res = await B('POST', `/api/classroom/rota-swaps/${id}/take`);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'work_not_eligible');
        assert.ok(res.json().error.details.reasons.includes('guardian_missing'), res.body);
        assert.match(res.json().error.message, /孙老师/);
      } finally {
        await db().updateTable('volunteer').set({ birth_date: '1980-06-15' }).where('id', '=', bId).execute();
      }
      assert.equal(await swapStatus(id), 'open');
      assert.deepEqual(await rota(s), [aId]);
      // Now an adult again: allowed.
      assert.equal((await B('POST', `/api/classroom/rota-swaps/${id}/take`)).statusCode, 201);
      assert.deepEqual(await rota(s), [bId]);
    });

    it('withdraws, refuses past sessions, stale offers, others’ days and bad input', async () => {
      const s = await session(addDays(today, 4), [aId]);
      const id = (await offer(A, s)).json().id as string;
      assert.equal((await B('POST', `/api/classroom/rota-swaps/${id}/withdraw`)).statusCode, 404, 'only the offerer');
      assert.equal((await A('POST', `/api/classroom/rota-swaps/${id}/withdraw`)).statusCode, 204);
      assert.equal(await swapStatus(id), 'withdrawn');
      assert.ok(!((await B('GET', '/api/classroom/rota-swaps')).json() as any[]).some((x) => x.id === id));
      const gone = await B('POST', `/api/classroom/rota-swaps/${id}/take`);
      assert.equal(gone.statusCode, 409);
      assert.equal(gone.json().error.code, 'swap_not_open');
      assert.deepEqual(await rota(s), [aId]);
      assert.equal((await A('POST', `/api/classroom/rota-swaps/${id}/withdraw`)).statusCode, 409);
      // Not on that day's rota: nothing to offer.
      const notMine = await B('POST', `/api/classroom/rota/${s}/offer`, {});
      assert.equal(notMine.statusCode, 409);
      assert.equal(notMine.json().error.code, 'rota_swap_not_on_rota');
      // A past session: refused, in words.
      const past = await session(addDays(today, -1), [aId]);
      const p = await offer(A, past);
      assert.equal(p.statusCode, 409);
      assert.equal(p.json().error.code, 'rota_swap_past');
      assert.match(p.json().error.message, /已经过去/);
      // An offer whose session has since passed: not shown and not takeable.
      const s2 = await session(addDays(today, 5), [aId]);
      const o2 = (await offer(A, s2)).json().id as string;
      await db()
        .updateTable('classroom_session')
        .set({ date: addDays(today, -2) })
        .where('id', '=', s2)
        .execute();
      assert.ok(!((await B('GET', '/api/classroom/rota-swaps')).json() as any[]).some((x) => x.id === o2));
      const stale = await B('POST', `/api/classroom/rota-swaps/${o2}/take`);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'rota_swap_past');
      assert.deepEqual(await rota(s2), [aId]);
      // Staff took A off the rota after the offer: the stale offer is not shown and cannot be taken.
      const s3 = await session(addDays(today, 6), [aId]);
      const o3 = (await offer(A, s3)).json().id as string;
      await db().deleteFrom('classroom_rota').where('session_id', '=', s3).execute();
      assert.ok(!((await B('GET', '/api/classroom/rota-swaps')).json() as any[]).some((x) => x.id === o3));
      assert.equal((await B('POST', `/api/classroom/rota-swaps/${o3}/take`)).statusCode, 409);
      assert.deepEqual(await rota(s3), []);
      // Bad input and unknown ids: 400 and 404, never a 500.
      const long = await offer(A, s, { note: '很'.repeat(201) });
      assert.equal(long.statusCode, 400);
      assert.equal((await A('POST', '/api/classroom/rota/not-an-id/offer', {})).statusCode, 400);
      assert.equal(
        (await B('POST', '/api/classroom/rota-swaps/00000000-0000-7000-8000-000000000000/take')).statusCode,
        404,
      );
      // Staff have no volunteer record: empty lists, not a 500.
      assert.equal((await staff('GET', '/api/classroom/rota-swaps')).statusCode, 200);
      assert.equal((await staff('GET', '/api/classroom/rota/mine')).statusCode, 200);
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        ['classroom.rota_swap.offer', 'classroom.rota_swap.withdraw'],
      );
    });
  });
}
