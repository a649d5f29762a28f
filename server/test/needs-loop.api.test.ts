// The needs loop on both databases: the matched volunteer is told (by hand and in a batch; SMS and the official
// account), sees the need on 我的任务, accepts (the resident hears who is coming, not the number) or declines with
// a reason (back to matching, staff told), and reports it done with minutes — one pending hours entry and one
// 'need' contact in the same transaction, a second report refused — and the resident rates it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAccountVolunteer, signInAll, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, insertVolunteer } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the needs loop on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, me: Client, resident: Client, other: Client;
    let myId: string, myPhone: string;
    const r: Record<string, string> = {};
    const db = () => t.db.handle.db;
    const outbox = async (template: string) =>
      (
        await db()
          .selectFrom('notification_outbox')
          .select(['channel', 'recipient', 'payload'])
          .where('template', '=', template)
          .execute()
      ).map((o) => ({ ...o, payload: JSON.parse(o.payload) as Record<string, unknown> }));
    const take = async (body: Record<string, unknown> = {}) => {
      const res = await staff('POST', '/api/needs', {
        residentId: r['李泽钦'],
        channel: 'phone',
        category: 'household',
        description: '厨房水管漏水',
        ...body,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const match = async (id: string, volunteerId = myId) => {
      const res = await staff('POST', `/api/needs/${id}/match`, { volunteerId });
      assert.equal(res.statusCode, 204, res.body);
    };

    before(async () => {
      t = await startTestApp(kind);
      Object.assign(r, t.a.residents);
      await db()
        .updateTable('membership')
        .set({ resident_id: r['李泽钦']! })
        .where('community_id', '=', t.a.id)
        .where('account_id', '=', await accountIdOf(db(), t.a.phones.resident))
        .execute();
      [staff, me, resident, other] = await signInAll(t, ['staff', 'volunteer', 'resident', 'team_leader']);
      myId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', phone: '13655550001' });
      await insertAccountVolunteer(t, 'team_leader', { name: '张建华' });
      myPhone = '13655550001';
      // 刘红梅 follows the official account with her phone.
      const now = new Date().toISOString();
      await db()
        .insertInto('wechat_binding')
        .values({
          community_id: t.a.id,
          openid: 'o-liu',
          phone: myPhone,
          resident_id: null,
          menu: null,
          menu_at: null,
          bound_at: now,
          updated_at: now,
        })
        .execute();
    });
    after(async () => {
      await t.close();
    });

    let needId: string;

    it('tells the matched volunteer by SMS and the official account, and lists the need on 我的任务', async () => {
      needId = await take({ place: '厨房' });
      await match(needId);
      const sent = (await outbox('needs.matched')).filter((o) => o.payload.needId === needId);
      assert.deepEqual(sent.map((o) => [o.channel, o.recipient]).sort(), [
        ['sms', myPhone],
        ['wechat', 'o-liu'],
      ]);
      assert.equal(sent[0]!.payload.name, '刘红梅');
      const mine = (await me('GET', '/api/my/needs')).json();
      assert.equal(mine.length, 1);
      assert.equal(mine[0].answer, 'waiting');
      assert.equal(mine[0].residentName, '李泽钦');
      assert.match(mine[0].address, /1号楼/);
      assert.equal(mine[0].residentPhone, null, 'no phone before the volunteer accepts');
      const tasks = (await me('GET', '/api/me/tasks')).json();
      assert.deepEqual(
        tasks.filter((x: any) => x.kind === 'need').map((x: any) => [x.id, x.waiting, x.to]),
        [[needId, true, `/m/tasks/needs/${needId}`]],
      );
      // Someone else's need is not told apart from none, and they cannot answer it.
      assert.equal((await other('GET', `/api/my/needs/${needId}`)).statusCode, 404);
      assert.equal((await other('POST', `/api/my/needs/${needId}/accept`)).statusCode, 404);
      assert.equal((await staff('GET', `/api/needs/${needId}`)).json().answer, 'waiting');
    });

    it('refuses done before the volunteer accepts', async () => {
      const res = await me('POST', `/api/my/needs/${needId}/done`, { minutes: 40 });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'need_not_accepted');
    });

    it('accepts: the need is scheduled, the resident is told who is coming without the number', async () => {
      const res = await me('POST', `/api/my/needs/${needId}/accept`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().answer, 'accepted');
      assert.equal(res.json().status, 'scheduled');
      assert.equal(res.json().residentPhone, '13700000001', 'the phone once accepted');
      const told = await outbox('needs.volunteer_coming');
      assert.equal(told.length, 1);
      assert.equal(told[0]!.recipient, '13700000001');
      assert.equal(told[0]!.payload.volunteer, '刘红梅');
      assert.ok(!JSON.stringify(told[0]!.payload).includes(myPhone), 'never the volunteer’s number');
      // Tapped twice: still one notice.
      assert.equal((await me('POST', `/api/my/needs/${needId}/accept`)).statusCode, 200);
      assert.equal((await outbox('needs.volunteer_coming')).length, 1);
      const detail = (await staff('GET', `/api/needs/${needId}`)).json();
      assert.equal(detail.answer, 'accepted');
      assert.ok(detail.acceptedAt);
    });

    it('declines with a reason: back to matching, staff told, gone from the volunteer’s list', async () => {
      const id = await take({ description: '水龙头一直滴水' });
      await match(id);
      assert.equal((await me('POST', `/api/my/needs/${id}/decline`, { reason: '' })).statusCode, 400);
      const res = await me('POST', `/api/my/needs/${id}/decline`, { reason: '这周出差，去不了' });
      assert.equal(res.statusCode, 204, res.body);
      const n = (await staff('GET', `/api/needs/${id}`)).json();
      assert.equal(n.status, 'new');
      assert.equal(n.volunteerId, null);
      assert.equal(n.answer, 'declined');
      assert.equal(n.declineReason, '这周出差，去不了');
      assert.ok(n.events.some((e: any) => e.to === 'new' && e.note === '这周出差，去不了'));
      const told = (await outbox('needs.declined')).filter((o) => o.payload.needId === id);
      assert.ok(told.some((o) => o.recipient === t.a.phones.staff));
      assert.equal(told[0]!.payload.reason, '这周出差，去不了');
      assert.ok(!(await me('GET', '/api/my/needs')).json().some((x: any) => x.id === id));
      // Back to matching: it can be matched again (here to the same volunteer), and the decline is cleared.
      await match(id);
      assert.equal((await staff('GET', `/api/needs/${id}`)).json().answer, 'waiting');
    });

    it('done with minutes: one pending hours entry and one need contact; a second report is refused', async () => {
      const res = await me('POST', `/api/my/needs/${needId}/done`, { minutes: 45, note: '换了水龙头垫片' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'done');
      assert.equal(res.json().minutes, 45);
      assert.equal(res.json().residentPhone, null, 'the phone goes away once the work is done');
      const entries = await db()
        .selectFrom('hours_entry')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('source', '=', 'need')
        .where('source_id', '=', needId)
        .execute();
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.status, 'pending');
      assert.equal(entries[0]!.volunteer_id, myId);
      assert.equal(entries[0]!.raw_minutes, 45);
      const queue = (await staff('GET', '/api/hours/queue')).json();
      assert.ok(queue.items.some((e: any) => e.source === 'need' && e.minutes > 0));
      const contacts = await db()
        .selectFrom('contact')
        .selectAll()
        .where('community_id', '=', t.a.id)
        .where('kind', '=', 'need')
        .where('source_id', '=', needId)
        .execute();
      assert.equal(contacts.length, 1);
      assert.equal(contacts[0]!.resident_id, r['李泽钦']);
      assert.equal(contacts[0]!.volunteer_id, myId);
      assert.equal(contacts[0]!.occurred_on, todayInShanghai());
      const again = await me('POST', `/api/my/needs/${needId}/done`, { minutes: 45 });
      assert.equal(again.statusCode, 409);
      const counts = await Promise.all([
        db().selectFrom('hours_entry').select('id').where('source_id', '=', needId).execute(),
        db().selectFrom('contact').select('id').where('source_id', '=', needId).execute(),
      ]);
      assert.deepEqual(
        counts.map((c) => c.length),
        [1, 1],
      );
    });

    it('refuses bad minutes and work not yet due, writing nothing', async () => {
      const id = await take({
        preferredDate: addDays(todayInShanghai(), 3),
        preferredStart: '09:00',
        preferredEnd: '10:00',
      });
      await match(id);
      assert.equal((await me('POST', `/api/my/needs/${id}/accept`)).json().status, 'scheduled');
      for (const minutes of [0, -5, 1.5, 2000])
        assert.equal((await me('POST', `/api/my/needs/${id}/done`, { minutes })).statusCode, 400, String(minutes));
      const early = await me('POST', `/api/my/needs/${id}/done`, { minutes: 30 });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'need_not_started');
      assert.equal((await db().selectFrom('hours_entry').select('id').where('source_id', '=', id).execute()).length, 0);
    });

    it('tells the volunteer when staff cancel a need they had, and it leaves their list', async () => {
      const id = await take({ description: '下水道有味道' });
      await match(id);
      const res = await staff('POST', `/api/needs/${id}/move`, { to: 'cancelled', reason: '居民自己修好了' });
      assert.equal(res.statusCode, 204, res.body);
      const told = (await outbox('needs.released')).filter((o) => o.payload.needId === id);
      assert.deepEqual(told.map((o) => o.recipient).sort(), ['o-liu', myPhone].sort());
      assert.equal(told[0]!.payload.reason, '居民自己修好了');
      assert.ok(!(await me('GET', '/api/my/needs')).json().some((x: any) => x.id === id));
    });

    it('lets the resident rate the need on the phone', async () => {
      const res = await resident('POST', `/api/me/needs/${needId}/rating`, { stars: 5, comment: '很及时' });
      assert.equal(res.statusCode, 204, res.body);
      const mine = (await resident('GET', '/api/me/needs')).json();
      const n = mine.items.find((x: any) => x.id === needId);
      assert.equal(n.status, 'reviewed');
      assert.equal(n.rating, 5);
      assert.equal(n.volunteerName, '刘红梅');
    });

    it('tells every volunteer a batch matches', async () => {
      // A second volunteer so the batch has more than one to choose from.
      await insertVolunteer(db(), t.cipher, t.a.id, { name: '王师傅', phone: '13655550002' });
      const ids = [await take({ description: '马桶堵了' }), await take({ description: '暖气不热' })];
      const res = await staff('POST', '/api/needs/batch-match', { loadCap: 5, apply: true });
      assert.equal(res.statusCode, 200, res.body);
      const applied: string[] = res.json().applied;
      assert.ok(
        ids.every((id) => applied.includes(id)),
        res.body,
      );
      const sent = await outbox('needs.matched');
      for (const id of ids) {
        const n = (await staff('GET', `/api/needs/${id}`)).json();
        assert.equal(n.status, 'matched');
        assert.ok(
          sent.some((o) => o.payload.needId === id && o.channel === 'sms'),
          `a notice for ${id}`,
        );
      }
    });
  });
}
