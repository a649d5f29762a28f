// After a visit is saved: each problem it noted becomes a need in one tap, prefilled from the visit (the household's
// head unless another member is chosen; the note as the description; channel survey).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import type { SkillCategory } from '../api.ts';
import { useFindingToNeed } from '../survey-api.ts';
import { CategoryIcon } from './CategoryChoice.tsx';

export interface SavedVisit {
  visitId: string;
  address: string;
  findings: Array<{ category: SkillCategory; note?: string }>;
  /** Members of the household, the head first (unknown when the household was chosen from the full list). */
  residents: Array<{ id: string; name: string }>;
}

function Finding({ visit, category }: { visit: SavedVisit; category: SkillCategory }) {
  const { t } = useTranslation();
  const toNeed = useFindingToNeed();
  const [residentId, setResidentId] = useState(visit.residents[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    try {
      const r = await toNeed.mutateAsync({ visitId: visit.visitId, category, residentId: residentId || undefined });
      setDone(r.created ? t('surveyTodoPhone.taken') : t('surveyTodoPhone.alreadyTaken'));
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const id = `finding-${visit.visitId}-${category}`;
  return (
    <li style={{ borderBottom: '1px solid var(--ph-line)', paddingBottom: '0.6em' }}>
      <p style={{ display: 'flex', alignItems: 'center', gap: '0.5em' }}>
        <CategoryIcon category={category} />
        <strong>{t(`needsPhone.cat.${category}`)}</strong>
      </p>
      {visit.residents.length > 1 && !done && (
        <div className="ph-field">
          <label className="ph-field__label" htmlFor={id}>
            {t('surveyTodoPhone.forWhom')}
          </label>
          <select id={id} className="ph-input" value={residentId} onChange={(e) => setResidentId(e.target.value)}>
            {visit.residents.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {done ? (
        <p role="status">✓ {done}</p>
      ) : (
        <button type="button" className="ph-btn ph-btn--block" disabled={toNeed.isPending} onClick={() => void go()}>
          {t('surveyTodoPhone.toNeed')}
          <span className="ph-sr-only"> {t(`needsPhone.cat.${category}`)}</span>
        </button>
      )}
      {error && (
        <p role="alert" className="ph-alert ph-alert--error">
          {error}
        </p>
      )}
    </li>
  );
}

export function FindingsToNeeds({ visit }: { visit: SavedVisit }) {
  const { t } = useTranslation();
  if (!visit.findings.length) return null;
  return (
    <Card title={t('surveyTodoPhone.findingsTitle')}>
      <p>{t('surveyTodoPhone.findingsLead', { address: visit.address })}</p>
      <ul style={{ display: 'grid', gap: '0.6em' }}>
        {visit.findings.map((f) => (
          <Finding key={f.category} visit={visit} category={f.category} />
        ))}
      </ul>
    </Card>
  );
}
