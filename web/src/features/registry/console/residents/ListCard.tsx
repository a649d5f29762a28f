import type { ReactNode } from 'react';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

/** A card on the resident's page listing rows (contacts, consents), with an add button for those who may write. */
export function ListCard<T extends { id: string }>({
  title,
  addLabel,
  canWrite,
  onAdd,
  rows,
  emptyText,
  columns,
  children,
}: {
  title: string;
  addLabel: string;
  canWrite: boolean;
  onAdd: () => void;
  rows: T[];
  emptyText: string;
  columns: TableColumnsType<T>;
  children?: ReactNode;
}) {
  return (
    <Card
      title={title}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={onAdd}>
            {addLabel}
          </Button>
        )
      }
    >
      <Table<T>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText }}
        columns={columns}
      />
      {children}
    </Card>
  );
}
