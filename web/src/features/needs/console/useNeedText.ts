// Words for a need's enums, and a matching score's parts ("同楼 +20"), in the UI language. Category and skill
// names come from the skills catalogue in domain/, the rest from the console strings.
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, SKILL_BY_CODE, type SkillCategory } from '../../../../../domain/volunteers/skills.ts';
import type { MatchPart, NeedChannel, NeedStatus, NeedUrgency } from '../api.ts';

const hhmm = (m: unknown) =>
  typeof m === 'number' ? `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` : '';

/** +20, −10 (a true minus sign), 0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function useNeedText() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const category = (c: string) => {
    const l = CATEGORY_LABELS[c as SkillCategory];
    return l ? (en ? l.en : l.zh) : c;
  };
  const skill = (code: string | null | undefined) => {
    if (!code) return '';
    const s = SKILL_BY_CODE.get(code);
    return s ? (en ? s.en : s.zh) : code;
  };
  const level = (l: unknown) =>
    l === 'basic' || l === 'skilled' || l === 'expert' ? t(`needs.level.${l}`) : String(l ?? '');
  const gender = (g: unknown) => (g === 'male' || g === 'female' ? t(`gender.${g}`) : String(g ?? ''));

  /** One part of a score in words, e.g. "曾服务 3 次". Unknown detail keys show as they are rather than vanish. */
  const part = (p: MatchPart): string => {
    const key = p.detail.replace(/^match\./, '').replace('.', '_');
    const x = p.params ?? {};
    const params = {
      ...x,
      skill: skill(String(x.skill ?? '')),
      level: level(x.level),
      category: category(String(x.category ?? '')),
      gender: gender(x.gender),
      start: hhmm(x.startMinute),
      end: hhmm(x.endMinute),
      detail: p.detail,
    };
    return i18n.exists(`needs.why.${key}`)
      ? (t as (k: string, o: object) => string)(`needs.why.${key}`, params)
      : t('needs.why.unknown', { detail: p.detail });
  };

  return {
    category,
    skill,
    part,
    status: (s: NeedStatus | 'open') => t(`needs.status.${s}`),
    channel: (c: NeedChannel) => t(`needs.channel.${c}`),
    urgency: (u: NeedUrgency) => t(`needs.urgency.${u}`),
    /** The parts with the largest effect first, joined: "同楼 +20，曾服务 3 次 +15，已有 2 项任务 −10". */
    explain: (parts: MatchPart[]) =>
      [...parts]
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
        .map((p) => `${part(p)} ${signed(p.points)}`)
        .join(en ? ', ' : '，'),
    /** The parts that added nothing, in words only ("时间不限、曾服务 0 次"). */
    neutral: (parts: MatchPart[]) =>
      parts
        .filter((p) => p.points === 0)
        .map(part)
        .join(en ? ', ' : '、'),
    /** How long since the need was heard: hours under two days, then days. */
    waiting: (since: string, until?: string | null) => {
      const h = ((until ? Date.parse(until) : Date.now()) - Date.parse(since)) / 3_600_000;
      return h < 48
        ? t('needs.board.hours', { n: Math.max(0, Math.round(h)) })
        : t('needs.board.days', { n: Math.floor(h / 24) });
    },
  };
}
