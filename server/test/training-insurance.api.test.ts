// Training (courses, sessions, capacity, attendance, certificates with expiry), insurance (age limits,
// expiring cover), availability validation and the daily expiry notices — on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAll, startTestApp, insertAccountVolunteer, fieldErrors, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { addMonths } from '../src/modules/training/training.service.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`training, insurance and availability on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let me: Client;
    let resident: Client;
    let myId: string, adultId: string, childId: string, elderId: string;
    const today = todayInShanghai();
    const plusYears = (n: number) => addMonths(today, -12 * n);

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      [admin, me, resident] = await signInAll(t, ['community_admin', 'volunteer', 'resident']);
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '张志愿',
        birthDate: plusYears(30),
      });
      adultId = await insertVolunteer(db, t.cipher, t.a.id, { name: '王成年', birthDate: addDays(plusYears(30), -40) });
      childId = await insertVolunteer(db, t.cipher, t.a.id, { name: '李小童', birthDate: addDays(plusYears(9), -40) });
      elderId = await insertVolunteer(db, t.cipher, t.a.id, { name: '赵老伯', birthDate: addDays(plusYears(75), -40) });
    });
    after(async () => {
      await t.close();
    });

    it('certifies attendance, expiring validity_months after the session, and lists it as expiring', async () => {
      const course = await admin('POST', '/api/training/courses', {
        code: 'dementia',
        title: '失智老人照护',
        validityMonths: 12,
      });
      assert.equal(course.statusCode, 201, course.body);
      // Held 12 months less 10 days ago: the certificate runs out in 10 days.
      const sessionDate = addDays(addMonths(today, -12), 10);
      const s = await admin('POST', '/api/training/sessions', {
        courseId: course.json().id,
        startsAt: `${sessionDate}T01:00:00.000Z`,
        endsAt: `${sessionDate}T03:00:00.000Z`,
        place: '社区活动室',
        trainer: '刘护士',
        capacity: 20,
      });
      assert.equal(s.statusCode, 201, s.body);
      const sessionId = s.json().id;
      assert.equal(
        (await admin('POST', `/api/training/sessions/${sessionId}/attendance`, { volunteerId: adultId })).statusCode,
        204,
      );
      const again = await admin('POST', `/api/training/sessions/${sessionId}/attendance`, { volunteerId: adultId });
      assert.equal(again.statusCode, 409);
      const marked = await admin('PUT', `/api/training/sessions/${sessionId}/attendance/${adultId}`, {
        status: 'attended',
      });
      assert.equal(marked.statusCode, 200, marked.body);
      assert.equal(marked.json().certificate.issuedOn, sessionDate);
      assert.equal(marked.json().certificate.expiresOn, addMonths(sessionDate, 12));
      // Marking twice does not issue a second certificate.
      assert.equal(
        (await admin('PUT', `/api/training/sessions/${sessionId}/attendance/${adultId}`, { status: 'attended' })).json()
          .certificate.id,
        marked.json().certificate.id,
      );
      const list = (await admin('GET', `/api/training/sessions/${sessionId}/attendance`)).json();
      assert.deepEqual(
        list.map((a: any) => [a.name, a.status]),
        [['王成年', 'attended']],
      );
      const expiring = (await admin('GET', '/api/training/expiring?days=30')).json();
      assert.deepEqual(
        expiring.items.map((c: any) => [c.volunteerName, c.courseCode, c.expiresOn]),
        [['王成年', 'dementia', addMonths(sessionDate, 12)]],
      );
      assert.equal(expiring.total, 1);
      assert.equal((await admin('GET', '/api/training/expiring?days=5')).json().total, 0);
      assert.equal(
        (await admin('GET', `/api/training/expiring?days=30&q=${encodeURIComponent('无此人')}`)).json().total,
        0,
      );
      assert.equal(
        (await admin('GET', `/api/training/expiring?days=30&q=${encodeURIComponent('成年')}`)).json().total,
        1,
      );
      const certs = (await admin('GET', `/api/training/certificates?volunteerId=${adultId}`)).json();
      assert.equal(certs.length, 1);
      // Absent withdraws the certificate.
      await admin('PUT', `/api/training/sessions/${sessionId}/attendance/${adultId}`, { status: 'absent' });
      assert.equal((await admin('GET', `/api/training/certificates?volunteerId=${adultId}`)).json().length, 0);
      await admin('PUT', `/api/training/sessions/${sessionId}/attendance/${adultId}`, { status: 'attended' });
    });

    it('never signs up more volunteers than the session holds, even under 10 concurrent requests', async () => {
      const course = (
        await admin('POST', '/api/training/courses', { code: 'first-aid', title: '急救培训', validityMonths: 24 })
      ).json();
      const day = addDays(today, 7);
      const s = (
        await admin('POST', '/api/training/sessions', {
          courseId: course.id,
          startsAt: `${day}T01:00:00Z`,
          endsAt: `${day}T03:00:00Z`,
          place: '卫生服务站',
          capacity: 3,
        })
      ).json();
      const ids: string[] = [];
      for (let i = 0; i < 10; i++)
        ids.push(
          await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: `报名者${'一二三四五六七八九十'[i]}` }),
        );
      const results = await Promise.all(
        ids.map((volunteerId) => admin('POST', `/api/training/sessions/${s.id}/attendance`, { volunteerId })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [204, 204, 204, 409, 409, 409, 409, 409, 409, 409]);
      assert.ok(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'session_full'));
      assert.match(results.find((r) => r.statusCode === 409)!.json().error.message, /报满/);
      const sessions = (await admin('GET', `/api/training/sessions?courseId=${course.id}`)).json();
      assert.equal(sessions.items[0].signedUp, 3);
      assert.equal(sessions.total, 1);
      const firstPage = (await admin('GET', '/api/training/sessions?pageSize=1')).json();
      assert.equal(firstPage.items.length, 1);
      assert.ok(firstPage.total >= 1);
      // A volunteer signs themself up only while there is room.
      const self = await me('POST', `/api/training/sessions/${s.id}/signup`);
      assert.equal(self.statusCode, 409);
      assert.equal(self.json().error.code, 'session_full');
    });

    it('lets a volunteer sign themself up for a session, and refuses a resident', async () => {
      const courses = (await admin('GET', '/api/training/courses')).json();
      const day = addDays(today, 3);
      const s = (
        await admin('POST', '/api/training/sessions', {
          courseId: courses[0].id,
          startsAt: `${day}T01:00:00Z`,
          endsAt: `${day}T02:00:00Z`,
          place: '党群服务中心',
        })
      ).json();
      assert.equal((await me('POST', `/api/training/sessions/${s.id}/signup`)).statusCode, 204);
      // A resident may manage a volunteer record of their own, but has none: told so, and nothing is written.
      const refused = await resident('POST', `/api/training/sessions/${s.id}/signup`);
      assert.equal(refused.statusCode, 404);
      assert.equal(refused.json().error.code, 'not_found');
      const bad = await admin('POST', '/api/training/sessions', {
        courseId: courses[0].id,
        startsAt: `${day}T05:00:00Z`,
        endsAt: `${day}T04:00:00Z`,
        place: '党群服务中心',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.fields[0].field, 'endsAt');
    });

    it('refuses to cover a volunteer outside the policy’s ages, and lists cover running out', async () => {
      const p = await admin('POST', '/api/insurance/policies', {
        insurer: '中国人寿',
        policyNo: 'ZY-2026-001',
        startsOn: addDays(today, -300),
        endsOn: addDays(today, 20),
        cover: '志愿服务意外伤害 10 万元',
        minAge: 16,
        maxAge: 70,
      });
      assert.equal(p.statusCode, 201, p.body);
      const policyId = p.json().id;
      for (const id of [childId, elderId]) {
        const res = await admin('POST', `/api/insurance/policies/${policyId}/covered`, { volunteerId: id });
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'outside_policy_ages');
        assert.match(res.json().error.message, /不在该保单承保的年龄范围内/);
      }
      assert.equal(
        (await admin('POST', `/api/insurance/policies/${policyId}/covered`, { volunteerId: adultId })).statusCode,
        204,
      );
      assert.equal(
        (await admin('POST', `/api/insurance/policies/${policyId}/covered`, { volunteerId: myId })).statusCode,
        204,
      );
      const covered = (await admin('GET', `/api/insurance/policies/${policyId}/covered`)).json();
      assert.deepEqual(covered.items.map((c: any) => c.volunteerName).sort(), ['张志愿', '王成年'].sort());
      assert.equal(covered.total, 2);
      // Paged, and searched by name.
      const onePage = (await admin('GET', `/api/insurance/policies/${policyId}/covered?pageSize=1&page=2`)).json();
      assert.equal(onePage.items.length, 1);
      assert.equal(onePage.total, 2);
      const named = (
        await admin('GET', `/api/insurance/policies/${policyId}/covered?q=${encodeURIComponent('成年')}`)
      ).json();
      assert.deepEqual(
        named.items.map((c: any) => c.volunteerName),
        ['王成年'],
      );
      assert.equal((await admin('DELETE', `/api/insurance/policies/${policyId}/covered/${myId}`)).statusCode, 204);
      const expiring = (await admin('GET', '/api/insurance/expiring?days=30')).json();
      assert.equal(expiring.total, 1);
      assert.deepEqual(
        expiring.items.map((c: any) => [c.volunteerName, c.endsOn]),
        [['王成年', addDays(today, 20)]],
      );
      const bad = await admin('POST', '/api/insurance/policies', {
        insurer: '人保',
        policyNo: 'X-1',
        startsOn: today,
        endsOn: addDays(today, -1),
        cover: '意外',
        minAge: 50,
        maxAge: 20,
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['endsOn', 'maxAge']);
    });

    it('sends one expiry notice per volunteer per item, never twice', async () => {
      await enqueueJob(t.db.handle.db, 'volunteers.expiry_notices', {});
      assert.equal(await t.app.services.jobs.runDue(), 1);
      const sent = async () =>
        await t.db.handle.db
          .selectFrom('notification_outbox')
          .select(['template', 'recipient'])
          .where('template', 'in', ['training.expiring', 'insurance.expiring'])
          .execute();
      const first = await sent();
      assert.deepEqual(first.map((m) => m.template).sort(), ['insurance.expiring', 'training.expiring']);
      await enqueueJob(t.db.handle.db, 'volunteers.expiry_notices', {});
      assert.equal(await t.app.services.jobs.runDue(), 1);
      assert.equal((await sent()).length, 2);
      const job = await t.db.handle.db
        .selectFrom('job')
        .select(['status'])
        .where('kind', '=', 'volunteers.expiry_notices')
        .execute();
      assert.ok(job.every((j) => j.status === 'done'));
    });

    it('keeps weekly slots and blackout dates, refusing bad input clearly', async () => {
      const put = (who: typeof admin, id: string, slots: unknown) =>
        who('PUT', `/api/volunteers/${id}/availability`, { slots });
      const endFirst = await put(me, myId, [{ weekday: 1, startMinute: 600, endMinute: 540 }]);
      assert.equal(endFirst.statusCode, 400);
      assert.deepEqual(
        endFirst.json().error.details.fields.map((f: any) => [f.field, f.message]),
        [['slots.0.endMinute', '结束不能早于开始']],
      );
      const overlap = await put(me, myId, [
        { weekday: 2, startMinute: 480, endMinute: 720 },
        { weekday: 2, startMinute: 600, endMinute: 900 },
      ]);
      assert.equal(overlap.statusCode, 400);
      assert.equal(overlap.json().error.details.fields[0].message, '与同一天的另一个时间段重叠');
      const outside = await put(me, myId, [{ weekday: 3, startMinute: -10, endMinute: 1500 }]);
      assert.equal(outside.statusCode, 400);
      assert.ok(outside.json().error.details.fields.every((f: any) => f.message === '时间应在 00:00 到 24:00 之间'));
      assert.equal((await put(me, myId, [{ weekday: 8, startMinute: 0, endMinute: 60 }])).statusCode, 400);
      // Touching slots are fine; the volunteer edits their own, staff anyone's, nobody else's.
      assert.equal(
        (
          await put(me, myId, [
            { weekday: 6, startMinute: 540, endMinute: 720 },
            { weekday: 6, startMinute: 720, endMinute: 1020 },
            { weekday: 1, startMinute: 1080, endMinute: 1440 },
          ])
        ).statusCode,
        204,
      );
      assert.equal((await put(me, adultId, [])).statusCode, 403);
      assert.equal((await put(resident, myId, [])).statusCode, 403);
      assert.equal((await put(admin, adultId, [{ weekday: 1, startMinute: 0, endMinute: 1440 }])).statusCode, 204);
      const bad = await me('POST', `/api/volunteers/${myId}/availability/blackouts`, {
        fromDate: addDays(today, 5),
        toDate: addDays(today, 2),
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.fields[0].field, 'toDate');
      const b = await me('POST', `/api/volunteers/${myId}/availability/blackouts`, {
        fromDate: addDays(today, 2),
        toDate: addDays(today, 5),
        reason: '回老家',
      });
      assert.equal(b.statusCode, 201, b.body);
      const mine = (await me('GET', '/api/me/availability')).json();
      assert.equal(mine.volunteerId, myId);
      assert.deepEqual(
        mine.slots.map((s: any) => [s.weekday, s.startMinute, s.endMinute]),
        [
          [1, 1080, 1440],
          [6, 540, 720],
          [6, 720, 1020],
        ],
      );
      assert.deepEqual(
        mine.blackouts.map((x: any) => x.reason),
        ['回老家'],
      );
      assert.equal(
        (await me('DELETE', `/api/volunteers/${myId}/availability/blackouts/${b.json().id}`)).statusCode,
        204,
      );
      assert.equal((await admin('GET', `/api/volunteers/${myId}/availability`)).json().blackouts.length, 0);
    });
  });
}
