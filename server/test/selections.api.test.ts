// Selections (评选) on both databases: staff open one, residents nominate on the phone and staff accept; each
// resident account votes once — concurrent duplicate votes count exactly one; closing ranks the ballot; a minor is
// published only with the guardian's consent and shown as surname + 同学; the public honours route shows names and
// honours only; a volunteer cannot manage and another community is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { minorPublicName } from '../../domain/selections/schemas.ts';

for (const kind of testDatabaseKinds()) {
  describe(`selections on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let resident: Client;
    let volunteer: Client;
    let leader: Client;
    let otherStaff: Client;
    let otherResident: Client;
    const today = todayInShanghai();
    const ids = {} as Record<string, string>;
    const votes = async () =>
      (
        await t.db.handle.db
          .selectFrom('selection_vote')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('selection_id', '=', ids.youth!)
          .executeTakeFirstOrThrow()
      ).n;

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      resident = await signInAs(t, 'resident');
      volunteer = await signInAs(t, 'volunteer');
      leader = await signInAs(t, 'grid_leader');
      otherStaff = await signInAs(t, 'staff', 'b');
      otherResident = await signInAs(t, 'resident', 'b');
    });
    after(() => t.close());

    it('opens a selection, refusing bad windows in words and anyone but staff', async () => {
      const bad = await staff('POST', '/api/selections', {
        kind: 'virtuous_youth',
        title: '2026 美德少年',
        nominateFrom: today,
        nominateTo: addDays(today, -1),
        voteFrom: today,
        voteTo: today,
        places: 2,
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad.json().error.details.fields.map((f: any) => [f.field, f.message]),
        [['nominateTo', '结束不能早于开始']],
      );
      const body = {
        kind: 'virtuous_youth',
        title: '2026 美德少年',
        nominateFrom: addDays(today, -3),
        nominateTo: addDays(today, 3),
        voteFrom: today,
        voteTo: addDays(today, 7),
        places: 1,
      };
      assert.equal((await volunteer('POST', '/api/selections', body)).statusCode, 403);
      assert.equal((await resident('GET', '/api/selections')).statusCode, 403);
      const res = await staff('POST', '/api/selections', body);
      assert.equal(res.statusCode, 201, res.body);
      ids.youth = res.json().id;
      assert.equal((await otherStaff('GET', `/api/selections/${ids.youth}`)).statusCode, 404);
    });

    it('takes nominations from staff and residents; staff accept a resident’s onto the ballot', async () => {
      const s = ids.youth!;
      const a = await staff('POST', `/api/selections/${s}/nominees`, {
        name: '曾小红',
        reason: '每天帮独居的吕爷爷取报纸',
        residentId: t.a.residents['曾小红'],
      });
      assert.equal(a.statusCode, 201, a.body);
      ids.xiaohong = a.json().id;
      const b = await staff('POST', `/api/selections/${s}/nominees`, { name: '欧阳明', reason: '拾金不昧' });
      ids.ouyang = b.json().id;
      const fromPhone = await resident('POST', `/api/me/selections/${s}/nominations`, {
        name: '单小东',
        reason: '义务辅导',
      });
      assert.equal(fromPhone.statusCode, 201, fromPhone.body);
      ids.proposed = fromPhone.json().id;
      const empty = await resident('POST', `/api/me/selections/${s}/nominations`, { name: '', reason: '' });
      assert.equal(empty.statusCode, 400);
      // Not on the ballot until staff accept it.
      let phone = (await resident('GET', '/api/me/selections')).json();
      assert.deepEqual(
        phone[0].ballot.map((n: any) => n.name),
        ['曾同学', '欧阳同学'],
      );
      assert.equal(
        (await staff('POST', `/api/selections/${s}/nominees/${ids.proposed}/decision`, { accept: true })).statusCode,
        204,
      );
      phone = (await resident('GET', '/api/me/selections')).json();
      assert.equal(phone[0].ballot.length, 3);
      assert.equal(phone[0].voting, true);
      assert.equal(phone[0].myVote, null);
      // Another community's resident sees nothing of it and cannot vote in it.
      assert.deepEqual((await otherResident('GET', '/api/me/selections')).json(), []);
      assert.equal(
        (await otherResident('POST', `/api/me/selections/${s}/vote`, { nomineeId: ids.xiaohong })).statusCode,
        404,
      );
    });

    it('counts exactly one of many concurrent votes from one resident, refusing the rest in words', async () => {
      const s = ids.youth!;
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          resident('POST', `/api/me/selections/${s}/vote`, { nomineeId: i % 2 ? ids.ouyang : ids.xiaohong }),
        ),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [204, ...Array(11).fill(409)]);
      const refused = answers.find((r) => r.statusCode === 409)!;
      assert.equal(refused.json().error.code, 'selection_already_voted');
      assert.equal(refused.json().error.message, '您已经在本次评选中投过票了，每人只能投一票');
      const en = await resident(
        'POST',
        `/api/me/selections/${s}/vote`,
        { nomineeId: ids.xiaohong },
        {
          'accept-language': 'en',
        },
      );
      assert.equal(en.json().error.message, 'You have already voted in this selection; each resident has one vote');
      assert.equal(Number(await votes()), 1);
      const mine = (await resident('GET', '/api/me/selections')).json()[0].myVote;
      assert.ok(mine === ids.xiaohong || mine === ids.ouyang);
      ids.residentVote = mine;
      // Other residents vote once each, concurrently too.
      const others = await Promise.all([
        volunteer('POST', `/api/me/selections/${s}/vote`, { nomineeId: ids.xiaohong }),
        leader('POST', `/api/me/selections/${s}/vote`, { nomineeId: ids.xiaohong }),
        staff('POST', `/api/me/selections/${s}/vote`, { nomineeId: ids.proposed }),
      ]);
      assert.deepEqual(
        others.map((r) => r.statusCode),
        [204, 204, 204],
      );
      assert.equal(Number(await votes()), 4);
      // A nominee not on the ballot is refused.
      const stray = await (
        await signInAs(t, 'team_leader')
      )('POST', `/api/me/selections/${s}/vote`, {
        nomineeId: ids.youth,
      });
      assert.equal(stray.statusCode, 409);
    });

    it('closes with ranked results, and publishes a minor only with the guardian’s consent', async () => {
      const s = ids.youth!;
      const closed = await staff('POST', `/api/selections/${s}/close`);
      assert.equal(closed.statusCode, 200, closed.body);
      const ballot = closed.json().ballot;
      const xh = ballot.find((n: any) => n.id === ids.xiaohong);
      const expected = 2 + (ids.residentVote === ids.xiaohong ? 1 : 0);
      assert.equal(xh.votes, expected);
      assert.equal(xh.rank, 1);
      assert.equal(xh.honoured, true);
      assert.equal(ballot.filter((n: any) => n.honoured).length, 1);
      // No more votes after close.
      const late = await (
        await signInAs(t, 'team_leader')
      )('POST', `/api/me/selections/${s}/vote`, {
        nomineeId: ids.xiaohong,
      });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'selection_not_voting');
      const refused = await staff('POST', `/api/selections/${s}/publish`);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'selection_consent_missing');
      assert.match(refused.json().error.message, /曾同学/);
      assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/public/${t.a.id}/honours` })).json(), []);
      const consent = await staff('POST', `/api/selections/${s}/nominees/${ids.xiaohong}/guardian-consent`, {
        guardianName: '曾国平',
        signedOn: today,
      });
      assert.equal(consent.statusCode, 204);
      assert.equal((await staff('POST', `/api/selections/${s}/publish`)).statusCode, 204);
      assert.equal((await staff('POST', `/api/selections/${s}/publish`)).statusCode, 409);
    });

    it('shows the honours publicly without sign-in: names and honours only, nothing personal', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/${t.a.id}/honours` });
      assert.equal(res.statusCode, 200);
      const list = res.json();
      assert.equal(list.length, 1);
      assert.deepEqual(Object.keys(list[0]).sort(), [
        'honour',
        'kind',
        'name',
        'publishedOn',
        'rank',
        'selectionId',
        'title',
      ]);
      assert.equal(list[0].name, '曾同学');
      assert.equal(list[0].honour, '美德少年');
      for (const secret of ['曾小红', '取报纸', '曾国平', t.a.residents['曾小红']!])
        assert.ok(!res.body.includes(secret), secret);
      // The community's public site carries them under 社区荣誉, as public as the route.
      const site = await t.app.inject({ method: 'GET', url: `/p/${t.a.id}` });
      assert.equal(site.statusCode, 200);
      assert.match(site.body, /社区荣誉[\s\S]*美德少年：曾同学/);
      for (const secret of ['曾小红', '取报纸', '曾国平']) assert.ok(!site.body.includes(secret), secret);
      // The other community has no honours; a malformed id is a 400, not a 500.
      assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/public/${t.b.id}/honours` })).json(), []);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/public/nope/honours' })).statusCode, 400);
    });

    it('names minors by surname and 同学, compound surnames too', () => {
      assert.equal(minorPublicName('曾小红'), '曾同学');
      assert.equal(minorPublicName('欧阳文华'), '欧阳同学');
      assert.equal(minorPublicName('司马'), '司同学');
    });
  });
}
