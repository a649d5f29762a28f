// Excel routes of the registry: the roster template, the import, and the two exports.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { householdQuery, residentQuery } from '../../../../domain/registry/schemas.ts';
import { sendWorkbook, xlsxDownload } from '../../platform/excel.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import { RegistryExcel } from './registry.excel.ts';
import type { RegistryService } from './registry.service.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import { receiveFile, type UploadLimits } from '../../platform/upload-guard.ts';

const importResult = z.object({
  rows: z.number(),
  residents: z.number(),
  households: z.object({ created: z.number(), existing: z.number() }),
});

export function registryExcelRoutes(registry: RegistryService, uploads: UploadLimits) {
  const excel = new RegistryExcel(registry, uploads.maxInflatedBytes);

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
        const { buffer, fileName } = await receiveFile(req, uploads.maxUploadBytes);
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
