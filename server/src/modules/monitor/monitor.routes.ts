import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SPECIAL_GROUPS } from '../../../../domain/registry/special-groups.ts';
import { leftOutQuery } from '../../../../domain/pairings/schemas.ts';
import { sendWorkbook, streamWorkbook } from '../../platform/excel.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import { SPECIAL_GROUP_LABELS } from '../../../../domain/registry/special-groups.ts';
import { MonitorService } from './monitor.service.ts';
import { CONTACT_KINDS, CONTACT_KIND_LABELS } from '../../../../domain/contacts/kinds.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';

const spread = z.object({
  residents: z.number(),
  visits: z.number(),
  unvisited: z.number(),
  gini: z.number().nullable(),
  topTenthShare: z.number().nullable(),
});
const row = z.object({
  residentId: z.string(),
  name: z.string(),
  age: z.number(),
  gridId: z.string(),
  gridName: z.string(),
  address: z.string(),
  groups: z.array(z.enum(SPECIAL_GROUPS)),
  lastContactOn: z.string().nullable(),
  lastContactKind: z.enum(CONTACT_KINDS).nullable(),
  daysSince: z.number().nullable(),
  paired: z.boolean(),
  openNeeds: z.number(),
});

/** One row per resident, as the monitor page lists them; groups the reader may not see are already left out. */
function leftOutWorkbook(rows: Array<z.infer<typeof row>>) {
  return streamWorkbook(
    '遗漏监测',
    [
      ['姓名', 10],
      ['年龄', 6],
      ['网格', 12],
      ['住址', 24],
      ['特殊群体', 24],
      ['最近联系', 12],
      ['联系方式', 10],
      ['未联系天数', 10],
      ['结对', 6],
      ['未完成需求', 10],
    ],
    (async function* () {
      yield rows.map((r) => [
        r.name,
        r.age,
        r.gridName,
        r.address,
        r.groups.map((g) => SPECIAL_GROUP_LABELS[g].zh).join('、'),
        r.lastContactOn ?? '从未',
        r.lastContactKind ? CONTACT_KIND_LABELS[r.lastContactKind].zh : '',
        r.daysSince,
        r.paired ? '是' : '否',
        r.openNeeds,
      ]);
    })(),
  );
}

export function monitorRoutes(monitor: MonitorService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'needs.read' as const } };
    const tags = ['monitor'];
    r.get(
      '/api/monitor/left-out',
      {
        config: read,
        schema: {
          tags,
          summary: 'Residents in special groups, left out longest first (grid leaders: their grid)',
          querystring: leftOutQuery,
          response: {
            200: z.object({
              items: z.array(row),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              today: z.string(),
              summary: z.object({
                residents: z.number(),
                neverContacted: z.number(),
                silentOverAlert: z.number(),
                unpaired: z.number(),
                alertDays: z.number(),
                hidden: z.number(),
              }),
            }),
          },
        },
      },
      (req) => monitor.leftOut(actorOf(req), grantOf(req), req.query),
    );
    r.get(
      '/api/monitor/left-out/export',
      {
        config: read,
        schema: {
          tags,
          summary: 'The left-out list as Excel, with the same filters (audited)',
          querystring: leftOutQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The left-out list as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const { rows } = await monitor.exportLeftOut(actorOf(req), grantOf(req), req.query, requestContext(req));
        const day = new Date().toISOString().slice(0, 10);
        return sendWorkbook(reply, {
          fileName: `遗漏监测-${day}.xlsx`,
          asciiFileName: `left-out-${day}.xlsx`,
          rows: rows.length,
          stream: leftOutWorkbook(rows),
        });
      },
    );
    r.get(
      '/api/monitor/spread',
      {
        config: read,
        schema: {
          tags,
          summary: 'Per grid, how evenly contacts in the last `days` days spread over special-group residents',
          querystring: z.object({ days: z.coerce.number().int().min(7).max(366).default(365) }),
          response: {
            200: z.object({
              days: z.number(),
              from: z.string(),
              grids: z.array(spread.extend({ gridId: z.string(), gridName: z.string() })),
              community: spread.nullable(),
            }),
          },
        },
      },
      (req) => monitor.spread(actorOf(req), grantOf(req), req.query.days),
    );
    r.get(
      '/api/monitor/contacts-by-kind',
      {
        config: read,
        schema: {
          tags,
          summary: 'Contacts in the record of service over the last year, per kind (every kind, zero or not)',
          response: {
            200: z.object(
              Object.fromEntries(CONTACT_KINDS.map((k) => [k, z.number()])) as {
                [K in (typeof CONTACT_KINDS)[number]]: z.ZodNumber;
              },
            ),
          },
        },
      },
      (req) => monitor.contactsByKind(actorOf(req)),
    );
  };
}
