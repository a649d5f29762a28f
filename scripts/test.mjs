// npm test: every *.test.ts outside e2e/ and node_modules, with Node's own runner (Node 20 takes no globs).
// SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = ['domain', 'server', 'scripts', 'bench'];
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') walk(p);
    else if (e.isFile() && e.name.endsWith('.test.ts')) files.push(p);
  }
};
for (const r of roots) if (fs.existsSync(r)) walk(r);
files.sort();
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// LINLI_RECORD_QUERIES=<file>: the databases the tests open record every statement into the file, and the
// statements are then checked for a community_id filter on every community-scoped table (docs/scaling.md).
const recording = process.env.LINLI_RECORD_QUERIES;
if (recording) fs.rmSync(recording, { force: true });
console.log(`Running ${chosen.length} test files on SQLite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ''}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...chosen], {
  stdio: 'inherit',
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
});
if (recording) {
  const c = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/community-filter.ts', recording], {
    stdio: 'inherit',
  });
  if (c.status !== 0) process.exit(c.status ?? 1);
}
process.exit(r.status ?? 1);
