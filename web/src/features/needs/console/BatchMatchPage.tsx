// 批量对接: every need waiting to be matched, assigned at once under a load cap. First a preview — the plan
// and, in plain sentences, how it compares with first come, first served — then 确认对接 applies it.
import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useBatchMatch, type BatchResult } from '../api.ts';
import { useNeedText } from './useNeedText.ts';

const days = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;

function Comparison({ r }: { r: BatchResult }) {
  const { t } = useTranslation();
  const { result: a, fcfs: b } = r.comparison;
  const gain = a.totalFit - b.totalFit;
  const diff =
    gain > 0
      ? t('needs.batch.more', { n: gain })
      : gain < 0
        ? t('needs.batch.less', { n: -gain })
        : t('needs.batch.same');
  const rows = [
    { key: 'matched', measure: t('needs.batch.matchedRow'), plan: a.matched, fcfs: b.matched },
    { key: 'fit', measure: t('needs.batch.fitRow'), plan: a.totalFit, fcfs: b.totalFit },
    {
      key: 'wait',
      measure: t('needs.batch.waitRow'),
      plan: t('needs.batch.days', { n: days(a.maxWaitUnmatchedDays) }),
      fcfs: t('needs.batch.days', { n: days(b.maxWaitUnmatchedDays) }),
    },
    ...(a.leftOut !== undefined
      ? [{ key: 'left', measure: t('needs.batch.leftOutRow'), plan: a.leftOut, fcfs: b.leftOut ?? 0 }]
      : []),
  ];
  return (
    <Card title={t('needs.batch.compare')}>
      <p>{t('needs.batch.sentMatched', { a: a.matched, b: b.matched })}</p>
      <p>{t('needs.batch.sentFit', { a: a.totalFit, b: b.totalFit, diff })}</p>
      {(a.unmatched > 0 || b.unmatched > 0) && (
        <p>{t('needs.batch.sentWait', { a: days(a.maxWaitUnmatchedDays), b: days(b.maxWaitUnmatchedDays) })}</p>
      )}
      {!!a.unservable && <p>{t('needs.batch.sentUnservable', { count: a.unservable })}</p>}
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        style={{ maxWidth: 640 }}
        columns={[
          { title: t('needs.batch.measure'), dataIndex: 'measure' },
          { title: t('needs.batch.plan'), dataIndex: 'plan' },
          { title: t('needs.batch.fcfs'), dataIndex: 'fcfs' },
        ]}
      />
    </Card>
  );
}

export default function BatchMatchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useNeedText();
  const batch = useBatchMatch();
  const [loadCap, setLoadCap] = useState(3);
  const [preview, setPreview] = useState<BatchResult | null>(null);
  const [done, setDone] = useState<BatchResult | null>(null);
  const busy = batch.isPending;
  const [error, setError] = useState<string | null>(null);

  const run = async (apply: boolean) => {
    setError(null);
    try {
      const r = await batch.mutateAsync({ loadCap, apply });
      if (apply) {
        setDone(r);
        setPreview(null);
        void message.success(t('needs.batch.applied', { applied: r.applied.length }));
      } else {
        setPreview(r);
        setDone(null);
      }
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <ConsolePage
      title={t('needs.batch.title')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('needs.board.title'), to: '/console/needs' },
        { title: t('needs.batch.title') },
      ]}
    >
      <p>{t('needs.batch.lead')}</p>
      <Card>
        <Space wrap align="center">
          <label htmlFor="batch-cap">{t('needs.batch.loadCap')}</label>
          <InputNumber
            id="batch-cap"
            min={1}
            max={20}
            value={loadCap}
            onChange={(v) => {
              setLoadCap(v ?? 3);
              setPreview(null);
            }}
          />
          <Button type="primary" loading={busy && !preview} onClick={() => void run(false)}>
            {t('needs.batch.preview')}
          </Button>
          {preview && preview.assignments.length > 0 && (
            <Popconfirm
              title={t('needs.batch.applyAsk', { count: preview.assignments.length })}
              okText={t('needs.batch.apply')}
              cancelText={t('needs.detail.cancel')}
              onConfirm={() => run(true)}
            >
              <Button type="primary" loading={busy}>
                {t('needs.batch.apply')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('needs.batch.applied', { applied: done.applied.length })}
          description={done.skipped.length ? t('needs.batch.skipped', { count: done.skipped.length }) : undefined}
        />
      )}
      {!preview && !done && <p>{t('needs.batch.previewFirst')}</p>}
      {preview && preview.openNeeds === 0 && <Alert type="info" showIcon title={t('needs.batch.empty')} />}
      {preview && preview.openNeeds > 0 && (
        <>
          <Comparison r={preview} />
          <Card title={`${t('needs.batch.assignments')} · ${t('needs.batch.open', { count: preview.openNeeds })}`}>
            <Table
              rowKey="needId"
              size="small"
              dataSource={preview.assignments}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={[
                { title: t('needs.f.resident'), dataIndex: 'residentName' },
                { title: t('needs.f.category'), dataIndex: 'category', render: text.category },
                { title: t('needs.f.volunteer'), dataIndex: 'volunteerName' },
                { title: t('needs.batch.fit'), dataIndex: 'fit' },
                {
                  title: t('needs.batch.waiting'),
                  dataIndex: 'waitingDays',
                  render: (d: number) => t('needs.batch.days', { n: days(d) }),
                },
              ]}
            />
          </Card>
        </>
      )}
    </ConsolePage>
  );
}
