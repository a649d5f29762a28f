// The classroom's check-in rollups (classroom_child_year, classroom_day_held) on both databases: after check-ins over
// two years, a check-in sent again (a retry), the same check-in sent twice at once, refused check-ins (a child not
// enrolled on the day, a closed session) and absences, they equal the distinct (year, child) pairs and days held
// computed over the check-ins themselves; a rebuild (the migration's backfill) gives the same rows; and the figures
// route answers what the full computation gives, for every community apart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { rebuildClassroomRollups } from '../src/modules/classroom/classroom.rollup.ts';
import { families } from '../src/modules/classroom/classroom.repository.ts';
import { familyKey, figuresOf, minutesBetween } from '../../domain/classroom/rules.ts';
import { todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`classroom check-in rollups on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, staffB: Client;
    const db = () => t.db.handle.db;
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    // Fixed days of the two years before this one, so the test does not depend on the date it runs.
    const [y1, y2] = [year - 2, year - 1];

    /** The rollups as kept, sorted in JS (the databases' collations may order ids differently). */
    const kept = async (cid: string) => ({
      childYears: (
        await db()
          .selectFrom('classroom_child_year')
          .select(['year', 'child_id'])
          .where('community_id', '=', cid)
          .execute()
      )
        .map((r) => `${r.year} ${r.child_id}`)
        .sort(),
      daysHeld: (await db().selectFrom('classroom_day_held').select('date').where('community_id', '=', cid).execute())
        .map((r) => r.date)
        .sort(),
    });
    /** The same computed over every check-in, as the figures did before the rollups. */
    const full = async (cid: string) => {
      const rows = await db()
        .selectFrom('classroom_attendance as a')
        .innerJoin('classroom_session as s', (j) =>
          j.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.session_id'),
        )
        .select(['s.date', 'a.child_id'])
        .where('a.community_id', '=', cid)
        .where('a.checked_in_at', 'is not', null)
        .execute();
      return {
        childYears: [...new Set(rows.map((r) => `${r.date.slice(0, 4)} ${r.child_id}`))].sort(),
        daysHeld: [...new Set(rows.map((r) => r.date))].sort(),
      };
    };
    const assertInStep = async (cid: string, what: string, expect: { childYears: number; daysHeld: number }) => {
      const k = await kept(cid);
      assert.deepEqual(k, await full(cid), what);
      assert.deepEqual({ childYears: k.childYears.length, daysHeld: k.daysHeld.length }, expect, what);
    };
    /** The figures from every check-in and the sessions, as the route computed them before the rollups. */
    const fullFigures = async (cid: string, since = 2000) => {
      const from = `${since}-01-01`;
      const attended = await db()
        .selectFrom('classroom_attendance as a')
        .innerJoin('classroom_session as s', (j) =>
          j.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.session_id'),
        )
        .select(['s.date', 'a.child_id'])
        .where('a.community_id', '=', cid)
        .where('a.checked_in_at', 'is not', null)
        .where('s.date', '>=', from)
        .execute();
      const family = new Map(
        (await families(db(), cid)).map((c) => [
          c.id,
          familyKey(c.householdId, c.guardianPhones.length ? c.guardianPhones : [c.id]),
        ]),
      );
      const sessions = await db()
        .selectFrom('classroom_session as s')
        .select([
          's.date',
          's.starts',
          's.ends',
          (eb) =>
            eb
              .selectFrom('classroom_rota as r')
              .select(sql<number>`count(*)`.as('n'))
              .whereRef('r.community_id', '=', 's.community_id')
              .whereRef('r.session_id', '=', 's.id')
              .where('r.present', '=', 1)
              .as('tutors'),
        ])
        .where('s.community_id', '=', cid)
        .where('s.date', '>=', from)
        .where('s.date', '<=', today)
        .execute();
      const held = new Set(attended.map((a) => a.date));
      return figuresOf(
        attended.map((a) => ({ date: a.date, childId: a.child_id, family: family.get(a.child_id)! })),
        sessions.map((s) => ({
          date: s.date,
          held: held.has(s.date),
          tutorMinutes: Number(s.tutors) * minutesBetween(s.starts, s.ends),
        })),
      );
    };

    const session = async (cid: string, date: string) => {
      const id = uuidv7();
      await db()
        .insertInto('classroom_session')
        .values({
          community_id: cid,
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
      return id;
    };
    let n = 0;
    const enrol = async (call: Client, name: string, enrolledOn = `${y1}-09-01`) => {
      const k = ++n;
      const res = await call('POST', '/api/classroom/children', {
        name,
        gender: 'male',
        birthDate: '2016-04-02',
        school: '金台区西关小学',
        grade: '四年级',
        enrolledOn: today,
        consentBy: '王丽',
        consentRelation: '母亲',
        adults: [
          { name: `母亲${k}`, relation: '母亲', phone: `1392222${String(k).padStart(2, '0')}01`, isGuardian: true },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      await db().updateTable('classroom_child').set({ enrolled_on: enrolledOn }).where('id', '=', id).execute();
      return id;
    };
    const checkIn = (call: Client, sessionId: string, childId: string) =>
      call('POST', `/api/classroom/sessions/${sessionId}/checkin`, { childId });

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      staffB = await signInAs(t, 'staff', 'b');
    });
    after(async () => {
      await t.close();
    });

    it('keeps the rollups equal to the check-ins through retries, races, refusals and absences', async () => {
      const cid = t.a.id;
      await assertInStep(cid, 'none yet', { childYears: 0, daysHeld: 0 });
      const [old, yesterday, now] = [
        await session(cid, `${y1}-12-30`),
        await session(cid, `${y2}-03-02`),
        await session(cid, `${y2}-03-03`),
      ];
      const [c1, c2, c3] = [await enrol(staff, '王小一'), await enrol(staff, '王小二'), await enrol(staff, '王小三')];
      // Last year and this year: one child in both years counts once a year.
      for (const [s, c] of [
        [old, c1],
        [old, c2],
        [yesterday, c1],
        [now, c1],
      ] as const)
        assert.equal((await checkIn(staff, s, c)).statusCode, 200);
      await assertInStep(cid, 'after check-ins', { childYears: 3, daysHeld: 3 });

      // A retry of a check-in already made is refused and counts nothing twice.
      assert.equal((await checkIn(staff, now, c1)).statusCode, 409);
      // Two taps at once for the same child: exactly one goes through.
      const both = await Promise.all([checkIn(staff, yesterday, c2), checkIn(staff, yesterday, c2)]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
      await assertInStep(cid, 'after a retry and a race', { childYears: 4, daysHeld: 3 });

      // Refused check-ins write nothing: a child not yet enrolled that day, a closed session.
      const late = await enrol(staff, '王小迟', `${y2}-03-03`);
      assert.equal((await checkIn(staff, yesterday, late)).statusCode, 409);
      const closed = await session(cid, `${y2}-03-04`);
      await db()
        .updateTable('classroom_session')
        .set({ closed_at: new Date().toISOString() })
        .where('id', '=', closed)
        .execute();
      assert.equal((await checkIn(staff, closed, c3)).statusCode, 409);
      // An absence reported is no check-in.
      const absent = await staff('POST', `/api/classroom/sessions/${now}/absences`, { childId: c3, note: '生病' });
      assert.ok(absent.statusCode < 300, absent.body);
      await assertInStep(cid, 'after refusals and an absence', { childYears: 4, daysHeld: 3 });

      // Another community's check-ins land in its own rows only.
      const bc = await enrol(staffB, '李小乙');
      assert.equal((await checkIn(staffB, await session(t.b.id, today), bc)).statusCode, 200);
      await assertInStep(t.b.id, 'community b', { childYears: 1, daysHeld: 1 });
      await assertInStep(cid, 'community a untouched', { childYears: 4, daysHeld: 3 });

      // The backfill computes the same rows, for every community at once and for one.
      const before = { a: await kept(cid), b: await kept(t.b.id) };
      await rebuildClassroomRollups(db());
      assert.deepEqual({ a: await kept(cid), b: await kept(t.b.id) }, before);
      await rebuildClassroomRollups(db(), cid);
      assert.deepEqual({ a: await kept(cid), b: await kept(t.b.id) }, before);
    });

    it('answers the figures the full computation gives, from any year', async () => {
      const cid = t.a.id;
      for (const since of [undefined, y1, y2, year]) {
        const res = await staff('GET', `/api/classroom/figures${since ? `?since=${since}` : ''}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), await fullFigures(cid, since), `since ${since}`);
      }
      const f = (await staff('GET', '/api/classroom/figures')).json();
      assert.deepEqual(
        f.years.map((y: { year: number; children: number; sessions: number }) => [y.year, y.children, y.sessions]),
        [
          [y1, 2, 1],
          [y2, 2, 2],
        ],
      );
      assert.equal(f.total.children, 2);
      assert.equal((await staffB('GET', '/api/classroom/figures')).json().total.children, 1);
    });
  });
}
