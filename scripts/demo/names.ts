// Realistic Chinese names for the demo residents. Surnames are weighted roughly by how common they are in
// Shaanxi (杨 and 党 are more common there than nationally); a few rare surnames are read differently as
// surnames (单 shàn, 曾 zēng, 解 xiè, 仇 qiú, 区 ōu) or carry ü (吕 lǚ), so they exercise pinyin search.
// Given names follow the fashion of the year of birth: 秀英 and 建国 for people born in the 1940s, 丽 and 伟
// for the 1970s, 子涵 and 浩然 for children today.
import type { Rng } from './random.ts';

export type Gender = 'male' | 'female';

/** Weights are parts per thousand, roughly. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 70],
  ['李', 68],
  ['张', 62],
  ['刘', 52],
  ['杨', 45],
  ['陈', 38],
  ['赵', 26],
  ['周', 20],
  ['吴', 17],
  ['黄', 15],
  ['徐', 15],
  ['孙', 15],
  ['马', 14],
  ['胡', 12],
  ['郭', 12],
  ['高', 12],
  ['朱', 11],
  ['何', 10],
  ['罗', 8],
  ['宋', 9],
  ['郑', 8],
  ['梁', 7],
  ['谢', 7],
  ['韩', 8],
  ['唐', 6],
  ['冯', 7],
  ['于', 6],
  ['董', 7],
  ['程', 6],
  ['曹', 6],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['傅', 4],
  ['沈', 4],
  ['彭', 4],
  ['苏', 5],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['贾', 6],
  ['丁', 4],
  ['魏', 5],
  ['薛', 5],
  ['叶', 3],
  ['阎', 4],
  ['余', 3],
  ['潘', 3],
  ['杜', 5],
  ['戴', 3],
  ['夏', 3],
  ['田', 5],
  ['任', 5],
  ['姜', 3],
  ['范', 4],
  ['方', 3],
  ['石', 4],
  ['姚', 3],
  ['雷', 5],
  ['党', 5],
  ['侯', 4],
  ['孟', 3],
  ['白', 4],
  ['崔', 3],
  ['康', 3],
  ['毛', 3],
  ['秦', 3],
  ['史', 3],
  ['贺', 3],
  ['武', 3],
  ['乔', 3],
  ['常', 3],
  ['段', 3],
  ['权', 2],
  ['屈', 2],
  ['寇', 2],
  ['拓', 1],
  ['雒', 1],
  // Rare ones that test pinyin search: surname readings and ü.
  ['曾', 2],
  ['吕', 3],
  ['单', 1],
  ['解', 1],
  ['仇', 1],
  ['区', 1],
  ['欧阳', 1],
  ['司马', 1],
  ['上官', 1],
];

export type Generation = 'elder' | 'middle' | 'young' | 'child';

/** Which naming fashion a person born in this year follows. */
export function generationOf(birthYear: number): Generation {
  if (birthYear <= 1965) return 'elder';
  if (birthYear <= 1989) return 'middle';
  if (birthYear <= 2009) return 'young';
  return 'child';
}

interface GivenNamePool {
  /** Whole given names, as people of that time were named. */
  whole: readonly string[];
  /** Characters that make a two-character name: first + second. */
  first: readonly string[];
  second: readonly string[];
  /** Share of one-character given names (王伟, 李静). */
  singleShare: number;
}

type Pools = Record<Generation, Record<Gender, GivenNamePool>>;

