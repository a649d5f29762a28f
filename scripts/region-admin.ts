// Creates an office account above the communities (street, district or city admin) until the console can: places
// the office (city → district → street), gives the account its role there, and prints a one-time password.
//   npm run region:admin -- --phone 13900000000 --name 王主任 --role street_admin \
//     --city 宝鸡市 --district 金台区 --street 西关街道 [--community <id> …]
// --community links existing communities to the street office (street_admin only). An existing account keeps its
// password and gains the role. DATABASE_URL=postgres://… for PostgreSQL, else the SQLite file in LINLI_DATA_DIR
// (default ./data).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { hashPassword } from '../server/src/modules/auth/auth.service.ts';
import { ensureRegion, grantRegionRole, placeCommunity } from '../server/src/modules/regions/regions-directory.ts';
import { randomToken } from '../server/src/platform/crypto.ts';
import { uuidv7 } from '../domain/shared/ids.ts';
import { REGION_ROLES, type RegionRole } from '../domain/access/roles.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    phone: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    city: { type: 'string' },
    district: { type: 'string' },
    street: { type: 'string' },
    community: { type: 'string', multiple: true, default: [] },
  },
});
const role = values.role as RegionRole;
if (!values.phone || !/^1[3-9]\d{9}$/.test(values.phone)) fail('--phone must be a mainland mobile number');
if (!values.name) fail('--name is required');
if (!REGION_ROLES.includes(role)) fail(`--role must be one of ${REGION_ROLES.join(', ')}`);
if (!values.city) fail('--city is required');
if (role !== 'city_admin' && !values.district) fail('--district is required');
if (role === 'street_admin' && !values.street) fail('--street is required');

const handle = openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  sqliteFile: path.join(path.resolve(process.env.LINLI_DATA_DIR ?? './data'), 'linli.sqlite'),
});
await migrateToLatest(handle.db);
const db = handle.db;
const cityId = await ensureRegion(db, 'city', values.city, null);
const districtId = values.district ? await ensureRegion(db, 'district', values.district, cityId) : null;
const streetId = values.street && districtId ? await ensureRegion(db, 'street', values.street, districtId) : null;
for (const id of values.community ?? []) {
  if (!streetId) fail('--community needs --street');
  await placeCommunity(db, id, { city: values.city, district: values.district!, street: values.street! });
}
const regionId = role === 'street_admin' ? streetId! : role === 'district_admin' ? districtId! : cityId;
let account = await db.selectFrom('account').select('id').where('phone', '=', values.phone).executeTakeFirst();
let password: string | null = null;
if (!account) {
  password = randomToken(9);
  account = { id: uuidv7() };
  await db
    .insertInto('account')
    .values({
      id: account.id,
      phone: values.phone,
      name: values.name,
      password_hash: await hashPassword(password),
      locale: null,
      failed_sign_ins: 0,
      locked_until: null,
      disabled: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
}
await grantRegionRole(db, account.id, regionId, role, null);
await handle.close();
const where = [values.city, values.district, values.street].filter(Boolean).join(' ');
console.log(
  `${values.phone} ${values.name}: ${role} of ${where}` +
    (password ? `\nPassword (shown once; sign in with it or a text code): ${password}` : ' (existing account)'),
);
