// 还来吗？ on both databases: the day-before reminder asks and carries the answer link; "我会来" is recorded; "来不了"
// cancels the sign-up and the first on the waitlist gets the place (and is told), in one step; answers are refused
// for someone else's sign-up, after the shift started, twice, and with bad input (in words). When check-in closes
// the job marks the confirmed sign-up nobody checked in as a no-show (once), the volunteer sees it, and the
// quarterly ranking counts it; a declined sign-up is no no-show.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, insertVolunteer } from './volunteer-factories.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';
import { quarterOf, quarterRange } from '../../domain/recognition/quarters.ts';

const today = todayInShanghai();
const prevQuarter = quarterOf(addDays(quarterRange(quarterOf(today)).from, -1));
let jobKey = 0;

for (const kind of testDatabaseKinds()) {
  describe(`还来吗？ and no-shows on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, vol: Client;
    let volId: string;
    const db = () => t.db.handle.db;

    const activity = async (title: string, places: number) => {
      const res = await staff('POST', '/api/activities', {
        title,
        place: '西关社区服务站',
        date: addDays(today, 1),
        shifts: [{ name: '服务组', start: '09:00', end: '11:00', places }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      return { id, shiftId: (await staff('GET', `/api/activities/${id}`)).json().shifts[0].id as string };
    };
    const signUp = async (id: string, shiftId: string, volunteerId: string) => {
      const r = await staff('POST', `/api/activities/${id}/signups`, { shiftId, volunteerIds: [volunteerId] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json()[0] as { id: string; status: string };
    };
    const moveTo = async (id: string, shiftId: string, startIso: string, endIso: string) => {
      await db()
        .updateTable('activity_shift')
        .set({ starts_at: startIso, ends_at: endIso })
        .where('id', '=', shiftId)
        .execute();
      await db()
        .updateTable('activity')
        .set({ starts_at: startIso, ends_at: endIso, date: todayInShanghai(new Date(startIso)) })
        .where('id', '=', id)
        .execute();
    };
    const runJob = async (name: string) => {
      await enqueueJob(db(), name, {}, { uniqueKey: `${name}-${++jobKey}` });
      await t.app.services.jobs.runDue();
    };
    const outbox = (template: string) =>
      db().selectFrom('notification_outbox').selectAll().where('template', '=', template).execute();
    const state = async () => {
      const r = await vol('GET', '/api/activities/mine/state');
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as {
        answers: Array<{ signupId: string; answer: string }>;
        noShows: Array<{ signupId: string }>;
      };
    };

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
      staff = await signInAs(t, 'staff');
      volId = await insertVolunteer(db(), t.cipher, t.a.id, {
        name: '刘红梅',
        accountId: await accountIdOf(db(), t.a.phones.volunteer),
        phone: t.a.phones.volunteer,
      });
      vol = await signInAs(t, 'volunteer');
    });
    after(async () => {
      await t.close();
    });

    it('asks 还来吗？ in the day-before reminder, with the link to the answer buttons', async () => {
      const a = await activity('明日清扫', 5);
      const s = await signUp(a.id, a.shiftId, volId);
      const start = Date.now() + 5 * 3600_000;
      await moveTo(a.id, a.shiftId, new Date(start).toISOString(), new Date(start + 2 * 3600_000).toISOString());
      await runJob('activities.reminders');
      const sent = (await outbox('activities.reminder_day')).filter((m) => JSON.parse(m.payload).signupId === s.id);
      assert.equal(sent.length, 1);
      const p = JSON.parse(sent[0]!.payload);
      assert.equal(p.ask, true);
      assert.equal(p.answerPath, `/m/activities?answer=${s.id}`);
    });

    it('records 我会来, and refuses bad input in words, someone else and a shift that started', async () => {
      const a = await activity('读报', 5);
      const s = await signUp(a.id, a.shiftId, volId);
      const bad = await vol('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'maybe' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /我会来/);
      const ok = await vol('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'coming' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { answer: 'coming', promoted: null });
      assert.deepEqual(
        (await state()).answers.filter((x) => x.signupId === s.id).map((x) => x.answer),
        ['coming'],
      );
      const row = await db().selectFrom('activity_signup').select('status').where('id', '=', s.id).executeTakeFirst();
      assert.equal(row!.status, 'confirmed');
      // Someone else's sign-up: not found for this volunteer.
      const otherId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '别人' });
      const other = await signUp(a.id, a.shiftId, otherId);
      assert.equal(
        (await vol('POST', `/api/activities/mine/${other.id}/answer`, { answer: 'coming' })).statusCode,
        404,
      );
      // Staff cannot answer for a volunteer through this route (they have no volunteer record of their own).
      assert.equal((await staff('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'coming' })).statusCode, 404);
      // The shift started: too late to answer.
      await moveTo(
        a.id,
        a.shiftId,
        new Date(Date.now() - 60_000).toISOString(),
        new Date(Date.now() + 3600_000).toISOString(),
      );
      const late = await vol('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'not_coming' });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'answer_closed');
    });

    it('来不了 cancels the sign-up and moves the first on the waitlist up at once, who is told', async () => {
      const a = await activity('包饺子', 1);
      const s = await signUp(a.id, a.shiftId, volId);
      assert.equal(s.status, 'confirmed');
      const waitId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '候补甲' });
      const w = await signUp(a.id, a.shiftId, waitId);
      assert.equal(w.status, 'waitlisted');
      const before = (await outbox('activities.promoted')).length;
      const res = await vol('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'not_coming' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { answer: 'not_coming', promoted: w.id });
      const rows = await db()
        .selectFrom('activity_signup')
        .select(['id', 'status'])
        .where('activity_id', '=', a.id)
        .execute();
      assert.equal(rows.find((r) => r.id === s.id)!.status, 'cancelled');
      assert.equal(rows.find((r) => r.id === w.id)!.status, 'confirmed');
      const shift = await db()
        .selectFrom('activity_shift')
        .select('taken')
        .where('id', '=', a.shiftId)
        .executeTakeFirst();
      assert.equal(Number(shift!.taken), 1);
      assert.equal((await outbox('activities.promoted')).length, before + 1);
      assert.ok((await state()).answers.some((x) => x.signupId === s.id && x.answer === 'not_coming'));
      // Twice: nothing left to decline.
      const again = await vol('POST', `/api/activities/mine/${s.id}/answer`, { answer: 'not_coming' });
      assert.equal(again.statusCode, 409);
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', s.id)
        .where('action', '=', 'activities.signup.decline')
        .execute();
      assert.equal(audit.length, 1);
    });

    it('marks a no-show when check-in closes, once; the volunteer sees it and the ranking counts it', async () => {
      const { from } = quarterRange(prevQuarter);
      const shiftOn = (d: string) => [shanghaiInstant(d, 9 * 60), shanghaiInstant(d, 11 * 60)] as const;
      // Served once (hours verified), missed once, declined once: all last quarter.
      const served = await activity('上季度服务', 5);
      const s1 = await signUp(served.id, served.shiftId, volId);
      await moveTo(served.id, served.shiftId, ...shiftOn(addDays(from, 10)));
      const m = await staff('POST', `/api/activities/${served.id}/attendance`, { signupId: s1.id, action: 'present' });
      assert.equal(m.statusCode, 200, m.body);
      assert.equal((await staff('POST', '/api/hours/verify', { ids: [m.json().hoursEntryId] })).statusCode, 200);
      const missed = await activity('上季度缺席', 5);
      const s2 = await signUp(missed.id, missed.shiftId, volId);
      const declined = await activity('上季度请假', 5);
      const s3 = await signUp(declined.id, declined.shiftId, volId);
      assert.equal(
        (await vol('POST', `/api/activities/mine/${s3.id}/answer`, { answer: 'not_coming' })).statusCode,
        200,
      );
      await moveTo(missed.id, missed.shiftId, ...shiftOn(addDays(from, 11)));
      await moveTo(declined.id, declined.shiftId, ...shiftOn(addDays(from, 12)));
      // A shift still running: check-in is open, so not a no-show yet.
      const running = await activity('进行中', 5);
      const s4 = await signUp(running.id, running.shiftId, volId);
      await moveTo(
        running.id,
        running.shiftId,
        new Date(Date.now() - 1800_000).toISOString(),
        new Date(Date.now() + 3600_000).toISOString(),
      );

      await runJob('activities.no_shows');
      await runJob('activities.no_shows');
      const marks = await db()
        .selectFrom('activity_no_show')
        .select('signup_id')
        .where('volunteer_id', '=', volId)
        .execute();
      const marked = new Set(marks.map((r) => r.signup_id));
      assert.ok(marked.has(s2.id), 'the missed shift is marked');
      assert.ok(
        !marked.has(s1.id) && !marked.has(s3.id) && !marked.has(s4.id),
        'attended, declined and running are not',
      );
      assert.equal(marks.filter((r) => r.signup_id === s2.id).length, 1);

      const st = await state();
      assert.deepEqual(
        st.noShows.map((n) => n.signupId).filter((id) => [s1.id, s2.id, s3.id, s4.id].includes(id)),
        [],
        'older than 30 days: not on the phone list',
      );
      const res = await admin('GET', `/api/recognition/quarters/${prevQuarter}/ranking`);
      assert.equal(res.statusCode, 200, res.body);
      const item = (res.json().items as any[]).find((i) => i.volunteerId === volId);
      assert.ok(item, 'ranked');
      assert.deepEqual(
        { signedUp: item.signedUp, attended: item.attended, noShows: item.noShows },
        { signedUp: 2, attended: 1, noShows: 1 },
      );
      assert.ok((item.parts as any[]).some((p) => p.key === 'noShows' && p.value === 1 && p.points < 0));
    });

    it('shows a recent no-show on the phone, and a later check-in by staff takes it back', async () => {
      const a = await activity('昨天的活动', 5);
      const s = await signUp(a.id, a.shiftId, volId);
      const end = Date.now() - 3600_000;
      await moveTo(a.id, a.shiftId, new Date(end - 2 * 3600_000).toISOString(), new Date(end).toISOString());
      await runJob('activities.no_shows');
      assert.ok((await state()).noShows.some((n) => n.signupId === s.id));
      const m = await staff('POST', `/api/activities/${a.id}/attendance`, { signupId: s.id, action: 'present' });
      assert.equal(m.statusCode, 200, m.body);
      assert.ok(!(await state()).noShows.some((n) => n.signupId === s.id));
    });
  });
}
