// npm run bench: start-up, the resident search and the skills pool search at city scale, eligibility of
// 10,000 volunteers, ranking for one need on the city, batch matching, a booking burst (BENCH_PG_URL adds
// PostgreSQL), the love badge page and the public site against hello-world, holiday delivery runs, and the Excel
// import (bench/import.ts, if present, in a child process), then one table of every figure and its goal. CI does
// not run this.
//
//   npm run bench [-- --only startup,search,…,import] [--seconds 10] [--connections 10] [--restarts 5] [--explain]
//   (--only takes any of the sections in the default of `only` below, comma-separated, or sweep or peak)
//   npm run bench -- --only city [--data-dir DIR]: the goals of a city on one box in one table (sign-ups, the love
//   badge page, every GET route with the main lists against their bare SQL, and Baoji's peak hour at ten times)
//   npm run bench -- --only sweep [--seconds 2] [--routes substr,…] [--data-dir DIR] [--pg-data-dir DIR]
//   BENCH_SERVER_BUNDLE=path/to/main.mjs measures another build of the server (e.g. the one before a change).
//
// Exit code: 0 when every goal passed, 1 when one failed or a benchmark could not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, guardChildren, killAll, printTable, spawnTracked, waitForExit, type Figure } from './lib.ts';
import { startupBench } from './startup.ts';
import { searchBench } from './search.ts';
import { skillsSearchBench } from './skills-search.ts';
import { SWEEP_ARGS, sweepOptionsFrom } from './sweep.ts';

const { values } = parseArgs({
  options: {
    only: {
      type: 'string',
      // Every section once, in the order they run. `sweep` (every GET route, bench/sweep.ts) is not in the
      // default: it takes ~30 min on a city and wants one built (--only sweep).
      default: [
        'startup,search,skills-search,eligibility,ranking,matching,booking,hours-profile',
        'recognition,certificate,signups,badge-page,publicity,homecare,classroom-checkout,record',
        'notices,lists,outbox,indicators,import',
      ].join(','),
    },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '10' },
    restarts: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
    // bench/sweep.ts's own options (see there).
    ...SWEEP_ARGS,
  },
  strict: true,
});
/** Names that stand for several sections. */
const GROUPS: Record<string, string[]> = { city: ['signups', 'badge-page', 'sweep', 'peak'] };
const only = new Set(values.only!.split(',').flatMap((s) => GROUPS[s.trim()] ?? [s.trim()]));
const seconds = Math.min(60, Math.max(1, Number(values.seconds) || 10));
const connections = Math.min(100, Math.max(1, Number(values.connections) || 10));
const restarts = Math.min(20, Math.max(1, Number(values.restarts) || 5));

/**
 * Benchmarks written by others, each run as its own process when its file is there (bench/<name>.ts, ending
 * in runStandalone): its output is shown as it runs, and its figures (written to a file by runStandalone)
 * join the table.
 */
const CHILD_BENCHES = ['import'];

