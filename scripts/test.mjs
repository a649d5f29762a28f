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
console.log(`Running ${chosen.length} test files on SQLite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ''}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...chosen], {
  stdio: 'inherit',
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
});
process.exit(r.status ?? 1);
