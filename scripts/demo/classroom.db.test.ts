// The 4:30 classroom in the Xiguan demo, seeded into a fresh database (SQLite always; PostgreSQL when
// TEST_DATABASE_URL is set): about 60 children now, most of them registered migrant children with their
// household's adults; the five-year figures near the case study's 314 children of 310 families; the 13
// teachers of 宝鸡市第一中学 on the rota and 刘红梅 on today's; sessions only on school days; every check-out to
// an adult of that child; two cleared alerts this term; 李泽钦 a guardian whose messages the console can show.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../server/test/databases.ts';
import { FieldCipher, generateKeyring } from '../../server/src/platform/crypto.ts';
import { AuditLog } from '../../server/src/platform/audit.ts';
import { VolunteerDirectory } from '../../server/src/modules/volunteers/volunteer-directory.ts';
import { ClassroomService } from '../../server/src/modules/classroom/classroom.service.ts';
import type { Actor } from '../../server/src/platform/actor.ts';
import { todayInShanghai } from '../../domain/shared/dates.ts';
import { weekdayOf } from '../../domain/shared/dates.ts';
import { seedDemoForTest } from './test-seed.ts';
import { rebuildClassroomRollups } from '../../server/src/modules/classroom/classroom.rollup.ts';

// A Friday, so there is a session today.
const NOW = new Date('2026-11-27T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const CID = '00000000-0000-7000-8000-0000000000c1';

for (const kind of testDatabaseKinds()) {
  describe(`the demo's 4:30 classroom on ${kind}`, () => {
    let t: TestDatabase;
    let cipher: FieldCipher;
    const db = () => t.handle.db;
    before(async () => {
      t = await createTestDatabase(kind);
      cipher = new FieldCipher(generateKeyring());
      await seedDemoForTest(db(), cipher, CID, NOW);
    });
    after(async () => {
      await t.dispose();
    });

    it('has about 60 children, mostly registered migrant children, their household adults as guardians', async () => {
      const active = await db()
        .selectFrom('classroom_child')
        .selectAll()
        .where('community_id', '=', CID)
        .where('status', '=', 'active')
        .execute();
      assert.ok(active.length >= 55 && active.length <= 66, `${active.length} children now`);
      const registered = active.filter((c) => c.resident_id);
      assert.ok(registered.length >= 30, `${registered.length} of them in the registry`);
      const tags = new Set(
        (
          await db()
            .selectFrom('resident_tag')
            .select('resident_id')
            .where('community_id', '=', CID)
            .where('tag', '=', 'migrant_child')
            .execute()
        ).map((r) => r.resident_id),
      );
      assert.ok(
        registered.every((c) => tags.has(c.resident_id!) || c.household_id),
        'registered children are migrant children (or the family account’s child)',
      );
      const adults = await db().selectFrom('classroom_adult').selectAll().where('community_id', '=', CID).execute();
      for (const c of active) {
        const mine = adults.filter((a) => a.child_id === c.id);
        assert.ok(
          mine.some((a) => a.is_guardian === 1),
          `${c.name} has a guardian`,
        );
        assert.equal(new Set(mine.map((a) => a.phone)).size, mine.length);
        assert.ok(
          mine.some((a) => a.name === c.consent_by),
          'consent was given by one of the adults',
        );
      }
      assert.ok(
        adults.some((a) => a.is_guardian === 0),
        'some children have a grandparent who may also collect them',
      );
      assert.ok(
        adults.some((a) => a.phone === '13800000007' && a.is_guardian === 1),
        '李泽钦 is a guardian',
      );
    });

    it('comes out near the case study: about 314 children of 310 families since 2021', async () => {
      const actor = { communityId: CID, role: 'staff', accountId: 'x', name: 'x' } as Actor;
      const svc = new ClassroomService(
        db(),
        new AuditLog(db(), kind),
        new VolunteerDirectory(db()),
        null as never,
        null as never,
        cipher,
        null as never,
      );
      const f = await svc.figures(actor, 2021);
      assert.ok(f.total.children >= 305 && f.total.children <= 320, `${f.total.children} children`);
      assert.ok(f.total.families >= 295 && f.total.families <= f.total.children - 2, `${f.total.families} families`);
      assert.deepEqual(
        f.years.map((y) => y.year),
        [2021, 2022, 2023, 2024, 2025, 2026],
      );
      assert.ok(
        f.years.every((y) => y.children >= 55 && y.sessions >= 50 && y.tutorHours > 0),
        JSON.stringify(f.years),
      );
    });

    it('holds sessions on school days only, with the school’s 13 teachers on the rota and 刘红梅 on today’s', async () => {
      const sessions = await db().selectFrom('classroom_session').selectAll().where('community_id', '=', CID).execute();
      assert.ok(sessions.every((s) => weekdayOf(s.date) <= 5));
      assert.ok(!sessions.some((s) => s.date >= '2026-10-01' && s.date <= '2026-10-08'), 'National Day week off');
      assert.ok(
        sessions.filter((s) => s.date >= '2026-09-01' && s.date < TODAY).every((s) => s.closed_at),
        'past sessions closed',
      );
      const today = sessions.find((s) => s.date === TODAY)!;
      assert.ok(today && !today.closed_at);
      const team = await db()
        .selectFrom('team')
        .select('id')
        .where('community_id', '=', CID)
        .where('name', '=', '第一中学教师志愿队')
        .executeTakeFirstOrThrow();
      const teachers = new Set(
        (await db().selectFrom('team_member').select('volunteer_id').where('team_id', '=', team.id).execute()).map(
          (m) => m.volunteer_id,
        ),
      );
      assert.equal(teachers.size, 13);
      const rota = await db()
        .selectFrom('classroom_rota')
        .select(['session_id', 'volunteer_id'])
        .where('community_id', '=', CID)
        .execute();
      assert.equal(new Set(rota.filter((r) => teachers.has(r.volunteer_id)).map((r) => r.volunteer_id)).size, 13);
      const liu = await db()
        .selectFrom('volunteer')
        .innerJoin('account', 'account.id', 'volunteer.account_id')
        .select('volunteer.id')
        .where('account.phone', '=', '13800000006')
        .executeTakeFirstOrThrow();
      assert.ok(rota.some((r) => r.session_id === today.id && r.volunteer_id === liu.id));
    });

    it('hands every child only to one of their own adults; has this term’s logs and two cleared alerts', async () => {
      const wrong = await db()
        .selectFrom('classroom_attendance as a')
        .leftJoin('classroom_adult as d', (j) =>
          j.onRef('d.community_id', '=', 'a.community_id').onRef('d.id', '=', 'a.out_adult_id'),
        )
        .select(['a.child_id', 'd.child_id as adult_child'])
        .where('a.community_id', '=', CID)
        .where('a.checked_out_at', 'is not', null)
        .execute();
      assert.ok(wrong.length > 20_000, `${wrong.length} check-outs`);
      assert.ok(wrong.every((r) => r.adult_child === r.child_id));
      const alerts = await db().selectFrom('classroom_alert').selectAll().where('community_id', '=', CID).execute();
      assert.equal(alerts.length, 2);
      assert.ok(alerts.every((a) => a.cleared_at && a.note));
      const logs = await db().selectFrom('classroom_log').select('id').where('community_id', '=', CID).execute();
      assert.ok(logs.length >= 40);
    });

    it('seeds the figures’ rollups as the check-ins give them (as a rebuild from the attendance)', async () => {
      const kept = async () => ({
        childYears: (
          await db()
            .selectFrom('classroom_child_year')
            .select(['year', 'child_id'])
            .where('community_id', '=', CID)
            .execute()
        )
          .map((r) => `${r.year} ${r.child_id}`)
          .sort(),
        daysHeld: (await db().selectFrom('classroom_day_held').select('date').where('community_id', '=', CID).execute())
          .map((r) => r.date)
          .sort(),
      });
      const seeded = await kept();
      assert.ok(seeded.childYears.length > 300, `${seeded.childYears.length} children by year`);
      assert.ok(seeded.daysHeld.length > 500, `${seeded.daysHeld.length} days held`);
      await rebuildClassroomRollups(db(), CID);
      assert.deepEqual(await kept(), seeded);
    });
  });
}
