// Sign-ups through the group commit, on both databases: a burst with refusals mixed in (already signed up,
// not eligible) gives exactly the places and writes nothing for the refused; a batch whose commit fails
// answers every sign-up in it "not saved" and keeps none of them; sign-ups on one shift while cancellations
// free places on another of the same community neither deadlock (PostgreSQL) nor lose count.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`activity sign-ups in group commits on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    const db = () => t.db.handle.db;
    let n = 0;
    const volunteers = (k: number, spec: Record<string, unknown> = {}) =>
      Promise.all(
        Array.from({ length: k }, () => insertVolunteer(db(), t.cipher, t.a.id, { name: `批量${++n}`, ...spec })),
      );
    const activity = async (places: number[]) => {
      const res = await staff('POST', '/api/activities', {
        title: '重阳敬老',
        place: '社区食堂',
        date: addDays(todayInShanghai(), 3),
        shifts: places.map((p, i) => ({
          name: `第${i + 1}组`,
          start: `${String(9 + i).padStart(2, '0')}:00`,
          end: `${String(10 + i).padStart(2, '0')}:00`,
          places: p,
        })),
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await staff('POST', `/api/activities/${res.json().id}/publish`)).statusCode, 204);
      const d = (await staff('GET', `/api/activities/${res.json().id}`)).json();
      return { id: res.json().id as string, shiftIds: d.shifts.map((s: any) => s.id as string) };
    };
    const signUp = (id: string, shiftId: string, v: string) =>
      staff('POST', `/api/activities/${id}/signups`, { shiftId, volunteerIds: [v] });
    const rowsOf = (activityId: string) =>
      db()
        .selectFrom('activity_signup')
        .select(['id', 'volunteer_id', 'shift_id', 'status'])
        .where('activity_id', '=', activityId)
        .execute();
    const audited = async (ids: string[]) =>
      ids.length === 0
        ? []
        : db()
            .selectFrom('audit_log')
            .select(['entity_id', 'seq'])
            .where('action', '=', 'activities.signup')
            .where('entity_id', 'in', ids)
            .orderBy('seq')
            .execute();

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
    });
    after(async () => {
      await t.close();
    });

    it('gives a burst with refusals mixed in exactly the places, in batch order, auditing what was kept', async () => {
      const {
        id,
        shiftIds: [shiftId],
      } = await activity([5]);
      const ok = await volunteers(24);
      const [pending] = await volunteers(1, { status: 'pending' });
      // The same volunteer three times: one is kept, the others are refused inside the batch.
      const requests = [...ok.slice(0, 12), ok[0]!, pending!, ...ok.slice(12), ok[0]!];
      const results = await Promise.all(requests.map((v) => signUp(id, shiftId!, v)));
      const codes = results.map((r) => (r.statusCode === 201 ? r.json()[0].status : r.json().error.code));
      assert.equal(codes.filter((c) => c === 'confirmed').length, 5);
      assert.equal(codes.filter((c) => c === 'waitlisted').length, 19);
      assert.equal(codes.filter((c) => c === 'already_signed_up').length, 2);
      assert.equal(codes.filter((c) => c === 'activity_not_eligible').length, 1);
      const rows = await rowsOf(id);
      assert.equal(rows.length, 24);
      assert.equal(new Set(rows.map((r) => r.volunteer_id)).size, 24);
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, 5);
      // The audit chain says in which order the sign-ups were placed: the first five got the places.
      const order = (await audited(rows.map((r) => r.id))).map((a) => rows.find((r) => r.id === a.entity_id)!.status);
      assert.deepEqual(order, [...Array(5).fill('confirmed'), ...Array(19).fill('waitlisted')]);
      // The waitlist runs in the same order: a cancellation promotes the first waiting.
      const firstWaiting = (await audited(rows.map((r) => r.id)))[5]!.entity_id;
      const confirmedId = rows.find((r) => r.status === 'confirmed')!.id;
      assert.equal(
        (await staff('POST', `/api/activities/signups/${confirmedId}/withdraw`)).json().promoted,
        firstWaiting,
      );
      assert.equal((await t.app.services.audit.verify(t.a.id)).ok, true);
    });

    it('answers a batch whose commit fails "not saved" for each sign-up, keeps none, takes them on retry', async () => {
      const {
        id,
        shiftIds: [shiftId],
      } = await activity([3]);
      const vs = await volunteers(12);
      const trap = vs[4]!;
      // A row checked only at commit, written for the trap volunteer's sign-up: the commit itself fails.
      await sql`create table gc_trap_parent (id varchar(64) primary key)`.execute(db());
      await sql`create table gc_trap (
        id varchar(64) primary key,
        parent_id varchar(64) references gc_trap_parent (id) deferrable initially deferred
      )`.execute(db());
      if (kind === 'postgres') {
        await sql
          .raw(
            `create function gc_trap_fn() returns trigger language plpgsql as $$ begin
          if new.volunteer_id = '${trap}' then insert into gc_trap values (new.id, 'missing'); end if;
          return new; end $$`,
          )
          .execute(db());
        await sql`create trigger gc_trap_tr after insert on activity_signup
          for each row execute function gc_trap_fn()`.execute(db());
      } else {
        await sql
          .raw(
            `create trigger gc_trap_tr after insert on activity_signup when new.volunteer_id = '${trap}'
            begin insert into gc_trap values (new.id, 'missing'); end`,
          )
          .execute(db());
      }
      try {
        const results = await Promise.all(vs.map((v) => signUp(id, shiftId!, v)));
        const rows = await rowsOf(id);
        const kept = new Set(rows.map((r) => r.volunteer_id));
        const lost = vs.filter((_, i) => results[i]!.statusCode === 503);
        assert.equal(results[4]!.statusCode, 503, results[4]!.body);
        assert.equal(results[4]!.json().error.code, 'signup_not_saved');
        assert.match(results[4]!.json().error.message, /没有保存成功.*请再报一次/);
        assert.ok(lost.length > 1, "the sign-ups sharing the trap's batch are refused with it");
        for (const [i, r] of results.entries()) {
          assert.ok(r.statusCode === 201 || r.statusCode === 503, r.body);
          assert.equal(kept.has(vs[i]!), r.statusCode === 201, 'a 201 was kept and a 503 was not');
        }
        assert.deepEqual(await audited(rows.filter((r) => !kept.has(r.volunteer_id)).map((r) => r.id)), []);
        assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, Math.min(3, rows.length));
      } finally {
        await sql`drop trigger gc_trap_tr${sql.raw(kind === 'postgres' ? ' on activity_signup' : '')}`.execute(db());
        if (kind === 'postgres') await sql`drop function gc_trap_fn()`.execute(db());
      }
      // Told to try again, they do, and are taken.
      const again = await Promise.all(vs.map((v) => signUp(id, shiftId!, v)));
      const rows = await rowsOf(id);
      assert.equal(rows.length, 12);
      assert.ok(again.every((r) => r.statusCode === 201 || r.json().error.code === 'already_signed_up'));
      assert.equal(rows.filter((r) => r.status === 'confirmed').length, 3);
    });

    it('takes sign-ups on two shifts while cancellations free places on one: no deadlock or lost count', async () => {
      const {
        id,
        shiftIds: [x, y],
      } = await activity([6, 6]);
      const early = await volunteers(6);
      const placed = await Promise.all(early.map((v) => signUp(id, y!, v)));
      const signupIds = placed.map((r) => r.json()[0].id as string);
      const late = await volunteers(40);
      const results = await Promise.all([
        ...late.map((v, i) => signUp(id, i % 2 ? x! : y!, v)),
        ...signupIds.map((s) => staff('POST', `/api/activities/signups/${s}/withdraw`)),
      ]);
      for (const r of results) assert.ok(r.statusCode === 200 || r.statusCode === 201, r.body);
      const rows = await rowsOf(id);
      const detail = (await staff('GET', `/api/activities/${id}`)).json();
      for (const s of [x!, y!]) {
        const live = rows.filter((r) => r.shift_id === s);
        assert.equal(
          detail.shifts.find((d: any) => d.id === s).taken,
          live.filter((r) => r.status === 'confirmed').length,
        );
        assert.ok(live.filter((r) => r.status === 'confirmed').length <= 6);
      }
      assert.equal(
        rows.filter((r) => r.shift_id === y && r.status === 'confirmed').length,
        6,
        'freed places went to the waiting',
      );
    });
  });
}
