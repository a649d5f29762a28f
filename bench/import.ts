// The Excel roster import at its target size: 10,000 residents in one .xlsx, uploaded over HTTP to a fresh
// SQLite-backed server (bench/import-server.ts) in a child process of its own, so the memory figures are the
// server's alone. The child is bundled with esbuild and run by plain node, as production runs the server
// (under tsx the transpiler alone adds about 90 MB of RSS).
//
// Goal (registry import): 10,000 residents in under 10 s, server memory (peak RSS) under 300 MB.
//
//   npx tsx bench/import.ts [--residents 10000] [--keep] [--hostile]
//
// --hostile: before the roster, four zip bombs at once to each import route (a 1.5 MB .xlsx whose directories
// understate a 1.5 GB sheet; a 4 MB one with a 1.5 GB sharedStrings.xml), each answered 413 by the upload guard;
// prints the server's resident memory before, at its peak, and after.
//
// The parent makes the file with exceljs's streaming writer (shared strings, as Excel writes them), signs in as
// staff, uploads it, checks the counts, and also times an export of everything it imported.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../domain/shared/id-number.ts';
import { BUILDINGS, PASSWORD, STAFF_PHONE, type Memory } from './import-server.ts';
import { isMain, ROOT, runStandalone, type Figure } from './lib.ts';
import { hugeSharedStrings, zerosUnderstated } from '../server/test/zip-bombs.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SERVER_BUNDLE = path.join(ROOT, 'dist/bench/import-server.mjs');
const TODAY = new Date().toISOString().slice(0, 10);

// ---------------- the roster (parent) ----------------

/** mulberry32: the same roster every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_M = '建国军伟强磊涛明勇杰斌志刚辉鹏华平东海波宏林峰俊浩宇轩博文';
const GIVEN_F = '秀英桂兰芳娟敏静丽艳霞玲燕红梅萍琳婷雪慧颖欣怡悦佳晨';

/** One resident row per person, in households of one to five at addresses across the buildings. */
function* rosterRows(total: number): Generator<unknown[]> {
  const r = rng(20261128);
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(r() * xs.length)]!;
  const usedIds = new Set<string>();
  const idNumber = (birth: string, gender: 'male' | 'female') => {
    for (;;) {
      const order = Math.floor(r() * 500) * 2 + (gender === 'male' ? 1 : 0);
      const region = pick(['610302', '610303', '610304', '610323']);
      const first17 = `${region}${birth.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const birthOf = (age: number) => {
    const y = Number(TODAY.slice(0, 4)) - age - 1;
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const person = (surname: string, gender: 'male' | 'female', age: number) => {
    const given = gender === 'male' ? GIVEN_M : GIVEN_F;
    return { name: surname + pick(given) + (r() < 0.6 ? pick(given) : ''), gender, birth: birthOf(age), age };
  };
  let made = 0;
  let address = 0;
  while (made < total) {
    // Addresses in order: building, unit (1–4), floor (1–18), room (01–04), with a few left empty.
    const b = 1 + (address % BUILDINGS);
    const rest = Math.floor(address / BUILDINGS);
    if (rest >= 4 * 18 * 4) throw new Error(`${total} residents do not fit in ${BUILDINGS} buildings`);
    const unit = 1 + (rest % 4);
    const floor = 1 + (Math.floor(rest / 4) % 18);
    const room = `${floor}0${1 + Math.floor(rest / 72)}`;
    address++;
    if (r() < 0.08) continue;
    const migrant = r() < 0.1;
    const dibao = r() < 0.05;
    const surname = pick(SURNAMES);
    const headAge = 25 + Math.floor(r() * 60);
    const headGender = r() < 0.55 ? 'male' : 'female';
    const members: Array<ReturnType<typeof person> & { relation: string }> = [
      { ...person(surname, headGender, headAge), relation: '户主' },
    ];
    if (r() < 0.75)
      members.push({
        ...person(
          pick(SURNAMES),
          headGender === 'male' ? 'female' : 'male',
          Math.max(20, headAge + Math.floor(r() * 7) - 3),
        ),
        relation: '配偶',
      });
    if (headAge < 60)
      for (let k = Math.floor(r() * 3); k > 0; k--) {
        const g = r() < 0.5 ? 'male' : 'female';
        members.push({
          ...person(surname, g, Math.max(0, headAge - 22 - Math.floor(r() * 10))),
          relation: g === 'male' ? '儿子' : '女儿',
        });
      }
    if (headAge < 55 && r() < 0.12)
      members.push({
        ...person(surname, r() < 0.5 ? 'male' : 'female', headAge + 26 + Math.floor(r() * 6)),
        relation: '父母',
      });
    const elders = members.filter((m) => m.age >= 60);
    for (const m of members) {
      if (made >= total) return;
      made++;
      const groups: string[] = [];
      const health: string[] = [];
      if (m.age >= 60 && members.length === 1) groups.push('独居老人');
      else if (m.age >= 60 && elders.length === members.length) groups.push('空巢老人');
      if (m.age >= 55 && r() < 0.15) {
        groups.push('慢性病');
        health.push(pick(['高血压', '糖尿病', '冠心病', '慢阻肺']));
        if (r() < 0.3) health.push('高血脂');
      }
      const disabled = r() < 0.015;
      if (disabled) groups.push('残疾人');
      if (migrant && m.age < 16) groups.push('外来务工人员子女');
      const phone =
        m.age >= 14 && r() < 0.85 ? `1${pick('3456789')}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : '';
      yield [
        `${b}号楼`,
        String(unit),
        room,
        dibao ? '是' : '否',
        migrant ? '是' : '否',
        m.name,
        m.gender === 'male' ? '男' : '女',
        new Date(`${m.birth}T00:00:00Z`),
        m.relation,
        phone,
        idNumber(m.birth, m.gender),
        groups.join('、'),
        health.join('、'),
        disabled ? pick(['肢体三级', '视力二级', '听力四级']) : '',
        r() < 0.05 ? '行动不便，探访先电话联系' : '',
      ];
    }
  }
}

