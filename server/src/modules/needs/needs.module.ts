// Residents' needs from intake to done, and matching volunteers to them through the eligibility gate.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import { MatchingService } from './matching.service.ts';
import { needsRoutes } from './needs.routes.ts';
import { NeedsService } from './needs.service.ts';
import { surveyExportRoutes } from './survey.export.routes.ts';
import { surveyRoutes } from './survey.routes.ts';
import { SurveyService } from './survey.service.ts';
import { NeedNotices } from './need-notices.ts';
import { VolunteerNeedsService } from './volunteer-needs.service.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';

export function needsModule(deps: {
  db: Db;
  audit: AuditLog;
  eligibility: EligibilityService;
  residents: ResidentDirectory;
  notifier: Notifier;
  contacts: ContactService;
  hours: HoursService;
  directory: VolunteerDirectory;
}): LinliModule<{
  needs: NeedsService;
  matching: MatchingService;
  volunteerNeeds: VolunteerNeedsService;
  survey: SurveyService;
}> {
  const notices = new NeedNotices(deps.notifier, deps.residents);
  const needs = new NeedsService(deps.db, deps.audit, deps.eligibility, deps.residents, notices, deps.contacts);
  const matching = new MatchingService(deps.db, deps.eligibility, needs);
  const volunteerNeeds = new VolunteerNeedsService(deps.db, needs, notices, deps.hours, deps.directory, deps.residents);
  const survey = new SurveyService(deps.db, needs);
  const routes = async (app: Parameters<LinliModule<unknown>['routes']>[0]) => {
    await app.register(needsRoutes(needs, matching, volunteerNeeds));
    await app.register(surveyRoutes(survey));
    await app.register(surveyExportRoutes(survey, deps));
  };
  return { routes, service: { needs, matching, volunteerNeeds, survey }, jobs: [] };
}
