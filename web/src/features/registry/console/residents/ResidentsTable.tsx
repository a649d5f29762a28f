// Residents in a table: name (opens the resident), gender, age, masked phone and ID number, address, groups.
import { Table, Tag, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../shared/labels.ts';
import type { ResidentListItem } from '../../api/types.ts';
import { MaskedText } from '../parts/Masked.tsx';

export function ResidentsTable({
  rows,
  loading,
  pagination,
  emptyText,
}: {
  rows: ResidentListItem[];
  loading: boolean;
  pagination?: TablePaginationConfig | false;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table<ResidentListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination ?? false}
      locale={{ emptyText }}
      scroll={{ x: 960 }}
      columns={[
        {
          title: t('registry.name'),
          dataIndex: 'name',
          fixed: 'left',
          render: (v: string, r) => <Link to={`/console/residents/${r.id}`}>{v}</Link>,
        },
        {
          title: t('registry.gender'),
          dataIndex: 'gender',
          width: 70,
          render: (v: string) => t(`gender.${v as 'male' | 'female'}`),
        },
        { title: t('registry.age'), dataIndex: 'age', width: 70, align: 'right' },
        { title: t('registry.birthDate'), dataIndex: 'birthDate', width: 120 },
        {
          title: t('registry.phone'),
          dataIndex: 'phone',
          width: 140,
          render: (v: string | null) => <MaskedText value={v} />,
        },
        {
          title: t('registry.idNumber'),
          dataIndex: 'idNumber',
          width: 200,
          render: (v: string | null) => <MaskedText value={v} />,
        },
        {
          title: t('registry.address'),
          dataIndex: 'address',
          render: (v: string, r) => <Link to={`/console/households/${r.householdId}`}>{v}</Link>,
        },
        {
          title: t('registry.specialGroups'),
          dataIndex: 'specialGroups',
          render: (gs: string[]) => gs.map((g) => <Tag key={g}>{labels.group(g)}</Tag>),
        },
      ]}
    />
  );
}
