// A minimal RFC 5545 writer for calendar feeds (appointment providers', volunteers' activities): CRLF line ends,
// TEXT escaping (\\ ; , and newlines) and lines folded at 75 octets without splitting a UTF-8 character.
// With `timeZone: 'Asia/Shanghai'` (a person's feed) times are written as local times with TZID and the calendar
// carries the zone's VTIMEZONE, so every calendar shows the community's clock; a day without a time is an all-day
// event (VALUE=DATE: RFC 5545 allows no TZID on a date).

export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  stamp: string;
  /** A day without a time: `start` and `end` are local dates (YYYY-MM-DD), `end` the day after the last. */
  allDay?: boolean;
}

export const SHANGHAI = 'Asia/Shanghai';

/**
 * Asia/Shanghai as a VTIMEZONE: UTC+8 all year (China has kept no summer time since 1991, and feeds hold dates from
 * 30 days ago on).
 */
export const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SHANGHAI}`,
  `X-LIC-LOCATION:${SHANGHAI}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** 20261201T090000 (Shanghai wall clock) from an ISO instant. */
export function shanghaiIcalTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per physical line (§3.1); continuations start with one space. */
export function foldLine(line: string): string {
  // Most lines are short: no walk. (Encoding each character to count its octets took a third of a feed's time.)
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Octets(ch.codePointAt(0)!);
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** How many octets UTF-8 takes for one code point. */
const utf8Octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** 20261201T010000Z from an ISO instant. */
export function icalTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function calendar(
  name: string,
  events: readonly CalendarEvent[],
  opts: { timeZone?: typeof SHANGHAI } = {},
): string {
  const zoned = opts.timeZone === SHANGHAI;
  const when = (prop: 'DTSTART' | 'DTEND', e: CalendarEvent, v: string) =>
    e.allDay
      ? `${prop};VALUE=DATE:${v.replace(/-/g, '')}`
      : zoned
        ? `${prop};TZID=${SHANGHAI}:${shanghaiIcalTime(v)}`
        : `${prop}:${icalTime(v)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linli//Appointments//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  if (zoned) lines.push(...SHANGHAI_VTIMEZONE);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icalTime(e.stamp)}`,
      when('DTSTART', e, e.start),
      when('DTEND', e, e.end),
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
