// Quarters (季度) as "2026Q3", their date ranges in Shanghai dates, and the public notice's end date.

export const QUARTER_RE = /^(\d{4})Q([1-4])$/;

export function isQuarter(s: string): boolean {
  const m = QUARTER_RE.exec(s);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** First and last day (inclusive) of the quarter, YYYY-MM-DD. */
export function quarterRange(q: string): { from: string; to: string } {
  const m = QUARTER_RE.exec(q);
  if (!m) throw new RangeError(`not a quarter: ${q}`);
  const y = Number(m[1]);
  const n = Number(m[2]);
  const firstMonth = (n - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  const mm = (x: number) => String(x).padStart(2, '0');
  return { from: `${y}-${mm(firstMonth)}-01`, to: `${y}-${mm(lastMonth)}-${mm(lastDay)}` };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quartersOfYear(year: number): string[] {
  return [1, 2, 3, 4].map((n) => `${year}Q${n}`);
}