async function childBench(name: string): Promise<Figure[]> {
  const file = path.join(os.tmpdir(), `linli-bench-${name}-${process.pid}.json`);
  fs.rmSync(file, { force: true });
  try {
    const child = spawnTracked(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], {
      label: name,
      env: { ...process.env, BENCH_FIGURES_FILE: file },
    });
    const code = await waitForExit(child, 30 * 60_000);
    const figures: Figure[] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Figure[]) : [];
    if (code !== 0 || !figures.length)
      figures.push({
        bench: name,
        name: `bench/${name}.ts`,
        value: null,
        unit: '',
        goal: 'exit 0',
        pass: false,
        note: `exit ${code}${figures.length ? '' : ', no figures'}`,
      });
    return figures;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function main(): Promise<number> {
  guardChildren();
  const figures: Figure[] = [];
  const failures: string[] = [];
  const section = async (name: string, run: () => Promise<Figure[]>) => {
    if (!only.has(name)) return;
    console.log(`\n== ${name} ==`);
    const t = performance.now();
    try {
      figures.push(...(await run()));
    } catch (err) {
      console.error(err);
      failures.push(`${name}: ${(err as Error).message}`);
      figures.push({
        bench: name,
        name: 'did not complete',
        value: null,
        unit: '',
        goal: '',
        pass: false,
        note: (err as Error).message.slice(0, 80),
      });
    } finally {
      await killAll();
      console.log(`== ${name}: ${((performance.now() - t) / 1000).toFixed(0)} s ==`);
    }
  };

  await section('startup', () => startupBench({ restarts }));
  await section('search', () => searchBench({ seconds, connections, explain: values.explain === true }));
  await section('skills-search', () => skillsSearchBench({ seconds, connections }));
  // Imported when run: it loads the whole app (server/test/app.ts), which the other sections do not need.
  await section('eligibility', async () => (await import('./eligibility.ts')).eligibilityBench());
  // Needs: ranking for one need on the city, batch matching, and bookings under a burst.
  await section('ranking', async () => (await import('./ranking.ts')).rankingBench());
  await section('matching', async () => (await import('./matching.ts')).matchingBench());
  await section('booking', async () =>
    (await import('./booking.ts')).bookingBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  // Hours: the hours profile on a city with 5,000,000 ledger entries.
  await section('hours-profile', async () => (await import('./hours-profile.ts')).hoursProfileBench());
  await section('recognition', async () => (await import('./recognition.ts')).recognitionBench());
  await section('certificate', async () => (await import('./certificate.ts')).certificateBench());
  await section('signups', async () =>
    (await import('./signups.ts')).signupsBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  await section('badge-page', async () => (await import('./badge-page.ts')).badgePageBench({ seconds, connections }));
  await section('publicity', async () => (await import('./publicity.ts')).publicityBench({ seconds, connections }));
  await section('homecare', async () =>
    (await import('./homecare.ts')).homecareBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  await section('classroom-checkout', async () =>
    (await import('./classroom-checkout.ts')).classroomCheckoutBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  await section('record', async () =>
    (await import('./record-of-service.ts')).recordOfServiceBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  // Staff notices: preview and send to the demo's largest audience; 我的消息 at 10 connections.
  await section('notices', async () => (await import('./notices.ts')).noticesBench({ seconds, connections }));
  // Every list route on the Xiguan demo at 1 and 10 connections, slowest first.
  await section('lists', async () =>
    (await import('./list-routes.ts')).listRoutesBench({ pgUrl: process.env.BENCH_PG_URL }),
  );
  // 10,000 notices through the outbox to the SMS stand-in: throughput and p99 delay to the provider's acknowledgement.
  await section('outbox', async () => (await import('./outbox.ts')).outboxBench({ pgUrl: process.env.BENCH_PG_URL }));
  // The indicators dashboard: a community's at 10 connections, and every chart of 100 communities at once.
  await section('indicators', async () => {
    const m = await import('./indicators.ts');
    const pgUrl = process.env.BENCH_PG_URL;
    return [...(await m.indicatorsBench({ pgUrl })), ...(await m.streetBench({ pgUrl }))];
  });
  // Every GET route at 1 and 10 connections on both databases, and the five main lists against their SQL bare.
  await section('sweep', async () =>
    (await import('./sweep.ts')).sweepBench({ ...sweepOptionsFrom(values), seconds: values.seconds ? seconds : 2 }),
  );
  // Baoji's peak hour at ten times its rate on a city from demo:city (not in the default: ten minutes, and it
  // needs the city): --data-dir, else BENCH_PEAK_DATA_DIR (default ./data-city), BENCH_PEAK_PG_URL, BENCH_PEAK_MINUTES.
  // After the sweep, which only reads: the peak writes to the city. With --data-dir (and --pg, --pg-data-dir for
  // the PostgreSQL city), on each of those cities in turn.
  await section('peak', async () => {
    const { peakBench } = await import('./peak.ts');
    const city = sweepOptionsFrom(values);
    if (!city.dataDir) return peakBench();
    const figures = await peakBench({ dataDir: city.dataDir, pgUrl: '' });
    if (city.pgUrl) figures.push(...(await peakBench({ dataDir: city.pgDataDir ?? city.dataDir, pgUrl: city.pgUrl })));
    return figures;
  });
  for (const name of CHILD_BENCHES) {
    if (!only.has(name)) continue;
    if (fs.existsSync(path.join(ROOT, `bench/${name}.ts`))) {
      await section(name, () => childBench(name));
    } else {
      console.log(`\n== ${name}: bench/${name}.ts is not there; skipped ==`);
      figures.push({
        bench: name,
        name: `bench/${name}.ts`,
        value: null,
        unit: '',
        goal: '',
        pass: null,
        note: 'not present: skipped',
      });
    }
  }

  printTable(
    `Linli benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} CPUs, load ` +
      `average ${os.loadavg()[0]!.toFixed(1)}`,
    figures,
  );
  const failed = figures.filter((f) => f.pass === false);
  console.log(failed.length ? `${failed.length} figure(s) missed their goal.` : 'Every goal met.');
  for (const f of failures) console.log(`  could not run: ${f}`);
  return failed.length || failures.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err);
} finally {
  await killAll();
}
process.exit(code);
