// Excel import and export of the registry, through the HTTP API on real databases, plus property tests for the
// cell escape and the row parser.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { residentInput } from '../../domain/registry/schemas.ts';
import { hasMessage } from '../src/platform/i18n.ts';
import { cellText, dateText, escapeCell, unescapeCell } from '../src/platform/excel.ts';
import { parseRosterRow, ROSTER_COLUMNS, type RosterField } from '../src/modules/registry/registry.excel.ts';
import { signInAll, startTestApp, xlsxUpload, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { makeIdNumber } from './factories.ts';

type RosterRow = Partial<Record<RosterField, unknown>>;

/** A roster as people fill it in: the template's headers, then one row per resident. */
async function rosterFile(rows: RosterRow[], opts: { textIds?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民名单');
  ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(ROSTER_COLUMNS.map((c) => (r[c.field] ?? null) as ExcelJS.CellValue));
  if (opts.textIds !== false) ws.getColumn(ROSTER_COLUMNS.findIndex((c) => c.field === 'idNumber') + 1).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const multipart = (content: Buffer, fileName = 'roster.xlsx') => xlsxUpload(content, fileName);

async function readWorkbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Data rows of the first sheet (after the header) as arrays of cell values. */
function sheetRows(wb: ExcelJS.Workbook): unknown[][] {
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const kind of testDatabaseKinds()) {
  describe(`registry Excel on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let leader: Client;
    let admin: Client;
    let volunteer: Client;
    const upload = (who: Client, file: Buffer, fileName?: string, headers: Record<string, string> = {}) => {
      const m = multipart(file, fileName);
      return who('POST', '/api/registry/import', m.payload, { ...m.headers, ...headers });
    };
    const counts = async () => {
      const db = t.db.handle.db;
      const n = async (table: 'resident' | 'household') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('community_id', '=', t.a.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { residents: await n('resident'), households: await n('household') };
    };

    before(async () => {
      t = await startTestApp(kind);
      [staff, leader, admin, volunteer] = await signInAll(t, ['staff', 'grid_leader', 'community_admin', 'volunteer']);
    });
    after(async () => {
      await t.close();
    });

    it('serves a template that imports once filled in, skipping its note and example rows', async () => {
      const res = await staff('GET', '/api/registry/import/template');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], XLSX);
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="roster-template\.xlsx"; filename\*=UTF-8''%E5%B1%85%E6%B0%91/,
      );
      const wb = await readWorkbook(res.rawPayload);
      const ws = wb.getWorksheet('居民名单')!;
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
        '楼幢',
        '单元',
        '室',
        '低保户',
        '流动人口',
        '姓名',
        '性别',
        '出生日期',
        '与户主关系',
        '手机号',
        '身份证号',
        '特殊群体',
        '健康状况',
        '残疾类别',
        '备注',
      ]);
      assert.match(String(ws.getRow(2).getCell(1).value), /Building/);
      assert.equal(ws.getRow(3).getCell(6).value, '张桂兰');
      const lists = new Set(
        Object.values((ws as any).dataValidations.model as Record<string, { type: string; formulae: string[] }>)
          .filter((v) => v.type === 'list')
          .map((v) => v.formulae[0]),
      );
      assert.ok(
        lists.has('"是,否"') && lists.has('"男,女"') && [...lists].some((f) => f.startsWith('"户主,配偶')),
        [...lists].join(' | '),
      );
      assert.equal(
        (ws as any).dataValidations.model.E20003?.formulae[0],
        '"是,否"',
        'lists reach the last row an import accepts',
      );
      // The caller's buildings are offered as a list.
      assert.deepEqual(
        [1, 2].map((r) => wb.getWorksheet('楼幢')!.getCell(r, 1).value),
        ['1号楼', '2号楼'],
      );

      const fill = (n: number, values: unknown[]) =>
        values.forEach((v, i) => {
          ws.getRow(n).getCell(i + 1).value = v as ExcelJS.CellValue;
        });
      fill(4, [
        '2号楼',
        '3',
        '301',
        '否',
        '是',
        '马晓东',
        '男',
        new Date('1979-04-05T00:00:00Z'),
        '户主',
        '13811112222',
        makeIdNumber('1979-04-05', 'male', 70),
        '',
        '',
        '',
        '',
      ]);
      fill(5, [
        '2号楼',
        '3',
        '301',
        '',
        '',
        '马小雨',
        '女',
        '2012-06-01',
        '女儿',
        '',
        '',
        '外来务工人员子女',
        '',
        '',
        '',
      ]);
      const before = await counts();
      const imp = await upload(staff, Buffer.from(await wb.xlsx.writeBuffer()), '居民导入模板.xlsx');
      assert.equal(imp.statusCode, 201, imp.body);
      assert.deepEqual(imp.json(), { rows: 2, residents: 2, households: { created: 1, existing: 0 } });
      assert.deepEqual(await counts(), { residents: before.residents + 2, households: before.households + 1 });
      assert.equal(
        (await staff('GET', '/api/residents?q=zhangguilan')).json().total,
        0,
        'the example row is not imported',
      );
      const household = (await staff('GET', `/api/households?buildingId=${t.a.buildings[1]}&isMigrant=true`))
        .json()
        .items.find((h: any) => h.room === '301');
      assert.equal(household.memberCount, 2);
      assert.equal(household.headName, '马晓东');
    });

    it('imports a good roster: new and old households, pinyin search, fields encrypted, one audit', async () => {
      const before = await counts();
      const ids = { shan: makeIdNumber('1946-10-10', 'male', 71), qin: makeIdNumber('1988-02-29', 'female', 72) };
      const file = await rosterFile([
        // Joins household 0 (1号楼 1-101, on dibao): dibao left blank.
        {
          building: '1号楼',
          unit: '1',
          room: '101',
          name: '单田芳',
          gender: '男',
          birthDate: new Date('1946-10-10T00:00:00Z'),
          relationToHead: '父母',
          phone: 13700005555,
          idNumber: ids.shan,
          specialGroups: '空巢老人，慢性病',
          health: '高血压、糖尿病',
          disability: '肢体二级',
          note: '耳背，敲门要大声',
        },
        // A new household, written the way people write: “1栋”, “2单元”, “502室”, full-width digits in the phone.
        {
          building: '1栋',
          unit: '2单元',
          room: '502室',
          dibao: '是',
          migrant: '否',
          name: '覃小燕',
          gender: '女',
          birthDate: '1988/2/29',
          relationToHead: '户主',
          phone: '１３９ ００００ ７７７７',
          idNumber: ids.qin.toLowerCase(),
        },
        {
          building: '1号楼',
          unit: '2',
          room: '502',
          dibao: '是',
          name: '司马光明',
          gender: 'male',
          birthDate: '20150301',
          relationToHead: '儿子',
          specialGroups: '',
        },
        {
          building: '2号楼',
          unit: '1',
          room: '202',
          name: '吕丽',
          gender: '女',
          birthDate: '1950-12-12',
          relationToHead: '户主',
          specialGroups: '独居老人',
        },
      ]);
      const res = await upload(staff, file, '西关社区-居民.xlsx');
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json(), { rows: 4, residents: 4, households: { created: 2, existing: 1 } });
      assert.deepEqual(await counts(), { residents: before.residents + 4, households: before.households + 2 });

      for (const [q, name] of [
        ['shantianfang', '单田芳'],
        ['stf', '单田芳'],
        ['qinxiaoyan', '覃小燕'],
        ['smgm', '司马光明'],
        ['lvli', '吕丽'],
      ] as const) {
        assert.deepEqual(
          (await staff('GET', `/api/residents?q=${q}`)).json().items.map((r: any) => r.name),
          [name],
          q,
        );
      }
      const shan = (await staff('GET', '/api/residents?q=shantianfang')).json().items[0];
      assert.equal(shan.householdId, t.a.households[0]);
      assert.equal(shan.phone, '13700005555');
      assert.deepEqual(shan.specialGroups.sort(), ['chronic_illness', 'empty_nest']);
      assert.match(shan.idNumber, /^610302\*{8}\d{3}[\dX]$/);
      const reveal = (await staff('GET', `/api/residents/${shan.id}/sensitive`)).json();
      assert.deepEqual(
        [reveal.idNumber, reveal.health, reveal.disability],
        [ids.shan, { conditions: ['高血压', '糖尿病'] }, { kind: '肢体', grade: '2' }],
      );
      const row = await t.db.handle.db
        .selectFrom('resident')
        .selectAll()
        .where('id', '=', shan.id)
        .executeTakeFirstOrThrow();
      const stored = JSON.stringify(row);
      assert.ok(
        !stored.includes(ids.shan) && !stored.includes('高血压') && !stored.includes('肢体'),
        'sensitive fields are not stored in the clear',
      );
      assert.equal(row.note, '耳背，敲门要大声');
      // Health-related tags are tokens, not codes.
      const tags = await t.db.handle.db
        .selectFrom('resident_tag')
        .select('tag')
        .where('resident_id', '=', shan.id)
        .execute();
      assert.ok(
        tags.some((x) => x.tag === 'empty_nest') &&
          tags.some((x) => x.tag.startsWith('t:')) &&
          !tags.some((x) => x.tag === 'chronic_illness'),
      );

      const qin = (await staff('GET', '/api/residents?q=qinxiaoyan')).json().items[0];
      assert.equal(qin.phone, '13900007777');
      const smgm = (await staff('GET', '/api/residents?q=smgm')).json().items[0];
      assert.equal(smgm.householdId, qin.householdId, 'rows at one address make one household');
      const hh = (await staff('GET', `/api/households/${qin.householdId}`)).json();
      assert.deepEqual([hh.unit, hh.room, hh.dibao, hh.isMigrant, hh.memberCount], ['2', '502', true, false, 2]);
      assert.equal(
        (
          await staff('GET', `/api/residents/${(await staff('GET', '/api/residents?q=lvli')).json().items[0].id}`)
        ).json().gridId,
        t.a.grids[1],
      );

      const log = (await admin('GET', '/api/audit?action=registry.import')).json();
      const entry = log.items.find((e: any) => e.detail.file === '西关社区-居民.xlsx');
      assert.ok(entry, JSON.stringify(log.items.map((e: any) => e.detail)));
      assert.deepEqual(
        [entry.detail.rows, entry.detail.residents, entry.detail.households, entry.detail.existingHouseholds],
        [4, 4, 2, 1],
      );
      assert.equal((await admin('GET', '/api/audit/verify')).json().ok, true);
    });

    it('refuses a roster with bad rows, listing each row and field, and writes nothing', async () => {
      const before = await counts();
      const good = {
        building: '2号楼',
        unit: '5',
        room: '501',
        name: '赵敏',
        gender: '女',
        birthDate: '1970-01-01',
        relationToHead: '户主',
      };
      const okId = makeIdNumber('1961-03-03', 'male', 80);
      const badChecksum = okId.slice(0, 17) + (okId[17] === '1' ? '2' : '1');
      const dupInFile = makeIdNumber('1962-04-04', 'female', 81);
      const file = await rosterFile([
        { ...good, name: '甲一', phone: '12345', birthDate: '1950-07-02', idNumber: t.a.idNumbers['王秀英'] }, // row 2
        { ...good, name: '甲二', gender: '男', birthDate: '1961-03-03', idNumber: badChecksum }, // row 3
        { ...good, name: '甲三', gender: '男', birthDate: '1961-03-04', idNumber: okId }, // row 4
        { ...good, name: '甲四', building: '99号楼' }, // row 5
        { ...good, name: '甲五', birthDate: '1962-04-04', idNumber: dupInFile }, // row 6
        { ...good, name: '甲六', birthDate: '1962-04-04', idNumber: dupInFile }, // row 7
        { ...good, name: '甲七', gender: '男', birthDate: '1948-03-15', idNumber: t.a.idNumbers['李泽钦'] }, // row 8
        { ...good, name: '甲八', birthDate: '1956-02-30' }, // row 9
        { ...good, name: '<script>alert(1)</script>' }, // row 10
        { ...good, name: '甲十', dibao: '否' }, // row 11 (good)
        { ...good, name: '甲十一', dibao: '是', relationToHead: '表亲' }, // row 12
        { ...good, name: '甲十二', gender: '未知', specialGroups: '贫困户' }, // row 13
      ]);
      const res = await upload(staff, file);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.error.code, 'validation');
      const fields: Array<{ row: number; field: string; column: string; message: string; sameAsRow?: number }> =
        body.error.details.fields;
      const expected: Array<[number, string, RegExp]> = [
        [2, 'phone', /手机号/],
        [2, 'idNumber', /已有相同身份证号/],
        [3, 'idNumber', /校验位/],
        [4, 'idNumber', /出生日期/],
        [5, 'building', /没有这个楼幢/],
        [7, 'idNumber', /重复/],
        [8, 'idNumber', /已有相同身份证号/],
        [9, 'birthDate', /日期/],
        [10, 'name', /姓名/],
        [12, 'dibao', /不一致/],
        [12, 'relationToHead', /户主/],
        [13, 'gender', /男/],
        [13, 'specialGroups', /空巢老人/],
      ];
      for (const [row, field, message] of expected) {
        const f = fields.find((x) => x.row === row && x.field === field);
        assert.ok(f, `row ${row} ${field} missing from ${JSON.stringify(fields)}`);
        assert.match(f.message, message, `row ${row} ${field}: ${f.message}`);
      }
      assert.equal(fields.find((x) => x.row === 7)!.sameAsRow, 6);
      assert.equal(fields.find((x) => x.row === 12 && x.field === 'dibao')!.sameAsRow, 11);
      assert.equal(fields.find((x) => x.row === 2)!.column, '手机号');
      assert.deepEqual(
        [...new Set(fields.map((x) => x.row))].sort((a, b) => a - b),
        [2, 3, 4, 5, 7, 8, 9, 10, 12, 13],
        'good rows are not listed',
      );
      assert.deepEqual([body.error.details.rows, body.error.details.badRows], [12, 10]);
      assert.deepEqual(await counts(), before, 'nothing written');
      assert.equal((await staff('GET', '/api/residents?q=zhaomin')).json().total, 0);

      const en = await upload(staff, file, 'roster.xlsx', { 'accept-language': 'en' });
      assert.match(en.json().error.details.fields.find((x: any) => x.row === 7).message, /another row/);
    });

    it('keeps every Chinese character of a large roster intact', async () => {
      // Enough text that the shared strings span many 16 KB chunks: exceljs's streaming reader garbles characters
      // split between two chunks, so this fails if the import ever goes back to it.
      const rows: RosterRow[] = [];
      const given = '秀英桂兰建国志强海燕丽华';
      for (let i = 0; i < 1500; i++) {
        rows.push({
          building: '2号楼',
          unit: '9',
          room: String(100 + Math.floor(i / 5)),
          name: `欧阳${given[i % given.length]}${given[(i * 7) % given.length]}`,
          gender: i % 2 ? '女' : '男',
          birthDate: '1990-01-01',
          relationToHead: i % 5 ? '其他' : '户主',
          note: `第${i}位居民：住在宝福路，需要每周上门探访一次，联系家属请先打电话。`,
          health: '高血压、冠心病、慢性支气管炎',
        });
      }
      const res = await upload(staff, await rosterFile(rows));
      assert.equal(res.statusCode, 201, res.body.slice(0, 500));
      const notes = await t.db.handle.db
        .selectFrom('resident')
        .select('note')
        .where('community_id', '=', t.a.id)
        .where('note', 'like', '第%位居民%')
        .execute();
      assert.equal(notes.length, 1500);
      assert.ok(
        notes.every((n) => /^第\d+位居民：住在宝福路，需要每周上门探访一次，联系家属请先打电话。$/.test(n.note!)),
        'no character garbled',
      );
    });

    it('refuses a file that is not an .xlsx with a clear message', async () => {
      for (const bytes of [
        Buffer.from('姓名,性别\n张三,男\n'),
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(400, 7)]),
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      ]) {
        const res = await upload(staff, bytes, 'roster.xlsx');
        assert.equal(res.statusCode, 415, res.body);
        assert.equal(res.json().error.code, 'unsupported_file');
        assert.match(res.json().error.message, /Excel（\.xlsx）/);
      }
      const json = await staff('POST', '/api/registry/import', { file: 'x' });
      assert.equal(json.statusCode, 415);
      // A workbook whose directory claims it unpacks to gigabytes is refused before anything is inflated.
      const bomb = await rosterFile([
        {
          building: '1号楼',
          unit: '1',
          room: '1',
          name: '孙一',
          gender: '男',
          birthDate: '1990-01-01',
          relationToHead: '户主',
        },
      ]);
      for (
        let p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        p >= 0;
        p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)
      )
        bomb.writeUInt32LE(0xfffffff0, p + 24);
      const refused = await upload(staff, bomb);
      assert.equal(refused.statusCode, 413, refused.body);
      assert.equal(refused.json().error.code, 'unpacked_too_large');
      assert.match(refused.json().error.message, /解压后超过 50 MB/);
      // A real workbook without a roster in it.
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['a', 'b', 'c']);
      const noHeader = await upload(staff, Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(noHeader.statusCode, 400);
      assert.match(noHeader.json().error.details.fields[0].message, /表头/);
      // A roster missing a required column says which.
      const wb2 = new ExcelJS.Workbook();
      wb2.addWorksheet('居民').addRow(['楼幢', '单元', '室', '姓名', '性别']);
      const missing = (await upload(staff, Buffer.from(await wb2.xlsx.writeBuffer()))).json().error.details.fields;
      assert.deepEqual(missing.map((f: any) => f.column).sort(), ['与户主关系', '出生日期'].sort());
    });

    it('refuses an oversized upload with 413 in the caller’s language', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 1);
      const res = await upload(staff, big);
      assert.equal(res.statusCode, 413, res.body.slice(0, 300));
      assert.equal(res.json().error.code, 'payload_too_large');
      assert.match(res.json().error.message, /文件过大，最大 10 MB/);
      const en = await upload(staff, big, 'roster.xlsx', { 'accept-language': 'en-GB' });
      assert.match(en.json().error.message, /too large; at most 10 MB/);
    });

    it('lets a grid leader import into their own grid only', async () => {
      const before = await counts();
      const row = { unit: '7', room: '701', gender: '男', birthDate: '1980-08-08', relationToHead: '户主' };
      const theirs = await upload(
        leader,
        await rosterFile([
          { ...row, building: '1号楼', name: '钱一' },
          { ...row, building: '2号楼', name: '钱二' },
        ]),
      );
      assert.equal(theirs.statusCode, 403, theirs.body);
      assert.equal(theirs.json().error.code, 'out_of_scope');
      assert.deepEqual(
        theirs.json().error.details.fields.map((f: any) => [f.row, f.field]),
        [[3, 'building']],
      );
      assert.match(theirs.json().error.details.fields[0].message, /不在您负责的网格/);
      assert.deepEqual(await counts(), before);
      const mine = await upload(leader, await rosterFile([{ ...row, building: '1号楼', name: '钱一' }]));
      assert.equal(mine.statusCode, 201, mine.body);
      // A grid leader's template offers only their grid's buildings.
      const wb = await readWorkbook((await leader('GET', '/api/registry/import/template')).rawPayload);
      assert.equal(wb.getWorksheet('楼幢')!.rowCount, 1);
    });

    it('exports residents as a workbook: the filtered rows, masked ID numbers, and an audit entry', async () => {
      const res = await staff('GET', '/api/registry/export/residents?ageMin=60');
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], XLSX);
      assert.match(
        String(res.headers['content-disposition']),
        /filename\*=UTF-8''%E5%B1%85%E6%B0%91%E5%90%8D%E5%8D%95-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      assert.equal(res.headers['cache-control'], 'no-store');
      const wb = await readWorkbook(res.rawPayload);
      assert.deepEqual((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1), [
        '姓名',
        '性别',
        '出生日期',
        '年龄',
        '手机号',
        '身份证号',
        '网格',
        '地址',
        '特殊群体',
      ]);
      const rows = sheetRows(wb);
      const api = (await staff('GET', '/api/residents?ageMin=60&pageSize=200')).json();
      assert.equal(rows.length, api.total);
      assert.deepEqual(rows.map((r) => r[0]).sort(), api.items.map((r: any) => r.name).sort());
      assert.ok(rows.every((r) => Number(r[3]) >= 60));
      const li = rows.find((r) => r[0] === '李泽钦')!;
      assert.match(String(li[5]), /^610302\*{8}\d{3}[\dX]$/);
      assert.equal(li[6], '第一网格');
      assert.ok(String(li[8]).includes('失智老人'), 'staff may see sensitive groups');
      const plain = Object.values(t.a.idNumbers);
      assert.ok(!rows.some((r) => plain.includes(String(r[5]))), 'no ID number in the clear');
      const log = (await admin('GET', '/api/audit?action=registry.export')).json();
      assert.deepEqual(
        [log.items[0].entityType, log.items[0].detail.filter, log.items[0].detail.rows],
        ['resident', { ageMin: 60 }, rows.length],
      );

      // A grid leader gets their grid, with sensitive groups hidden as the API hides them.
      const mine = sheetRows(await readWorkbook((await leader('GET', '/api/registry/export/residents')).rawPayload));
      const leaderApi = (await leader('GET', '/api/residents?pageSize=200')).json();
      assert.equal(mine.length, leaderApi.total);
      assert.ok(mine.every((r) => r[6] === '第一网格'));
      assert.ok(!mine.some((r) => String(r[8]).includes('失智')));
      assert.equal((await leader('GET', '/api/registry/export/residents?dibao=true')).statusCode, 403);
    });

    it('exports households, escaping text that a spreadsheet could run as a formula', async () => {
      const created = await staff('POST', '/api/households', {
        buildingId: t.a.buildings[1],
        unit: '=1+2',
        room: '-101',
        dibao: false,
        isMigrant: true,
      });
      assert.equal(created.statusCode, 201, created.body);
      const res = await staff('GET', `/api/registry/export/households?buildingId=${t.a.buildings[1]}`);
      assert.equal(res.statusCode, 200);
      assert.match(
        String(res.headers['content-disposition']),
        /filename="households-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E4%BD%8F%E6%88%B7/,
      );
      const wb = await readWorkbook(res.rawPayload);
      const rows = sheetRows(wb);
      assert.equal(rows.length, (await staff('GET', `/api/households?buildingId=${t.a.buildings[1]}`)).json().total);
      const odd = rows.find((r) => r[1] === "'=1+2");
      assert.ok(odd, JSON.stringify(rows));
      assert.equal(odd[2], "'-101");
      assert.deepEqual([odd[7], odd[8]], ['是', '否']);
      let formulas = 0;
      wb.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
      assert.equal(formulas, 0);
      // Without registry.sensitive, dibao stays blank as the API leaves it null.
      const leaderRows = sheetRows(
        await readWorkbook((await leader('GET', '/api/registry/export/households')).rawPayload),
      );
      assert.ok(leaderRows.length > 0 && leaderRows.every((r) => r[8] === undefined || r[8] === null));
    });

    it('refuses roles without the permission', async () => {
      for (const [method, url] of [
        ['GET', '/api/registry/export/residents'],
        ['GET', '/api/registry/export/households'],
        ['GET', '/api/registry/import/template'],
      ] as const) {
        const res = await volunteer(method, url);
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.json().error.code, 'forbidden');
      }
      const res = await upload(
        volunteer,
        await rosterFile([
          {
            building: '1号楼',
            unit: '1',
            room: '1',
            name: '孙一',
            gender: '男',
            birthDate: '1990-01-01',
            relationToHead: '户主',
          },
        ]),
      );
      assert.equal(res.statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/registry/export/residents' })).statusCode, 401);
    });

    it('answers any roster of arbitrary text with an import or a validation problem, never a crash', async () => {
      const text = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.constantFrom('', '1号楼', '2号楼', '=1+1', '@x', '男', '户主', '1990-01-01', '是'),
      );
      const rowArb = fc.record(
        Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, text])) as Record<RosterField, fc.Arbitrary<string>>,
      );
      await fc.assert(
        fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 3 }), async (rows) => {
          const res = await upload(staff, await rosterFile(rows));
          assert.ok([201, 400].includes(res.statusCode), `${res.statusCode} ${res.body}`);
          if (res.statusCode === 400) assert.equal(res.json().error.code, 'validation');
        }),
        { numRuns: 25 },
      );
    });
  });
}

describe('cell escaping (unit and property)', () => {
  it('escapes the formula starts and nothing else', () => {
    assert.equal(escapeCell('=SUM(A1:A9)'), "'=SUM(A1:A9)");
    assert.equal(escapeCell('+8613900000000'), "'+8613900000000");
    assert.equal(escapeCell('-101'), "'-101");
    assert.equal(escapeCell('@cmd'), "'@cmd");
    assert.equal(escapeCell('\t=1'), "'\t=1");
    assert.equal(escapeCell('\r=1'), "'\r=1");
    assert.equal(escapeCell("'=1"), "''=1");
    assert.equal(escapeCell('李泽钦'), '李泽钦');
    assert.equal(escapeCell("'quoted"), "'quoted");
    assert.equal(escapeCell(''), '');
  });

  it('never leaves a formula start, and unescaping gives back the original', () => {
    const chars = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '李', ' ', '1');
    const tricky = fc.array(chars, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky), (s) => {
        const e = escapeCell(s);
        assert.ok(!/^[=+\-@\t\r]/.test(e), JSON.stringify(e));
        assert.equal(unescapeCell(e), s);
        if (!/^'*[=+\-@\t\r]/.test(s)) assert.equal(e, s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('roster row parser (property)', () => {
  const fields = new Set<string>(ROSTER_COLUMNS.map((c) => c.field));
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
    fc.record({ formula: fc.string(), result: fc.oneof(fc.string(), fc.integer()) }),
    fc.record({ error: fc.constant('#N/A') }),
    fc.anything(),
  );

  it('never throws: any cells give either a resident or a list of known problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20_000 }),
        fc.record(Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, anyCell])), { requiredKeys: [] }),
        (row, cells) => {
          const p = parseRosterRow(row, cells as Partial<Record<RosterField, unknown>>);
          for (const x of p.problems) {
            assert.equal(x.row, row);
            assert.ok(fields.has(x.field), x.field);
            assert.ok(hasMessage(x.message), x.message);
          }
          if (!p.problems.length) {
            assert.ok(p.resident && p.building && p.unit && p.room);
            assert.ok(
              residentInput.safeParse({ ...p.resident, householdId: '01900000-0000-7000-8000-000000000000' }).success,
            );
          } else if (p.problems.some((x) => !['building', 'unit', 'room', 'dibao', 'migrant'].includes(x.field))) {
            assert.equal(p.resident, null);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads every well-formed row, however its date and phone are typed', () => {
    const han = fc.constantFrom(
      ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    );
    const name = fc.array(han, { minLength: 2, maxLength: 4 }).map((a) => a.join(''));
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
    fc.assert(
      fc.property(
        name,
        day,
        fc.constantFrom('男', '女'),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d, g, p2, rest, style) => {
          const iso = d.toISOString().slice(0, 10);
          const phone = `1${p2}${String(rest).padStart(9, '0')}`;
          const written = [d, iso, iso.replace(/-/g, '/'), iso.replace(/-/g, '')][style];
          const p = parseRosterRow(5, {
            building: '3号楼',
            unit: 2,
            room: 301,
            name: n,
            gender: g,
            birthDate: written,
            relationToHead: '户主',
            phone: style % 2 ? Number(phone) : phone,
          });
          assert.deepEqual(p.problems, []);
          assert.deepEqual(
            [p.resident!.name, p.resident!.birthDate, p.resident!.gender, p.resident!.phone, p.unit, p.room],
            [n, iso, g === '男' ? 'male' : 'female', phone, '2', '301'],
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads Excel dates, serials, rich text and formula results', () => {
    assert.equal(dateText(new Date('1956-08-08T00:00:00Z')), '1956-08-08');
    assert.equal(dateText(45000), '2023-03-15');
    assert.equal(dateText('1956年8月8日'), '1956-08-08');
    assert.equal(cellText({ richText: [{ text: '李' }, { text: '泽钦' }] }), '李泽钦');
    assert.equal(cellText({ formula: 'A1', result: 13900000000 }), '13900000000');
    assert.equal(cellText("'=1+1"), '=1+1');
    const asNumber = parseRosterRow(2, {
      building: '1号楼',
      unit: '1',
      room: '1',
      name: '张三',
      gender: '男',
      birthDate: '1990-01-01',
      relationToHead: '户主',
      // eslint-disable-next-line no-loss-of-precision -- deliberate: an ID typed as a number loses its last digits
      idNumber: 610302199001011234,
    });
    assert.deepEqual(
      asNumber.problems.map((p) => p.message),
      ['invalid.idNumber.asNumber'],
    );
    const garbled = parseRosterRow(2, {
      building: '1号楼',
      unit: '1',
      room: '1',
      name: '张三',
      gender: '男',
      birthDate: '1990-01-01',
      relationToHead: '户主',
      note: '需要\uFFFD\uFFFD探访',
    });
    assert.deepEqual(
      garbled.problems.map((p) => [p.field, p.message]),
      [['note', 'invalid.garbled']],
    );
  });
});
