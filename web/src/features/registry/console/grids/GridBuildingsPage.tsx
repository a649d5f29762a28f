// One grid: its buildings (and a way to add one).
import { useState } from 'react';
import { Button, Descriptions, Space, Table } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../shared/labels.ts';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { LoadError } from '../../../../shared/console-ui/QueryState.tsx';
import { useCan } from '../../../../shared/session/useSession.ts';
import { useBuildings, useGrids } from '../../api/hooks.ts';
import type { Building } from '../../api/types.ts';
import { BuildingFormModal } from './BuildingFormModal.tsx';

export default function GridBuildingsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { gridId = '' } = useParams();
  const grids = useGrids();
  const buildings = useBuildings(gridId);
  const canWrite = useCan('registry.write');
  const [adding, setAdding] = useState(false);
  const grid = grids.data?.find((g) => g.id === gridId);
  const name = grid?.name ?? t('registry.grid');

  return (
    <ConsolePage
      title={name}
      crumbs={[{ title: t('console.menu.grids'), to: '/console/grids' }, { title: name }]}
      extra={
        <Space wrap>
          <LinkButton to={`/console/residents?gridId=${gridId}`} icon={<TeamOutlined />}>
            {t('console.grids.residentsOfGrid')}
          </LinkButton>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('console.buildings.add')}
            </Button>
          )}
        </Space>
      }
    >
      {grid && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'code', label: t('registry.gridCode'), children: grid.code },
            { key: 'leader', label: t('registry.gridLeader'), children: grid.leaderName ?? t('common.none') },
            { key: 'households', label: t('registry.households'), children: grid.households },
            { key: 'residents', label: t('registry.residents'), children: grid.residents },
          ]}
        />
      )}
      {buildings.isError && <LoadError error={buildings.error} onRetry={() => void buildings.refetch()} />}
      <Table<Building>
        rowKey="id"
        loading={buildings.isPending}
        dataSource={buildings.data ?? []}
        pagination={false}
        locale={{ emptyText: canWrite ? t('console.buildings.emptyCanAdd') : t('console.buildings.empty') }}
        columns={[
          {
            title: t('registry.buildingNumber'),
            dataIndex: 'number',
            render: (v: string, b) => (
              <Link to={`/console/grids/${gridId}/buildings/${b.id}`}>{labels.building(v)}</Link>
            ),
          },
          { title: t('registry.street'), dataIndex: 'street' },
          { title: t('registry.households'), dataIndex: 'households', align: 'right' },
        ]}
      />
      {canWrite && <BuildingFormModal gridId={gridId} open={adding} onClose={() => setAdding(false)} />}
    </ConsolePage>
  );
}
