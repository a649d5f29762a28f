// 遗漏监测: special-group residents left out longest first (filters by group, grid and pairing), and per grid
// how evenly contacts spread — the Gini coefficient and the share of the most-contacted tenth, explained.
import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { runDownload } from '../../shared/console-ui/download.ts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { api, download } from '../../shared/api/client.ts';
import { useLabels } from '../../shared/labels.ts';
import { can, useCurrentUser } from '../../shared/session/useSession.ts';
import { SENSITIVE_GROUPS, SPECIAL_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import { CONTACT_KINDS, CONTACT_KIND_LABELS, type ContactKind } from '../../../../domain/contacts/kinds.ts';

interface Row {
  residentId: string;
  name: string;
  age: number;
  gridId: string;
  gridName: string;
  address: string;
  groups: SpecialGroup[];
  lastContactOn: string | null;
  lastContactKind: ContactKind | null;
  daysSince: number | null;
  paired: boolean;
  openNeeds: number;
}
interface LeftOut {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
  summary: {
    residents: number;
    neverContacted: number;
    silentOverAlert: number;
    unpaired: number;
    alertDays: number;
    hidden: number;
  };
}
interface Spread {
  residents: number;
  visits: number;
  unvisited: number;
  gini: number | null;
  topTenthShare: number | null;
}
interface SpreadResult {
  days: number;
  from: string;
  grids: Array<Spread & { gridId: string; gridName: string }>;
  community: Spread | null;
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** The record of service over the last year: how many contacts of each kind of help (every kind shown). */
function ContactsByKindCard() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['monitor', 'contacts-by-kind'],
    queryFn: ({ signal }) => api.get<Record<ContactKind, number>>('/api/monitor/contacts-by-kind', undefined, signal),
  });
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('monitor.byKind')}</h2>} loading={q.isLoading}>
      <Typography.Paragraph type="secondary">{t('monitor.byKindLead')}</Typography.Paragraph>
      <Space size="large" wrap>
        {CONTACT_KINDS.map((k) => (
          <Statistic key={k} title={CONTACT_KIND_LABELS[k][lang]} value={q.data?.[k] ?? '—'} />
        ))}
      </Space>
    </Card>
  );
}

function SpreadCard() {
  const { t } = useTranslation();
  const [days, setDays] = useState(365);
  const q = useQuery({
    queryKey: ['monitor', 'spread', days],
    queryFn: ({ signal }) => api.get<SpreadResult>('/api/monitor/spread', { days }, signal),
  });
  const rows = [
    ...(q.data?.grids ?? []),
    ...(q.data?.community ? [{ ...q.data.community, gridId: 'all', gridName: t('monitor.whole') }] : []),
  ];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('monitor.spread')}</h2>}
      extra={
        <Select
          aria-label={t('monitor.window')}
          value={days}
          onChange={setDays}
          style={{ width: 140 }}
          options={[
            { value: 90, label: t('monitor.window90') },
            { value: 365, label: t('monitor.window365') },
          ]}
        />
      }
    >
      <Typography.Paragraph>{t('monitor.spreadLead', { days })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('monitor.spreadHow')}</Typography.Paragraph>
      <Table
        rowKey="gridId"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={rows}
        columns={[
          {
            title: t('monitor.grid'),
            dataIndex: 'gridName',
            render: (v: string, r) => (r.gridId === 'all' ? <strong>{v}</strong> : v),
          },
          { title: t('monitor.residents'), dataIndex: 'residents' },
          { title: t('monitor.contacts'), dataIndex: 'visits' },
          { title: t('monitor.unvisited'), dataIndex: 'unvisited' },
          { title: t('monitor.gini'), dataIndex: 'gini', render: num },
          { title: t('monitor.topShare'), dataIndex: 'topTenthShare', render: pct },
        ]}
      />
    </Card>
  );
}

