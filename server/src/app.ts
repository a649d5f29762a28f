// buildApp(config, deps): the whole HTTP application without listening, so tests drive it with inject().
import { ContactService } from './modules/contacts/contacts.service.ts';
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
import { refreshStatistics, type DatabaseHandle } from './db/database.ts';
import { AuditLog } from './platform/audit.ts';
import type { FieldCipher } from './platform/crypto.ts';
import { registerPlatformHooks, sendError } from './platform/http.ts';
import { registerSecurityHeaders, setSecurityHeaders } from './platform/security-headers.ts';
import { JobWorker } from './platform/jobs.ts';
import { loggerOptions } from './platform/logger.ts';
import type { LinliModule } from './platform/module.ts';
import { Notifier } from './platform/notify.ts';
import { SessionCache } from './platform/session-cache.ts';
import { ClusterEvents } from './platform/cluster-events.ts';
import { databaseRateLimitStore, sweepRateLimits } from './platform/rate-limit-store.ts';
import { activitiesModule } from './modules/activities/activities.module.ts';
import { appointmentsModule } from './modules/appointments/appointments.module.ts';
import type { AppointmentsService } from './modules/appointments/appointments.service.ts';
import { auditModule } from './modules/audit/audit.module.ts';
import { authModule } from './modules/auth/auth.module.ts';
import type { AuthService } from './modules/auth/auth.service.ts';
import { availabilityModule } from './modules/availability/availability.module.ts';
import { badgesModule } from './modules/badges/badges.module.ts';
import { calendarModule } from './modules/calendar/calendar.module.ts';
import { certificatesModule } from './modules/certificates/certificates.module.ts';
import { classroomModule } from './modules/classroom/classroom.module.ts';
import { homecareModule } from './modules/homecare/homecare.module.ts';
import { hoursModule } from './modules/hours/hours.module.ts';
import { meModule } from './modules/me/me.module.ts';
import { selfServiceModule } from './modules/selfservice/selfservice.module.ts';
import type { HoursService } from './modules/hours/hours.service.ts';
import { insuranceModule } from './modules/insurance/insurance.module.ts';
import { monitorModule } from './modules/monitor/monitor.module.ts';
import { needsModule } from './modules/needs/needs.module.ts';
import { noticesModule } from './modules/notices/notices.module.ts';
import { ClassroomDirectory } from './modules/classroom/classroom-directory.ts';
import type { NeedsService } from './modules/needs/needs.service.ts';
import { pairingsModule } from './modules/pairings/pairings.module.ts';
import { partyIndicatorsModule } from './modules/party-indicators/party-indicators.module.ts';
import { regionsModule } from './modules/regions/regions.module.ts';
import { partyModule } from './modules/party/party.module.ts';
import { pointsModule } from './modules/points/points.module.ts';
import { recognitionModule } from './modules/recognition/recognition.module.ts';
import { registryModule } from './modules/registry/registry.module.ts';
import type { RegistryService } from './modules/registry/registry.service.ts';
import { serviceTypesModule } from './modules/service-types/service-types.module.ts';
import type { EligibilityService } from './modules/service-types/service-types.service.ts';
import { skillsModule } from './modules/skills/skills.module.ts';
import { teamsModule } from './modules/teams/teams.module.ts';
import { trainingModule } from './modules/training/training.module.ts';
import { unitsModule } from './modules/units/units.module.ts';
import { organisationModule } from './modules/organisation/organisation.module.ts';
import type { VolunteerDirectory } from './modules/volunteers/volunteer-directory.ts';
import type { ReleaseListener } from './modules/volunteers/guardian-consent.service.ts';
import { volunteersModule } from './modules/volunteers/volunteers.module.ts';
import { wechatModule } from './modules/wechat/wechat.module.ts';
import { publicityModule } from './modules/publicity/publicity.module.ts';
import { ActivitiesPublicService } from './modules/activities/activities-public.service.ts';
import { notificationsModule } from './modules/notifications/notifications.module.ts';
import type { OutboxWorker } from './platform/outbox.ts';
import { indicatorsModule } from './modules/indicators/indicators.module.ts';
import { projectsModule } from './modules/projects/projects.module.ts';
import { selectionsModule } from './modules/selections/selections.module.ts';
import { publishedHonours } from './modules/selections/selections.service.ts';

