// Shared by the benchmarks: child processes that are always ended, free ports, health polling, the built
// server, the figures table, and the rows most benchmarks seed (a community, a staff account, volunteers).
// Traffic goes to 127.0.0.1 only.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from '../server/src/db/database.ts';
import type { VolunteerTable } from '../server/src/db/schema/index.ts';
import { hashPassword } from '../server/src/modules/auth/auth.service.ts';
import { uuidv7 } from '../domain/shared/ids.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The server under test: the bundle scripts/build-server.mjs makes, or another one to compare
 * (BENCH_SERVER_BUNDLE=file, not rebuilt).
 */
const BUNDLE_OVERRIDE = process.env.BENCH_SERVER_BUNDLE ? path.resolve(process.env.BENCH_SERVER_BUNDLE) : null;
export const SERVER_BUNDLE = BUNDLE_OVERRIDE ?? path.join(ROOT, 'dist/server/main.mjs');

/** One line of the summary table. `pass` null: informational, no goal. */
export interface Figure {
  bench: string;
  name: string;
  value: number | null;
  unit: string;
  goal: string;
  pass: boolean | null;
  note?: string;
}

// ---------------- child processes ----------------

const children = new Set<ChildProcess>();

/** Spawns a child that killAll() (and process exit) will end. Output is prefixed and passed through unless quiet. */
export function spawnTracked(
  cmd: string,
  args: string[],
  opts: SpawnOptions & { label: string; quiet?: boolean; capture?: string[] },
): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    if (!stream) return;
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        opts.capture?.push(line);
        if (!opts.quiet) out.write(`  [${opts.label}] ${line}\n`);
      }
    });
    stream.on('end', () => {
      if (rest) {
        opts.capture?.push(rest);
        if (!opts.quiet) out.write(`  [${opts.label}] ${rest}\n`);
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return child;
}

/** Resolves with the exit code (or throws on timeout, after killing the child). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => {
      stopChild(child).catch(() => {});
      reject(new Error(`child ${child.pid} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function killAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

// Last resort: whatever way this process ends, its children end with it.
let guarded = false;
export function guardChildren(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void killAll().finally(() => process.exit(130));
    });
  }
}

// ---------------- network ----------------

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function healthOnce(port: number, pathName: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathName, agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Polls until the path answers 200; returns ms since `since` (performance.now()). Throws if the child exits first or
 * time runs out.
 */
export async function waitForHttp200(
  port: number,
  since: number,
  opts: { child?: ChildProcess; timeoutMs: number; path?: string; intervalMs?: number },
): Promise<number> {
  const deadline = since + opts.timeoutMs;
  for (;;) {
    if (opts.child && opts.child.exitCode !== null)
      throw new Error(`the server exited with code ${opts.child.exitCode} before it was healthy`);
    if ((await healthOnce(port, opts.path ?? '/api/health')) === 200) return performance.now() - since;
    if (performance.now() > deadline)
      throw new Error(`no 200 from 127.0.0.1:${port}${opts.path ?? '/api/health'} within ${opts.timeoutMs / 1000} s`);
    await sleep(opts.intervalMs ?? 10);
  }
}

/**
 * The bare Fastify hello-world (bench/hello.ts) in its own process: the yardstick the page benchmarks are judged
 * against, measured in the same run on the same machine. Its url, its pid (for CPU per request) and how to stop it.
 */
export async function startHelloWorld(): Promise<{
  url: string;
  port: number;
  pid: number | undefined;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/hello.ts'], {
    label: 'hello',
    quiet: true,
    env: { ...process.env, PORT: String(port) },
  });
  try {
    await waitForHttp200(port, performance.now(), { child, timeoutMs: 30_000, path: '/' });
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url: `http://127.0.0.1:${port}/`, port, pid: child.pid, stop: () => stopChild(child) };
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux); null elsewhere.
 * Per request it says what a request costs the server, whatever else the machine is doing.
 */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name; clock ticks are 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------- the built server ----------------

let built: Promise<void> | null = null;

