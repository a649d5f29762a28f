// The quarterly commendation (季度表彰) ranking: explicit rules over facts the server gathers, and a
// sentence per candidate that says where every point came from, so a team leader can defend a nomination
// and a volunteer can see why they were (or were not) ranked.
//
// The rule (each part is shown in the explanation, in this order):
//   service      +1 per full verified credit hour served in the quarter (honour hours never count)
//   rating       residents' average rating of needs the volunteer met and that were rated in the quarter:
//                ≥ 4.5 → +10, ≥ 4.0 → +5, ≥ 3.0 → 0, below 3.0 → −10 (no rating: no part)
//   attendance   of the activities they signed up for that took place: attended / signed up
//                ≥ 90 % → +5, ≥ 75 % → +2, below: 0 (no sign-up: no part)
//   no-shows     −5 for each activity they signed up for and neither came nor cancelled
// Ties: more minutes first, then fewer no-shows, then the volunteer id (uuidv7: registered earlier first),
// so the order never depends on the database or the collation.

export interface CandidateFacts {
  volunteerId: string;
  name: string;
  /** Verified credit minutes with a service date in the quarter. */
  creditMinutes: number;
  /** Ratings (1–5) residents gave in the quarter to needs the volunteer met. */
  ratingCount: number;
  ratingSum: number;
  /** Activities signed up for that took place in the quarter, those attended, and no-shows. */
  signedUp: number;
  attended: number;
  noShows: number;
}

export type ScorePartKey = 'service' | 'rating' | 'attendance' | 'noShows';
export interface ScorePart {
  key: ScorePartKey;
  /** What was measured: hours (one decimal), average rating (one decimal), attendance percent, no-show count. */
  value: number;
  points: number;
}

export interface RankedCandidate extends CandidateFacts {
  rank: number;
  score: number;
  parts: ScorePart[];
}

export const RATING_TIERS: ReadonlyArray<readonly [number, number]> = [
  [4.5, 10],
  [4.0, 5],
  [3.0, 0],
];
export const RATING_BELOW = -10;
export const ATTENDANCE_TIERS: ReadonlyArray<readonly [number, number]> = [
  [0.9, 5],
  [0.75, 2],
];
export const NO_SHOW_POINTS = -5;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreParts(f: CandidateFacts): ScorePart[] {
  const parts: ScorePart[] = [
    { key: 'service', value: round1(f.creditMinutes / 60), points: Math.floor(f.creditMinutes / 60) },
  ];
  if (f.ratingCount > 0) {
    // Tiers are compared on the rounded average, the number the explanation shows.
    const avg = round1(f.ratingSum / f.ratingCount);
    const tier = RATING_TIERS.find(([min]) => avg >= min);
    parts.push({ key: 'rating', value: avg, points: tier ? tier[1] : RATING_BELOW });
  }
  if (f.signedUp > 0) {
    const pct = Math.round((Math.min(f.attended, f.signedUp) / f.signedUp) * 100);
    const tier = ATTENDANCE_TIERS.find(([min]) => pct >= min * 100);
    parts.push({ key: 'attendance', value: pct, points: tier ? tier[1] : 0 });
  }
  if (f.noShows > 0) parts.push({ key: 'noShows', value: f.noShows, points: f.noShows * NO_SHOW_POINTS });
  return parts;
}

/** Deterministic order: score, then minutes, then fewer no-shows, then id. */
export function compareRanked(
  a: { score: number; creditMinutes: number; noShows: number; volunteerId: string },
  b: typeof a,
): number {
  return (
    b.score - a.score ||
    b.creditMinutes - a.creditMinutes ||
    a.noShows - b.noShows ||
    (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0)
  );
}

/**
 * Ranks the candidates: only volunteers who served in the quarter (some verified credit minutes) are ranked.
 * Equal scores share no rank: the tie-breaks above give every candidate its own place.
 */
export function rankCandidates(facts: readonly CandidateFacts[]): RankedCandidate[] {
  return facts
    .filter((f) => f.creditMinutes > 0)
    .map((f) => {
      const parts = scoreParts(f);
      return { ...f, parts, score: parts.reduce((s, p) => s + p.points, 0), rank: 0 };
    })
    .sort(compareRanked)
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '+0');

/** The explanation in words, e.g. 服务 42 小时 +42，居民评价 4.8 分 +10，出勤率 95% +5，缺席 1 次 −5. */
export function explain(parts: readonly ScorePart[], locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') {
    return parts
      .map((p) => {
        switch (p.key) {
          case 'service':
            return `${p.value} hours served ${signed(p.points)}`;
          case 'rating':
            return `residents' rating ${p.value} ${signed(p.points)}`;
          case 'attendance':
            return `attendance ${p.value}% ${signed(p.points)}`;
          case 'noShows':
            return `${p.value} no-show${p.value === 1 ? '' : 's'} ${signed(p.points)}`;
        }
      })
      .join(', ');
  }
  return parts
    .map((p) => {
      switch (p.key) {
        case 'service':
          return `服务 ${p.value} 小时 ${signed(p.points)}`;
        case 'rating':
          return `居民评价 ${p.value} 分 ${signed(p.points)}`;
        case 'attendance':
          return `出勤率 ${p.value}% ${signed(p.points)}`;
        case 'noShows':
          return `缺席 ${p.value} 次 ${signed(p.points)}`;
      }
    })
    .join('，');
}
