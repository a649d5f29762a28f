// /m/residents/:id: what a grid leader may know about a resident; sensitive fields stay masked.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Card,
  Details,
  EmptyState,
  ErrorNotice,
  Loading,
  Masked,
  PageTitle,
  Tags,
} from '../../../shared/phone-ui/parts.tsx';
import { useLabels } from '../../../shared/labels.ts';
import { useResident } from '../api/hooks.ts';
import { TextMasked, YesNoMasked } from './MaskedValue.tsx';

export default function PhoneResidentPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id } = useParams();
  const q = useResident(id);
  const back = { to: q.data ? `/m/households/${q.data.householdId}` : '/m/grid', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('registry.resident')} back={back} />
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        <PageTitle title={t('registry.resident')} back={back} />
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  const r = q.data;
  const recorded = (has: boolean | null) =>
    has === null ? (
      <Masked>{t('registry.hidden')}</Masked>
    ) : has ? (
      <Masked>{t('registry.recordedHidden')}</Masked>
    ) : (
      t('common.none')
    );
  return (
    <>
      <PageTitle title={r.name} back={back} />
      <Card title={t('registry.basicInfo')}>
        <Details
          items={[
            { term: t('registry.gender'), value: t(`gender.${r.gender}`) },
            { term: t('registry.age'), value: t('registry.ageYears', { age: r.age }) },
            { term: t('registry.birthDate'), value: r.birthDate },
            {
              term: t('registry.phone'),
              value:
                r.phone && !r.phone.includes('*') ? (
                  <a href={`tel:${r.phone}`}>{r.phone}</a>
                ) : (
                  <TextMasked value={r.phone} />
                ),
            },
            { term: t('registry.idNumber'), value: <TextMasked value={r.idNumber} /> },
            { term: t('registry.address'), value: <Link to={`/m/households/${r.householdId}`}>{r.address}</Link> },
            { term: t('registry.relationToHead'), value: labels.relation(r.relationToHead) },
            {
              term: t('registry.specialGroups'),
              value: r.specialGroups.length ? <Tags items={r.specialGroups.map(labels.group)} /> : t('common.none'),
            },
            { term: t('registry.health'), value: recorded(r.hasHealth) },
            { term: t('registry.disability'), value: recorded(r.hasDisability) },
            { term: t('registry.dibao'), value: <YesNoMasked value={r.householdDibao} /> },
            ...(r.note ? [{ term: t('registry.note'), value: r.note }] : []),
          ]}
        />
      </Card>
      <Card title={t('registry.familyContacts')}>
        {r.familyContacts.length === 0 ? (
          <EmptyState>{t('phoneGrid.noContacts')}</EmptyState>
        ) : (
          <ul className="ph-list">
            {r.familyContacts.map((c) => (
              <li key={c.id} className="ph-contact">
                <span className="ph-list__main">
                  <span className="ph-list__title">
                    {t('phoneGrid.contactLine', { name: c.name, relation: c.relation })}
                    {c.isPrimary ? ` · ${t('registry.primaryContact')}` : ''}
                  </span>
                  <span className="ph-list__sub">
                    {c.phone.includes('*') ? (
                      <Masked>{c.phone}</Masked>
                    ) : (
                      <a href={`tel:${c.phone}`}>{t('phoneGrid.call', { phone: c.phone })}</a>
                    )}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card variant="note">
        <p>{t('phoneGrid.maskedNote')}</p>
      </Card>
    </>
  );
}
