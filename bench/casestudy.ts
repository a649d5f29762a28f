// Projects and selections through the REAL built server on the demo community (西关社区): the project report
// (GET /api/projects/:id/report, a project linking every activity, team, need and pairing of the demo) and the vote
// (POST /api/me/selections/:id/vote), each at 10 connections. A vote is one insert keyed by (selection, account), so
// the measured votes are first votes, each in a selection of its own (one resident votes once per selection); the
// refused second vote is checked too.
//
// Goals: report p99 < 100 ms; vote p99 < 100 ms.
//
//   npx tsx bench/casestudy.ts [--seconds 10] [--connections 10] [--votes 2000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import {
  ensureServerBuilt,
  isMain,
  percentile,
  runStandalone,
  signInOverHttp,
  startBuiltServer,
  type Figure,
} from './lib.ts';

const GOAL_MS = 100;

export async function casestudyBench(seconds = 10, connections = 10, votes = 2000): Promise<Figure[]> {
  await ensureServerBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-casestudy-'));
  const server = await startBuiltServer(
    dataDir,
    { LINLI_DEMO: '1', LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', LINLI_LOG_LEVEL: 'warn' },
    { label: 'server', timeoutMs: 180_000 },
  );
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const staff = await signInOverHttp(base, '13800000002', 'xiguan-demo');
    const resident = await signInOverHttp(base, '13800000007', 'xiguan-demo');
    const post = async (who: typeof staff, url: string, body: unknown) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: who.headers, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : ((await res.json()) as { id: string });
    };
    const get = async <T>(url: string) =>
      (await (await fetch(`${base}${url}`, { headers: { cookie: staff.cookie } })).json()) as T;

    // A project over the whole demo: every activity, team, need and pairing.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const project = (await post(staff, '/api/projects', {
      name: `基准项目 ${Date.now()}`,
      startsOn: '2020-01-01',
      endsOn: '2030-12-31',
      leadName: '马建军',
      budgetFen: 1_000_000,
      targets: [
        { metric: 'services', group: 'empty_nest', target: 1000 },
        { metric: 'hours', group: null, target: 1000 },
      ],
    }))!.id;
    const targets: Array<[string, string]> = [
      ...(await get<Array<{ id: string }>>('/api/activities')).map((a) => ['activity', a.id] as [string, string]),
      ...(await get<Array<{ id: string }>>('/api/teams')).map((x) => ['team', x.id] as [string, string]),
      ...(await get<{ items: Array<{ id: string }> }>('/api/needs?pageSize=200')).items.map(
        (x) => ['need', x.id] as [string, string],
      ),
      ...(await get<{ items: Array<{ id: string }> }>('/api/pairings?pageSize=200')).items.map(
        (x) => ['pairing', x.id] as [string, string],
      ),
    ];
    for (const [kind, targetId] of targets) await post(staff, `/api/projects/${project}/links`, { kind, targetId });
    const report = await get<{ services: number; minutes: number; people: number }>(`/api/projects/${project}/report`);
    const reportUrl = `${base}/api/projects/${project}/report`;
    await autocannon({ url: reportUrl, connections, duration: 2, headers: { cookie: staff.cookie } });
    const r = await autocannon({ url: reportUrl, connections, duration: seconds, headers: { cookie: staff.cookie } });

    // Selections with one nominee each; the resident votes once in each, 10 at a time.
    const ballots: Array<{ id: string; nominee: string }> = [];
    for (let i = 0; i < votes; i++) {
      const id = (await post(staff, '/api/selections', {
        kind: 'best_neighbour',
        title: `基准评选 ${i}`,
        nominateFrom: today,
        nominateTo: today,
        voteFrom: today,
        voteTo: today,
        places: 1,
      }))!.id;
      const nominee = (await post(staff, `/api/selections/${id}/nominees`, { name: '张桂兰', reason: '热心' }))!.id;
      ballots.push({ id, nominee });
    }
    const vote = async (b: { id: string; nominee: string }) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/me/selections/${b.id}/vote`, {
        method: 'POST',
        headers: resident.headers,
        body: JSON.stringify({ nomineeId: b.nominee }),
      });
      await res.arrayBuffer();
      return { ms: performance.now() - t0, status: res.status };
    };
    const lat: number[] = [];
    let next = 0,
      bad = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < ballots.length) {
          const v = await vote(ballots[next++]!);
          lat.push(v.ms);
          if (v.status !== 204) bad++;
        }
      }),
    );
    const vps = ballots.length / ((performance.now() - t0) / 1000);
    // A second vote in the same selection: refused.
    const again = await vote(ballots[0]!);
    const p99 = percentile(lat, 0.99);
    return [
      {
        bench: 'casestudy',
        name: `project report, ${connections} connections, p99`,
        value: r.latency.p99,
        unit: 'ms',
        goal: `p99 < ${GOAL_MS} ms`,
        pass: r.latency.p99 < GOAL_MS && r.non2xx === 0,
        note:
          `${(r.requests.total / seconds).toFixed(0)} req/s, p50 ${r.latency.p50} ms; ${targets.length} links, ` +
          `${report.services} services, ${(report.minutes / 60).toFixed(0)} h; non-2xx ${r.non2xx}`,
      },
      {
        bench: 'casestudy',
        name: `vote (first votes), ${connections} at once, p99`,
        value: p99,
        unit: 'ms',
        goal: `p99 < ${GOAL_MS} ms`,
        pass: p99 < GOAL_MS && bad === 0 && again.status === 409,
        note:
          `${ballots.length} votes, p50 ${percentile(lat, 0.5).toFixed(1)} ms, ${vps.toFixed(0)} votes/s; ` +
          `refused ${bad}; a second vote answered ${again.status}`,
      },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      votes: { type: 'string', default: '2000' },
    },
    strict: true,
  });
  await runStandalone('Projects and selections', () =>
    casestudyBench(Number(values.seconds), Number(values.connections), Number(values.votes)),
  );
}
