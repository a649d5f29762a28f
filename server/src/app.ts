// buildApp(config, deps): the whole HTTP application without listening, so tests drive it with inject().
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { AuditLog } from './platform/audit.ts';
import { FieldCipher } from './platform/crypto.ts';
import { registerPlatformHooks } from './platform/http.ts';
import { JobWorker } from './platform/jobs.ts';
import { loggerOptions } from './platform/logger.ts';
import { Notifier } from './platform/notify.ts';
import { SessionCache } from './platform/session-cache.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { RegistryService } from './modules/registry/registry.service.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { registryExcelRoutes } from './modules/registry/registry.excel.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { VolunteerDirectory } from './modules/volunteers/volunteer-directory.ts';
import { SkillsService } from './modules/skills/skills.service.ts';
import { skillsRoutes } from './modules/skills/skills.routes.ts';
import { UnitsService } from './modules/units/units.service.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { TeamsService } from './modules/teams/teams.service.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { PartyService } from './modules/party/party.service.ts';
import { partyRoutes } from './modules/party/party.routes.ts';
import { TrainingService } from './modules/training/training.service.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { sendExpiryNotices } from './modules/training/expiry-notices.ts';
import { InsuranceService } from './modules/insurance/insurance.service.ts';
import { insuranceRoutes } from './modules/insurance/insurance.routes.ts';
import { AvailabilityService } from './modules/availability/availability.service.ts';
import { availabilityRoutes } from './modules/availability/availability.routes.ts';
import { EligibilityService, ServiceTypeService } from './modules/service-types/service-types.service.ts';
import { serviceTypeRoutes } from './modules/service-types/service-types.routes.ts';
import { volunteersModule } from './modules/volunteers/volunteers.routes.ts';
import { appointmentsModule } from './modules/appointments/appointments.routes.ts';
import { AppointmentsService } from './modules/appointments/appointments.service.ts';
import { pairingsModule } from './modules/pairings/pairings.routes.ts';
import { monitorModule } from './modules/monitor/monitor.routes.ts';
import { needsRoutes } from './modules/needs/needs.routes.ts';
import { NeedsService } from './modules/needs/needs.service.ts';
import { ResidentDirectory } from './modules/registry/resident-directory.ts';
import { MatchingService } from './modules/needs/matching.service.ts';
import { wechatModule } from './modules/wechat/wechat.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { HoursService } from './modules/hours/hours.service.ts';
import { hoursRoutes } from './modules/hours/hours.routes.ts';
import { recordsModule } from './modules/certificates/records.module.ts';
import { activitiesModule } from './modules/activities/activities.routes.ts';
import { ActivitiesService } from './modules/activities/activities.service.ts';
import { recognitionModule } from './modules/recognition/recognition.routes.ts';
import { partyIndicatorsModule } from './modules/party-indicators/party-indicators.routes.ts';
import { badgesModule } from './modules/badges/badges.module.ts';
import { homecareModule } from './modules/homecare/homecare.routes.ts';
import { HomecareService } from './modules/homecare/homecare.service.ts';
import { classroomModule } from './modules/classroom/classroom.routes.ts';
import { ClassroomService } from './modules/classroom/classroom.service.ts';

export interface AppDeps {
  database: DatabaseHandle;
  cipher: FieldCipher;
}

