// Party members' indicators over a period: members from the party module, verified hours from recognition's
// ledger sums, points from the points module's reader when there is one.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { PartyService } from '../party/party.service.ts';
import type { RecognitionService } from '../recognition/recognition.service.ts';
import { partyIndicatorsRoutes } from './party-indicators.routes.ts';
import { PartyIndicatorsService, type PointsReader } from './party-indicators.service.ts';

export function partyIndicatorsModule(deps: {
  db: Db;
  audit: AuditLog;
  party: PartyService;
  recognition: RecognitionService;
  points: PointsReader | null;
}): LinliModule<PartyIndicatorsService> {
  const service = new PartyIndicatorsService(deps.db, deps.audit, deps.party, deps.recognition, deps.points);
  return { routes: partyIndicatorsRoutes(service), service, jobs: [] };
}
