// Festival and solar-term templates: what a community usually does on the day, ready to become an activity
// in one step (title, description and shifts prefilled). Dates come from domain/calendar.
import { festivals, solarTerms, SOLAR_TERMS, type FestivalKey, type SolarTermKey } from '../calendar/calendar.ts';
import type { ActivityKind } from './schemas.ts';

export interface TemplateShift {
  name: string;
  start: string;
  end: string;
  places: number;
}
export interface Template {
  key: string;
  source: 'festival' | 'solar_term';
  date: string;
  name: { zh: string; en: string };
  kind: ActivityKind;
  title: string;
  description: string;
  shifts: TemplateShift[];
}

const FESTIVAL_PLANS: Record<FestivalKey, { title: string; description: string; shifts: TemplateShift[] }> = {
  spring_festival: {
    title: '春节包饺子 · 给独居老人送年',
    description: '除夕前后和志愿者一起包饺子，送到独居、空巢老人家里，陪老人说说话、贴春联。',
    shifts: [
      { name: '厨房组', start: '09:00', end: '12:00', places: 10 },
      { name: '配送组', start: '11:00', end: '13:00', places: 6 },
    ],
  },
  lantern_festival: {
    title: '元宵节滚汤圆 · 猜灯谜',
    description: '在社区活动室一起滚汤圆、挂灯谜，邀请行动不便的老人到场，送汤圆上门。',
    shifts: [
      { name: '厨房组', start: '09:00', end: '11:30', places: 8 },
      { name: '灯谜组', start: '14:00', end: '17:00', places: 6 },
      { name: '配送组', start: '11:00', end: '12:30', places: 6 },
    ],
  },
  lei_feng_day: {
    title: '学雷锋志愿服务日',
    description: '3 月 5 日学雷锋：义诊、义剪、家电维修、法律咨询集中摆摊，楼院卫生大扫除。',
    shifts: [
      { name: '便民服务组', start: '08:30', end: '11:30', places: 12 },
      { name: '环境清洁组', start: '08:30', end: '10:30', places: 15 },
    ],
  },
  dragon_boat_festival: {
    title: '端午包粽子 · 送粽到家',
    description: '端午节前包粽子、缝香囊，给困难家庭、独居老人送粽子。',
    shifts: [
      { name: '厨房组', start: '09:00', end: '12:00', places: 10 },
      { name: '配送组', start: '11:00', end: '13:00', places: 6 },
    ],
  },
  mid_autumn_festival: {
    title: '中秋做月饼 · 邻里团圆',
    description: '中秋节前一起做月饼，邻里团圆茶话会，给独居老人送月饼。',
    shifts: [
      { name: '厨房组', start: '09:00', end: '12:00', places: 10 },
      { name: '配送组', start: '14:00', end: '16:00', places: 6 },
    ],
  },
  double_ninth_festival: {
    title: '重阳敬老 · 陪伴老人',
    description: '重阳节（老年节）为老人义诊、理发、拍全家福，陪老人登高散步。',
    shifts: [
      { name: '义诊义剪组', start: '09:00', end: '11:30', places: 8 },
      { name: '陪伴组', start: '14:00', end: '16:30', places: 10 },
    ],
  },
  international_volunteer_day: {
    title: '国际志愿者日 · 志愿服务集市',
    description: '12 月 5 日国际志愿者日：志愿服务集市、新志愿者招募、优秀志愿者分享。',
    shifts: [
      { name: '集市服务组', start: '09:00', end: '12:00', places: 12 },
      { name: '招募咨询组', start: '09:00', end: '12:00', places: 4 },
    ],
  },
};

/** One line of seasonal work per solar term (节气时令服务). */
const TERM_WORK: Record<SolarTermKey, string> = {
  xiaohan: '入户查看老人取暖和燃气安全',
  dahan: '为独居老人送棉衣、检查取暖设施',
  lichun: '楼院春季大扫除',
  yushui: '清理楼顶和排水沟',
  jingzhe: '春季灭蟑灭鼠、健康讲座',
  chunfen: '社区植绿护绿',
  qingming: '文明祭扫宣传、陪伴老人',
  guyu: '春季防火巡查',
  lixia: '防汛物资检查',
  xiaoman: '夏季防溺水宣传',
  mangzhong: '楼院杂物清理',
  xiazhi: '给高龄老人送防暑用品',
  xiaoshu: '高温天入户探访独居老人',
  dashu: '送清凉、防中暑宣传',
  liqiu: '秋季卫生清扫',
  chushu: '开学前护学岗',
  bailu: '秋季义诊',
  qiufen: '邻里秋收分享会',
  hanlu: '入户检查老人保暖准备',
  shuangjiang: '秋冬防火巡查',
  lidong: '供暖前入户检查',
  xiaoxue: '扫雪铲冰预备队集结',
  daxue: '扫雪铲冰、护送老人出行',
  dongzhi: '冬至包饺子送老人',
};

export const FESTIVAL_TEMPLATE_KEYS = Object.keys(FESTIVAL_PLANS) as FestivalKey[];
export const SOLAR_TERM_KEYS = SOLAR_TERMS.map((t) => t.key);

function termTemplate(t: { key: SolarTermKey; zh: string; en: string; date: string }): Template {
  const work = TERM_WORK[t.key];
  return {
    key: t.key,
    source: 'solar_term',
    date: t.date,
    name: { zh: t.zh, en: t.en },
    kind: 'service',
    title: `${t.zh} · ${work}`,
    description: `${t.zh}时令志愿服务：${work}。`,
    shifts: [{ name: '服务组', start: '09:00', end: '11:00', places: 10 }],
  };
}

/** Every template of a year, by date. */
export function templatesOf(year: number): Template[] {
  const fest = festivals(year).map((f): Template => ({
    key: f.key,
    source: 'festival',
    date: f.date,
    name: f.name,
    kind: 'service',
    ...FESTIVAL_PLANS[f.key],
    shifts: FESTIVAL_PLANS[f.key].shifts.map((s) => ({ ...s })),
  }));
  return [...fest, ...solarTerms(year).map(termTemplate)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );
}

/** Templates whose date falls in [from, to] (local dates), across the years they span. */
export function templatesBetween(from: string, to: string): Template[] {
  const out: Template[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    out.push(...templatesOf(y).filter((t) => t.date >= from && t.date <= to));
  return out;
}

/** A template by key for a given date's year, or null for an unknown key. */
export function templateFor(key: string, year: number): Template | null {
  return templatesOf(year).find((t) => t.key === key) ?? null;
}
