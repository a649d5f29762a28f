// "Running out within N days": the day count and the rows it finds (certificates, insurance cover, ...).
import { InputNumber, Space, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryTable } from './QueryTable.tsx';

export function ExpiringDays({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <InputNumber
        aria-label={t('console.svc.days')}
        min={1}
        max={366}
        value={value}
        onChange={(v) => onChange(Number(v) || 30)}
      />
      <span>{t('console.svc.days')}</span>
    </Space>
  );
}

export function ExpiringList<T extends object>({
  days,
  onDays,
  query,
  rowKey,
  columns,
  pagination,
  extra,
}: {
  days: number;
  onDays: (n: number) => void;
  query: Parameters<typeof QueryTable<T>>[0]['query'];
  rowKey: TableProps<T>['rowKey'];
  columns: TableProps<T>['columns'];
  /** A list the server pages: its page, size and total. */
  pagination?: TableProps<T>['pagination'];
  /** Beside the day count, e.g. 导出 Excel. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Space wrap>
          <ExpiringDays value={days} onChange={onDays} />
          {extra}
        </Space>
      </div>
      <QueryTable<T>
        query={query}
        rowKey={rowKey}
        size="small"
        columns={columns}
        pagination={pagination}
        locale={{ emptyText: t('console.svc.expiringEmpty') }}
      />
    </>
  );
}
