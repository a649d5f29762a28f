// Linli's own .xlsx writer (streamWorkbook): what it writes opens in exceljs and in Linli's WorkbookReader (after the
// upload guard), with every cell as written: text through escapeCell, less the characters XML 1.0 forbids; numbers
// as numbers; empty cells empty. No office program is involved (no LibreOffice): the readers are the ones the server
// itself uses. (exceljs's streaming reader is not one: it decodes entities twice, `&amp;amp;` → `&`, whoever wrote
// the file.) No database involved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { escapeCell, streamWorkbook, unescapeCell, WorkbookReader, type ExportCell } from '../src/platform/excel.ts';
import { checkZip } from '../src/platform/upload-guard.ts';

const TRICKY = [
  '=SUM(A1:A2)',
  '+1',
  '-1',
  '@x',
  '\tafter a tab',
  '\rafter a CR',
  "'=quoted already",
  "''+twice",
  '<b>&amp; "q" \'s\'</b>',
  ']]></t></is></c><c>',
  '😀 👨‍👩‍👧 𠀀 emoji and a CJK character outside the BMP',
  'a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh',
  'line 1\nline 2',
  'cr\r\nlf',
  'a\rb',
  '  padded  ',
  ' ',
  'x\ufffey\uffffz',
  'lone \ud800 high',
  'lone \udc00 low',
  '中文，全角：＝１',
  '',
];
const FORBIDDEN = new RegExp(
  // eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
  `${/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.source}|` +
    `${/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.source}`,
  'g',
);
const NUMBERS = [0, 1, -1.5, 1 / 3, 123456789012, 1e-7, 1e21, -(2 ** 53)];
const COLUMNS: Array<[string, number]> = [
  ['编号', 8],
  ['姓名', 12],
  ['数值', 10],
  ['文字', 40],
  ['空', 6],
  ['备注', 20],
];
const ROWS = 10_000;

function row(i: number): ExportCell[] {
  return [
    i,
    `姓名${i}`,
    NUMBERS[i % NUMBERS.length]!,
    TRICKY[i % TRICKY.length]!,
    i % 3 ? null : Number.NaN,
    TRICKY[(i * 7) % TRICKY.length]!,
  ];
}

/** What a reader should find in a cell: text escaped and stripped of what XML cannot hold; '' and NaN as empty. */
function expected(v: ExportCell): string | number | null {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return null;
  if (typeof v === 'number') return v;
  const text = escapeCell(v).replace(FORBIDDEN, '');
  return text === '' ? null : text;
}
/** What a reader gave, with an empty cell (hole, undefined, null, '') as null. */
const got = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);

async function* batches(n: number): AsyncGenerator<ExportCell[][]> {
  // Batches of every size: one row, a few, a thousand.
  let i = 0;
  for (const size of [1, 2, 7, 1000]) {
    yield Array.from({ length: Math.min(size, n - i) }, () => row(i++));
  }
  while (i < n) yield Array.from({ length: Math.min(1000, n - i) }, () => row(i++));
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function checkRows(rows: Array<[number, unknown[]]>) {
  assert.equal(rows.length, ROWS + 1);
  assert.deepEqual(
    rows[0]![1].slice(1).map(got),
    COLUMNS.map(([h]) => h),
  );
  for (let i = 0; i < ROWS; i++) {
    const [n, values] = rows[i + 1]!;
    assert.equal(n, i + 2);
    const want = row(i).map(expected);
    for (let c = 0; c < want.length; c++) assert.equal(got(values[c + 1]), want[c], `row ${n} column ${c + 1}`);
  }
}

describe("Linli's xlsx writer", () => {
  let file: Buffer;

  it('writes 10,000 rows of tricky text that exceljs reads back cell for cell', async () => {
    file = await bytesOf(streamWorkbook('名单', COLUMNS, batches(ROWS)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    assert.equal(wb.worksheets.length, 1);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, '名单');
    const rows: Array<[number, unknown[]]> = [];
    ws.eachRow((r, n) => rows.push([n, r.values as unknown[]]));
    checkRows(rows);
    // The text cells are text, never formulas; unescapeCell gives back what was written.
    let formulas = 0;
    ws.eachRow((r) => r.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    assert.equal(formulas, 0);
    assert.equal(unescapeCell(String(ws.getCell('D2').value)), '=SUM(A1:A2)');
  });

  it('keeps the layout: header bold and frozen, the columns their widths', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.deepEqual(
      COLUMNS.map((_, i) => ws.getColumn(i + 1).width),
      COLUMNS.map(([, w]) => w),
    );
    assert.equal(ws.getCell('A1').font?.bold, true);
    assert.notEqual(ws.getCell('A2').font?.bold, true);
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    assert.equal(view?.state, 'frozen');
    assert.equal(view?.ySplit, 1);
  });

  it("passes the upload guard and opens in Linli's WorkbookReader", async () => {
    assert.deepEqual((await checkZip(file, { maxBytes: 64 << 20, maxEntries: 100, maxRatio: 1000 })).sort(), [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const reader = new WorkbookReader({ maxInflatedBytes: 64 << 20 });
    try {
      const [sheet] = await reader.read(file);
      checkRows(sheet!);
    } finally {
      await reader.close();
    }
  });

  it('writes an empty list as its header row, and a sheet name Excel takes', async () => {
    const wb = new ExcelJS.Workbook();
    const empty = (async function* (): AsyncGenerator<ExportCell[][]> {})();
    await wb.xlsx.load((await bytesOf(streamWorkbook('a[b]:c*d?e/f\\g'.repeat(3), COLUMNS, empty))) as never);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, 'a b  c d e f g'.repeat(3).slice(0, 31).trim());
    assert.equal(ws.rowCount, 1);
    assert.equal(ws.getCell('B1').value, '姓名');
  });

  it('stops reading rows when the download is dropped', async () => {
    let read = 0;
    let closed = false;
    const rows = (async function* () {
      try {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield Array.from({ length: 100 }, (_, j) => row(i * 100 + j));
        }
      } finally {
        closed = true;
      }
    })();
    const stream = streamWorkbook('名单', COLUMNS, rows);
    let sent = 0;
    // The client takes the first rows, then goes away.
    for await (const chunk of stream) if ((sent += (chunk as Buffer).length) > 10_000) break;
    // The writer notices at its next step (a piece may still be in the compressor, slow on a busy machine).
    for (let waited = 0; !closed && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.ok(closed, 'the rows were not closed');
    assert.ok(read > 0 && read < 1000, `read ${read} batches of 1000`);
  });

  it('ends the download with an error when the rows fail', async () => {
    const rows = (async function* () {
      yield [row(0)];
      throw new Error('the database went away');
    })();
    await assert.rejects(bytesOf(streamWorkbook('名单', COLUMNS, rows)), /the database went away/);
  });
});
