// Enrolment in two-factor sign-in (the console's 两步验证 page), turning it off, and the admin's side: the community's
// requirement and resetting a staff member's two-factor. The second sign-in step itself is in auth.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { TwoFactorService } from './two-factor.service.ts';

const code = z.string().trim().min(6, 'invalid.value').max(20, 'invalid.value');

export function twoFactorRoutes(service: TwoFactorService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const signedIn = { access: { signedIn: true as const } };
    const admin = { access: { permission: 'security.manage' as const } };

    r.get(
      '/api/auth/two-factor/status',
      {
        config: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'My two-factor sign-in: on or off, recovery codes left, required by my community',
          response: {
            200: z.object({
              enabled: z.boolean(),
              enabledAt: z.string().nullable(),
              recoveryCodesLeft: z.number(),
              required: z.boolean(),
            }),
          },
        },
      },
      async (req) => service.status(actorOf(req)),
    );

    r.post(
      '/api/auth/two-factor/start',
      {
        config: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Start enrolment: a new secret, its otpauth link and QR code (in force once confirmed)',
          response: { 200: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }) },
        },
      },
      async (req) => service.start(actorOf(req)),
    );

    r.post(
      '/api/auth/two-factor/confirm',
      {
        config: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Confirm enrolment with a code from the app; answers the ten recovery codes, shown this once',
          body: z.object({ code }),
          response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
        },
      },
      async (req) => service.confirm(actorOf(req), req.body.code, requestContext(req)),
    );

    r.post(
      '/api/auth/two-factor/disable',
      {
        config: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Turn my two-factor sign-in off, with a current code or a recovery code',
          body: z.object({ code }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.disable(actorOf(req), req.body.code, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/auth/two-factor/policy',
      {
        config: admin,
        schema: {
          tags: ['auth'],
          summary: "The community's two-factor requirement and its admins' and staff's state",
          response: {
            200: z.object({
              admins: z.boolean(),
              staff: z.boolean(),
              people: z.array(
                z.object({
                  accountId: z.string(),
                  name: z.string(),
                  role: z.string(),
                  enabled: z.boolean(),
                  required: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => service.policy(actorOf(req)),
    );

    r.put(
      '/api/auth/two-factor/policy',
      {
        config: admin,
        schema: {
          tags: ['auth'],
          summary: 'Require two-factor sign-in of admins and/or staff',
          body: z.object({ admins: z.boolean(), staff: z.boolean() }).strict(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.setPolicy(actorOf(req), req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/auth/two-factor/reset/:accountId',
      {
        config: admin,
        schema: {
          tags: ['auth'],
          summary: "Reset a member's two-factor (a lost phone): audited, the person is told by text",
          params: z.object({ accountId: z.string().min(1).max(64) }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.reset(actorOf(req), req.params.accountId, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
