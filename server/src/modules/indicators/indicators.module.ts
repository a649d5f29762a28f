// The indicators dashboard (issue 15): figures from street to grid, compared side by side, exported, and the
// monthly report for superiors generated at 06:00 Shanghai on the 1st for the month before. Every ROLLUP_MINUTES every
// community has its figures stored (indicators.refresh_rollup): its own dashboard reads them, and a street, district
// or city merges them, instead of reading every record of every community.
import type { Db } from '../../db/database.ts';
import { takingTurns } from '../../db/take-turns.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { ROLLUP_MINUTES } from '../../../../domain/indicators/schemas.ts';
import { indicatorsRoutes, reportTitle } from './indicators.routes.ts';
import { monthWindow, IndicatorsService } from './indicators.service.ts';
import { reportPdf } from './indicators.report.ts';

/** The month before the one `today` falls in, YYYY-MM. */
export const previousMonth = (today: string) => addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * Each community's report for `month`, and each street office's (all its communities, counted from the records),
 * stored (a second run replaces the first). A street's report rests on its first community.
 */
export async function storeMonthlyReports(service: IndicatorsService, month: string) {
  const w = monthWindow(month);
  for (const st of await service.streets()) {
    const node = {
      node: { id: `street:${st.id}`, kind: 'street' as const, name: st.name },
      communityIds: st.communityIds,
      gridId: null,
      children: [],
    };
    const v = await service.figuresOf(null, node, w.from, w.to, 'zh');
    const pdf = await reportPdf(v, reportTitle(st.name, month));
    await service.store(st.communityIds[0]!, node.node.id, st.name, month, pdf);
  }
  for (const c of await service.communities()) {
    const node = {
      node: { id: `community:${c.id}`, kind: 'community' as const, name: c.name },
      communityIds: [c.id],
      gridId: null,
      children: [],
    };
    const v = await service.figuresOf(null, node, w.from, w.to, 'zh');
    await service.store(c.id, node.node.id, c.name, month, await reportPdf(v, reportTitle(c.name, month)));
  }
}

export function indicatorsModule(deps: {
  db: Db;
  cipher: FieldCipher;
  alertDays: number;
  reuseMs?: number;
}): LinliModule<IndicatorsService> {
  // A dashboard counted from the records is some twenty statements: on SQLite other requests take turns between them.
  const service = new IndicatorsService(takingTurns(deps.db), deps.cipher, deps.alertDays, deps.reuseMs);
  return {
    routes: indicatorsRoutes(service),
    service,
    jobs: [
      {
        name: 'indicators.monthly_report',
        cron: '0 6 1 * *',
        run: (payload: { month?: string } | undefined) =>
          storeMonthlyReports(service, payload?.month ?? previousMonth(todayInShanghai())),
      },
      {
        // Enqueued once per slot whatever the number of servers (the job table's unique key), run by one of them.
        name: 'indicators.refresh_rollup',
        cron: `*/${ROLLUP_MINUTES} * * * *`,
        run: async () => {
          await service.refreshRollups();
        },
      },
    ],
  };
}
