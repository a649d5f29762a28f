// /api/recognition/health-check/…: booking the yearly health check of commended volunteers and recording its
// result (staff with the recognition permission, community-wide, as the list itself), and a volunteer's own bookings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  healthCheckBookInput,
  healthCheckBookingView,
  healthCheckBookingsView,
  healthCheckResultInput,
  myHealthCheckView,
} from '../../../../domain/recognition/health-check.ts';
import { yearQuery } from '../../../../domain/recognition/schemas.ts';
import { paging, uuid } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { HealthCheckBookingView } from '../../../../domain/recognition/health-check.ts';
import type { HealthCheckService } from './health-check.service.ts';

const STATUS = { booked: '已预约', done: '已体检', missed: '未到' } as const;
/** The bookings for the hospital or the office's file: who, when, where, and whether they went (no notes). */
const bookingsSheet: ListExport<HealthCheckBookingView> = {
  action: 'recognition.health_check_bookings_export',
  entityType: 'health_check',
  sheet: '体检预约',
  fileName: '优秀志愿者体检预约',
  asciiFileName: 'health-check-bookings',
  columns: [
    ['姓名', 10, (b) => b.volunteerName],
    ['体检日期', 12, (b) => b.date],
    ['时间', 8, (b) => b.time],
    ['体检地点', 28, (b) => b.place],
    ['情况', 8, (b) => STATUS[b.status]],
  ],
};

export function healthCheckRoutes(svc: HealthCheckService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['recognition'];
    const nominate = { access: { permission: 'recognition.nominate' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };

    r.get(
      '/api/recognition/health-check/bookings',
      {
        config: nominate,
        schema: {
          tags,
          summary: "The year's health-check bookings with their results (audited: the notes are health-related)",
          querystring: yearQuery.extend(paging(200)),
          response: { 200: healthCheckBookingsView },
        },
      },
      (req) =>
        svc.bookings(
          actorOf(req),
          grantOf(req),
          req.query.year,
          req.query.page,
          req.query.pageSize,
          requestContext(req),
        ),
    );
    r.put(
      '/api/recognition/health-check/volunteers/:volunteerId/booking',
      {
        config: nominate,
        schema: {
          tags,
          summary: "Book (or re-book) a commended volunteer's health check for the year; the volunteer is told",
          params: z.object({ volunteerId: uuid }),
          body: healthCheckBookInput,
          response: { 200: healthCheckBookingView },
        },
      },
      (req) => svc.book(actorOf(req), grantOf(req), req.params.volunteerId, req.body, requestContext(req)),
    );
    r.post(
      '/api/recognition/health-check/bookings/:id/result',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Record whether the health check took place (done or missed), with a short note',
          params: z.object({ id: uuid }),
          body: healthCheckResultInput,
          response: { 200: healthCheckBookingView },
        },
      },
      (req) => svc.result(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.get(
      '/api/recognition/health-check/mine',
      {
        config: self,
        schema: {
          tags,
          summary: 'My health-check bookings, newest year first',
          querystring: z.object(paging(20)),
          response: { 200: myHealthCheckView },
        },
      },
      (req) => svc.mine(actorOf(req), req.query.page, req.query.pageSize),
    );
    r.get(
      '/api/recognition/health-check/bookings/export',
      {
        config: nominate,
        schema: {
          tags,
          summary: "The year's health-check bookings as Excel, without the notes (audited)",
          querystring: yearQuery,
          response: { 200: fileResponse('The bookings as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const items = await allPages((page, pageSize) =>
          svc.bookings(actorOf(req), grantOf(req), req.query.year, page, pageSize, requestContext(req)),
        );
        return sendListExport(deps.db, deps.audit, req, reply, bookingsSheet, req.query, items);
      },
    );
  };
}
