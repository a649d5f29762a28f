// One building: its households, with export and "add household".
import { App, Button, Space } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../shared/labels.ts';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { runDownload } from '../../../../shared/console-ui/download.ts';
import { useCan } from '../../../../shared/session/useSession.ts';
import { registryApi } from '../../api/fetchers.ts';
import { useBuildings, useGrids } from '../../api/hooks.ts';
import { HouseholdsTable } from '../households/HouseholdsTable.tsx';

export default function BuildingHouseholdsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const { gridId = '', buildingId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const grids = useGrids();
  const buildings = useBuildings(gridId);
  const canWrite = useCan('registry.write');
  const canExport = useCan('registry.export');
  const grid = grids.data?.find((g) => g.id === gridId);
  const building = buildings.data?.find((b) => b.id === buildingId);
  const title = building ? labels.buildingFull(building.street, building.number) : t('registry.building');

  return (
    <ConsolePage
      title={title}
      crumbs={[
        { title: t('console.menu.grids'), to: '/console/grids' },
        { title: grid?.name ?? t('registry.grid'), to: `/console/grids/${gridId}` },
        { title: building ? labels.building(building.number) : t('registry.building') },
      ]}
      extra={
        <Space wrap>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void runDownload(
                  () => registryApi.exportHouseholds({ buildingId }, t('console.export.householdsFile')),
                  message,
                  t,
                )
              }
            >
              {t('console.export.button')}
            </Button>
          )}
          {canWrite && (
            <LinkButton
              type="primary"
              icon={<PlusOutlined />}
              to={`/console/households/new?gridId=${gridId}&buildingId=${buildingId}`}
            >
              {t('console.households.add')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <HouseholdsTable
        filters={{ buildingId }}
        page={page}
        onPage={(p) => setParams({ page: String(p) })}
        emptyText={canWrite ? t('console.households.emptyCanAdd') : t('console.households.empty')}
      />
    </ConsolePage>
  );
}
