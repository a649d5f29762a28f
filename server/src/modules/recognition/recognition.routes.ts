// /api/recognition: star-level notices, the quarterly ranking, nominations and approval, publication,
// consent to publication and the health-check list; /api/public/recognition: the published list (no sign-in).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, paging, uuid } from '../../../../domain/shared/schemas.ts';
import {
  consentInput,
  decideInput,
  healthCheckView,
  myStar,
  nominateInput,
  nominationsView,
  noticeView,
  NOTICE_STATUSES,
  publicList,
  publicQuarters,
  quarter,
  quarterParam,
  rankingQuery,
  rankingView,
  settingsInput,
  withdrawInput,
  yearQuery,
} from '../../../../domain/recognition/schemas.ts';
import { sendWorkbook, streamWorkbook } from '../../platform/excel.ts';
import { actorOf, grantOf, localeOf, publicOrigin, requestContext } from '../../platform/http.ts';
import { RecognitionService } from './recognition.service.ts';
import { sendPoster } from './recognition.poster.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';

const GENDER = { male: '男', female: '女' } as Record<string, string>;

export function recognitionRoutes(rec: RecognitionService, rateLimits = true) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['recognition'];
    const nominate = { access: { permission: 'recognition.nominate' as const } };
    const approve = { access: { permission: 'recognition.approve' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };
    const read = { access: { permission: 'volunteers.read' as const } };
    const signedIn = { access: { signedIn: true as const } };
    // Public pages: limited per address, so nobody can walk the list of quarters or hammer the poster renderer.
    const open = {
      access: { public: true as const },
      ...(rateLimits ? { rateLimit: { max: 120, timeWindow: '1 minute' } } : {}),
    };

    r.get(
      '/api/recognition/settings',
      {
        config: approve,
        schema: {
          tags,
          summary: 'How many days a star-level notice lasts',
          response: { 200: z.object({ noticeDays: z.number(), updatedAt: z.string().nullable() }) },
        },
      },
      (req) => rec.settings(actorOf(req).communityId),
    );
    r.put(
      '/api/recognition/settings',
      {
        config: approve,
        schema: {
          tags,
          summary: 'Change how many days a notice lasts (notices opened from now on)',
          body: settingsInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await rec.saveSettings(actorOf(req), req.body.noticeDays, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/recognition/notices',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Star-level public notices (公示): anyone signed in to the community sees them',
          querystring: z.object({
            status: z.enum(NOTICE_STATUSES).optional(),
            ...paging(50),
          }),
          response: {
            200: z.object({
              items: z.array(noticeView),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              noticeDays: z.number(),
            }),
          },
        },
      },
      (req) => rec.notices(actorOf(req), req.query.status, req.query.page, req.query.pageSize),
    );
    r.post(
      '/api/recognition/notices/scan',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Award notices whose time is over and open notices for levels reached (the daily job, now)',
          response: { 200: z.object({ awarded: z.number(), lapsed: z.number(), opened: z.number() }) },
        },
      },
      (req) => rec.scanNow(actorOf(req), grantOf(req), requestContext(req)),
    );
    r.post(
      '/api/recognition/notices/:id/withdraw',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Withdraw a notice after an objection is upheld (nothing is awarded)',
          params: idParam,
          body: withdrawInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await rec.withdraw(actorOf(req), grantOf(req), req.params.id, req.body.reason, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/recognition/my',
      {
        config: self,
        schema: {
          tags,
          summary: 'My awarded star, a notice in progress, my consent to publication',
          response: { 200: myStar },
        },
      },
      (req) => rec.myStar(actorOf(req)),
    );
    r.put(
      '/api/recognition/my/consent',
      {
        config: self,
        schema: {
          tags,
          summary: 'Whether my name may appear on a published commendation list',
          body: consentInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await rec.setMyConsent(actorOf(req), req.body.publish, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/recognition/volunteers/:id/star',
      {
        config: read,
        schema: {
          tags,
          summary: "A volunteer's awarded star, notice and consent",
          params: idParam,
          response: { 200: myStar },
        },
      },
      (req) => rec.starOfVolunteer(actorOf(req), grantOf(req), req.params.id),
    );
    r.put(
      '/api/recognition/volunteers/:id/consent',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Record a consent (or its withdrawal) given on paper',
          params: idParam,
          body: consentInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await rec.recordPaperConsent(actorOf(req), grantOf(req), req.params.id, req.body.publish, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/recognition/quarters/:quarter/ranking',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Candidates of the quarter ranked by the rules, each score explained (team leaders: their team)',
          params: quarterParam,
          querystring: rankingQuery,
          response: { 200: rankingView },
        },
      },
      (req) => rec.ranking(actorOf(req), grantOf(req), req.params.quarter, localeOf(req), req.query),
    );
    r.get(
      '/api/recognition/quarters/:quarter/nominations',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Nominations of the quarter and whether the list is published',
          params: quarterParam,
          response: { 200: nominationsView },
        },
      },
      (req) => rec.nominations(actorOf(req), grantOf(req), req.params.quarter, localeOf(req)),
    );
    r.post(
      '/api/recognition/nominations',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Nominate a volunteer (team leaders: members of their team) with a reason',
          body: nominateInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await rec.nominate(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/recognition/nominations/:id/decide',
      {
        config: approve,
        schema: {
          tags,
          summary: 'Approve or reject a nomination (community admin)',
          params: idParam,
          body: decideInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await rec.decide(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/recognition/quarters/:quarter/publish',
      {
        config: approve,
        schema: {
          tags,
          summary: 'Publish the commendation list (only those who consented are named)',
          params: quarterParam,
          response: { 200: z.object({ named: z.number(), approved: z.number() }) },
        },
      },
      (req) => rec.publish(actorOf(req), req.params.quarter, requestContext(req)),
    );

    r.get(
      '/api/recognition/health-check',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Volunteers commended in any quarter of the year: the yearly health-check list',
          querystring: yearQuery,
          response: { 200: healthCheckView },
        },
      },
      async (req) => ({
        year: req.query.year,
        items: await rec.healthCheck(actorOf(req), grantOf(req), req.query.year),
      }),
    );
    r.get(
      '/api/recognition/health-check/export',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'The health-check list as Excel (audited)',
          querystring: yearQuery,
          response: { 200: fileResponse('The health-check list as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await rec.exportHealthCheck(actorOf(req), grantOf(req), req.query.year, requestContext(req));
        const stream = streamWorkbook(
          `${req.query.year}年优秀志愿者体检`,
          [
            ['姓名', 10],
            ['性别', 6],
            ['年龄', 6],
            ['手机号', 14],
            ['服务队', 28],
            ['受表彰季度', 24],
          ],
          (async function* () {
            yield rows.map((x) => [
              x.name,
              GENDER[x.gender] ?? x.gender,
              x.age,
              x.phone,
              x.teams,
              x.quarters.join('、'),
            ]);
          })(),
        );
        return sendWorkbook(reply, {
          fileName: `${req.query.year}年优秀志愿者体检名单.xlsx`,
          asciiFileName: `health-check-${req.query.year}.xlsx`,
          rows: rows.length,
          stream,
        });
      },
    );

    r.get(
      '/api/public/recognition/:communityId',
      {
        config: open,
        schema: {
          tags,
          summary: "A community's published commendation lists",
          params: z.object({ communityId: uuid }),
          response: { 200: publicQuarters },
        },
      },
      (req) => rec.publicQuarters(req.params.communityId),
    );
    r.get(
      '/api/public/recognition/:communityId/:quarter',
      {
        config: open,
        schema: {
          tags,
          summary: 'A published commendation list: names, teams and hours of those who consented',
          params: z.object({ communityId: uuid, quarter }),
          response: { 200: publicList },
        },
      },
      (req) => rec.publicList(req.params.communityId, req.params.quarter),
    );
    r.get(
      '/api/public/recognition/:communityId/:quarter/poster.pdf',
      {
        config: open,
        schema: {
          tags,
          summary: 'The published list as a poster PDF',
          params: z.object({ communityId: uuid, quarter }),
          response: { 200: fileResponse('The poster', MIME.pdf) },
        },
      },
      async (req, reply) =>
        sendPoster(
          reply,
          await rec.publicList(req.params.communityId, req.params.quarter),
          `${publicOrigin(req)}/recognition/${req.params.communityId}/${req.params.quarter}`,
        ),
    );
  };
}
