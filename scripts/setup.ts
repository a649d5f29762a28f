// First setup of a production install (LINLI_DEMO=0): creates the first community, places it under its street office
// and makes its admin, in one transaction. Asks on the terminal, or takes everything as flags:
//   npm run setup -- --community 西关社区 --city 宝鸡市 --district 金台区 --street 西关街道 \
//     --admin-name 张丽 --admin-phone 13900000000 --password-file ./admin-password.txt
// The password file's first line is the password (not a flag: flags end up in shell history and `ps`).
// DATABASE_URL=postgres://… for PostgreSQL, else the SQLite file in LINLI_DATA_DIR (default ./data).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { AuditLog } from '../server/src/platform/audit.ts';
import { AppError } from '../server/src/platform/errors.ts';
import { translate } from '../server/src/platform/i18n.ts';
import { SetupService } from '../server/src/modules/auth/setup.service.ts';
import { setupFields, type SetupFields } from '../domain/access/setup.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/access/password-policy.ts';

const { values } = parseArgs({
  options: {
    community: { type: 'string' },
    city: { type: 'string' },
    district: { type: 'string' },
    street: { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-phone': { type: 'string' },
    'password-file': { type: 'string' },
  },
});

const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = rl[Symbol.asyncIterator]();
async function ask(question: string, secret = false): Promise<string> {
  process.stdout.write(question);
  // Hide a typed password: the terminal echoes nothing while it is typed.
  const out = rl as unknown as { _writeToOutput?: (s: string) => void };
  const write = out._writeToOutput;
  if (secret && process.stdin.isTTY) out._writeToOutput = () => {};
  const next = await lines.next();
  out._writeToOutput = write;
  if (secret && process.stdin.isTTY) process.stdout.write('\n');
  return next.done ? '' : String(next.value).trim();
}

const given = (v: string | undefined, q: string) => (v !== undefined ? v : ask(q));
const password = values['password-file']
  ? (fs.readFileSync(values['password-file'], 'utf8').split(/\r?\n/)[0] ?? '')
  : await ask(`管理员密码 Admin password (至少 ${PASSWORD_MIN_LENGTH} 位 / at least ${PASSWORD_MIN_LENGTH}): `, true);
const input = {
  communityName: await given(values.community, '社区名称 Community name (例 e.g. 西关社区): '),
  city: await given(values.city, '所在市 City (例 e.g. 宝鸡市): '),
  district: await given(values.district, '所在区 District (例 e.g. 金台区): '),
  street: await given(values.street, '所在街道 Street office (例 e.g. 西关街道): '),
  adminName: await given(values['admin-name'], '管理员姓名 Admin name: '),
  adminPhone: await given(values['admin-phone'], '管理员手机号 Admin mobile: '),
  password,
};
rl.close();

const parsed = setupFields.safeParse(input);
if (!parsed.success) {
  for (const i of parsed.error.issues)
    console.error(`  ${i.path.join('.')}: ${translate('zh-CN', i.message)} / ${translate('en', i.message)}`);
  process.exit(2);
}

const handle = openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  sqliteFile: path.join(path.resolve(process.env.LINLI_DATA_DIR ?? './data'), 'linli.sqlite'),
});
await migrateToLatest(handle.db);
try {
  const fields: SetupFields = parsed.data;
  const made = await new SetupService(handle.db, new AuditLog(handle.db, handle.kind)).createFirstCommunity(
    fields,
    null,
    null,
  );
  console.log(
    `社区「${fields.communityName}」已建立，管理员 ${fields.adminName}（${fields.adminPhone}）可以用刚才的密码登录。\n` +
      `Community ${fields.communityName} created (${made.communityId}); ` +
      `its admin ${fields.adminPhone} signs in with that password.`,
  );
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  const vars = err.details as Record<string, unknown>;
  console.error(`${translate('zh-CN', err.code, vars)}\n${translate('en', err.code, vars)}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
