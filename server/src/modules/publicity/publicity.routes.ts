// /api/publicity: staff (publicity.manage) write, publish and withdraw announcements, and take each channel's
// form: the WeChat group text and the poster PDF. /api/activities/{id}/poster.pdf: an activity's poster, read
// through the activities module's public service.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf } from '../../../../domain/shared/schemas.ts';
import {
  announcementInput,
  announcementQuery,
  announcementView,
  publicitySources,
  wechatText,
} from '../../../../domain/publicity/publicity.ts';
import { actorOf, contentDisposition, publicOrigin, requestContext } from '../../platform/http.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';
import type { PublicityService } from './publicity.service.ts';
import { posterPdf, type PosterContent, type PosterSize } from './publicity.poster.ts';

const posterQuery = z.object({ size: z.enum(['a4', 'a3']).default('a4') });

async function sendPoster(reply: FastifyReply, p: PosterContent, size: PosterSize, name: string) {
  const { pdf } = await posterPdf(p, size);
  return reply
    .type(MIME.pdf)
    .header('content-disposition', contentDisposition(`${p.title}.pdf`, name).replace(/^attachment/, 'inline'))
    .header('cache-control', 'no-store')
    .send(pdf);
}

export function publicityRoutes(svc: PublicityService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['publicity'];
    const manage = { access: { permission: 'publicity.manage' as const } };

    r.get(
      '/api/publicity/announcements',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Announcements, newest first, a page at a time',
          querystring: announcementQuery,
          response: { 200: pageOf(announcementView) },
        },
      },
      (req) => svc.list(actorOf(req), req.query),
    );
    r.get(
      '/api/publicity/sources',
      {
        config: manage,
        schema: {
          tags,
          summary: 'What an announcement can link to: upcoming published activities, published commendation lists',
          response: { 200: publicitySources },
        },
      },
      (req) => svc.sources(actorOf(req)),
    );
    r.post(
      '/api/publicity/announcements',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Write an announcement (a draft)',
          body: announcementInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/publicity/announcements/:id',
      {
        config: manage,
        schema: { tags, summary: 'One announcement', params: idParam, response: { 200: announcementView } },
      },
      (req) => svc.get(actorOf(req), req.params.id),
    );
    r.put(
      '/api/publicity/announcements/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a draft or a published announcement (every channel shows the change)',
          params: idParam,
          body: announcementInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/publicity/announcements/:id/publish',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Publish a draft to its channels (gives it a short link)',
          params: idParam,
          response: { 200: announcementView },
        },
      },
      (req) => svc.publish(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/publicity/announcements/:id/withdraw',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Withdraw an announcement from every channel',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.withdraw(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/publicity/announcements/:id/wechat',
      {
        config: manage,
        schema: {
          tags,
          summary: "The text to paste in the volunteers' WeChat group, with its short link",
          params: idParam,
          response: { 200: wechatText },
        },
      },
      (req) => svc.wechatText(actorOf(req), req.params.id, publicOrigin(req)),
    );
    r.get(
      '/api/publicity/announcements/:id/poster.pdf',
      {
        config: manage,
        schema: {
          tags,
          summary: "An announcement's poster for the bulletin board (A4, or A3 with ?size=a3)",
          params: idParam,
          querystring: posterQuery,
          response: { 200: fileResponse('The poster', MIME.pdf) },
        },
      },
      async (req, reply) =>
        sendPoster(
          reply,
          await svc.announcementPoster(actorOf(req), req.params.id, publicOrigin(req)),
          req.query.size,
          'poster.pdf',
        ),
    );
    r.get(
      '/api/activities/:id/poster.pdf',
      {
        config: manage,
        schema: {
          tags: ['activities', ...tags],
          summary: "A published activity's poster with a sign-up QR code (A4, or A3 with ?size=a3)",
          params: idParam,
          querystring: posterQuery,
          response: { 200: fileResponse('The poster', MIME.pdf) },
        },
      },
      async (req, reply) =>
        sendPoster(
          reply,
          await svc.activityPoster(actorOf(req), req.params.id, publicOrigin(req)),
          req.query.size,
          'activity-poster.pdf',
        ),
    );
  };
}
