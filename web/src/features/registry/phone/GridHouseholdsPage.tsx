// /m/grid/households: the households of the grid, building by building.
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../shared/labels.ts';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorNotice, LinkList, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { BuildingSelect } from '../../../shared/phone-ui/BuildingSelect.tsx';
import { useCurrentUser } from '../../../shared/session/useSession.ts';
import { useBuildings, useHouseholdsInfinite } from '../api/hooks.ts';

const PAGE = 30;

export default function GridHouseholdsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const buildingId = params.get('building') ?? undefined;
  const gridId = me.gridId ?? undefined;
  const buildings = useBuildings(gridId);
  const list = useHouseholdsInfinite({ gridId, buildingId }, PAGE);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageTitle title={t('phoneGrid.households')} back={{ to: '/m/grid', label: t('common.back') }} />
      <BuildingSelect
        id="hh-building"
        label={t('registry.building')}
        allLabel={t('phoneGrid.allBuildings')}
        value={buildingId ?? ''}
        onChange={(id) => setParams(id ? { building: id } : {}, { replace: true })}
        buildings={buildings.data}
        optionLabel={(b) => labels.buildingFull(b.street, b.number)}
      />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState>{t('phoneGrid.noHouseholds')}</EmptyState>}
      {items.length > 0 && (
        <>
          <p className="ph-count" role="status">
            {t('phoneGrid.householdCount', { count: total })}
          </p>
          <LinkList
            label={t('phoneGrid.households')}
            items={items.map((h) => ({
              key: h.id,
              to: `/m/households/${h.id}`,
              title: h.address,
              sub: [
                h.headName ? t('registry.headIs', { name: h.headName }) : null,
                t('registry.memberCount', { count: h.memberCount }),
                h.isMigrant ? t('registry.migrant') : null,
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
          {list.hasNextPage && (
            <button
              type="button"
              className="ph-btn ph-btn--secondary ph-btn--block ph-more"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore', { shown: items.length, total })}
            </button>
          )}
        </>
      )}
    </>
  );
}
