// Festival and solar-term dates for activity templates. Pure computation from domain/calendar: no service,
// no repository, nothing stored.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { festivals, solarTerms } from '../../../../domain/calendar/calendar.ts';
import { calendarYearQuery, festivalDay, solarTermDay } from '../../../../domain/calendar/schemas.ts';

export function calendarRoutes() {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/calendar/festivals',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['calendar'],
          summary:
            'Festival days of a year (lunar festivals, Lei Feng Day, International Volunteer Day), sorted by date',
          querystring: calendarYearQuery,
          response: { 200: z.array(festivalDay) },
        },
      },
      (req) => festivals(req.query.year),
    );

    r.get(
      '/api/calendar/solar-terms',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['calendar'],
          summary: 'The 24 solar terms of a year, dates in China Standard Time',
          querystring: calendarYearQuery,
          response: { 200: z.array(solarTermDay) },
        },
      },
      (req) => solarTerms(req.query.year).map((t) => ({ key: t.key, date: t.date, name: { zh: t.zh, en: t.en } })),
    );
  };
}
