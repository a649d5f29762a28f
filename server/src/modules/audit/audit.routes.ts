import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paging } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { page } from '../../../../domain/registry/schemas.ts';

const entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export function auditRoutes(db: Db, audit: AuditLog) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const access = { access: { permission: 'audit.read' as const } };

    r.get(
      '/api/audit',
      {
        config: access,
        schema: {
          tags: ['audit'],
          summary: 'The audit log of my community, newest first',
          querystring: z.object({
            action: z.string().max(60).optional(),
            entityType: z.string().max(40).optional(),
            entityId: z.string().max(40).optional(),
            actor: z.string().max(30).optional(),
            ...paging(50),
          }),
          response: { 200: page(entry) },
        },
      },
      async (req) => {
        const { communityId } = actorOf(req);
        const q = req.query;
        let base = db.selectFrom('audit_log').where('community_id', '=', communityId);
        if (q.action) base = base.where('action', '=', q.action);
        if (q.entityType) base = base.where('entity_type', '=', q.entityType);
        if (q.entityId) base = base.where('entity_id', '=', q.entityId);
        if (q.actor) base = base.where('actor_name', '=', q.actor);
        const [rows, total] = await Promise.all([
          base
            .selectAll()
            .orderBy('seq', 'desc')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
          base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return {
          items: rows.map((e) => ({
            seq: Number(e.seq),
            at: e.at,
            actorName: e.actor_name,
            actorRole: e.actor_role,
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            detail: JSON.parse(e.detail),
            ip: e.ip,
          })),
          total: Number(total.n),
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    r.get(
      '/api/audit/verify',
      {
        config: access,
        schema: {
          tags: ['audit'],
          summary: 'Check the hash chain of my community’s audit log',
          response: { 200: z.object({ ok: z.boolean(), checked: z.number(), brokenAt: z.number().nullable() }) },
        },
      },
      (req) => audit.verify(actorOf(req).communityId),
    );
    // The outbox's list lives with its delivery status in the notifications module.
  };
}
