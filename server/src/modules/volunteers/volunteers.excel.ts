// Excel import and export of volunteers, on the platform's helpers (formula escaping, cell reading, the
// workbook reader in a worker, the streaming writer). No HTTP here.
import ExcelJS from 'exceljs';
import { GENDERS } from '../../../../domain/registry/special-groups.ts';
import {
  volunteerInput,
  POLITICAL_STATUSES,
  RECRUITED_VIA,
  GUARDIAN_RELATIONS,
  type VolunteerInput,
  type VolunteerQuery,
} from '../../../../domain/volunteers/schemas.ts';
import { FITNESS } from '../../../../domain/volunteers/eligibility.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  cellText,
  dateText,
  WorkbookReader,
  streamWorkbook,
  workbookTooBig,
  type ExportFile,
  type SheetRows,
} from '../../platform/excel.ts';
import type { VolunteerService } from './volunteers.service.ts';

const MAX_ROWS = 5000;

type Field =
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'idNumber'
  | 'fitness'
  | 'politicalStatus'
  | 'recruitedVia'
  | 'guardianName'
  | 'guardianPhone'
  | 'guardianRelation'
  | 'note';
const COLUMNS: Array<{ field: Field; header: string; width: number; required?: boolean; example: string }> = [
  { field: 'name', header: '姓名', width: 12, required: true, example: '张秀兰' },
  { field: 'gender', header: '性别', width: 8, required: true, example: '女' },
  { field: 'birthDate', header: '出生日期', width: 14, required: true, example: '1965-03-08' },
  { field: 'phone', header: '手机号', width: 14, required: true, example: '13900000000' },
  { field: 'idNumber', header: '身份证号', width: 22, required: true, example: '610302196503080026' },
  { field: 'fitness', header: '身体状况', width: 10, example: '良好' },
  { field: 'politicalStatus', header: '政治面貌', width: 10, example: '群众' },
  { field: 'recruitedVia', header: '招募渠道', width: 12, example: '居委会' },
  { field: 'guardianName', header: '监护人姓名', width: 12, example: '' },
  { field: 'guardianPhone', header: '监护人电话', width: 14, example: '' },
  { field: 'guardianRelation', header: '监护人关系', width: 10, example: '' },
  { field: 'note', header: '备注', width: 24, example: '' },
];

const LABELS: Record<string, Record<string, string>> = {
  gender: { 男: 'male', 女: 'female', ...Object.fromEntries(GENDERS.map((g) => [g, g])) },
  fitness: {
    良好: 'good',
    一般: 'fair',
    行动不便: 'limited',
    较差: 'limited',
    ...Object.fromEntries(FITNESS.map((g) => [g, g])),
  },
  politicalStatus: {
    中共党员: 'party_member',
    党员: 'party_member',
    共青团员: 'league_member',
    团员: 'league_member',
    群众: 'masses',
    ...Object.fromEntries(POLITICAL_STATUSES.map((g) => [g, g])),
  },
  recruitedVia: {
    居委会: 'residents_committee',
    团支部: 'youth_league',
    共青团: 'youth_league',
    妇联: 'womens_federation',
    老年协会: 'elderly_association',
    残联: 'disabled_association',
    驻区单位: 'unit',
    单位: 'unit',
    党组织: 'party',
    自己报名: 'self',
    本人: 'self',
    ...Object.fromEntries(RECRUITED_VIA.map((g) => [g, g])),
  },
  guardianRelation: {
    父亲: 'father',
    母亲: 'mother',
    祖父母: 'grandparent',
    外祖父母: 'grandparent',
    爷爷: 'grandparent',
    奶奶: 'grandparent',
    其他: 'other',
    ...Object.fromEntries(GUARDIAN_RELATIONS.map((g) => [g, g])),
  },
};
const DEFAULTS: Partial<Record<Field, string>> = {
  fitness: 'good',
  politicalStatus: 'masses',
  recruitedVia: 'residents_committee',
};

export interface VolunteerImportResult {
  rows: number;
  status: string;
}

export class VolunteerExcel {
  private readonly reader: WorkbookReader;
  constructor(
    private readonly volunteers: VolunteerService,
    maxInflatedBytes: number,
  ) {
    this.reader = new WorkbookReader({ maxInflatedBytes });
  }

  close() {
    return this.reader.close();
  }

