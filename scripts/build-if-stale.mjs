// Builds what is missing or older than its sources: the web app and the server bundle. Shared by
// `npm start` and the browser journeys, so neither runs yesterday's build against today's code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer } from './build-server.mjs';

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

export async function buildIfStale() {
  const webSources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'domain'];
  if (mtime('web/dist/index.html') < newestMtime(webSources)) {
    console.log('Building the web app (first start or changed sources)…');
    const r = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (mtime('dist/server/main.mjs') < newestMtime(['server/src', 'domain', 'scripts/demo'])) {
    console.log('Building the server…');
    await buildServer();
  }
}
