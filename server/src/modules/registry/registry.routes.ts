import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  buildingInput,
  consentInput,
  familyContactInput,
  householdInput,
  householdPatch,
  householdQuery,
  page,
  registrySummary,
  residentInput,
  residentLeftInput,
  residentPatch,
  residentListItem,
  residentQuery,
} from '../../../../domain/registry/schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { RegistryService } from './registry.service.ts';
import { noContent } from '../../platform/responses.ts';

const created = z.object({ id: z.string() });
const householdItem = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingNumber: z.string(),
  unit: z.string(),
  room: z.string(),
  address: z.string(),
  gridId: z.string(),
  isMigrant: z.boolean(),
  dibao: z.boolean().nullable(),
  memberCount: z.number(),
  headName: z.string().nullable(),
});
const residentDetail = residentListItem.extend({
  relationToHead: z.string(),
  note: z.string().nullable(),
  status: z.string(),
  hasHealth: z.boolean().nullable(),
  hasDisability: z.boolean().nullable(),
  householdDibao: z.boolean().nullable(),
  familyContacts: z.array(
    z.object({ id: z.string(), name: z.string(), relation: z.string(), phone: z.string(), isPrimary: z.boolean() }),
  ),
  consents: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      givenByName: z.string(),
      givenByRelation: z.string(),
      givenAt: z.string(),
      withdrawnAt: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const sensitive = z.object({
  idNumber: z.string().nullable(),
  health: z.object({ conditions: z.array(z.string()), note: z.string().optional() }).nullable(),
  disability: z
    .object({ kind: z.string(), grade: z.string().optional(), certificateNo: z.string().optional() })
    .nullable(),
  dibao: z.boolean().nullable(),
});

export function registryRoutes(registry: RegistryService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'registry.read' as const } };
    const write = { access: { permission: 'registry.write' as const } };

    r.get(
      '/api/registry/summary',
      {
        config: read,
        schema: { tags: ['registry'], summary: 'Counts of the community registry', response: { 200: registrySummary } },
      },
      (req) => registry.summary(actorOf(req), grantOf(req)),
    );

    r.get(
      '/api/grids',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'Grids with their leaders and counts',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                name: z.string(),
                leaderName: z.string().nullable(),
                buildings: z.number(),
                households: z.number(),
                residents: z.number(),
              }),
            ),
          },
        },
      },
      (req) => registry.grids(actorOf(req), grantOf(req)),
    );

    r.get(
      '/api/buildings',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'Buildings, optionally of one grid',
          querystring: z.object({ gridId: uuid.optional() }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                street: z.string(),
                gridId: z.string(),
                gridName: z.string(),
                households: z.number(),
              }),
            ),
          },
        },
      },
      (req) => registry.buildings(actorOf(req), grantOf(req), req.query.gridId),
    );

    r.post(
      '/api/buildings',
      {
        config: write,
        schema: { tags: ['registry'], summary: 'Add a building', body: buildingInput, response: { 201: created } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.createBuilding(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );

    r.get(
      '/api/households',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'Households, filtered and paged',
          querystring: householdQuery,
          response: { 200: page(householdItem) },
        },
      },
      (req) => registry.households(actorOf(req), grantOf(req), req.query),
    );

    r.get(
      '/api/households/:id',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'One household with its members',
          params: idParam,
          response: {
            200: householdItem.extend({
              note: z.string().nullable(),
              members: z.array(residentListItem),
              createdAt: z.string(),
              updatedAt: z.string(),
            }),
          },
        },
      },
      (req) => registry.household(actorOf(req), grantOf(req), req.params.id),
    );

    r.post(
      '/api/households',
      {
        config: write,
        schema: { tags: ['registry'], summary: 'Add a household', body: householdInput, response: { 201: created } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.createHousehold(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );

    r.patch(
      '/api/households/:id',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Edit a household',
          params: idParam,
          body: householdPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await registry.updateHousehold(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/residents',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'Find residents by name, pinyin, initials or phone tail, with filters',
          querystring: residentQuery,
          response: { 200: page(residentListItem) },
        },
      },
      (req) => registry.residentPage(actorOf(req), grantOf(req), req.query),
    );

    r.get(
      '/api/residents/:id',
      {
        config: read,
        schema: {
          tags: ['registry'],
          summary: 'One resident (sensitive fields masked)',
          params: idParam,
          response: { 200: residentDetail },
        },
      },
      (req) => registry.resident(actorOf(req), grantOf(req), req.params.id),
    );

    r.get(
      '/api/residents/:id/sensitive',
      {
        config: { access: { permission: 'registry.sensitive' as const } },
        schema: {
          tags: ['registry'],
          summary: 'Reveal ID number, health, disability and dibao (audited)',
          params: idParam,
          response: { 200: sensitive },
        },
      },
      async (req) => {
        const grant = grantOf(req);
        // The reveal is bounded by what the caller may read as well.
        return registry.residentSensitive(actorOf(req), grant, req.params.id, requestContext(req));
      },
    );

    r.post(
      '/api/residents',
      {
        config: write,
        schema: { tags: ['registry'], summary: 'Add a resident', body: residentInput, response: { 201: created } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.createResident(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );

    r.patch(
      '/api/residents/:id',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Edit a resident',
          params: idParam,
          body: residentPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await registry.updateResident(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/residents/:id/contacts',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Add a family contact',
          params: idParam,
          body: familyContactInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.addContact(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req))),
    );

    r.delete(
      '/api/residents/:id/contacts/:contactId',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Remove a family contact',
          params: idParam.extend({ contactId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await registry.removeContact(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.params.contactId,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/residents/:id/consents',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Record a consent',
          params: idParam,
          body: consentInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.addConsent(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req))),
    );

    r.post(
      '/api/residents/:id/left',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Mark a resident as moved out or deceased (the record stays; a love badge stops)',
          params: idParam,
          body: residentLeftInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await registry.residentLeft(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/residents/:id/consents/:consentId/withdraw',
      {
        config: write,
        schema: {
          tags: ['registry'],
          summary: 'Withdraw a consent',
          params: idParam.extend({ consentId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await registry.withdrawConsent(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.params.consentId,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );
  };
}
