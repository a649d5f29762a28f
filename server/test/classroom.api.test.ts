// The 4:30 classroom on both databases: enrolment with a guardian's consent (bad input refused, nothing
// written), check-in once (a second one and concurrent ones refused), check-out only to an active authorised
// adult of that child by their own code or phone (wrong code, another child's adult, an inactive adult, an
// unknown phone: refused, nothing changes; a code fitting two adults names no one), guardians' messages at
// both events, the tutors' lockout (also against guesses sent at once), the arrival alert raised once (also
// when asked for at once) and not for an absent or arrived child, the tutor rota rule (today's session only;
// no one works a session still to come), the term generator, closing a session into the hours ledger (not
// with a child inside, not twice at once), phones normalised, the last guardian kept, figures, and tenancy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, signInAll, startTestApp, insertAccountVolunteer, type Client, type TestContext } from './app.ts';
import { insureVolunteers } from './volunteer-factories.ts';
import { testDatabaseKinds } from './databases.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { todayInShanghai } from '../../domain/shared/dates.ts';
import { addDays, weekdayOf } from '../../domain/shared/dates.ts';

type Call = Client;

for (const kind of testDatabaseKinds()) {
  describe(`the 4:30 classroom on ${kind}`, () => {
    let t: TestContext;
    let staff: Call, staffB: Call, tutor: Call, other: Call, resident: Call;
    let tutorId: string, otherId: string;
    const db = () => t.db.handle.db;
    const today = todayInShanghai();
    const outbox = async (template: string) =>
      db()
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', template)
        .execute();

    let back = 0;
    /**
     * A session (any weekday; by default today's, the one before moving to a day of its own in the past, since tutors
     * work only today's session) whose arrival time has passed, with the given tutors.
     */
    const sessionToday = async (tutors: string[], date = today) => {
      if (date === today)
        await db()
          .updateTable('classroom_session')
          .set({ date: addDays(today, -++back) })
          .where('community_id', '=', t.a.id)
          .where('date', '=', today)
          .execute();
      const id = uuidv7();
      await db()
        .insertInto('classroom_session')
        .values({
          community_id: t.a.id,
          id,
          date,
          starts: '00:00',
          expected_by: '00:01',
          ends: '23:59',
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
    let n = 0;
    /**
     * Enrols a child expected every day of the week, with a guardian, a second guardian and a grandfather who only
     * collects.
     */
    const enrol = async (name: string) => {
      const k = ++n;
      const res = await staff('POST', '/api/classroom/children', {
        name,
        gender: 'female',
        birthDate: '2016-04-02',
        school: '金台区西关小学',
        grade: '四年级',
        enrolledOn: addDays(today, -10),
        consentBy: '曾丽',
        consentRelation: '母亲',
        adults: [
          { name: `母亲${k}`, relation: '母亲', phone: `1391111${String(k).padStart(2, '0')}01`, isGuardian: true },
          { name: `父亲${k}`, relation: '父亲', phone: `1391111${String(k).padStart(2, '0')}02`, isGuardian: true },
          { name: `爷爷${k}`, relation: '爷爷', phone: `1391111${String(k).padStart(2, '0')}03`, isGuardian: false },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as { id: string; codes: Array<{ adultId: string; relation: string; code: string }> };
      // Every day, so the tests do not depend on today's weekday.
      await db().updateTable('classroom_child').set({ weekdays: '1234567' }).where('id', '=', body.id).execute();
      const code = (rel: string) => body.codes.find((c) => c.relation === rel)!;
      return {
        id: body.id,
        k,
        mother: code('母亲'),
        father: code('父亲'),
        grandpa: code('爷爷'),
        phone: (i: number) => `1391111${String(k).padStart(2, '0')}0${i}`,
      };
    };
    const attendance = (sessionId: string, childId: string) =>
      db()
        .selectFrom('classroom_attendance')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('child_id', '=', childId)
        .executeTakeFirst();

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      staffB = await signInAs(t, 'staff', 'b');
      tutorId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
        phone: t.a.phones.volunteer,
      });
      otherId = await insertAccountVolunteer(t, 'team_leader', {
        name: '孙老师',
        phone: t.a.phones.team_leader,
      });
      // Insured: a test session running 00:00–23:59 covers the night hours (the one gate).
      await insureVolunteers(t.db.handle.db, t.a.id, [tutorId, otherId]);
      [tutor, other, resident] = await signInAll(t, ['volunteer', 'team_leader', 'resident']);
    });
    after(async () => {
      await t.close();
    });

    it('enrols a child only with a guardian and valid phones, showing each code once', async () => {
      const base = {
        name: '曾小红',
        gender: 'female',
        birthDate: '2015-09-09',
        school: '西关小学',
        grade: '五年级',
        enrolledOn: today,
        consentBy: '曾丽',
        consentRelation: '母亲',
      };
      const before = await db().selectFrom('classroom_child').select('id').execute();
      const noGuardian = await staff('POST', '/api/classroom/children', {
        ...base,
        adults: [{ name: '曾爷爷', relation: '爷爷', phone: '13912340000', isGuardian: false }],
      });
      assert.equal(noGuardian.statusCode, 400);
      assert.match(noGuardian.body, /监护人/);
      const badPhone = await staff('POST', '/api/classroom/children', {
        ...base,
        adults: [{ name: '曾丽', relation: '母亲', phone: '12345', isGuardian: true }],
      });
      assert.equal(badPhone.statusCode, 400);
      const noConsent = await staff('POST', '/api/classroom/children', {
        ...base,
        consentBy: '',
        adults: [{ name: '曾丽', relation: '母亲', phone: '13912340000', isGuardian: true }],
      });
      assert.equal(noConsent.statusCode, 400);
      assert.equal((await db().selectFrom('classroom_child').select('id').execute()).length, before.length);
      const c = await enrol('曾小红');
      assert.match(c.mother.code, /^\d{6}$/);
      const list = (await staff('GET', `/api/classroom/children?q=${encodeURIComponent('曾小红')}`)).json().items;
      const row = list.find((x: { id: string }) => x.id === c.id);
      // The roll is searched (here by an adult's phone) and paged.
      const byPhone = (await staff('GET', `/api/classroom/children?q=${c.phone(1)}`)).json();
      assert.deepEqual(
        byPhone.items.map((x: { id: string }) => x.id),
        [c.id],
      );
      assert.equal(byPhone.total, 1);
      const one = (await staff('GET', '/api/classroom/children?pageSize=1')).json();
      assert.equal(one.items.length, 1);
      assert.equal(one.pageSize, 1);
      assert.ok(one.total >= 1);
      assert.equal(row.consentBy, '曾丽');
      assert.equal(row.adults.length, 3);
      // The code is never stored or shown again.
      assert.ok(!JSON.stringify(list).includes(c.mother.code));
      const stored = await db()
        .selectFrom('classroom_adult')
        .select('code_hash')
        .where('id', '=', c.mother.adultId)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.code_hash, c.mother.code);
      assert.equal((await resident('GET', '/api/classroom/children')).statusCode, 403);
    });

    it('checks a child in once, tells both guardians, and refuses a second check-in changing nothing', async () => {
      const s = await sessionToday([tutorId]);
      const c = await enrol('王小明');
      const before = (await outbox('classroom.checkedIn')).length;
      const first = await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id });
      assert.equal(first.statusCode, 200, first.body);
      const sent = (await outbox('classroom.checkedIn')).slice(before);
      assert.deepEqual(sent.map((m) => m.recipient).sort(), [c.phone(1), c.phone(2)]);
      assert.equal(JSON.parse(sent[0]!.payload).child, '王小明');
      const row = await attendance(s, c.id);
      const second = await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().error.code, 'classroom_already_in');
      assert.match(second.json().error.message, /王小明已经签到/);
      assert.deepEqual(await attendance(s, c.id), row);
      assert.equal((await outbox('classroom.checkedIn')).length, before + 2);
    });

    it('lets exactly one of many simultaneous check-ins of one child succeed', async () => {
      const s = await sessionToday([tutorId]);
      const c = await enrol('李小雨');
      const before = (await outbox('classroom.checkedIn')).length;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? staff : tutor)('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id }),
        ),
      );
      assert.equal(results.filter((r) => r.statusCode === 200).length, 1, results.map((r) => r.statusCode).join(','));
      assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 409));
      assert.equal((await outbox('classroom.checkedIn')).length, before + 2);
    });

    it('checks out only to an active authorised adult of that child; every refusal changes nothing', async () => {
      const s = await sessionToday([tutorId]);
      const c = await enrol('张小乐');
      const stranger = await enrol('赵小宝');
      // As staff: seven refusals in a row would lock a tutor out (tested below).
      const out = (body: Record<string, unknown>) =>
        staff('POST', `/api/classroom/sessions/${s}/checkout`, { childId: c.id, ...body });

      const early = await out({ method: 'code', code: c.mother.code });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'classroom_not_in');
      assert.equal((await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);

      // The grandfather's authority is withdrawn.
      assert.equal(
        (await staff('PATCH', `/api/classroom/adults/${c.grandpa.adultId}`, { active: false })).statusCode,
        204,
      );
      const wrong = c.mother.code === '000000' ? '000001' : '000000';
      const before = { row: await attendance(s, c.id), sent: (await outbox('classroom.checkedOut')).length };
      for (const body of [
        { method: 'code', code: wrong },
        { method: 'code', code: stranger.mother.code }, // another child's adult
        { method: 'phone', phone: stranger.phone(1) },
        { method: 'code', code: c.grandpa.code }, // inactive
        { method: 'phone', phone: c.phone(3) },
        { method: 'phone', phone: '13800009999' }, // nobody
      ]) {
        const res = await out(body);
        assert.equal(res.statusCode, 403, `${JSON.stringify(body)} → ${res.body}`);
        assert.equal(res.json().error.code, 'classroom_pickup_refused');
        assert.match(res.json().error.message, /张小乐/);
        // The classroom's word is 接送码; 取件码 is a parcel locker's.
        assert.match(res.json().error.message, /接送码或手机号/);
        assert.ok(!res.json().error.message.includes('取件码'), res.json().error.message);
        for (const name of ['母亲', '父亲', '爷爷'])
          assert.ok(!res.json().error.message.includes(`${name}${c.k}`), 'the refusal names no adult');
      }
      const badShape = await out({ method: 'code', code: '12ab' });
      assert.equal(badShape.statusCode, 400);
      // Nothing changed but the count of misses (the lockout's).
      const { pickup_misses: misses, ...rest } = (await attendance(s, c.id))!;
      assert.deepEqual({ ...rest, pickup_misses: before.row!.pickup_misses }, before.row);
      assert.equal(misses, 6);
      assert.equal((await outbox('classroom.checkedOut')).length, before.sent);

      // The mother's code, but the tutor said the child goes to the father: refused.
      const mismatch = await out({ method: 'code', code: c.mother.code, adultId: c.father.adultId });
      assert.equal(mismatch.statusCode, 403);
      assert.equal((await attendance(s, c.id))!.checked_out_at, null);

      // The father, with his own code: both guardians told who collected and when; the grandfather is not a guardian.
      const ok = await out({ method: 'code', code: c.father.code });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().collectedBy, `父亲 父亲${c.k}`);
      const row = (await attendance(s, c.id))!;
      assert.equal(row.out_adult_id, c.father.adultId);
      assert.equal(row.out_method, 'code');
      assert.ok(row.checked_out_by_name);
      const sent = (await outbox('classroom.checkedOut')).slice(before.sent);
      assert.deepEqual(sent.map((m) => m.recipient).sort(), [c.phone(1), c.phone(2)]);
      assert.equal(JSON.parse(sent[0]!.payload).collectedBy, `父亲 父亲${c.k}`);
      const again = await out({ method: 'code', code: c.father.code });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'classroom_already_out');

      // By phone, written the way people type it.
      const d = await enrol('钱小多');
      assert.equal((await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: d.id })).statusCode, 200);
      const byPhone = await staff('POST', `/api/classroom/sessions/${s}/checkout`, {
        childId: d.id,
        method: 'phone',
        phone: `+86 ${d.phone(3).slice(0, 3)} ${d.phone(3).slice(3)}`,
      });
      assert.equal(byPhone.statusCode, 200, byPhone.body);
      assert.equal((await attendance(s, d.id))!.out_method, 'phone');

      // A reset code replaces the old one.
      const fresh = (await staff('POST', `/api/classroom/adults/${d.mother.adultId}/code`)).json();
      assert.match(fresh.code, /^\d{6}$/);
      const stored = await db()
        .selectFrom('classroom_adult')
        .select('code_hash')
        .where('id', '=', d.mother.adultId)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.code_hash, null);
    });

    it('stops a tutor guessing codes after five misses in a day; staff can still hand the child over', async () => {
      const s = await sessionToday([tutorId]);
      const c = await enrol('韩小心');
      assert.equal((await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);
      const wrong = (i: number) => {
        const w = String(i).padStart(6, '0');
        return w === c.mother.code || w === c.father.code || w === c.grandpa.code ? '999999' : w;
      };
      for (let i = 0; i < 5; i++)
        assert.equal(
          (
            await tutor('POST', `/api/classroom/sessions/${s}/checkout`, {
              childId: c.id,
              method: 'code',
              code: wrong(i),
            })
          ).statusCode,
          403,
        );
      const locked = await tutor('POST', `/api/classroom/sessions/${s}/checkout`, {
        childId: c.id,
        method: 'code',
        code: c.mother.code,
      });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().error.code, 'classroom_pickup_locked');
      assert.match(locked.json().error.message, /韩小心.*5 次/);
      assert.equal((await attendance(s, c.id))!.checked_out_at, null);
      assert.equal(
        (
          await staff('POST', `/api/classroom/sessions/${s}/checkout`, {
            childId: c.id,
            method: 'code',
            code: c.mother.code,
          })
        ).statusCode,
        200,
      );
    });

    it('lets a tutor work only a session whose rota names them; staff any day', async () => {
      const s = await sessionToday([]);
      const c = await enrol('周小安');
      await db().updateTable('classroom_rota').set({ present: null }).where('session_id', '=', s).execute();
      const refused = await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'classroom_not_on_rota');
      assert.match(refused.json().error.message, /值班表/);
      assert.equal((await tutor('GET', `/api/classroom/sessions/${s}/board`)).statusCode, 403);
      assert.equal((await resident('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 403);
      assert.equal(await attendance(s, c.id), undefined);
      assert.equal(
        (await staff('PUT', `/api/classroom/sessions/${s}/rota`, { volunteerIds: [otherId] })).statusCode,
        204,
      );
      assert.equal((await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 403);
      const board = await other('GET', `/api/classroom/sessions/${s}/board`);
      assert.equal(board.statusCode, 200, board.body);
      assert.ok(board.json().children.some((x: { id: string }) => x.id === c.id));
      assert.equal((await other('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);
      const log = await other('POST', `/api/classroom/sessions/${s}/logs`, {
        childId: c.id,
        subject: '数学',
        content: '讲了两位数乘法竖式',
      });
      assert.equal(log.statusCode, 201);
      const logs = (await staff('GET', '/api/classroom/logs')).json().items;
      assert.ok(logs.some((l: { content: string; author: string }) => l.content === '讲了两位数乘法竖式'));
    });

    it('raises one arrival alert for a child expected and not arrived, none for absent or arrived ones', async () => {
      await db().deleteFrom('classroom_rota').execute();
      await db().deleteFrom('classroom_attendance').execute();
      // The check-ins' rollups go with them (the figures below count from here).
      await db().deleteFrom('classroom_child_year').execute();
      await db().deleteFrom('classroom_day_held').execute();
      await db().deleteFrom('classroom_log').execute();
      await db().deleteFrom('classroom_session').execute();
      await db()
        .updateTable('classroom_child')
        .set({ status: 'left', left_on: addDays(today, -1) })
        .execute();
      const s = await sessionToday([tutorId], today);
      const late = await enrol('孙小迟');
      const absent = await enrol('吴小病');
      const arrived = await enrol('郑小到');
      const weekday = String(weekdayOf(today));
      const notToday = await enrol('冯小休');
      await db()
        .updateTable('classroom_child')
        .set({ weekdays: '1234567'.replace(weekday, '') })
        .where('id', '=', notToday.id)
        .execute();
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${s}/absences`, { childId: absent.id, note: '' })).statusCode,
        400,
      );
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${s}/absences`, { childId: absent.id, note: '发烧请假' }))
          .statusCode,
        204,
      );
      assert.equal(
        (await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: arrived.id })).statusCode,
        200,
      );

      const res = await tutor('POST', `/api/classroom/sessions/${s}/arrivals`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().raised, 1);
      const alerts = await db().selectFrom('classroom_alert').selectAll().where('session_id', '=', s).execute();
      assert.deepEqual(
        alerts.map((a) => a.child_id),
        [late.id],
      );
      const told = (await outbox('classroom.notArrived')).map((m) => m.recipient).sort();
      assert.deepEqual(told, [late.phone(1), late.phone(2)]);
      assert.ok((await outbox('classroom.notArrivedStaff')).some((m) => m.recipient === t.a.phones.volunteer));

      // The job, and the button again: nothing new.
      await enqueueJob(db(), 'classroom.arrival_alerts', {});
      await t.app.services.jobs.runDue();
      assert.equal((await tutor('POST', `/api/classroom/sessions/${s}/arrivals`)).json().raised, 0);
      assert.equal((await db().selectFrom('classroom_alert').selectAll().execute()).length, 1);
      assert.equal((await outbox('classroom.notArrived')).length, 2);

      const board = (await tutor('GET', '/api/classroom/today')).json();
      assert.equal(board.alerts.length, 1);
      assert.equal(board.children.find((c: { id: string }) => c.id === absent.id).state, 'absent');
      assert.equal(
        board.children.find((c: { id: string }) => c.id === notToday.id).state,
        'off',
        'not a day of theirs: listed, no alert',
      );
      assert.equal((await tutor('POST', `/api/classroom/alerts/${alerts[0]!.id}/clear`, { note: '' })).statusCode, 400);
      assert.equal(
        (await tutor('POST', `/api/classroom/alerts/${alerts[0]!.id}/clear`, { note: '家长已来电：今天生病请假' }))
          .statusCode,
        204,
      );
      const again = await tutor('POST', `/api/classroom/alerts/${alerts[0]!.id}/clear`, { note: '再次' });
      assert.equal(again.statusCode, 409);
      assert.equal(
        (await db().selectFrom('classroom_alert').select('note').executeTakeFirstOrThrow()).note,
        '家长已来电：今天生病请假',
      );
    });

    it('generates a term (no holidays) with the weekly rota, closes a session into hours, counts figures', async () => {
      const bad = await staff('POST', '/api/classroom/sessions/term', {
        from: '2030-09-30',
        to: '2030-10-11',
        place: '教室',
        rota: { 1: [uuidv7()] },
      });
      assert.equal(bad.statusCode, 400);
      const res = await staff('POST', '/api/classroom/sessions/term', {
        from: '2030-09-30',
        to: '2030-10-11',
        holidays: ['2030-10-01', '2030-10-02', '2030-10-03', '2030-10-04', '2030-10-07'],
        place: '社区四点半课堂教室',
        rota: { 1: [tutorId, otherId], 3: [tutorId] },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json(), { created: 5, skipped: 0 }); // 9-30, 10-08, 10-09, 10-10, 10-11
      const sessions = (await staff('GET', '/api/classroom/sessions?from=2030-09-30&to=2030-10-11')).json().items;
      assert.deepEqual(
        sessions.map((s: { date: string }) => s.date),
        ['2030-09-30', '2030-10-08', '2030-10-09', '2030-10-10', '2030-10-11'],
      );
      assert.equal(sessions[0].rota.length, 2); // Monday
      assert.equal(sessions[2].rota.length, 1); // Wednesday
      assert.equal(sessions[1].rota.length, 0);
      // Again, without the holidays: only the five missing days are added, none twice.
      assert.deepEqual(
        (
          await staff('POST', '/api/classroom/sessions/term', {
            from: '2030-09-30',
            to: '2030-10-11',
            place: '教室',
            rota: {},
          })
        ).json(),
        { created: 5, skipped: 5 },
      );
      // One extra session on a Saturday; a second one that day is refused.
      const extra = await staff('POST', '/api/classroom/sessions', {
        date: '2030-10-12',
        place: '社区四点半课堂教室',
        volunteerIds: [tutorId],
      });
      assert.equal(extra.statusCode, 201, extra.body);
      const twice = await staff('POST', '/api/classroom/sessions', { date: '2030-10-12', place: '教室' });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /已经有课堂/);
      assert.equal(
        (await staff('POST', '/api/classroom/sessions', { date: '2030-10-13', place: '教室', expectedBy: '19:00' }))
          .statusCode,
        400,
      );
      const future = await staff('POST', `/api/classroom/sessions/${sessions[0].id}/close`, {
        presentVolunteerIds: [],
      });
      assert.equal(future.statusCode, 400);

      // Today's session (from the alert test) is closed: its tutor gets 23h59m? No: the session runs 00:00–23:59, so
      // shorten it first.
      const s = (
        await db().selectFrom('classroom_session').select('id').where('date', '=', today).executeTakeFirstOrThrow()
      ).id;
      await db()
        .updateTable('classroom_session')
        .set({ starts: '16:30', expected_by: '16:50', ends: '18:00' })
        .where('id', '=', s)
        .execute();
      // 郑小到 is still inside: the session cannot close until the child has been handed over.
      const inside = await staff('POST', `/api/classroom/sessions/${s}/close`, { presentVolunteerIds: [tutorId] });
      assert.equal(inside.statusCode, 409, inside.body);
      assert.equal(inside.json().error.code, 'classroom_children_inside');
      assert.match(inside.json().error.message, /郑小到/);
      assert.equal(
        (await db().selectFrom('classroom_session').select('closed_at').where('id', '=', s).executeTakeFirstOrThrow())
          .closed_at,
        null,
      );
      assert.equal(
        await db().selectFrom('hours_entry').select('id').where('source_id', '=', s).executeTakeFirst(),
        undefined,
      );
      const zheng = (
        await db().selectFrom('classroom_child').select('id').where('name', '=', '郑小到').executeTakeFirstOrThrow()
      ).id;
      const zhengMother = await db()
        .selectFrom('classroom_adult')
        .select(['id', 'phone'])
        .where('child_id', '=', zheng)
        .where('relation', '=', '母亲')
        .executeTakeFirstOrThrow();
      assert.equal(
        (
          await staff('POST', `/api/classroom/sessions/${s}/checkout`, {
            childId: zheng,
            adultId: zhengMother.id,
            method: 'phone',
            phone: zhengMother.phone,
          })
        ).statusCode,
        200,
      );
      const closed = await staff('POST', `/api/classroom/sessions/${s}/close`, { presentVolunteerIds: [tutorId] });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().recorded, 1);
      const entry = await db()
        .selectFrom('hours_entry')
        .selectAll()
        .where('source', '=', 'classroom')
        .where('source_id', '=', s)
        .executeTakeFirstOrThrow();
      assert.equal(entry.volunteer_id, tutorId);
      assert.equal(entry.raw_minutes, 90);
      assert.deepEqual(closed.json().overlapping, []);
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${s}/close`, { presentVolunteerIds: [tutorId] })).statusCode,
        409,
      );
      const closedCheckin = await staff('POST', `/api/classroom/sessions/${s}/checkin`, {
        childId: (
          await db().selectFrom('classroom_child').select('id').where('name', '=', '孙小迟').executeTakeFirstOrThrow()
        ).id,
      });
      assert.equal(closedCheckin.statusCode, 409);

      // Two children of one household count as one family.
      const hh = t.a.households[2]!;
      const sib1 = await enrol('曾大宝');
      const sib2 = await enrol('曾二宝');
      await db()
        .updateTable('classroom_child')
        .set({ household_id: hh })
        .where('id', 'in', [sib1.id, sib2.id])
        .execute();
      const s2 = await db()
        .insertInto('classroom_session')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          date: today,
          starts: '16:30',
          expected_by: '16:50',
          ends: '18:00',
          place: '教室',
          closed_at: null,
          closed_by_name: null,
          created_at: new Date().toISOString(),
        })
        .execute()
        .catch(() => null);
      assert.equal(s2, null, 'one session per day');
      await db().updateTable('classroom_session').set({ closed_at: null }).where('id', '=', s).execute();
      for (const c of [sib1, sib2])
        assert.equal((await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);
      const f = (await staff('GET', '/api/classroom/figures')).json();
      const year = f.years.find((y: { year: number }) => y.year === Number(today.slice(0, 4)));
      // Today: 郑小到 (checked in) plus the two siblings; earlier sessions today were deleted by the alert test.
      assert.equal(year.children, 3);
      assert.equal(year.families, 2);
      assert.equal(year.sessions, 1);
      assert.equal(year.tutorHours, 1.5);
      assert.equal(f.total.children, 3);

      // A tutor with other service at the same time: the session still closes, their hours are not doubled.
      const made = await staff('POST', '/api/classroom/sessions', {
        date: addDays(today, -1),
        place: '社区四点半课堂教室',
        volunteerIds: [tutorId, otherId],
      });
      assert.equal(made.statusCode, 201, made.body);
      const y = made.json().id as string;
      await db()
        .updateTable('hours_entry')
        .set({
          service_date: addDays(today, -1),
          started_at: new Date(Date.parse(entry.started_at!) - 86400_000).toISOString(),
          ended_at: new Date(Date.parse(entry.ended_at!) - 86400_000).toISOString(),
        })
        .where('id', '=', entry.id)
        .execute();
      const both = await staff('POST', `/api/classroom/sessions/${y}/close`, {
        presentVolunteerIds: [tutorId, otherId],
      });
      assert.equal(both.statusCode, 200, both.body);
      assert.deepEqual(both.json(), { recorded: 1, overlapping: ['刘红梅'] });
      await db()
        .updateTable('hours_entry')
        .set({ service_date: entry.service_date, started_at: entry.started_at, ended_at: entry.ended_at })
        .where('id', '=', entry.id)
        .execute();
    });

    it("keeps a tutor to today's session, and nobody checks in or out of a session still to come", async () => {
      const c = await enrol('陶小日');
      await db()
        .updateTable('classroom_child')
        .set({ enrolled_on: addDays(today, -60) })
        .where('id', '=', c.id)
        .execute();
      const yesterday = await sessionToday([tutorId], addDays(today, -40));
      const refused = await tutor('POST', `/api/classroom/sessions/${yesterday}/checkin`, { childId: c.id });
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(refused.json().error.code, 'classroom_not_today');
      assert.equal(
        (await tutor('GET', `/api/classroom/sessions/${yesterday}/board`)).statusCode,
        403,
        "no reading of another day's children",
      );
      assert.equal(await attendance(yesterday, c.id), undefined);
      // Staff may still correct an earlier day.
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${yesterday}/checkin`, { childId: c.id })).statusCode,
        200,
      );
      assert.equal(
        (
          await tutor('POST', `/api/classroom/sessions/${yesterday}/checkout`, {
            childId: c.id,
            method: 'code',
            code: c.mother.code,
          })
        ).statusCode,
        403,
      );
      assert.equal((await attendance(yesterday, c.id))!.checked_out_at, null);

      const ahead = await sessionToday([tutorId], addDays(today, 3));
      const sent = (await outbox('classroom.checkedIn')).length;
      for (const who of [staff, tutor]) {
        const res = await who('POST', `/api/classroom/sessions/${ahead}/checkin`, { childId: c.id });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'classroom_not_today');
      }
      assert.equal(await attendance(ahead, c.id), undefined);
      assert.equal((await outbox('classroom.checkedIn')).length, sent);
      // A family may still tell staff in advance that the child will not come.
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${ahead}/absences`, { childId: c.id, note: '周五去外婆家' }))
          .statusCode,
        204,
      );
    });

    it("counts a tutor's tries even when sent all at once", async () => {
      const s = await sessionToday([tutorId]);
      const c = await enrol('严小守');
      assert.equal((await tutor('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);
      const codes = [c.mother.code, c.father.code, c.grandpa.code];
      const guesses = Array.from({ length: 40 }, (_, i) => String(100000 + i * 7))
        .filter((g) => !codes.includes(g))
        .slice(0, 12);
      const results = await Promise.all(
        guesses.map((code) =>
          tutor('POST', `/api/classroom/sessions/${s}/checkout`, { childId: c.id, method: 'code', code }),
        ),
      );
      const by = (n: number) => results.filter((r) => r.statusCode === n).length;
      assert.equal(by(403), 5, results.map((r) => r.statusCode).join(','));
      assert.equal(by(423), 7);
      assert.equal((await attendance(s, c.id))!.pickup_misses, 5);
      assert.equal(
        (
          await tutor('POST', `/api/classroom/sessions/${s}/checkout`, {
            childId: c.id,
            method: 'code',
            code: c.mother.code,
          })
        ).statusCode,
        423,
      );
      assert.equal((await attendance(s, c.id))!.checked_out_at, null);
    });

    it('hands a child over only on a proof that names exactly one adult', async () => {
      const s = await sessionToday([]);
      const c = await enrol('温小双');
      assert.equal((await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id })).statusCode, 200);
      // Two adults with the same code (never drawn so, but a code must not pick one of them by table order).
      for (const a of [c.mother, c.grandpa]) {
        await db()
          .updateTable('classroom_adult')
          .set({ code_hash: t.cipher.token(t.a.id, `classroom.pickup.${a.adultId}`, '246810') })
          .where('id', '=', a.adultId)
          .execute();
      }
      const ambiguous = await staff('POST', `/api/classroom/sessions/${s}/checkout`, {
        childId: c.id,
        method: 'code',
        code: '246810',
      });
      assert.equal(ambiguous.statusCode, 403);
      assert.equal((await attendance(s, c.id))!.checked_out_at, null);
      const named = await staff('POST', `/api/classroom/sessions/${s}/checkout`, {
        childId: c.id,
        adultId: c.grandpa.adultId,
        method: 'code',
        code: '246810',
      });
      assert.equal(named.statusCode, 200, named.body);
      assert.equal((await attendance(s, c.id))!.out_adult_id, c.grandpa.adultId);
    });

    it('stores phones normalised, and keeps at least one guardian active', async () => {
      const c = await enrol('邱小护');
      const added = await staff('POST', `/api/classroom/children/${c.id}/adults`, {
        name: '邱姑姑',
        relation: '姑姑',
        phone: '+86 139-2222-0001',
        isGuardian: false,
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(
        (
          await db()
            .selectFrom('classroom_adult')
            .select('phone')
            .where('id', '=', added.json().adultId)
            .executeTakeFirstOrThrow()
        ).phone,
        '13922220001',
      );
      const twice = await staff('POST', `/api/classroom/children/${c.id}/adults`, {
        name: '邱姑姑',
        relation: '姑姑',
        phone: '139 2222 0001',
        isGuardian: false,
      });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /已经登记/);
      assert.equal(
        (await staff('PATCH', `/api/classroom/adults/${c.mother.adultId}`, { active: false })).statusCode,
        204,
      );
      const last = await staff('PATCH', `/api/classroom/adults/${c.father.adultId}`, { active: false });
      assert.equal(last.statusCode, 400, last.body);
      assert.match(last.body, /唯一有效的监护人/);
      assert.equal(
        (
          await db()
            .selectFrom('classroom_adult')
            .select('active')
            .where('id', '=', c.father.adultId)
            .executeTakeFirstOrThrow()
        ).active,
        1,
      );
      // A child who has left is not checked in any more.
      const s = await sessionToday([]);
      assert.equal(
        (await staff('PATCH', `/api/classroom/children/${c.id}`, { leftOn: addDays(today, -1) })).statusCode,
        204,
      );
      const gone = await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c.id });
      assert.equal(gone.statusCode, 409);
      assert.equal(gone.json().error.code, 'classroom_not_enrolled');
      assert.equal(await attendance(s, c.id), undefined);
    });

    it('raises each arrival alert once when the button is pressed several times at once', async () => {
      const s = await sessionToday([tutorId]);
      await enrol('鲁小晚');
      const before = (await outbox('classroom.notArrived')).length;
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => (i % 2 ? staff : tutor)('POST', `/api/classroom/sessions/${s}/arrivals`)),
      );
      assert.ok(
        results.every((r) => r.statusCode === 200),
        results.map((r) => r.body).join(),
      );
      const alerts = await db().selectFrom('classroom_alert').select('child_id').where('session_id', '=', s).execute();
      assert.ok(alerts.length >= 1);
      assert.equal(
        results.reduce((n, r) => n + (r.json() as { raised: number }).raised, 0),
        alerts.length,
      );
      const guardians = await db()
        .selectFrom('classroom_adult')
        .select('phone')
        .where(
          'child_id',
          'in',
          alerts.map((a) => a.child_id),
        )
        .where('is_guardian', '=', 1)
        .where('active', '=', 1)
        .execute();
      assert.equal(
        (await outbox('classroom.notArrived')).length - before,
        guardians.length,
        'one text per guardian per alerted child',
      );
      // The late child arrives: the alert is answered by the check-in.
      assert.equal(
        (await staff('POST', `/api/classroom/sessions/${s}/checkin`, { childId: alerts[0]!.child_id })).statusCode,
        200,
      );
      const answered = await db()
        .selectFrom('classroom_alert')
        .selectAll()
        .where('session_id', '=', s)
        .where('child_id', '=', alerts[0]!.child_id)
        .executeTakeFirstOrThrow();
      assert.ok(answered.cleared_at);
      assert.match(answered.note!, /到达签到/);
    });

    it('closes a session once when closed several times at once: the hours are written once', async () => {
      const made = await staff('POST', '/api/classroom/sessions', {
        date: addDays(today, -200),
        place: '社区四点半课堂教室',
        volunteerIds: [otherId],
      });
      assert.equal(made.statusCode, 201, made.body);
      const id = made.json().id as string;
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          staff('POST', `/api/classroom/sessions/${id}/close`, { presentVolunteerIds: [otherId] }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode).sort(),
        [200, 409, 409, 409],
        results.map((r) => r.body).join(),
      );
      assert.equal(
        (
          await db()
            .selectFrom('hours_entry')
            .select('id')
            .where('source', '=', 'classroom')
            .where('source_id', '=', id)
            .execute()
        ).length,
        1,
      );
    });

    it('keeps each community to itself', async () => {
      const c = (
        await db()
          .selectFrom('classroom_child')
          .select('id')
          .where('community_id', '=', t.a.id)
          .executeTakeFirstOrThrow()
      ).id;
      const s = (
        await db()
          .selectFrom('classroom_session')
          .select('id')
          .where('community_id', '=', t.a.id)
          .executeTakeFirstOrThrow()
      ).id;
      const list = await staffB('GET', '/api/classroom/children');
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().items, []);
      assert.equal((await staffB('GET', `/api/classroom/sessions/${s}/board`)).statusCode, 404);
      assert.equal((await staffB('POST', `/api/classroom/sessions/${s}/checkin`, { childId: c })).statusCode, 404);
      assert.equal((await staffB('PATCH', `/api/classroom/children/${c}`, { grade: '六年级' })).statusCode, 404);
      assert.equal((await staffB('GET', '/api/classroom/figures')).json().total.children, 0);
      // The other community has no session today: the board says so (and the answer passes its response schema).
      const none = await staffB('GET', '/api/classroom/today');
      assert.equal(none.statusCode, 200, none.body);
      assert.deepEqual(none.json(), { session: null });
    });
  });
}
