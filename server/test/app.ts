// A real app over a real database for API tests, with a small community in two grids and a second
// community that must stay invisible.
import { buildApp, type AppDeps } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Kysely } from 'kysely';
import assert from 'node:assert/strict';
import type { Database } from '../src/db/schema/index.ts';
import type { DatabaseKind } from '../src/db/database.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { OutboxWorker } from '../src/platform/outbox.ts';
import { quietHoursEnd } from '../src/platform/quiet-hours.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { insertAccount, seedSmallCommunity, type SmallCommunity } from './factories.ts';
import { accountIdOf, insertVolunteer, type VolunteerSpec } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { hashPassword } from '../src/modules/auth/auth.service.ts';
import { grantRegionRole, placeCommunity } from '../src/modules/regions/regions-directory.ts';
import type { Role } from '../../domain/access/roles.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  db: TestDatabase;
  cipher: FieldCipher;
  a: SmallCommunity;
  b: SmallCommunity;
  close(): Promise<void>;
}

/** The settings of a test app: silent, no demo, no jobs, no rate limits, no web pages. */
export function testConfig(dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    LINLI_DATA_DIR: dataDir,
    LINLI_LOG_LEVEL: 'silent',
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    LINLI_WEB_DIST: '/nonexistent',
    ...env,
  });
}

/** `logStream`: where the app's log lines go (with LINLI_LOG_LEVEL in `env`), for tests that read the log. */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  logStream?: AppDeps['logStream'],
): Promise<TestContext> {
  const db = await createTestDatabase(kind);
  const config = testConfig(db.dataDir, env);
  const cipher = new FieldCipher(generateKeyring());
  const app = await buildApp(config, { database: db.handle, cipher, logStream });
  await app.ready();
  const a = await seedSmallCommunity(db.handle.db, cipher, { name: '西关社区', phonePrefix: '1390000' });
  const b = await seedSmallCommunity(db.handle.db, cipher, { name: '东关社区', phonePrefix: '1390001' });
  await addOffices(db.handle.db, a, b);
  return {
    app,
    db,
    cipher,
    a,
    b,
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

/**
 * The offices above the two communities: a in 西关街道, b in 东关街道, both of 金台区, 宝鸡市; and an account for each
 * office role (street_admin of 西关街道, district_admin of 金台区, city_admin of 宝鸡市), its phone in a.phones.
 */
async function addOffices(db: Kysely<Database>, a: SmallCommunity, b: SmallCommunity): Promise<void> {
  const street = await placeCommunity(db, a.id, { city: '宝鸡市', district: '金台区', street: '西关街道' });
  await placeCommunity(db, b.id, { city: '宝鸡市', district: '金台区', street: '东关街道' });
  const district = (
    await db.selectFrom('region').select('parent_id').where('id', '=', street).executeTakeFirstOrThrow()
  ).parent_id!;
  const city = (await db.selectFrom('region').select('parent_id').where('id', '=', district).executeTakeFirstOrThrow())
    .parent_id!;
  const hash = await hashPassword('test-password');
  const offices = [
    ['street_admin', street, '13900090001'],
    ['district_admin', district, '13900090002'],
    ['city_admin', city, '13900090003'],
  ] as const;
  for (const [role, regionId, phone] of offices) {
    const id = await insertAccount(db, { phone, name: `${role}-office`, hash });
    await grantRegionRole(db, id, regionId, role, null);
    a.phones[role] = phone;
  }
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(app: TestApp, phone: string, password = 'test-password'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${phone} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'linli_session')!;
  return { cookie: `linli_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** inject() as a signed-in user, with the CSRF header on writes. */
export function as(app: TestApp, s: Session | null) {
  return (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: payload as any,
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers },
    });
}

/** A signed-in user's inject(), as `as()` returns it. */
export type Client = ReturnType<typeof as>;

/** Signs in the account of `role` in community a (or b) and returns its inject(). */
export async function signInAs(t: TestContext, role: Role, community: 'a' | 'b' = 'a'): Promise<Client> {
  return as(t.app, await signIn(t.app, t[community].phones[role]));
}

/** A volunteer of community a linked to the account of `role`, so that account signs in as that volunteer. */
export async function insertAccountVolunteer(t: TestContext, role: Role, spec: VolunteerSpec): Promise<string> {
  const db = t.db.handle.db;
  return insertVolunteer(db, t.cipher, t.a.id, { ...spec, accountId: await accountIdOf(db, t.a.phones[role]) });
}

/** How many rows a table holds (in every community). */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await (db as unknown as Kysely<any>)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The fields a 400 validation error names, sorted. */
export function fieldErrors(res: { json(): any }): string[] {
  return res
    .json()
    .error.details.fields.map((f: { field: string }) => f.field)
    .sort();
}

export interface ServiceSpec {
  volunteerId: string;
  minutes: number;
  date: string;
  description?: string;
}

/** Records service of community a through the hours ledger, pending until verified; returns the entry's id. */
export async function recordService(t: TestContext, s: ServiceSpec): Promise<string> {
  const { id } = await t.db.handle.db.transaction().execute((trx) =>
    t.app.services.hours.recordService(trx, {
      communityId: t.a.id,
      volunteerId: s.volunteerId,
      source: 'activity',
      sourceId: uuidv7(),
      serviceDate: s.date,
      minutes: s.minutes,
      description: s.description ?? '社区服务',
    }),
  );
  return id;
}

/** Verifies ledger entries as `staff`, asserting every one of them was verified. */
export async function verifyService(staff: Client, ids: string[]): Promise<void> {
  const res = await staff('POST', '/api/hours/verify', { ids });
  assert.deepEqual(res.json().verified, ids, res.body);
}

/** A spreadsheet as the body of a multipart upload (one field `file`), with its content-type header. */
export function xlsxUpload(content: Buffer, fileName: string) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    [
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename="${fileName}"`,
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '',
      '',
    ].join('\r\n'),
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Signs in each role of community a, in order, and returns their inject()s in that order. */
export async function signInAll<const R extends readonly Role[]>(
  t: TestContext,
  roles: R,
): Promise<{ [K in keyof R]: Client }> {
  const clients: Client[] = [];
  for (const role of roles) clients.push(await signInAs(t, role));
  return clients as { [K in keyof R]: Client };
}

/** Runs the outbox's delivery worker until nothing is due (tests start the app without its timers). */
export async function deliverOutbox(t: TestContext, opts: { daytime?: boolean } = {}): Promise<number> {
  if (!opts.daytime) return t.app.services.outbox.drain();
  // Non-urgent messages wait through the quiet hours (21:00–08:00 in Shanghai): a test that expects them delivered
  // delivers as a worker would at 10:00 the next morning, whatever the hour it runs at.
  const morning = new Date(quietHoursEnd(new Date(), 'Asia/Shanghai').getTime() + 2 * 3600_000);
  const { outbox } = t.app.services;
  return new OutboxWorker(t.db.handle.db, t.db.kind, t.app.log, outbox.channels, { now: () => morning }).drain();
}

/** The payload of the newest outbox message of `template` to `recipient` (a code, say), or null. */
export async function latestOutboxPayload(
  db: Kysely<Database>,
  recipient: string,
  template: string,
): Promise<Record<string, any> | null> {
  const row = await db
    .selectFrom('notification_outbox')
    .select('payload')
    .where('recipient', '=', recipient)
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? JSON.parse(row.payload) : null;
}
