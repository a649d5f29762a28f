// /api/activities: staff and team leaders run activities (list, create, edit, series, festival templates,
// performances, sign-ups, attendance, the rotating check-in code); volunteers on the phone see what is open,
// sign up, cancel, check in and out by the code, and get their calendar feed (public, by an unguessable token).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  activityInput,
  activityPatch,
  cardCheckInput,
  checkCodeInput,
  copyInput,
  fromTemplateInput,
  imageInput,
  listQuery,
  markInput,
  programmeInput,
  seriesInput,
  companionsQuery,
  signupGroupInput,
  signupSelfInput,
} from '../../../../domain/activities/schemas.ts';
import {
  activityDetailView,
  activityView,
  cancelledView,
  checkinInfoView,
  codeView,
  createdView,
  feedPathView,
  openActivityView,
  placedView,
  placeView,
  seriesCreatedView,
  seriesView,
  showsView,
  signupView,
  companionChoiceView,
  templateView,
} from '../../../../domain/activities/views.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { isRealDate } from '../../../../domain/shared/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, feedUrl, publicOrigin, requestContext } from '../../platform/http.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';
import type { ActivitiesService } from './activities.service.ts';

export function activitiesRoutes(svc: ActivitiesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'activities.manage' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };
    const tags = ['activities'];

    // ---- staff and team leaders ----
    r.get(
      '/api/activities',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Activities between two local dates (default: 30 days ago to 120 days on)',
          querystring: listQuery,
          response: { 200: z.array(activityView) },
        },
      },
      (req) => svc.list(actorOf(req), req.query),
    );
    r.post(
      '/api/activities',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create an activity with its shifts',
          body: activityInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/activities/templates',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Festival and solar-term templates with their dates',
          querystring: z.object({
            from: z.string().refine(isRealDate, 'invalid.date').optional(),
            days: z.coerce.number().int().min(1, 'invalid.value').max(400, 'invalid.value').default(120),
          }),
          response: { 200: z.array(templateView) },
        },
      },
      async (req) => svc.templates(req.query.from ?? todayInShanghai(), req.query.days),
    );
    r.post(
      '/api/activities/templates/:key',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a draft activity from a template in one step',
          params: z.object({ key: z.string().regex(/^[a-z_]{2,40}$/, 'invalid.value') }),
          body: fromTemplateInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.fromTemplate(actorOf(req), req.params.key, req.body, requestContext(req))),
    );
    r.get(
      '/api/activities/places',
      {
        config: manage,
        schema: {
          tags,
          summary: "Places for the picker: earlier activities' places with their map points, and building addresses",
          response: { 200: z.array(placeView) },
        },
      },
      (req) => svc.places(actorOf(req)),
    );
    r.get(
      '/api/activities/series',
      { config: manage, schema: { tags, summary: 'Recurring series', response: { 200: z.array(seriesView) } } },
      (req) => svc.series(actorOf(req)),
    );
    r.post(
      '/api/activities/series',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A series by RRULE; its activities are made 90 days ahead',
          body: seriesInput,
          response: { 201: seriesCreatedView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createSeries(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/activities/performances/shows',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Shows per team in a year',
          querystring: z.object({
            year: z.coerce
              .number({ error: 'invalid.year' })
              .int('invalid.year')
              .min(2000, 'invalid.year')
              .max(2100, 'invalid.year'),
          }),
          response: { 200: z.array(showsView) },
        },
      },
      (req) => svc.showsPerTeam(actorOf(req), req.query.year),
    );
    r.get(
      '/api/activities/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'An activity with shifts, programme and images',
          params: idParam,
          response: { 200: activityDetailView },
        },
      },
      (req) => svc.detail(actorOf(req), req.params.id),
    );
    r.patch(
      '/api/activities/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit an activity; shifts (with ids) replace the list',
          params: idParam,
          body: activityPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/activities/:id/publish',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Publish a draft: volunteers can sign up',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setStatus(actorOf(req), req.params.id, 'published', requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/activities/:id/cancel',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Call an activity off; everyone signed up is told',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setStatus(actorOf(req), req.params.id, 'cancelled', requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/activities/:id/copy',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A draft copy on another date: details and shifts with their places, no sign-ups',
          params: idParam,
          body: copyInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.copy(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.put(
      '/api/activities/:id/programme',
      {
        config: manage,
        schema: {
          tags,
          summary: "A performance's programme and audience",
          params: idParam,
          body: programmeInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setProgramme(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/activities/:id/images',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add the poster or a photo (PNG or JPEG, base64, at most 512 KB)',
          params: idParam,
          body: imageInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addImage(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.get(
      '/api/activities/:id/signups',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sign-ups, waitlist and attendance',
          params: idParam,
          response: { 200: z.array(signupView) },
        },
      },
      (req) => svc.signups(actorOf(req), req.params.id),
    );
    const served = z.array(z.object({ residentId: z.string(), name: z.string(), servedOn: z.string() }));
    r.get(
      '/api/activities/:id/served-residents',
      {
        config: manage,
        schema: { tags, summary: 'The residents this activity served', params: idParam, response: { 200: served } },
      },
      (req) => svc.servedResidents(actorOf(req), req.params.id),
    );
    r.put(
      '/api/activities/:id/served-residents',
      {
        config: manage,
        schema: {
          tags,
          summary: 'After the activity: name the residents it served (each a contact in the record of service)',
          params: idParam,
          body: z.object({ residentIds: z.array(uuid).max(500, 'invalid.tooMany') }),
          response: { 200: served },
        },
      },
      (req) => svc.setServedResidents(actorOf(req), req.params.id, req.body.residentIds, requestContext(req)),
    );
    r.post(
      '/api/activities/:id/signups',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sign up volunteers (staff: a group; team leader: own members)',
          params: idParam,
          body: signupGroupInput,
          response: { 201: z.array(placedView) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.signUpGroup(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.get(
      '/api/activities/:id/companions',
      {
        config: manage,
        schema: {
          tags,
          summary: "小小志愿者: the adults a minor may name for a shift (the minor's household, volunteers signed up)",
          params: idParam,
          querystring: companionsQuery,
          response: { 200: z.array(companionChoiceView) },
        },
      },
      (req) => svc.companionsFor(actorOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/activities/signups/:id/withdraw',
      {
        config: manage,
        schema: {
          tags,
          summary: "Cancel a volunteer's sign-up; the waitlist moves up",
          params: idParam,
          response: { 200: cancelledView },
        },
      },
      (req) => svc.cancelByStaff(actorOf(req), req.params.id, requestContext(req)),
    );
    r.get(
      '/api/activities/:id/code',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The rotating check-in code now (changes every 30 s)',
          params: idParam,
          response: { 200: codeView },
        },
      },
      async (req, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await svc.currentCode(actorOf(req), req.params.id, publicOrigin(req))),
    );
    r.post(
      '/api/activities/:id/attendance/card',
      {
        config: manage,
        schema: {
          tags,
          summary: "Check a volunteer in or out by their card's token",
          params: idParam,
          body: cardCheckInput,
          response: { 200: signupView },
        },
      },
      (req) => svc.card(actorOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.post(
      '/api/activities/:id/attendance',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark attendance in the list',
          params: idParam,
          body: markInput,
          response: { 200: signupView },
        },
      },
      (req) => svc.mark(actorOf(req), req.params.id, req.body, requestContext(req)),
    );

    // ---- any signed-in member of the community: the poster and photos ----
    r.get(
      '/api/activities/:id/images/:imageId',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary: 'An image of an activity',
          params: z.object({ id: uuid, imageId: uuid }),
          response: { 200: fileResponse('The poster or photo (PNG or JPEG)', MIME.png, MIME.jpeg) },
        },
      },
      async (req, reply) => {
        const img = await svc.image(actorOf(req), req.params.id, req.params.imageId);
        return reply
          .type(img.mime)
          .header('cache-control', 'private, max-age=86400')
          .header('x-content-type-options', 'nosniff')
          .send(img.body);
      },
    );

    // ---- volunteers on the phone ----
    r.get(
      '/api/activities/open',
      {
        config: self,
        schema: {
          tags,
          summary: 'Published activities ahead, with places left and my sign-up',
          response: { 200: z.array(openActivityView) },
        },
      },
      (req) => svc.open(actorOf(req)),
    );
    r.get(
      '/api/activities/mine',
      {
        config: self,
        schema: { tags, summary: 'My sign-ups from 30 days ago on', response: { 200: z.array(signupView) } },
      },
      (req) => svc.mine(actorOf(req)),
    );
    r.post(
      '/api/activities/:id/join',
      {
        config: self,
        schema: {
          tags,
          summary: 'Sign myself up for a shift (waitlist when full)',
          params: idParam,
          body: signupSelfInput,
          response: { 201: placedView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await svc.signUpSelf(
              actorOf(req),
              req.params.id,
              req.body.shiftId,
              requestContext(req),
              req.body.companion ?? null,
            ),
          ),
    );
    r.get(
      '/api/activities/:id/my-companions',
      {
        config: self,
        schema: {
          tags,
          summary: '小小志愿者: the adults I may name to accompany me on a shift (my household, volunteers signed up)',
          params: idParam,
          querystring: companionsQuery.pick({ shiftId: true }),
          response: { 200: z.array(companionChoiceView) },
        },
      },
      (req) => svc.myCompanions(actorOf(req), req.params.id, req.query.shiftId),
    );
    r.post(
      '/api/activities/mine/:id/cancel',
      {
        config: self,
        schema: { tags, summary: 'Cancel my sign-up', params: idParam, response: { 200: cancelledView } },
      },
      (req) => svc.cancelSelf(actorOf(req), req.params.id, requestContext(req)),
    );
    r.get(
      '/api/activities/:id/checkin',
      {
        config: self,
        schema: {
          tags,
          summary: 'What the check-in page shows',
          params: idParam,
          response: { 200: checkinInfoView },
        },
      },
      (req) => svc.checkinInfo(actorOf(req), req.params.id),
    );
    r.post(
      '/api/activities/:id/checkin',
      {
        config: self,
        schema: {
          tags,
          summary: 'Check in with the code the staff screen shows',
          params: idParam,
          body: checkCodeInput,
          response: { 200: signupView },
        },
      },
      (req) => svc.scan(actorOf(req), req.params.id, req.body, 'in', requestContext(req)),
    );
    r.post(
      '/api/activities/:id/checkout',
      {
        config: self,
        schema: {
          tags,
          summary: 'Check out with the code the staff screen shows',
          params: idParam,
          body: checkCodeInput,
          response: { 200: signupView },
        },
      },
      (req) => svc.scan(actorOf(req), req.params.id, req.body, 'out', requestContext(req)),
    );
    r.get(
      '/api/activities/mine/feed',
      { config: self, schema: { tags, summary: 'My calendar feed address', response: { 200: feedPathView } } },
      async (req) => feedUrl(req, await svc.feedPath(actorOf(req), false)),
    );
    r.post(
      '/api/activities/mine/feed',
      {
        config: self,
        schema: {
          tags,
          summary: 'A new calendar feed address (the old one stops working)',
          response: { 200: feedPathView },
        },
      },
      async (req) => feedUrl(req, await svc.feedPath(actorOf(req), true)),
    );

    r.get(
      '/api/activities/feed/:communityId/:token',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: "A volunteer's activities as iCalendar (RFC 5545)",
          params: z.object({
            communityId: uuid,
            token: z.string().regex(/^[A-Za-z0-9_-]{20,64}(\.ics)?$/, 'invalid.value'),
          }),
          response: { 200: fileResponse('The calendar (iCalendar)', MIME.ics) },
        },
      },
      async (req, reply) => {
        const body = await svc.feed(req.params.communityId, req.params.token.replace(/\.ics$/, ''));
        if (body === null) throw new AppError('not_found', { entity: 'page' });
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
      },
    );
  };
}