const POOLS: Pools = {
  elder: {
    male: {
      whole: [
        '建国',
        '国强',
        '建华',
        '志强',
        '振华',
        '德明',
        '卫东',
        '保国',
        '永福',
        '建民',
        '国庆',
        '援朝',
        '胜利',
        '福生',
        '文斌',
        '志刚',
        '长林',
        '宝山',
        '玉明',
        '忠厚',
      ],
      first: ['建', '国', '志', '德', '振', '文', '永', '保', '长', '玉', '世', '铁', '新', '学', '宝'],
      second: ['国', '华', '民', '明', '林', '山', '福', '生', '成', '军', '平', '才', '忠', '祥', '贵'],
      singleShare: 0.08,
    },
    female: {
      whole: [
        '秀英',
        '桂兰',
        '玉兰',
        '秀兰',
        '桂英',
        '淑珍',
        '凤英',
        '玉珍',
        '秀珍',
        '桂芳',
        '翠兰',
        '兰英',
        '素芳',
        '秀芳',
        '玉梅',
        '淑兰',
        '秀云',
        '桂香',
        '凤兰',
        '金花',
      ],
      first: ['秀', '桂', '玉', '淑', '凤', '翠', '素', '兰', '金', '美', '彩', '月'],
      second: ['英', '兰', '珍', '芳', '梅', '云', '香', '琴', '霞', '花', '娥', '莲'],
      singleShare: 0.05,
    },
  },
  middle: {
    male: {
      whole: [
        '建军',
        '海涛',
        '志刚',
        '晓东',
        '立新',
        '建平',
        '红军',
        '卫国',
        '永强',
        '俊峰',
        '小军',
        '军利',
        '宏伟',
        '利民',
        '朝阳',
      ],
      first: ['海', '晓', '建', '立', '红', '卫', '永', '俊', '小', '宏', '利', '军', '少', '国'],
      second: ['涛', '东', '军', '平', '峰', '伟', '强', '斌', '刚', '辉', '锋', '波', '利', '勇'],
      singleShare: 0.3,
    },
    female: {
      whole: [
        '丽娟',
        '晓燕',
        '春梅',
        '海燕',
        '晓梅',
        '丽华',
        '红梅',
        '小红',
        '亚琴',
        '彩霞',
        '艳妮',
        '丽萍',
        '秀娟',
        '晓丽',
      ],
      first: ['丽', '晓', '春', '海', '红', '小', '亚', '彩', '艳', '秀', '雅', '美'],
      second: ['娟', '燕', '梅', '华', '红', '琴', '霞', '妮', '萍', '丽', '玲', '芳'],
      singleShare: 0.3,
    },
  },
  young: {
    male: {
      whole: ['子豪', '宇轩', '俊杰', '家豪', '浩宇', '博文', '鹏飞', '嘉伟', '天宇', '昊天', '一鸣', '文博', '明轩'],
      first: ['子', '宇', '俊', '家', '浩', '博', '鹏', '嘉', '天', '昊', '泽', '文', '佳'],
      second: ['豪', '轩', '杰', '宇', '文', '飞', '伟', '天', '鸣', '博', '涛', '航', '阳'],
      singleShare: 0.15,
    },
    female: {
      whole: ['欣怡', '佳怡', '思雨', '梦琪', '雨欣', '诗涵', '婉婷', '雪莹', '佳琪', '晓雯', '倩倩', '玉洁'],
      first: ['欣', '佳', '思', '梦', '雨', '诗', '婉', '雪', '晓', '倩', '玉', '静'],
      second: ['怡', '雨', '琪', '欣', '涵', '婷', '莹', '雯', '洁', '瑶', '悦', '楠'],
      singleShare: 0.15,
    },
  },
  child: {
    male: {
      whole: ['子轩', '浩然', '宇辰', '梓睿', '子墨', '沐宸', '奕辰', '皓轩', '一诺', '睿泽', '梓豪', '铭轩', '锦程'],
      first: ['子', '浩', '宇', '梓', '沐', '奕', '皓', '睿', '铭', '锦', '俊', '思', '嘉'],
      second: ['轩', '然', '辰', '睿', '墨', '宸', '泽', '豪', '程', '熙', '航', '言', '阳'],
      singleShare: 0.04,
    },
    female: {
      whole: ['子涵', '梓涵', '欣怡', '一诺', '诗涵', '语桐', '若汐', '梓萱', '可馨', '雨桐', '依依', '沐晴', '芊芊'],
      first: ['子', '梓', '欣', '诗', '语', '若', '可', '雨', '依', '沐', '芷', '思', '安'],
      second: ['涵', '萱', '怡', '桐', '汐', '馨', '晴', '琪', '然', '悦', '诺', '瑶', '彤'],
      singleShare: 0.03,
    },
  },
};

export function randomSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function randomGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  const pool = POOLS[generationOf(birthYear)][gender];
  if (rng.chance(pool.singleShare)) return rng.pick(pool.second);
  // Some names are the stock names of the time, the rest are composed, so names repeat about as often as
  // they do in a real community (there is always more than one 王秀英) without every name being stock.
  if (rng.chance(0.4)) return rng.pick(pool.whole);
  const first = rng.pick(pool.first);
  let second = rng.pick(pool.second);
  if (first === second) second = rng.pick(pool.second); // 丽丽 and 倩倩 happen, but rarely.
  if (first === second && pool.whole.length > 0) return rng.pick(pool.whole);
  return first + second;
}

export function randomName(rng: Rng, gender: Gender, birthYear: number, surname = randomSurname(rng)): string {
  return surname + randomGivenName(rng, gender, birthYear);
}

/** The surname of a full name (two characters for the compound surnames we use). */
export function surnameOf(name: string): string {
  for (const [s] of SURNAMES) if (s.length === 2 && name.startsWith(s)) return s;
  return name.slice(0, 1);
}
