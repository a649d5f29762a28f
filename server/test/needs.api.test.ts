// Needs on both databases: the hotline finds the caller, a need moves along its path and nowhere else, only an
// eligible volunteer is matched, ranking explains itself, batch matching respects the load cap, residents ask
// and rate for themselves and their family only, and the household survey counts what it reached.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { signInAs, signInAll, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { accountIdOf, addSkill, insertVolunteer } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { OPEN_NEED_STATUSES } from '../../domain/needs/needs.ts';
import { listNeeds, type NeedListFilter } from '../src/modules/needs/needs.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`needs API on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, gridLeader: Client, resident: Client, family: Client, otherStaff: Client;
    const v: Record<string, string> = {};
    const r: Record<string, string> = {};

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db,
        c = t.a.id;
      Object.assign(r, t.a.residents);
      // The resident account is 李泽钦 himself; the volunteer account's phone is his daughter's (a family contact).
      await db
        .updateTable('membership')
        .set({ resident_id: r['李泽钦']! })
        .where('community_id', '=', c)
        .where('account_id', '=', await accountIdOf(db, t.a.phones.resident))
        .execute();
      await db
        .insertInto('family_contact')
        .values({
          community_id: c,
          id: uuidv7(),
          resident_id: r['王秀英']!,
          name: '王女儿',
          relation: 'child',
          phone: t.a.phones.volunteer,
          is_primary: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
      // 张护士 lives in building 1 beside 李泽钦 (household 1); 赵护士 in grid two; 小明 is 12.
      v.near = await insertVolunteer(db, t.cipher, c, { name: '张护士', residentId: r['单雄信'] });
      v.far = await insertVolunteer(db, t.cipher, c, { name: '赵护士', residentId: r['欧阳文'] });
      v.child = await insertVolunteer(db, t.cipher, c, { name: '小明', birthDate: '2014-05-01' });
      v.pending = await insertVolunteer(db, t.cipher, c, { name: '钱待审', status: 'pending' });
      for (const id of [v.near, v.far])
        await addSkill(db, c, id!, 'nurse', { level: 'skilled', licenceNo: 'N-1', expiresOn: '2030-01-01' });
      [staff, gridLeader, resident, family] = await signInAll(t, ['staff', 'grid_leader', 'resident', 'volunteer']);
      otherStaff = await signInAs(t, 'staff', 'b');
    });
    after(async () => {
      await t.close();
    });

    const take = (who: Client, body: Record<string, unknown>) =>
      who('POST', '/api/needs', { channel: 'phone', category: 'medical', description: '量血压，换药', ...body });

    it('finds the caller by their own or a family contact’s phone, and takes a need in one request', async () => {
      const own = (await staff('GET', '/api/needs/caller?phone=13700000001')).json();
      assert.deepEqual(
        own.map((x: any) => x.name),
        ['李泽钦'],
      );
      assert.match(own[0].address, /1号楼1单元101/);
      const viaFamily = (await staff('GET', `/api/needs/caller?phone=${t.a.phones.volunteer}`)).json();
      assert.deepEqual(
        viaFamily.map((x: any) => [x.name, x.via]),
        [['王秀英', 'contact']],
      );
      assert.equal(own[0].via, 'phone');
      const res = await take(staff, { residentId: r['李泽钦'], callerPhone: '13700000001', urgency: 'urgent' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await staff('GET', '/api/needs/caller?phone=13700000001')).json()[0].openNeeds, 1);
      const list = (await staff('GET', '/api/needs?status=open')).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].residentName, '李泽钦');
    });

    it('refuses bad input and other people’s residents, changing nothing', async () => {
      const before = (await staff('GET', '/api/needs')).json().total;
      const bad = await take(staff, {
        residentId: r['李泽钦'],
        preferredDate: '2026-12-01',
        preferredStart: '10:00',
        preferredEnd: '09:00',
      });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().error.details.fields.some((f: any) => f.field === 'preferredEnd'));
      assert.equal(
        (await take(staff, { residentId: r['李泽钦'], skillCode: 'lawyer' })).statusCode,
        400,
        'a legal skill for a medical need',
      );
      assert.equal(
        (await take(otherStaff, { residentId: r['李泽钦'] })).statusCode,
        400,
        'another community’s resident is unknown',
      );
      // The grid leader looks after grid one; 吕建国 lives in grid two.
      const outside = await take(gridLeader, { residentId: r['吕建国'] });
      assert.equal(outside.statusCode, 403);
      assert.equal((await staff('GET', '/api/needs')).json().total, before);
    });

    it('moves a need only along its path, and matches only an eligible volunteer', async () => {
      const id = (
        await take(staff, {
          residentId: r['李泽钦'],
          skillCode: 'nurse',
          preferredDate: '2026-12-05',
          preferredStart: '09:00',
          preferredEnd: '10:00',
        })
      ).json().id;
      assert.equal((await staff('POST', `/api/needs/${id}/move`, { to: 'done' })).statusCode, 409);
      assert.equal(
        (await staff('POST', `/api/needs/${id}/move`, { to: 'cancelled' })).statusCode,
        400,
        'a cancellation says why',
      );
      assert.equal(
        (await staff('POST', `/api/needs/${id}/move`, { to: 'matched' })).statusCode,
        400,
        'matching goes through the match route',
      );
      const child = await staff('POST', `/api/needs/${id}/match`, { volunteerId: v.child });
      assert.equal(child.statusCode, 409);
      assert.match(child.json().error.message, /年龄不够/);
      assert.equal((await staff('POST', `/api/needs/${id}/match`, { volunteerId: v.pending })).statusCode, 409);
      assert.equal((await staff('POST', `/api/needs/${id}/match`, { volunteerId: v.near })).statusCode, 204);
      assert.equal(
        (await staff('POST', `/api/needs/${id}/move`, { to: 'scheduled' })).statusCode,
        400,
        'a schedule needs a time',
      );
      assert.equal(
        (await staff('POST', `/api/needs/${id}/move`, { to: 'scheduled', scheduledFor: '2026-12-05T09:00' }))
          .statusCode,
        204,
      );
      assert.equal((await staff('POST', `/api/needs/${id}/move`, { to: 'in_progress' })).statusCode, 204);
      assert.equal((await staff('POST', `/api/needs/${id}/move`, { to: 'done' })).statusCode, 204);
      // The resident rates it; then it is reviewed and goes nowhere else.
      assert.equal((await resident('POST', `/api/me/needs/${id}/rating`, { stars: 6 })).statusCode, 400);
      assert.equal(
        (await resident('POST', `/api/me/needs/${id}/rating`, { stars: 5, comment: '很细心' })).statusCode,
        204,
      );
      assert.equal((await staff('POST', `/api/needs/${id}/move`, { to: 'new' })).statusCode, 409);
      const detail = (await staff('GET', `/api/needs/${id}`)).json();
      assert.equal(detail.status, 'reviewed');
      assert.equal(detail.rating, 5);
      assert.deepEqual(
        detail.events.map((e: any) => e.to),
        ['new', 'matched', 'scheduled', 'in_progress', 'done', 'reviewed'],
      );
      const stats = (await staff('GET', '/api/needs/stats')).json();
      assert.equal(stats.timeToDone.count, 1);
      assert.equal(stats.rating.average, 5);
    });

    it('exports the filtered needs to Excel, audited', async () => {
      const res = await staff('GET', '/api/needs/export?status=reviewed');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['x-row-count'], '1');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const row = (wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1);
      assert.deepEqual([row[1], row[2], row[5], row[6], row[10]], ['李泽钦', '医疗护理', '已回访', '张护士', 5]);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', '=', 'need.export')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal((await resident('GET', '/api/needs/export')).statusCode, 403);
    });

    it('lets only one of two people who act at once move a need', async () => {
      const id = (await take(staff, { residentId: r['王秀英'] })).json().id;
      const [a, b] = await Promise.all([
        staff('POST', `/api/needs/${id}/move`, { to: 'declined', reason: '不在服务范围' }),
        staff('POST', `/api/needs/${id}/move`, { to: 'cancelled', reason: '家属已处理' }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [204, 409]);
      const events = (await staff('GET', `/api/needs/${id}`)).json().events;
      assert.equal(events.length, 2);
    });

    it('ranks eligible volunteers with explained scores, nearest first, leaving out the avoided', async () => {
      const id = (await take(staff, { residentId: r['李泽钦'], skillCode: 'nurse' })).json().id;
      const ranked = (await staff('GET', `/api/needs/${id}/candidates`)).json();
      assert.deepEqual(
        ranked.candidates.map((c: any) => c.name),
        ['张护士', '赵护士'],
      );
      for (const c of ranked.candidates)
        assert.equal(
          c.parts.reduce((s: number, p: any) => s + p.points, 0),
          c.score,
        );
      assert.ok(ranked.candidates[0].parts.some((p: any) => p.detail === 'match.nearness.same_building'));
      await t.db.handle.db
        .insertInto('match_preference')
        .values({
          community_id: t.a.id,
          resident_id: r['李泽钦']!,
          volunteer_id: v.near!,
          kind: 'avoid',
          created_at: new Date().toISOString(),
        })
        .execute();
      assert.deepEqual(
        (await staff('GET', `/api/needs/${id}/candidates`)).json().candidates.map((c: any) => c.name),
        ['赵护士'],
      );
      assert.equal(
        (await staff('POST', `/api/needs/${id}/match`, { volunteerId: v.near })).statusCode,
        409,
        'an avoided volunteer is never matched',
      );
      await t.db.handle.db.deleteFrom('match_preference').where('community_id', '=', t.a.id).execute();
      assert.equal(
        (await gridLeader('GET', `/api/needs/${id}/candidates`)).statusCode,
        403,
        'matching is the office’s',
      );
    });

    it('batch-matches every new need under the load cap, and says how it beats first come, first served', async () => {
      // Cancel what earlier tests left open, then three needs for two nurses with one place each.
      for (const n of (await staff('GET', '/api/needs?status=new')).json().items)
        await staff('POST', `/api/needs/${n.id}/move`, { to: 'cancelled', reason: '测试清理' });
      for (const name of ['李泽钦', '王秀英', '吕建国'])
        assert.equal((await take(staff, { residentId: r[name], skillCode: 'nurse' })).statusCode, 201);
      const preview = (await staff('POST', '/api/needs/batch-match', { loadCap: 1 })).json();
      assert.equal(preview.openNeeds, 3);
      assert.equal(preview.assignments.length, 2);
      assert.equal(new Set(preview.assignments.map((a: any) => a.volunteerId)).size, 2, 'nobody over the cap');
      assert.ok(preview.comparison.result.totalFit >= preview.comparison.fcfs.totalFit);
      assert.equal((await staff('GET', '/api/needs?status=matched')).json().total, 0, 'a preview changes nothing');
      // Make the need left without a nurse an emergency: urgency counts as days already waited, so now it is served.
      const left = preview.unmatched[0].needId;
      await t.db.handle.db.updateTable('need').set({ urgency: 'emergency' }).where('id', '=', left).execute();
      const again = (await staff('POST', '/api/needs/batch-match', { loadCap: 1 })).json();
      assert.ok(
        again.assignments.some((a: any) => a.needId === left),
        'the emergency is served',
      );
      assert.equal(again.assignments.length, 2);
      const applied = (await staff('POST', '/api/needs/batch-match', { loadCap: 1, apply: true })).json();
      assert.equal(applied.applied.length, 2);
      assert.equal((await staff('GET', '/api/needs?status=matched')).json().total, 2);
    });

    it('lets residents ask and rate for themselves and their family only', async () => {
      const mine = await resident('POST', '/api/me/needs', {
        residentId: r['李泽钦'],
        category: 'household',
        description: '帮忙修水龙头',
      });
      assert.equal(mine.statusCode, 201, mine.body);
      assert.equal(
        (
          await family('POST', '/api/me/needs', {
            residentId: r['王秀英'],
            category: 'household',
            description: '换灯泡',
          })
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await family('POST', '/api/me/needs', {
            residentId: r['李泽钦'],
            category: 'household',
            description: '换灯泡',
          })
        ).statusCode,
        403,
      );
      assert.deepEqual(
        (await family('GET', '/api/me/needs/for')).json().map((x: any) => [x.name, x.relation]),
        [['王秀英', 'family']],
      );
      assert.deepEqual(
        (await resident('GET', '/api/me/needs/for')).json().map((x: any) => [x.name, x.relation]),
        [['李泽钦', 'self']],
      );
      const list = (await family('GET', '/api/me/needs')).json();
      assert.ok(list.items.every((n: any) => n.residentName === '王秀英'));
      assert.equal(
        (await family('POST', `/api/me/needs/${mine.json().id}/rating`, { stars: 4 })).statusCode,
        404,
        'not theirs to rate',
      );
      assert.equal((await staff('GET', `/api/needs/${mine.json().id}`)).json().channel, 'online');
    });

    it('records the household survey and counts how much of each grid it reached', async () => {
      const [h0, , h2] = t.a.households;
      assert.equal(
        (
          await gridLeader('POST', '/api/survey/visits', {
            householdId: h0,
            visitedOn: '2026-11-20',
            needs: [{ category: 'medical', note: '需要定期量血压' }, { category: 'household' }],
          })
        ).statusCode,
        201,
      );
      assert.equal(
        (await gridLeader('POST', '/api/survey/visits', { householdId: h2, visitedOn: '2026-11-20', needs: [] }))
          .statusCode,
        403,
        'not the leader’s grid',
      );
      assert.equal(
        (
          await gridLeader('POST', '/api/survey/visits', {
            householdId: h0,
            visitedOn: '2026-11-20',
            needs: [{ category: 'medical' }, { category: 'medical' }],
          })
        ).statusCode,
        400,
      );
      const mine = (await gridLeader('GET', '/api/survey/progress?since=2026-01-01')).json();
      assert.deepEqual([mine.households, mine.surveyed, mine.share], [2, 1, 50]);
      const all = (await staff('GET', '/api/survey/progress?since=2026-01-01')).json();
      assert.deepEqual([all.households, all.surveyed], [4, 1]);
      assert.deepEqual(all.needs.map((n: any) => n.category).sort(), ['household', 'medical']);
      const history = (await staff('GET', `/api/households/${h0}/survey`)).json();
      assert.equal(history[0].needs.length, 2);
    });

    // The list's queries are compiled once per filter shape: 'open' (a set of statuses) after a single status, and no
    // status at all ('') after both, must each be answered as if built afresh.
    it('answers every status through the list compiled once per shape', async () => {
      const db = t.db.handle.db;
      const count = async (statuses?: readonly string[]) => {
        let q = db.selectFrom('need').where('community_id', '=', t.a.id);
        if (statuses) q = q.where('status', 'in', [...statuses]);
        return Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      };
      assert.ok((await count(OPEN_NEED_STATUSES)) > (await count(['new'])), 'open needs besides new ones');
      for (const status of ['new', 'open', 'matched', 'open', '', 'new']) {
        const { total } = await listNeeds(db, t.a.id, { status } as NeedListFilter, 1, 1);
        const want = await count(status === 'open' ? OPEN_NEED_STATUSES : status ? [status] : undefined);
        assert.equal(total, want, `status '${status}'`);
      }
    });
  });
}
