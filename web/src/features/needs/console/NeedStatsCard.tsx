// The board's numbers over the last year: how many, how fast they were matched and done, how they came in,
// what they asked for, and how residents rated the help.
import { Card, Descriptions, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { OPEN_NEED_STATUSES } from '../../../../../domain/needs/needs.ts';
import { hoursText, useNeedStats, type NeedChannel } from '../api.ts';
import { useNeedText } from './useNeedText.ts';

export function NeedStatsCard() {
  const { t } = useTranslation();
  const text = useNeedText();
  const q = useNeedStats();
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  if (!s) return <Card loading title={t('needs.stats.title')} />;
  const open = OPEN_NEED_STATUSES.reduce((n, k) => n + (s.byStatus[k] ?? 0), 0);
  const spread = (x: typeof s.timeToMatch) =>
    x.count
      ? t('needs.stats.spread', { median: hoursText(x.medianHours), p90: hoursText(x.p90Hours) })
      : t('needs.stats.none');
  const counts = (m: Record<string, number>, label: (k: string) => string) => {
    const entries = Object.entries(m).sort((a, b) => b[1] - a[1]);
    return entries.length
      ? entries.map(([k, n]) => `${label(k)} ${t('needs.stats.count', { n })}`).join(' · ')
      : t('needs.stats.none');
  };
  return (
    <Card title={t('needs.stats.title')}>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('needs.stats.total')} value={s.total} />
        <Statistic title={t('needs.stats.open')} value={open} />
        <Statistic
          title={t('needs.stats.rating')}
          value={
            s.rating.average === null
              ? t('needs.stats.none')
              : t('needs.stats.ratingValue', { avg: s.rating.average, count: s.rating.count })
          }
        />
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'match', label: t('needs.stats.toMatch'), children: spread(s.timeToMatch) },
          { key: 'done', label: t('needs.stats.toDone'), children: spread(s.timeToDone) },
          {
            key: 'channel',
            label: t('needs.stats.byChannel'),
            children: counts(s.byChannel, (k) => text.channel(k as NeedChannel)),
          },
          { key: 'category', label: t('needs.stats.byCategory'), children: counts(s.byCategory, text.category) },
        ]}
      />
    </Card>
  );
}
