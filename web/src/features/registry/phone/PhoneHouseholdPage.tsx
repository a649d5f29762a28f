// /m/households/:id: one household's address and members, with sensitive facts masked.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Card,
  Details,
  EmptyState,
  ErrorNotice,
  LinkList,
  Loading,
  PageTitle,
} from '../../../shared/phone-ui/parts.tsx';
import { useLabels } from '../../../shared/labels.ts';
import { useHousehold } from '../api/hooks.ts';
import { YesNoMasked } from './MaskedValue.tsx';

export default function PhoneHouseholdPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id } = useParams();
  const q = useHousehold(id);
  const back = { to: '/m/grid/households', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('registry.household')} back={back} />
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        <PageTitle title={t('registry.household')} back={back} />
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  const h = q.data;
  return (
    <>
      <PageTitle title={h.address} back={back} />
      <Card title={t('registry.householdInfo')}>
        <Details
          items={[
            { term: t('registry.address'), value: h.address },
            { term: t('registry.head'), value: h.headName ?? t('common.none') },
            { term: t('registry.members'), value: t('registry.memberCount', { count: h.memberCount }) },
            { term: t('registry.migrantHousehold'), value: h.isMigrant ? t('common.yes') : t('common.no') },
            { term: t('registry.dibao'), value: <YesNoMasked value={h.dibao} /> },
            ...(h.note ? [{ term: t('registry.note'), value: h.note }] : []),
          ]}
        />
      </Card>
      <Card title={t('registry.members')}>
        {h.members.length === 0 ? (
          <EmptyState>{t('phoneGrid.noMembers')}</EmptyState>
        ) : (
          <LinkList
            label={t('registry.members')}
            items={h.members.map((r) => ({
              key: r.id,
              to: `/m/residents/${r.id}`,
              title: t('phoneGrid.residentLine', { name: r.name, gender: t(`gender.${r.gender}`), age: r.age }),
              sub: [r.phone, r.specialGroups.map(labels.group).join(t('common.listSep'))].filter(Boolean).join(' · '),
            }))}
          />
        )}
      </Card>
      {h.dibao === null && (
        <Card variant="note">
          <p>{t('phoneGrid.maskedNote')}</p>
        </Card>
      )}
    </>
  );
}
