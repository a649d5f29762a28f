// Property-based fuzzing of every route in the OpenAPI document (fast-check): each route and method gets requests
// drawn from its own schema — fitting values, and hostile ones swapped in (see fuzz-requests.ts) — sent as the
// community admin, a member of staff, a volunteer and nobody, with the CSRF token. Two properties, on SQLite and on
// PostgreSQL alike: no answer is ever a 5xx, and a write the server refuses (any 4xx) changes nothing in the
// database (row triggers log every committed write; see watchWrites). A failure prints the route, the shrunk request
// and the answer. By default each database gets a time budget (LINLI_FUZZ_SECONDS, 75 s) shared out among the
// routes still to go, from 4 to 24 runs a route, so `npm test` stays bounded on a slow box; LINLI_FUZZ_RUNS=n runs
// every route n times instead, however long that takes; LINLI_FUZZ_HOSTILE sets how hostile. Seed: LINLI_FUZZ_SEED;
// LINLI_FUZZ_LOG=1 shows the server's error log (the stack of each 5xx).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { insertAccountVolunteer, signIn, startTestApp, type Session, type TestContext } from './app.ts';
import { insertNeed } from './factories.ts';
import { addTeamMember, insertTeam, insertUnit, insertVolunteer } from './volunteer-factories.ts';
import { testDatabaseKinds } from './databases.ts';
import { requestsFor, type FuzzRequest, type Operation } from './fuzz-requests.ts';

const FIXED_RUNS = process.env.LINLI_FUZZ_RUNS ? Number(process.env.LINLI_FUZZ_RUNS) : null;
const BUDGET_MS = Number(process.env.LINLI_FUZZ_SECONDS ?? 75) * 1000;
const [MIN_RUNS, MAX_RUNS] = [4, 24];
/** The chance in 100 that a value is swapped for a hostile one (LINLI_FUZZ_HOSTILE). */
const HOSTILE = Number(process.env.LINLI_FUZZ_HOSTILE ?? 12);
const SEED = process.env.LINLI_FUZZ_SEED ? Number(process.env.LINLI_FUZZ_SEED) : Date.now() % 2 ** 31;

/** Routes not fuzzed, with why. */
const SKIP: Record<string, string> = {
  'POST /api/auth/sign-out': "ends the fuzzer's own session",
};

/**
 * Writes a route's refusal makes by design, with why: a wrong password or code counts (and after too many locks
 * out), and a failed sign-in is audited. Any other write on a refusal still fails the route.
 */
/** What a counted sign-in failure writes (modules/auth/sign-in-throttle.ts). */
const THROTTLE = ['insert sign_in_throttle', 'update sign_in_throttle'];
const REFUSAL_WRITES: Record<string, { writes: string[]; why: string }> = {
  'POST /api/auth/sign-in': {
    writes: THROTTLE.concat('insert audit_log'),
    why: 'a wrong password counts in the sign-in throttle (per number and address) and is audited',
  },
  'POST /api/auth/sign-in-code': {
    writes: THROTTLE.concat('update sign_in_code', 'insert audit_log'),
    why: 'a wrong code counts against the code and in the sign-in throttle, and is audited',
  },
  'POST /api/auth/two-factor': {
    writes: THROTTLE.concat('update two_factor_challenge'),
    why: 'a wrong second-step code counts against the challenge and in the sign-in throttle',
  },
  'POST /api/auth/password-reset': {
    writes: ['update password_reset_code'],
    why: 'a wrong reset code counts against the code',
  },
  'POST /api/public/volunteer-registrations': {
    writes: ['update sign_in_code'],
    why: 'a wrong registration code counts against the code',
  },
  'POST /api/public/guardian-consent/children': {
    writes: ['update sign_in_code'],
    why: "a wrong guardian's code counts against the code",
  },
  'POST /api/public/guardian-consent/decision': {
    writes: ['update sign_in_code'],
    why: "a wrong guardian's code counts against the code",
  },
};

