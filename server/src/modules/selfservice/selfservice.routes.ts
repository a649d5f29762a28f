// The volunteer's own record to take away, from the phone's hours page: a PDF and an Excel workbook of every
// verified entry with totals, star and certificates. Personal data: never cached; each download audited.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requestContext } from '../../platform/http.ts';
import { xlsxDownload } from '../../platform/excel.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import { contentDisposition } from '../../platform/http.ts';
import type { PersonalRecord } from './record.service.ts';

export function selfServiceRoutes(record: PersonalRecord) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const self = { access: { permission: 'volunteer.self' as const } };
    const tags = ['hours'];

    r.get(
      '/api/hours/mine/record.pdf',
      {
        config: self,
        schema: {
          tags,
          summary: 'My record to take away: every verified entry, totals, star and certificates (PDF)',
          response: { 200: fileResponse('The record (PDF)', MIME.pdf) },
        },
      },
      async (req, reply) => {
        const f = await record.download(actorOf(req), 'pdf', requestContext(req));
        return reply
          .type(MIME.pdf)
          .header('content-disposition', contentDisposition(f.fileName, f.ascii))
          .header('cache-control', 'no-store')
          .send(f.bytes);
      },
    );
    r.get(
      '/api/hours/mine/record.xlsx',
      {
        config: self,
        schema: {
          tags,
          summary: 'My record to take away: every verified entry, totals, star and certificates (Excel)',
          response: { 200: fileResponse('The record (Excel)', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const f = await record.download(actorOf(req), 'xlsx', requestContext(req));
        return xlsxDownload(reply, f.fileName, f.ascii).send(f.bytes);
      },
    );
  };
}
