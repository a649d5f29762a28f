import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  audience,
  audienceOptions,
  audiencePreview,
  myMessages,
  noticeDetail,
  noticeInput,
  noticePage,
  pageQuery,
} from '../../../../domain/notices/schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { NoticesService } from './notices.service.ts';

export function noticesRoutes(notices: NoticesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const send = { access: { permission: 'notices.send' as const } };
    const tags = ['notices'];

    r.get(
      '/api/notices/audiences',
      {
        config: send,
        schema: { tags, summary: 'Whom the caller may send a notice to', response: { 200: audienceOptions } },
      },
      (req) => notices.options(actorOf(req), grantOf(req)),
    );
    r.post(
      '/api/notices/preview',
      {
        config: send,
        schema: {
          tags,
          summary: 'How many people an audience reaches and how many it cannot, before sending',
          body: z.object({ audience }),
          response: { 200: audiencePreview },
        },
      },
      (req) => notices.preview(actorOf(req), grantOf(req), req.body.audience),
    );
    r.post(
      '/api/notices',
      {
        config: send,
        schema: {
          tags,
          summary: 'Send a notice: one message per person through the outbox',
          body: noticeInput,
          response: { 201: z.object({ id: z.string(), recipients: z.number(), unreachable: z.number() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await notices.send(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/notices',
      {
        config: send,
        schema: {
          tags,
          summary: 'Notices sent, newest first, with their messages counted by delivery status',
          querystring: pageQuery,
          response: { 200: noticePage },
        },
      },
      (req) => notices.list(actorOf(req), grantOf(req), req.query.page, req.query.pageSize),
    );
    r.get(
      '/api/notices/:id',
      {
        config: send,
        schema: {
          tags,
          summary: 'One notice with each person it went to and their message’s status',
          params: idParam,
          response: { 200: noticeDetail },
        },
      },
      (req) => notices.get(actorOf(req), grantOf(req), req.params.id),
    );

    r.get(
      '/api/me/messages',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary: '我的消息: the caller’s own messages, newest first, and how many are unread',
          querystring: pageQuery,
          response: { 200: myMessages },
        },
      },
      (req) => notices.myMessages(actorOf(req), req.query.page, req.query.pageSize),
    );
    r.post(
      '/api/me/messages/read',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary: 'Mark some of the caller’s own messages read',
          body: z.object({ ids: z.array(uuid).min(1).max(200) }),
          response: { 200: z.object({ marked: z.number(), unread: z.number() }) },
        },
      },
      async (req) => {
        const marked = await notices.markRead(actorOf(req), req.body.ids);
        return { marked, unread: await notices.unreadCount(actorOf(req)) };
      },
    );
  };
}