export interface Services {
  auth: AuthService;
  registry: RegistryService;
  audit: AuditLog;
  jobs: JobWorker;
  notifier: Notifier;
  directory: VolunteerDirectory;
  eligibility: EligibilityService;
  needs: NeedsService;
  appointments: AppointmentsService;
  hours: HoursService;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance & { services: Services }> {
  const app = Fastify({ logger: loggerOptions(config.logLevel), bodyLimit: 1024 * 1024, trustProxy: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { db, kind } = deps.database;
  const audit = new AuditLog(db, kind);
  const notifier = new Notifier(app.log);
  const sessions = new SessionCache();
  const auth = new AuthService(db, audit, notifier, config.sessionHours, sessions);
  const registry = new RegistryService(db, deps.cipher, audit);
  const jobs = new JobWorker(db, kind, app.log);
  const directory = new VolunteerDirectory(db);
  const eligibility = new EligibilityService(db);
  const residents = new ResidentDirectory(db);
  const needs = new NeedsService(db, audit, eligibility, residents);
  const hours = new HoursService(db, audit, directory, notifier);
  const appointments = new AppointmentsService(db, audit, residents, directory, notifier, hours);
  const services: Services = {
    auth,
    registry,
    audit,
    jobs,
    notifier,
    directory,
    eligibility,
    needs,
    appointments,
    hours,
  };

  await app.register(cookie);
  // Limits are opted into per route (sign-in, codes); a global one would also throttle static files.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linli (邻里) API', version: '0.1.0', description: 'The community volunteer service platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerPlatformHooks(app, auth);

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and which database',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: kind }),
  );
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(
    authRoutes(auth, {
      secureCookies: config.secureCookies,
      sessionHours: config.sessionHours,
      rateLimits: config.rateLimits,
    }),
  );
  await app.register(registryRoutes(registry));
  await app.register(registryExcelRoutes(registry, config.maxUploadBytes));
  await app.register(auditRoutes(db, audit));
  // Issue 3 modules register below, one line each.
  await app.register(skillsRoutes(new SkillsService(db, audit, directory)));
  await app.register(unitsRoutes(new UnitsService(db, audit)));
  await app.register(teamsRoutes(new TeamsService(db, audit, directory)));
  await app.register(partyRoutes(new PartyService(db, kind, audit, directory)));
  await app.register(trainingRoutes(new TrainingService(db, kind, audit, directory)));
  await app.register(insuranceRoutes(new InsuranceService(db, audit, directory)));
  await app.register(availabilityRoutes(new AvailabilityService(db, audit, directory)));
  await app.register(serviceTypeRoutes(new ServiceTypeService(db, audit, eligibility)));
  jobs.register('volunteers.expiry_notices', async () => {
    await sendExpiryNotices(db, notifier);
  });
  jobs.schedule('volunteers.expiry_notices', '30 8 * * *');
  await app.register(
    volunteersModule({
      db,
      cipher: deps.cipher,
      audit,
      notifier,
      directory,
      sessions,
      rateLimits: config.rateLimits,
      maxUploadBytes: config.maxUploadBytes,
    }),
  );

  // Issue 4 modules (needs, matching, pairings, appointments, WeChat) register below, one line each.
  await app.register(needsRoutes(needs, new MatchingService(db, eligibility, needs)));
  await app.register(pairingsModule({ db, audit, directory, eligibility, hours }));
  await app.register(
    monitorModule({ db, cipher: deps.cipher, notifier, jobs, alertDays: config.leftOutAlertDays, audit }),
  );
  await app.register(appointmentsModule(appointments, jobs));
  await app.register(
    wechatModule({
      db,
      audit,
      notifier,
      jobs,
      needs,
      appointments,
      tokens: config.wechat,
      rateLimits: config.rateLimits,
    }),
  );
  await app.register(calendarRoutes()); // festival and solar-term dates

  // Issue 5 modules (hours ledger, activities, certificates, points, recognition) register below, one line each.
  await app.register(hoursRoutes(hours));
  const activities = new ActivitiesService(db, audit, directory, eligibility, hours, notifier, deps.cipher);
  await app.register(activitiesModule(activities, jobs)); // activities, sign-up, check-in
  const recognition = recognitionModule({ db, audit, hours, directory, jobs, rateLimits: config.rateLimits }); // star notices, commendations
  recognition.service.useAttendance((communityId, from, to, ids) =>
    activities.attendanceBetween(communityId, from, to, ids),
  );
  await app.register(recognition);
  const records = recordsModule({ db, audit, directory, hours, rateLimits: config.rateLimits }); // certificates, points and the love supermarket
  await app.register(records);
  const indicators = partyIndicatorsModule({ db, audit, party: new PartyService(db, kind, audit, directory) });
  indicators.service.usePoints((communityId, from, to, ids) =>
    records.points.earnedBetween(communityId, from, to, ids),
  );
  await app.register(indicators);
  await app.register(classroomModule(new ClassroomService(db, audit, directory, notifier, hours, deps.cipher), jobs)); // the 4:30 classroom (issue 6)
  await app.register(
    homecareModule(new HomecareService(db, audit, directory, residents, hours, notifier, deps.cipher), jobs),
  ); // home care, hospital rotas, holiday deliveries (issue 6)
  await app.register(
    badgesModule({ db, cipher: deps.cipher, audit, notifier, registry, rateLimits: config.rateLimits }),
  ); // love QR badges (issue 6)

  jobs.register('sessions.purge', () => auth.purgeExpired());
  jobs.schedule('sessions.purge', '15 3 * * *');

  await serveWeb(app, config.webDist);
  return Object.assign(app, { services }) as unknown as FastifyInstance & { services: Services };
}

/** The built web app, with every non-API path falling back to index.html for the client router. */
async function serveWeb(app: FastifyInstance, dist: string) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    maxAge: '1y',
    immutable: true,
    setHeaders: (res, file) => {
      if (file.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
    },
  });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(dist, decodeURIComponent(req.url.split('?')[0]!));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile())
      return reply.sendFile(path.relative(dist, file));
    // Read per request: a rebuilt web app is served without restarting the server.
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .send(fs.readFileSync(path.join(dist, 'index.html')));
  });
}
