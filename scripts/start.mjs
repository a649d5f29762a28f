// npm start: build what is missing or stale (the web app, the server bundle), then run the server.
// The server creates the database, applies migrations and fills the Xiguan demo on first start.
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-if-stale.mjs';

await buildIfStale();

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.mjs'], {
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
