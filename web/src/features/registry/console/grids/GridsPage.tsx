// 网格: every grid with its leader and counts; a grid opens its buildings.
import { Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../../shared/console-ui/QueryState.tsx';
import { useGrids } from '../../api/hooks.ts';
import type { Grid } from '../../api/types.ts';

export default function GridsPage() {
  const { t } = useTranslation();
  const grids = useGrids();
  return (
    <ConsolePage
      title={t('console.menu.grids')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.grids') }]}
    >
      <p>{t('console.grids.hint')}</p>
      {grids.isError && <LoadError error={grids.error} onRetry={() => void grids.refetch()} />}
      <Table<Grid>
        rowKey="id"
        loading={grids.isPending}
        dataSource={grids.data ?? []}
        pagination={false}
        locale={{ emptyText: t('console.grids.empty') }}
        columns={[
          { title: t('registry.gridCode'), dataIndex: 'code', width: 100 },
          {
            title: t('registry.grid'),
            dataIndex: 'name',
            render: (name: string, g) => <Link to={`/console/grids/${g.id}`}>{name}</Link>,
          },
          {
            title: t('registry.gridLeader'),
            dataIndex: 'leaderName',
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('registry.buildings'), dataIndex: 'buildings', align: 'right' },
          { title: t('registry.households'), dataIndex: 'households', align: 'right' },
          {
            title: t('registry.residents'),
            dataIndex: 'residents',
            align: 'right',
            render: (v: number, g) => <Link to={`/console/residents?gridId=${g.id}`}>{v}</Link>,
          },
        ]}
      />
    </ConsolePage>
  );
}
