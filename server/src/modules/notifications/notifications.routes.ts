import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestContext } from '../../platform/http.ts';
import { withoutCodes } from '../../platform/notify.ts';
import { OUTBOX_STATUSES } from '../../platform/outbox.ts';
import type { NotificationsService } from './notifications.service.ts';

const preferences = z.object({
  app: z.boolean(),
  sms: z.boolean(),
  wechat: z.boolean(),
  optedOut: z.boolean(),
});

const outboxItem = z.object({
  id: z.string(),
  channel: z.string(),
  recipient: z.string(),
  template: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.string(),
  urgent: z.boolean(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  provider: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

const menuButton = z.object({ type: z.string().optional(), name: z.string(), url: z.string().optional() });

export function notificationsRoutes(svc: NotificationsService, opts: { showCodes: boolean } = { showCodes: true }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/me/notification-preferences',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['me'],
          summary: '消息设置: which channels I get messages on, or none (safety messages and codes still come)',
          response: { 200: preferences },
        },
      },
      (req) => svc.preferences(actorOf(req)),
    );
    r.put(
      '/api/me/notification-preferences',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['me'],
          summary: 'Change my message channels or opt out',
          body: preferences.strict(),
          response: { 200: preferences },
        },
      },
      (req) => svc.setPreferences(actorOf(req), req.body),
    );
    r.get(
      '/api/outbox',
      {
        config: { access: { permission: 'outbox.read' as const } },
        schema: {
          tags: ['platform'],
          summary: 'The 100 newest messages to people of my community, with their delivery status',
          querystring: z.object({
            status: z.enum(OUTBOX_STATUSES).optional(),
            channel: z.enum(['app', 'sms', 'wechat']).optional(),
          }),
          response: { 200: z.object({ items: z.array(outboxItem) }) },
        },
      },
      async (req) => {
        const rows = await svc.list(actorOf(req), req.query);
        return {
          items: rows.map((n) => ({
            id: n.id,
            channel: n.channel,
            recipient: n.recipient,
            template: n.template,
            payload: shown(n.template, JSON.parse(n.payload) as Record<string, unknown>, opts.showCodes),
            status: n.status,
            urgent: !!n.urgent,
            attempts: n.attempts,
            nextAttemptAt: n.next_attempt_at,
            provider: n.provider,
            lastError: n.last_error,
            createdAt: n.created_at,
            sentAt: n.sent_at,
          })),
        };
      },
    );
    r.post(
      '/api/outbox/:id/retry',
      {
        config: { access: { permission: 'outbox.retry' as const } },
        schema: {
          tags: ['platform'],
          summary: 'Send a failed message again',
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await svc.retry(actorOf(req), req.params.id, requestContext(req));
        return { ok: true as const };
      },
    );
    r.post(
      '/api/wechat/menu',
      {
        config: { access: { permission: 'outbox.retry' as const } },
        schema: {
          tags: ['wechat'],
          summary: "Set the official account's menu: the phone home, activities, and my community's public site",
          response: { 200: z.object({ button: z.array(menuButton) }) },
        },
      },
      async (req) => ({ button: await svc.publishMenu(actorOf(req), requestContext(req)) }),
    );
  };
}

// The development channel shows codes (the demo signs in with them); a real provider's reach the person alone.
function shown(template: string, payload: Record<string, unknown>, showCodes: boolean): Record<string, unknown> {
  return showCodes ? payload : withoutCodes(template, payload);
}
