// Spreadsheets for every module: the one formula escape, reading cells, reading workbooks in a worker thread (after
// the upload guard), streaming a workbook out, and sending it as a download. Module-specific columns and rules stay
// in the modules.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.ts';
import { contentDisposition } from './http.ts';
import { MIME } from './responses.ts';
import { ZipWriter } from './zip-writer.ts';
import { checkZip, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_RATIO, type UnpackLimits } from './upload-guard.ts';

export const XLSX_MIME = MIME.xlsx;

// ---------------------------------------------------------------------------------------------------------------
// Formula escaping: the one place that decides it.

const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Text a spreadsheet could take for a formula (starting with = + - @, tab or CR) gets a leading single quote.
 * Text that already has quotes before such a character gets one more, so `unescapeCell` always gives back the
 * original exactly.
 */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `escapeCell` (an exported file brought back in). */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading cells. Pure functions: the property tests drive them with arbitrary input.

/** What a cell says, as trimmed text: rich text joined, a formula's cached result, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unescapeCell(v.replace(/[\u200b-\u200d\ufeff]/g, '').trim()).trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return cellText(
        o.richText
          .map((p) =>
            p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string'
              ? (p as { text: string }).text
              : '',
          )
          .join(''),
      );
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

/** Codes (building, room, phone …) typed in full-width digits or letters read as their ASCII forms. */
export function codeText(v: unknown): string {
  return cellText(v).normalize('NFKC').replace(/\s+/g, '');
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell as YYYY-MM-DD where it can be read as one; otherwise the text as written (the schema refuses it). */
export function dateText(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= 10000101 && v <= 99991231) return dateText(String(v));
    // A date serial in a cell not formatted as a date (the 1900 date system).
    if (v >= 1 && v < 2958466) return new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
    return String(v);
  }
  const s = codeText(v);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading workbooks.

// Parts of a worksheet an import never reads; skipping them also keeps a filled-in template light (exceljs would
// otherwise expand each data-validation range into one entry per cell: 120,000 of them for the template).
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'mergeCells',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'extLst',
];
/**
 * Heap a workbook read may use; a file that needs more ends the worker and is refused, the server goes on. The
 * 10,000-row bench roster reads within 64 MB (measured), so 256 leaves room for the 20,000 rows an import may hold.
 * Buffers (what JSZip inflates into) are outside this cap: the upload guard bounds them.
 */
const READER_HEAP_MB = 256;
const EXCELJS_PATH = createRequire(import.meta.url).resolve('exceljs');

