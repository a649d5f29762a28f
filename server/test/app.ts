// A real app over a real database for API tests, with a small community in two grids and a second
// community that must stay invisible.
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DatabaseKind } from '../src/db/database.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { seedSmallCommunity, type SmallCommunity } from './factories.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  db: TestDatabase;
  cipher: FieldCipher;
  a: SmallCommunity;
  b: SmallCommunity;
  close(): Promise<void>;
}

export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestContext> {
  const db = await createTestDatabase(kind);
  const config = loadConfig({
    LINLI_DATA_DIR: db.dataDir,
    LINLI_LOG_LEVEL: 'silent',
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    LINLI_WEB_DIST: '/nonexistent',
    ...env,
  });
  const cipher = new FieldCipher(generateKeyring());
  const app = await buildApp(config, { database: db.handle, cipher });
  await app.ready();
  const a = await seedSmallCommunity(db.handle.db, cipher, { name: '西关社区', phonePrefix: '1390000' });
  const b = await seedSmallCommunity(db.handle.db, cipher, { name: '东关社区', phonePrefix: '1390001' });
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
