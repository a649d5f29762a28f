// A growing list of residents for the phone: name, age, address, masked phone, groups.
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorNotice, LinkList, Loading } from '../../../shared/phone-ui/parts.tsx';
import { useLabels } from '../../../shared/labels.ts';
import { useResidentsInfinite } from '../api/hooks.ts';
import type { ResidentFilters } from '../api/types.ts';

const PAGE = 20;

export function ResidentResults({ filters }: { filters: ResidentFilters }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const q = useResidentsInfinite(filters, PAGE);
  if (q.isPending) return <Loading label={t('phoneGrid.searching')} />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  const total = q.data.pages[0]?.total ?? 0;
  if (items.length === 0) return <EmptyState>{t('phoneGrid.noResidents')}</EmptyState>;
  return (
    <>
      <p className="ph-count" role="status">
        {t('phoneGrid.found', { count: total })}
      </p>
      <LinkList
        label={t('phoneGrid.results')}
        items={items.map((r) => ({
          key: r.id,
          to: `/m/residents/${r.id}`,
          title: t('phoneGrid.residentLine', { name: r.name, gender: t(`gender.${r.gender}`), age: r.age }),
          sub: [r.address, r.phone, r.specialGroups.map(labels.group).join(t('common.listSep'))]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
      {q.hasNextPage && (
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block ph-more"
          disabled={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {q.isFetchingNextPage ? t('common.loading') : t('common.loadMore', { shown: items.length, total })}
        </button>
      )}
    </>
  );
}
