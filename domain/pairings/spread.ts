// How evenly help reaches people: given each resident's number of visits (zeros included — the people
// nobody visits are the point), the Gini coefficient and the share taken by the most-visited tenth.
// Gini is 0 when everyone gets the same and (n−1)/n when one person gets everything.

/** Gini coefficient of non-negative counts; null when there is nobody or nothing to share. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total <= 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n, with x sorted ascending and i from 1.
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Share of all visits taken by the top tenth (at least one person) of residents; null when there are none. */
export function topTenthShare(values: readonly number[]): number | null {
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length === 0 || total <= 0) return null;
  const k = Math.max(1, Math.ceil(values.length / 10));
  const top = [...values]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, v) => s + v, 0);
  return top / total;
}

export interface Spread {
  residents: number;
  visits: number;
  unvisited: number;
  gini: number | null;
  topTenthShare: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  return {
    residents: values.length,
    visits: values.reduce((s, v) => s + v, 0),
    unvisited: values.filter((v) => v === 0).length,
    gini: gini(values),
    topTenthShare: topTenthShare(values),
  };
}
