// The public site of a community (GET /p/{communityId}: its upcoming activities, news, commendations and classes)
// under load, against the built server with the Xiguan demo, and a bare Fastify hello-world (bench/hello.ts, its own
// process) in the same run, in short interleaved rounds (hello, site, then site, hello, …) judged on the median of
// the per-round ratios, as bench/badge-page.ts does. The page is asked for as a phone's browser does (gzip). Before
// measuring, staff publish a few announcements (news and a class) so the page carries every section. Also measured:
// the data API GET /api/public/{communityId}/activities and the LED text feed /screen.txt.
// Goals: the site ≥ 50% of hello-world's requests per second, the page under 30 KB.
//
//   npx tsx bench/publicity.ts [--seconds 15] [--connections 10] [--rounds 5]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  ensureServerBuilt,
  isMain,
  median,
  runStandalone,
  signInOverHttp,
  startBuiltServer,
  startHelloWorld,
  type Figure,
} from './lib.ts';
import type { LoadOptions } from './search.ts';

const STAFF = { phone: '13800000002', password: 'xiguan-demo' };
const XIGUAN = '00000000-0000-7000-8000-000000000001';
const GZIP = 'gzip, deflate, br';

async function rps(url: string, seconds: number, connections: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: r.requests.total / seconds, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

/** Staff publish a news item and a class to every channel, as a community would on an ordinary week. */
async function publishSome(base: string) {
  const { cookie, csrf } = await signInOverHttp(base, STAFF.phone, STAFF.password);
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const bodies = [
    {
      kind: 'news',
      title: '西关社区冬季防火安全提示',
      body: '请居民朋友们注意用火用电安全，楼道不堆放杂物。'.repeat(4),
    },
    {
      kind: 'class',
      title: '市民学校：老年人智能手机课',
      body: '手把手教您用微信视频、扫码乘车。',
      classKind: 'citizens_school',
      schedule: '每周三下午 2:30–4:00',
      place: '社区活动室',
    },
    {
      kind: 'class',
      title: '书法兴趣班招生',
      body: '零基础可报名，笔墨纸砚社区提供。',
      classKind: 'calligraphy',
      schedule: '每周六上午 9:00–11:00',
      place: '二楼书画室',
    },
  ];
  for (const b of bodies) {
    const res = await fetch(`${base}/api/publicity/announcements`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...b, channels: ['site', 'screen', 'poster', 'wechat'] }),
    });
    if (res.status !== 201) throw new Error(`writing an announcement answered ${res.status}: ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const pub = await fetch(`${base}/api/publicity/announcements/${id}/publish`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    if (pub.status !== 200) throw new Error(`publishing answered ${pub.status}: ${await pub.text()}`);
  }
}

export async function publicityBench(o: Partial<LoadOptions> & { rounds?: number } = {}): Promise<Figure[]> {
  const rounds = Math.max(1, o.rounds ?? 5);
  const connections = o.connections ?? 10;
  const perRound = Math.max(2, Math.round((o.seconds ?? 15) / rounds));
  await ensureServerBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-publicity-'));
  const server = await startBuiltServer(
    dir,
    { LINLI_DEMO: '1', LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', LINLI_LOG_LEVEL: 'warn' },
    { label: 'server', timeoutMs: 180_000 },
  );
  let hello: Awaited<ReturnType<typeof startHelloWorld>> | null = null;
  try {
    const base = `http://127.0.0.1:${server.port}`;
    await publishSome(base);
    const siteUrl = `${base}/p/${XIGUAN}`;
    const apiUrl = `${base}/api/public/${XIGUAN}/activities`;
    const textUrl = `${base}/api/public/${XIGUAN}/screen.txt`;
    const plain = await fetch(siteUrl, { headers: { 'accept-encoding': 'identity' } });
    if (plain.status !== 200) throw new Error(`the public site answered ${plain.status}`);
    const html = await plain.text();
    const bytes = Buffer.byteLength(html);
    const activities = (html.match(/href="\/m\/activities\//g) ?? []).length;
    // node's fetch inflates what it gets: count the bytes on the wire with http.get.
    const zipped = await new Promise<number>((resolve, reject) => {
      http
        .get(siteUrl, { headers: { 'accept-encoding': GZIP } }, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => resolve(n));
        })
        .on('error', reject);
    });
    console.log(
      `  public site of Xiguan: ${activities} activities listed, ${bytes} bytes (${zipped} gzipped); ` +
        `${rounds} rounds of ${perRound} s each, ${connections} connections`,
    );
    hello = await startHelloWorld();
    await autocannon({ url: hello.url, connections, duration: 2 });
    await autocannon({ url: siteUrl, connections, duration: 2, headers: { 'accept-encoding': GZIP } });
    const h: Array<{ rps: number }> = [];
    const s: Array<{ rps: number; p99: number; bad: number }> = [];
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? ['hello', 'site'] : ['site', 'hello'];
      for (const which of order) {
        if (which === 'hello') h.push(await rps(hello.url, perRound, connections));
        else s.push(await rps(siteUrl, perRound, connections, { 'accept-encoding': GZIP }));
      }
      console.log(
        `  round ${i + 1}: hello-world ${Math.round(h[i]!.rps)} req/s; site ${Math.round(s[i]!.rps)} req/s ` +
          `(p99 ${s[i]!.p99} ms) → ${((s[i]!.rps / h[i]!.rps) * 100).toFixed(1)}%`,
      );
    }
    await hello.stop();
    hello = null;
    const api = await rps(apiUrl, perRound, connections);
    const text = await rps(textUrl, perRound, connections);
    const ratios = s.map((r, i) => r.rps / h[i]!.rps);
    const ratio = median(ratios);
    const bad = s.reduce((n, r) => n + r.bad, 0);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    return [
      {
        bench: 'publicity',
        name: 'hello-world req/s (median of the rounds)',
        value: Math.round(median(h.map((r) => r.rps))),
        unit: '/s',
        goal: '',
        pass: null,
        note: `rounds: ${h.map((r) => Math.round(r.rps)).join(', ')}`,
      },
      {
        bench: 'publicity',
        name: 'public site req/s (median of the rounds)',
        value: Math.round(median(s.map((r) => r.rps))),
        unit: '/s',
        goal: '',
        pass: null,
        note: `rounds: ${s.map((r) => Math.round(r.rps)).join(', ')}; p99 ${median(s.map((r) => r.p99))} ms`,
      },
      {
        bench: 'publicity',
        name: 'public site / hello-world (median of per-round ratios)',
        value: Math.round(ratio * 1000) / 10,
        unit: '%',
        goal: '≥ 50%',
        pass: ratio >= 0.5 && bad === 0,
        note: `per round: ${ratios.map(pct).join(', ')}${bad ? `; ${bad} failed` : ''}`,
      },
      {
        bench: 'publicity',
        name: 'public site size',
        value: bytes,
        unit: 'B',
        goal: '< 30720 B',
        pass: bytes < 30 * 1024,
        note: `${zipped} B gzipped, as sent to a phone; ${activities} activities listed`,
      },
      {
        bench: 'publicity',
        name: 'GET /api/public/{id}/activities req/s',
        value: Math.round(api.rps),
        unit: '/s',
        goal: '(informational)',
        pass: api.bad === 0 ? null : false,
        note: `p99 ${api.p99} ms${api.bad ? `; ${api.bad} failed` : ''}`,
      },
      {
        bench: 'publicity',
        name: 'GET /api/public/{id}/screen.txt req/s',
        value: Math.round(text.rps),
        unit: '/s',
        goal: '(informational)',
        pass: text.bad === 0 ? null : false,
        note: `p99 ${text.p99} ms${text.bad ? `; ${text.bad} failed` : ''}`,
      },
    ];
  } finally {
    if (hello) await hello.stop();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '5' },
    },
  });
  await runStandalone('public site (publicity)', () =>
    publicityBench({
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      rounds: Number(values.rounds),
    }),
  );
}
