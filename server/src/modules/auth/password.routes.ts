// Password routes: change my own, send a member a reset code (staff), set a new password with the code (public), and
// first setup through the one-time link (public).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mobile } from '../../../../domain/registry/schemas.ts';
import { PASSWORD_MAX_LENGTH } from '../../../../domain/access/password-policy.ts';
import { setupFields } from '../../../../domain/access/setup.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { PasswordService } from './password.service.ts';
import type { SetupService } from './setup.service.ts';

const password = z.string().min(1, 'invalid.required').max(PASSWORD_MAX_LENGTH);

export function passwordRoutes(passwords: PasswordService, setup: SetupService, opts: { rateLimits: boolean }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limit = (max: number) => (opts.rateLimits ? { rateLimit: { max, timeWindow: '1 minute' } } : {});

    r.post(
      '/api/auth/password',
      {
        config: { access: { signedIn: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Change my password (my other sessions end)',
          body: z.object({ currentPassword: password, newPassword: password }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await passwords.changeOwn(actorOf(req), req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/accounts/password-reset',
      {
        config: { access: { permission: 'accounts.reset' as const }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Send a member a code to set a new password with (staff never learn it)',
          body: z.object({ phone: mobile }),
          response: { 202: z.object({ sent: z.boolean(), expiresInMinutes: z.number() }) },
        },
      },
      async (req, reply) => {
        const r2 = await passwords.sendResetCode(actorOf(req), req.body.phone, requestContext(req));
        return reply.status(202).send({ sent: true, ...r2 });
      },
    );

    r.post(
      '/api/auth/password-reset',
      {
        config: { access: { public: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with the code staff sent (every session of the account ends)',
          body: z.object({
            phone: mobile,
            code: z.string().regex(/^\d{6}$/, 'invalid.value'),
            newPassword: password,
          }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await passwords.resetWithCode(req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/setup',
      {
        config: { access: { public: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'First setup: the first community and its admin, with the one-time link the server printed',
          body: setupFields.extend({ token: z.string().min(10).max(200) }),
          response: { 201: z.object({ communityId: z.string(), adminPhone: z.string() }) },
        },
      },
      async (req, reply) => {
        const { token, ...fields } = req.body;
        const made = await setup.createFirstCommunity(fields, token, requestContext(req));
        return reply.status(201).send({ communityId: made.communityId, adminPhone: fields.adminPhone });
      },
    );
  };
}
