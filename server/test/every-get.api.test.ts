// Every GET route of the OpenAPI document, on the full Xiguan demo (5,823 residents), as each of the seven demo
// roles: none answers 5xx, none sends a JSON body over 100 KB (files — spreadsheets, PDFs, calendars, images —
// may be larger), and every route that lists things pages: ?page=1&pageSize=5 gives at most 5 items. A route
// whose path params cannot be filled from the demo, and a list that is short by nature (a community's 8 grids),
// is named below with its reason. SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. The demo is seeded
// once per database and shared by the roles.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { DEMO_PASSWORD, ensureDemo } from '../src/demo.ts';
import { fillPaths, getRoutes, listLength, type Any, type GetRoute } from './get-routes.ts';
import { DEMO_REGION_SIGN_INS, DEMO_SIGN_INS } from '../../scripts/demo/xiguan.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { as, signIn, type Client, type TestApp } from './app.ts';

const MAX_JSON_BYTES = 100 * 1024;

/** Routes whose path params the demo cannot fill, with why. */
const SKIP: Record<string, string> = {
  '/api/volunteers/{id}/guardian-consent/scans/{scanId}': 'the demo has no scanned guardian consent',
  '/api/activities/{id}/images/{imageId}': 'the demo has no activity images',
  '/api/certificates/{id}/pdf': 'the demo issues no certificates',
  '/api/certificates/mine/{id}/pdf': 'the demo issues no certificates',
  '/api/certificates/verify/{communityId}/{token}': 'the demo issues no certificates',
  '/api/activities/feed/{communityId}/{token}': 'the demo gives no volunteer an activity calendar feed',
  '/api/publicity/announcements/{id}': 'the demo publishes no announcement',
  '/api/publicity/announcements/{id}/poster.pdf': 'the demo publishes no announcement',
  '/api/publicity/announcements/{id}/wechat': 'the demo publishes no announcement',
  '/api/notices/{id}': 'the demo sends no staff notice',
  '/api/indicators/reports/{id}/pdf': 'the demo stores no monthly report (the job runs on the 1st)',
  '/api/projects/{id}': 'the demo has no projects',
  '/api/projects/{id}/report': 'the demo has no projects',
  '/api/projects/{id}/report.pdf': 'the demo has no projects',
  '/api/projects/{id}/report/export': 'the demo has no projects',
  '/api/selections/{id}': 'the demo opens no selection',
};

