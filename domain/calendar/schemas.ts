// What the calendar API accepts and answers; the web app reads the same schemas.
import { z } from 'zod';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, FESTIVAL_KEYS, SOLAR_TERMS } from './calendar.ts';

// A query string arrives as text: coerce, and give one message (invalid.year) for missing, non-numeric and out of
// range.
export const calendarYearQuery = z.object({
  year: z.coerce
    .number({ error: 'invalid.year' })
    .int('invalid.year')
    .min(CALENDAR_MIN_YEAR, 'invalid.year')
    .max(CALENDAR_MAX_YEAR, 'invalid.year'),
});

const name = z.object({ zh: z.string(), en: z.string() });
export const festivalDay = z.object({ key: z.enum(FESTIVAL_KEYS), date: z.string(), name });
export const solarTermDay = z.object({
  key: z.enum(SOLAR_TERMS.map((t) => t.key) as [string, ...string[]]),
  date: z.string(),
  name,
});
