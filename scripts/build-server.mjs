// Bundles the server into dist/server/main.mjs (dependencies stay in node_modules), so a start needs
// no TypeScript compiler at run time.
import { build } from 'esbuild';

// `node scripts/build-server.mjs [OUTFILE]`: the failure tests bundle into a file of their own.
export async function buildServer(outfile = 'dist/server/main.mjs') {
  await build({
    entryPoints: ['server/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer(process.argv[2]);
