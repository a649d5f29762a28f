// /m/grid/party: a grid leader's party members — type, organisation and whether they have reported.
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { usePartyMembers } from '../api.ts';

export default function GridPartyPage() {
  const { t } = useTranslation();
  const list = usePartyMembers({ pageSize: 200 });
  return (
    <>
      <PageTitle title={t('orgPhone.partyTitle')} back={{ to: '/m/grid', label: t('common.back') }} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('orgPhone.noParty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <Card title={`${t('orgPhone.partyTitle')}（${list.data.total}）`}>
          <ul className="ph-list">
            {list.data.items.map((m) => (
              <li key={m.volunteerId} style={{ padding: '0.6em 0' }}>
                <div className="ph-list__main">
                  <span className="ph-list__title">
                    {m.name} · {t(`orgPhone.partyKinds.${m.kind as 'resident'}`)}
                    {m.isPublicServant ? ` · ${t('orgPhone.publicServant')}` : ''}
                  </span>
                  <span className="ph-list__sub">
                    {m.partyOrg}
                    {m.workUnit ? ` · ${m.workUnit}` : ''}
                  </span>
                  <span className="ph-list__sub">
                    {m.reports
                      ? [
                          t('orgPhone.reports', { count: m.reports }),
                          t('orgPhone.lastReported', { date: m.lastReportedOn ?? '' }),
                        ].join(' · ')
                      : t('orgPhone.neverReported')}
                  </span>
                  <span className="ph-list__sub">
                    <a href={`tel:${m.phone}`}>{m.phone}</a>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
