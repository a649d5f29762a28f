import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAll, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { makeIdNumber } from './factories.ts';
import { searchResidents } from '../src/modules/registry/registry.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`registry API on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let leader: Client;
    let admin: Client;
    before(async () => {
      t = await startTestApp(kind);
      [staff, leader, admin] = await signInAll(t, ['staff', 'grid_leader', 'community_admin']);
    });
    after(async () => {
      await t.close();
    });

    it('summarises the caller’s community only', async () => {
      const res = await staff('GET', '/api/registry/summary');
      assert.equal(res.statusCode, 200);
      const s = res.json();
      assert.deepEqual(
        {
          grids: s.grids,
          buildings: s.buildings,
          households: s.households,
          dibaoHouseholds: s.dibaoHouseholds,
          residents: s.residents,
          residentsAged60Plus: s.residentsAged60Plus,
        },
        { grids: 2, buildings: 2, households: 4, dibaoHouseholds: 1, residents: 6, residentsAged60Plus: 3 },
      );
      assert.equal(s.specialGroups.dementia, 1);
      assert.equal(s.specialGroups.empty_nest, 2);
    });

    it('finds a resident by full pinyin, by initials, by characters and by phone tail', async () => {
      for (const q of ['lizeqin', 'lzq', 'LZQ', '泽钦', '0001']) {
        const res = await staff('GET', `/api/residents?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, q);
        assert.deepEqual(
          res.json().items.map((r: any) => r.name),
          ['李泽钦'],
          q,
        );
      }
      // Surnames read as surnames: 单 → shan, 曾 → zeng, 吕 → lv.
      assert.deepEqual(
        (await staff('GET', '/api/residents?q=shanxiongxin')).json().items.map((r: any) => r.name),
        ['单雄信'],
      );
      assert.deepEqual(
        (await staff('GET', '/api/residents?q=zxh')).json().items.map((r: any) => r.name),
        ['曾小红'],
      );
      assert.deepEqual(
        (await staff('GET', '/api/residents?q=lvjianguo')).json().items.map((r: any) => r.name),
        ['吕建国'],
      );
    });

    it('filters by age, group and grid, and pages', async () => {
      const old = (await staff('GET', '/api/residents?ageMin=60')).json();
      assert.equal(old.total, 3);
      const young = (await staff('GET', '/api/residents?ageMax=17')).json();
      assert.deepEqual(
        young.items.map((r: any) => r.name),
        ['曾小红'],
      );
      const dementia = (await staff('GET', '/api/residents?group=dementia')).json();
      assert.deepEqual(
        dementia.items.map((r: any) => r.name),
        ['李泽钦'],
      );
      const grid2 = (await staff('GET', `/api/residents?gridId=${t.a.grids[1]}`)).json();
      assert.equal(grid2.total, 3);
      // The list's query is compiled once per filter shape: the same shape with another grid, and an empty search
      // (read as absent, not as a search for ''), must each get their own answer.
      const grid1 = (await staff('GET', `/api/residents?gridId=${t.a.grids[0]}&pageSize=2&page=2`)).json();
      assert.equal(grid1.total, 3);
      assert.ok(grid1.items.every((r: any) => r.gridId === t.a.grids[0]));
      assert.ok(grid2.items.every((r: any) => r.gridId === t.a.grids[1]));
      const blank = await staff('GET', '/api/residents?q=&pageSize=2&page=2');
      assert.equal(blank.statusCode, 200, blank.body);
      assert.equal(blank.json().total, 6);
      // Below the routes too (other modules call the repository): '' is no filter, even after a real value compiled
      // the same shape.
      const f = { communityId: t.a.id, scopeGridId: null };
      assert.ok((await searchResidents(t.db.handle.db, { ...f, gender: 'female' }, 1, 20)).total < 6);
      assert.equal((await searchResidents(t.db.handle.db, { ...f, gender: '' }, 1, 20)).total, 6);
      const households = async (q: string) =>
        (await staff('GET', `/api/households?pageSize=1&page=2${q}`)).json().total as number;
      const inGrids = [await households(`&gridId=${t.a.grids[0]}`), await households(`&gridId=${t.a.grids[1]}`)];
      assert.ok(inGrids.every((n) => n > 0));
      assert.equal(inGrids[0]! + inGrids[1]!, await households(''));
      const p = (await staff('GET', '/api/residents?pageSize=2&page=2')).json();
      assert.equal(p.items.length, 2);
      assert.equal(p.total, 6);
      // The total is counted apart from the page: a full first page, a short last one and one past the end all
      // carry it, and the pages follow each other in the whole list's order.
      const pages = [];
      for (const n of [1, 2, 3, 4]) pages.push((await staff('GET', `/api/residents?pageSize=2&page=${n}`)).json());
      assert.deepEqual(
        pages.map((x) => [x.items.length, x.total]),
        [
          [2, 6],
          [2, 6],
          [2, 6],
          [0, 6],
        ],
      );
      const all = (await staff('GET', '/api/residents?pageSize=50')).json();
      assert.deepEqual(
        pages.flatMap((x) => x.items.map((r: any) => r.id)),
        all.items.map((r: any) => r.id),
      );
      assert.equal(all.total, 6);
      assert.equal((await staff('GET', '/api/residents?pageSize=4&page=2')).json().total, 6);
    });

    it('masks ID numbers in lists and reveals them only on request, with an audit entry', async () => {
      const id = t.a.residents['李泽钦']!;
      const detail = (await staff('GET', `/api/residents/${id}`)).json();
      assert.match(detail.idNumber, /^610302\*{8}\d{3}[\dX]$/);
      assert.ok(!JSON.stringify(detail).includes(t.a.idNumbers['李泽钦']!));
      const reveal = await staff('GET', `/api/residents/${id}/sensitive`);
      assert.equal(reveal.statusCode, 200);
      assert.equal(reveal.json().idNumber, t.a.idNumbers['李泽钦']);
      assert.deepEqual(reveal.json().health.conditions, ['阿尔茨海默病']);
      assert.equal(reveal.json().dibao, true);
      const log = (await admin('GET', `/api/audit?action=resident.sensitive_read&entityId=${id}`)).json();
      assert.equal(log.total, 1);
      assert.deepEqual(log.items[0].detail.fields, ['idNumber', 'health', 'disability', 'dibao']);
      // Stored encrypted: the plain number is nowhere in the row.
      const row = await t.db.handle.db
        .selectFrom('resident')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(t.a.idNumbers['李泽钦']!));
      assert.ok(!JSON.stringify(row).includes('阿尔茨海默病'));
    });

    it('shows a grid leader only their grid, with sensitive fields masked', async () => {
      const list = (await leader('GET', '/api/residents')).json();
      assert.deepEqual(list.items.map((r: any) => r.name).sort(), ['单雄信', '李泽钦', '王秀英'].sort());
      const li = list.items.find((r: any) => r.name === '李泽钦');
      assert.deepEqual(li.specialGroups, ['empty_nest']); // dementia hidden
      const other = t.a.residents['吕建国']!;
      const res = await leader('GET', `/api/residents/${other}`);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'out_of_scope');
      const detail = (await leader('GET', `/api/residents/${li.id}`)).json();
      assert.equal(detail.householdDibao, null);
      assert.equal(detail.hasHealth, null);
      assert.equal((await leader('GET', `/api/residents/${li.id}/sensitive`)).statusCode, 403);
      assert.equal((await leader('GET', '/api/residents?group=dementia')).statusCode, 403);
      const hh = (await leader('GET', '/api/households')).json();
      assert.equal(hh.total, 2);
      assert.ok(hh.items.every((h: any) => h.dibao === null));
      const grids = (await leader('GET', '/api/grids')).json();
      assert.equal(grids.length, 1);
    });

    it('never shows one community anything of another', async () => {
      const otherResident = t.b.residents['李泽钦']!;
      const res = await staff('GET', `/api/residents/${otherResident}`);
      assert.equal(res.statusCode, 404);
      const search = (await staff('GET', '/api/residents?q=lzq')).json();
      assert.deepEqual(
        search.items.map((r: any) => r.id),
        [t.a.residents['李泽钦']],
      );
      const hh = await staff('GET', `/api/households/${t.b.households[0]}`);
      assert.equal(hh.statusCode, 404);
      const write = await staff('POST', '/api/residents', {
        householdId: t.b.households[0],
        name: '张三',
        gender: 'male',
        birthDate: '1980-01-01',
        relationToHead: 'head',
      });
      assert.equal(write.statusCode, 404);
    });

    it('adds a household and a resident, and refuses bad input without changing anything', async () => {
      const hh = await staff('POST', '/api/households', {
        buildingId: t.a.buildings[0],
        unit: '2',
        room: '301',
        dibao: false,
      });
      assert.equal(hh.statusCode, 201, hh.body);
      const householdId = hh.json().id;
      const before = (await staff('GET', '/api/registry/summary')).json().residents;
      const idNumber = makeIdNumber('1956-08-08', 'female', 40);
      const ok = await staff('POST', '/api/residents', {
        householdId,
        name: '张桂兰',
        gender: 'female',
        birthDate: '1956-08-08',
        phone: '+86 139-1234-5678',
        idNumber,
        relationToHead: 'head',
        specialGroups: ['living_alone'],
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const created = (await staff('GET', `/api/residents/${ok.json().id}`)).json();
      assert.equal(created.phone, '13912345678');
      assert.equal((await staff('GET', '/api/residents?q=zgl')).json().total, 1);

      const bad = [
        [{ phone: '12345' }, 'phone', 'invalid.phone'],
        [{ idNumber: idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1') }, 'idNumber', 'checksum'],
        [{ birthDate: '1956-02-30', idNumber: null }, 'birthDate', 'date'],
        [{ birthDate: '2999-01-01', idNumber: null }, 'birthDate', 'birth'],
        [{ idNumber: makeIdNumber('1960-01-01', 'female', 41) }, 'idNumber', 'mismatch'],
        [{ name: "Robert'); DROP TABLE resident;--" }, 'name', 'name'],
        [{ name: '<script>alert(1)</script>' }, 'name', 'name'],
      ] as const;
      for (const [change, field] of bad) {
        const res = await staff('POST', '/api/residents', {
          householdId,
          name: '赵六',
          gender: 'female',
          birthDate: '1956-08-08',
          relationToHead: 'spouse',
          ...change,
        });
        assert.equal(res.statusCode, 400, `${JSON.stringify(change)} → ${res.body}`);
        const body = res.json();
        assert.equal(body.error.code, 'validation');
        assert.ok(
          body.error.details.fields.some((f: any) => f.field === field),
          `${field} named in ${res.body}`,
        );
        assert.match(body.error.message, /[\u4e00-\u9fa5]/, 'message in Chinese by default');
      }
      const dup = await staff('POST', '/api/residents', {
        householdId,
        name: '张桂兰',
        gender: 'female',
        birthDate: '1956-08-08',
        idNumber,
        relationToHead: 'head',
      });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'duplicate_id_number');
      const en = await staff(
        'POST',
        '/api/residents',
        { householdId, name: '赵六', gender: 'female', birthDate: '1956-08-08', relationToHead: 'spouse', phone: '1' },
        { 'accept-language': 'en-US,en;q=0.9' },
      );
      assert.match(en.json().error.details.fields[0].message, /mobile number/);
      assert.equal((await staff('GET', '/api/registry/summary')).json().residents, before + 1);
    });

    it('edits a resident and keeps contacts and consents', async () => {
      const id = t.a.residents['王秀英']!;
      const patch = await staff('PATCH', `/api/residents/${id}`, { phone: '13911112222', note: '需要定期探访' });
      assert.equal(patch.statusCode, 204, patch.body);
      const c = await staff('POST', `/api/residents/${id}/contacts`, {
        name: '李明',
        relation: '儿子',
        phone: '13922223333',
        isPrimary: true,
      });
      assert.equal(c.statusCode, 201, c.body);
      const k = await staff('POST', `/api/residents/${id}/consents`, {
        purpose: 'sensitive_data',
        givenByName: '王秀英',
        givenByRelation: '本人',
      });
      assert.equal(k.statusCode, 201, k.body);
      const w = await staff('POST', `/api/residents/${id}/consents/${k.json().id}/withdraw`);
      assert.equal(w.statusCode, 204);
      const d = (await staff('GET', `/api/residents/${id}`)).json();
      assert.equal(d.phone, '13911112222');
      assert.equal(d.note, '需要定期探访');
      assert.equal(d.familyContacts[0].name, '李明');
      assert.ok(d.consents[0].withdrawnAt);
      const patchOnlyNote = await staff('PATCH', `/api/households/${t.a.households[0]}`, { note: '一楼' });
      assert.equal(patchOnlyNote.statusCode, 204);
      // An edit that names only the note leaves dibao as it was.
      assert.equal((await staff('GET', `/api/households/${t.a.households[0]}`)).json().dibao, true);
    });

    it('lets a grid leader edit in their grid but not outside it', async () => {
      const mine = await leader('PATCH', `/api/residents/${t.a.residents['单雄信']}`, { phone: '13933334444' });
      assert.equal(mine.statusCode, 204, mine.body);
      const theirs = await leader('PATCH', `/api/residents/${t.a.residents['欧阳文']}`, { phone: '13933334444' });
      assert.equal(theirs.statusCode, 403);
    });

    it('keeps an audit chain that verifies, and detects tampering', async () => {
      const ok = (await admin('GET', '/api/audit/verify')).json();
      assert.equal(ok.ok, true);
      assert.ok(ok.checked >= 5);
      await t.db.handle.db
        .updateTable('audit_log')
        .set({ actor_name: 'someone else' })
        .where('community_id', '=', t.a.id)
        .where('seq', '=', 2)
        .execute();
      const broken = (await admin('GET', '/api/audit/verify')).json();
      assert.deepEqual([broken.ok, broken.brokenAt], [false, 2]);
      assert.equal((await staff('GET', '/api/audit')).statusCode, 403);
    });
  });
}
