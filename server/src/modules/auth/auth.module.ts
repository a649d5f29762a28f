// Sign-in, sessions and accounts; the sessions purge runs nightly (03:15 Shanghai).
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import { authRoutes } from './auth.routes.ts';
import { AuthService } from './auth.service.ts';
import { passwordRoutes } from './password.routes.ts';
import { PasswordService } from './password.service.ts';
import { SetupService } from './setup.service.ts';

export function authModule(deps: {
  db: Db;
  audit: AuditLog;
  notifier: Notifier;
  sessions: SessionCache;
  sessionHours: number;
  secureCookies: boolean;
  rateLimits: boolean;
}): LinliModule<AuthService> {
  const service = new AuthService(deps.db, deps.audit, deps.notifier, deps.sessionHours, deps.sessions);
  const passwords = new PasswordService(deps.db, deps.audit, deps.notifier, deps.sessions);
  const signIn = authRoutes(service, {
    secureCookies: deps.secureCookies,
    sessionHours: deps.sessionHours,
    rateLimits: deps.rateLimits,
  });
  const passwordAndSetup = passwordRoutes(passwords, new SetupService(deps.db, deps.audit), deps);
  return {
    routes: async (app) => {
      await signIn(app);
      await passwordAndSetup(app);
    },
    service,
    jobs: [
      { name: 'sessions.purge', cron: '15 3 * * *', run: () => service.purgeExpired() },
      { name: 'password-codes.purge', cron: '20 3 * * *', run: () => passwords.purgeExpired() },
    ],
  };
}
