// Certificates and points as one registration (app.ts, issue-5 block): points subscribe to the hours ledger's
// verified-credit changes, so they are earned and reversed inside the verifying transaction.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { PointsService } from '../points/points.service.ts';
import { pointsRoutes } from '../points/points.routes.ts';
import { CertificatesService } from './certificates.service.ts';
import { certificatesRoutes } from './certificates.routes.ts';

export function recordsModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
  hours: HoursService;
  rateLimits: boolean;
}) {
  const points = new PointsService(deps.db, deps.audit, deps.directory, deps.hours);
  const certificates = new CertificatesService(deps.db, deps.audit, deps.directory, deps.hours);
  deps.hours.onCreditChange(points.onCreditChange);
  // `points` is exposed so app.ts can hand its earned-points reader to the party indicators.
  return Object.assign(
    async (app: FastifyInstance) => {
      await app.register(certificatesRoutes(certificates, deps.rateLimits));
      await app.register(pointsRoutes(points));
    },
    { points },
  );
}
