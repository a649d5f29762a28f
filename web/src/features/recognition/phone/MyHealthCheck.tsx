// My yearly health check (体检) on the star page: shown only when staff have booked one for me.
import { useTranslation } from 'react-i18next';
import { Card, Details } from '../../../shared/phone-ui/parts.tsx';
import { useMyHealthChecks } from '../health-api.ts';

export function MyHealthCheck() {
  const { t } = useTranslation();
  const q = useMyHealthChecks();
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title={t('recPhone.health.title')}>
      <p>{t('recPhone.health.lead')}</p>
      {items.map((h) => (
        <Details
          key={h.id}
          items={[
            { term: t('recPhone.health.year'), value: String(h.year) },
            { term: t('recPhone.health.when'), value: `${h.date}${h.time ? ` ${h.time}` : ''}` },
            { term: t('recPhone.health.place'), value: h.place },
            { term: t('recPhone.health.state'), value: t(`recPhone.health.status.${h.status}`) },
          ]}
        />
      ))}
    </Card>
  );
}
