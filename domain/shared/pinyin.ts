// Names to searchable pinyin: full spelling and initials, with surnames read as surnames (单 → shan,
// 曾 → zeng) and ü written v (吕 → lv). Server-only: pinyin-pro's dictionary is large.
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  full: string;
  initials: string;
}

export function namePinyin(name: string): NamePinyin {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
