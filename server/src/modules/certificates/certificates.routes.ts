// /api/certificates: staff issue, list, revoke and download service certificates and set the issuer; volunteers
// request and download their own; anyone verifies one by its token (public, no sign-in).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  certificateQuery,
  certificateSettingsView,
  certificateView,
  issueInput,
  requestInput,
  revokeInput,
  settingsInput,
  verifyView,
} from '../../../../domain/records/certificates.ts';
import { actorOf, publicOrigin, requestContext } from '../../platform/http.ts';
import type { CertificatesService } from './certificates.service.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';

const page = (item: z.ZodTypeAny) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export function certificatesRoutes(svc: CertificatesService, rateLimits = true) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['certificates'];
    const issue = { access: { permission: 'certificates.issue' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };
    const pdfReply = (reply: any, f: { number: string; bytes: Buffer }) =>
      reply
        .type(MIME.pdf)
        .header('content-disposition', `inline; filename="${f.number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(f.bytes);

    r.get(
      '/api/certificates',
      {
        config: issue,
        schema: {
          tags,
          summary: 'Issued certificates, newest first',
          querystring: certificateQuery,
          response: { 200: page(certificateView) },
        },
      },
      (req) => svc.list(actorOf(req), req.query, req.query.page, req.query.pageSize, publicOrigin(req)),
    );
    r.post(
      '/api/certificates',
      {
        config: issue,
        schema: {
          tags,
          summary: "Issue a certificate of a volunteer's verified service in a period",
          body: issueInput,
          response: { 201: certificateView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.issue(actorOf(req), req.body, publicOrigin(req), requestContext(req))),
    );
    r.post(
      '/api/certificates/:id/revoke',
      {
        config: issue,
        schema: {
          tags,
          summary: 'Revoke a certificate, with the reason (the verify page then says revoked)',
          params: idParam,
          body: revokeInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.revoke(actorOf(req), req.params.id, req.body.reason, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/certificates/:id/pdf',
      {
        config: issue,
        schema: {
          tags,
          summary: 'The certificate as a PDF, drawn from its snapshot',
          params: idParam,
          response: { 200: fileResponse('The certificate', MIME.pdf) },
        },
      },
      async (req, reply) => pdfReply(reply, await svc.pdf(actorOf(req), req.params.id, publicOrigin(req), false)),
    );
    r.get(
      '/api/certificates/settings',
      {
        config: issue,
        schema: { tags, summary: 'The issuer as certificates print it', response: { 200: certificateSettingsView } },
      },
      (req) => svc.settings(actorOf(req).communityId, actorOf(req).communityName),
    );
    r.put(
      '/api/certificates/settings',
      {
        config: issue,
        schema: {
          tags,
          summary: 'Set the issuer, responsible person, default handler, contact and number prefix',
          body: settingsInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.saveSettings(actorOf(req), req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/certificates/mine',
      { config: self, schema: { tags, summary: 'My certificates', response: { 200: z.array(certificateView) } } },
      (req) => svc.mine(actorOf(req), publicOrigin(req)),
    );
    r.post(
      '/api/certificates/mine',
      {
        config: self,
        schema: {
          tags,
          summary: 'Request my certificate (issued at once from the verified record)',
          body: requestInput,
          response: { 201: certificateView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.request(actorOf(req), req.body, publicOrigin(req), requestContext(req))),
    );
    r.get(
      '/api/certificates/mine/:id/pdf',
      {
        config: self,
        schema: {
          tags,
          summary: 'My certificate as a PDF',
          params: idParam,
          response: { 200: fileResponse('The certificate', MIME.pdf) },
        },
      },
      async (req, reply) => pdfReply(reply, await svc.pdf(actorOf(req), req.params.id, publicOrigin(req), true)),
    );

    r.get(
      '/api/certificates/verify/:communityId/:token',
      {
        // Public, so limited per address: the 144-bit token cannot be guessed, and nobody need try.
        config: {
          access: { public: true },
          ...(rateLimits ? { rateLimit: { max: 120, timeWindow: '1 minute' } } : {}),
        },
        schema: {
          tags,
          summary: 'Is this certificate genuine? (public; by the token in its QR code)',
          params: z.object({ communityId: uuid, token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'invalid.value') }),
          response: { 200: verifyView },
        },
      },
      (req) => svc.verify(req.params.communityId, req.params.token),
    );
  };
}
