// Relevance: a need's words lead the ranking to the skills that serve it. On the labelled set, with a pool where
// every skill has holders near and far, busy and free, the top candidate serves the need for at least 90%.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { relevantSkills } from './relevance.ts';
import { RELEVANCE_SET } from './relevance-set.ts';
import { rankCandidates, type MatchCandidate, type MatchNeed } from './score.ts';
import { SKILL_BY_CODE, SKILLS, SKILL_LEVELS } from '../volunteers/skills.ts';
import type { VolunteerFacts } from '../volunteers/eligibility.ts';

const facts = {} as VolunteerFacts; // eligibility is answered by the option below: everyone may
// Every skill held by three volunteers of each level, living in the need's building, its grid or elsewhere,
// carrying 0–2 open tasks: nearness and load pull against skill.
const pool: MatchCandidate[] = SKILLS.flatMap((s, i) =>
  SKILL_LEVELS.map((level, j) => ({
    id: `${s.code}-${level}`,
    facts,
    skills: [{ code: s.code, level }],
    buildingId: (i + j) % 3 === 0 ? 'b1' : `b${i + 2}`,
    gridId: (i + j) % 3 === 2 ? 'g9' : 'g1',
    load: (i * 7 + j) % 3,
    pastServicesForResident: 0,
  })),
);
const needOf = (category: MatchNeed['category'], description: string): MatchNeed => ({
  category,
  buildingId: 'b1',
  gridId: 'g1',
  waitingSince: '2026-12-01T00:00:00Z',
  relevantSkills: relevantSkills(category, description),
});
const rank = (n: MatchNeed) => rankCandidates(n, pool, { today: '2026-12-05', eligibility: () => true });
const skillOf = (id: string) => id.slice(0, id.lastIndexOf('-'));

describe('relevance of skills to a need', () => {
  it('ranks a plumber above a quilt-sewer for a leaking tap, and the other way for a quilt', () => {
    const tap = rank(needOf('household', '厨房水龙头漏水'));
    assert.equal(skillOf(tap[0]!.volunteerId), 'plumbing');
    const sewer = tap.findIndex((c) => skillOf(c.volunteerId) === 'sewing');
    const plumber = tap.findIndex((c) => skillOf(c.volunteerId) === 'plumbing');
    assert.ok(plumber < sewer);
    const part = tap[0]!.parts.find((p) => p.factor === 'skill')!;
    assert.equal(part.detail, 'match.skill.relevant');
    const quilt = rank(needOf('household', '棉被要拆洗缝好'));
    assert.equal(skillOf(quilt[0]!.volunteerId), 'sewing');
  });

  it('keeps to the category: words of another category point to nothing, and then every skill serves', () => {
    assert.deepEqual(relevantSkills('household', '想学手机微信'), []);
    assert.deepEqual(relevantSkills('household', '帮忙看看', 'plumbing'), ['plumbing']);
    const any = rank(needOf('household', '帮忙看看'));
    assert.equal(any[0]!.parts.find((p) => p.factor === 'skill')!.detail, 'match.skill.category');
  });

  it('puts a serving skill on top for at least 90% of the labelled set (50 needs or more)', (t) => {
    assert.ok(RELEVANCE_SET.length >= 50);
    for (const n of RELEVANCE_SET)
      for (const s of n.serves) assert.equal(SKILL_BY_CODE.get(s)?.category, n.category, `${n.description}: ${s}`);
    const misses = RELEVANCE_SET.filter((n) => {
      const top = rank(needOf(n.category, n.description))[0];
      return !top || !n.serves.includes(skillOf(top.volunteerId));
    });
    const share = 1 - misses.length / RELEVANCE_SET.length;
    t.diagnostic(`top candidate serves ${RELEVANCE_SET.length - misses.length} of ${RELEVANCE_SET.length} needs`);
    assert.ok(
      share >= 0.9,
      `top candidate serves ${Math.round(share * 100)}%; missed: ${misses.map((m) => m.description)}`,
    );
  });
});