/** Lists that are short by nature (not paged), with why. They must still stay under the body limit. */
const BOUNDED: Record<string, string> = {
  // Short catalogues of the community: a handful to a few dozen rows.
  '/api/grids': "the community's grids (8 in Xiguan)",
  '/api/buildings': "the community's buildings (44 in Xiguan), or one grid's",
  '/api/public/communities': 'the communities on this server',
  '/api/service-types': "the community's service catalogue",
  '/api/party-posts': 'the party posts (设岗定责), a few dozen',
  '/api/points/items': "the points supermarket's shelf",
  '/api/training/courses': 'the training course catalogue',
  '/api/units': 'the co-building units',
  '/api/teams': 'the service teams',
  '/api/insurance/policies': 'the insurance policies',
  '/api/appointments/services': 'the bookable services',
  '/api/activities/series': 'the activity series',
  '/api/activities/places': 'a picker: at most 200 earlier places and 200 building addresses',
  '/api/activities/templates': "one window of the year's festival templates",
  '/api/activities/performances/shows': "one year's performances",
  '/api/calendar/festivals': "one year's festivals",
  '/api/calendar/solar-terms': "one year's 24 solar terms",
  '/api/party-indicators': "one period's indicators per unit",
  '/api/recognition/health-check': "one year's checks, one per star volunteer",
  '/api/recognition/quarters/{quarter}/nominations': "one quarter's nominations",
  '/api/public/recognition/{communityId}/{quarter}': "one quarter's published stars (a quota)",
  '/api/public/{communityId}/activities': 'the 30 soonest published activities (the public site)',
  '/api/public/{communityId}/screen': "today's items on the LED screen",
  '/api/projects': "the community's projects, a few a year",
  '/api/selections': "the community's selections, a few a year",
  '/api/org/leadership': 'the leadership group, a handful of people',
  '/api/org/social-workers': "the community's staff and admins (a dozen)",
  '/api/federation': "the federation's member organisations, a few dozen",
  '/api/me/selections': 'the selections open today',
  '/api/public/{communityId}/honours': 'the published honours: a few places per selection',
  // One thing's rows.
  '/api/volunteers/{id}/skills': "one volunteer's skills",
  '/api/households/{id}/survey': "one household's survey visits",
  '/api/activities/{id}/signups': "one activity's sign-ups (its capacity)",
  '/api/activities/{id}/served-residents': 'the residents one activity served',
  '/api/activities/{id}/companions': "a minor's household adults and one shift's volunteers (its places)",
  '/api/activities/{id}/my-companions': "my household's adults and one shift's volunteers (its places)",
  '/api/training/sessions/{id}/attendance': "one training session's attendance (its room)",
  '/api/homecare/stays/{id}/shifts': "one hospital stay's shifts",
  '/api/badges/family': "the badges of one family's elders",
  '/api/appointments/offer': 'the services one volunteer offers',
  '/api/insurance/covers': "one volunteer's covers (volunteerId is required)",
  '/api/training/certificates': "one volunteer's certificates (volunteerId is required)",
  // One person's own.
  '/api/certificates/mine': "the signed-in volunteer's certificates",
  '/api/my/needs': "the signed-in resident's needs",
  '/api/my/pairings': "the signed-in volunteer's pairings",
  '/api/me/tasks': "the signed-in volunteer's tasks",
  '/api/me/needs/for': 'the residents the signed-in account may ask for',
  '/api/hours/mine/disputes': "the signed-in volunteer's disputes",
  '/api/homecare/mine/runs': "the signed-in volunteer's delivery runs",
  '/api/activities/mine': "the signed-in volunteer's activities",
  // The nearest open offers to take, capped (a volunteer takes one of the next few, not a list to browse).
  '/api/activities/swaps': 'the 200 nearest open shift swaps to come',
  '/api/classroom/rota-swaps': 'the 200 nearest open 4:30 rota days offered',
  // A window of dates (with a default) or a search (q required).
  '/api/activities': 'a window of dates (from/to)',
  '/api/activities/open': 'published activities of the next 61 days',
  '/api/classroom/sessions': 'a window of dates (from/to, default 30 days either side)',
  '/api/classroom/logs': 'a window of dates (from/to, default the last 30 days)',
  '/api/appointments/bookings': "one day's bookings",
  '/api/appointments/services/{id}/slots': "one service's slots in a window of dates",
  '/api/appointments/residents': 'a search (q required), capped',
  '/api/homecare/residents': 'a search (q), capped',
  '/api/needs/caller': "one caller's needs (by phone)",
  // Capped at the newest rows.
  '/api/outbox': 'the 100 newest messages of the development channel',
  '/api/homecare/stays': 'the 200 newest hospital stays (a few a month)',
  '/api/homecare/runs': 'the 200 newest delivery runs (a few a year, at festivals)',
  '/api/indicators/reports': 'the 60 newest monthly reports of the nodes one sees',
};

