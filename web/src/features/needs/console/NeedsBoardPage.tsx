// 需求列表: every need with its filters in the address (so a link or a reload shows the same list),
// emergencies first then the longest waiting (the server's order), with the year's numbers above.
import { App, Button, Card, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { runDownload } from '../../../shared/console-ui/download.ts';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { NEED_CHANNELS, NEED_STATUSES, NEED_URGENCIES } from '../../../../../domain/needs/needs.ts';
import { SKILL_CATEGORIES } from '../../../../../domain/volunteers/skills.ts';
import { needsApi, useGrids, useNeeds, type Need, type NeedFilters } from '../api.ts';
import { useNeedText } from './useNeedText.ts';
import { AnswerTag, NeedStatusTag, UrgencyTag } from './tags.tsx';
import { NeedStatsCard } from './NeedStatsCard.tsx';

const PAGE_SIZE = 50;
type FilterKey = 'status' | 'category' | 'urgency' | 'channel' | 'gridId';

export default function NeedsBoardPage() {
  const { t, i18n } = useTranslation();
  const text = useNeedText();
  const canWrite = useCan('needs.write');
  const canMatch = useCan('needs.match');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // Open needs unless the address says otherwise ("all" shows every status).
  const status = params.get('status') ?? 'open';
  const filters: NeedFilters = {
    status: status === 'all' ? undefined : (status as NeedFilters['status']),
    category: (params.get('category') || undefined) as NeedFilters['category'],
    urgency: (params.get('urgency') || undefined) as NeedFilters['urgency'],
    channel: (params.get('channel') || undefined) as NeedFilters['channel'],
    gridId: params.get('gridId') || undefined,
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useNeeds({ ...filters, page, pageSize: PAGE_SIZE });
  const grids = useGrids();
  const set = (key: FilterKey | 'page', value: string | undefined) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        if (key !== 'page') p.delete('page');
        return p;
      },
      { replace: true },
    );

  const select = (
    key: FilterKey,
    all: string,
    options: { value: string; label: string }[],
    value: string | undefined,
  ) => (
    <Select
      aria-label={all}
      style={{ minWidth: 150 }}
      allowClear
      placeholder={all}
      value={value}
      onChange={(v?: string) => set(key, v)}
      options={options}
    />
  );

  return (
    <ConsolePage
      title={t('needs.board.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('needs.board.title') }]}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void runDownload(() => needsApi.exportList(filters, 'needs.xlsx'), message, t)}
          >
            {t('needs.board.export')}
          </Button>
          {canMatch && <LinkButton to="/console/needs/batch">{t('needs.board.batch')}</LinkButton>}
          {canWrite && (
            <LinkButton type="primary" to="/console/needs/hotline">
              {t('needs.board.hotline')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <p>{t('needs.board.lead')}</p>
      <NeedStatsCard />
      <Card>
        <Space wrap style={{ marginBottom: 12 }} role="group" aria-label={t('needs.board.filters')}>
          <Select
            aria-label={t('needs.f.status')}
            style={{ minWidth: 150 }}
            value={status}
            onChange={(v: string) => set('status', v)}
            options={[
              { value: 'open', label: text.status('open') },
              { value: 'all', label: t('needs.board.allStatus') },
              ...NEED_STATUSES.map((s) => ({ value: s, label: text.status(s) })),
            ]}
          />
          {select(
            'category',
            t('needs.board.allCategories'),
            SKILL_CATEGORIES.map((c) => ({ value: c, label: text.category(c) })),
            filters.category,
          )}
          {select(
            'urgency',
            t('needs.board.allUrgency'),
            NEED_URGENCIES.map((u) => ({ value: u, label: text.urgency(u) })),
            filters.urgency,
          )}
          {select(
            'channel',
            t('needs.board.allChannels'),
            NEED_CHANNELS.map((c) => ({ value: c, label: text.channel(c) })),
            filters.channel,
          )}
          {select(
            'gridId',
            t('needs.board.allGrids'),
            (grids.data ?? []).map((g) => ({ value: g.id, label: g.name })),
            filters.gridId,
          )}
        </Space>
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<Need>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('needs.board.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set('page', String(p)),
            showTotal: (n) => t('needs.board.total', { count: n }),
          }}
          columns={[
            {
              title: t('needs.f.resident'),
              dataIndex: 'residentName',
              render: (v: string | null, n) => <Link to={`/console/needs/${n.id}`}>{v ?? '—'}</Link>,
            },
            {
              title: t('needs.f.urgency'),
              dataIndex: 'urgency',
              render: (u: Need['urgency']) => <UrgencyTag urgency={u} />,
            },
            { title: t('needs.f.category'), dataIndex: 'category', render: text.category },
            { title: t('needs.f.description'), dataIndex: 'description', ellipsis: true },
            {
              title: t('needs.f.status'),
              dataIndex: 'status',
              render: (s: Need['status']) => <NeedStatusTag status={s} />,
            },
            {
              title: t('needs.f.volunteer'),
              dataIndex: 'volunteerName',
              render: (v: string | null, n) => (
                <>
                  <span>{v ?? '—'}</span> <AnswerTag answer={n.answer} />
                </>
              ),
            },
            { title: t('needs.f.channel'), dataIndex: 'channel', render: text.channel },
            {
              title: t('needs.f.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatDateTime(v, i18n.language),
            },
            {
              title: t('needs.f.waiting'),
              key: 'waiting',
              render: (_: unknown, n) => text.waiting(n.createdAt, n.matchedAt ?? n.closedAt),
            },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