async function writeRoster(file: string, total: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('居民名单');
  ws.addRow([
    '楼幢',
    '单元',
    '室',
    '低保户',
    '流动人口',
    '姓名',
    '性别',
    '出生日期',
    '与户主关系',
    '手机号',
    '身份证号',
    '特殊群体',
    '健康状况',
    '残疾类别',
    '备注',
  ]).commit();
  for (const row of rosterRows(total)) {
    const added = ws.addRow(row);
    added.getCell(8).numFmt = 'yyyy-mm-dd';
    added.commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------- the run ----------------

async function request(
  port: number,
  method: string,
  url: string,
  opts: { body?: BodyInit; json?: unknown; cookie?: string; csrf?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body,
  });
}

/** Four zip bombs at once to each import route; the server's resident memory before, at the peak and after. */
async function attack(
  port: number,
  cookie: string,
  csrf: string,
  rss: () => Promise<{ nowMb: number; peakMb: number }>,
): Promise<Figure[]> {
  const before = await rss();
  const statuses = new Set<number>();
  const t = performance.now();
  for (const [route, bomb] of [
    ['/api/registry/import', zerosUnderstated()],
    ['/api/volunteers/import', hugeSharedStrings()],
  ] as const) {
    const post = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bomb)], { type: XLSX }), 'hostile.xlsx');
      const res = await request(port, 'POST', route, { body: form, cookie, csrf });
      await res.arrayBuffer();
      statuses.add(res.status);
    };
    await Promise.all([post(), post(), post(), post()]);
  }
  const s = (performance.now() - t) / 1000;
  const peak = (await rss()).peakMb;
  await new Promise((r) => setTimeout(r, 2000));
  const after = (await rss()).nowMb;
  const answers = [...statuses].join(', ');
  console.log(`  hostile uploads answered ${answers} in ${s.toFixed(2)} s`);
  return [
    {
      bench: 'import',
      name: 'zip bombs: 4 at once to each import route',
      value: peak - before.nowMb,
      unit: 'MB',
      goal: '< 200 MB',
      pass: peak - before.nowMb < 200 && [...statuses].every((x) => x === 413),
      note:
        `server RSS ${before.nowMb.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, ${after.toFixed(0)} MB 2 s ` +
        `after; answered ${answers} in ${s.toFixed(1)} s`,
    },
  ];
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<Figure[]> {
  const { values } = parseArgs({
    args: argv,
    options: {
      residents: { type: 'string', default: '10000' },
      keep: { type: 'boolean', default: false },
      hostile: { type: 'boolean', default: false },
    },
    strict: false,
  });
  const total = Number(values.residents);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-import-'));
  const file = path.join(dir, 'roster.xlsx');
  let t = performance.now();
  await writeRoster(file, total);
  const generateMs = performance.now() - t;
  const bytes = fs.statSync(file).size;
  console.log(
    `  roster of ${total} residents: ${(bytes / 1048576).toFixed(2)} MB, written in ` +
      `${(generateMs / 1000).toFixed(1)} s`,
  );

  await build({
    entryPoints: [path.join(ROOT, 'bench/import-server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const child = fork(SERVER_BUNDLE, [path.join(dir, 'data')], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: Array<Record<string, any>> = [];
  const waiters: Array<() => void> = [];
  child.on('message', (m) => {
    messages.push(m as Record<string, any>);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async <K extends string>(key: K): Promise<any> => {
    for (;;) {
      const m = messages.find((x) => key in x);
      if (m) return m[key];
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  try {
    const port: number = await next('port');
    const signIn = await request(port, 'POST', '/api/auth/sign-in', {
      json: { phone: STAFF_PHONE, password: PASSWORD },
    });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    // Each answer is read once: drop it so the next question waits for a fresh one.
    const rss = async () => {
      child.send('rss');
      const answer = await next('rss');
      messages.splice(
        messages.findIndex((m) => 'rss' in m),
        1,
      );
      return answer as { nowMb: number; peakMb: number };
    };
    const hostile: Figure[] = values.hostile ? await attack(port, cookie, csrf, rss) : [];

    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)], { type: XLSX }), '居民名单.xlsx');
    child.send('mark');
    t = performance.now();
    const imported = await request(port, 'POST', '/api/registry/import', { body: form, cookie, csrf });
    const importMs = performance.now() - t;
    child.send('cpu');
    const cpu: { userS: number; systemS: number } = await next('cpu');
    const result = await imported.text();
    if (imported.status !== 201) throw new Error(`import: ${imported.status} ${result.slice(0, 2000)}`);
    console.log(`  imported: ${result}`);
    const summary = (await (await request(port, 'GET', '/api/registry/summary', { cookie })).json()) as {
      residents: number;
      households: number;
    };
    if (summary.residents !== total)
      throw new Error(`expected ${total} residents, the summary says ${summary.residents}`);

    t = performance.now();
    const exported = await request(port, 'GET', '/api/registry/export/residents', { cookie });
    const exportBytes = (await exported.arrayBuffer()).byteLength;
    const exportMs = performance.now() - t;
    if (exported.status !== 200) throw new Error(`export: ${exported.status}`);

    child.send('report');
    const memory: Memory = await next('memory');
    return [
      ...hostile,
      {
        bench: 'import',
        name: `import ${total.toLocaleString('en')} residents (HTTP, SQLite)`,
        value: importMs / 1000,
        unit: 's',
        goal: '< 10 s',
        pass: importMs < 10_000,
        note: `${summary.households} households, ${(bytes / 1048576).toFixed(1)} MB file`,
      },
      {
        bench: 'import',
        name: 'server CPU time for the import',
        value: cpu.userS + cpu.systemS,
        unit: 's',
        goal: '',
        pass: null,
        note:
          `user ${cpu.userS.toFixed(2)} s + system ${cpu.systemS.toFixed(2)} s, all threads; load average ` +
          `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
      },
      {
        bench: 'import',
        name: 'server peak RSS',
        value: memory.peakRssMb,
        unit: 'MB',
        goal: '< 300 MB',
        pass: memory.peakRssMb < 300,
        note: `${memory.baselineRssMb.toFixed(0)} MB before the upload`,
      },
      {
        bench: 'import',
        name: 'server peak heap used (sampled)',
        value: memory.peakHeapMb,
        unit: 'MB',
        goal: '',
        pass: null,
      },
      {
        bench: 'import',
        name: `export ${total.toLocaleString('en')} residents`,
        value: exportMs / 1000,
        unit: 's',
        goal: '',
        pass: null,
        note: `${(exportBytes / 1048576).toFixed(1)} MB`,
      },
    ];
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    if (values.keep) console.log(`  kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone('Registry import (Excel)', () => main());
