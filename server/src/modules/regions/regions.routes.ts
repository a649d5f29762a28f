// /api/regions: what a street, district or city office (or a community's admin, for its own community) may see
// above the community — the tree, its communities' figures side by side, a community's grids. Never a record.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import { uuid } from '../../../../domain/shared/schemas.ts';
import { officeAccountInput, officeAccountView } from '../../../../domain/regions/accounts.ts';
import type { ViewNode } from './regions-scope.ts';
import type { RegionsService } from './regions.service.ts';
import type { RegionAccountsService } from './regions-accounts.service.ts';

const kind = z.enum(['city', 'district', 'street', 'community', 'grid']);
// Spelled out to its depth (city → district → street → community → grid): the API document needs no recursion.
function nodeSchema(depth: number): z.ZodType<ViewNode> {
  return z.object({
    id: z.string(),
    kind,
    name: z.string(),
    children: depth > 0 ? z.array(nodeSchema(depth - 1)) : z.array(z.never()).max(0),
  }) as unknown as z.ZodType<ViewNode>;
}
const viewNode = nodeSchema(4);
const counts = { households: z.number().int(), residents: z.number().int(), volunteers: z.number().int() };
const id = z.string().min(1).max(64);

export function regionsRoutes(regions: RegionsService, accounts: RegionAccountsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const access = { access: { permission: 'regions.read' as const } };

    r.get(
      '/api/regions/tree',
      {
        config: access,
        schema: {
          tags: ['regions'],
          summary: 'The regions and communities I may see (市 → 区 → 街道 → 社区)',
          response: { 200: viewNode },
        },
      },
      async (req) => regions.tree(actorOf(req)),
    );

    r.get(
      '/api/regions/communities',
      {
        config: access,
        schema: {
          tags: ['regions'],
          summary: "A node's communities side by side: grids, households, residents, volunteers",
          querystring: z.object({ node: id.optional() }),
          response: {
            200: z.object({
              node: z.object({ id: z.string(), kind, name: z.string() }),
              communities: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  street: z.string().nullable(),
                  grids: z.number().int(),
                  ...counts,
                }),
              ),
            }),
          },
        },
      },
      async (req) => regions.communities(actorOf(req), req.query.node),
    );

    r.get(
      '/api/regions/communities/:id/grids',
      {
        config: access,
        schema: {
          tags: ['regions'],
          summary: "A community's grids with their figures",
          params: z.object({ id }),
          response: {
            200: z.object({
              community: z.object({ id: z.string(), name: z.string() }),
              grids: z.array(z.object({ id: z.string(), name: z.string(), ...counts })),
            }),
          },
        },
      },
      async (req) => regions.grids(actorOf(req), req.params.id),
    );

    const manage = { access: { permission: 'regions.accounts' as const } };
    const regionRef = z.object({ id: z.string(), kind: z.enum(['city', 'district', 'street']), name: z.string() });
    r.get(
      '/api/regions/accounts',
      {
        config: manage,
        schema: {
          tags: ['regions'],
          summary: 'The office accounts of my region and the regions under it (phones masked), and where I may add one',
          response: { 200: z.object({ regions: z.array(regionRef), accounts: z.array(officeAccountView) }) },
        },
      },
      async (req) => accounts.list(actorOf(req)),
    );
    r.post(
      '/api/regions/accounts',
      {
        config: manage,
        schema: {
          tags: ['regions'],
          summary:
            'Add an office account (the role follows the region: street, district or city admin); a new account ' +
            'has no password, signs in with a text code and is told by text',
          body: officeAccountInput,
          response: { 201: z.object({ id: z.string(), created: z.boolean() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await accounts.add(actorOf(req), req.body, requestContext(req))),
    );
    r.delete(
      '/api/regions/accounts/:id',
      {
        config: manage,
        schema: {
          tags: ['regions'],
          summary: "Take an office role away (the account stays); never one's own",
          params: z.object({ id: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await accounts.remove(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
