// Staff notices on the Xiguan demo, over HTTP against the built server (SQLite): the largest audience the demo
// has (every team and every grid's households are previewed; the biggest is taken), the time to preview it and
// to send it (the batch, one outbox row per person, the links and the audit entry in one transaction), and
// 我的消息 (GET /api/me/messages, the demo volunteer's inbox after the sends) at 10 connections.
// Goals: a preview in under 500 ms and a send in under 2 s (staff click and wait); the inbox p99 under 100 ms.
//
//   npx tsx bench/notices.ts [--seconds 10] [--connections 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  ensureServerBuilt,
  isMain,
  median,
  percentile,
  runStandalone,
  signInOverHttp,
  startBuiltServer,
  type Figure,
} from './lib.ts';
import type { Audience, AudienceOptions, AudiencePreview } from '../domain/notices/schemas.ts';

const STAFF = { phone: '13800000002', password: 'xiguan-demo' };
const VOLUNTEER = { phone: '13800000006', password: 'xiguan-demo', team: '邻里互助服务队' };
const PREVIEWS = 20;
const SENDS = 10;
const r1 = (n: number) => Math.round(n * 10) / 10;

export async function noticesBench(opts: { seconds?: number; connections?: number } = {}): Promise<Figure[]> {
  const seconds = opts.seconds ?? 10;
  const connections = opts.connections ?? 10;
  await ensureServerBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-notices-'));
  const server = await startBuiltServer(
    dir,
    { LINLI_DEMO: '1', LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', LINLI_LOG_LEVEL: 'warn' },
    { label: 'server', timeoutMs: 180_000 },
  );
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const staff = await signInOverHttp(base, STAFF.phone, STAFF.password);
    const post = async <T>(url: string, body: unknown): Promise<{ ms: number; body: T }> => {
      const t = performance.now();
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: staff.headers, body: JSON.stringify(body) });
      const out = (await res.json()) as T;
      const ms = performance.now() - t;
      if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(out)}`);
      return { ms, body: out };
    };
    const options = (await (
      await fetch(`${base}/api/notices/audiences`, { headers: staff.headers })
    ).json()) as AudienceOptions;
    const audiences: Audience[] = [
      ...options.teams.map((t) => ({ kind: 'team' as const, teamId: t.id })),
      ...options.grids.map((g) => ({ kind: 'grid' as const, gridId: g.id })),
      { kind: 'classroom' as const },
    ];
    let largest: { audience: Audience; preview: AudiencePreview } | null = null;
    for (const audience of audiences) {
      const { body } = await post<AudiencePreview>('/api/notices/preview', { audience });
      if (!largest || body.people > largest.preview.people) largest = { audience, preview: body };
    }
    if (!largest) throw new Error('the demo has no audience');
    const { audience, preview } = largest;
    console.log(
      `  ${audiences.length} audiences; the largest: ${audience.kind} ${preview.label}, ${preview.people} people ` +
        `(${preview.unreachable} unreachable)`,
    );
    const previews: number[] = [];
    for (let i = 0; i < PREVIEWS; i++) previews.push((await post('/api/notices/preview', { audience })).ms);
    const sends: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      const { ms, body } = await post<{ recipients: number }>('/api/notices', {
        title: `压测通知 ${i + 1}`,
        text: '这是一条压测通知。',
        audience,
        confirmLarge: true,
      });
      if (body.recipients !== preview.people)
        throw new Error(`the send reached ${body.recipients}, the preview said ${preview.people}`);
      sends.push(ms);
    }
    // The demo volunteer's inbox: her squad's notices (20 of them), besides whatever else went to her phone.
    const squad = options.teams.find((t) => t.name === VOLUNTEER.team);
    if (!squad) throw new Error(`the demo has no ${VOLUNTEER.team}`);
    for (let i = 0; i < 20; i++)
      await post('/api/notices', {
        title: `队内通知 ${i + 1}`,
        text: '周六上午九点集合。',
        audience: { kind: 'team', teamId: squad.id },
      });
    const vol = await signInOverHttp(base, VOLUNTEER.phone, VOLUNTEER.password);
    const inbox = (await (await fetch(`${base}/api/me/messages`, { headers: { cookie: vol.cookie } })).json()) as {
      total: number;
    };
    const url = `${base}/api/me/messages`;
    await autocannon({ url, connections, duration: 2, headers: { cookie: vol.cookie } });
    const r = await autocannon({ url, connections, duration: seconds, headers: { cookie: vol.cookie } });
    const bad = r.non2xx + r.errors + r.timeouts;
    console.log(
      `  preview median ${r1(median(previews))} ms, send median ${r1(median(sends))} ms; inbox of ${inbox.total} ` +
        `messages: p99 ${r.latency.p99} ms, ${Math.round(r.requests.total / seconds)} req/s, ${bad} bad`,
    );
    const b = 'notices';
    return [
      {
        bench: b,
        name: `preview the largest audience (${preview.people} people), median`,
        value: r1(median(previews)),
        unit: 'ms',
        goal: '< 500 ms',
        pass: median(previews) < 500,
      },
      {
        bench: b,
        name: 'preview, p95',
        value: r1(percentile(previews, 0.95)),
        unit: 'ms',
        goal: '< 500 ms',
        pass: percentile(previews, 0.95) < 500,
      },
      {
        bench: b,
        name: `send to ${preview.people} people, median`,
        value: r1(median(sends)),
        unit: 'ms',
        goal: '< 2000 ms',
        pass: median(sends) < 2000,
      },
      {
        bench: b,
        name: 'send, max',
        value: r1(Math.max(...sends)),
        unit: 'ms',
        goal: '< 2000 ms',
        pass: Math.max(...sends) < 2000,
      },
      {
        bench: b,
        name: `我的消息 GET p99 at ${connections} connections (${inbox.total} messages)`,
        value: r.latency.p99,
        unit: 'ms',
        goal: '< 100 ms',
        pass: r.latency.p99 < 100 && bad === 0,
        note: `${Math.round(r.requests.total / seconds)} req/s${bad ? `, ${bad} bad` : ''}`,
      },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } },
    strict: true,
  });
  await runStandalone('staff notices', () =>
    noticesBench({ seconds: Number(values.seconds) || 10, connections: Number(values.connections) || 10 }),
  );
}
