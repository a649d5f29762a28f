// A whole city of demo communities, each the size of Xiguan (2,265 households, 5,823 residents, 997 volunteers), to see
// how Linli behaves at city scale: npm run demo:city -- --communities 100
//
//   --communities N    how many (default 10); community 1 is Xiguan itself
//   --data-dir DIR     where the SQLite file and the keyring go (default ./data-city)
//   --date YYYY-MM-DD  the reference date ages are counted on (default: today in Shanghai); give it to make
//                      two runs produce the same people
//   --seed S           the first community's seed (default 20180913, the server's demo); community k uses S+k-1
// DATABASE_URL=postgres://… writes to PostgreSQL instead (the keyring still comes from the data dir or LINLI_KEYRING).
//
// Every community belongs to one street office, 西关街道 (金台区, 宝鸡市), with Xiguan: its street account 13800000008
// and the district's 13800000009 compare them side by side.
// Every community gets the demo accounts: Xiguan on 13800000xxx, community k on 138 + (k-1, four digits) + xxxx,
// e.g. 13800010001 for the second community's secretary. Resident phones never start with 138 and differ
// across communities (each seed has its own block of numbers).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { FieldCipher, loadKeyring } from '../server/src/platform/crypto.ts';
import { hashPassword } from '../server/src/modules/auth/auth.service.ts';
import { DEMO_PASSWORD, XIGUAN_ID } from '../server/src/demo.ts';
import { isRealDate, todayInShanghai } from '../domain/shared/dates.ts';
import {
  DEMO_REGION_SIGN_INS,
  DEMO_SIGN_INS,
  XIGUAN,
  XIGUAN_STREET,
  seedCommunity,
  type SeedCounts,
} from './demo/xiguan.ts';

// Stems of community names in the style of Baoji's (东关, 中山, 清姜 …); Xiguan comes first.
const STEMS = [
  '西关',
  '东关',
  '中山',
  '新建路',
  '经二路',
  '清姜',
  '金陵',
  '石坝河',
  '宝光',
  '姜谭',
  '马营',
  '川陕',
  '火炬路',
  '胜利桥',
  '大庆路',
  '十里铺',
  '卧龙寺',
  '蟠龙',
  '虢镇',
  '千河',
  '陈仓',
  '渭滨',
  '桥南',
  '神农',
  '高家村',
  '联盟',
  '红旗路',
  '群众路',
  '新福园',
  '公园路',
  '行政中心',
  '长寿山',
  '金河',
  '宝平路',
  '引渭路',
  '峪泉',
  '龙泉',
  '植物园',
  '店子街',
  '东岭',
  '西街',
  '北坡',
  '南岭',
  '上马营',
  '下马营',
  '太白路',
  '汉中路',
  '动力路',
  '迎宾路',
  '金顶',
];
const ORDINALS = ['', '二', '三', '四', '五', '六', '七', '八', '九'];

interface Args {
  communities: number;
  dataDir: string;
  date: string;
  seed: number;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      communities: { type: 'string', default: '10' },
      'data-dir': { type: 'string', default: './data-city' },
      date: { type: 'string' },
      seed: { type: 'string', default: '20180913' },
    },
  });
  const communities = Number(values.communities);
  if (!Number.isInteger(communities) || communities < 1 || communities > 9999)
    fail('--communities must be a whole number from 1 to 9999');
  const date = values.date ?? todayInShanghai();
  if (!isRealDate(date)) fail('--date must be a date, YYYY-MM-DD');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail('--seed must be a whole number');
  return { communities, dataDir: path.resolve(values['data-dir']!), date, seed };
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Community k (1-based): its name, district, streets, id and account phone prefix. */
function communityPlan(k: number) {
  const stem = STEMS[(k - 1) % STEMS.length]!;
  const round = Math.floor((k - 1) / STEMS.length);
  const name = `${stem}${ORDINALS[round] ?? String(round + 1)}社区`;
  return {
    id: k === 1 ? XIGUAN_ID : `00000000-0000-7000-8000-${String(k).padStart(12, '0')}`,
    name,
    // One street office for all, Xiguan's, so its street account (13800000008) compares them side by side.
    district: XIGUAN.district,
    streets: k === 1 ? undefined : [`${stem}路`, `${stem}一巷`, `${stem}二巷`, `${stem}三巷`],
    accountPhonePrefix: `138${String(k - 1).padStart(4, '0')}`,
  };
}

