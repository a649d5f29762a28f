// 居民: search and filter residents, 50 a page, and export what is found to Excel.
import { App, Button, Card, Space } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { LoadError } from '../../../../shared/console-ui/QueryState.tsx';
import { runDownload } from '../../../../shared/console-ui/download.ts';
import { useCan } from '../../../../shared/session/useSession.ts';
import { registryApi } from '../../api/fetchers.ts';
import { useResidents } from '../../api/hooks.ts';
import { filtersFromParams, paramsFromFilters } from './filters.ts';
import { ResidentFiltersForm } from './ResidentFiltersForm.tsx';
import { ResidentsTable } from './ResidentsTable.tsx';

const PAGE_SIZE = 50;

export default function ResidentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { page, ...filters } = filtersFromParams(params);
  const q = useResidents({ ...filters, page, pageSize: PAGE_SIZE });
  const canExport = useCan('registry.export');
  const canWrite = useCan('registry.write');
  const canSensitive = useCan('registry.sensitive');
  const filtered = Object.keys(paramsFromFilters(filters)).length > 0;

  return (
    <ConsolePage
      title={t('console.menu.residents')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.residents') }]}
      extra={
        <Space wrap>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              disabled={!q.data || q.data.total === 0}
              onClick={() =>
                void runDownload(
                  () => registryApi.exportResidents(filters, t('console.export.residentsFile')),
                  message,
                  t,
                )
              }
            >
              {t('console.export.button')}
            </Button>
          )}
          {canWrite && (
            <LinkButton type="primary" icon={<UserAddOutlined />} to="/console/residents/new">
              {t('console.residents.add')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <Card>
        <ResidentFiltersForm
          value={filters}
          showSensitive={canSensitive}
          onSearch={(f) => setParams(paramsFromFilters(f))}
        />
      </Card>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Card>
        <p role="status" aria-live="polite" style={{ marginTop: 0 }}>
          {q.data ? t('console.residents.found', { count: q.data.total }) : t('common.loading')}
          {canExport && q.data && q.data.total > 0 && ` ${t('console.export.hint')}`}
        </p>
        <ResidentsTable
          rows={q.data?.items ?? []}
          loading={q.isFetching}
          emptyText={filtered ? t('console.residents.emptyFiltered') : t('console.residents.empty')}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: q.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('console.totalCount', { count: total }),
            onChange: (p) => setParams(paramsFromFilters({ ...filters, page: p })),
          }}
        />
      </Card>
    </ConsolePage>
  );
}
