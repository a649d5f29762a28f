// Service types and who may be offered them: age, night work for minors, fitness, training, insurance,
// availability and blackout dates, bounded by the caller's scope — on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertUnit, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { addMonths } from '../src/modules/training/training.service.ts';
import { addDays, todayInShanghai, weekdayOf } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`service types and eligibility on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let coordinator: Client;
    const today = todayInShanghai();
    const shiftDay = addDays(today, 10);
    const ids = {} as Record<
      'nurse' | 'child' | 'uninsured' | 'busy' | 'away' | 'untrained' | 'unitMember' | 'otherDay',
      string
    >;
    let nightShift: string;

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      admin = await signInAs(t, 'community_admin');
      const unitId = await insertUnit(db, t.a.id, '宝鸡市第一中学');
      await setMembershipScope(db, t.a.id, t.a.phones.unit_coordinator, { unitId });
      coordinator = await signInAs(t, 'unit_coordinator');
      const adult = addMonths(today, -12 * 35);
      ids.nurse = await insertVolunteer(db, t.cipher, t.a.id, { name: '陈护理', birthDate: adult });
      ids.child = await insertVolunteer(db, t.cipher, t.a.id, {
        name: '小明',
        birthDate: addDays(addMonths(today, -12 * 9), -30),
      });
      await db
        .insertInto('volunteer_guardian')
        .values({
          community_id: t.a.id,
          volunteer_id: ids.child,
          name: '小明妈妈',
          phone: '13911112222',
          relation: 'mother',
          consent_at: new Date().toISOString(),
          covers_data: 1,
          state: 'confirmed',
          confirmed_via: 'paper',
        })
        .execute();
      ids.uninsured = await insertVolunteer(db, t.cipher, t.a.id, { name: '无保险', birthDate: adult });
      ids.busy = await insertVolunteer(db, t.cipher, t.a.id, { name: '白天忙', birthDate: adult });
      ids.away = await insertVolunteer(db, t.cipher, t.a.id, { name: '出远门', birthDate: adult });
      ids.otherDay = await insertVolunteer(db, t.cipher, t.a.id, { name: '换一天', birthDate: adult });
      ids.untrained = await insertVolunteer(db, t.cipher, t.a.id, { name: '未培训', birthDate: adult });
      ids.unitMember = await insertVolunteer(db, t.cipher, t.a.id, { name: '一中老师', birthDate: adult, unitId });

      // Dementia-care training (everyone but `untrained`), cover (everyone but `uninsured`), slots and a blackout.
      const course = (
        await admin('POST', '/api/training/courses', { code: 'escort', title: '住院陪护培训', validityMonths: 24 })
      ).json();
      const past = addDays(today, -30);
      const session = (
        await admin('POST', '/api/training/sessions', {
          courseId: course.id,
          startsAt: `${past}T01:00:00Z`,
          endsAt: `${past}T03:00:00Z`,
          place: '人民医院',
        })
      ).json();
      const policy = (
        await admin('POST', '/api/insurance/policies', {
          insurer: '中国人寿',
          policyNo: 'P-1',
          startsOn: addDays(today, -10),
          endsOn: addDays(today, 300),
          cover: '意外伤害',
          minAge: 8,
          maxAge: 75,
        })
      ).json();
      for (const [k, id] of Object.entries(ids)) {
        if (k !== 'untrained') {
          assert.equal(
            (await admin('POST', `/api/training/sessions/${session.id}/attendance`, { volunteerId: id })).statusCode,
            204,
          );
          assert.equal(
            (await admin('PUT', `/api/training/sessions/${session.id}/attendance/${id}`, { status: 'attended' }))
              .statusCode,
            200,
          );
        }
        if (k !== 'uninsured')
          assert.equal(
            (await admin('POST', `/api/insurance/policies/${policy.id}/covered`, { volunteerId: id })).statusCode,
            204,
            k,
          );
      }
      const wd = weekdayOf(shiftDay);
      assert.equal(
        (
          await admin('PUT', `/api/volunteers/${ids.busy}/availability`, {
            slots: [{ weekday: wd, startMinute: 480, endMinute: 720 }],
          })
        ).statusCode,
        204,
      );
      assert.equal(
        (
          await admin('PUT', `/api/volunteers/${ids.nurse}/availability`, {
            slots: [{ weekday: wd, startMinute: 1200, endMinute: 1440 }],
          })
        ).statusCode,
        204,
      );
      // Free all night, but only the day after the shift: stated slots on other days do not make them free.
      assert.equal(
        (
          await admin('PUT', `/api/volunteers/${ids.otherDay}/availability`, {
            slots: [{ weekday: (wd % 7) + 1, startMinute: 0, endMinute: 1440 }],
          })
        ).statusCode,
        204,
      );
      assert.equal(
        (
          await admin('POST', `/api/volunteers/${ids.away}/availability/blackouts`, {
            fromDate: addDays(shiftDay, -1),
            toDate: addDays(shiftDay, 1),
          })
        ).statusCode,
        201,
      );

      const st = await admin('POST', '/api/service-types', {
        code: 'hospital-night',
        name: '陪护住院夜班',
        minAge: 18,
        maxAge: 70,
        minFitness: 'good',
        night: true,
        needsInsurance: true,
        trainingCourseId: course.id,
      });
      assert.equal(st.statusCode, 201, st.body);
      nightShift = st.json().id;
    });
    after(async () => {
      await t.close();
    });

    const eligible = (who: Client, q = `date=${shiftDay}&start=22:00&end=24:00`) =>
      who('GET', `/api/service-types/${nightShift}/eligible?${q}`);
    const reasonsOf = (items: any[], name: string) => items.find((i) => i.name === name)?.reasons;

    it('never offers a 9-year-old the hospital night shift, and says why for everyone else', async () => {
      const res = await eligible(admin);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.total, 8);
      // Eligible first, each part in pinyin order (chen… before yi…).
      assert.deepEqual(
        body.items.filter((i: any) => i.eligible).map((i: any) => i.name),
        ['陈护理', '一中老师'],
      );
      assert.equal(body.eligibleCount, 2);
      assert.deepEqual(reasonsOf(body.items, '小明'), ['too_young', 'minor_at_night']);
      assert.deepEqual(reasonsOf(body.items, '无保险'), ['insurance_missing']);
      assert.deepEqual(reasonsOf(body.items, '未培训'), ['training_missing']);
      assert.deepEqual(reasonsOf(body.items, '白天忙'), ['unavailable']);
      assert.deepEqual(reasonsOf(body.items, '出远门'), ['blackout']);
      assert.deepEqual(reasonsOf(body.items, '换一天'), ['unavailable']);
      assert.equal(body.items.find((i: any) => i.name === '陈护理').age, 35);
      // Eligible volunteers come first; eligibleOnly and paging.
      assert.ok(body.items[0].eligible && body.items[1].eligible && !body.items[2].eligible);
      const only = (
        await eligible(admin, `date=${shiftDay}&start=22:00&end=24:00&eligibleOnly=true&pageSize=1`)
      ).json();
      assert.equal(only.total, 2);
      assert.equal(only.items.length, 1);
      // Without a time, the standing requirements alone.
      const standing = (await eligible(admin, '')).json();
      assert.equal(standing.eligibleCount, 5);
      assert.ok(standing.items.find((i: any) => i.name === '小明').reasons.includes('minor_at_night'));
    });

    it('offers EligibilityService.check to other modules', async () => {
      const r = await t.app.services.eligibility.check(
        t.a.id,
        nightShift,
        [ids.child, ids.nurse, ids.uninsured, '01900000-0000-7000-8000-000000000000'],
        { date: shiftDay, startMinute: 22 * 60, endMinute: 24 * 60 },
      );
      assert.deepEqual(
        r.map((x) => [x.volunteerId, x.eligible]),
        [
          [ids.child, false],
          [ids.nurse, true],
          [ids.uninsured, false],
        ],
      );
      assert.ok(r[0]!.reasons.includes('too_young'));
      assert.deepEqual(r[2]!.reasons, ['insurance_missing']);
      // Another community's service type is not found.
      await assert.rejects(
        t.app.services.eligibility.check(t.b.id, nightShift, [ids.nurse]),
        (e: any) => e.code === 'not_found',
      );
    });

    it('follows a change of what the service needs', async () => {
      assert.equal(
        (await admin('PATCH', `/api/service-types/${nightShift}`, { needsInsurance: false, trainingCourseId: null }))
          .statusCode,
        204,
      );
      const body = (await eligible(admin)).json();
      assert.equal(reasonsOf(body.items, '无保险').length, 0);
      assert.equal(reasonsOf(body.items, '未培训').length, 0);
      assert.equal((await admin('PATCH', `/api/service-types/${nightShift}`, { minAge: 80 })).statusCode, 400);
      await admin('PATCH', `/api/service-types/${nightShift}`, { needsInsurance: true });
    });

    it('limits the list to the caller’s scope', async () => {
      const body = (await eligible(coordinator)).json();
      assert.deepEqual(
        body.items.map((i: any) => i.name),
        ['一中老师'],
      );
    });

    it('refuses bad queries and bad service types clearly', async () => {
      const noDate = await eligible(admin, 'start=22:00&end=23:00');
      assert.equal(noDate.statusCode, 400);
      assert.equal(noDate.json().error.details.fields[0].message, '请同时填写日期、开始和结束时间');
      assert.equal((await eligible(admin, `date=${shiftDay}&start=23:00&end=22:00`)).statusCode, 400);
      assert.equal((await eligible(admin, `date=2026-02-30&start=22:00&end=23:00`)).statusCode, 400);
      const bad = await admin('POST', '/api/service-types', {
        code: 'x',
        name: '错误',
        minAge: 60,
        maxAge: 18,
        minFitness: 'good',
        night: false,
        needsInsurance: false,
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.fields[0].message, '最大年龄不能小于最小年龄');
      const dup = await admin('POST', '/api/service-types', {
        code: 'hospital-night',
        name: '重复',
        minAge: 18,
        maxAge: 70,
        minFitness: 'good',
        night: false,
        needsInsurance: false,
      });
      assert.equal(dup.statusCode, 409);
      const skill = await admin('POST', '/api/service-types', {
        code: 'y',
        name: '未知技能',
        minAge: 18,
        maxAge: 70,
        minFitness: 'good',
        night: false,
        needsInsurance: false,
        skillCode: 'nope',
      });
      assert.equal(skill.statusCode, 400);
      assert.equal(
        (await admin('GET', '/api/service-types/01900000-0000-7000-8000-000000000000/eligible')).statusCode,
        404,
      );
    });
  });
}
