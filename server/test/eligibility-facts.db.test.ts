// The eligibility gate reads a few volunteers' facts in one statement (factsOfFew) and many volunteers' facts one
// statement per kind (loadFacts). Both shapes must give the same facts, or the gate would decide differently for
// one volunteer than a screen of all of them does. Checked on the Xiguan demo, which holds every kind of fact:
// guardians, training certificates, insurance covers, weekly slots, blackouts and skills with licences.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import {
  factsOfFew,
  loadFacts,
  FEW_VOLUNTEERS,
  type FactNeeds,
  type FactRow,
} from '../src/modules/service-types/service-types.repository.ts';
import { seedDemoForTest } from '../../scripts/demo/test-seed.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

const CID = '00000000-0000-7000-8000-0000000000f1';
const NOW = new Date('2026-11-28T04:00:00Z');

/** Facts with their lists in one order (neither shape orders them), for comparing. */
function normal(facts: Map<string, FactRow>) {
  const byKey = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return Object.fromEntries(
    [...facts.entries()].map(([id, f]) => [
      id,
      {
        ...f,
        trainings: [...f.trainings].sort(byKey),
        insurance: [...f.insurance].sort(byKey),
        weekly: [...f.weekly].sort(byKey),
        blackouts: [...f.blackouts].sort(byKey),
        skills: [...f.skills].sort(),
      },
    ]),
  );
}

for (const kind of testDatabaseKinds()) {
  describe(`a few volunteers' facts in one statement, on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      await seedDemoForTest(t.handle.db, new FieldCipher(generateKeyring()), CID, NOW);
    });
    after(async () => {
      await t.dispose();
    });

    it('gives what the per-kind queries give, for every kind of fact the demo holds', async () => {
      const db = t.handle.db;
      const idsOf = async (
        table: 'volunteer_guardian' | 'training_certificate' | 'insurance_cover' | 'availability_slot',
      ) =>
        (await db.selectFrom(table).select('volunteer_id').where('community_id', '=', CID).execute()).map(
          (r) => r.volunteer_id,
        );
      const blackouts = await db
        .selectFrom('availability_blackout')
        .select(['volunteer_id', 'from_date'])
        .where('community_id', '=', CID)
        .orderBy('id')
        .execute();
      // A skill some hold with a licence still good and some without one (a licence is read, not only the code).
      const skills = await db
        .selectFrom('volunteer_skill')
        .select(['volunteer_id', 'skill_code', 'licence_expires_on'])
        .where('community_id', '=', CID)
        .orderBy('skill_code')
        .orderBy('volunteer_id')
        .execute();
      const licensed = skills.find((k) => k.licence_expires_on && k.licence_expires_on > '2027-01-01');
      assert.ok(licensed, 'the demo holds a licensed skill');
      const skillCode = licensed.skill_code;
      const courses = await db
        .selectFrom('training_certificate')
        .select('course_id')
        .distinct()
        .where('community_id', '=', CID)
        .execute();
      const plain = await db
        .selectFrom('volunteer')
        .select('id')
        .where('community_id', '=', CID)
        .where('birth_date', '<', '2000-01-01')
        .where('id', 'not in', (q) =>
          q.selectFrom('volunteer_guardian').select('volunteer_id').where('community_id', '=', CID),
        )
        .orderBy('id')
        .limit(3)
        .execute();
      // An adult who registered young keeps a confirmed guardian, whom neither shape may count.
      const guardian = await db
        .selectFrom('volunteer_guardian')
        .selectAll()
        .where('community_id', '=', CID)
        .where('state', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('volunteer_guardian')
        .values({ ...guardian, volunteer_id: plain[0]!.id })
        .execute();
      // Volunteers with each kind of fact, and some with none; an id that is nobody's is left out by both.
      const pick = (ids: string[]) => [...new Set(ids)].slice(0, 2);
      const ids = [
        ...new Set([
          ...pick(await idsOf('volunteer_guardian')),
          ...pick(await idsOf('training_certificate')),
          ...pick(await idsOf('insurance_cover')),
          licensed.volunteer_id,
          ...pick(skills.filter((k) => k.skill_code === skillCode).map((k) => k.volunteer_id)),
          ...pick(await idsOf('availability_slot')),
          ...pick(blackouts.map((b) => b.volunteer_id)),
          ...plain.map((p) => p.id),
          'not-a-volunteer',
        ]),
      ];
      assert.ok(ids.length <= FEW_VOLUNTEERS);
      assert.ok(courses.length && blackouts.length, 'the demo holds every kind of fact');
      const dates = [null, '2026-12-07', '2026-12-12', blackouts[0]!.from_date];
      const needsList: FactNeeds[] = [];
      for (const date of dates)
        needsList.push(
          { courseIds: [], insurance: false, date, skillCode: null },
          {
            courseIds: courses.map((c) => c.course_id),
            insurance: true,
            date,
            skillCode,
          },
        );
      // Whatever the facts found, each kind must turn up somewhere, so that agreement is not agreement on nothing.
      const seen = { guardian: 0, trainings: 0, insurance: 0, weekly: 0, statesWeekly: 0, blackouts: 0, skills: 0 };
      for (const needs of needsList) {
        const many = await loadFacts(db, CID, (q) => q.where('v.id', 'in', ids), needs);
        const few = await factsOfFew(db, CID, ids, needs);
        assert.deepEqual(normal(few), normal(many), JSON.stringify(needs));
        assert.equal(few.size, ids.length - 1, 'every volunteer but the one that is nobody');
        for (const f of few.values()) {
          seen.guardian += +f.hasGuardianConsent;
          seen.trainings += f.trainings.length;
          seen.insurance += f.insurance.length;
          seen.weekly += f.weekly.length;
          seen.statesWeekly += +!!f.statesWeekly;
          seen.blackouts += f.blackouts.length;
          seen.skills += f.skills.length;
        }
      }
      for (const [fact, n] of Object.entries(seen)) assert.ok(n > 0, `some volunteer has ${fact}`);
    });
  });
}