export interface AppDeps {
  database: DatabaseHandle;
  cipher: FieldCipher;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

/** The services tests, scripts and main.ts reach through `app.services`. */
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
  contacts: ContactService;
  /** The outbox's delivery worker: main.ts starts it; tests run it once (runOnce/drain). */
  outbox: OutboxWorker;
  /** What one server tells the others to forget (sessions, badge pages): main.ts starts it on PostgreSQL. */
  cluster: ClusterEvents;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance & { services: Services }> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(deps.logStream && { stream: deps.logStream }) },
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy (LINLI_TRUST_PROXY): req.ip is the real client, for rate limits and the audit log.
    trustProxy: config.trustProxy,
    // A malformed address is answered before any hook runs: it gets the common headers here.
    frameworkErrors: (err, req, reply) => {
      setSecurityHeaders(reply.raw, req.url, config.hsts);
      return sendError(err, req, reply);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The platform.
  const { db, kind } = deps.database;
  const { cipher } = deps;
  const { rateLimits, maxUploadBytes, maxInflatedBytes } = config;
  const uploads = { maxUploadBytes, maxInflatedBytes };
  const audit = new AuditLog(db, kind);
  const notifier = new Notifier(app.log);
  // Several servers on one PostgreSQL: what one forgets, all forget (platform/cluster-events.ts).
  const cluster = new ClusterEvents(db, deps.database.url, (err) => app.log.warn({ err }, 'cluster events'));
  app.addHook('onClose', () => cluster.close());
  const sessions = new SessionCache();
  sessions.attach(cluster);
  const jobs = new JobWorker(db, kind, app.log);
  const { demo, publicBaseUrl } = config;
  const notifications = notificationsModule({
    db,
    kind,
    audit,
    log: app.log,
    delivery: config.delivery,
    demo,
    publicBaseUrl,
  });

  // The modules, each after those it uses.
  const { sessionHours, secureCookies } = config;
  const auth = authModule({ db, cipher, audit, notifier, sessions, sessionHours, secureCookies, rateLimits });
  const registry = registryModule({ db, cipher, audit, uploads });
  const { registry: registryService, residents } = registry.service;
  const volunteers = volunteersModule({ db, cipher, audit, notifier, sessions, rateLimits, uploads });
  const { directory } = volunteers.service;
  const serviceTypes = serviceTypesModule({ db, audit });
  const { eligibility } = serviceTypes.service;
  const party = partyModule({ db, kind, audit, directory });
  const hours = hoursModule({ db, audit, notifier, directory });
  // The one record of service: every module that records help writes its contacts through this.
  const contacts = new ContactService();
  const needs = needsModule({ db, audit, eligibility, residents, notifier, contacts, hours: hours.service, directory });
  const appointments = appointmentsModule({
    db,
    audit,
    notifier,
    residents,
    directory,
    hours: hours.service,
    contacts,
  });
  const activities = activitiesModule({
    db,
    cipher,
    audit,
    notifier,
    directory,
    eligibility,
    hours: hours.service,
    contacts,
  });
  const recognition = recognitionModule({
    db,
    audit,
    hours: hours.service,
    directory,
    attendance: (communityId, from, to, ids) => activities.service.attendanceBetween(communityId, from, to, ids),
    rateLimits,
    cipher,
    notifier,
  });
  const points = pointsModule({ db, audit, directory, hours: hours.service });
  const pairings = pairingsModule({ db, audit, directory, residents, eligibility, hours: hours.service, contacts });
  const classroom = classroomModule({
    db,
    cipher,
    audit,
    notifier,
    directory,
    hours: hours.service,
    contacts,
    eligibility,
  });
  const homecare = homecareModule({
    db,
    cipher,
    audit,
    notifier,
    directory,
    residents,
    hours: hours.service,
    contacts,
    eligibility,
  });
  // A guardian's withdrawal releases the minor's future work in every module, in the withdrawal's transaction.
  const release: ReleaseListener[] = [
    (trx, r) => activities.service.releaseVolunteer(trx, r.communityId, r.volunteerId, r.reason),
    (trx, r) => classroom.service.releaseVolunteer(trx, r.communityId, r.volunteerId, r.reason),
    (trx, r) => homecare.service.releaseVolunteer(trx, r.communityId, r.volunteerId, r.reason),
    (trx, r) => needs.service.needs.releaseVolunteer(trx, r.communityId, r.volunteerId, r.reason),
    (trx, r) => pairings.service.releaseVolunteer(trx, r.communityId, r.volunteerId, r.reason),
  ];
  for (const l of release) volunteers.service.volunteers.consent.onWithdrawal(l);
  const teams = teamsModule({ db, audit, directory });
  // Notices staff send: each audience asked of the module that owns it.
  const notices = noticesModule({
    db,
    audit,
    notifier,
    directory,
    residents,
    classroom: new ClassroomDirectory(db),
    teams: teams.service,
  });
  const badges = badgesModule({
    db,
    cipher,
    audit,
    notifier,
    registry: registryService,
    residents,
    rateLimits,
    contacts,
    scanRetentionDays: config.badgeScanRetentionDays,
  });
  // 我的任务: the volunteer's work from every module in one list.
  const me = meModule({
    needs: needs.service.volunteerNeeds,
    pairings: pairings.service,
    homecare: homecare.service,
    classroom: classroom.service,
    activities: activities.service,
    home: {
      directory,
      hours: hours.service,
      badges: badges.service,
      appointments: appointments.service,
      needs: needs.service.needs,
      survey: needs.service.survey,
      teams: teams.service,
      messages: notices.service,
    },
  });
  const certificates = certificatesModule({ db, audit, directory, hours: hours.service, rateLimits });
  // Self-service across modules: one calendar feed per person, their own record to take away.
  const selfService = selfServiceModule({
    db,
    audit,
    directory,
    hours: hours.service,
    recognition: recognition.service,
    certificates: certificates.service,
    activities: activities.service,
    needs: needs.service.volunteerNeeds,
    pairings: pairings.service,
    homecare: homecare.service,
    classroom: classroom.service,
    appointments: appointments.service,
  });
  const modules: LinliModule<unknown>[] = [
    auth,
    registry,
    auditModule({ db, audit }),
    skillsModule({ db, audit, directory }),
    unitsModule({ db, audit }),
    organisationModule({ db, audit }),
    teams,
    party,
    trainingModule({ db, kind, audit, notifier, directory }),
    insuranceModule({ db, audit, directory }),
    availabilityModule({ db, audit, directory }),
    serviceTypes,
    volunteers,
    needs,
    pairings,
    monitorModule({ db, cipher, audit, notifier, alertDays: config.leftOutAlertDays, contacts }),
    appointments,
    wechatModule({
      db,
      audit,
      notifier,
      residents,
      needs: needs.service.needs,
      appointments: appointments.service,
      tokens: config.wechat,
      rateLimits,
    }),
    calendarModule(),
    hours,
    activities,
    recognition,
    certificates,
    points,
    partyIndicatorsModule({
      db,
      audit,
      party: party.service,
      recognition: recognition.service,
      points: (communityId, from, to, ids) => points.service.earnedBetween(communityId, from, to, ids),
    }),
    classroom,
    homecare,
    badges,
    me,
    selfService,
    // Publicity reads activities only through their public service, and the published commendation lists.
    publicityModule({
      db,
      audit,
      activities: new ActivitiesPublicService(db),
      commendations: recognition.service,
      sections: { honours: (communityId) => publishedHonours(db, communityId) },
    }),
    notices,
    notifications,
    regionsModule({ db, audit, notifier }),
    indicatorsModule({ db, cipher, alertDays: config.leftOutAlertDays, reuseMs: config.indicatorsReuseMs }),
    projectsModule({ db, audit, cipher }),
    selectionsModule({ db, audit, residents }),
  ];
  const services: Services = {
    auth: auth.service,
    registry: registryService,
    audit,
    jobs,
    notifier,
    directory,
    eligibility,
    needs: needs.service.needs,
    appointments: appointments.service,
    hours: hours.service,
    contacts,
    outbox: notifications.service.outbox,
    cluster,
  };
  badges.service.attach(cluster);

  await app.register(cookie);
  // Limits are opted into per route (sign-in, codes); a global one would also throttle static files. On PostgreSQL
  // they are counted in the database, so several servers share one count; SQLite is one process: in memory.
  await app.register(rateLimit, {
    global: false,
    ...(kind === 'postgres' && { store: databaseRateLimitStore(db) }),
  });
  if (kind === 'postgres') {
    jobs.register('rate-limits.sweep', () => sweepRateLimits(db).then(() => undefined));
    jobs.schedule('rate-limits.sweep', '* * * * *');
  }
  if (kind === 'sqlite') {
    jobs.register('sqlite.optimize', async () => refreshStatistics(deps.database));
    jobs.schedule('sqlite.optimize', '17 * * * *');
  }
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linli (邻里) API', version: '0.1.0', description: 'The community volunteer service platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerSecurityHeaders(app, { hsts: config.hsts });
  registerPlatformHooks(app, auth.service, config.publicBaseUrl);

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

  for (const m of modules) {
    await app.register(m.routes);
    for (const job of m.jobs) {
      jobs.register(job.name, job.run);
      if (job.cron) jobs.schedule(job.name, job.cron);
    }
  }

  await serveWeb(app, config.webDist);
  return Object.assign(app, { services }) as unknown as FastifyInstance & { services: Services };
}

/**
 * The built web app, with every non-API path falling back to index.html for the client router. Only the hashed
 * files under /assets are kept for a year (immutable); index.html and anything else is checked again each time.
 */
async function serveWeb(app: FastifyInstance, dist: string) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  const assets = path.join(dist, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // Set here, not by the plugin, whose own Cache-Control would overwrite whatever setHeaders says.
    cacheControl: false,
    setHeaders: (res, file) =>
      res.setHeader('cache-control', file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    // (A malformed %-escape never gets here: the router answers 400.)
    const file = path.join(dist, decodeURIComponent(req.url.split('?')[0]!));
    if (file.startsWith(dist + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile())
      return reply.sendFile(path.relative(dist, file));
    // Read per request: a rebuilt web app is served without restarting the server.
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .send(fs.readFileSync(path.join(dist, 'index.html')));
  });
}
