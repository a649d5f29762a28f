// Where a resident search spends its time in the database: runs RegistryService.residentPage in process on
// the city in ./data-bench (read-only), captures every SQL statement Kysely sends, and prints each one's
// EXPLAIN QUERY PLAN and its median time alone. A diagnostic for bench/search.ts, not a benchmark.
//
//   npx tsx bench/explain.ts            (npx tsx bench/search.ts --explain runs it after the load)
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../server/src/db/schema/index.ts';
import { authorize } from '../server/src/platform/access.ts';
import type { Actor } from '../server/src/platform/actor.ts';
import type { AuditLog } from '../server/src/platform/audit.ts';
import { FieldCipher, loadKeyring } from '../server/src/platform/crypto.ts';
import { RegistryService } from '../server/src/modules/registry/registry.service.ts';
import { isMain, median } from './lib.ts';
import { CITY_DIR, SCENARIOS, cityCommunity } from './search.ts';

interface Captured {
  sql: string;
  params: readonly unknown[];
}

export async function explainSearch(communities: number[] = [1, 100]): Promise<void> {
  const sqlite = new SQLite(path.join(CITY_DIR, 'linli.sqlite'), { readonly: true, fileMustExist: true });
  const captured: Captured[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
    },
  });
  try {
    const cipher = new FieldCipher(loadKeyring({ dataDir: CITY_DIR, warn: () => {} }));
    // residentPage never writes, so it needs no audit log.
    const registry = new RegistryService(db, cipher, {} as AuditLog);
    for (const k of communities) {
      const communityId = cityCommunity(k).id;
      const actor: Actor = {
        accountId: 'bench',
        name: 'bench',
        phone: '',
        role: 'staff',
        title: null,
        communityId,
        communityName: '',
        membershipId: 'bench',
        gridId: null,
        teamId: null,
        unitId: null,
        residentId: null,
        locale: null,
        csrfToken: '',
        tokenHash: '',
      };
      const grant = authorize(actor, 'registry.read');
      const grid = sqlite
        .prepare(
          `SELECT grid_id AS id, count(*) AS n FROM resident WHERE community_id = ? AND status = 'active' GROUP BY ` +
            `grid_id ORDER BY n DESC LIMIT 1`,
        )
        .get(communityId) as { id: string; n: number };
      for (const s of SCENARIOS) {
        for (const q of ['wang', 'lzq', 'zh']) {
          const params = s.params({ id: grid.id, code: '', name: '', residents: grid.n });
          captured.length = 0;
          const t = performance.now();
          const page = await registry.residentPage(actor, grant, {
            page: 1,
            pageSize: 50,
            q,
            gridId: params.gridId,
            ageMin: params.ageMin ? Number(params.ageMin) : undefined,
            group: params.group as 'empty_nest' | undefined,
          });
          const whole = performance.now() - t;
          console.log(
            `\n=== community ${k}, ${s.label}, q=${q}: ${page.items.length} of ${page.total} in ${whole.toFixed(1)} ` +
              `ms (service, in process)`,
          );
          for (const c of captured) {
            const stmt = sqlite.prepare(c.sql);
            const args = c.params as unknown[];
            const times: number[] = [];
            for (let i = 0; i < 15; i++) {
              const t1 = performance.now();
              stmt.all(...args);
              times.push(performance.now() - t1);
            }
            console.log(
              `--- ${median(times).toFixed(2)} ms  ${c.sql.length > 400 ? `${c.sql.slice(0, 400)}…` : c.sql}`,
            );
            for (const row of sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...args) as Array<{
              id: number;
              parent: number;
              detail: string;
            }>) {
              console.log(`      ${row.detail}`);
            }
          }
        }
      }
    }
  } finally {
    await db.destroy();
  }
}

if (isMain(import.meta.url)) {
  await explainSearch();
}
