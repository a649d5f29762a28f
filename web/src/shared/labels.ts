// Labels of the shared enums (roles, special groups, relations) in the UI language.
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../domain/access/roles.ts';
import { RELATION_LABELS, SPECIAL_GROUP_LABELS } from '../../../domain/registry/special-groups.ts';

type Bilingual = { zh: string; en: string };

function pick(table: Record<string, Bilingual>, key: string | null | undefined, lang: string): string {
  if (!key) return '';
  const l = table[key];
  if (!l) return key;
  return lang === 'en' ? l.en : l.zh;
}

/** A bare building number ("12", "12A") gets the word for building; "1号楼" is already a name. */
const BARE_NUMBER = /^\d+[A-Za-z]?$/;

export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const building = (n: string) => (BARE_NUMBER.test(n.trim()) ? t('registry.buildingShort', { number: n.trim() }) : n);
  return {
    building,
    buildingFull: (street: string, n: string) => t('registry.buildingName', { street, number: building(n) }),
    role: (r: string | null | undefined) => pick(ROLE_LABELS, r, lang),
    group: (g: string) => pick(SPECIAL_GROUP_LABELS, g, lang),
    relation: (r: string | null | undefined) => pick(RELATION_LABELS, r, lang),
  };
}
