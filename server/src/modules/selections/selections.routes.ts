import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  guardianConsentInput,
  honour,
  nomineeDecision,
  phoneSelection,
  residentNomination,
  selectionDetail,
  selectionInput,
  selectionItem,
  staffNomination,
  voteInput,
} from '../../../../domain/selections/schemas.ts';
import type { Db } from '../../db/database.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import { publishedHonours, type SelectionsService } from './selections.service.ts';

const nomineeParams = z.object({ id: uuid, nomineeId: uuid });
const created = z.object({ id: z.string() });

export function selectionsRoutes(selections: SelectionsService, db: Db) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'selections.manage' as const } };
    const resident = { access: { permission: 'resident.self' as const } };
    const tags = ['selections'];

    r.get(
      '/api/selections',
      { config: manage, schema: { tags, summary: 'Selections (评选)', response: { 200: z.array(selectionItem) } } },
      (req) => selections.list(actorOf(req)),
    );
    r.post(
      '/api/selections',
      {
        config: manage,
        schema: { tags, summary: 'Open a selection', body: selectionInput, response: { 201: created } },
      },
      async (req, reply) =>
        reply.status(201).send(await selections.create(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/selections/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A selection with its nominees and votes',
          params: idParam,
          response: { 200: selectionDetail },
        },
      },
      (req) => selections.detail(actorOf(req), req.params.id),
    );
    r.post(
      '/api/selections/:id/nominees',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Nominate onto the ballot (staff)',
          params: idParam,
          body: staffNomination,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await selections.nominateByStaff(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.post(
      '/api/selections/:id/nominees/:nomineeId/decision',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Accept a resident’s nomination onto the ballot, or reject it',
          params: nomineeParams,
          body: nomineeDecision,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await selections.decide(
          actorOf(req),
          req.params.id,
          req.params.nomineeId,
          req.body.accept,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/selections/:id/nominees/:nomineeId/guardian-consent',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a minor nominee’s guardian’s signed consent to publish',
          params: nomineeParams,
          body: guardianConsentInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await selections.recordGuardianConsent(
          actorOf(req),
          req.params.id,
          req.params.nomineeId,
          req.body,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/selections/:id/close',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Close the vote and compute the results',
          params: idParam,
          response: { 200: selectionDetail },
        },
      },
      (req) => selections.close(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/selections/:id/publish',
      {
        config: manage,
        schema: { tags, summary: 'Publish the results as honours', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await selections.publish(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );

    // On the phone.
    r.get(
      '/api/me/selections',
      {
        config: resident,
        schema: {
          tags,
          summary: 'Selections taking nominations or votes today, with my vote',
          response: { 200: z.array(phoneSelection) },
        },
      },
      (req) => selections.phone(actorOf(req)),
    );
    r.post(
      '/api/me/selections/:id/nominations',
      {
        config: resident,
        schema: {
          tags,
          summary: 'Nominate someone, with a reason',
          params: idParam,
          body: residentNomination,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await selections.nominateByResident(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.post(
      '/api/me/selections/:id/vote',
      {
        config: resident,
        schema: {
          tags,
          summary: 'Vote (once per resident and selection)',
          params: idParam,
          body: voteInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await selections.vote(actorOf(req), req.params.id, req.body.nomineeId, requestContext(req));
        return reply.status(204).send();
      },
    );

    // The community's honours, for its public site: names and honours only.
    r.get(
      '/api/public/:communityId/honours',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: 'The community’s published honours (no sign-in; names and honours only)',
          params: z.object({ communityId: uuid }),
          response: { 200: z.array(honour) },
        },
      },
      (req) => publishedHonours(db, req.params.communityId),
    );
  };
}