for (const kind of testDatabaseKinds()) {
  describe(`every GET route on the Xiguan demo (${kind})`, () => {
    let db: TestDatabase;
    let app: TestApp;
    const clients: Array<{ role: string; phone: string; get: Client }> = [];
    // The street office's and the district's accounts: figures only (see the last test).
    const offices: Array<{ role: string; phone: string; get: Client }> = [];
    let routes: GetRoute[];
    let paths = new Map<string, string>();

    before(async () => {
      db = await createTestDatabase(kind);
      const config = loadConfig({
        LINLI_DATA_DIR: db.dataDir,
        LINLI_LOG_LEVEL: 'silent',
        LINLI_DEMO: '0',
        LINLI_JOBS: '0',
        LINLI_RATE_LIMITS: '0',
        LINLI_WEB_DIST: '/nonexistent',
      });
      const cipher = new FieldCipher(generateKeyring());
      app = await buildApp(config, { database: db.handle, cipher });
      await app.ready();
      await ensureDemo(db.handle.db, cipher, app.log);
      for (const s of DEMO_SIGN_INS)
        clients.push({ role: s.role, phone: s.phone, get: as(app, await signIn(app, s.phone, DEMO_PASSWORD)) });
      for (const s of DEMO_REGION_SIGN_INS)
        offices.push({ role: s.role, phone: s.phone, get: as(app, await signIn(app, s.phone, DEMO_PASSWORD)) });
      routes = getRoutes(app.swagger());
      paths = await fillPaths(routes, db.handle.db as Any);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    it('signs in all seven demo roles', () => {
      assert.equal(clients.length, 7);
      assert.equal(new Set(clients.map((c) => c.role)).size, 7);
    });

    it("fills every templated route's params from the demo, or names why not", () => {
      const unfilled = routes.filter((r) => !paths.has(r.path)).map((r) => r.path);
      assert.deepEqual(unfilled.filter((p) => !SKIP[p]).sort(), [], 'routes with params the test cannot fill');
      const stale = Object.keys(SKIP).filter((p) => paths.has(p) || !routes.some((r) => r.path === p));
      assert.deepEqual(stale, [], 'skipped routes that are filled now, or gone: take them off SKIP');
    });

    it('answers every GET route as every role without a 5xx or a JSON body over 100 KB', async () => {
      const problems: string[] = [];
      for (const r of routes) {
        const url = paths.get(r.path);
        if (!url) continue;
        for (const c of clients) {
          const res = await c.get('GET', url);
          const bytes = res.rawPayload.byteLength;
          if (process.env.EVERY_GET_SIZES && bytes > 20000) console.log(`SIZE ${bytes} ${c.role} ${r.path}`);
          if (res.statusCode >= 500) problems.push(`${c.role} GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
          if (isJson && bytes > MAX_JSON_BYTES)
            problems.push(`${c.role} GET ${r.path}: ${Math.round(bytes / 1024)} KB of JSON`);
        }
      }
      assert.deepEqual(problems, [], `problems (${problems.length}):\n${problems.join('\n')}`);
    });

    it('pages every list route: ?page=1&pageSize=5 gives at most 5 items, with the total', async () => {
      const problems: string[] = [];
      for (const r of routes) {
        const url = paths.get(r.path);
        if (!url || !r.list || BOUNDED[r.path]) continue;
        if (!r.pages) {
          problems.push(`GET ${r.path}: lists (${r.list}) but takes no page/pageSize`);
          continue;
        }
        for (const c of clients) {
          const res = await c.get('GET', `${url}${url.includes('?') ? '&' : '?'}page=1&pageSize=5`);
          if (res.statusCode !== 200) continue;
          const body = res.json();
          const n = listLength(body, r.list);
          if (n > 5) problems.push(`${c.role} GET ${r.path}?page=1&pageSize=5: ${n} items`);
          if (r.list === 'items' && typeof body.total !== 'number') problems.push(`GET ${r.path}: no total`);
        }
      }
      assert.deepEqual(problems, [], `problems (${problems.length}):\n${problems.join('\n')}`);
    });

    it('names only bounded lists that are lists and do not page', () => {
      const wrong = Object.keys(BOUNDED).filter((p) => {
        const r = routes.find((x) => x.path === p);
        return !r || !r.list || r.pages;
      });
      assert.deepEqual(wrong, []);
    });

    // Every GET route but the public ones, the caller's own session and the regions' figures is refused.
    it('reads no record as a street or district office', async () => {
      const anonymous = as(app, null);
      const problems: string[] = [];
      const answered: string[] = [];
      for (const r of routes) {
        const url = paths.get(r.path);
        if (!url) continue;
        const isPublic = (await anonymous('GET', url)).statusCode < 400;
        for (const o of offices) {
          const res = await o.get('GET', url);
          if (res.statusCode >= 500) problems.push(`${o.role} GET ${url}: ${res.statusCode}`);
          if (res.statusCode >= 400 || isPublic) continue;
          if (OFFICE_READS[r.path]) answered.push(r.path);
          else problems.push(`${o.role} GET ${r.path}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      assert.deepEqual(problems, [], `an office read what it must not (${problems.length}):\n${problems.join('\n')}`);
      // Both offices do read their figures (the walk reached them).
      assert.ok(answered.filter((p) => p === '/api/regions/communities').length === offices.length);
    });
  });
}

/** What a street or district office may read besides public routes, with why it holds no record. */
const OFFICE_READS: Record<string, string> = {
  '/api/auth/me': 'its own account and the places it works in',
  '/api/auth/two-factor/status': 'its own account’s two-factor sign-in (an office may enrol too)',
  '/api/regions/tree': 'the names of its regions and communities',
  '/api/regions/communities': 'counts per community',
  '/api/regions/communities/{id}/grids': 'counts per grid',
  '/api/regions/accounts': 'the office accounts of its own region and those under it, phones masked',
  '/api/indicators': 'figures of a node of its region (no name of a person)',
  '/api/indicators/tree': 'the names of its regions, communities and grids',
  '/api/indicators/compare': 'figures per child node',
  '/api/indicators/export': 'the same figures as a workbook',
  '/api/indicators/report.pdf': 'the same figures as the monthly report',
  '/api/indicators/reports': 'the stored monthly reports of its nodes',
  '/api/indicators/reports/{id}/pdf': 'a stored monthly report',
};
