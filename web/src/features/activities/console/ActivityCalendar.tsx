// The activities as a month (antd Calendar) or a week (seven columns, Monday first): each activity by its date
// with its start time, title and status; clicking one opens it. Each view asks the list route for its own range.
import { useState } from 'react';
import { Button, Calendar, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { shanghaiTime, todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { useActivities, type Activity } from '../api.ts';

const statusColor = { draft: 'default', published: 'processing', cancelled: 'error' } as const;
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

function byDate(items: readonly Activity[]): Map<string, Activity[]> {
  const out = new Map<string, Activity[]>();
  for (const a of [...items].sort((x, y) => x.startsAt.localeCompare(y.startsAt)))
    out.set(a.date, [...(out.get(a.date) ?? []), a]);
  return out;
}

function Entry({ a, compact }: { a: Activity; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <li style={{ listStyle: 'none', margin: '2px 0', opacity: a.status === 'cancelled' ? 0.6 : 1 }}>
      <Link
        to={`/console/activities/${a.id}`}
        style={{ textDecoration: a.status === 'cancelled' ? 'line-through' : undefined }}
      >
        {shanghaiTime(a.startsAt)} {a.title}
      </Link>
      {!compact && (
        <div>
          <Typography.Text type="secondary">{a.place}</Typography.Text>
        </div>
      )}
      {(a.status !== 'published' || !compact) && (
        <Tag color={statusColor[a.status]} style={{ marginInlineStart: 4 }}>
          {t(`act.status.${a.status}`)}
        </Tag>
      )}
    </li>
  );
}

export function MonthView() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => dayjs(todayInShanghai()).startOf('month'));
  // The grid shows up to six weeks: ask for the days around the month too.
  const q = useActivities({
    from: ymd(month.subtract(7, 'day')),
    to: ymd(month.endOf('month').add(14, 'day')),
  });
  const days = byDate(q.data ?? []);
  return (
    <section aria-label={t('act.cal.month')}>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Calendar
        value={month}
        mode="month"
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        // Our own header: antd's year and month selects carry no labels a screen reader could read.
        headerRender={() => (
          <Space style={{ margin: '8px 0' }} wrap>
            <Button icon={<LeftOutlined />} onClick={() => setMonth(month.subtract(1, 'month'))}>
              {t('act.cal.prevMonth')}
            </Button>
            <Button onClick={() => setMonth(dayjs(todayInShanghai()).startOf('month'))}>
              {t('act.cal.thisMonth')}
            </Button>
            <Button onClick={() => setMonth(month.add(1, 'month'))}>
              {t('act.cal.nextMonth')} <RightOutlined />
            </Button>
            <Typography.Text strong data-testid="month-shown">
              {t('act.cal.monthTitle', { y: month.year(), m: month.month() + 1 })}
            </Typography.Text>
          </Space>
        )}
        onSelect={(d, info) => {
          if (info.source !== 'date') setMonth(d.startOf('month'));
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = days.get(ymd(d));
          return list ? (
            <ul style={{ padding: 0, margin: 0 }} aria-label={ymd(d)}>
              {list.map((a) => (
                <Entry key={a.id} a={a} compact />
              ))}
            </ul>
          ) : null;
        }}
      />
    </section>
  );
}

export function WeekView() {
  const { t } = useTranslation();
  const [monday, setMonday] = useState(() => {
    const d = dayjs(todayInShanghai());
    return d.subtract((d.day() + 6) % 7, 'day');
  });
  const week = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const q = useActivities({ from: ymd(week[0]!), to: ymd(week[6]!) });
  const days = byDate(q.data ?? []);
  const today = todayInShanghai();
  return (
    <section aria-label={t('act.cal.week')}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<LeftOutlined />} onClick={() => setMonday(monday.subtract(7, 'day'))}>
          {t('act.cal.prevWeek')}
        </Button>
        <Button
          onClick={() => {
            const d = dayjs(today);
            setMonday(d.subtract((d.day() + 6) % 7, 'day'));
          }}
        >
          {t('act.cal.thisWeek')}
        </Button>
        <Button onClick={() => setMonday(monday.add(7, 'day'))}>
          {t('act.cal.nextWeek')} <RightOutlined />
        </Button>
        <Typography.Text strong>{t('act.cal.range', { from: ymd(week[0]!), to: ymd(week[6]!) })}</Typography.Text>
      </Space>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <div
        aria-busy={q.isPending}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 6 }}
      >
        {week.map((d, i) => {
          const list = days.get(ymd(d)) ?? [];
          return (
            <div
              key={ymd(d)}
              data-testid={`week-${ymd(d)}`}
              style={{
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                padding: 6,
                minHeight: 160,
                background: ymd(d) === today ? '#e6f4ff' : undefined,
              }}
            >
              <h3 style={{ fontSize: 14, margin: '0 0 4px' }}>
                {t(`act.weekdays.${(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const)[i]!}`)} {d.format('M/D')}
              </h3>
              {list.length ? (
                <ul style={{ padding: 0, margin: 0 }}>
                  {list.map((a) => (
                    <Entry key={a.id} a={a} />
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