/** Bundles the server once per run (scripts/build-server.mjs), so the benchmarks measure today's sources. */
export function ensureServerBuilt(): Promise<void> {
  built ??= (async () => {
    if (BUNDLE_OVERRIDE) {
      if (!fs.existsSync(BUNDLE_OVERRIDE)) throw new Error(`BENCH_SERVER_BUNDLE: no file ${BUNDLE_OVERRIDE}`);
      console.log(`  using ${BUNDLE_OVERRIDE} (BENCH_SERVER_BUNDLE), not rebuilding`);
      return;
    }
    const t = performance.now();
    const child = spawnTracked(process.execPath, ['scripts/build-server.mjs'], { label: 'build' });
    const code = await waitForExit(child, 120_000);
    if (code !== 0 || !fs.existsSync(SERVER_BUNDLE)) throw new Error(`scripts/build-server.mjs failed (exit ${code})`);
    console.log(`  built ${path.relative(ROOT, SERVER_BUNDLE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  })();
  return built;
}

/**
 * The environment of a benchmark server: this machine, SQLite in dataDir, no inherited database or keyring settings.
 */
export function serverEnv(port: number, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env))
    if (k === 'DATABASE_URL' || k === 'PORT' || k === 'HOST' || k.startsWith('LINLI_')) delete env[k];
  return { ...env, PORT: String(port), HOST: '127.0.0.1', LINLI_DATA_DIR: dataDir, LINLI_LOG_LEVEL: 'warn', ...extra };
}

/**
 * readyMs: spawn → first 200 from /api/health; readyCpuMs: the CPU time the server had used by then (less sensitive to
 * a busy machine).
 */
export interface RunningServer {
  child: ChildProcess;
  port: number;
  readyMs: number;
  readyCpuMs: number | null;
  stop(): Promise<void>;
}

/** Starts `node dist/server/main.mjs` and waits for /api/health; readyMs is spawn → first 200. */
export async function startBuiltServer(
  dataDir: string,
  extra: Record<string, string>,
  opts: { label: string; timeoutMs: number; quiet?: boolean },
): Promise<RunningServer> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnTracked(process.execPath, [SERVER_BUNDLE], {
    label: opts.label,
    quiet: opts.quiet,
    env: serverEnv(port, dataDir, extra),
  });
  try {
    const readyMs = await waitForHttp200(port, t0, { child, timeoutMs: opts.timeoutMs });
    return { child, port, readyMs, readyCpuMs: cpuMs(child.pid), stop: () => stopChild(child) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

/**
 * The built server a burst benchmark sends its requests to: no demo data, no jobs, no rate limits (the burst is many
 * requests from one place), `env` choosing the database.
 */
export function startBurstServer(label: string, env: Record<string, string>, dataDir: string): Promise<RunningServer> {
  return startBuiltServer(
    dataDir,
    { LINLI_DEMO: '0', LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', LINLI_LOG_LEVEL: 'warn', ...env },
    { label: `server ${label}`, timeoutMs: 60_000 },
  );
}

// ---------------- output ----------------

export function fmt(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === 'x') return `${v.toFixed(2)}x`;
  if (unit === '%') return `${v.toFixed(1)} %`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`.trim();
}

export function verdict(pass: boolean | null): string {
  return pass === null ? '' : pass ? 'PASS' : 'FAIL';
}

export function printTable(title: string, figures: Figure[]): void {
  const rows = figures.map((f) => [f.bench, f.name, fmt(f.value, f.unit), f.goal, verdict(f.pass), f.note ?? '']);
  printColumns(title, ['bench', 'figure', 'value', 'goal', '', 'note'], rows, (i) => i === 2);
}

/** A plain-text table under `title`: columns as wide as their widest cell, numbers (`right(i)`) aligned right. */
export function printColumns(title: string, head: string[], rows: string[][], right: (i: number) => boolean): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
}

/**
 * Runs main() as a script: figures printed, children killed whatever happens, exit 1 on error. When
 * BENCH_FIGURES_FILE is set (bench/run.ts runs a benchmark as a child), the figures are also written there as JSON.
 */
export async function runStandalone(title: string, main: () => Promise<Figure[]>): Promise<void> {
  guardChildren();
  let code = 0;
  try {
    const figures = await main();
    printTable(title, figures);
    if (process.env.BENCH_FIGURES_FILE) fs.writeFileSync(process.env.BENCH_FIGURES_FILE, JSON.stringify(figures));
  } catch (err) {
    console.error(err);
    code = 1;
  } finally {
    await killAll();
  }
  process.exit(code);
}

/**
 * The command line of a burst benchmark run as a script: a flag for each count (`--requests 500`, with its default;
 * one that is not a number, or 0, takes the default too) and `--pg URL` (else the environment variable `pgEnv`), then
 * runStandalone.
 */
export async function runBurstFromCommandLine<K extends string>(
  title: string,
  defaults: Record<K, number>,
  pgEnv: string,
  bench: (counts: Record<K, number>, pgUrl: string | undefined) => Promise<Figure[]>,
): Promise<void> {
  const names = Object.keys(defaults) as K[];
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(names.map((k) => [k, { type: 'string' as const, default: String(defaults[k]) }])),
      pg: { type: 'string' },
    },
    strict: true,
  });
  const given = values as Record<string, string | undefined>;
  const counts = Object.fromEntries(names.map((k) => [k, Number(given[k]) || defaults[k]])) as Record<K, number>;
  await runStandalone(title, () => bench(counts, given.pg ?? process.env[pgEnv]));
}