async function main(): Promise<void> {
  const args = readArgs();
  const databaseUrl = process.env.DATABASE_URL;
  const handle = openDatabase({ databaseUrl, sqliteFile: path.join(args.dataDir, 'linli.sqlite') });
  await migrateToLatest(handle.db);
  const existing = await handle.db.selectFrom('community').select('id').limit(1).executeTakeFirst();
  if (existing) {
    await handle.close();
    fail(
      `The database already has communities. Use an empty one (e.g. remove ${args.dataDir} or pick another ` +
        `--data-dir).`,
    );
  }
  const cipher = new FieldCipher(
    loadKeyring({ keyringB64: process.env.LINLI_KEYRING, dataDir: args.dataDir, warn: (m) => console.warn(m) }),
  );
  // Reference noon in Shanghai, so the date is the same wherever this runs.
  const now = new Date(`${args.date}T04:00:00.000Z`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  console.log(
    `Seeding ${args.communities} communities of ${XIGUAN.residents} residents into ` +
      `${databaseUrl ? 'PostgreSQL' : path.join(args.dataDir, 'linli.sqlite')} (ages on ${args.date})`,
  );
  const started = performance.now();
  const total = { residents: 0, households: 0, aged60Plus: 0, contacts: 0, volunteers: 0, skillsPool: 0 };
  for (let k = 1; k <= args.communities; k++) {
    const plan = communityPlan(k);
    const t = performance.now();
    const counts: SeedCounts = await seedCommunity(handle.db, cipher, {
      communityId: plan.id,
      name: plan.name,
      district: plan.district,
      streets: plan.streets,
      seed: args.seed + k - 1,
      passwordHash,
      withAccounts: true,
      accountPhonePrefix: plan.accountPhonePrefix,
      now,
    });
    total.residents += counts.residents;
    total.households += counts.households;
    total.aged60Plus += counts.aged60Plus;
    total.contacts += counts.familyContacts;
    total.volunteers += counts.volunteers + counts.pendingVolunteers;
    total.skillsPool += counts.skillsPool;
    if (k === 1 || k % 10 === 0 || k === args.communities) {
      const elapsed = (performance.now() - started) / 1000;
      console.log(
        `  ${String(k).padStart(4)} ${plan.name.padEnd(8, '　')} ${((performance.now() - t) / 1000).toFixed(2)} s   ` +
          `total ${total.residents.toLocaleString('en')} residents, ${total.volunteers.toLocaleString('en')} ` +
          `volunteers in ${elapsed.toFixed(1)} s`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await handle.close();

  console.log(
    `\nDone: ${args.communities} communities, ${total.households.toLocaleString('en')} households, ` +
      `${total.residents.toLocaleString('en')} residents ` +
      `(${total.aged60Plus.toLocaleString('en')} aged 60+), ${total.contacts.toLocaleString('en')} family contacts, ` +
      `${total.volunteers.toLocaleString('en')} volunteers ` +
      `(${total.skillsPool.toLocaleString('en')} in skills pools) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(total.residents / seconds).toLocaleString('en')} residents/s).`,
  );
  const relative = path.relative(process.cwd(), args.dataDir);
  const shownDir = !relative || relative.startsWith('..') ? args.dataDir : relative;
  console.log(`Start the server on it: ${databaseUrl ? 'DATABASE_URL=… ' : ''}LINLI_DATA_DIR=${shownDir} npm start`);
  console.log(
    `Sign in to Xiguan as ${DEMO_SIGN_INS[0]!.phone} (password ${DEMO_PASSWORD}); community k's secretary is 138 + ` +
      `(k-1, four digits) + 0001.`,
  );
  console.log(
    `The street office (${XIGUAN_STREET}) that compares them: ${DEMO_REGION_SIGN_INS[0]!.phone}; the district: ` +
      `${DEMO_REGION_SIGN_INS[1]!.phone}.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
