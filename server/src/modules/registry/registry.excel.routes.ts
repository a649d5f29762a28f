// Excel routes of the registry: the roster template, the import, and the two exports.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { householdQuery, residentQuery } from '../../../../domain/registry/schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { sendWorkbook, xlsxDownload } from '../../platform/excel.ts';
import { actorOf, grantOf, refuseNul, requestContext } from '../../platform/http.ts';
import { RegistryExcel } from './registry.excel.ts';
import type { RegistryService } from './registry.service.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';

const importResult = z.object({
  rows: z.number(),
  residents: z.number(),
  households: z.object({ created: z.number(), existing: z.number() }),
});

export function registryExcelRoutes(registry: RegistryService, maxUploadBytes: number) {
  const excel = new RegistryExcel(registry);
  const maxMb = Math.round((maxUploadBytes / 1048576) * 10) / 10;

  /** The uploaded file's bytes, with the upload's own failures turned into errors the user can act on. */
  async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
    if (!req.isMultipart()) throw new AppError('unsupported_file');
    try {
      const part = await req.file({ limits: { fileSize: maxUploadBytes, files: 1 } });
      if (!part) throw new AppError('validation', { fields: [{ field: 'file', message: 'invalid.required' }] });
      // The file's name is kept with the import; multipart parts escape the platform's NUL check of parsed bodies.
      refuseNul(part.filename, 'file');
      return { buffer: await part.toBuffer(), fileName: part.filename };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: string })?.code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { maxMb });
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_file');
      throw err;
    }
  }

  return async (app: FastifyInstance) => {
    app.addHook('onClose', () => excel.close());
    const r = app.withTypeProvider<ZodTypeProvider>();
    const importing = { access: { permission: 'registry.import' as const } };
    const exporting = { access: { permission: 'registry.export' as const } };

    r.get(
      '/api/registry/import/template',
      {
        config: importing,
        schema: {
          tags: ['registry'],
          summary: 'The Excel roster template (one row per resident)',
          response: { 200: fileResponse('The roster template', MIME.xlsx) },
        },
      },
      async (req, reply) =>
        xlsxDownload(reply, '居民导入模板.xlsx', 'roster-template.xlsx').send(
          await excel.template(actorOf(req), grantOf(req)),
        ),
    );

    r.post(
      '/api/registry/import',
      {
        config: importing,
        schema: {
          tags: ['registry'],
          consumes: ['multipart/form-data'],
          summary: 'Import a filled-in roster (multipart field `file`): all rows or none; a refusal lists each bad row',
          response: { 201: importResult },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const grant = grantOf(req);
        excel.expectRoster();
        const { buffer, fileName } = await uploadedFile(req);
        return reply
          .status(201)
          .send(await excel.importRoster(actor, grant, buffer, requestContext(req), { fileName }));
      },
    );

    r.get(
      '/api/registry/export/residents',
      {
        config: exporting,
        schema: {
          tags: ['registry'],
          summary: 'Residents matching the filters of GET /api/residents, as Excel (audited)',
          querystring: residentQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The residents as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const file = await excel.residentsWorkbook(actorOf(req), grantOf(req), req.query, requestContext(req));
        return sendWorkbook(reply, file);
      },
    );

    r.get(
      '/api/registry/export/households',
      {
        config: exporting,
        schema: {
          tags: ['registry'],
          summary: 'Households matching the filters of GET /api/households, as Excel (audited)',
          querystring: householdQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The households as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const file = await excel.householdsWorkbook(actorOf(req), grantOf(req), req.query, requestContext(req));
        return sendWorkbook(reply, file);
      },
    );
  };
}
