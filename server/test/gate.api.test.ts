// One gate for every assignment (issue 13), on both databases: every path that puts a volunteer on work — a need
// matched (single and batch), a pairing, an activity shift (staff and self), the 4:30 rota (session and rota), a
// home-care task (create, assign, take), a hospital shift (assign, take), a delivery building — tried against every
// rule of domain/volunteers/work-policy.ts: path × rule → the refusal reason, the allowed case, and a staff
// override where the policy allows one (audited), refused where it does not. And work is never marked done
// before it starts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed } from './factories.ts';
import { insertVolunteer, insureVolunteers } from './volunteer-factories.ts';
import { groupTag } from '../src/modules/registry/tags.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

type Res = Awaited<ReturnType<Client>>;
/** One path: puts volunteer `v` on fresh work of its kind (override optional) and answers the response. */
type Path = (v: string, override?: { reason: string }) => Promise<Res>;

const yearsAgo = (n: number, from: string) => `${Number(from.slice(0, 4)) - n}${from.slice(4, 10)}`;

for (const kind of testDatabaseKinds()) {
  describe(`the one gate on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, vol: Client, volEn: Client;
    const today = todayInShanghai();
    const D = addDays(today, 10); // the day of the timed work
    const db = () => t.db.handle.db;
    const R = (name: string) => t.a.residents[name]!;
    // Volunteers, one per rule.
    const V: Record<string, string> = {};
    let meId: string, courseId: string, trainedTypeId: string, runId: string;
    let dayShifts: string[] = [],
      nightShifts: string[] = [];
    const P: Record<string, Path> = {};

    const newTask = async (kindOf = 'cleaning', dueTime: string | null = '09:00', dueOn = D) => {
      const res = await staff('POST', '/api/homecare/tasks', {
        residentId: R('吕建国'),
        kind: kindOf,
        dueOn,
        dueTime,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const newActivity = async (start: string, end: string) => {
      const res = await staff('POST', '/api/activities', {
        title: `活动 ${start}`,
        place: '西关社区服务站',
        date: D,
        shifts: [{ name: '服务组', start, end, places: 20 }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      const detail = (await staff('GET', `/api/activities/${id}`)).json();
      return { id, shiftId: detail.shifts[0].id as string };
    };
    const newNeed = (row: Record<string, unknown> = {}) =>
      insertNeed(db(), t.a, '吕建国', 3, {
        category: 'household',
        preferred_date: D,
        preferred_start: 9 * 60,
        preferred_end: 10 * 60,
        ...row,
      });
    let sessionDay = 20;
    const newSession = async () => {
      const res = await staff('POST', '/api/classroom/sessions', {
        date: addDays(today, sessionDay++),
        place: '四点半课堂',
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const auditOverrides = async () =>
      (
        await db()
          .selectFrom('audit_log')
          .select(['action', 'detail'])
          .where('action', '=', 'eligibility.override')
          .execute()
      ).length;
    const setMe = (birthDate: string) =>
      db().updateTable('volunteer').set({ birth_date: birthDate }).where('id', '=', meId).execute();

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'community_admin');
      vol = await signInAs(t, 'volunteer');
      volEn = async (method, url, body) => (await vol(method, url, body, { 'accept-language': 'en' })) as Res;
      const add = async (key: string, birthDate: string, guardian = false) => {
        V[key] = await insertVolunteer(db(), t.cipher, t.a.id, { name: `志愿者${key}`, birthDate });
        if (guardian)
          await db()
            .insertInto('volunteer_guardian')
            .values({
              community_id: t.a.id,
              volunteer_id: V[key]!,
              name: '家长',
              phone: '13900000000',
              relation: 'parent',
              consent_at: new Date().toISOString(),
              covers_data: 1,
              state: 'confirmed',
              confirmed_via: 'paper',
            })
            .execute();
      };
      await add('adult', '1985-03-01');
      await add('child12', yearsAgo(12, addDays(today, -30)), true);
      await add('teen16', yearsAgo(16, addDays(today, -30)), true);
      await add('noGuardian', yearsAgo(16, addDays(today, -30)), false);
      await add('uninsured', '1985-03-01');
      await add('away', '1985-03-01');
      await add('untrained', '1985-03-01');
      meId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', birthDate: '1985-03-01' });
      await insureVolunteers(
        db(),
        t.a.id,
        [V.adult!, V.child12!, V.teen16!, V.noGuardian!, V.away!, V.untrained!, meId],
        '2020-01-01',
        '2099-12-31',
      );
      // Away for the next month and on the delivery day.
      for (const [from, to] of [
        [today, addDays(today, 40)],
        ['2026-09-25', '2026-09-25'],
      ])
        await db()
          .insertInto('availability_blackout')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            volunteer_id: V.away!,
            from_date: from!,
            to_date: to!,
            reason: '出差',
          })
          .execute();
      // A kind of service asking for a training course (only the 'adult' volunteer holds it).
      courseId = uuidv7();
      await db()
        .insertInto('training_course')
        .values({
          community_id: t.a.id,
          id: courseId,
          code: 'care',
          title: '照护培训',
          validity_months: null,
          description: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      trainedTypeId = uuidv7();
      await db()
        .insertInto('service_type')
        .values({
          community_id: t.a.id,
          id: trainedTypeId,
          code: 'trained_visit',
          name: '培训后探访',
          min_age: 14,
          max_age: 80,
          min_fitness: 'limited',
          night: 0,
          needs_insurance: 0,
          training_course_id: courseId,
          skill_code: null,
          description: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      for (const v of [V.adult!, V.child12!, V.teen16!, V.noGuardian!, V.away!, V.uninsured!, meId])
        await db()
          .insertInto('training_certificate')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            volunteer_id: v,
            course_id: courseId,
            session_id: null,
            issued_on: today,
            expires_on: null,
            created_at: new Date().toISOString(),
            notified_on: null,
          })
          .execute();
      // A hospital stay with its shifts (08–14, 14–20, 20–08) from day D.
      const stay = await staff('POST', '/api/homecare/stays', {
        residentId: R('吕建国'),
        hospital: '宝鸡市中心医院',
        admittedOn: D,
        expectedDischargeOn: addDays(D, 12),
      });
      assert.equal(stay.statusCode, 201, stay.body);
      const stayId = stay.json().id;
      assert.equal(
        (await staff('POST', `/api/homecare/stays/${stayId}/shifts`, { from: D, to: addDays(D, 12) })).statusCode,
        200,
      );
      const shifts = (await staff('GET', `/api/homecare/stays/${stayId}/shifts`)).json() as Array<any>;
      const hour = (s: any) => new Date(Date.parse(s.startsAt) + 8 * 3600_000).getUTCHours();
      dayShifts = shifts.filter((s) => hour(s) === 8).map((s) => s.id);
      nightShifts = shifts.filter((s) => hour(s) === 20).map((s) => s.id);
      assert.ok(dayShifts.length >= 8 && nightShifts.length >= 8, JSON.stringify(shifts.map(hour)));
      // A delivery run: 李泽钦 (living alone) in 1号楼.
      await db()
        .insertInto('resident_tag')
        .values({ community_id: t.a.id, resident_id: R('李泽钦'), tag: groupTag(t.cipher, t.a.id, 'living_alone') })
        .execute();
      const run = await staff('POST', '/api/homecare/runs', {
        festival: 'mid_autumn_festival',
        year: 2026,
        items: '月饼',
      });
      assert.equal(run.statusCode, 201, run.body);
      runId = run.json().id;

      // The staff paths, each on fresh work.
      P.need = async (v, override) =>
        staff('POST', `/api/needs/${await newNeed()}/match`, { volunteerId: v, ...(override && { override }) });
      P.overnightNeed = async (v, override) =>
        staff('POST', `/api/needs/${await newNeed({ preferred_start: 4 * 60, preferred_end: 6 * 60 })}/match`, {
          volunteerId: v,
          ...(override && { override }),
        });
      P.pairing = (v, override) =>
        staff('POST', '/api/pairings', {
          volunteerId: v,
          residentId: R('吕建国'),
          item: 'other',
          itemNote: uuidv7(),
          place: '2号楼1单元104',
          rrule: 'FREQ=WEEKLY;BYDAY=TU',
          startsOn: today,
          ...(override && { override }),
        });
      P.childPairing = (v) =>
        staff('POST', '/api/pairings', {
          volunteerId: v,
          residentId: R('曾小红'),
          item: 'other',
          itemNote: uuidv7(),
          place: '学习室',
          rrule: 'FREQ=WEEKLY;BYDAY=SA',
          startsOn: today,
        });
      P.trainedPairing = (v, override) =>
        staff('POST', '/api/pairings', {
          volunteerId: v,
          residentId: R('吕建国'),
          item: 'other',
          itemNote: uuidv7(),
          place: '2号楼1单元104',
          rrule: 'FREQ=WEEKLY;BYDAY=WE',
          startsOn: today,
          serviceTypeId: trainedTypeId,
          ...(override && { override }),
        });
      P.activity = async (v) => {
        const a = await newActivity('09:00', '11:00');
        return staff('POST', `/api/activities/${a.id}/signups`, { shiftId: a.shiftId, volunteerIds: [v] });
      };
      P.lateActivity = async (v) => {
        const a = await newActivity('22:05', '23:00');
        return staff('POST', `/api/activities/${a.id}/signups`, { shiftId: a.shiftId, volunteerIds: [v] });
      };
      P.session = (v) =>
        staff('POST', '/api/classroom/sessions', {
          date: addDays(today, sessionDay++),
          place: '四点半课堂',
          volunteerIds: [v],
        });
      P.rota = async (v, override) =>
        staff('PUT', `/api/classroom/sessions/${await newSession()}/rota`, {
          volunteerIds: [v],
          ...(override && { override }),
        });
      P.task = async (v, override) =>
        staff('POST', `/api/homecare/tasks/${await newTask()}/assign`, {
          volunteerId: v,
          ...(override && { override }),
        });
      P.createTask = (v, override) =>
        staff('POST', '/api/homecare/tasks', {
          residentId: R('吕建国'),
          kind: 'cleaning',
          dueOn: D,
          dueTime: '10:00',
          volunteerId: v,
          ...(override && { override }),
        });
      P.bathing = async (v, override) =>
        staff('POST', `/api/homecare/tasks/${await newTask('bathing')}/assign`, {
          volunteerId: v,
          ...(override && { override }),
        });
      P.dayShift = (v, override) =>
        staff('POST', `/api/homecare/shifts/${dayShifts.shift()}/assign`, {
          volunteerId: v,
          ...(override && { override }),
        });
      P.nightShift = (v, override) =>
        staff('POST', `/api/homecare/shifts/${nightShifts.shift()}/assign`, {
          volunteerId: v,
          ...(override && { override }),
        });
      P.delivery = (v, override) =>
        staff('POST', `/api/homecare/runs/${runId}/assign`, {
          building: '1号楼',
          volunteerIds: [v],
          ...(override && { override }),
        });
    });
    after(async () => {
      await t.close();
    });

    // path × rule → the refusal reason (the answer is 409 and names it); null: allowed.
    const TABLE: Array<[path: string, volunteer: string, expect: string | null]> = [
      // The allowed case on every path.
      ...[
        'need',
        'pairing',
        'activity',
        'session',
        'rota',
        'task',
        'createTask',
        'bathing',
        'dayShift',
        'nightShift',
        'delivery',
      ].map((p) => [p, 'adult', null] as [string, string, null]),
      // Age bands.
      ['need', 'child12', 'too_young'],
      ['session', 'child12', 'too_young'],
      ['rota', 'child12', 'too_young'],
      ['task', 'child12', 'too_young'],
      ['dayShift', 'teen16', 'too_young'],
      // Minors: hospital shifts, overnight, after 21:00, personal care, alone with an adult.
      ['dayShift', 'child12', 'minor_hospital'],
      ['nightShift', 'teen16', 'minor_overnight'],
      ['nightShift', 'teen16', 'minor_hospital'],
      ['lateActivity', 'child12', 'minor_late_hours'],
      ['lateActivity', 'teen16', 'minor_late_hours'],
      ['bathing', 'teen16', 'minor_personal_care'],
      ['createTask', 'teen16', 'minor_alone_with_adult'],
      ['task', 'teen16', 'minor_alone_with_adult'],
      ['pairing', 'teen16', 'minor_alone_with_adult'],
      ['pairing', 'child12', 'minor_alone_with_adult'],
      ['need', 'teen16', 'too_young'],
      // Guardian consent.
      ['activity', 'noGuardian', 'guardian_missing'],
      ['delivery', 'noGuardian', 'guardian_missing'],
      ['rota', 'noGuardian', 'guardian_missing'],
      // Insurance: hospital shifts and overnight work.
      ['dayShift', 'uninsured', 'insurance_missing'],
      ['nightShift', 'uninsured', 'insurance_missing'],
      ['overnightNeed', 'uninsured', 'insurance_missing'],
      // Availability and blackouts.
      ['need', 'away', 'blackout'],
      ['rota', 'away', 'blackout'],
      ['task', 'away', 'blackout'],
      ['dayShift', 'away', 'blackout'],
      ['delivery', 'away', 'blackout'],
      // Training.
      ['trainedPairing', 'untrained', 'training_missing'],
      // Allowed: a minor in a daytime group activity, delivering, or with a child resident.
      ['activity', 'child12', null],
      ['delivery', 'teen16', null],
      ['childPairing', 'teen16', null],
      ['need', 'uninsured', null],
    ];

    it('tries every path against every rule: refused with the reason, or allowed', async () => {
      const failures: string[] = [];
      for (const [path, who, expect] of TABLE) {
        const res = await P[path]!(V[who]!);
        const label = `${path} × ${who}`;
        if (expect === null) {
          if (res.statusCode >= 300) failures.push(`${label}: expected allowed, got ${res.statusCode} ${res.body}`);
          continue;
        }
        const reasons: string[] = res.json()?.error?.details?.reasons ?? [];
        if (res.statusCode !== 409 || !reasons.includes(expect))
          failures.push(`${label}: expected 409 ${expect}, got ${res.statusCode} ${res.body}`);
      }
      assert.deepEqual(failures, []);
    });

    it('staff override availability and training with a reason, audited; never minors’ safety or consent', async () => {
      const before = await auditOverrides();
      const override = { reason: '电话确认当天可以来' };
      const overridable: Array<[string, string]> = [
        ['need', 'away'],
        ['rota', 'away'],
        ['task', 'away'],
        ['createTask', 'away'],
        ['dayShift', 'away'],
        ['delivery', 'away'],
        ['trainedPairing', 'untrained'],
      ];
      for (const [path, who] of overridable) {
        const res = await P[path]!(V[who]!, override);
        assert.ok(res.statusCode < 300, `${path} × ${who} with override: ${res.statusCode} ${res.body}`);
      }
      assert.equal(await auditOverrides(), before + overridable.length);
      const row = await db()
        .selectFrom('audit_log')
        .select(['detail', 'entity_type'])
        .where('action', '=', 'eligibility.override')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(String(row.detail), /电话确认当天可以来/);

      const never: Array<[string, string]> = [
        ['nightShift', 'teen16'],
        ['bathing', 'teen16'],
        ['pairing', 'child12'],
        ['rota', 'child12'],
        ['delivery', 'noGuardian'],
        ['dayShift', 'uninsured'],
      ];
      for (const [path, who] of never) {
        const res = await P[path]!(V[who]!, override);
        assert.equal(res.statusCode, 409, `${path} × ${who}: ${res.body}`);
        assert.equal(res.json().error.code, 'work_override_refused', res.body);
        assert.equal(res.json().error.details.overridable, false);
      }
      assert.equal(await auditOverrides(), before + overridable.length, 'a refused override records nothing');
      // An override needs a reason.
      const blank = await P.task!(V.away!, { reason: ' ' });
      assert.equal(blank.statusCode, 400, blank.body);
    });

    it('self-service takes and sign-ups pass the same gate, and the refusal speaks the user’s language', async () => {
      await setMe(yearsAgo(12, addDays(today, -30)));
      await db()
        .insertInto('volunteer_guardian')
        .values({
          community_id: t.a.id,
          volunteer_id: meId,
          name: '家长',
          phone: '13900000001',
          relation: 'parent',
          consent_at: new Date().toISOString(),
          covers_data: 1,
          state: 'confirmed',
          confirmed_via: 'paper',
        })
        .execute();
      const shift = nightShifts[0]!;
      const takeShift = await volEn('POST', `/api/homecare/mine/shifts/${shift}/take`);
      assert.equal(takeShift.statusCode, 409, takeShift.body);
      assert.deepEqual(
        ['minor_hospital', 'minor_overnight'].filter((r) => takeShift.json().error.details.reasons.includes(r)),
        ['minor_hospital', 'minor_overnight'],
      );
      assert.match(takeShift.json().error.message, /minors do not take hospital shifts/);
      const zh = await vol('POST', `/api/homecare/mine/shifts/${shift}/take`);
      assert.match(zh.json().error.message, /未成年人不能参加住院陪护/);
      const bathing = await newTask('bathing');
      const takeTask = await vol('POST', `/api/homecare/mine/tasks/${bathing}/take`);
      assert.equal(takeTask.statusCode, 409, takeTask.body);
      assert.ok(takeTask.json().error.details.reasons.includes('minor_personal_care'));
      const late = await newActivity('22:05', '23:00');
      const join = await vol('POST', `/api/activities/${late.id}/join`, { shiftId: late.shiftId });
      assert.equal(join.statusCode, 409, join.body);
      assert.ok(join.json().error.details.reasons.includes('minor_late_hours'));
      // Grown up (and insured), the same takes pass.
      await setMe('1985-03-01');
      assert.equal((await vol('POST', `/api/homecare/mine/shifts/${shift}/take`)).statusCode, 200);
      assert.equal((await vol('POST', `/api/homecare/mine/tasks/${bathing}/take`)).statusCode, 200);
      assert.equal(
        (await vol('POST', `/api/activities/${late.id}/join`, { shiftId: late.shiftId })).statusCode < 300,
        true,
      );
    });

    it('batch matching never proposes a volunteer the gate refuses', async () => {
      await newNeed();
      await newNeed({ preferred_start: 4 * 60, preferred_end: 6 * 60 });
      const res = await staff('POST', '/api/needs/batch-match', { loadCap: 5, apply: false });
      assert.equal(res.statusCode, 200, res.body);
      const refused = new Set([V.child12, V.teen16, V.noGuardian, V.away]);
      const proposed = res.json().assignments as Array<{ volunteerId: string }>;
      assert.ok(proposed.length > 0, res.body);
      assert.deepEqual(
        proposed.filter((a) => refused.has(a.volunteerId)),
        [],
      );
      const applied = await staff('POST', '/api/needs/batch-match', { loadCap: 5, apply: true });
      assert.equal(applied.statusCode, 200, applied.body);
      const matched = await db()
        .selectFrom('need')
        .select(['volunteer_id'])
        .where('community_id', '=', t.a.id)
        .where('id', 'in', applied.json().applied.length ? applied.json().applied : ['-'])
        .execute();
      for (const m of matched) assert.ok(!refused.has(m.volunteer_id!), 'an ineligible volunteer was applied');
    });

    it('work is never marked done before it starts', async () => {
      // A home-care task due on D, done today.
      const task = await newTask('cleaning', null);
      assert.equal(
        (await staff('POST', `/api/homecare/tasks/${task}/assign`, { volunteerId: V.adult })).statusCode,
        200,
      );
      const early = await staff('POST', `/api/homecare/tasks/${task}/done`, { minutes: 60 });
      assert.equal(early.statusCode, 409, early.body);
      assert.equal(early.json().error.code, 'work_not_started');
      assert.match(early.json().error.message, new RegExp(D));
      // A task due today is done today.
      const now = await newTask('cleaning', null, today);
      await staff('POST', `/api/homecare/tasks/${now}/assign`, { volunteerId: V.adult });
      assert.equal((await staff('POST', `/api/homecare/tasks/${now}/done`, { minutes: 60 })).statusCode, 200);
      // A need whose visit is on D.
      const need = await newNeed({
        status: 'in_progress',
        volunteer_id: V.adult,
        matched_at: new Date().toISOString(),
      });
      const done = await staff('POST', `/api/needs/${need}/move`, { to: 'done' });
      assert.equal(done.statusCode, 409, done.body);
      assert.equal(done.json().error.code, 'work_not_started');
      // A hospital shift on D, a pairing visit dated D, a classroom session on D: all refused.
      const shiftDone = await staff('POST', `/api/homecare/shifts/${dayShifts[0]}/done`, {});
      assert.ok([404, 409].includes(shiftDone.statusCode), shiftDone.body);
      const session = await newSession();
      const close = await staff('POST', `/api/classroom/sessions/${session}/close`, { presentVolunteerIds: [] });
      assert.equal(close.statusCode, 400, close.body);
      assert.match(close.body, /sessionId/);
    });
  });
}
