// 指标 (算得清、看得到): the figures of a node — a community or one of its grids (later a street or a city) — over a
// window, its children side by side (click a row or a bar to drill down), every chart with its figures as a table,
// the whole set as Excel, and the monthly report for superiors as a PDF.
import { useMemo, useState } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { runDownload } from '../../shared/console-ui/download.ts';
import { shanghaiTime, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  CHART_TITLES,
  HEADLINE_LABELS,
  ROLLUP_MINUTES,
  type Chart,
  type Headline,
} from '../../../../domain/indicators/schemas.ts';
import { EChart, describeChart } from './EChart.tsx';
import { indicatorsApi, useCompare, useFigures, useReports, useTree, type TreeNode } from './api.ts';

const HEADLINE_KEYS: Array<keyof Headline> = [
  'households',
  'householdShare',
  'volunteers',
  'partyMembers',
  'hours',
  'services',
  'needsReceived',
  'needsMet',
  'specialResidents',
  'paired',
  'leftOut',
];

/** The path from the root to the node with `id` (the breadcrumb). */
function pathTo(n: TreeNode, id: string): TreeNode[] | null {
  if (n.id === id) return [n];
  for (const c of n.children) {
    const p = pathTo(c, id);
    if (p) return [n, ...p];
  }
  return null;
}

function defaultFrom(today: string) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
}

function ChartCard({ c, lang }: { c: Chart; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const title = CHART_TITLES[c.key][lang];
  const data = { type: c.type, categories: c.categories, series: c.series };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      size="small"
      extra={
        <Segmented<'chart' | 'table'>
          size="small"
          aria-label={t('indicators.showAs', { title })}
          value={asTable ? 'table' : 'chart'}
          onChange={(v) => setAsTable(v === 'table')}
          options={[
            { value: 'chart', label: t('indicators.chart') },
            { value: 'table', label: t('indicators.table') },
          ]}
        />
      }
    >
      {c.communityWide && <Typography.Text type="secondary">{t('indicators.communityWide')}</Typography.Text>}
      {!c.categories.length ? (
        <Typography.Paragraph type="secondary">{t('indicators.noData')}</Typography.Paragraph>
      ) : asTable ? (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: 260 }}
          rowKey="cat"
          dataSource={c.categories.map((cat, i) => ({ cat, i }))}
          columns={[
            { title: t('indicators.category'), dataIndex: 'cat' },
            ...c.series.map((s) => ({
              title: s.name,
              key: s.key,
              render: (_: unknown, r: { i: number }) => s.values[r.i],
            })),
          ]}
        />
      ) : (
        <EChart data={data} label={describeChart(title, data)} />
      )}
    </Card>
  );
}

export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const today = todayInShanghai();
  const [range, setRange] = useState<[string, string]>([defaultFrom(today), today]);
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [month, setMonth] = useState(dayjs(today).subtract(1, 'month').format('YYYY-MM'));
  const tree = useTree();
  const node = nodeId ?? tree.data?.id;
  const q = { node, from: range[0], to: range[1] };
  const figures = useFigures(q);
  const path = useMemo(() => (tree.data && node ? (pathTo(tree.data, node) ?? []) : []), [tree.data, node]);
  const current = path[path.length - 1];
  const hasChildren = !!current?.children.length;
  const compare = useCompare(q, !!node && hasChildren);
  const reports = useReports();
  const v = figures.data;
  const rows = compare.data?.rows ?? [];
  const compareChart = {
    type: 'bar' as const,
    categories: rows.map((r) => r.name),
    series: [
      { name: HEADLINE_LABELS.volunteers[lang], values: rows.map((r) => r.headline.volunteers) },
      { name: HEADLINE_LABELS.hours[lang], values: rows.map((r) => r.headline.hours) },
      { name: HEADLINE_LABELS.leftOut[lang], values: rows.map((r) => r.headline.leftOut) },
    ],
  };

  return (
    <ConsolePage
      title={t('indicators.title')}
      extra={
        <Space wrap>
          <Button onClick={() => void runDownload(() => indicatorsApi.export(q), message, t)}>
            {t('indicators.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('indicators.lead')}</Typography.Paragraph>
      <nav aria-label={t('indicators.levels')}>
        <Breadcrumb
          items={path.map((n, i) => ({
            title:
              i < path.length - 1 ? (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    setNodeId(n.id);
                  }}
                >
                  {n.name}
                </a>
              ) : (
                <span aria-current="page">{n.name}</span>
              ),
          }))}
        />
      </nav>
      <Space wrap style={{ margin: '12px 0' }}>
        <DatePicker.RangePicker
          aria-label={t('indicators.period')}
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(d) => {
            const [a, b] = (d ?? []) as [Dayjs | null, Dayjs | null];
            if (a && b) setRange([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
          }}
        />
      </Space>
      {v?.computedAt && (
        <Typography.Paragraph type="secondary">
          {t('indicators.storedAt', {
            time: shanghaiTime(v.computedAt),
            minutes: ROLLUP_MINUTES,
          })}
        </Typography.Paragraph>
      )}
      {v && !v.computedAt && ['street', 'district', 'city'].includes(v.node.kind) && (
        <Typography.Paragraph type="secondary">{t('indicators.countedLive')}</Typography.Paragraph>
      )}
      {v && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {HEADLINE_KEYS.map((k) => (
            <Col key={k} xs={12} sm={8} md={6} lg={4}>
              <Card size="small">
                <Statistic title={HEADLINE_LABELS[k][lang]} value={v.headline[k]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {hasChildren && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('indicators.compare', { name: current?.name })}</h2>}
        >
          <Typography.Paragraph type="secondary">{t('indicators.drillHint')}</Typography.Paragraph>
          {rows.length > 0 && (
            <EChart
              data={compareChart}
              label={describeChart(t('indicators.compare', { name: current?.name }), compareChart)}
              onPick={(i) => rows[i] && setNodeId(rows[i].id)}
            />
          )}
          <Table
            size="small"
            rowKey="id"
            loading={compare.isLoading}
            pagination={false}
            dataSource={rows}
            onRow={(r) => ({ onClick: () => setNodeId(r.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('indicators.name'),
                key: 'name',
                render: (_: unknown, r) => (
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    onClick={(e) => {
                      e.stopPropagation();
                      setNodeId(r.id);
                    }}
                  >
                    {r.name}
                  </Button>
                ),
              },
              ...HEADLINE_KEYS.map((k) => ({
                title: HEADLINE_LABELS[k][lang],
                key: k,
                render: (_: unknown, r: (typeof rows)[number]) => r.headline[k],
              })),
            ]}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {v?.charts.map((c) => (
          <Col key={c.key} xs={24} xl={12}>
            <ChartCard c={c} lang={lang} />
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('indicators.reports')}</h2>}
      >
        <Typography.Paragraph type="secondary">{t('indicators.reportsLead')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            aria-label={t('indicators.month')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <Button onClick={() => void runDownload(() => indicatorsApi.report({ node, month }), message, t)}>
            {t('indicators.reportNow')}
          </Button>
        </Space>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={reports.isLoading}
          dataSource={reports.data?.items ?? []}
          locale={{ emptyText: t('indicators.noReports') }}
          columns={[
            { title: t('indicators.month'), dataIndex: 'month' },
            { title: t('indicators.name'), dataIndex: 'nodeName' },
            {
              title: t('console.actions'),
              key: 'x',
              render: (_: unknown, r) => (
                <Button size="small" onClick={() => void runDownload(() => indicatorsApi.stored(r), message, t)}>
                  {t('indicators.download', { month: r.month })}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
