// A certificate PDF (志愿服务记录证明): render one from a snapshot with 12 service lines, honour hours, the seal
// and the QR code. Warm: one process, after a first render, 200 renders (median, p99). Cold: a fresh process
// each time, its first render, font loading included (5 processes). Goal: under 300 ms.
//
//   npx tsx bench/certificate.ts            the whole section, standalone
//   npx tsx bench/certificate.ts --cold     one cold render (what the section spawns), prints {"ms": …}
import { renderCertificate } from '../server/src/modules/certificates/certificate.pdf.ts';
import type { CertificateSnapshot } from '../domain/records/certificates.ts';
import { isMain, median, percentile, runStandalone, spawnTracked, waitForExit, type Figure } from './lib.ts';

const GOAL_MS = 300;
const URL = 'http://127.0.0.1:3000/verify/01900000-0000-7000-8000-000000000000/AbCdEfGhIjKlMnOpQrStUvWx';

function snapshot(i: number): CertificateSnapshot {
  return {
    title: '志愿服务记录证明',
    number: `XG-2026-${String(i).padStart(6, '0')}`,
    issuedOn: '2026-11-28',
    volunteer: { name: '刘红梅', idType: '居民身份证', idMasked: '610302********123X', number: 'XG-V0123456789' },
    period: { from: '2026-01-05', to: '2026-11-28' },
    serviceMinutes: 12 * 150,
    honourMinutes: 120,
    lines: Array.from({ length: 12 }, (_, k) => ({
      source: k % 2 ? 'pairing_visit' : 'activity',
      description: [
        '中秋包饺子 · 厨房组',
        '宝福路清扫',
        '结对走访 李泽钦',
        '义剪服务',
        '四点半课堂辅导',
        '重阳敬老慰问',
      ][k % 6]!,
      entries: 3 + k,
      minutes: 150,
      firstDate: '2026-02-01',
      lastDate: '2026-09-15',
    })),
    issuer: { name: '西关社区居民委员会', responsible: '王书记', handler: '张社工', phone: '0917-3212345' },
  };
}

async function once(i: number): Promise<number> {
  const t = performance.now();
  const pdf = await renderCertificate(snapshot(i), URL, null);
  const ms = performance.now() - t;
  if (pdf.length < 10_000) throw new Error(`a ${pdf.length}-byte PDF is too small to be a certificate`);
  return ms;
}

export async function certificateBench(): Promise<Figure[]> {
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out: string[] = [];
    const child = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/certificate.ts', '--cold'], {
      label: 'cold',
      quiet: true,
      capture: out,
    });
    if ((await waitForExit(child, 120_000)) !== 0) throw new Error(`cold render failed: ${out.join('')}`);
    cold.push((JSON.parse(/\{"ms":[^}]*\}/.exec(out.join(''))![0]) as { ms: number }).ms);
  }
  await once(0);
  const warm: number[] = [];
  for (let i = 1; i <= 200; i++) warm.push(await once(i));
  const r = (n: number) => Math.round(n * 10) / 10;
  console.log(
    `cold: ${cold.map(r).join(', ')} ms; warm: median ${r(median(warm))} ms, p99 ${r(percentile(warm, 0.99))} ms`,
  );
  return [
    {
      bench: 'certificate',
      name: 'certificate PDF, warm, median',
      value: r(median(warm)),
      unit: 'ms',
      goal: `< ${GOAL_MS} ms`,
      pass: median(warm) < GOAL_MS,
    },
    {
      bench: 'certificate',
      name: 'certificate PDF, warm, p99',
      value: r(percentile(warm, 0.99)),
      unit: 'ms',
      goal: `< ${GOAL_MS} ms`,
      pass: percentile(warm, 0.99) < GOAL_MS,
    },
    {
      bench: 'certificate',
      name: 'certificate PDF, cold (first in a process), median',
      value: r(median(cold)),
      unit: 'ms',
      goal: '',
      pass: null,
      note: 'includes reading and parsing the 10 MB font once',
    },
    {
      bench: 'certificate',
      name: 'certificate PDF, cold, max',
      value: r(Math.max(...cold)),
      unit: 'ms',
      goal: '',
      pass: null,
    },
  ];
}

if (isMain(import.meta.url)) {
  if (process.argv.includes('--cold')) {
    console.log(JSON.stringify({ ms: await once(1) }));
    process.exit(0);
  }
  await runStandalone('certificate PDF', certificateBench);
}
