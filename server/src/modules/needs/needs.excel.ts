// The needs list as an Excel sheet (the console's 需求列表 with its filters), in Chinese like the console.
import type { Readable } from 'node:stream';
import { streamWorkbook, type ExportCell } from '../../platform/excel.ts';
import { CATEGORY_LABELS, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import type { toNeed } from './needs.service.ts';

const STATUS: Record<string, string> = {
  new: '待对接',
  matched: '已对接',
  scheduled: '已约时间',
  in_progress: '服务中',
  done: '已完成',
  reviewed: '已回访',
  cancelled: '已取消',
  declined: '不予受理',
};
const CHANNEL: Record<string, string> = {
  phone: '电话',
  online: '网上',
  wechat: '微信',
  office: '窗口',
  survey: '入户摸查',
};
const URGENCY: Record<string, string> = { normal: '一般', urgent: '紧急', emergency: '特急' };
/** Shanghai wall-clock time of an ISO instant, to the minute. */
const local = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export function needsWorkbook(batches: AsyncIterable<Array<ReturnType<typeof toNeed>>>): Readable {
  return streamWorkbook(
    '需求列表',
    [
      ['登记时间', 17],
      ['居民', 10],
      ['类别', 14],
      ['紧急程度', 9],
      ['渠道', 9],
      ['状态', 9],
      ['志愿者', 10],
      ['需求描述', 40],
      ['对接时间', 17],
      ['完成时间', 17],
      ['评分', 6],
      ['取消/不受理原因', 24],
    ],
    (async function* () {
      for await (const batch of batches) {
        yield batch.map((n): ExportCell[] => [
          local(n.createdAt),
          n.residentName ?? '',
          CATEGORY_LABELS[n.category as SkillCategory]?.zh ?? n.category,
          URGENCY[n.urgency] ?? n.urgency,
          CHANNEL[n.channel] ?? n.channel,
          STATUS[n.status] ?? n.status,
          n.volunteerName ?? '',
          n.description,
          local(n.matchedAt),
          local(n.doneAt),
          n.rating,
          n.closeReason ?? '',
        ]);
      }
    })(),
  );
}