/** Tables whose writes are not watched, with why. */
const UNWATCHED: Record<string, string> = {
  linli_migration: 'the migrator’s bookkeeping',
  linli_migration_lock: 'the migrator’s bookkeeping',
};
/** Columns whose updates are not watched, with why. */
const UNWATCHED_COLUMNS: Record<string, string> = {
  'session.last_seen_at': 'written at most once a minute by any signed-in request, refused or not',
};

const ROLES = ['community_admin', 'staff', 'volunteer', null] as const;
/** How often each is drawn: the admin reaches the most code. */
const ROLE_WEIGHTS = [4, 2, 2, 1];

type Any = Kysely<any>;

/**
 * Row triggers on every watched table that log each committed insert, update and delete into fuzz_write (test
 * databases only). Cheaper than hashing every table around each refusal, and exact: a write rolled back with its
 * transaction leaves no trace, and a committed one is named with its table even when it left the rows as they were.
 */
async function watchWrites(db: Any, kind: string): Promise<void> {
  const tables = await db.introspection.getTables();
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const statements: string[] = [];
  if (kind === 'postgres') {
    statements.push(
      'create table fuzz_write (n bigserial primary key, tbl text not null, op text not null)',
      `create function fuzz_log() returns trigger language plpgsql as $$
         begin insert into fuzz_write (tbl, op) values (TG_TABLE_NAME, TG_OP); return null; end $$`,
    );
  } else {
    statements.push(
      'create table fuzz_write (n integer primary key autoincrement, tbl text not null, op text not null)',
    );
  }
  for (const t of tables) {
    if (t.name in UNWATCHED) continue;
    const skipped = t.columns.filter((c) => `${t.name}.${c.name}` in UNWATCHED_COLUMNS);
    const update = skipped.length
      ? `update of ${t.columns
          .filter((c) => !skipped.includes(c))
          .map((c) => q(c.name))
          .join(', ')}`
      : 'update';
    if (kind === 'postgres')
      statements.push(
        `create trigger fuzz_write after insert or ${update} or delete on ${q(t.name)}` +
          ' for each row execute function fuzz_log()',
      );
    else
      for (const [op, when] of [
        ['INSERT', 'insert'],
        ['UPDATE', update],
        ['DELETE', 'delete'],
      ])
        statements.push(
          `create trigger ${q(`fuzz_${t.name}_${op}`)} after ${when} on ${q(t.name)}` +
            ` begin insert into fuzz_write (tbl, op) values ('${t.name}', '${op}'); end`,
        );
  }
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Up to six ids of each table with an id column, community a's first: one statement. */
async function idsQuery(db: Any, communityA: string): Promise<string> {
  const tables = await db.introspection.getTables();
  const selects: string[] = [];
  for (const t of tables) {
    const names = t.columns.map((c) => c.name);
    if (!names.includes('id')) continue;
    const order = names.includes('community_id')
      ? `case when community_id = '${communityA}' then 0 else 1 end, id desc`
      : 'id desc';
    selects.push(`select * from (select '${t.name}' as t, id from "${t.name}" order by ${order} limit 6) x_${t.name}`);
  }
  return selects.join('\nunion all\n');
}

const singular = (w: string) =>
  w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('ses') ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w;
const snake = (w: string) => w.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');

/** The table a param or field names: `residentId` → resident, `/api/homecare/stays/{id}` → hospital_stay. */
function tableFor(name: string, path: string, tables: string[]): string | null {
  const pick = (stem: string, prefer = '') => {
    const hits = tables.filter((t) => t === stem || t.endsWith(`_${stem}`));
    return hits.find((t) => t === `${prefer}_${stem}`) ?? hits.find((t) => t === stem) ?? hits[0] ?? null;
  };
  if (/Ids?$/.test(name)) return pick(snake(name.replace(/Ids?$/, '')));
  if (name !== 'id' && name !== 'ids') return null;
  const segs = path.split('/').filter((s) => s && !s.startsWith('{'));
  const at = path.split('/').indexOf('{id}');
  const before = path.split('/')[at - 1] ?? segs.at(-1) ?? '';
  const prev = path.split('/')[at - 2] ?? '';
  return pick(snake(singular(before)), snake(singular(prev)));
}

interface Failure {
  route: string;
  message: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`fuzzing every route (${kind})`, () => {
    let t: TestContext;
    let db: Any;
    const sessions = new Map<string, Session>();
    let poolSql = '';
    let pool = new Map<string, string[]>();
    let tables: string[] = [];
    let poolStale = true;

    before(async () => {
      // LINLI_FUZZ_LOG=1 prints the server's error log (the stack of each 5xx) among the test's output.
      t = await startTestApp(kind, process.env.LINLI_FUZZ_LOG ? { LINLI_LOG_LEVEL: 'error' } : {});
      db = t.db.handle.db as Any;
      // A little beyond the small community's registry, so routes about volunteers, teams and needs find rows.
      const unit = await insertUnit(t.db.handle.db, t.a.id, '西关小学');
      const team = await insertTeam(t.db.handle.db, t.a.id, '助老服务队', 'squad', unit);
      const mine = await insertAccountVolunteer(t, 'volunteer', { name: '张志愿', unitId: unit });
      const other = await insertVolunteer(t.db.handle.db, t.cipher, t.a.id, { name: '刘助人', gender: 'male' });
      await addTeamMember(t.db.handle.db, t.a.id, team, mine, { role: 'leader' });
      await addTeamMember(t.db.handle.db, t.a.id, team, other);
      await insertNeed(t.db.handle.db, t.a, '李泽钦', 0, { category: 'household' });
      await watchWrites(db, kind);
      poolSql = await idsQuery(db, t.a.id);
      tables = (await db.introspection.getTables()).map((x) => x.name);
    });
    after(() => t.close());

    /** The newest write logged so far. */
    async function lastWrite(): Promise<number> {
      const { rows } = await sql<{ n: number | string | null }>`select max(n) as n from fuzz_write`.execute(db);
      return Number(rows[0]?.n ?? 0);
    }
    /** The tables written since write `since`, with how. */
    async function writesSince(since: number): Promise<string[]> {
      const { rows } = await sql<{
        tbl: string;
        op: string;
      }>`select tbl, op from fuzz_write where n > ${since} order by n`.execute(db);
      return [...new Set(rows.map((r) => `${r.op.toLowerCase()} ${r.tbl}`))];
    }

    async function refreshPool() {
      if (!poolStale) return;
      const { rows } = await sql.raw<{ t: string; id: string }>(poolSql).execute(db);
      pool = new Map();
      for (const r of rows) pool.set(r.t, [...(pool.get(r.t) ?? []), String(r.id)]);
      poolStale = false;
    }

    /** Signs each role in again if a fuzzed request ended its session (a switch, a lockout, a removed role). */
    async function ensureSessions() {
      // A fuzzed 2xx may have required two factors of admins or staff (their sessions could then only enrol) or
      // filled the sign-in throttle; put both back so the next route is reached as each role, not refused with 403.
      await db.updateTable('community').set({ two_factor_admins: 0, two_factor_staff: 0 }).execute();
      await db.deleteFrom('sign_in_throttle').execute();
      for (const role of ROLES) {
        if (!role) continue;
        const s = sessions.get(role);
        if (s) {
          const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
          if (me.statusCode === 200) continue;
        }
        sessions.set(role, await signIn(t.app, t.a.phones[role]));
      }
    }

    async function send(method: string, r: FuzzRequest) {
      const s = r.role ? sessions.get(r.role) : undefined;
      const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
      let payload: string | undefined;
      if (r.body && 'raw' in r.body) payload = r.body.raw;
      else if (r.body) payload = JSON.stringify(r.body.json);
      if (payload !== undefined) headers['content-type'] = 'application/json';
      return t.app.inject({ method: method.toUpperCase() as 'GET', url: r.url, payload, headers });
    }

    const show = (r: FuzzRequest) => {
      const body = r.body && ('raw' in r.body ? r.body.raw : JSON.stringify(r.body.json));
      const cut = (v: string) => (v.length > 600 ? `${v.slice(0, 600)}… (${v.length} chars)` : v);
      return `as ${r.role ?? 'nobody'}: ${cut(r.url)}${body !== undefined ? ` body ${cut(body)}` : ''}`;
    };

    it('the write watch sees a committed write, and not one rolled back', async () => {
      const since = await lastWrite();
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable('grid').set({ name: 'x' }).where('id', '=', t.a.grids[0]).execute();
          throw new Error('roll back');
        })
        .catch(() => undefined);
      assert.deepEqual(await writesSince(since), []);
      await db.updateTable('session').set({ last_seen_at: new Date().toISOString() }).execute();
      assert.deepEqual(await writesSince(since), [], 'last seen is not watched');
      await db.updateTable('community').set({ name: '西关社区' }).where('id', '=', t.a.id).execute();
      assert.deepEqual(await writesSince(since), ['update community']);
    });

    const runs = FIXED_RUNS ? `${FIXED_RUNS} runs a route` : `${BUDGET_MS / 1000} s`;
    it(`answers no 5xx and changes nothing on a refused write (${runs}, seed ${SEED})`, async () => {
      const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
      const failures: Failure[] = [];
      let routes = 0;
      let requests = 0;
      const statuses = new Map<number, number>();
      const started = Date.now();
      const named = Object.entries(doc.paths).flatMap(([p, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
      );
      for (const route of [...Object.keys(SKIP), ...Object.keys(REFUSAL_WRITES)])
        assert.ok(named.includes(route), `${route} is named above but is no route`);
      const total = named.length;
      let done = 0;
      /** This route's runs: what the budget left allows at the pace so far, shared by the routes still to go. */
      const runsNow = () => {
        if (FIXED_RUNS) return FIXED_RUNS;
        const spent = Date.now() - started;
        const perRequest = requests ? spent / requests : 10;
        const fit = Math.floor((BUDGET_MS - spent) / Math.max(1, total - done) / perRequest);
        return Math.min(MAX_RUNS, Math.max(MIN_RUNS, fit));
      };
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const route = `${method.toUpperCase()} ${path}`;
          done++;
          if (route in SKIP) continue;
          routes++;
          await ensureSessions();
          await refreshPool();
          const ids = (name: string) => {
            if (name === 'communityId') return [t.a.id, t.b.id];
            if (name === 'quarter') return ['2026Q4'];
            const table = tableFor(name, path, tables);
            return (table && pool.get(table)) || [];
          };
          const mutating = method !== 'get';
          const allowed = new Set(REFUSAL_WRITES[route]?.writes);
          const result = await fc.check(
            fc.asyncProperty(
              requestsFor(
                path,
                method,
                op,
                ROLES.map((r, i) => [r, ROLE_WEIGHTS[i]!] as const),
                ids,
                HOSTILE,
              ),
              async (r) => {
                requests++;
                const since = mutating ? await lastWrite() : 0;
                const res = await send(method, r);
                statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
                if (res.statusCode >= 500)
                  throw new Error(`${res.statusCode} ${show(r)}\n  answer: ${res.body.slice(0, 800)}`);
                if (mutating && res.statusCode < 300) poolStale = true;
                if (!mutating || res.statusCode < 400) return;
                const written = (await writesSince(since)).filter((w) => !allowed.has(w));
                if (written.length)
                  throw new Error(
                    `${res.statusCode} yet wrote (${written.join(', ')}): ${show(r)}\n` +
                      `  answer: ${res.body.slice(0, 400)}`,
                  );
              },
            ),
            { numRuns: runsNow(), seed: SEED, endOnFailure: false },
          );
          if (result.failed)
            failures.push({
              route,
              message:
                result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance),
            });
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`fuzz ${kind}: ${routes} routes, ${requests} requests, ${failures.length} failing, ${seconds} s`);
      console.log(
        `answers: ${[...statuses]
          .sort((x, y) => x[0] - y[0])
          .map(([c, n]) => `${c}×${n}`)
          .join(' ')}`,
      );
      assert.deepEqual(
        failures.map((f) => `${f.route}\n  ${f.message}`),
        [],
        `routes that answered 5xx or changed data on a refusal (seed ${SEED}):\n` +
          failures.map((f) => `${f.route}\n  ${f.message}`).join('\n'),
      );
    });
  });
}
