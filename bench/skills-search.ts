// The skills pool search (GET /api/skills-pool) at city scale: the same city as bench/search.ts (100
// Xiguan-sized communities, ~100,000 volunteers, in ./data-bench), the REAL built server in a child process,
// and autocannon against it and against a bare Fastify hello-world in the same run.
//
// Goal (skills pool issue): requests/s of a page with filters at least 25 % of hello-world's, p99 under 50 ms.
//
// Scenarios, each as the staff (社工) of community 1 and of community 100 (its rows at the end of every
// index), each connection cycling through a list of search-box inputs from a different start:
//   - a category + a pinyin prefix (16 prefixes, as bench/search.ts);
//   - a licensed skill, licence valid + a pinyin prefix;
//   - a category and a level + a pinyin prefix;
//   - a category + a name (Chinese characters: a LIKE '%…%' on the name);
//   - the page a console opens on: no filter, then each category alone (counts per category included).
//
//   npx tsx bench/skills-search.ts [--seconds 10] [--connections 10]
import autocannon from 'autocannon';
import { isMain, runStandalone, type Figure } from './lib.ts';
import {
  PINYIN_QUERIES,
  WARM_UP_SECONDS,
  cityCommunity,
  getJson,
  goalFigures,
  load,
  measured,
  readOptions,
  signIn,
  startHello,
  startOnCity,
  type LoadOptions,
  type Measured,
} from './search.ts';

const CITY_COMMUNITIES = 100;
/** The pool page of the staff console (web/src/features/skills/console/SkillsPoolPage.tsx). */
const PAGE_SIZE = '30';
/** Common surnames and name characters, as typed into the search box. */
const NAME_QUERIES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '林'];
const CATEGORIES = [
  'medical',
  'legal',
  'education',
  'culture',
  'psychological',
  'household',
  'science_digital',
  'special_groups',
];

interface PoolScenario {
  key: string;
  label: string;
  queries: Array<Record<string, string>>;
}

const withPinyin = (params: Record<string, string>) => PINYIN_QUERIES.map((q) => ({ ...params, q }));

export const POOL_SCENARIOS: PoolScenario[] = [
  { key: 'category', label: 'category + pinyin', queries: withPinyin({ category: 'household' }) },
  {
    key: 'licence',
    label: 'licensed skill, licence valid + pinyin',
    queries: withPinyin({ skill: 'nurse', licenceValid: 'true' }),
  },
  { key: 'level', label: 'category + level + pinyin', queries: withPinyin({ category: 'culture', level: 'skilled' }) },
  { key: 'name', label: 'category + name (Chinese)', queries: NAME_QUERIES.map((q) => ({ category: 'household', q })) },
  {
    key: 'browse',
    label: 'no filter / one category, no query',
    queries: [{}, ...CATEGORIES.map((category) => ({ category }))],
  },
];

export function poolPath(params: Record<string, string>): string {
  return `/api/skills-pool?${new URLSearchParams({ pageSize: PAGE_SIZE, ...params })}`;
}

export async function skillsSearchBench(o: LoadOptions): Promise<Figure[]> {
  const { figures, server } = await startOnCity('skills-search');
  let hello: Awaited<ReturnType<typeof startHello>> | null = null;
  try {
    hello = await startHello(o);
    const helloBefore = await hello.measure('before');

    const targets: Array<{ k: number; cookie: string }> = [];
    for (const k of [1, CITY_COMMUNITIES]) {
      const cookie = await signIn(server.port, cityCommunity(k).staffPhone);
      const pool = await getJson<{ total: number; categories: Record<string, number> }>(
        server.port,
        poolPath({}),
        cookie,
      );
      console.log(
        `  community ${k}: ${pool.total} volunteers in the skills pool; per category ${Object.entries(pool.categories)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}`,
      );
      targets.push({ k, cookie });
    }
    // Each query once by hand: it must answer 200, and the scenario must match someone, or the figures mean nothing.
    for (const t of targets) {
      for (const s of POOL_SCENARIOS) {
        const totals: number[] = [];
        for (const q of s.queries)
          totals.push((await getJson<{ total: number }>(server.port, poolPath(q), t.cookie)).total);
        if (!totals.some((n) => n > 0)) throw new Error(`c${t.k} ${s.label}: no query matched anyone`);
        console.log(`    c${t.k} ${s.label}: matches ${totals.join(' ')}`);
      }
    }
    // Warm every scenario up before measuring any (V8 compiles the hot paths as they run).
    const mixed = targets.flatMap((t) =>
      POOL_SCENARIOS.flatMap((s) =>
        s.queries.map((q) => ({ method: 'GET', path: poolPath(q), headers: { cookie: t.cookie } })),
      ),
    );
    await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: o.connections,
      duration: WARM_UP_SECONDS,
      requests: mixed,
      title: 'server warm-up',
    });

    const results: Array<{ name: string; m: Measured }> = [];
    for (const t of targets) {
      for (const s of POOL_SCENARIOS) {
        const requests = s.queries.map((q) => ({ method: 'GET', path: poolPath(q) }));
        const name = `c${t.k} ${s.label}`;
        results.push({
          name,
          m: measured(
            name,
            await load(
              `http://127.0.0.1:${server.port}`,
              requests,
              { cookie: t.cookie },
              o,
              `${s.key} c${t.k}`,
              server.child.pid,
            ),
          ),
        });
      }
    }
    const helloAfter = await hello.measure('after');
    await hello.stop();
    figures.push(...goalFigures('skills-search', helloBefore, helloAfter, results));
  } finally {
    await hello?.stop();
    await server.stop();
  }
  return figures;
}

if (isMain(import.meta.url))
  await runStandalone('Skills pool search at city scale', () => skillsSearchBench(readOptions()));
