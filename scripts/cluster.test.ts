// Three real server processes on one PostgreSQL database behave as one: a sign-out on A is refused on B and C within
// a second, a badge revoked on B answers revoked on A and C within a second, a community rule changed on C holds on A
// within a second, a rate limit of N a minute lets N requests through in all three together, and each scheduled job
// slot runs once. Without the cluster events each server would keep its cached session for 5 s and its badge page
// until restart; without the database store each would let N through.
// PostgreSQL only: on SQLite Linli is one process (the embedded file is not shared by servers).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { migrateToLatest } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import { guardChildren, signInOverHttp, waitForExit } from '../bench/lib.ts';
import { seedSmallCommunity, type SmallCommunity } from '../server/test/factories.ts';
import { uuidv7 } from '../domain/shared/ids.ts';
import { freshPlace, startServer, type FreshPlace } from './write-load.ts';

guardChildren();

const WITHIN_MS = 1000;
/** GET /api/certificates/verify/… allows this many a minute per client address. */
const VERIFY_MAX = 120;

/** Polls until `ok` answers true; returns how long it took, or fails after WITHIN_MS. */
async function within(what: string, ok: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (await ok()) return performance.now() - t0;
    if (performance.now() - t0 > WITHIN_MS) assert.fail(`${what}: not within ${WITHIN_MS} ms`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe(
  'three servers on one PostgreSQL',
  {
    skip:
      !process.env.TEST_DATABASE_URL &&
      'PostgreSQL only (TEST_DATABASE_URL unset): on SQLite Linli runs as one process',
  },
  () => {
    let place: FreshPlace;
    let community: SmallCommunity;
    const servers: Array<{ child: ChildProcess; base: string }> = [];
    let token: string;
    let badgeId: string;
    let upAt = 0;
    const db = () => place.open();

    before(async () => {
      place = await freshPlace('postgres', 'cluster');
      const keyring = generateKeyring();
      const seed = place.open();
      try {
        await migrateToLatest(seed.db);
        community = await seedSmallCommunity(seed.db, new FieldCipher(keyring), {
          name: '西关社区',
          phonePrefix: '1390000',
        });
        // A badge issued to an elder, found by its token's hash as the service would have stored it.
        token = crypto.randomBytes(32).toString('base64url');
        badgeId = uuidv7();
        const now = new Date().toISOString();
        await seed.db
          .insertInto('badge')
          .values({
            community_id: community.id,
            id: badgeId,
            resident_id: community.residents['李泽钦']!,
            token_hash: crypto.createHash('sha256').update(token).digest('hex'),
            token_enc: '-',
            nickname: '李爷爷',
            cautions: '',
            status: 'active',
            issued_at: now,
            issued_by: uuidv7(),
            issued_by_name: '-',
            revoked_at: null,
            revoked_by: null,
            revoked_by_name: null,
            revoke_reason: null,
            replaced_by: null,
            updated_at: now,
          })
          .execute();
      } finally {
        await seed.close();
      }
      const env = {
        LINLI_JOBS: '1',
        LINLI_RATE_LIMITS: '1',
        LINLI_KEYRING: Buffer.from(JSON.stringify(keyring)).toString('base64'),
      };
      servers.push(...(await Promise.all([0, 1, 2].map(() => startServer(place, env)))));
      upAt = Date.now();
    });

    after(async () => {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => waitForExit(s.child, 15_000)));
      await place?.drop();
    });

    const [A, B, C] = [0, 1, 2];
    const get = (server: number, path: string, headers: Record<string, string> = {}) =>
      fetch(servers[server]!.base + path, { headers, redirect: 'manual' });
    const send = (server: number, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
      fetch(servers[server]!.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    it('refuses on B and C a session signed out on A, within a second', async () => {
      const s = await signInOverHttp(servers[A]!.base, community.phones.volunteer, 'test-password');
      // B and C have just read (and cached) the session.
      for (const srv of [B, C]) assert.equal((await get(srv, '/api/auth/me', s.headers)).status, 200);
      assert.equal((await send(A, 'POST', '/api/auth/sign-out', s.headers, {})).status, 204);
      const ms = await Promise.all(
        [B, C].map((srv) =>
          within(
            `sign-out honoured on server ${srv}`,
            async () => (await get(srv, '/api/auth/me', s.headers)).status === 401,
          ),
        ),
      );
      console.log(`  sign-out on A refused on B in ${ms[0]!.toFixed(0)} ms, on C in ${ms[1]!.toFixed(0)} ms`);
    });

    it('answers revoked on A and C for a badge revoked on B, within a second', async () => {
      // A and C have just served (and cached) the active page.
      for (const srv of [A, C]) assert.equal((await get(srv, `/b/${token}`)).status, 200);
      const admin = await signInOverHttp(servers[B]!.base, community.phones.community_admin, 'test-password');
      const revoked = await send(B, 'POST', `/api/badges/${badgeId}/revoke`, admin.headers, { reason: '卡片遗失' });
      assert.equal(revoked.status, 204, await revoked.text());
      const ms = await Promise.all(
        [A, C].map((srv) =>
          within(`revoked on server ${srv}`, async () => (await get(srv, `/b/${token}`)).status === 410),
        ),
      );
      console.log(
        `  badge revoked on B answers revoked on A in ${ms[0]!.toFixed(0)} ms, on C in ${ms[1]!.toFixed(0)} ms`,
      );
    });

    it('holds on A a community rule changed on C, within a second', async () => {
      const staff = await signInOverHttp(servers[A]!.base, community.phones.staff, 'test-password');
      assert.equal((await get(A, '/api/badges', staff.headers)).status, 200);
      const admin = await signInOverHttp(servers[C]!.base, community.phones.community_admin, 'test-password');
      const set = await send(C, 'PUT', '/api/auth/two-factor/policy', admin.headers, { admins: false, staff: true });
      assert.equal(set.status, 204, await set.text());
      const ms = await within('two-factor rule held on A', async () => {
        const res = await get(A, '/api/badges', staff.headers);
        return res.status === 403 && ((await res.json()) as any).error.code === 'two_factor_enrolment_required';
      });
      console.log(`  two-factor rule set on C holds on A in ${ms.toFixed(0)} ms`);
    });

    it('lets N requests a minute through across the three servers, not N each', async () => {
      const path = `/api/certificates/verify/${community.id}/${'x'.repeat(24)}`;
      const statuses: number[] = [];
      const total = VERIFY_MAX + 30;
      for (let i = 0; i < total; i += 3)
        statuses.push(...(await Promise.all([A, B, C].map(async (srv) => (await get(srv, path)).status))));
      const limited = statuses.filter((s) => s === 429).length;
      console.log(`  ${total} requests spread over 3 servers: ${total - limited} through, ${limited} refused (429)`);
      assert.equal(total - limited, VERIFY_MAX);
    });

    it('runs each scheduled slot once, and each due job once', { timeout: 120_000 }, async () => {
      const check = db();
      try {
        // Thirty due jobs at once: the three workers share them; none runs twice (a second claim adds an attempt).
        const now = new Date().toISOString();
        const ids = Array.from({ length: 30 }, () => uuidv7());
        await check.db
          .insertInto('job')
          .values(
            ids.map((id) => ({
              id,
              kind: 'rate-limits.sweep',
              payload: '{}',
              status: 'pending',
              run_at: now,
              attempts: 0,
              max_attempts: 5,
              locked_by: null,
              locked_until: null,
              last_error: null,
              unique_key: null,
              created_at: now,
              finished_at: null,
            })),
          )
          .execute();
        // The sweep is scheduled every minute on each server: wait for a slot that began after all three were up.
        const slot = Math.ceil(upAt / 60_000) * 60_000;
        await new Promise((r) => setTimeout(r, Math.max(0, slot - Date.now()) + 4000));
        const jobs = await check.db
          .selectFrom('job')
          .select(['id', 'status', 'attempts', 'unique_key'])
          .where('kind', '=', 'rate-limits.sweep')
          .execute();
        const mine = jobs.filter((j) => ids.includes(j.id));
        assert.deepEqual(
          mine.filter((j) => j.status !== 'done' || j.attempts !== 1),
          [],
          'every due job ran once',
        );
        const slotKey = `rate-limits.sweep@${new Date(slot).toISOString()}`;
        const scheduled = jobs.filter((j) => j.unique_key === slotKey);
        assert.equal(scheduled.length, 1, `one job for the slot ${slotKey} of three servers' schedules`);
        assert.equal(scheduled[0]!.status, 'done');
        assert.equal(scheduled[0]!.attempts, 1);
      } finally {
        await check.close();
      }
    });
  },
);
