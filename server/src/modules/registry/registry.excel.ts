// Excel import and export of the community registry (no HTTP here).
// Import reads the roster template (one row per resident), checks every row against the domain schemas and the
// database before anything is written, and hands a plan to RegistryService, which writes it in one transaction.
// Exports stream the rows the API shows the caller: masked values stay masked, and text that a spreadsheet
// could run as a formula is escaped.
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  buildingInput,
  householdInput,
  residentInput,
  type HouseholdQuery,
  type ResidentInput,
  type ResidentQuery,
} from '../../../../domain/registry/schemas.ts';
import {
  RELATION_LABELS,
  RELATIONS,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  type Relation,
  type SpecialGroup,
} from '../../../../domain/registry/special-groups.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { idNumberCheckChar } from '../../../../domain/shared/id-number.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  cellText,
  codeText,
  dateText,
  streamWorkbook,
  WorkbookReader,
  workbookTooBig,
  type ExportFile,
  type SheetRows,
} from '../../platform/excel.ts';
import { hasMessage } from '../../platform/i18n.ts';
import type { RegistryService, RosterPlan } from './registry.service.ts';
import { byNumberedText } from '../../../../domain/shared/collate.ts';

/** Rows one import may hold; more is almost certainly the wrong file, and the whole file is checked in memory. */
export const MAX_ROSTER_ROWS = 20_000;
/** Problems listed in one refusal; the totals say how many more there were. */
const MAX_LISTED_PROBLEMS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// The roster's columns. Headers are what the template writes; aliases are what people write in their own sheets.

export type RosterField =
  | 'building'
  | 'unit'
  | 'room'
  | 'dibao'
  | 'migrant'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'relationToHead'
  | 'phone'
  | 'idNumber'
  | 'specialGroups'
  | 'health'
  | 'disability'
  | 'note';

interface RosterColumn {
  field: RosterField;
  header: string;
  aliases: string[];
  required: boolean;
  note: string;
  width: number;
  text?: boolean;
}

const RELATION_LIST = RELATIONS.map((r) => RELATION_LABELS[r].zh);
const GROUP_LIST = SPECIAL_GROUPS.map((g) => SPECIAL_GROUP_LABELS[g].zh);

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    field: 'building',
    header: '楼幢',
    aliases: ['楼栋', '楼号', '楼幢号'],
    required: true,
    note: 'Building, as registered (e.g. 1号楼)',
    width: 10,
  },
  { field: 'unit', header: '单元', aliases: ['单元号'], required: true, note: 'Unit (e.g. 2)', width: 7, text: true },
  {
    field: 'room',
    header: '室',
    aliases: ['房号', '室号', '门牌号'],
    required: true,
    note: 'Room (e.g. 301)',
    width: 8,
    text: true,
  },
  {
    field: 'dibao',
    header: '低保户',
    aliases: ['低保'],
    required: false,
    note: 'Dibao (subsistence allowance) household: 是 yes / 否 no',
    width: 8,
  },
  {
    field: 'migrant',
    header: '流动人口',
    aliases: ['流动人口户'],
    required: false,
    note: 'Migrant household: 是 yes / 否 no',
    width: 9,
  },
  { field: 'name', header: '姓名', aliases: [], required: true, note: 'Name', width: 10 },
  { field: 'gender', header: '性别', aliases: [], required: true, note: 'Gender: 男 male / 女 female', width: 6 },
  {
    field: 'birthDate',
    header: '出生日期',
    aliases: ['出生年月日', '生日'],
    required: true,
    note: 'Birth date, YYYY-MM-DD',
    width: 12,
  },
  {
    field: 'relationToHead',
    header: '与户主关系',
    aliases: ['与户主的关系', '关系'],
    required: true,
    note: `Relation to the head of household: ${RELATIONS.map((r) => `${RELATION_LABELS[r].zh} ${r}`).join(' / ')}`,
    width: 11,
  },
  {
    field: 'phone',
    header: '手机号',
    aliases: ['手机', '手机号码', '联系电话', '电话'],
    required: false,
    note: 'Mobile number (11 digits)',
    width: 14,
    text: true,
  },
  {
    field: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '公民身份号码', '身份证'],
    required: false,
    note: 'ID number (18 characters; keep this column as Text)',
    width: 21,
    text: true,
  },
  {
    field: 'specialGroups',
    header: '特殊群体',
    aliases: [],
    required: false,
    note: 'Special groups, separated by 、',
    width: 18,
  },
  {
    field: 'health',
    header: '健康状况',
    aliases: [],
    required: false,
    note: 'Health conditions, separated by 、',
    width: 16,
  },
  {
    field: 'disability',
    header: '残疾类别',
    aliases: ['残疾类型'],
    required: false,
    note: 'Disability (e.g. 肢体, 视力二级)',
    width: 10,
  },
  { field: 'note', header: '备注', aliases: [], required: false, note: 'Note', width: 24 },
];
const COLUMN: Record<RosterField, RosterColumn> = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c])) as Record<
  RosterField,
  RosterColumn
