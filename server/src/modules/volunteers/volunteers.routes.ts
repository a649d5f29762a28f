import { socialWorkerAssignment } from '../../../../domain/volunteers/organisation.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { mobile, page } from '../../../../domain/registry/schemas.ts';
import {
  cardSummary,
  decisionInput,
  myVolunteer,
  volunteerDetail,
  volunteerIndicators,
  volunteerInput,
  volunteerListItem,
  volunteerPatch,
  volunteerQuery,
  volunteerRegistration,
  guardianChild,
  guardianCodeRequest,
  guardianDecision,
  guardianProof,
  paperConsentFields,
  withdrawalInput,
} from '../../../../domain/volunteers/schemas.ts';
import { uuid } from '../../../../domain/shared/schemas.ts';
import { sendWorkbook, XLSX_MIME } from '../../platform/excel.ts';
import { actorOf, contentDisposition, grantOf, originOf, refuseNul, requestContext } from '../../platform/http.ts';
import { VolunteerService } from './volunteers.service.ts';
import { VolunteerExcel } from './volunteers.excel.ts';
import { AppError } from '../../platform/errors.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';

const registered = z.object({ id: z.string(), status: z.enum(['pending', 'approved']) });

export function volunteerRoutes(volunteers: VolunteerService, opts: { rateLimits: boolean; maxUploadBytes: number }) {
  const excel = new VolunteerExcel(volunteers);
  async function uploaded(req: FastifyRequest): Promise<Buffer> {
    return (await uploadedWithFields(req)).file;
  }
  /** One uploaded file, and the form fields sent before it. */
  async function uploadedWithFields(req: FastifyRequest): Promise<{ file: Buffer; fields: Record<string, string> }> {
    if (!req.isMultipart()) throw new AppError('unsupported_file');
    try {
      const part = await req.file({ limits: { fileSize: opts.maxUploadBytes, files: 1 } });
      if (!part) throw new AppError('validation', { fields: [{ field: 'file', message: 'invalid.required' }] });
      const fields: Record<string, string> = {};
      for (const [k, f] of Object.entries(part.fields))
        if (f && !Array.isArray(f) && f.type === 'field') fields[k] = String(f.value);
      // Multipart fields are read here, after the platform's NUL check of parsed bodies.
      refuseNul(fields, '');
      return { file: await part.toBuffer(), fields };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: string })?.code;
      if (code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError('payload_too_large', { maxMb: Math.round(opts.maxUploadBytes / 1048576) });
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_file');
      throw err;
    }
  }
  return async (app: FastifyInstance) => {
    app.addHook('onClose', () => excel.close());
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limit = (max: number) => (opts.rateLimits ? { rateLimit: { max, timeWindow: '1 minute' } } : {});
    const pub = { public: true as const };
    const read = { access: { permission: 'volunteers.read' as const } };
    const write = { access: { permission: 'volunteers.write' as const } };
    const approve = { access: { permission: 'volunteers.approve' as const } };

    r.get(
      '/api/public/communities',
      {
        config: { access: pub },
        schema: {
          tags: ['volunteers'],
          summary: 'Communities one can register as a volunteer in',
          response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
        },
      },
      () => volunteers.communities(),
    );

    r.post(
      '/api/public/volunteer-registrations/code',
      {
        config: { access: pub, ...limit(5) },
        schema: {
          tags: ['volunteers'],
          summary: 'Send a six-digit code to the phone that registers',
          body: z.object({ phone: mobile }),
          response: {
            202: z.object({ sent: z.boolean(), expiresInSeconds: z.number(), resendAfterSeconds: z.number() }),
          },
        },
      },
      async (req, reply) =>
        reply.status(202).send({ sent: true, ...(await volunteers.sendRegistrationCode(req.body.phone)) }),
    );

    r.post(
      '/api/public/volunteer-registrations',
      {
        config: { access: pub, ...limit(10) },
        schema: {
          tags: ['volunteers'],
          summary: 'Register as a volunteer (pending until staff approve)',
          body: volunteerRegistration,
          response: { 201: registered },
        },
      },
      async (req, reply) => reply.status(201).send(await volunteers.selfRegister(req.body, requestContext(req))),
    );

    // ---- the guardian's public page: a code sent to the guardian's phone proves it (never logged) ----
    r.post(
      '/api/public/guardian-consent/code',
      {
        config: { access: pub, ...limit(5) },
        schema: {
          tags: ['volunteers'],
          summary: "Send a code to a guardian's phone (silent when no child is registered with it)",
          body: guardianCodeRequest,
          response: { 202: z.object({ sent: z.boolean(), resendAfterSeconds: z.number() }) },
        },
      },
      async (req, reply) =>
        reply.status(202).send({ sent: true, ...(await volunteers.consent.requestCode(req.body.phone)) }),
    );

    r.post(
      '/api/public/guardian-consent/children',
      {
        config: { access: pub, ...limit(10) },
        schema: {
          tags: ['volunteers'],
          summary: "The children registered with this guardian's phone and the state of each consent",
          body: guardianProof,
          response: { 200: z.array(guardianChild) },
        },
      },
      (req) => volunteers.consent.children(req.body.phone, req.body.code),
    );

    r.post(
      '/api/public/guardian-consent/decision',
      {
        config: { access: pub, ...limit(10) },
        schema: {
          tags: ['volunteers'],
          summary: "The guardian confirms or withdraws consent to a child's volunteering",
          body: guardianDecision,
          response: { 200: guardianChild },
        },
      },
      (req) => volunteers.consent.decide(req.body, requestContext(req)),
    );

    r.get(
      '/api/volunteers/indicators',
      {
        config: read,
        schema: {
          tags: ['volunteers'],
          summary: 'How many volunteers, and how many households have one (家家户户都有志愿者)',
          response: { 200: volunteerIndicators },
        },
      },
      (req) => volunteers.indicators(actorOf(req), grantOf(req)),
    );

    r.get(
      '/api/volunteers/me',
      {
        config: { access: { permission: 'volunteer.self' as const } },
        schema: {
          tags: ['volunteers'],
          summary: 'My volunteer profile, teams, training, insurance and card',
          response: { 200: myVolunteer },
        },
      },
      (req) => volunteers.me(actorOf(req), originOf(req)),
    );

    r.get(
      '/api/volunteers/card/:token',
      {
        config: read,
        schema: {
          tags: ['volunteers'],
          summary: 'A scanned volunteer card',
          params: z.object({ token: z.string().min(8).max(64) }),
          response: { 200: cardSummary },
        },
      },
      (req) => volunteers.card(actorOf(req), grantOf(req), req.params.token, requestContext(req)),
    );

    r.get(
      '/api/volunteers/import/template',
      {
        config: { access: { permission: 'volunteers.import' as const } },
        schema: {
          tags: ['volunteers'],
          summary: 'The Excel template for importing volunteers',
          response: { 200: fileResponse('The volunteer import template', MIME.xlsx) },
        },
      },
      async (_req, reply) =>
        reply
          .type(XLSX_MIME)
          .header('content-disposition', contentDisposition('志愿者导入模板.xlsx', 'volunteer-template.xlsx'))
          .send(await excel.template()),
    );

    r.post(
      '/api/volunteers/import',
      {
        config: { access: { permission: 'volunteers.import' as const } },
        schema: {
          tags: ['volunteers'],
          summary: 'Import volunteers from Excel: every row checked first, nothing written if any row is wrong',
          response: { 201: z.object({ rows: z.number(), status: z.string() }) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await excel.import(actorOf(req), grantOf(req), await uploaded(req), requestContext(req))),
    );

    r.get(
      '/api/volunteers/export',
      {
        config: { access: { permission: 'volunteers.export' as const } },
        schema: {
          tags: ['volunteers'],
          summary: 'Export the filtered volunteers to Excel (ID numbers masked)',
          querystring: volunteerQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The volunteers as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const file = await excel.export(actorOf(req), grantOf(req), req.query, requestContext(req));
        return sendWorkbook(reply, file);
      },
    );

    r.get(
      '/api/volunteers',
      {
        config: read,
        schema: {
          tags: ['volunteers'],
          summary: 'Find volunteers by name, pinyin, initials or phone tail, with filters',
          querystring: volunteerQuery,
          response: { 200: page(volunteerListItem) },
        },
      },
      (req) => volunteers.list(actorOf(req), grantOf(req), req.query),
    );

    r.post(
      '/api/volunteers/social-worker',
      {
        config: write,
        schema: {
          tags: ['volunteers'],
          summary: '社工带志愿者: give volunteers (one or many, all or none) to a social worker, or to no one',
          body: socialWorkerAssignment,
          response: { 200: z.object({ assigned: z.number() }) },
        },
      },
      (req) => volunteers.assignSocialWorker(actorOf(req), grantOf(req), req.body, requestContext(req)),
    );

    r.post(
      '/api/volunteers',
      {
        config: write,
        schema: {
          tags: ['volunteers'],
          summary: 'Register a volunteer for someone who cannot',
          body: volunteerInput,
          response: { 201: registered },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await volunteers.registerFor(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );

    r.get(
      '/api/volunteers/:id',
      {
        config: read,
        schema: {
          tags: ['volunteers'],
          summary: 'One volunteer (ID number masked)',
          params: idParam,
          response: { 200: volunteerDetail },
        },
      },
      (req) => volunteers.detail(actorOf(req), grantOf(req), req.params.id),
    );

    r.get(
      '/api/volunteers/:id/sensitive',
      {
        config: { access: { permission: 'volunteers.sensitive' as const } },
        schema: {
          tags: ['volunteers'],
          summary: 'Reveal the ID number (audited)',
          params: idParam,
          response: { 200: z.object({ idNumber: z.string() }) },
        },
      },
      (req) => volunteers.sensitive(actorOf(req), grantOf(req), req.params.id, requestContext(req)),
    );

    r.patch(
      '/api/volunteers/:id',
      {
        config: write,
        schema: {
          tags: ['volunteers'],
          summary: 'Edit a volunteer; link or unlink the resident record',
          params: idParam,
          body: volunteerPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await volunteers.update(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/volunteers/:id/approve',
      {
        config: approve,
        schema: {
          tags: ['volunteers'],
          summary: 'Approve a registration: the volunteer gets an account and membership',
          params: idParam,
          body: decisionInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await volunteers.approve(actorOf(req), grantOf(req), req.params.id, req.body.note, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/volunteers/:id/guardian-consent/code',
      {
        config: { ...write, ...limit(10) },
        schema: {
          tags: ['volunteers'],
          summary: 'Send the guardian a new code to confirm consent',
          params: idParam,
          response: { 202: z.object({ sent: z.boolean(), resendAfterSeconds: z.number() }) },
        },
      },
      async (req, reply) =>
        reply.status(202).send({
          sent: true,
          ...(await volunteers.resendGuardianCode(actorOf(req), grantOf(req), req.params.id, requestContext(req))),
        }),
    );

    r.post(
      '/api/volunteers/:id/guardian-consent/paper',
      {
        config: write,
        schema: {
          tags: ['volunteers'],
          summary: "Record the guardian's signed paper form with its scan (multipart: signedOn, note, then file)",
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        const { file, fields } = await uploadedWithFields(req);
        const parsed = paperConsentFields.safeParse(fields);
        if (!parsed.success)
          throw new AppError('validation', {
            fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
          });
        await volunteers.recordPaperConsent(
          actorOf(req),
          grantOf(req),
          req.params.id,
          { ...parsed.data, scan: file },
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/volunteers/:id/guardian-consent/withdrawal',
      {
        config: write,
        schema: {
          tags: ['volunteers'],
          summary: "Record the guardian's withdrawal of consent: the minor's assignments stop at once",
          params: idParam,
          body: withdrawalInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await volunteers.recordWithdrawal(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.body.note ?? null,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/volunteers/:id/guardian-consent/scans/:scanId',
      {
        config: read,
        schema: {
          tags: ['volunteers'],
          summary: 'The scan of a paper consent form (reading it is audited)',
          params: z.object({ id: uuid, scanId: uuid }),
          response: { 200: fileResponse('The scan (PNG, JPEG or PDF)', MIME.png, MIME.jpeg, MIME.pdf) },
        },
      },
      async (req, reply) => {
        const f = await volunteers.consentScan(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.params.scanId,
          requestContext(req),
        );
        return reply
          .type(f.mime)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(f.body);
      },
    );

    r.post(
      '/api/volunteers/:id/reject',
      {
        config: approve,
        schema: {
          tags: ['volunteers'],
          summary: 'Reject a registration',
          params: idParam,
          body: decisionInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await volunteers.reject(actorOf(req), grantOf(req), req.params.id, req.body.note, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
