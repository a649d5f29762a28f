// The upload guard: zip bombs built by hand (sizes understated in both directories, a data descriptor, a huge
// sharedStrings.xml) posted to every import route are refused in the caller's language with nothing changed and the
// server's memory kept; the guard's own limits; and the workbook reader's heap cap ending only its worker.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { AppError } from '../src/platform/errors.ts';
import { WorkbookReader, workbookTooBig } from '../src/platform/excel.ts';
import { checkZip, type UnpackLimits } from '../src/platform/upload-guard.ts';
import { ROSTER_COLUMNS, type RosterField } from '../src/modules/registry/registry.excel.ts';
import { signInAll, startTestApp, xlsxUpload, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import {
  entry,
  hugeSharedStrings,
  MB,
  moderatelyPackedButLarge,
  NS,
  sheetXml,
  workbookParts,
  zerosUnderstated,
  zerosWithDescriptor,
  zip,
} from './zip-bombs.ts';
import { makeIdNumber } from './factories.ts';

const LIMITS: UnpackLimits = { maxBytes: 50 * MB, maxEntries: 1000, maxRatio: 100 };

async function refusedWith(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (err: unknown) => err instanceof AppError && err.code === code);
}

// ---------------------------------------------------------------------------------------------------------------

describe('upload guard (checkZip)', () => {
  it('passes workbooks as exceljs writes them, in memory and streamed (with data descriptors)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['张三', 1, new Date('2020-01-02')]);
    const names = await checkZip(Buffer.from(await wb.xlsx.writeBuffer()), LIMITS);
    assert.ok(names.includes('xl/workbook.xml') && names.includes('xl/worksheets/sheet1.xml'), String(names));

    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const ws = streamed.addWorksheet('名单');
    for (let i = 0; i < 2000; i++) ws.addRow([`居民${i}`, i]).commit();
    ws.commit();
    await streamed.commit();
    const file = Buffer.concat(chunks);
    assert.equal(file.readUInt16LE(6) & 8, 8, 'the streamed file uses data descriptors');
    assert.ok((await checkZip(file, LIMITS)).includes('xl/sharedStrings.xml'));
  });

  it('refuses each hand-made bomb by what inflates, not by what the directories state', async () => {
    for (const bomb of [zerosUnderstated(), zerosWithDescriptor(), hugeSharedStrings()]) {
      assert.ok(bomb.length < 5 * MB, `the bomb itself is small: ${bomb.length}`);
      await refusedWith(checkZip(bomb, LIMITS), 'file_too_complex');
      // Without the ratio limit the total limit still stops it.
      await refusedWith(checkZip(bomb, { ...LIMITS, maxRatio: 1e9 }), 'unpacked_too_large');
    }
    await refusedWith(checkZip(moderatelyPackedButLarge(), LIMITS), 'unpacked_too_large');
    // Stated truly, the same 64 MB passes a limit of 100 MB: its packing alone is no reason to refuse it.
    const honest = moderatelyPackedButLarge(64 * MB);
    await refusedWith(checkZip(honest, LIMITS), 'unpacked_too_large');
    assert.ok((await checkZip(honest, { ...LIMITS, maxBytes: 100 * MB })).includes('xl/workbook.xml'));
  });

  it('refuses too many entries, and directories that do not match the entries', async () => {
    const many = zip(Array.from({ length: 1001 }, (_, i) => entry(`xl/media/p${i}.xml`, 'x')));
    await refusedWith(checkZip(many, LIMITS), 'file_too_complex');
    assert.equal((await checkZip(many, { ...LIMITS, maxEntries: 1001 })).length, 1001);
    // Stating the true size of one part wrongly (here: more than it is).
    const parts = [...workbookParts(), entry('xl/worksheets/sheet1.xml', sheetXml)];
    await refusedWith(
      checkZip(zip(parts.map((p, i) => (i === 4 ? { ...p, stated: 10 } : p))), LIMITS),
      'unsupported_file',
    );
    // Bytes before the first entry shift every offset the directory gives.
    await refusedWith(
      checkZip(Buffer.concat([Buffer.from('PK\u0003\u0004junk'), zip(parts)]), LIMITS),
      'unsupported_file',
    );
    // A file cut short.
    const good = zip(parts);
    assert.equal((await checkZip(good, LIMITS)).length, parts.length);
    await refusedWith(checkZip(good.subarray(0, good.length - 30), LIMITS), 'unsupported_file');
    await refusedWith(checkZip(Buffer.from('not a zip at all, just text'), LIMITS), 'unsupported_file');
  });

  it('answers every damaged file with an AppError (property)', async () => {
    const good = zip([...workbookParts(), entry('xl/worksheets/sheet1.xml', sheetXml)]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (flips) => {
          const bad = Buffer.from(good);
          for (const [at, byte] of flips) bad[at] = byte;
          try {
            await checkZip(bad, LIMITS);
          } catch (err) {
            assert.ok(err instanceof AppError, String(err));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('workbook reader heap cap', () => {
  it('ends only its worker when a workbook needs more heap than it has, and reads the next one', async () => {
    // 16 MB of heap reads a small workbook (measured: 12 MB cannot even load exceljs), not 40,000 rows.
    const reader = new WorkbookReader({ maxInflatedBytes: 50 * MB, heapMb: 16, maxRows: 100_000 });
    try {
      let rows = '';
      for (let n = 1; n <= 40_000; n++)
        rows += `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>居民${n}</t></is></c><c r="B${n}"><v>${n}</v></c></row>`;
      const big = zip([
        ...workbookParts(),
        entry('xl/worksheets/sheet1.xml', `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`),
        entry('xl/sharedStrings.xml', `<sst xmlns="${NS}"></sst>`),
      ]);
      await assert.rejects(reader.read(big), (err: unknown) => workbookTooBig(err));
      const small = new ExcelJS.Workbook();
      small.addWorksheet('名单').addRow(['张三']);
      const sheets = await reader.read(Buffer.from(await small.xlsx.writeBuffer()));
      assert.equal(sheets[0]![0]![1][1], '张三');
    } finally {
      await reader.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

for (const kind of testDatabaseKinds()) {
  describe(`import routes refuse zip bombs on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    before(async () => {
      t = await startTestApp(kind);
      [staff] = await signInAll(t, ['staff']);
    });
    after(async () => {
      await t.close();
    });

    const counts = async () => {
      const db = t.db.handle.db;
      const n = async (table: 'resident' | 'household' | 'volunteer' | 'audit_log') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        residents: await n('resident'),
        households: await n('household'),
        volunteers: await n('volunteer'),
        audit: await n('audit_log'),
      };
    };
    const post = (route: string, file: Buffer, lang?: string) => {
      const m = xlsxUpload(file, 'hostile.xlsx');
      return staff('POST', route, m.payload, { ...m.headers, ...(lang ? { 'accept-language': lang } : {}) });
    };
    const ROUTES = ['/api/registry/import', '/api/volunteers/import'];

    it('refuses every bomb on every route, in Chinese and English, changing nothing and keeping memory', async () => {
      const bombs = [
        { file: zerosUnderstated(), code: 'file_too_complex', zh: /压缩得异常紧密/, en: /packed far too tightly/ },
        { file: zerosWithDescriptor(), code: 'file_too_complex', zh: /没有导入任何内容/, en: /nothing was imported/ },
        { file: hugeSharedStrings(), code: 'file_too_complex', zh: /另存为/, en: /Save As/ },
        {
          file: moderatelyPackedButLarge(),
          code: 'unpacked_too_large',
          zh: /解压后超过 50 MB/,
          en: /larger than 50 MB/,
        },
      ];
      const before = await counts();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      for (const route of ROUTES)
        for (const b of bombs) {
          // Four at once, as in the attack.
          const answers = await Promise.all([
            post(route, b.file),
            post(route, b.file),
            post(route, b.file, 'en'),
            post(route, b.file, 'en'),
          ]);
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
          for (const res of answers) {
            assert.equal(res.statusCode, 413, `${route} ${b.code}: ${res.body}`);
            assert.equal(res.json().error.code, b.code);
          }
          assert.match(answers[0]!.json().error.message, b.zh);
          assert.match(answers[2]!.json().error.message, b.en);
        }
      assert.deepEqual(await counts(), before);
      const grownMb = (rssPeak - rssBefore) / MB;
      assert.ok(grownMb < 200, `RSS grew ${grownMb.toFixed(0)} MB`);
    });

    it('takes the limit from LINLI_MAX_INFLATED_MB', async () => {
      const small = await startTestApp(kind, { LINLI_MAX_INFLATED_MB: '1' });
      try {
        const [clerk] = await signInAll(small, ['staff']);
        // About 1.8 MB of sheet, honestly stated: within the default 50 MB, past 1 MB.
        const rows = Array.from(
          { length: 40_000 },
          (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
        );
        const file = zip([
          ...workbookParts(),
          entry(
            'xl/worksheets/sheet1.xml',
            `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
          ),
        ]);
        for (const route of ROUTES) {
          const m = xlsxUpload(file, 'big.xlsx');
          const res = await clerk('POST', route, m.payload, m.headers);
          assert.equal(res.statusCode, 413, res.body);
          assert.match(res.json().error.message, /解压后超过 1 MB/);
        }
      } finally {
        await small.close();
      }
    });

    it('still imports a normal roster and a normal volunteer list', async () => {
      const before = await counts();
      const roster = new ExcelJS.Workbook();
      const ws = roster.addWorksheet('居民名单');
      ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
      const row: Partial<Record<RosterField, string>> = {
        building: '1号楼',
        unit: '1',
        room: '101',
        name: '孙一',
        gender: '男',
        birthDate: '1990-01-01',
        relationToHead: '户主',
      };
      ws.addRow(ROSTER_COLUMNS.map((c) => row[c.field] ?? null));
      const imported = await post('/api/registry/import', Buffer.from(await roster.xlsx.writeBuffer()));
      assert.equal(imported.statusCode, 201, imported.body);

      const tpl = await staff('GET', '/api/volunteers/import/template');
      const list = new ExcelJS.Workbook();
      await list.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const birth = '1975-03-04';
      list.worksheets[0]!.addRow([
        '王芳',
        '女',
        birth,
        '13500009999',
        makeIdNumber(birth, 'female', 77),
        '良好',
        '群众',
        '居委会',
      ]);
      const volunteers = await post('/api/volunteers/import', Buffer.from(await list.xlsx.writeBuffer()));
      assert.equal(volunteers.statusCode, 201, volunteers.body);

      const now = await counts();
      assert.equal(now.residents, before.residents + 1);
      assert.equal(now.volunteers, before.volunteers + 1);
    });
  });
}
