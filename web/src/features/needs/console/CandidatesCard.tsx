// 对接志愿者: the eligible volunteers for a need, best first, each score in words ("同楼 +20，曾服务 3 次 +15，
// 已有 2 项任务 −10"); staff confirm one. What the server refuses (not eligible, avoided, moved meanwhile) is
// said in the card, where a screen reader hears it.
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/errorText.ts';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { useCandidates, useMatchNeed, type Candidate } from '../api.ts';
import { useNeedText } from './useNeedText.ts';

/** What moved the score, then (quieter) what did not. */
function Why({ parts }: { parts: Candidate['parts'] }) {
  const { t } = useTranslation();
  const text = useNeedText();
  const moved = parts.filter((p) => p.points !== 0);
  const neutral = text.neutral(parts);
  return (
    <>
      <div>{moved.length ? text.explain(moved) : t('needs.match.noPoints')}</div>
      {neutral && <Typography.Text type="secondary">{t('needs.match.neutral', { list: neutral })}</Typography.Text>}
    </>
  );
}

export function CandidatesCard({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useCandidates(needId, true);
  const match = useMatchNeed(needId);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (c: Candidate) => {
    setError(null);
    try {
      await match.mutateAsync(c.volunteerId);
      void message.success(t('needs.match.matched', { name: c.name }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Card title={t('needs.match.title')}>
      <p>
        {t('needs.match.lead')}
        {q.data ? ` ${t('needs.match.eligible', { count: q.data.eligibleCount })}` : ''}
      </p>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Candidate>
        rowKey="volunteerId"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={q.data?.candidates ?? []}
        locale={{ emptyText: t('needs.match.none') }}
        columns={[
          { title: '#', key: 'rank', width: 90, render: (_: unknown, _c, i) => t('needs.match.rank', { n: i + 1 }) },
          { title: t('needs.f.volunteer'), dataIndex: 'name', width: 120 },
          {
            title: t('needs.batch.fit'),
            dataIndex: 'score',
            width: 90,
            render: (s: number) => <strong>{t('needs.match.score', { score: s })}</strong>,
          },
          { title: t('needs.match.why'), key: 'why', render: (_: unknown, c) => <Why parts={c.parts} /> },
          {
            title: t('console.actions'),
            key: 'a',
            width: 120,
            render: (_: unknown, c) => (
              <Popconfirm
                title={t('needs.match.confirmAsk', { name: c.name })}
                okText={t('needs.match.confirm')}
                cancelText={t('needs.detail.cancel')}
                onConfirm={() => confirm(c)}
              >
                <Button type="primary" size="small" aria-label={`${t('needs.match.confirm')} ${c.name}`}>
                  {t('needs.match.confirm')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
