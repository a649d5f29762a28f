// /api/points: my points and redemptions (volunteer), a volunteer's points, the love supermarket's items,
// stock and redemptions (staff with points.manage). The rule (rate, caps) is in /api/hours/settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, paging, uuid } from '../../../../domain/shared/schemas.ts';
import {
  itemInput,
  itemPatch,
  itemView,
  pointsAccountView,
  redeemInput,
  redemptionView,
  restockInput,
  shelfView,
} from '../../../../domain/records/supermarket.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import type { PointsService } from './points.service.ts';

export function pointsRoutes(svc: PointsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['points'];
    const manage = { access: { permission: 'points.manage' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };

    r.get(
      '/api/points/mine',
      {
        config: self,
        schema: { tags, summary: 'My points balance, history and redemptions', response: { 200: pointsAccountView } },
      },
      (req) => svc.mine(actorOf(req)),
    );
    r.get(
      '/api/points/volunteers/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: "A volunteer's points balance, history and redemptions",
          params: idParam,
          response: { 200: pointsAccountView },
        },
      },
      (req) => svc.ofVolunteer(actorOf(req), req.params.id),
    );
    r.get(
      '/api/points/items',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Love supermarket items',
          querystring: z.object({
            activeOnly: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
          }),
          response: { 200: z.array(itemView) },
        },
      },
      (req) => svc.items(actorOf(req), req.query.activeOnly ?? false),
    );
    r.post(
      '/api/points/items',
      { config: manage, schema: { tags, summary: 'Add an item', body: itemInput, response: { 201: itemView } } },
      async (req, reply) => reply.status(201).send(await svc.createItem(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/points/items/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Rename, reprice, or take an item off the shelf',
          params: idParam,
          body: itemPatch,
          response: { 200: itemView },
        },
      },
      (req) => svc.updateItem(actorOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.post(
      '/api/points/items/:id/restock',
      {
        config: manage,
        schema: { tags, summary: 'Add stock', params: idParam, body: restockInput, response: { 200: itemView } },
      },
      (req) => svc.restock(actorOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.post(
      '/api/points/redemptions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Redeem a basket for a volunteer (all or nothing)',
          body: redeemInput,
          response: { 201: redemptionView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.redeem(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/points/redemptions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Redemption history, newest first',
          querystring: z.object({
            volunteerId: uuid.optional(),
            ...paging(20),
          }),
          response: {
            200: z.object({
              items: z.array(redemptionView),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          },
        },
      },
      (req) =>
        svc.redemptions(actorOf(req), { volunteerId: req.query.volunteerId }, req.query.page, req.query.pageSize),
    );
    r.get(
      '/api/points/shelf',
      {
        config: self,
        schema: {
          tags,
          summary: "The love supermarket's shelf for me: items on offer, in stock or not, and what my balance buys now",
          querystring: z.object(paging(100)),
          response: { 200: shelfView },
        },
      },
      (req) => svc.myShelf(actorOf(req), req.query),
    );
  };
}