  async template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('志愿者名单', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.addRow(COLUMNS.map((c) => c.example));
    ws.getColumn(COLUMNS.findIndex((c) => c.field === 'idNumber') + 1).numFmt = '@';
    ws.getColumn(COLUMNS.findIndex((c) => c.field === 'phone') + 1).numFmt = '@';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async import(actor: Actor, grant: Grant, buffer: Buffer, ctx: RequestContext): Promise<VolunteerImportResult> {
    let sheets: SheetRows[];
    try {
      sheets = await this.reader.read(buffer);
    } catch (err) {
      // Not an .xlsx, or refused by the upload guard.
      if (err instanceof AppError) throw err;
      if (workbookTooBig(err))
        throw new AppError('validation', { fields: [{ row: 1, field: '(file)', message: 'volunteer.tooManyRows' }] });
      throw new AppError('unsupported_file');
    }
    const sheet = sheets.find((s) => s.some(([n, v]) => n <= 10 && headerMap(v)));
    if (!sheet)
      throw new AppError('validation', { fields: [{ row: 1, field: '(file)', message: 'volunteer.noHeader' }] });
    const at = sheet.findIndex(([n, v]) => n <= 10 && headerMap(v));
    const cols = headerMap(sheet[at]![1])!;
    const problems: Array<FieldProblem & { row: number }> = [];
    const rows: Array<{ row: number; input: VolunteerInput }> = [];
    for (const [n, values] of sheet.slice(at + 1)) {
      const cells: Partial<Record<Field, string>> = {};
      for (const [i, f] of cols) cells[f] = f === 'birthDate' ? dateText(values[i]) : cellText(values[i]);
      if (!Object.values(cells).some(Boolean)) continue;
      // The template's example row is not a volunteer.
      if (COLUMNS.every((c) => (cells[c.field] ?? '') === c.example)) continue;
      if (rows.length + problems.length >= MAX_ROWS)
        throw new AppError('validation', { fields: [{ row: n, field: '(file)', message: 'volunteer.tooManyRows' }] });
      const mapped = (f: Field) => {
        const v = cells[f] || DEFAULTS[f] || '';
        return LABELS[f]?.[v] ?? v;
      };
      const candidate = {
        name: cells.name ?? '',
        gender: mapped('gender'),
        birthDate: cells.birthDate ?? '',
        phone: cells.phone ?? '',
        idNumber: cells.idNumber ?? '',
        fitness: mapped('fitness'),
        politicalStatus: mapped('politicalStatus'),
        recruitedVia: mapped('recruitedVia'),
        note: cells.note || null,
        unitId: grant.scope === 'unit' ? actor.unitId : null,
        guardian: cells.guardianName
          ? {
              name: cells.guardianName,
              phone: cells.guardianPhone ?? '',
              relation: mapped('guardianRelation') || 'other',
            }
          : null,
      };
      const parsed = volunteerInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({
            row: n,
            field: issue.path.map(String).join('.') || '(row)',
            message: issue.message.startsWith('invalid.') ? issue.message : 'invalid.value',
          });
        continue;
      }
      rows.push({ row: n, input: parsed.data });
    }
    if (!rows.length && !problems.length)
      throw new AppError('validation', { fields: [{ row: at + 2, field: '(file)', message: 'volunteer.emptyFile' }] });
    return this.volunteers.importRows(actor, grant, rows, ctx, problems);
  }

  async export(actor: Actor, grant: Grant, q: Partial<VolunteerQuery>, ctx: RequestContext): Promise<ExportFile> {
    const { rows, batches } = await this.volunteers.auditedExport(actor, grant, q, ctx);
    const day = new Date().toISOString().slice(0, 10);
    const stream = streamWorkbook(
      '志愿者名单',
      [
        ['姓名', 12],
        ['性别', 8],
        ['出生日期', 14],
        ['年龄', 8],
        ['手机号', 14],
        ['身份证号', 22],
        ['状态', 10],
        ['政治面貌', 10],
        ['招募渠道', 12],
        ['单位', 20],
      ],
      (async function* () {
        const g = { male: '男', female: '女' } as const;
        const st = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
        const ps = { party_member: '中共党员', league_member: '共青团员', masses: '群众' } as const;
        const rv = Object.fromEntries(
          Object.entries(LABELS.recruitedVia!)
            .filter(([k]) => !/^[a-z_]+$/.test(k))
            .map(([k, v]) => [v, k]),
        );
        for await (const batch of batches)
          yield batch.map((v) => [
            v.name,
            g[v.gender],
            v.birthDate,
            v.age,
            v.phone,
            v.idNumber,
            st[v.status],
            ps[v.politicalStatus],
            rv[v.recruitedVia] ?? v.recruitedVia,
            v.unitName ?? '',
          ]);
      })(),
    );
    return { fileName: `志愿者名单-${day}.xlsx`, asciiFileName: `volunteers-${day}.xlsx`, rows, stream };
  }
}

function headerMap(values: readonly unknown[]): Map<number, Field> | null {
  const byHeader = new Map(COLUMNS.map((c) => [c.header, c.field] as const));
  const m = new Map<number, Field>();
  values.forEach((v, i) => {
    const f = byHeader.get(cellText(v).replace(/[*＊\s]/g, ''));
    if (f) m.set(i, f);
  });
  return [...m.values()].includes('name') && [...m.values()].includes('idNumber') ? m : null;
}
