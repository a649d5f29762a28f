// The one shape every server module has: a factory takes what the module needs (database, platform pieces,
// other modules' services, config values) and returns its routes, its service and its jobs. app.ts builds
// the modules in dependency order and registers each the same way.
import type { FastifyInstance } from 'fastify';
import type { JobHandler } from './jobs.ts';

/** Work the job worker runs: by name when enqueued, and on `cron` (Asia/Shanghai) when it has one. */
export interface LinliJob {
  name: string;
  cron?: string;
  run: JobHandler;
}

export interface LinliModule<Service> {
  /** A Fastify plugin with the module's routes. */
  routes: (app: FastifyInstance) => Promise<void>;
  /** What other modules and app.ts may use: the service, or an object of services. */
  service: Service;
  jobs: LinliJob[];
}
