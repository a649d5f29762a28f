// config → database → app → listen. The only file that reads the environment (through loadConfig).
import path from 'node:path';
import { buildApp } from './app.ts';
import { ROLE_LABELS, type Role } from '../../domain/access/roles.ts';
import { ConfigError, loadConfig, publicUrlWarning, type Config } from './config.ts';
import { migrateToLatest, openDatabase, refreshStatistics } from './db/database.ts';
import { FieldCipher, loadKeyring } from './platform/crypto.ts';
import { checkKeyring, KeyringMismatch } from './platform/keyring-check.ts';
import { cjkFont, cjkFontFile, useCjkFontFile } from './platform/pdf.ts';
import { DEMO_PASSWORD, prepareStart } from './startup.ts';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const started = Date.now();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'linli.sqlite'),
  });
  await migrateToLatest(database.db);
  refreshStatistics(database);
  const warnings: string[] = [];
  const cipher = new FieldCipher(
    loadKeyring({ keyringB64: config.keyring, dataDir: config.dataDir, warn: (m) => warnings.push(m) }),
  );
  try {
    const lacking = await checkKeyring(database.db, cipher);
    if (lacking.length)
      warnings.push(
        `The keyring lacks key(s) ${lacking.join(', ')} this database has met: values sealed with them cannot be ` +
          'opened by this server.',
      );
  } catch (err) {
    if (!(err instanceof KeyringMismatch)) throw err;
    console.error(err.message);
    await database.close();
    process.exit(2);
  }
  const app = await buildApp(config, { database, cipher });
  for (const w of warnings) app.log.warn(w);
  // Certificates, badge cards and posters need the Chinese font: say now, not at the first PDF, if it is missing.
  useCjkFontFile(config.cjkFontFile);
  let fontProblem: string | null = null;
  try {
    cjkFont();
    app.log.info({ font: cjkFontFile() }, 'PDF font ready');
  } catch (err) {
    fontProblem = (err as Error).message;
    app.log.error(fontProblem);
  }

  // The demo only on this machine; an empty production database gets a one-time setup link.
  const { demoSignIns, setupToken, refusal } = await prepareStart(database.db, cipher, app.log, config);
  if (refusal) {
    console.error(refusal);
    await app.close();
    await database.close();
    process.exit(3);
  }

  // Several servers on one PostgreSQL: listen for what the others change before answering anyone.
  await app.services.cluster.start();
  if (config.jobs) {
    app.services.jobs.start();
    app.services.outbox.start();
  }
  const address = await app.listen({ port: config.port, host: config.host });
  const unreachableLinks = publicUrlWarning(config);
  if (unreachableLinks) app.log.warn(unreachableLinks);

  const shown = address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `  Linli (邻里) is running at ${shown}  (${database.kind}, ready in ${Date.now() - started} ms)`,
    `  API docs: ${shown}/api/docs`,
  ];
  if (demoSignIns.length) {
    lines.push('', `  Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const s of demoSignIns) {
      const label = ROLE_LABELS[s.role as Role];
      lines.push(`    ${s.phone}  ${s.name}  ${label?.zh ?? s.role} / ${label?.en ?? s.role}`);
    }
  }
  if (setupToken) {
    // A fragment, not a query: browsers never send it, so the token stays out of access logs.
    const base = (config.delivery.publicUrl ?? shown).replace(/\/$/, '');
    lines.push(
      '',
      '  No community yet. Open this one-time link (valid 24 h) to create the first community and its admin,',
      '  or run npm run setup here. 还没有社区：打开下面的一次性链接（24 小时内有效）建立社区和管理员，或运行 npm run setup。',
      `    ${base}/setup#${setupToken}`,
    );
  }
  if (fontProblem) lines.push('', `  PDFs will fail until this is fixed: ${fontProblem}`);
  console.log(lines.join('\n') + '\n');

  // Finish requests in flight and the job in hand, then close the database.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.services.jobs.stop();
    await app.services.outbox.stop();
    await app.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
