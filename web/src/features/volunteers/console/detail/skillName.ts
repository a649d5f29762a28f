// A skill's name in the UI language, from the shared catalogue in domain/ (no request needed).
import { useTranslation } from 'react-i18next';
import { SKILL_BY_CODE } from '../../../../../../domain/volunteers/skills.ts';

export function useSkillName(): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => {
    const d = SKILL_BY_CODE.get(code);
    return d ? (i18n.language === 'en' ? d.en : d.zh) : code;
  };
}