>;

const EXAMPLE_ID = (() => {
  const first17 = '61030219560808002';
  return first17 + idNumberCheckChar(first17);
})();
/** The template's example row, as text; a row exactly like it is skipped on import. */
const EXAMPLE: Record<RosterField, string> = {
  building: '1号楼',
  unit: '1',
  room: '101',
  dibao: '否',
  migrant: '否',
  name: '张桂兰',
  gender: '女',
  birthDate: '1956-08-08',
  relationToHead: '户主',
  phone: '13912345678',
  idNumber: EXAMPLE_ID,
  specialGroups: '独居老人、空巢老人',
  health: '高血压、糖尿病',
  disability: '',
  note: '示例行：导入时自动跳过，可删除',
};

// ---------------------------------------------------------------------------------------------------------------
// The template.

/** The roster template: header row, English note row, example row; lists where the values are fixed. */
export async function buildTemplate(buildingNumbers: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli 邻里';
  const ws = wb.addWorksheet('居民名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    key: c.field,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.field === 'birthDate' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));

  const header = ws.getRow(1);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.note = headerNote(c);
  });
  const notes = ws.getRow(2);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = notes.getCell(i + 1);
    cell.value = c.note;
    cell.font = { italic: true, color: { argb: 'FF666666' }, size: 9 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  notes.height = 42;
  const example = ws.getRow(3);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    const v = EXAMPLE[c.field];
    cell.value = c.field === 'birthDate' ? new Date(`${v}T00:00:00Z`) : v || null;
    cell.font = { color: { argb: 'FF808080' } };
  });

  // Lists: fixed values inline; buildings from a hidden sheet (an inline list is capped at 255 characters).
  const last = MAX_ROSTER_ROWS + 3;
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const col = (f: RosterField) => ws.getColumn(f).letter;
  const list = (f: RosterField, formula: string, strict: boolean) =>
    validations.add(`${col(f)}3:${col(f)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: COLUMN[f].header,
      error: strict ? '请从下拉列表中选择' : '不在列表中，确定要这样填吗？',
    });
  list('dibao', '"是,否"', true);
  list('migrant', '"是,否"', true);
  list('gender', '"男,女"', true);
  list('relationToHead', `"${RELATION_LIST.join(',')}"`, false);
  if (buildingNumbers.length) {
    const options = wb.addWorksheet('楼幢', { state: 'hidden' });
    buildingNumbers.forEach((n, i) => {
      options.getCell(i + 1, 1).value = n;
    });
    list('building', `'楼幢'!$A$1:$A$${buildingNumbers.length}`, false);
  }
  validations.add(`${col('birthDate')}3:${col('birthDate')}${last}`, {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date('1900-01-01T00:00:00Z'), new Date('2100-12-31T00:00:00Z')],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '出生日期',
    error: '请填写 YYYY-MM-DD 格式的日期',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function headerNote(c: RosterColumn): string {
  const need = c.required ? '必填。' : '选填。';
  switch (c.field) {
    case 'building':
      return `${need}填写本社区已登记的楼幢，如“1号楼”。`;
    case 'dibao':
    case 'migrant':
      return `${need}是/否；同一住址的各行应一致。不填视为“否”。`;
    case 'relationToHead':
      return `${need}${RELATION_LIST.join('、')}`;
    case 'birthDate':
      return `${need}格式 YYYY-MM-DD，如 1956-08-08。`;
    case 'idNumber':
      return `${need}18 位；请保持“文本”格式，否则 Excel 会丢失末几位。`;
    case 'specialGroups':
      return `${need}可填多个，用顿号分隔：${GROUP_LIST.join('、')}`;
    case 'health':
      return `${need}多个用顿号分隔，如“高血压、糖尿病”。`;
    default:
      return need;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading cells and rows. Pure functions: the property tests drive them with arbitrary input.

/** A problem on one row of the file: the field key, the column as the file names it, and a message key. */
export interface RowProblem extends FieldProblem {
  row: number;
  column: string;
  sameAsRow?: number;
}

function normHeader(v: unknown): string {
  return cellText(v)
    .replace(/[（(【[].*$/s, '')
    .replace(/[\s*＊:：]/g, '');
}

const HEADER_FIELD = new Map<string, RosterField>(
  ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.field] as const)),
);

/** Column number → field, if this row looks like the roster's header; null otherwise. */
export function mapHeader(values: readonly unknown[]): Map<number, RosterField> | null {
  const m = new Map<number, RosterField>();
  const seen = new Set<RosterField>();
  values.forEach((v, i) => {
    const f = HEADER_FIELD.get(normHeader(v));
    if (f && !seen.has(f)) {
      m.set(i, f);
      seen.add(f);
    }
  });
  return seen.has('name') && m.size >= 3 ? m : null;
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '无', '不是', 'n', 'no', 'false', '0', '×', '✗', '✘']);
const GENDER = new Map<string, 'male' | 'female'>([
  ['男', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['女', 'female'],
  ['f', 'female'],
  ['female', 'female'],
]);
const RELATION_BY_TEXT = new Map<string, Relation>([
  ...RELATIONS.flatMap(
    (r) =>
      [
        [RELATION_LABELS[r].zh, r],
        [RELATION_LABELS[r].en.toLowerCase(), r],
        [r, r],
      ] as Array<[string, Relation]>,
  ),
  // What rosters commonly say instead of the category.
  ...([
    ['本人', 'head'],
    ['妻子', 'spouse'],
    ['丈夫', 'spouse'],
    ['妻', 'spouse'],
    ['夫', 'spouse'],
    ['儿子', 'child'],
    ['女儿', 'child'],
    ['子', 'child'],
    ['女', 'child'],
    ['长子', 'child'],
    ['次子', 'child'],
    ['长女', 'child'],
    ['次女', 'child'],
    ['儿媳', 'other'],
    ['女婿', 'other'],
    ['父亲', 'parent'],
    ['母亲', 'parent'],
    ['孙子', 'grandchild'],
    ['孙女', 'grandchild'],
    ['外孙', 'grandchild'],
    ['外孙子', 'grandchild'],
    ['外孙女', 'grandchild'],
    ['祖父', 'grandparent'],
    ['祖母', 'grandparent'],
    ['外祖父', 'grandparent'],
    ['外祖母', 'grandparent'],
    ['爷爷', 'grandparent'],
    ['奶奶', 'grandparent'],
    ['哥哥', 'sibling'],
    ['弟弟', 'sibling'],
    ['姐姐', 'sibling'],
    ['妹妹', 'sibling'],
    ['兄弟', 'sibling'],
    ['姐妹', 'sibling'],
  ] as Array<[string, Relation]>),
]);
const GROUP_BY_TEXT = new Map<string, SpecialGroup>(
  SPECIAL_GROUPS.flatMap(
    (g) =>
      [
        [SPECIAL_GROUP_LABELS[g].zh, g],
        [SPECIAL_GROUP_LABELS[g].en.toLowerCase(), g],
        [g, g],
      ] as Array<[string, SpecialGroup]>,
  ),
);
const GRADE: Record<string, '1' | '2' | '3' | '4'> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  1: '1',
  2: '2',
  3: '3',
  4: '4',
};

function yesNo(v: unknown): boolean | undefined | 'bad' {
  const s = codeText(v).toLowerCase();
  if (!s) return undefined;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return 'bad';
}

/**
 * One roster row, read and checked on its own. Household fields are null when wrong; resident is null when any of
 * its fields is; idNumber is the normalised ID number when that field is right.
 */
export interface ParsedRow {
  row: number;
  building: string | null;
  unit: string | null;
  room: string | null;
  dibao?: boolean;
  migrant?: boolean;
  resident: Omit<ResidentInput, 'householdId'> | null;
  idNumber: string | null;
  problems: RowProblem[];
}

const SOME_HOUSEHOLD = '01900000-0000-7000-8000-000000000000';
const RESIDENT_FIELDS = new Set<string>([
  'name',
  'gender',
  'birthDate',
  'phone',
  'idNumber',
  'relationToHead',
  'specialGroups',
  'health',
  'disability',
  'note',
]);

function issueKey(issue: z.core.$ZodIssue): string {
  if (hasMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return 'invalid.tooLong';
    case 'too_small':
      return 'invalid.required';
    default:
      return 'invalid.value';
  }
}

/** Reads one row's cells into household and resident input, with every problem found. Never throws. */
export function parseRosterRow(row: number, cells: Partial<Record<RosterField, unknown>>): ParsedRow {
  const problems: RowProblem[] = [];
  const bad = (field: RosterField, message: string, extra: Partial<RowProblem> = {}) => {
    // One problem per field: the first is the one to fix.
    if (!problems.some((p) => p.field === field))
      problems.push({ row, field, column: COLUMN[field].header, message, ...extra });
  };
  for (const c of ROSTER_COLUMNS) {
    const text = cellText(cells[c.field]);
    if (c.required && !text) bad(c.field, 'invalid.required');
    // U+FFFD is what a broken encoding leaves behind: better refused than stored.
    if (text.includes('\uFFFD')) bad(c.field, 'invalid.garbled');
  }

  const address = (field: 'building' | 'unit' | 'room', raw: string, schema: z.ZodType<string>) => {
    if (!raw) return null;
    const r = schema.safeParse(raw);
    if (!r.success) {
      bad(field, issueKey(r.error.issues[0]!));
      return null;
    }
    return r.data;
  };
  const building = address('building', codeText(cells.building), buildingInput.shape.number);
  const unit = address('unit', codeText(cells.unit).replace(/单元$/, ''), householdInput.shape.unit);
  const room = address('room', codeText(cells.room).replace(/[室号]$/, ''), householdInput.shape.room);
  const dibao = yesNo(cells.dibao);
  if (dibao === 'bad') bad('dibao', 'invalid.yesNo');
  const migrant = yesNo(cells.migrant);
  if (migrant === 'bad') bad('migrant', 'invalid.yesNo');

  const genderText = codeText(cells.gender).toLowerCase();
  const gender = GENDER.get(genderText);
  if (genderText && !gender) bad('gender', 'invalid.gender');
  const relationText = cellText(cells.relationToHead).toLowerCase();
  const relationToHead = RELATION_BY_TEXT.get(relationText);
  if (relationText && !relationToHead) bad('relationToHead', 'invalid.relation');

  let idNumber: string | null = null;
  if (typeof cells.idNumber === 'number') bad('idNumber', 'invalid.idNumber.asNumber');
  else idNumber = codeText(cells.idNumber).toUpperCase() || null;

  const specialGroups: SpecialGroup[] = [];
  for (const part of cellText(cells.specialGroups).split(/[、，,;；\s]+/)) {
    if (!part) continue;
    const g = GROUP_BY_TEXT.get(part.toLowerCase());
    if (g) {
      if (!specialGroups.includes(g)) specialGroups.push(g);
    } else bad('specialGroups', 'invalid.specialGroup');
  }
  const conditions = cellText(cells.health)
    .split(/[、，,;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const disabilityText = cellText(cells.disability);
  const graded = /^(.+?)([一二三四1-4])级$/.exec(disabilityText);

  const candidate = {
    householdId: SOME_HOUSEHOLD,
    name: cellText(cells.name),
    gender,
    birthDate: dateText(cells.birthDate),
    phone: codeText(cells.phone) || null,
    idNumber,
    relationToHead,
    specialGroups,
    health: conditions.length ? { conditions } : null,
    disability: disabilityText
      ? graded
        ? { kind: graded[1]!, grade: GRADE[graded[2]!]! }
        : { kind: disabilityText }
      : null,
    note: cellText(cells.note) || null,
  };
  const parsed = residentInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      bad(RESIDENT_FIELDS.has(key) ? (key as RosterField) : 'name', issueKey(issue));
    }
  }
  const residentOk = parsed.success && !problems.some((p) => RESIDENT_FIELDS.has(p.field));
  let resident: ParsedRow['resident'] = null;
  if (residentOk) {
    const { householdId: _, ...rest } = parsed.data;
    resident = rest;
  }
  return {
    row,
    building,
    unit,
    room,
    dibao: typeof dibao === 'boolean' ? dibao : undefined,
    migrant: typeof migrant === 'boolean' ? migrant : undefined,
    // A well-formed ID number is checked for duplicates even when another field of the row is wrong.
    resident,
    idNumber: problems.some((p) => p.field === 'idNumber') ? null : idNumber,
    problems,
  };
}

/** Does this row repeat the template's note row or example row (left in by the person filling it)? */
function isTemplateRow(cells: Partial<Record<RosterField, unknown>>, fields: RosterField[]): boolean {
  // The example's birth date is a date cell; it reads back as YYYY-MM-DD.
  const same = (expected: (f: RosterField) => string) =>
    fields.every(
      (f) => cellText(cells[f]) === expected(f) || (f === 'birthDate' && dateText(cells[f]) === expected(f)),
    );
  return same((f) => COLUMN[f].note) || same((f) => EXAMPLE[f]);
}

// ---------------------------------------------------------------------------------------------------------------
// The file.

interface RosterSheet {
  headerRow: number;
  fields: RosterField[];
  rows: Array<{ row: number; cells: Partial<Record<RosterField, unknown>> }>;
}

/** A problem with the file as a whole, reported like a row problem so the client shows one kind of list. */
function fileProblem(row: number, message: string): AppError {
  const fields: RowProblem[] = [{ row, field: '(file)', column: '', message }];
  return new AppError('validation', { fields });
}

/** Reads the first sheet that has a roster header. */
async function readRoster(reader: WorkbookReader, buffer: Buffer): Promise<RosterSheet> {
  let sheets: SheetRows[];
  try {
    sheets = await reader.read(buffer);
  } catch (err) {
    // Not an .xlsx, or refused by the upload guard.
    if (err instanceof AppError) throw err;
    if (workbookTooBig(err)) throw fileProblem(1, 'invalid.tooManyRows');
    // exceljs and JSZip fail in many ways on a damaged file; to the user they all mean "not a readable .xlsx".
    throw new AppError('unsupported_file');
  }
  for (const sheet of sheets) {
    const at = sheet.findIndex(([n, values]) => n <= 10 && mapHeader(values));
    if (at < 0) continue;
    const [headerRow, headerValues] = sheet[at]!;
    const columns = mapHeader(headerValues)!;
    const fields = [...columns.values()];
    const missing = ROSTER_COLUMNS.filter((c) => c.required && !fields.includes(c.field));
    if (missing.length) {
      const problems: RowProblem[] = missing.map((c) => ({
        row: headerRow,
        field: c.field,
        column: c.header,
        message: 'invalid.missingColumn',
      }));
      throw new AppError('validation', { fields: problems });
    }
    const rows: RosterSheet['rows'] = [];
    for (const [n, values] of sheet.slice(at + 1)) {
      const cells: Partial<Record<RosterField, unknown>> = {};
      let blank = true;
      for (const [i, f] of columns) {
        cells[f] = values[i];
        if (blank && cellText(values[i])) blank = false;
      }
      if (blank || isTemplateRow(cells, fields)) continue;
      if (rows.length >= MAX_ROSTER_ROWS) throw fileProblem(n, 'invalid.tooManyRows');
      rows.push({ row: n, cells });
    }
    if (!rows.length) throw fileProblem(headerRow + 1, 'invalid.emptyRoster');
    return { headerRow, fields, rows };
  }
  throw fileProblem(1, 'invalid.noHeader');
}

// ---------------------------------------------------------------------------------------------------------------
// Import and export.

export interface ImportResult {
  rows: number;
  residents: number;
  households: { created: number; existing: number };
}

/** Building numbers as people write them: “1号楼”, “1号”, “1栋”, “1”. */
function buildingCore(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(号楼|号|栋|幢|楼)$/, '');
}

export class RegistryExcel {
  private readonly reader: WorkbookReader;
  constructor(
    private readonly registry: RegistryService,
    maxInflatedBytes: number,
  ) {
    this.reader = new WorkbookReader({ maxRows: MAX_ROSTER_ROWS + 1000, maxInflatedBytes });
  }

  /** Gets the reader ready while a roster is being uploaded. */
  expectRoster(): void {
    this.reader.warm();
  }

  /** Ends the reader's worker (the app is closing). */
  close(): Promise<void> {
    return this.reader.close();
  }

  /** The template, with the caller's buildings offered as a list. */
  async template(actor: Actor, grant: Grant): Promise<Buffer> {
    const buildings = (await this.registry.importBuildings(actor, grant)).filter((b) => b.inScope).map((b) => b.number);
    return buildTemplate(buildings.sort(byNumberedText));
  }

  /**
   * Imports a filled-in roster. Every row is checked first (its own fields, its building and the caller's scope,
   * ID numbers repeated in the file or already registered, households at the same address agreeing); if any row
   * is wrong nothing is written and the refusal lists each bad row. Otherwise all of it is written in one transaction.
   */
  async importRoster(
    actor: Actor,
    grant: Grant,
    buffer: Buffer,
    ctx: RequestContext,
    opts: { fileName?: string } = {},
  ): Promise<ImportResult> {
    const sheet = await readRoster(this.reader, buffer);
    const parsed = sheet.rows.map((r) => parseRosterRow(r.row, r.cells));
    const problems = parsed.flatMap((p) => p.problems);
    const problem = (p: ParsedRow, field: RosterField, message: string, sameAsRow?: number) => {
      if (p.problems.some((x) => x.field === field)) return;
      const x: RowProblem = {
        row: p.row,
        field,
        column: COLUMN[field].header,
        message,
        ...(sameAsRow ? { sameAsRow } : {}),
      };
      p.problems.push(x);
      problems.push(x);
    };

    // Buildings: by number as registered, else by its bare number (“3” or “3栋” for “3号楼”) when that is unambiguous.
    const buildings = await this.registry.importBuildings(actor, grant);
    const exact = new Map(buildings.map((b) => [b.number.normalize('NFKC').replace(/\s+/g, ''), b]));
    const byCore = new Map<string, (typeof buildings)[number] | null>();
    for (const b of buildings) {
      const k = buildingCore(b.number);
      byCore.set(k, byCore.has(k) ? null : b);
    }
    let outOfScope = false;
    const buildingOf = new Map<ParsedRow, (typeof buildings)[number]>();
    for (const p of parsed) {
      if (!p.building) continue;
      const b = exact.get(p.building) ?? byCore.get(buildingCore(p.building)) ?? undefined;
      if (!b) problem(p, 'building', 'invalid.unknownBuilding');
      else if (!b.inScope) {
        problem(p, 'building', 'invalid.buildingOutOfScope');
        outOfScope = true;
      } else buildingOf.set(p, b);
    }

    // ID numbers: once in the file, and not already in the community.
    const firstRowOf = new Map<string, number>();
    for (const p of parsed) {
      if (!p.idNumber) continue;
      const first = firstRowOf.get(p.idNumber);
      if (first === undefined) firstRowOf.set(p.idNumber, p.row);
      else problem(p, 'idNumber', 'invalid.duplicateInFile', first);
    }
    const registered = await this.registry.registeredIdNumbers(actor, [...firstRowOf.keys()]);
    for (const p of parsed) if (p.idNumber && registered.has(p.idNumber)) problem(p, 'idNumber', 'duplicate_id_number');

    // Households: rows at one address describe one household, and must agree with it if it is already registered.
    const existing = new Map(
      (await this.registry.householdsAt(actor, [...new Set([...buildingOf.values()].map((b) => b.id))])).map((h) => [
        `${h.buildingId}\u0000${h.unit}\u0000${h.room}`,
        h,
      ]),
    );
    interface Address {
      key: string;
      building: (typeof buildings)[number];
      unit: string;
      room: string;
      dibao?: { value: boolean; row: number };
      migrant?: { value: boolean; row: number };
    }
    const addresses = new Map<string, Address>();
    const addressOf = new Map<ParsedRow, Address>();
    for (const p of parsed) {
      const b = buildingOf.get(p);
      if (!b || !p.unit || !p.room) continue;
      const key = `${b.id}\u0000${p.unit}\u0000${p.room}`;
      let a = addresses.get(key);
      if (!a) {
        a = { key, building: b, unit: p.unit, room: p.room };
        addresses.set(key, a);
      }
      addressOf.set(p, a);
      const known = existing.get(key);
      for (const field of ['dibao', 'migrant'] as const) {
        const value = p[field];
        if (value === undefined) continue;
        const earlier = a[field];
        if (earlier && earlier.value !== value) {
          problem(p, field, 'invalid.householdConflict', earlier.row);
          continue;
        }
        a[field] ??= { value, row: p.row };
        // Dibao of a registered household is compared only for callers who may see it (otherwise an import would
        // reveal it).
        const stored = known ? (field === 'dibao' ? known.dibao : known.isMigrant) : null;
        if (stored !== null && stored !== value) problem(p, field, 'invalid.householdMismatch');
      }
    }

    if (problems.length) {
      problems.sort(
        (a, b) =>
          a.row - b.row ||
          ROSTER_COLUMNS.indexOf(COLUMN[a.field as RosterField]) -
            ROSTER_COLUMNS.indexOf(COLUMN[b.field as RosterField]),
      );
      const badRows = new Set(problems.map((p) => p.row)).size;
      throw new AppError(outOfScope ? 'out_of_scope' : 'validation', {
        ...(outOfScope ? { scope: grant.scope } : {}),
        rows: parsed.length,
        badRows,
        problems: problems.length,
        truncated: problems.length > MAX_LISTED_PROBLEMS,
        fields: problems.slice(0, MAX_LISTED_PROBLEMS),
      });
    }

    const plan: RosterPlan = { households: [], residents: [] };
    let existingUsed = 0;
    for (const a of addresses.values()) {
      if (existing.has(a.key)) {
        existingUsed++;
        continue;
      }
      plan.households.push({
        ref: a.key,
        building: { id: a.building.id, gridId: a.building.gridId },
        input: {
          buildingId: a.building.id,
          unit: a.unit,
          room: a.room,
          isMigrant: a.migrant?.value ?? false,
          dibao: a.dibao?.value ?? false,
          note: null,
        },
      });
    }
    for (const p of parsed) {
      const a = addressOf.get(p)!;
      const known = existing.get(a.key);
      plan.residents.push({
        household: known ? { id: known.id, gridId: known.gridId } : { ref: a.key },
        input: p.resident!,
      });
    }
    const written = await this.registry.importRoster(actor, grant, plan, ctx, {
      file: (opts.fileName ?? '').slice(0, 200) || null,
      rows: parsed.length,
      existingHouseholds: existingUsed,
    });
    return {
      rows: parsed.length,
      residents: written.residents,
      households: { created: written.households, existing: existingUsed },
    };
  }

  /** The residents matching a filter (as GET /api/residents, without paging), streamed as a workbook. */
  async residentsWorkbook(
    actor: Actor,
    grant: Grant,
    query: Partial<ResidentQuery>,
    ctx: RequestContext,
  ): Promise<ExportFile> {
    const grids = new Map((await this.registry.grids(actor, grant)).map((g) => [g.id, g.name]));
    const { rows, batches } = await this.registry.auditedResidentExport(actor, grant, query, ctx);
    const label = (g: string) => SPECIAL_GROUP_LABELS[g as SpecialGroup]?.zh ?? g;
    const stream = streamWorkbook(
      '居民名单',
      [
        ['姓名', 10],
        ['性别', 6],
        ['出生日期', 12],
        ['年龄', 6],
        ['手机号', 14],
        ['身份证号', 21],
        ['网格', 12],
        ['地址', 30],
        ['特殊群体', 24],
      ],
      (async function* () {
        for await (const batch of batches) {
          yield batch.map((r) => [
            r.name,
            r.gender === 'male' ? '男' : '女',
            r.birthDate,
            r.age,
            r.phone,
            r.idNumber,
            grids.get(r.gridId) ?? '',
            r.address,
            r.specialGroups.map(label).join('、'),
          ]);
        }
      })(),
    );
    const day = todayInShanghai();
    return { fileName: `居民名单-${day}.xlsx`, asciiFileName: `residents-${day}.xlsx`, rows, stream };
  }

  /** The households matching a filter (as GET /api/households, without paging), streamed as a workbook. */
  async householdsWorkbook(
    actor: Actor,
    grant: Grant,
    query: Partial<HouseholdQuery>,
    ctx: RequestContext,
  ): Promise<ExportFile> {
    const grids = new Map((await this.registry.grids(actor, grant)).map((g) => [g.id, g.name]));
    const { rows, batches } = await this.registry.auditedHouseholdExport(actor, grant, query, ctx);
    const yesNoCell = (v: boolean | null) => (v === null ? null : v ? '是' : '否');
    const stream = streamWorkbook(
      '住户名单',
      [
        ['楼幢', 10],
        ['单元', 7],
        ['室', 8],
        ['地址', 30],
        ['网格', 12],
        ['户主', 10],
        ['人数', 6],
        ['流动人口', 9],
        ['低保户', 8],
      ],
      (async function* () {
        for await (const batch of batches) {
          yield batch.map((h) => [
            h.buildingNumber,
            h.unit,
            h.room,
            h.address,
            grids.get(h.gridId) ?? '',
            h.headName,
            h.memberCount,
            yesNoCell(h.isMigrant),
            yesNoCell(h.dibao),
          ]);
        }
      })(),
    );
    const day = todayInShanghai();
    return { fileName: `住户名单-${day}.xlsx`, asciiFileName: `households-${day}.xlsx`, rows, stream };
  }
}