// Workbooks are read in a worker thread, with exceljs's in-memory reader:
// - its streaming reader decodes each 16 KB chunk on its own and garbles a Chinese character that straddles two
//   chunks (exceljs issues #2063 and #2084, open in 4.4); in a 10,000-row roster that happens a few times a file;
// - the in-memory reader builds the whole workbook (~100 MB for 10,000 rows); in a worker that memory is given
//   back when the worker ends, the worker's heap is capped, and the server keeps answering while it reads.
// After a small file the worker stays a few seconds, so a run of small imports does not pay for loading exceljs
// each time. Its source is plain JavaScript passed as text, because a separate worker file would not survive bundling.
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
parentPort.on('message', async ({ buffer, options }) => {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer, options);
    const sheets = wb.worksheets.map((ws) => {
      const rows = [];
      ws.eachRow((row, n) => { rows.push([n, row.values]); });
      return rows;
    });
    parentPort.postMessage({ sheets });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;
const READER_IDLE_MS = 15_000;
const KEEP_READER_BELOW_BYTES = 256 * 1024;

/** One worksheet's non-empty rows as [row number, values by column number]. */
export type SheetRows = Array<[number, unknown[]]>;

/** A read that failed because the workbook is too big to parse: too many rows, or more memory than the worker has. */
export function workbookTooBig(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /^Max (row|column) count/.test(String(e?.message));
}

/**
 * Reads workbooks in a worker thread, one at a time (two large files at once would need twice the memory). Every
 * file first passes the upload guard (checkZip): a zip bomb is refused before exceljs sees a byte of it.
 */
export class WorkbookReader {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly maxRows: number;
  private readonly heapMb: number;
  private readonly unpack: UnpackLimits;

  /**
   * Past maxRows rows in a sheet exceljs stops parsing it, and the read fails with "Max row count …"; past heapMb
   * of heap the worker is ended (ERR_WORKER_OUT_OF_MEMORY) and the server goes on.
   */
  constructor(options: { maxRows?: number; maxInflatedBytes: number; heapMb?: number }) {
    this.maxRows = options.maxRows ?? 21_000;
    this.heapMb = options.heapMb ?? READER_HEAP_MB;
    this.unpack = { maxBytes: options.maxInflatedBytes, maxEntries: DEFAULT_MAX_ENTRIES, maxRatio: DEFAULT_MAX_RATIO };
  }

  /**
   * Each worksheet's non-empty rows as [row number, values by column number]. Rejects with an AppError when the
   * file is not an .xlsx or fails the upload guard; with an error `workbookTooBig` knows when it is too big to
   * parse; with any other error when exceljs cannot read it.
   */
  async read(buffer: Buffer): Promise<SheetRows[]> {
    // An .xlsx is a zip holding a workbook part; anything else (a renamed text file, an old .xls, a .docx) is not.
    if (!(await checkZip(buffer, this.unpack)).includes('xl/workbook.xml')) throw new AppError('unsupported_file');
    const run = this.queue.then(() => this.run(buffer));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the worker (loading exceljs takes a moment) while an upload is still arriving. */
  warm(): void {
    if (this.worker) return;
    this.worker = this.spawn();
    this.worker.unref();
    this.idleTimer ??= setTimeout(() => void this.close(), READER_IDLE_MS).unref();
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(READER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { exceljs: EXCELJS_PATH },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    // A failure while idle must not take the server down: the next read starts a fresh worker.
    w.on('error', () => undefined).on('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    return w;
  }

  private run(buffer: Buffer): Promise<SheetRows[]> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const worker = (this.worker ??= this.spawn());
    // Keep the process alive while reading, but not while idle.
    worker.ref();
    return new Promise<SheetRows[]>((resolve, reject) => {
      const finish = (dead: boolean) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (dead) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
          return;
        }
        worker.unref();
        // After a large file the worker's heap is mostly garbage: end it now, before the rows are written.
        if (buffer.length > KEEP_READER_BELOW_BYTES) void this.close();
        else this.idleTimer = setTimeout(() => void this.close(), READER_IDLE_MS).unref();
      };
      const onMessage = (m: { sheets?: SheetRows[]; error?: string }) => {
        finish(false);
        if (m.sheets) resolve(m.sheets);
        else reject(new Error(m.error));
      };
      const onError = (err: Error) => {
        finish(true);
        reject(err);
      };
      const onExit = (code: number) => {
        finish(true);
        reject(new Error(`the workbook reader stopped (${code})`));
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // maxRows/maxCols make exceljs stop parsing a runaway sheet instead of building it.
      worker.postMessage({
        buffer,
        options: { ignoreNodes: IGNORED_NODES, maxRows: this.maxRows, maxCols: 1000 },
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing workbooks.

export interface ExportFile {
  fileName: string;
  asciiFileName: string;
  rows: number;
  stream: Readable;
}

export type ExportCell = string | number | null;

// Linli writes its own workbooks: one sheet of text and numbers, a bold header row frozen at the top, column widths.
// exceljs's streaming writer took most of an export's time (its style and XML machinery per cell, then archiver);
// this writes the sheet's XML as text and deflates it in the thread pool, in pieces, as the rows come. exceljs is
// still what reads workbooks (imports, and the tests that read exports back) and writes the few in-memory ones
// (templates, reports with merged cells).

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';
const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';
const WORKBOOK_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';
/** Style 0: the default (Calibri 11); style 1: bold, for the header row. */
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

// Characters XML 1.0 does not allow (C0 controls but tab, newline and CR; U+FFFE, U+FFFF; a lone surrogate) are
// dropped, and DEL with them, as exceljs did. CR is written as a character reference: as itself an XML reader
// would turn it into a newline.
// eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
const XML_TEXT_SPECIAL = /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const XML_TEXT_REPLACE = new RegExp(
  // eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
  `${/[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/.source}|${LONE_SURROGATE.source}`,
  'g',
);
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Text as XML character data (also safe in a double-quoted attribute once `"` is escaped: see xmlAttr). */
function xmlText(s: string): string {
  return XML_TEXT_SPECIAL.test(s) ? s.replace(XML_TEXT_REPLACE, (c) => XML_ENTITY[c] ?? '') : s;
}

function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/[\t\n]/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel takes: none of []:*?/\, at most 31 characters, not empty. */
function sheetNameOf(name: string): string {
  return (
    Array.from(name.replace(/[[\]:*?/\\]/g, ' '))
      .slice(0, 31)
      .join('')
      .trim() || 'Sheet1'
  );
}

/** One cell's XML, or '' for an empty cell (null, or a number that is not finite). */
function cellXml(ref: string, v: ExportCell, style: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
  const text = xmlText(escapeCell(String(v)));
  // Leading or trailing white space is kept only when the element says so.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/**
 * Sheet XML is written row by row into a buffer (UTF-8) and handed to the compressor whenever it holds this many
 * bytes. (A long string built with += and then encoded cost more than all the rest: V8 flattens it first.)
 */
const PIECE_BYTES = 64 * 1024;

/** A growable byte buffer for XML text, reused for each piece once the compressor has taken the last one. */
class XmlBuffer {
  private buf = Buffer.allocUnsafe(PIECE_BYTES * 2);
  length = 0;

  add(s: string): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.length + s.length * 3 > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length);
  }

  /** The bytes so far; valid until the next `add` after `clear`. */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

async function* workbookChunks(
  sheetName: string,
  columns: Array<[string, number]>,
  rows: AsyncIterable<ExportCell[][]>,
): AsyncGenerator<Buffer> {
  const zip = new ZipWriter();
  yield zip.stored('[Content_Types].xml', CONTENT_TYPES);
  yield zip.stored('_rels/.rels', ROOT_RELS);
  yield zip.stored(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      `<sheet name="${xmlAttr(sheetNameOf(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  yield zip.stored('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  yield zip.stored('xl/styles.xml', STYLES);
  const sheet = zip.deflating('xl/worksheets/sheet1.xml');
  yield sheet.header;
  const letters: string[] = [];
  const letter = (i: number) => (letters[i] ??= columnLetters(i));
  const cols = columns.map(
    ([, width], i) => `<col min="${i + 1}" max="${i + 1}" width="${Number(width) || 10}" customWidth="1"/>`,
  );
  const xml = new XmlBuffer();
  xml.add(
    XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
      '<sheetData><row r="1">' +
      columns.map(([header], i) => cellXml(`${letter(i)}1`, header, ' s="1"')).join('') +
      '</row>',
  );
  let n = 1;
  try {
    for await (const batch of rows) {
      for (const r of batch) {
        n++;
        let line = `<row r="${n}">`;
        for (let i = 0; i < r.length; i++) line += cellXml(letter(i) + n, r[i]!, '');
        xml.add(line + '</row>');
        if (xml.length >= PIECE_BYTES) {
          const out = await sheet.write(xml.bytes());
          xml.clear();
          if (out.length) yield out;
        }
      }
    }
    xml.add(
      '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '</worksheet>',
    );
    yield await sheet.finish(xml.bytes());
  } finally {
    sheet.close();
  }
  yield zip.end();
}

/**
 * Writes rows to a workbook as they come (one sheet, a bold frozen header row, the columns' widths); every text cell
 * passes through escapeCell. The rows are read as the client takes the file; when the client goes away, reading
 * stops (the rows' iterator is closed).
 */
export function streamWorkbook(
  sheetName: string,
  columns: Array<[string, number]>,
  rows: AsyncIterable<ExportCell[][]>,
): Readable {
  return Readable.from(workbookChunks(sheetName, columns, rows), { objectMode: false });
}

/** Starts an .xlsx download; personal data, so not for shared caches or the browser's disk cache. */
export function xlsxDownload(reply: FastifyReply, fileName: string, asciiFallback: string) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', contentDisposition(fileName, asciiFallback))
    .header('cache-control', 'no-store');
}

/** Sends an exported workbook (any module's list) with its file name and row count. */
export function sendWorkbook(reply: FastifyReply, file: ExportFile) {
  return xlsxDownload(reply, file.fileName, file.asciiFileName)
    .header('x-row-count', String(file.rows))
    .send(file.stream);
}
