// What a resident types into the official account, read as a command; and a first guess at which skill
// category a need in their own words belongs to. Pure, so the server and tests share it.
import { normalizeMobile } from '../shared/phone.ts';
import type { SkillCategory } from '../volunteers/skills.ts';

export type WechatCommand =
  | { kind: 'bind'; phone: string | null }
  | { kind: 'code'; code: string }
  | { kind: 'unbind' }
  | { kind: 'need'; text: string }
  | { kind: 'book'; choice: number | null }
  | { kind: 'mine' }
  | { kind: 'switch'; choice: number | null }
  | { kind: 'help' };

/** The most a need's description carries (the rest of a long message is cut). */
export const NEED_TEXT_MAX = 500;

// Phones' Chinese keyboards type full-width digits and spaces; read them as plain ones.
function normalize(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\u3000\s]+/g, ' ')
    .trim();
}

const number = (s: string) => (/^\d{1,3}$/.test(s) ? Number(s) : null);

export function parseCommand(input: string): WechatCommand {
  const text = normalize(input);
  const word = (w: string) => text === w || text.startsWith(w);
  const rest = (w: string) =>
    text
      .slice(w.length)
      .replace(/^[\s:：,，]+/, '')
      .trim();
  if (word('绑定')) return { kind: 'bind', phone: normalizeMobile(rest('绑定')) };
  if (word('验证码')) {
    const c = rest('验证码');
    return /^\d{6}$/.test(c) ? { kind: 'code', code: c } : { kind: 'help' };
  }
  if (/^\d{6}$/.test(text)) return { kind: 'code', code: text };
  if (text === '解绑' || text === '解除绑定') return { kind: 'unbind' };
  for (const w of ['需求', '求助']) if (word(w)) return { kind: 'need', text: rest(w).slice(0, NEED_TEXT_MAX) };
  if (word('预约')) {
    const r = rest('预约');
    return { kind: 'book', choice: r ? number(r) : null };
  }
  if (text === '我的') return { kind: 'mine' };
  if (word('切换')) {
    const r = rest('切换');
    return { kind: 'switch', choice: r ? number(r) : null };
  }
  return { kind: 'help' };
}

// Ordered: the first category with a matching word wins (看病 before 聊天 when both appear).
const KEYWORDS: ReadonlyArray<[SkillCategory, readonly string[]]> = [
  [
    'medical',
    [
      '看病',
      '血压',
      '血糖',
      '吃药',
      '取药',
      '拿药',
      '配药',
      '换药',
      '打针',
      '医院',
      '头疼',
      '头痛',
      '发烧',
      '护理',
      '复查',
      '体检',
      '腿疼',
      '康复',
    ],
  ],
  ['legal', ['法律', '纠纷', '律师', '官司', '合同', '欠薪', '遗嘱', '赡养', '维权', '诉讼']],
  ['education', ['孩子', '作业', '功课', '辅导', '学习', '上学', '补课', '写字']],
  ['psychological', ['聊天', '心情', '孤单', '寂寞', '烦', '失眠', '难过', '想不开', '陪伴', '说说话']],
  ['science_digital', ['手机', '电脑', '微信', '网络', '上网', '视频', '健康码', '支付', '电视', '宽带']],
  ['culture', ['唱歌', '跳舞', '书法', '画画', '下棋', '文艺']],
  [
    'household',
    ['修', '水管', '灯', '漏水', '下水', '马桶', '电路', '插座', '打扫', '搬', '买菜', '做饭', '家政', '门锁', '暖气'],
  ],
];

/** A first guess staff can correct; household (家政维修) when nothing matches, the most common need. */
export function guessCategory(text: string): SkillCategory {
  for (const [category, words] of KEYWORDS) if (words.some((w) => text.includes(w))) return category;
  return 'household';
}
