// Records every distinct SQL statement Kysely sends, with the line of project code that built it, into a file
// (one JSON object a line). Only when LINLI_RECORD_QUERIES names the file: the test suite's recording is then
// checked by scripts/community-filter.ts (every community-scoped table filtered on community_id; docs/scaling.md).
import fs from 'node:fs';
import path from 'node:path';
import type { KyselyPlugin, LogEvent, QueryId } from 'kysely';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The first frame of project code (not Kysely, not this file, not database.ts): "path:line function". */
function originOf(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /at (?:async )?(?:(.*?) \()?(?:file:\/\/)?([^()\s]+?):(\d+):\d+\)?$/.exec(line.trim());
    if (!m) continue;
    const file = m[2]!;
    if (!file.startsWith(ROOT) || file.includes('/node_modules/')) continue;
    const rel = path.relative(ROOT, file);
    if (rel === 'server/src/db/record-queries.ts' || rel === 'server/src/db/database.ts') continue;
    return `${rel}:${m[3]} ${m[1] ?? '<anonymous>'}`;
  }
  return 'unknown';
}

/** The stack here, not yet formatted (formatting, with source maps, is the costly part). */
function errorHere(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const e = new Error();
  Error.stackTraceLimit = limit;
  return e;
}

/** A plugin (notes where each query is built) and a log hook (appends each new statement) for Kysely. */
export function queryRecorder(file: string): { plugin: KyselyPlugin; log: (event: LogEvent) => void } {
  const builtAt = new WeakMap<QueryId, Error>();
  // A statement's origin is looked up the first few times it is seen, so a busy run pays little for recording.
  const sightings = new Map<string, number>();
  const seen = new Set<string>();
  return {
    plugin: {
      transformQuery(args) {
        if (!builtAt.has(args.queryId)) builtAt.set(args.queryId, errorHere());
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    log(event) {
      const { sql, queryId } = event.query;
      const n = sightings.get(sql) ?? 0;
      if (n >= 3) return;
      sightings.set(sql, n + 1);
      const origin = originOf((builtAt.get(queryId) ?? errorHere()).stack);
      const key = `${origin}\u0000${sql}`;
      if (seen.has(key)) return;
      seen.add(key);
      fs.appendFileSync(file, JSON.stringify({ sql, origin }) + '\n');
    },
  };
}
