// Activities on both databases: creating (bad input refused), templates, series on the last three days of
// the month, sign-up with the waitlist and promotion on cancel, eligibility refused with reasons, 60 parallel
// sign-ups for 10 places, team leaders limited to their team, the rotating check-in code (expired, forged,
// second check-in, check-out without check-in, someone else), clipped minutes in the hours ledger, the
// forgotten check-out job, card and list attendance, reminders, the iCal feed, images and performances.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, countRows, fieldErrors, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../../domain/shared/dates.ts';
import { digitsOf, stepAt } from '../../domain/activities/checkin.ts';

const tomorrow = () => addDays(todayInShanghai(), 1);
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

for (const kind of testDatabaseKinds()) {
  describe(`activities on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, leader: Client, vol: Client;
    let volId: string, teamId: string, memberId: string, outsiderId: string;
    const db = () => t.db.handle.db;
    const count = (table: 'activity_signup' | 'hours_entry' | 'activity') => countRows(db(), table);

    /** A published activity tomorrow with one shift 09:00–11:00 of `places`. */
    const activity = async (places: number, extra: Record<string, unknown> = {}) => {
      const res = await staff('POST', '/api/activities', {
        title: '中秋做月饼',
        place: '西关社区服务站',
        date: tomorrow(),
        shifts: [{ name: '厨房组', start: '09:00', end: '11:00', places }],
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      const detail = (await staff('GET', `/api/activities/${id}`)).json();
      return { id, shiftId: detail.shifts[0].id as string };
    };
    const newVolunteer = async (name: string, spec: Record<string, unknown> = {}) =>
      insertVolunteer(db(), t.cipher, t.a.id, { name, ...spec });
    const group = (id: string, shiftId: string, ids: string[], who = staff) =>
      who('POST', `/api/activities/${id}/signups`, { shiftId, volunteerIds: ids });
    /** Moves a shift (and its activity) in time, for check-in windows and jobs. */
    const moveShift = async (shiftId: string, startMs: number, endMs: number) => {
      await db()
        .updateTable('activity_shift')
        .set({ starts_at: minute(startMs), ends_at: minute(endMs) })
        .where('id', '=', shiftId)
        .execute();
    };
    const codeAt = (activityId: string, step: number) =>
      digitsOf(Buffer.from(t.cipher.token(t.a.id, 'activity.checkin', `${activityId}:${step}`), 'base64url'));

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
      staff = await signInAs(t, 'staff');
      volId = await newVolunteer('刘红梅', {
        accountId: await accountIdOf(db(), t.a.phones.volunteer),
        phone: t.a.phones.volunteer,
      });
      vol = await signInAs(t, 'volunteer');
      teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      memberId = await newVolunteer('队员甲');
      outsiderId = await newVolunteer('队外乙');
      await addTeamMember(db(), t.a.id, teamId, memberId);
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      leader = await signInAs(t, 'team_leader');
    });
    after(async () => {
      await t.close();
    });

    it('creates an activity with shifts, and refuses bad input with messages in words, writing nothing', async () => {
      const before = await count('activity');
      const bad = await staff('POST', '/api/activities', {
        title: '',
        place: '站',
        date: '2027-02-30',
        lat: 34.3,
        shifts: [{ name: '厨房组', start: '10:00', end: '09:00', places: 0 }],
      });
      assert.equal(bad.statusCode, 400);
      const fields = fieldErrors(bad);
      assert.deepEqual(fields, ['date', 'lng', 'shifts.0.end', 'shifts.0.places', 'title']);
      assert.ok(bad.json().error.details.fields.some((f: any) => f.message === '结束时间应晚于开始时间'));
      const noShift = await staff('POST', '/api/activities', { title: 'x', place: 'y', date: tomorrow(), shifts: [] });
      assert.equal(noShift.statusCode, 400);
      const other = await staff('POST', '/api/activities', {
        title: 'x',
        place: 'y',
        date: tomorrow(),
        organiserTeamId: uuidv7(),
        shifts: [{ name: 'a', start: '09:00', end: '10:00', places: 1 }],
      });
      assert.equal(other.statusCode, 400);
      assert.equal(await count('activity'), before);
      const { id } = await activity(5, { lat: 34.36, lng: 107.24, toleranceM: 200 });
      const d = (await staff('GET', `/api/activities/${id}`)).json();
      assert.equal(d.status, 'published');
      assert.deepEqual(
        d.shifts.map((s: any) => [s.name, s.start, s.end, s.places, s.taken]),
        [['厨房组', '09:00', '11:00', 5, 0]],
      );
      assert.equal(d.startsAt, `${tomorrow()}T01:00:00.000Z`);
    });

    it('lists festival templates with dates and makes a draft from one in one step', async () => {
      const list = (await staff('GET', '/api/activities/templates?from=2027-01-01&days=365')).json();
      assert.ok(
        [
          'spring_festival',
          'lantern_festival',
          'dragon_boat_festival',
          'mid_autumn_festival',
          'double_ninth_festival',
          'lei_feng_day',
          'international_volunteer_day',
          'qingming',
        ].every((k) => list.some((x: any) => x.key === k)),
      );
      const res = await staff('POST', '/api/activities/templates/spring_festival', {
        date: '2027-02-05',
        place: '社区食堂',
      });
      assert.equal(res.statusCode, 201, res.body);
      const d = (await staff('GET', `/api/activities/${res.json().id}`)).json();
      assert.equal(d.status, 'draft');
      assert.match(d.title, /饺子/);
      assert.deepEqual(
        d.shifts.map((s: any) => [s.name, s.places]),
        [
          ['厨房组', 10],
          ['配送组', 6],
        ],
      );
      assert.equal(
        (await staff('POST', '/api/activities/templates/no_such_day', { date: '2027-02-05' })).statusCode,
        404,
      );
    });

    it('makes a series on the last three days of every month, 90 days ahead, once', async () => {
      const res = await staff('POST', '/api/activities/series', {
        rule: 'FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1',
        startDate: todayInShanghai(),
        activity: {
          title: '党校卫生大扫除',
          place: '党校',
          shifts: [{ name: '清扫组', start: '08:00', end: '10:00', places: 20 }],
          status: 'published',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const made = res.json().made as number;
      assert.ok(made >= 8 && made <= 12, `${made}`);
      const dates = (
        await db().selectFrom('activity').select('date').where('series_id', '=', res.json().id).execute()
      ).map((r) => r.date);
      for (const d of dates) {
        const last = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate();
        assert.ok(Number(d.slice(8)) > last - 3, d);
      }
      // The daily job has nothing left to make.
      await enqueueJob(db(), 'activities.series', {});
      await t.app.services.jobs.runDue();
      assert.equal(
        (await db().selectFrom('activity').select('id').where('series_id', '=', res.json().id).execute()).length,
        made,
      );
      const badRule = await staff('POST', '/api/activities/series', {
        rule: 'FREQ=MONTHLY;BYMONTHDAY=-4',
        startDate: todayInShanghai(),
        activity: { title: 'x', place: 'y', shifts: [{ name: 'a', start: '08:00', end: '09:00', places: 1 }] },
      });
      assert.equal(badRule.statusCode, 400);
      assert.match(badRule.json().error.details.fields[0].message, /每月的哪几天/);
    });

    it('waitlists a sign-up for a full shift; a cancellation promotes the first waiting and tells them', async () => {
      const { id, shiftId } = await activity(1);
      const first = await newVolunteer('先报名');
      assert.equal((await group(id, shiftId, [first])).json()[0].status, 'confirmed');
      const mine = await vol('POST', `/api/activities/${id}/join`, { shiftId });
      assert.equal(mine.statusCode, 201, mine.body);
      assert.equal(mine.json().status, 'waitlisted');
      const again = await vol('POST', `/api/activities/${id}/join`, { shiftId });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'already_signed_up');
      const open = (await vol('GET', '/api/activities/open')).json().find((a: any) => a.id === id);
      assert.equal(open.mine.status, 'waitlisted');
      assert.deepEqual([open.shifts[0].taken, open.shifts[0].waiting], [1, 1]);
      const firstSignup = (await staff('GET', `/api/activities/${id}/signups`))
        .json()
        .find((s: any) => s.volunteerId === first);
      const cancel = await staff('POST', `/api/activities/signups/${firstSignup.id}/withdraw`);
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().promoted, mine.json().id);
      const after = (await staff('GET', `/api/activities/${id}/signups`)).json();
      assert.deepEqual(
        after.map((s: any) => [s.volunteerName, s.status]).sort(),
        [
          ['先报名', 'cancelled'],
          ['刘红梅', 'confirmed'],
        ].sort(),
      );
      const told = await db()
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', 'activities.promoted')
        .execute();
      assert.equal(
        told.filter((m) => JSON.parse(m.payload).signupId === mine.json().id && m.recipient === t.a.phones.volunteer)
          .length,
        1,
      );
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, 1);
      // The volunteer cancels: nobody waits, the place is free again; a second cancel is refused.
      assert.equal((await vol('POST', `/api/activities/mine/${mine.json().id}/cancel`)).statusCode, 200);
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, 0);
      const twice = await vol('POST', `/api/activities/mine/${mine.json().id}/cancel`);
      assert.equal(twice.json().error.code, 'not_signed_up');
    });

    it('refuses a volunteer who does not meet the service type, with reasons in words, writing nothing', async () => {
      const typeId = uuidv7();
      await db()
        .insertInto('service_type')
        .values({
          community_id: t.a.id,
          id: typeId,
          code: 'elder-care',
          name: '助老',
          min_age: 18,
          max_age: 40,
          min_fitness: 'good',
          night: 0,
          needs_insurance: 1,
          training_course_id: null,
          skill_code: null,
          description: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      const { id, shiftId } = await activity(5, { serviceTypeId: typeId });
      const before = await count('activity_signup');
      const res = await vol('POST', `/api/activities/${id}/join`, { shiftId });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'activity_not_eligible');
      assert.match(res.json().error.message, /刘红梅不符合“中秋做月饼”的要求：.*超过年龄上限.*没有有效的服务保险/);
      const en = await vol('POST', `/api/activities/${id}/join`, { shiftId }, { 'accept-language': 'en' });
      assert.match(en.json().error.message, /does not meet/);
      const pending = await newVolunteer('待审核', { status: 'pending' });
      const { id: id2, shiftId: s2 } = await activity(5);
      const refused = await group(id2, s2, [pending]);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().error.message, /注册未通过审核/);
      assert.equal(await count('activity_signup'), before);
      const draft = await staff('POST', '/api/activities', {
        title: '草稿',
        place: 'y',
        date: tomorrow(),
        shifts: [{ name: 'a', start: '09:00', end: '10:00', places: 3 }],
      });
      const d = (await staff('GET', `/api/activities/${draft.json().id}`)).json();
      assert.equal(
        (await vol('POST', `/api/activities/${d.id}/join`, { shiftId: d.shifts[0].id })).json().error.code,
        'signup_closed',
      );
    });

    it('tells the phone list which shifts still take sign-ups: none once a shift has started', async () => {
      const { id } = await activity(5, {
        shifts: [
          { name: '上午组', start: '09:00', end: '11:00', places: 5 },
          { name: '下午组', start: '14:00', end: '16:00', places: 5 },
        ],
      });
      const detail = (await staff('GET', `/api/activities/${id}`)).json();
      const [early, late] = [...detail.shifts].sort((x: any, y: any) => x.startsAt.localeCompare(y.startsAt));
      const listed = async () => (await vol('GET', '/api/activities/open')).json().find((a: any) => a.id === id);
      const ahead = await listed();
      assert.equal(ahead.started, false);
      assert.deepEqual(
        ahead.shifts.map((s: any) => s.signUpOpen),
        [true, true],
      );
      // The morning shift began ten minutes ago; the later one is still ahead: tomorrow 09:00–11:00 in Shanghai, so
      // that whatever the hour the test runs it is day work (an overnight shift would ask for insurance).
      const lateStart = Date.parse(shanghaiInstant(addDays(todayInShanghai(), 1), 9 * 60));
      await moveShift(early.id, Date.now() - 10 * 60_000, Date.now() + 60 * 60_000);
      await moveShift(late.id, lateStart, lateStart + 2 * 3600_000);
      await db()
        .updateTable('activity')
        .set({ starts_at: minute(Date.now() - 10 * 60_000), ends_at: minute(lateStart + 2 * 3600_000) })
        .where('id', '=', id)
        .execute();
      const running = await listed();
      assert.equal(running.started, true);
      const open = Object.fromEntries(running.shifts.map((s: any) => [s.id, s.signUpOpen]));
      assert.deepEqual(open, { [early.id]: false, [late.id]: true });
      const refused = await vol('POST', `/api/activities/${id}/join`, { shiftId: early.id });
      assert.equal(refused.json().error.code, 'signup_closed');
      const joined = await vol('POST', `/api/activities/${id}/join`, { shiftId: late.id });
      assert.equal(joined.statusCode, 201, joined.body);
    });

    it('gives exactly 10 places to 60 parallel sign-ups and waitlists the other 50', async () => {
      const { id, shiftId } = await activity(10);
      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => newVolunteer(`并发${i}`)));
      const results = await Promise.all(ids.map((v) => group(id, shiftId, [v])));
      assert.ok(
        results.every((r) => r.statusCode === 201),
        results.find((r) => r.statusCode !== 201)?.body,
      );
      const statuses = results.map((r) => r.json()[0].status);
      assert.equal(statuses.filter((s) => s === 'confirmed').length, 10);
      assert.equal(statuses.filter((s) => s === 'waitlisted').length, 50);
      const rows = await db().selectFrom('activity_signup').select('status').where('activity_id', '=', id).execute();
      assert.equal(rows.filter((r) => r.status === 'confirmed').length, 10);
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().shifts[0].taken, 10);
    });

    it('lets a team leader sign up only members of their own team', async () => {
      const { id, shiftId } = await activity(5);
      const before = await count('activity_signup');
      const out = await group(id, shiftId, [memberId, outsiderId], leader);
      assert.equal(out.statusCode, 403);
      assert.equal(out.json().error.code, 'out_of_scope');
      assert.equal(await count('activity_signup'), before);
      const ok = await group(id, shiftId, [memberId], leader);
      assert.equal(ok.statusCode, 201, ok.body);
      const row = await db()
        .selectFrom('activity_signup')
        .select(['channel', 'status'])
        .where('id', '=', ok.json()[0].id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { channel: 'leader', status: 'confirmed' });
      // Nor may a leader run another team's activity.
      assert.equal((await leader('GET', `/api/activities/${id}/code`)).statusCode, 403);
    });

    it('checks in by the rotating code only: refuses expired, forged, unsigned, twice, out before in', async () => {
      const { id, shiftId } = await activity(5, { lat: 34.36, lng: 107.24, toleranceM: 200 });
      const other = await newVolunteer('旁人');
      const signup = (await vol('POST', `/api/activities/${id}/join`, { shiftId })).json();
      const now = Date.now();
      await moveShift(shiftId, now - 30 * 60_000, now + 60 * 60_000);
      // Not yet checked in: nothing to check out.
      const code = (await staff('GET', `/api/activities/${id}/code`)).json();
      assert.match(code.code, /^\d{6}$/);
      assert.equal(code.path, `/m/activities/checkin/${id}?code=${code.code}`);
      const early = await vol('POST', `/api/activities/${id}/checkout`, { code: code.code });
      assert.equal(early.json().error.code, 'not_checked_in');
      // Expired (two steps old), forged, wrong format, another activity's code.
      const expired = codeAt(id, stepAt(Date.now()) - 2);
      for (const [c, status, errCode] of [
        [expired, 403, 'checkin_code_invalid'],
        [String((Number(code.code) + 1) % 1_000_000).padStart(6, '0'), 403, 'checkin_code_invalid'],
        ['12ab56', 400, 'validation'],
        [codeAt(uuidv7(), stepAt(Date.now())), 403, 'checkin_code_invalid'],
      ] as const) {
        const r = await vol('POST', `/api/activities/${id}/checkin`, { code: c });
        assert.equal(r.statusCode, status, `${c} ${r.body}`);
        assert.equal(r.json().error.code, errCode);
      }
      const msg = (await vol('POST', `/api/activities/${id}/checkin`, { code: expired })).json().error.message;
      assert.match(msg, /签到码不对或已过期/);
      // The previous step's code is still good (a scan across the boundary); far from the place is recorded and
      // flagged.
      const previous = codeAt(id, stepAt(Date.now()) - 1);
      const ok = await vol('POST', `/api/activities/${id}/checkin`, { code: previous, lat: 34.37, lng: 107.24 });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.ok(ok.json().checkedInAt);
      assert.ok(ok.json().checkinDistanceM > 1000);
      assert.equal(ok.json().reviewReason, 'location_far');
      const twice = await vol('POST', `/api/activities/${id}/checkin`, { code: code.code });
      assert.equal(twice.json().error.code, 'already_checked_in');
      // Someone else with a valid code checks in only themselves — and is not signed up.
      const otherSession = await signInAs(t, 'resident');
      await db()
        .updateTable('volunteer')
        .set({ account_id: await accountIdOf(db(), t.a.phones.resident) })
        .where('id', '=', other)
        .execute();
      const theirs = await otherSession('POST', `/api/activities/${id}/checkin`, {
        code: code.code,
        volunteerId: volId,
        signupId: signup.id,
      });
      assert.equal(theirs.statusCode, 409);
      assert.equal(theirs.json().error.code, 'not_signed_up');
      assert.equal(
        (await db().selectFrom('activity_signup').select('checked_in_at').where('volunteer_id', '=', other).execute())
          .length,
        0,
      );
    });

    it('check-out writes one ledger entry with the minutes clipped to the shift', async () => {
      const { id, shiftId } = await activity(5);
      const signup = (await vol('POST', `/api/activities/${id}/join`, { shiftId })).json();
      const now = Date.now();
      await moveShift(shiftId, now - 10 * 60_000, now + 60 * 60_000);
      const code = () => codeAt(id, stepAt(Date.now()));
      assert.equal((await vol('POST', `/api/activities/${id}/checkin`, { code: code() })).statusCode, 200);
      // Arrived 30 minutes early for a shift that has since run its two hours; left 20 minutes after it ended.
      const start = Math.floor((now - 140 * 60_000) / 60_000) * 60_000;
      await moveShift(shiftId, start, start + 120 * 60_000);
      await db()
        .updateTable('activity_signup')
        .set({ checked_in_at: new Date(start - 30 * 60_000).toISOString() })
        .where('id', '=', signup.id)
        .execute();
      const before = await count('hours_entry');
      const out = await vol('POST', `/api/activities/${id}/checkout`, { code: code() });
      assert.equal(out.statusCode, 200, out.body);
      assert.equal(out.json().minutes, 120);
      const entries = await db().selectFrom('hours_entry').selectAll().where('source_id', '=', signup.id).execute();
      assert.equal(entries.length, 1);
      assert.equal(await count('hours_entry'), before + 1);
      const e = entries[0]!;
      assert.deepEqual(
        [
          e.source,
          e.volunteer_id,
          Number(e.raw_minutes),
          e.status,
          e.started_at,
          e.ended_at,
          e.review_reason,
          e.description,
        ],
        [
          'activity',
          volId,
          120,
          'pending',
          new Date(start).toISOString(),
          new Date(start + 120 * 60_000).toISOString(),
          null,
          '中秋做月饼 · 厨房组',
        ],
      );
      const again = await vol('POST', `/api/activities/${id}/checkout`, { code: code() });
      assert.equal(again.json().error.code, 'already_checked_out');
      assert.equal(await count('hours_entry'), before + 1);
    });

    it('a forgotten check-out is closed by the job at the scheduled end and sent to review', async () => {
      const { id, shiftId } = await activity(5);
      const v = await newVolunteer('忘签退');
      const s = (await group(id, shiftId, [v])).json()[0];
      const end = Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000;
      await moveShift(shiftId, end - 90 * 60_000, end);
      await db()
        .updateTable('activity_signup')
        .set({ checked_in_at: new Date(end - 100 * 60_000).toISOString(), checkin_method: 'qr' })
        .where('id', '=', s.id)
        .execute();
      await enqueueJob(db(), 'activities.forgotten_checkouts', {});
      await t.app.services.jobs.runDue();
      const e = await db()
        .selectFrom('hours_entry')
        .selectAll()
        .where('source_id', '=', s.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [Number(e.raw_minutes), e.ended_at, e.review_reason],
        [90, new Date(end).toISOString(), 'checkout_missing'],
      );
      const row = await db()
        .selectFrom('activity_signup')
        .select(['checked_out_at', 'checkout_method'])
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { checked_out_at: new Date(end).toISOString(), checkout_method: 'auto' });
      // Running again records nothing more.
      await enqueueJob(db(), 'activities.forgotten_checkouts', {}, { uniqueKey: 'again' });
      await t.app.services.jobs.runDue();
      assert.equal(
        (await db().selectFrom('hours_entry').select('id').where('source_id', '=', s.id).execute()).length,
        1,
      );
    });

    it('staff check in by the volunteer card and mark attendance in the list', async () => {
      const { id, shiftId } = await activity(5);
      const a = await newVolunteer('扫卡甲'),
        b = await newVolunteer('名单乙');
      const [sa, sb] = (await group(id, shiftId, [a, b])).json();
      const now = Date.now();
      await moveShift(shiftId, now - 30 * 60_000, now + 30 * 60_000);
      const card = (
        await db().selectFrom('volunteer').select('card_token').where('id', '=', a).executeTakeFirstOrThrow()
      ).card_token;
      const r = await staff('POST', `/api/activities/${id}/attendance/card`, { cardToken: card, action: 'in' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().checkinMethod, 'card');
      assert.equal(
        (
          await staff('POST', `/api/activities/${id}/attendance/card`, {
            cardToken: 'nobody-has-this-card',
            action: 'in',
          })
        ).statusCode,
        404,
      );
      assert.equal(
        (await staff('POST', `/api/activities/${id}/attendance`, { signupId: sb.id, action: 'out' })).json().error.code,
        'not_checked_in',
      );
      const m = await staff('POST', `/api/activities/${id}/attendance`, { signupId: sb.id, action: 'present' });
      assert.equal(m.statusCode, 200, m.body);
      assert.equal(m.json().reviewReason, 'marked_by_staff');
      const list = (await staff('GET', `/api/activities/${id}/signups`)).json();
      assert.ok(
        list.find((x: any) => x.id === sa.id).checkedInAt && list.find((x: any) => x.id === sb.id).checkedOutAt,
      );
    });

    it('reminds the day before and two hours before, once each', async () => {
      const { id, shiftId } = await activity(5);
      const s = (await vol('POST', `/api/activities/${id}/join`, { shiftId })).json();
      const now = Date.now();
      await moveShift(shiftId, now + 20 * 3600_000, now + 22 * 3600_000);
      const sent = async (template: string) =>
        (
          await db().selectFrom('notification_outbox').select('payload').where('template', '=', template).execute()
        ).filter((m) => JSON.parse(m.payload).signupId === s.id).length;
      await enqueueJob(db(), 'activities.reminders', {}, { uniqueKey: 'r1' });
      await t.app.services.jobs.runDue();
      await enqueueJob(db(), 'activities.reminders', {}, { uniqueKey: 'r2' });
      await t.app.services.jobs.runDue();
      assert.equal(await sent('activities.reminder_day'), 1);
      assert.equal(await sent('activities.reminder_soon'), 0);
      await moveShift(shiftId, now + 90 * 60_000, now + 200 * 60_000);
      await enqueueJob(db(), 'activities.reminders', {}, { uniqueKey: 'r3' });
      await t.app.services.jobs.runDue();
      await enqueueJob(db(), 'activities.reminders', {}, { uniqueKey: 'r4' });
      await t.app.services.jobs.runDue();
      assert.equal(await sent('activities.reminder_soon'), 1);
      assert.equal(await sent('activities.reminder_day'), 1);
    });

    it('serves a personal iCal feed by an unguessable token', async () => {
      const path = (await vol('GET', '/api/activities/mine/feed')).json().path as string;
      assert.match(path, new RegExp(`^/api/activities/feed/${t.a.id}/[A-Za-z0-9_-]{32}\\.ics$`));
      const feed = await t.app.inject({ method: 'GET', url: path });
      assert.equal(feed.statusCode, 200);
      assert.match(feed.headers['content-type'] as string, /text\/calendar/);
      assert.match(feed.body, /BEGIN:VEVENT[\s\S]*SUMMARY:中秋做月饼 · 厨房组/);
      const renewed = (await vol('POST', '/api/activities/mine/feed')).json().path;
      assert.notEqual(renewed, path);
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
    });

    it('takes a PNG or JPEG poster sniffed by its bytes, and refuses anything else', async () => {
      const { id } = await activity(5);
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(40),
      ]).toString('base64');
      const ok = await staff('POST', `/api/activities/${id}/images`, { role: 'poster', data: png });
      assert.equal(ok.statusCode, 201, ok.body);
      const img = await vol('GET', `/api/activities/${id}/images/${ok.json().id}`);
      assert.equal(img.headers['content-type'], 'image/png');
      const gif = await staff('POST', `/api/activities/${id}/images`, {
        role: 'poster',
        data: Buffer.from('GIF89a....').toString('base64'),
      });
      assert.equal(gif.statusCode, 400);
      assert.match(gif.json().error.details.fields[0].message, /PNG 或 JPEG/);
      const big = await staff('POST', `/api/activities/${id}/images`, {
        role: 'photo',
        data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(600 * 1024)]).toString('base64'),
      });
      assert.ok([400, 413].includes(big.statusCode), big.body);
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().posterId, ok.json().id);
    });

    it('keeps a performance programme and counts shows per team and year', async () => {
      const year = Number(tomorrow().slice(0, 4));
      const { id } = await activity(5, { kind: 'performance', title: '秦腔专场', organiserTeamId: teamId });
      const res = await staff('PUT', `/api/activities/${id}/programme`, {
        audienceCount: 230,
        items: [
          { title: '秦腔《三滴血》', genre: '秦腔', performers: '秦腔自乐班' },
          { title: '《为了谁》', genre: '舞蹈', performers: '舞蹈队' },
          { title: '《一心一意说志愿》', genre: '快板', performers: '张大爷' },
        ],
      });
      assert.equal(res.statusCode, 204, res.body);
      const d = (await staff('GET', `/api/activities/${id}`)).json();
      assert.deepEqual(
        d.programme.map((p: any) => p.title),
        ['秦腔《三滴血》', '《为了谁》', '《一心一意说志愿》'],
      );
      assert.equal(d.audienceCount, 230);
      const shows = (await staff('GET', `/api/activities/performances/shows?year=${year}`)).json();
      assert.deepEqual(
        shows.find((s: any) => s.teamId === teamId),
        { teamId, teamName: '邻里互助服务队', shows: 1, audience: 230 },
      );
      const { id: plain } = await activity(5);
      assert.equal((await staff('PUT', `/api/activities/${plain}/programme`, { items: [] })).statusCode, 400);
    });

    it('a leader sees only own members elsewhere, never detaches; bad ranges refused, old series clipped', async () => {
      // A staff activity with a member of the leader's team and an outsider signed up: the leader sees the member only.
      const { id, shiftId } = await activity(5);
      assert.equal((await group(id, shiftId, [memberId, outsiderId])).statusCode, 201);
      assert.equal((await staff('GET', `/api/activities/${id}/signups`)).json().length, 2);
      const seen = (await leader('GET', `/api/activities/${id}/signups`)).json();
      assert.deepEqual(
        seen.map((x: any) => x.volunteerId),
        [memberId],
      );
      // The leader's own activity cannot be detached from the team.
      const own = await leader('POST', '/api/activities', {
        title: '楼道清扫',
        place: '3号楼',
        date: tomorrow(),
        shifts: [{ name: '清扫组', start: '09:00', end: '10:00', places: 4 }],
      });
      assert.equal(own.statusCode, 201, own.body);
      // The detail says who runs it, so the console offers the leader edit, copy and the screens only on their own.
      assert.equal((await leader('GET', `/api/activities/${own.json().id}`)).json().youRun, true);
      assert.equal((await leader('GET', `/api/activities/${id}`)).json().youRun, false);
      assert.equal((await staff('GET', `/api/activities/${id}`)).json().youRun, true);
      const detach = await leader('PATCH', `/api/activities/${own.json().id}`, { organiserTeamId: null });
      assert.equal(detach.statusCode, 403);
      assert.equal((await staff('GET', `/api/activities/${own.json().id}`)).json().organiserTeamId, teamId);
      // Dates outside the festival calendar (1950–2100) are a clear 400, not a 500.
      for (const url of [
        '/api/activities/templates?from=2100-12-01&days=120',
        '/api/activities/templates?from=1949-12-01&days=10',
      ]) {
        const r = await staff('GET', url);
        assert.equal(r.statusCode, 400, `${url} → ${r.body}`);
        assert.match(r.json().error.details.fields[0].message, /1950/);
      }
      const far = await staff('POST', '/api/activities/templates/spring_festival', { date: '2200-01-01' });
      assert.equal(far.statusCode, 400, far.body);
      // A series starting long ago makes today's and later activities only, not decades of past ones.
      const before = await count('activity');
      const series = await staff('POST', '/api/activities/series', {
        rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU',
        startDate: '1950-01-01',
        activity: { title: '晨练', place: '广场', shifts: [{ name: '带操', start: '07:00', end: '08:00', places: 3 }] },
      });
      assert.equal(series.statusCode, 201, series.body);
      const made = (await count('activity')) - before;
      assert.ok(made > 80 && made < 100, `${made} activities made`);
    });

    it('keeps another community out', async () => {
      const { id } = await activity(5);
      const other = await signInAs(t, 'staff', 'b');
      assert.equal((await other('GET', `/api/activities/${id}`)).statusCode, 404);
      assert.equal((await other('GET', `/api/activities/${id}/code`)).statusCode, 404);
      assert.ok(!(await other('GET', '/api/activities')).json().some((a: any) => a.id === id));
      void admin;
    });
  });
}
