// Quiet hours (21:00–08:00 in the community's own time zone): non-urgent messages wait until 08:00.
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

// A formatter is costly to make and asked for every message: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour'), min: n('minute'), s: n('second') };
}

/** The zone's offset from UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

export function isQuiet(at: Date, timeZone: string): boolean {
  const h = localParts(at, timeZone).h;
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/** The next 08:00 local after `at` (the end of the quiet hours `at` falls in). */
export function quietHoursEnd(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  const dayShift = p.h >= QUIET_UNTIL_HOUR ? 1 : 0;
  const wallAsUtc = Date.UTC(p.y, p.m - 1, p.d + dayShift, QUIET_UNTIL_HOUR, 0, 0);
  // Wall-clock time to instant: subtract the offset in force then (twice, for a change of offset overnight).
  let t = wallAsUtc - offsetMs(new Date(wallAsUtc), timeZone);
  t = wallAsUtc - offsetMs(new Date(t), timeZone);
  return new Date(t);
}
