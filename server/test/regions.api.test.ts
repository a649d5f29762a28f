// Above the community: street, district and city offices see their communities' figures side by side and drill to a
// grid, never a record; sign-in and sessions of region accounts, switching to a community membership, and the scope
// seam (viewTree, communitiesUnder) the dashboard reads. SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signIn, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { seedSmallCommunity, type SmallCommunity } from './factories.ts';
import { hashPassword } from '../src/modules/auth/auth.service.ts';
import { ensureRegion, grantRegionRole, placeCommunity } from '../src/modules/regions/regions-directory.ts';
import { communitiesUnder, viewTree } from '../src/modules/regions/regions-scope.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { Actor } from '../src/platform/actor.ts';

const PLACE = { city: '宝鸡市', district: '金台区' };

for (const kind of testDatabaseKinds()) {
  describe(`regions above the community (${kind})`, () => {
    let t: TestContext;
    let c: SmallCommunity; // a second community in 西关街道
    let street: string; // 西关街道: a and c
    let otherStreet: string; // 东关街道: b
    let district: string;
    const phones = { street: '13600000001', district: '13600000002', both: '13600000003', empty: '13600000004' };
    let streetAdmin: Client;
    let districtAdmin: Client;

    const account = async (phone: string, name: string) => {
      const id = uuidv7();
      await t.db.handle.db
        .insertInto('account')
        .values({
          id,
          phone,
          name,
          password_hash: await hashPassword('test-password'),
          locale: null,
          failed_sign_ins: 0,
          locked_until: null,
          disabled: 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      return id;
    };
    const actorOf = async (client: Client): Promise<Actor> => {
      const me = (await client('GET', '/api/auth/me')).json().user;
      return {
        accountId: me.accountId,
        name: me.name,
        phone: me.phone,
        role: me.role,
        title: me.title,
        communityId: me.community.id,
        communityName: me.community.name,
        membershipId: '',
        gridId: me.gridId,
        teamId: null,
        unitId: null,
        residentId: null,
        regionId: me.region?.id ?? null,
        locale: null,
        csrfToken: '',
        tokenHash: '',
      };
    };

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      c = await seedSmallCommunity(db, t.cipher, { name: '新建路社区', phonePrefix: '1390002' });
      street = await placeCommunity(db, t.a.id, { ...PLACE, street: '西关街道' });
      await placeCommunity(db, c.id, { ...PLACE, street: '西关街道' });
      otherStreet = await placeCommunity(db, t.b.id, { ...PLACE, street: '东关街道' });
      district = await ensureRegion(db, 'district', '金台区', await ensureRegion(db, 'city', '宝鸡市', null));
      const emptyStreet = await ensureRegion(db, 'street', '空街道', district);
      await grantRegionRole(db, await account(phones.street, '王主任'), street, 'street_admin', '街道主任');
      await grantRegionRole(db, await account(phones.district, '李科长'), district, 'district_admin', null);
      await grantRegionRole(db, await account(phones.empty, '赵主任'), emptyStreet, 'street_admin', null);
      // A street admin who is also a staff member of community b (in another street).
      const both = await account(phones.both, '周主任');
      await grantRegionRole(db, both, street, 'street_admin', null);
      await db
        .insertInto('membership')
        .values({
          community_id: t.b.id,
          id: uuidv7(),
          account_id: both,
          role: 'staff',
          title: null,
          grid_id: null,
          team_id: null,
          unit_id: null,
          resident_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      streetAdmin = as(t.app, await signIn(t.app, phones.street));
      districtAdmin = as(t.app, await signIn(t.app, phones.district));
    });
    after(async () => {
      await t?.close();
    });

    it('signs a street admin in to its street office: figures only, no community permission', async () => {
      const me = (await streetAdmin('GET', '/api/auth/me')).json().user;
      assert.equal(me.role, 'street_admin');
      assert.deepEqual(me.region, { id: street, name: '西关街道' });
      assert.equal(me.community.name, '西关街道');
      assert.ok([t.a.id, c.id].includes(me.community.id), 'the session rests on a community of its street');
      assert.deepEqual(me.permissions.sort(), ['indicators.read', 'regions.accounts', 'regions.read']);
      assert.deepEqual(
        me.places.map((p: any) => [p.kind, p.name, p.role, p.active]),
        [['street', '西关街道', 'street_admin', true]],
      );
    });

    it("shows a street admin its street's communities side by side, each figure a recount", async () => {
      const tree = (await streetAdmin('GET', '/api/regions/tree')).json();
      assert.equal(tree.kind, 'street');
      assert.deepEqual(tree.children.map((n: any) => n.name).sort(), ['新建路社区', '西关社区']);
      const res = await streetAdmin('GET', '/api/regions/communities');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(body.node, { id: street, kind: 'street', name: '西关街道' });
      const db = t.db.handle.db;
      for (const row of body.communities) {
        const count = async (table: 'grid' | 'household' | 'resident' | 'volunteer', where?: [string, string]) => {
          let q = db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('community_id', '=', row.id);
          if (where) q = q.where(where[0] as any, '=', where[1]);
          return Number((await q.executeTakeFirstOrThrow()).n);
        };
        assert.equal(row.street, '西关街道');
        assert.equal(row.grids, await count('grid'));
        assert.equal(row.households, await count('household'));
        assert.equal(row.residents, await count('resident', ['status', 'active']));
        assert.equal(row.volunteers, await count('volunteer', ['status', 'approved']));
        assert.ok(row.households > 0 && row.residents > 0);
      }
      assert.equal(body.communities.length, 2);
      // Drill to a community and its grids.
      const grids = await streetAdmin('GET', `/api/regions/communities/${t.a.id}/grids`);
      assert.equal(grids.statusCode, 200);
      assert.deepEqual(
        grids.json().grids.map((g: any) => [g.name, g.households]),
        [
          ['第一网格', 2],
          ['第二网格', 2],
        ],
      );
    });

    it("gives a street office its street's indicators: communities side by side, each its own figures", async () => {
      const tree = (await streetAdmin('GET', '/api/indicators/tree')).json();
      assert.equal(tree.id, `street:${street}`);
      assert.deepEqual(tree.children.map((n: any) => n.id).sort(), [`community:${c.id}`, `community:${t.a.id}`].sort());
      const xiguan = tree.children.find((n: any) => n.id === `community:${t.a.id}`);
      assert.deepEqual(
        xiguan.children.map((g: any) => g.name),
        ['第一网格', '第二网格'],
      );
      const compare = await streetAdmin('GET', '/api/indicators/compare');
      assert.equal(compare.statusCode, 200);
      const rows = compare.json().rows;
      assert.equal(rows.length, 2);
      // Each community's row equals that community's own dashboard, and the street's total their sum.
      let households = 0;
      for (const row of rows) {
        const own = (await streetAdmin('GET', `/api/indicators?node=${encodeURIComponent(row.id)}`)).json();
        assert.equal(own.headline.households, row.headline.households);
        assert.equal(own.headline.volunteers, row.headline.volunteers);
        households += row.headline.households;
      }
      const whole = (await streetAdmin('GET', '/api/indicators')).json();
      assert.equal(whole.headline.households, households);
      // Drill to a grid of a community in the street; another street's community and grids stay out of reach.
      const grid = xiguan.children[0].id;
      assert.equal((await streetAdmin('GET', `/api/indicators?node=${encodeURIComponent(grid)}`)).statusCode, 200);
      assert.equal((await streetAdmin('GET', `/api/indicators?node=community:${t.b.id}`)).statusCode, 403);
      const otherGrid = await t.db.handle.db
        .selectFrom('grid')
        .select('id')
        .where('community_id', '=', t.b.id)
        .executeTakeFirstOrThrow();
      assert.equal((await streetAdmin('GET', `/api/indicators?node=grid:${otherGrid.id}`)).statusCode, 403);
      // Figures only: no resident's name in any answer.
      const anyName = await t.db.handle.db
        .selectFrom('resident')
        .select('name')
        .where('community_id', '=', t.a.id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(whole).includes(anyName.name));
    });

    it('refuses a street admin another street, its communities and their grids', async () => {
      assert.equal((await streetAdmin('GET', `/api/regions/communities?node=${otherStreet}`)).statusCode, 404);
      assert.equal((await streetAdmin('GET', `/api/regions/communities?node=${district}`)).statusCode, 404);
      assert.equal((await streetAdmin('GET', `/api/regions/communities?node=${t.b.id}`)).statusCode, 404);
      assert.equal((await streetAdmin('GET', `/api/regions/communities/${t.b.id}/grids`)).statusCode, 404);
    });

    it('shows a district admin its streets and their communities, and one street when asked', async () => {
      const tree = (await districtAdmin('GET', '/api/regions/tree')).json();
      assert.equal(tree.kind, 'district');
      assert.deepEqual(
        tree.children.map((s: any) => [s.name, s.children.map((x: any) => x.name).sort()]),
        [
          ['东关街道', ['东关社区']],
          ['空街道', []],
          ['西关街道', ['新建路社区', '西关社区']],
        ],
      );
      const all = (await districtAdmin('GET', '/api/regions/communities')).json();
      assert.equal(all.communities.length, 3);
      const one = (await districtAdmin('GET', `/api/regions/communities?node=${otherStreet}`)).json();
      assert.deepEqual(
        one.communities.map((x: any) => x.name),
        ['东关社区'],
      );
      assert.equal((await districtAdmin('GET', `/api/regions/communities/${t.b.id}/grids`)).statusCode, 200);
    });

    it('refuses region accounts every record: registry, volunteers, needs, audit', async () => {
      for (const client of [streetAdmin, districtAdmin]) {
        for (const url of [
          '/api/residents',
          `/api/residents/${t.a.residents['李泽钦']}`,
          '/api/households',
          '/api/volunteers',
          '/api/needs',
          '/api/audit',
          '/api/grids',
          // Open to any member of a community, but an office is none.
          '/api/teams',
          '/api/me/home',
          '/api/party-posts',
        ]) {
          const res = await client('GET', url);
          assert.equal(res.statusCode, 403, `${url}: ${res.statusCode}`);
        }
      }
    });

    it("keeps the overview routes the offices': a community's admin and volunteer are refused them", async () => {
      for (const role of ['community_admin', 'staff', 'volunteer'] as const) {
        const client = as(t.app, await signIn(t.app, t.a.phones[role]));
        assert.equal((await client('GET', '/api/regions/tree')).statusCode, 403, role);
        assert.equal((await client('GET', '/api/regions/communities')).statusCode, 403, role);
      }
    });

    it('answers the scope seam: communitiesUnder a node, null when out of reach', async () => {
      const db = t.db.handle.db;
      const s = await actorOf(streetAdmin);
      const d = await actorOf(districtAdmin);
      assert.deepEqual((await communitiesUnder(db, s, street))!.sort(), [t.a.id, c.id].sort());
      assert.deepEqual(await communitiesUnder(db, s, t.a.id), [t.a.id]);
      assert.deepEqual(await communitiesUnder(db, s, t.a.grids[1]), [t.a.id]);
      assert.equal(await communitiesUnder(db, s, otherStreet), null);
      assert.equal(await communitiesUnder(db, s, t.b.id), null);
      assert.equal(await communitiesUnder(db, s, t.b.grids[0]), null);
      assert.equal(await communitiesUnder(db, s, district), null);
      assert.deepEqual((await communitiesUnder(db, d, district))!.sort(), [t.a.id, t.b.id, c.id].sort());
      assert.equal((await viewTree(db, d)).kind, 'district');
      // A community actor: its community only (the indicators dashboard reads this for a community's admin).
      const admin = await actorOf(as(t.app, await signIn(t.app, t.b.phones.community_admin)));
      assert.deepEqual(await viewTree(db, admin), { id: t.b.id, kind: 'community', name: '东关社区', children: [] });
      assert.deepEqual(await communitiesUnder(db, admin, t.b.id), [t.b.id]);
      assert.deepEqual(await communitiesUnder(db, admin, t.b.grids[0]), [t.b.id]);
      assert.equal(await communitiesUnder(db, admin, t.a.id), null);
      assert.equal(await communitiesUnder(db, admin, street), null);
    });

    it('switches an account with both a region and a community membership, and back', async () => {
      const both = as(t.app, await signIn(t.app, phones.both));
      const me = (await both('GET', '/api/auth/me')).json().user;
      assert.equal(me.role, 'street_admin');
      assert.equal((await both('GET', '/api/residents')).statusCode, 403);
      const places = me.places.map((p: any) => [p.kind, p.name, p.role]);
      assert.deepEqual(places, [
        ['street', '西关街道', 'street_admin'],
        ['community', '东关社区', 'staff'],
      ]);
      const sw = await both('POST', '/api/auth/switch', { communityId: t.b.id });
      assert.equal(sw.statusCode, 200);
      assert.equal(sw.json().user.role, 'staff');
      assert.equal(sw.json().user.region, null);
      // As staff of 东关社区 it reads that community's residents, and no longer the street's figures.
      const residents = await both('GET', '/api/residents');
      assert.equal(residents.statusCode, 200);
      assert.ok(residents.json().items.length > 0);
      assert.equal((await both('GET', '/api/regions/tree')).statusCode, 403);
      // Not a member elsewhere: refused, and the session stays where it was.
      const refused = await both('POST', '/api/auth/switch', { communityId: t.a.id });
      assert.equal(refused.statusCode, 403);
      assert.equal((await both('POST', '/api/auth/switch', { regionId: otherStreet })).statusCode, 403);
      assert.equal((await both('GET', '/api/auth/me')).json().user.role, 'staff');
      const back = await both('POST', '/api/auth/switch', { regionId: street });
      assert.equal(back.statusCode, 200);
      assert.equal(back.json().user.role, 'street_admin');
      assert.equal((await both('GET', '/api/residents')).statusCode, 403);
    });

    it('refuses to sign in to an office with no community yet, in the caller’s language', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { phone: phones.empty, password: 'test-password' },
        headers: { 'accept-language': 'en' },
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message, /No community belongs to this office/);
    });

    it('keeps community accounts signing in to their community as before', async () => {
      const staff = as(t.app, await signIn(t.app, t.a.phones.staff));
      const me = (await staff('GET', '/api/auth/me')).json().user;
      assert.equal(me.role, 'staff');
      assert.equal(me.region, null);
      assert.equal(me.community.id, t.a.id);
      assert.deepEqual(
        me.places.map((p: any) => [p.kind, p.id, p.active]),
        [['community', t.a.id, true]],
      );
    });

    it('lets an office add, list and remove the accounts of its region and below, and tells the new one', async () => {
      const list = (await districtAdmin('GET', '/api/regions/accounts')).json();
      assert.deepEqual(
        list.regions.map((r: any) => r.name).sort(),
        ['东关街道', '空街道', '西关街道', '金台区'].sort(),
      );
      const wang = list.accounts.find((a: any) => a.name === '王主任');
      assert.deepEqual(
        [wang.role, wang.region.name, wang.phone, wang.self],
        ['street_admin', '西关街道', '136****0001', false],
      );
      assert.equal(list.accounts.find((a: any) => a.name === '李科长').self, true);

      // The district adds 东关街道's admin: a new account, no password, told by text, and it signs in with a code.
      const phone = '13600000009';
      const added = await districtAdmin('POST', '/api/regions/accounts', {
        phone,
        name: '孙主任',
        regionId: otherStreet,
        title: '街道副主任',
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().created, true);
      const db = t.db.handle.db;
      const acc = await db
        .selectFrom('account')
        .select(['id', 'password_hash'])
        .where('phone', '=', phone)
        .executeTakeFirstOrThrow();
      assert.equal(acc.password_hash, null);
      const told = await db
        .selectFrom('notification_outbox')
        .select(['template', 'payload'])
        .where('recipient', '=', phone)
        .execute();
      assert.deepEqual(
        told.map((m) => m.template),
        ['regions.office_granted'],
      );
      assert.equal(JSON.parse(told[0]!.payload).region, '东关街道');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone } })).statusCode, 202);
      const code = JSON.parse(
        (
          await db
            .selectFrom('notification_outbox')
            .select('payload')
            .where('recipient', '=', phone)
            .where('template', '=', 'sign_in_code')
            .executeTakeFirstOrThrow()
        ).payload,
      ).code;
      const signedIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in-code', payload: { phone, code } });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json().user.role, 'street_admin');
      assert.deepEqual(signedIn.json().user.region, { id: otherStreet, name: '东关街道' });

      // Twice is refused in words; bad input changes nothing.
      const again = await districtAdmin('POST', '/api/regions/accounts', {
        phone,
        name: '孙主任',
        regionId: otherStreet,
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.message, '这个手机号已是东关街道的账号');
      const bad = await districtAdmin('POST', '/api/regions/accounts', {
        phone: '12345',
        name: '<b>',
        regionId: otherStreet,
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad
          .json()
          .error.details.fields.map((f: any) => f.field)
          .sort(),
        ['name', 'phone'],
      );

      // A street office adds only to its own street; it neither sees nor removes another street's accounts.
      const upward = await streetAdmin('POST', '/api/regions/accounts', {
        phone: '13600000010',
        name: '钱科员',
        regionId: district,
      });
      assert.equal(upward.statusCode, 404);
      const sideways = await streetAdmin('POST', '/api/regions/accounts', {
        phone: '13600000010',
        name: '钱科员',
        regionId: otherStreet,
      });
      assert.equal(sideways.statusCode, 404);
      const streetList = (await streetAdmin('GET', '/api/regions/accounts')).json();
      assert.deepEqual(
        streetList.regions.map((r: any) => r.name),
        ['西关街道'],
      );
      assert.ok(!streetList.accounts.some((a: any) => a.name === '孙主任'));
      assert.equal((await streetAdmin('DELETE', `/api/regions/accounts/${added.json().id}`)).statusCode, 404);
      const own = streetList.accounts.find((a: any) => a.self);
      assert.equal((await streetAdmin('DELETE', `/api/regions/accounts/${own.id}`)).statusCode, 409);
      // Community staff have no say over offices.
      const staff = as(t.app, await signIn(t.app, t.a.phones.staff));
      assert.equal((await staff('GET', '/api/regions/accounts')).statusCode, 403);

      // The district takes the role away: the account stays, the office is gone, both audited.
      assert.equal((await districtAdmin('DELETE', `/api/regions/accounts/${added.json().id}`)).statusCode, 204);
      assert.ok(
        !(await districtAdmin('GET', '/api/regions/accounts')).json().accounts.some((a: any) => a.name === '孙主任'),
      );
      assert.ok(await db.selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirst());
      const audited = await db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', acc.id)
        .where('action', 'like', 'regions.%')
        .orderBy('at')
        .execute();
      assert.deepEqual(
        audited.map((a) => a.action),
        ['regions.account_add', 'regions.account_remove'],
      );
    });
  });
}
