// A table fed by one query: its load error (with retry) above it, its rows, its spinner.
import { Table, type TableProps } from 'antd';
import { LoadError } from './QueryState.tsx';

interface RowsQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T[] | undefined;
  refetch: () => unknown;
}

export function QueryTable<T extends object>({
  query,
  ...table
}: { query: RowsQuery<T> } & Omit<TableProps<T>, 'dataSource'>) {
  return (
    <>
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T> loading={query.isPending} dataSource={query.data ?? []} {...table} />
    </>
  );
}