export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The q-quantile (0–1) of some timings, nearest-rank. */
export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Signs in over HTTP as a real client would; the cookie and the CSRF header a write needs. */
export async function signInOverHttp(
  base: string,
  phone: string,
  password: string,
): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${phone} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('linli_session='))!
    .split(';')[0]!;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf } };
}

/** The community the benchmarks seed (西关社区, Asia/Shanghai); returns its id. */
export async function insertBenchCommunity(db: Db, now = new Date().toISOString(), id = uuidv7()): Promise<string> {
  await db
    .insertInto('community')
    .values({
      id,
      name: '西关社区',
      district: '金台区',
      city: '宝鸡市',
      time_zone: 'Asia/Shanghai',
      created_at: now,
      // Benchmarks and the load tests sign admins in with a password alone (a real community requires two factors).
      two_factor_admins: 0,
    })
    .execute();
  return id;
}

/** A staff account (社工小王) that signs in with `phone` and `password`, a member of the community as staff. */
export async function insertStaffAccount(
  db: Db,
  communityId: string,
  phone: string,
  password: string,
  now = new Date().toISOString(),
  account = uuidv7(),
): Promise<string> {
  await db
    .insertInto('account')
    .values({
      id: account,
      phone,
      name: '社工小王',
      password_hash: await hashPassword(password),
      locale: null,
      failed_sign_ins: 0,
      locked_until: null,
      disabled: 0,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({
      community_id: communityId,
      id: uuidv7(),
      account_id: account,
      role: 'staff',
      title: null,
      grid_id: null,
      team_id: null,
      unit_id: null,
      resident_id: null,
      created_at: now,
    })
    .execute();
  return account;
}

/** The row of approved volunteer number `i` (志愿者i) of a community, with placeholder identity fields. */
export function benchVolunteerRow(
  communityId: string,
  i: number,
  now: string,
  fields: Partial<VolunteerTable> = {},
): VolunteerTable {
  return {
    community_id: communityId,
    id: uuidv7(),
    resident_id: null,
    account_id: null,
    name: `志愿者${i}`,
    name_pinyin: `zhiyuanzhe${i}`,
    name_initials: 'zyz',
    gender: 'female',
    birth_date: '1980-01-01',
    phone: `139${String(i).padStart(8, '0')}`,
    id_number_enc: 'x',
    id_number_token: `t${i}`,
    id_number_masked: 'x',
    fitness: 'good',
    political_status: 'masses',
    status: 'approved',
    registered_via: 'staff',
    recruited_via: 'residents_committee',
    recruit_unit_id: null,
    unit_id: null,
    card_token: uuidv7(),
    consent_at: now,
    decided_by: null,
    decided_at: now,
    decision_note: null,
    note: null,
    created_at: now,
    updated_at: now,
    ...fields,
  };
}
