// npm run test:e2e: builds what is missing or stale, starts the real server on a free port with a fresh data folder and
// the Xiguan demo, runs the browser journeys in e2e/ against it, and stops it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

await buildIfStale();

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
const server = spawn(process.execPath, ['dist/server/main.mjs'], {
  // Every journey signs in from one address, several times a minute; the per-address limits (sign-in 10 a minute)
  // are tested by the API tests, so here they are off.
  env: {
    ...process.env,
    PORT: String(port),
    LINLI_DATA_DIR: dataDir,
    LINLI_DEMO: '1',
    LINLI_LOG_LEVEL: 'warn',
    LINLI_RATE_LIMITS: '0',
    // Links printed and scanned (badges, cards, posters) point where the journeys' browser finds the server.
    LINLI_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The nginx journey puts nginx (on this machine) in front: its X-Forwarded-For and -Proto are believed from here
    // only. The other journeys connect directly and send neither header.
    LINLI_TRUST_PROXY: '127.0.0.1',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let serverOut = '';
server.stdout.on('data', (d) => {
  serverOut += d;
});

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 120_000;
for (;;) {
  try {
    const r = await fetch(`${base}/api/health`);
    if (r.ok) break;
  } catch {
    // not listening yet: poll again until the deadline
  }
  if (Date.now() > deadline || server.exitCode !== null) {
    console.error('the server did not become healthy\n' + serverOut);
    server.kill();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
console.log(`e2e: server up at ${base}`);

const files = fs
  .readdirSync('e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => path.join('e2e', f));
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (!chosen.length) {
  console.error(`no journeys match ${only.join(' ')}`);
  server.kill();
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...chosen], {
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: base },
});
server.kill('SIGTERM');
await new Promise((res) => server.once('exit', res));
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
