// The project report as lines (section, figure, value) for the Excel and PDF exports: the figures the console shows.
import { CONTACT_KIND_LABELS, type ContactKind } from '../../../../domain/contacts/kinds.ts';
import { SPECIAL_GROUP_LABELS } from '../../../../domain/registry/special-groups.ts';
import {
  TARGET_METRIC_LABELS,
  yuan,
  type ProjectReport,
  type TargetMetric,
} from '../../../../domain/projects/schemas.ts';
import type { SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import { a4Document, finish } from '../../platform/pdf.ts';

export interface ReportLine {
  section: string;
  label: string;
  value: string | number;
}

const hours = (m: number) => Math.round((m / 60) * 10) / 10;
const groupName = (g: string | null) => (g ? (SPECIAL_GROUP_LABELS[g as SpecialGroup]?.zh ?? g) : '全体');

export function reportLines(r: ProjectReport): ReportLine[] {
  const lines: ReportLine[] = [
    { section: '项目', label: '名称', value: r.name },
    { section: '项目', label: '统计期间', value: `${r.from} 至 ${r.to}` },
    { section: '成效', label: '服务人次', value: r.services },
    { section: '成效', label: '服务人数', value: r.people },
    { section: '成效', label: '服务时长（小时）', value: hours(r.minutes) },
    { section: '成效', label: '其中已审核（小时）', value: hours(r.verifiedMinutes) },
    { section: '成效', label: '参与志愿者', value: r.volunteers },
  ];
  for (const k of r.byKind)
    lines.push({
      section: '服务类别',
      label: CONTACT_KIND_LABELS[k.kind as ContactKind]?.zh ?? k.kind,
      value: k.services,
    });
  for (const g of r.byGroup)
    lines.push({
      section: '特殊群体',
      label: `${groupName(g.group)}（人次/人数）`,
      value: `${g.services} / ${g.people}`,
    });
  for (const t of r.targets)
    lines.push({
      section: '目标',
      label: `${TARGET_METRIC_LABELS[t.metric as TargetMetric].zh} · ${groupName(t.group)}`,
      value: `${t.achieved} / ${t.target}`,
    });
  lines.push(
    { section: '预算', label: '计划（元）', value: yuan(r.budgetFen) },
    { section: '预算', label: '已支出（元）', value: yuan(r.spentFen) },
    { section: '预算', label: '结余（元）', value: yuan(r.budgetFen - r.spentFen) },
  );
  return lines;
}

export async function reportPdf(r: ProjectReport): Promise<Buffer> {
  const doc = a4Document({ title: `项目成效 ${r.name}`, subject: `${r.name} 项目成效报告` });
  doc.fontSize(20).text(`${r.name} · 项目成效报告`, { align: 'center' });
  doc.moveDown(0.5).fontSize(11).fillColor('#444').text(`统计期间：${r.from} 至 ${r.to}`, { align: 'center' });
  doc.fillColor('#000').moveDown();
  let section = '';
  for (const l of reportLines(r).slice(2)) {
    if (l.section !== section) {
      section = l.section;
      doc.moveDown(0.5).fontSize(14).text(section);
    }
    doc.fontSize(11).text(`${l.label}：${l.value}`, { indent: 16 });
  }
  return finish(doc);
}
