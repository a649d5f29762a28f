import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explain, rankCandidates, scoreParts, type CandidateFacts } from './ranking.ts';
import { isQuarter, quarterOf, quarterRange } from './quarters.ts';
import { addDays } from '../shared/dates.ts';

const f = (over: Partial<CandidateFacts> & { volunteerId: string }): CandidateFacts => ({
  name: over.volunteerId,
  creditMinutes: 0,
  ratingCount: 0,
  ratingSum: 0,
  signedUp: 0,
  attended: 0,
  noShows: 0,
  ...over,
});

describe('quarterly ranking rule', () => {
  it('scores each part and explains it in words that add up to the score', () => {
    const [c] = rankCandidates([
      f({
        volunteerId: 'a',
        creditMinutes: 42 * 60 + 30,
        ratingCount: 5,
        ratingSum: 24,
        signedUp: 20,
        attended: 19,
        noShows: 1,
      }),
    ]);
    assert.deepEqual(c!.parts, [
      { key: 'service', value: 42.5, points: 42 },
      { key: 'rating', value: 4.8, points: 10 },
      { key: 'attendance', value: 95, points: 5 },
      { key: 'noShows', value: 1, points: -5 },
    ]);
    assert.equal(c!.score, 52);
    assert.equal(explain(c!.parts, 'zh-CN'), '服务 42.5 小时 +42，居民评价 4.8 分 +10，出勤率 95% +5，缺席 1 次 −5');
    assert.equal(
      explain(c!.parts, 'en'),
      "42.5 hours served +42, residents' rating 4.8 +10, attendance 95% +5, 1 no-show −5",
    );
  });

  it('the explanation always sums to the score', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const facts = Array.from({ length: 300 }, (_, i) => {
      const signedUp = rnd(12);
      const ratingCount = rnd(4);
      return f({
        volunteerId: `v${String(i).padStart(3, '0')}`,
        creditMinutes: rnd(6000),
        ratingCount,
        ratingSum: ratingCount * (1 + rnd(5)),
        signedUp,
        attended: signedUp ? rnd(signedUp + 1) : 0,
        noShows: rnd(3),
      });
    });
    for (const c of rankCandidates(facts)) {
      const fromText = [...explain(c.parts, 'zh-CN').matchAll(/([+−])(\d+)/g)].reduce(
        (s, m) => s + (m[1] === '−' ? -1 : 1) * Number(m[2]),
        0,
      );
      assert.equal(fromText, c.score, explain(c.parts, 'zh-CN'));
    }
  });

  it('uses the rating and attendance tiers at their edges', () => {
    const part = (x: CandidateFacts, key: string) => scoreParts(x).find((p) => p.key === key);
    // 4.5
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, ratingCount: 2, ratingSum: 9 }), 'rating')!.points, 10);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, ratingCount: 1, ratingSum: 4 }), 'rating')!.points, 5);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, ratingCount: 1, ratingSum: 3 }), 'rating')!.points, 0);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, ratingCount: 1, ratingSum: 2 }), 'rating')!.points, -10);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, signedUp: 10, attended: 9 }), 'attendance')!.points, 5);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, signedUp: 4, attended: 3 }), 'attendance')!.points, 2);
    assert.equal(part(f({ volunteerId: 'a', creditMinutes: 60, signedUp: 2, attended: 1 }), 'attendance')!.points, 0);
    // No ratings, no sign-ups, no no-shows: those parts are left out rather than shown as zero.
    assert.deepEqual(
      scoreParts(f({ volunteerId: 'a', creditMinutes: 59 })).map((p) => p.key),
      ['service'],
    );
  });

  it('ranks only those who served, and breaks ties by minutes, no-shows, then id', () => {
    const ranked = rankCandidates([
      f({ volunteerId: 'd', creditMinutes: 0, ratingCount: 3, ratingSum: 15 }),
      f({ volunteerId: 'c', creditMinutes: 10 * 60 + 30 }), // 10 points, more minutes
      f({ volunteerId: 'b', creditMinutes: 600 }),
      f({ volunteerId: 'a', creditMinutes: 600 }),
      f({ volunteerId: 'e', creditMinutes: 15 * 60 + 10, noShows: 1 }), // 15 − 5 = 10 points, most minutes
      f({ volunteerId: 'g', creditMinutes: 20 * 60, ratingCount: 1, ratingSum: 5 }),
    ]);
    assert.deepEqual(
      ranked.map((c) => [c.volunteerId, c.score, c.rank]),
      [
        ['g', 30, 1],
        ['e', 10, 2],
        ['c', 10, 3],
        ['a', 10, 4],
        ['b', 10, 5],
      ],
    );
    // The same facts in another order give the same ranking.
    const again = rankCandidates([...ranked].reverse());
    assert.deepEqual(
      again.map((c) => c.volunteerId),
      ranked.map((c) => c.volunteerId),
    );
  });
});

describe('quarters', () => {
  it('knows their dates', () => {
    assert.deepEqual(quarterRange('2026Q1'), { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(quarterRange('2024Q1'), { from: '2024-01-01', to: '2024-03-31' });
    assert.deepEqual(quarterRange('2026Q4'), { from: '2026-10-01', to: '2026-12-31' });
    assert.equal(quarterOf('2026-06-30'), '2026Q2');
    assert.equal(quarterOf('2026-07-01'), '2026Q3');
    assert.ok(!isQuarter('2026Q5') && !isQuarter('2026-Q1') && !isQuarter('1999Q1'));
    assert.equal(addDays('2026-12-28', 7), '2027-01-04');
  });
});
