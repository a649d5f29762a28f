// A volunteer's own record to take away (PIPL Art. 45, the right to a copy): every verified hours entry with the
// totals, the star level and the certificates. Pure: the rows and totals both the PDF and the workbook show.

export const SOURCE_LABELS: Record<string, { zh: string; en: string }> = {
  activity: { zh: '志愿活动', en: 'Activity' },
  pairing_visit: { zh: '结对探访', en: 'Pairing visit' },
  appointment: { zh: '预约服务', en: 'Appointment' },
  home_care: { zh: '居家照护', en: 'Home care' },
  classroom: { zh: '四点半课堂', en: 'After-school classroom' },
  need: { zh: '需求服务', en: 'Need' },
  honour: { zh: '荣誉时长', en: 'Honour hours' },
};
export const sourceLabel = (source: string) => SOURCE_LABELS[source]?.zh ?? source;

export interface RecordEntry {
  serviceDate: string;
  source: string;
  description: string | null;
  minutes: number;
  kind: 'credit' | 'honour';
  verifiedByName: string | null;
  verifiedAt: string | null;
}

export interface RecordTotals {
  entries: number;
  creditMinutes: number;
  honourMinutes: number;
  /** Credit minutes per calendar year, newest year first. */
  byYear: Array<{ year: string; entries: number; creditMinutes: number }>;
}

/** Hours with at most two decimals, as the certificates print them. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export function recordTotals(entries: readonly RecordEntry[]): RecordTotals {
  const years = new Map<string, { entries: number; creditMinutes: number }>();
  let credit = 0,
    honour = 0;
  for (const e of entries) {
    if (e.kind === 'honour') {
      honour += e.minutes;
      continue;
    }
    credit += e.minutes;
    const y = years.get(e.serviceDate.slice(0, 4)) ?? { entries: 0, creditMinutes: 0 };
    y.entries++;
    y.creditMinutes += e.minutes;
    years.set(e.serviceDate.slice(0, 4), y);
  }
  return {
    entries: entries.length,
    creditMinutes: credit,
    honourMinutes: honour,
    byYear: [...years.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([year, v]) => ({ year, ...v })),
  };
}
