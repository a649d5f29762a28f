// A paged table of households (50 a page), used where a building's households are listed.
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../../shared/console-ui/QueryState.tsx';
import { useHouseholds } from '../../api/hooks.ts';
import type { HouseholdFilters, HouseholdListItem } from '../../api/types.ts';
import { DibaoValue } from '../parts/Masked.tsx';

export const PAGE_SIZE = 50;

export function HouseholdsTable({
  filters,
  page,
  onPage,
  emptyText,
}: {
  filters: HouseholdFilters;
  page: number;
  onPage: (p: number) => void;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const q = useHouseholds({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<HouseholdListItem>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          onChange: onPage,
          showTotal: (total) => t('console.totalCount', { count: total }),
        }}
        columns={[
          {
            title: t('registry.address'),
            dataIndex: 'address',
            render: (v: string, h) => <Link to={`/console/households/${h.id}`}>{v}</Link>,
          },
          { title: t('registry.head'), dataIndex: 'headName', render: (v: string | null) => v ?? t('common.none') },
          { title: t('registry.members'), dataIndex: 'memberCount', align: 'right' },
          {
            title: t('registry.migrantHousehold'),
            dataIndex: 'isMigrant',
            render: (v: boolean) => (v ? <Tag>{t('registry.migrant')}</Tag> : t('common.no')),
          },
          { title: t('registry.dibao'), dataIndex: 'dibao', render: (v: boolean | null) => <DibaoValue value={v} /> },
        ]}
      />
    </>
  );
}
