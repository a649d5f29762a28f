// The eight kinds of help as big buttons: a plain one-character icon (drawn with text, so no emoji font is
// needed; hidden from screen readers), the word, and examples. One choice, as a radio group.
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, type SkillCategory } from '../../../../../domain/volunteers/skills.ts';

const iconStyle = {
  flex: 'none',
  width: '2.2em',
  height: '2.2em',
  borderRadius: '50%',
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: 'var(--ph-primary-soft)',
  color: 'var(--ph-primary-dark)',
  fontWeight: 700,
  border: '2px solid var(--ph-primary)',
} as const;

export function CategoryIcon({ category }: { category: SkillCategory }) {
  const { t } = useTranslation();
  return (
    <span aria-hidden="true" style={iconStyle}>
      {t(`needsPhone.catIcon.${category}`)}
    </span>
  );
}

export function CategoryChoice({
  value,
  onChange,
  label,
}: {
  value: SkillCategory | null;
  onChange: (c: SkillCategory) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={label} style={{ display: 'grid', gap: '0.5em' }}>
      {SKILL_CATEGORIES.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          className={value === c ? 'ph-btn ph-btn--block' : 'ph-btn ph-btn--secondary ph-btn--block'}
          style={{ justifyContent: 'flex-start', textAlign: 'left', padding: '0.4em 0.7em' }}
          onClick={() => onChange(c)}
        >
          <CategoryIcon category={c} />
          <span style={{ display: 'flex', flexDirection: 'column' }}>
            <span>
              {value === c ? '✓ ' : ''}
              {t(`needsPhone.cat.${c}`)}
            </span>
            <span style={{ fontWeight: 400 }}>{t(`needsPhone.catHint.${c}`)}</span>
          </span>
        </button>
      ))}
    </div>
  );
}
