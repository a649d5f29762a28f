// The audit trail's read side: staff browse and export what was done. Writing it is the platform's AuditLog.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

export function auditModule(deps: { db: Db; audit: AuditLog }): LinliModule<null> {
  return { routes: auditRoutes(deps.db, deps.audit), service: null, jobs: [] };
}