export default function MonitorPage() {
  const { t, i18n } = useTranslation();
  const kindLabel = (k: ContactKind | null) => (k ? CONTACT_KIND_LABELS[k][i18n.language === 'en' ? 'en' : 'zh'] : '');
  const labels = useLabels();
  const me = useCurrentUser();
  const sensitive = can(me, 'registry.sensitive');
  const [group, setGroup] = useState<SpecialGroup | ''>('');
  const [gridId, setGridId] = useState('');
  const [paired, setPaired] = useState<'' | 'yes' | 'no'>('');
  const [page, setPage] = useState(1);
  const grids = useQuery({
    queryKey: ['grids'],
    queryFn: ({ signal }) => api.get<Array<{ id: string; name: string }>>('/api/grids', undefined, signal),
    enabled: can(me, 'registry.read'),
  });
  const q = useQuery({
    queryKey: ['monitor', 'left-out', group, gridId, paired, page],
    queryFn: ({ signal }) =>
      api.get<LeftOut>(
        '/api/monitor/left-out',
        { group: group || undefined, gridId: gridId || undefined, paired: paired || undefined, page, pageSize: 50 },
        signal,
      ),
  });
  const s = q.data?.summary;
  const reset = () => setPage(1);
  const { message } = App.useApp();
  const exportList = () =>
    runDownload(
      () =>
        download(
          '/api/monitor/left-out/export',
          { group: group || undefined, gridId: gridId || undefined, paired: paired || undefined },
          'left-out.xlsx',
        ),
      message,
      t,
    );
  return (
    <ConsolePage
      title={t('monitor.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('monitor.title') }]}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportList()}>
          {t('monitor.export')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('monitor.lead')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('monitor.residents')} value={s?.residents ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('monitor.neverContacted')} value={s?.neverContacted ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('monitor.silent', { days: s?.alertDays ?? 14 })} value={s?.silentOverAlert ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('monitor.unpaired')} value={s?.unpaired ?? '—'} />
          </Card>
        </Col>
      </Row>
      {!!s?.hidden && (
        <Typography.Paragraph type="secondary">{t('monitor.hidden', { count: s.hidden })}</Typography.Paragraph>
      )}
      <Space wrap>
        <Select
          aria-label={t('monitor.group')}
          style={{ width: 180 }}
          value={group}
          onChange={(v) => {
            setGroup(v);
            reset();
          }}
          options={[
            { value: '', label: t('monitor.allGroups') },
            ...SPECIAL_GROUPS.filter((g) => sensitive || !SENSITIVE_GROUPS.has(g)).map((g) => ({
              value: g,
              label: labels.group(g),
            })),
          ]}
        />
        {(grids.data?.length ?? 0) > 1 && (
          <Select
            aria-label={t('monitor.grid')}
            style={{ width: 160 }}
            value={gridId}
            onChange={(v) => {
              setGridId(v);
              reset();
            }}
            options={[
              { value: '', label: t('monitor.allGrids') },
              ...(grids.data ?? []).map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        )}
        <Select
          aria-label={t('monitor.paired')}
          style={{ width: 140 }}
          value={paired}
          onChange={(v) => {
            setPaired(v);
            reset();
          }}
          options={[
            { value: '', label: t('monitor.pairedAll') },
            { value: 'yes', label: t('monitor.pairedYes') },
            { value: 'no', label: t('monitor.pairedNo') },
          ]}
        />
      </Space>
      <QueryTable<Row>
        query={{ ...q, data: q.data?.items }}
        rowKey="residentId"
        size="small"
        scroll={{ x: 900 }}
        locale={{ emptyText: t('monitor.empty') }}
        pagination={{
          current: page,
          pageSize: 50,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('console.totalCount', { count: n }),
        }}
        columns={[
          { title: t('monitor.name'), dataIndex: 'name' },
          { title: t('monitor.age'), dataIndex: 'age' },
          { title: t('monitor.grid'), dataIndex: 'gridName' },
          { title: t('monitor.address'), dataIndex: 'address' },
          {
            title: t('monitor.groups'),
            dataIndex: 'groups',
            render: (g: SpecialGroup[]) => g.map((x) => labels.group(x)).join('、'),
          },
          {
            title: t('monitor.daysSince'),
            dataIndex: 'daysSince',
            render: (d: number | null) =>
              d === null ? (
                <Tag color="error">{t('monitor.never')}</Tag>
              ) : d >= (s?.alertDays ?? 14) ? (
                <Tag color="warning">{t('monitor.days', { count: d })}</Tag>
              ) : (
                t('monitor.days', { count: d })
              ),
          },
          {
            title: t('monitor.lastContact'),
            key: 'lc',
            render: (_: unknown, r: Row) =>
              r.lastContactOn ? `${r.lastContactOn}（${kindLabel(r.lastContactKind)}）` : '—',
          },
          {
            title: t('monitor.paired'),
            dataIndex: 'paired',
            render: (v: boolean) => (v ? t('monitor.yes') : t('monitor.no')),
          },
          { title: t('monitor.openNeeds'), dataIndex: 'openNeeds' },
        ]}
      />
      <ContactsByKindCard />
      <SpreadCard />
    </ConsolePage>
  );
}
