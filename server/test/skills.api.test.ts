// The skills pool (专业服务人才资源库): a volunteer's skills with licences, the search with its filters and
// per-category counts, and who may edit whose skills.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  signInAs,
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  fieldErrors,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import {
  addSkill,
  addTeamMember,
  insertTeam,
  insertUnit,
  insertVolunteer,
  setMembershipScope,
} from './volunteer-factories.ts';
import { poolBase } from '../src/modules/skills/skills.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`skills API on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let coordinator: Client;
    let volunteer: Client;
    let resident: Client;
    const v: Record<string, string> = {};
    let school: string;
    let hospital: string;

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      const c = t.a.id;
      school = await insertUnit(db, c, '宝鸡市第一中学', 'school');
      hospital = await insertUnit(db, c, '金台区医院', 'hospital');
      v.doctor = await insertVolunteer(db, t.cipher, c, { name: '张医生', unitId: hospital });
      v.lawyer = await insertVolunteer(db, t.cipher, c, { name: '李律师', unitId: school });
      v.teacher = await insertVolunteer(db, t.cipher, c, { name: '王老师', unitId: school, gender: 'male' });
      v.pending = await insertVolunteer(db, t.cipher, c, { name: '赵待审', status: 'pending', unitId: school });
      v.me = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘志愿',
      });
      const other = await insertVolunteer(db, t.cipher, t.b.id, { name: '王老师' });
      await addSkill(db, c, v.doctor, 'doctor', { licenceNo: 'YS-001', expiresOn: '2031-12-31', level: 'expert' });
      await addSkill(db, c, v.doctor, 'first_aid');
      await addSkill(db, c, v.lawyer, 'lawyer', { licenceNo: 'LS-002', expiresOn: '2020-01-01' });
      await addSkill(db, c, v.lawyer, 'mediation');
      await addSkill(db, c, v.teacher, 'tutoring', { level: 'expert' });
      await addSkill(db, c, v.teacher, 'calligraphy');
      await addSkill(db, c, v.pending, 'tutoring');
      await addSkill(db, t.b.id, other, 'tutoring');
      await setMembershipScope(db, c, t.a.phones.unit_coordinator, { unitId: school });
      [staff, coordinator, volunteer, resident] = await signInAll(t, [
        'staff',
        'unit_coordinator',
        'volunteer',
        'resident',
      ]);
    });
    after(async () => {
      await t.close();
    });

    const names = (res: { json(): any }) => res.json().items.map((i: any) => i.name);

    it('lists the catalogue of eight categories to anyone signed in', async () => {
      const res = await volunteer('GET', '/api/skills/catalogue');
      assert.equal(res.statusCode, 200);
      const cat = res.json();
      assert.equal(cat.categories.length, 8);
      const medical = cat.categories.find((c: any) => c.code === 'medical');
      assert.equal(medical.zh, '医疗护理');
      assert.equal(medical.skills.find((s: any) => s.code === 'doctor').licensed, true);
      assert.equal(medical.skills.find((s: any) => s.code === 'first_aid').licensed, false);
    });

    it('searches approved volunteers of the community with counts per category', async () => {
      const all = await staff('GET', '/api/skills-pool');
      assert.equal(all.statusCode, 200, all.body);
      assert.deepEqual(names(all).sort(), ['张医生', '李律师', '王老师'].sort());
      assert.equal(all.json().total, 3);
      assert.deepEqual(all.json().categories, {
        medical: 1,
        legal: 1,
        education: 1,
        culture: 0,
        psychological: 0,
        household: 0,
        science_digital: 0,
        special_groups: 0,
      });
      const doctor = all.json().items.find((i: any) => i.name === '张医生');
      assert.deepEqual(doctor.skills.map((s: any) => s.code).sort(), ['doctor', 'first_aid']);
      assert.equal(doctor.skills.find((s: any) => s.code === 'doctor').licenceValid, true);
      assert.equal(doctor.unitName, '金台区医院');

      // the pending one and the other community's are not in
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?skill=tutoring')), ['王老师']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?category=legal')), ['李律师']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?level=expert')).sort(), ['张医生', '王老师'].sort());
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?licenceValid=true')), ['张医生']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?licenceValid=false')), ['李律师']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?q=wls')), ['王老师']);
      assert.deepEqual(names(await staff('GET', `/api/skills-pool?q=${encodeURIComponent('律师')}`)), ['李律师']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?category=medical&level=basic')), []);
      const paged = (await staff('GET', '/api/skills-pool?pageSize=2&page=2')).json();
      assert.equal(paged.items.length, 1);
      assert.equal(paged.total, 3);
      // Past the last page the total still comes back (it cannot ride on a row), with and without pinyin.
      assert.deepEqual(
        (({ items, total }) => ({ items, total }))((await staff('GET', '/api/skills-pool?pageSize=2&page=5')).json()),
        { items: [], total: 3 },
      );
      assert.deepEqual(
        (({ items, total }) => ({ items, total }))(
          (await staff('GET', '/api/skills-pool?q=l&pageSize=1&page=3')).json(),
        ),
        { items: [], total: 1 },
      );
      // Two medical skills (doctor, first aid) count one volunteer, through the skills and through the pinyin indexes.
      for (const url of [
        '/api/skills-pool?category=medical',
        '/api/skills-pool?category=medical&q=zys',
        '/api/skills-pool?category=medical&q=zhang',
      ]) {
        const res = (await staff('GET', url)).json();
        assert.deepEqual([res.items.map((i: any) => i.name), res.total], [['张医生'], 1], url);
      }
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?q=l')), ['李律师']);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?category=legal&q=wls')), []);
      assert.equal((await staff('GET', '/api/skills-pool?category=nonsense')).statusCode, 400);
    });

    it('shows a unit coordinator only their unit’s volunteers in the pool', async () => {
      const res = await coordinator('GET', '/api/skills-pool');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(names(res).sort(), ['李律师', '王老师'].sort());
      assert.equal(res.json().categories.medical, 0);
      assert.deepEqual(names(await coordinator('GET', '/api/skills-pool?q=wls')), ['王老师']);
      assert.deepEqual(
        names(await coordinator('GET', '/api/skills-pool?q=zys')),
        [],
        'the doctor is not in the coordinator’s unit',
      );
    });

    it('shows a team leader only their team’s active members in the pool, with or without pinyin', async () => {
      const db = t.db.handle.db;
      const team = await insertTeam(db, t.a.id, '医疗服务队');
      await addTeamMember(db, t.a.id, team, v.doctor);
      await addTeamMember(db, t.a.id, team, v.lawyer, { status: 'left' });
      await setMembershipScope(db, t.a.id, t.a.phones.team_leader, { teamId: team });
      const leader = await signInAs(t, 'team_leader');
      assert.deepEqual(names(await leader('GET', '/api/skills-pool')), ['张医生']);
      assert.deepEqual(names(await leader('GET', '/api/skills-pool?q=zys')), ['张医生']);
      assert.deepEqual(names(await leader('GET', '/api/skills-pool?q=lls')), [], 'a member who left is out');
      assert.equal((await leader('GET', '/api/skills-pool')).json().categories.medical, 1);
      assert.equal((await volunteer('GET', '/api/skills-pool')).statusCode, 403);
    });

    it('needs a licence number and expiry for a licensed skill, and refuses an expired licence', async () => {
      const none = await staff('POST', `/api/volunteers/${v.doctor}/skills`, { code: 'nurse', level: 'skilled' });
      assert.equal(none.statusCode, 400, none.body);
      assert.deepEqual(fieldErrors(none), ['licenceExpiresOn', 'licenceNo']);
      const expired = await staff('POST', `/api/volunteers/${v.doctor}/skills`, {
        code: 'nurse',
        level: 'skilled',
        licenceNo: 'HS-9',
        licenceExpiresOn: '2024-05-01',
      });
      assert.equal(expired.statusCode, 400);
      const field = expired.json().error.details.fields[0];
      assert.equal(field.field, 'licenceExpiresOn');
      assert.match(field.message, /过期/);
      const en = await staff(
        'POST',
        `/api/volunteers/${v.doctor}/skills`,
        { code: 'nurse', level: 'skilled', licenceNo: 'HS-9', licenceExpiresOn: '2024-05-01' },
        { 'accept-language': 'en' },
      );
      assert.match(en.json().error.details.fields[0].message, /expired/);
      assert.deepEqual((await staff('GET', '/api/skills-pool?skill=nurse')).json().items, []);
      // Changing a licence to an expired one is refused too.
      const patch = await staff('PATCH', `/api/volunteers/${v.doctor}/skills/doctor`, {
        licenceExpiresOn: '2025-01-01',
      });
      assert.equal(patch.statusCode, 400);

      const ok = await staff('POST', `/api/volunteers/${v.doctor}/skills`, {
        code: 'nurse',
        level: 'skilled',
        licenceNo: 'HS-9',
        licenceExpiresOn: '2032-05-01',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?skill=nurse')), ['张医生']);
      const dup = await staff('POST', `/api/volunteers/${v.doctor}/skills`, {
        code: 'nurse',
        level: 'basic',
        licenceNo: 'HS-9',
        licenceExpiresOn: '2032-05-01',
      });
      assert.equal(dup.statusCode, 409);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('entity_id', '=', v.doctor)
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['volunteer.skill_add'],
      );
    });

    it('lets a unit coordinator edit their unit’s volunteers and refuses another unit’s', async () => {
      const other = await coordinator('POST', `/api/volunteers/${v.doctor}/skills`, {
        code: 'cooking',
        level: 'basic',
      });
      assert.equal(other.statusCode, 403, other.body);
      assert.equal(other.json().error.code, 'out_of_scope');
      const own = await coordinator('POST', `/api/volunteers/${v.teacher}/skills`, {
        code: 'painting',
        level: 'basic',
      });
      assert.equal(own.statusCode, 201, own.body);
      assert.equal((await coordinator('DELETE', `/api/volunteers/${v.doctor}/skills/first_aid`)).statusCode, 403);
    });

    it('lets a volunteer edit their own skills only', async () => {
      const own = await volunteer('POST', `/api/volunteers/${v.me}/skills`, { code: 'haircut', level: 'basic' });
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(
        (await volunteer('PATCH', `/api/volunteers/${v.me}/skills/haircut`, { level: 'skilled' })).statusCode,
        204,
      );
      const other = await volunteer('POST', `/api/volunteers/${v.teacher}/skills`, { code: 'haircut', level: 'basic' });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'out_of_scope');
      // A resident may keep their own volunteer record (volunteer.self), never someone else's.
      const res = await resident('POST', `/api/volunteers/${v.me}/skills`, { code: 'cooking', level: 'basic' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'out_of_scope');
      assert.deepEqual(names(await staff('GET', '/api/skills-pool?skill=haircut')), ['刘志愿']);
      assert.equal((await staff('GET', '/api/skills-pool?skill=haircut')).json().items[0].skills[0].level, 'skilled');
      assert.equal((await volunteer('DELETE', `/api/volunteers/${v.me}/skills/haircut`)).statusCode, 204);
      assert.equal((await volunteer('DELETE', `/api/volunteers/${v.me}/skills/haircut`)).statusCode, 404);
      // Another community's volunteer does not exist here.
      const b = await t.db.handle.db
        .selectFrom('volunteer')
        .select('id')
        .where('community_id', '=', t.b.id)
        .executeTakeFirstOrThrow();
      assert.equal(
        (await staff('POST', `/api/volunteers/${b.id}/skills`, { code: 'cooking', level: 'basic' })).statusCode,
        404,
      );
    });

    if (kind === 'sqlite') {
      it('searches through the (community_id, skill_code) and (community_id, category) indexes', async () => {
        const db = t.db.handle.db;
        for (const [filter, index] of [
          [{ skill: 'tutoring' }, 'volunteer_skill_code_ix'],
          [{ category: 'legal' }, 'volunteer_skill_category_ix'],
        ] as const) {
          const q = poolBase(db, t.a.id, { all: true }, { ...filter, today: '2026-11-28' })
            .select(sql<number>`count(distinct s.volunteer_id)`.as('n'))
            .compile();
          const plan = await db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` } as any);
          const details = plan.rows.map((r) => r.detail).join('\n');
          assert.match(details, new RegExp(index), details);
        }
      });
    }
  });
}
