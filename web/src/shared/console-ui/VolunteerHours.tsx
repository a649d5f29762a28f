// A volunteer's hours on the volunteer's console page: star, totals and the latest entries.
import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from './QueryState.tsx';
import { hoursText, useVolunteerHours } from '../api/hours.ts';
import type { EntryView } from '../../../../domain/hours/schemas.ts';

/** A volunteer's hours on the volunteer's console page: star, totals and the latest entries. */
export function VolunteerHours({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useVolunteerHours(volunteerId, page);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data?.summary;
  return (
    <section aria-label={t('hours.profileTitle')}>
      {s && (
        <Typography.Paragraph>
          <span aria-hidden="true" style={{ color: '#b25e00' }}>
            {'★'.repeat(s.starLevel)}
            {'☆'.repeat(5 - s.starLevel)}{' '}
          </span>
          {t('hours.profileLine', {
            stars: s.starLevel,
            credit: s.creditHours,
            pending: s.pendingHours,
            honour: s.honourHours,
          })}
          {s.hoursToNextStar !== null ? ` ${t('hours.toNext', { hours: s.hoursToNextStar })}` : ''}
        </Typography.Paragraph>
      )}
      <Table<EntryView>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.entries.items ?? []}
        pagination={{ current: page, pageSize: 10, total: q.data?.entries.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('hours.date'), dataIndex: 'serviceDate', width: 110 },
          { title: t('hours.what'), dataIndex: 'description' },
          { title: t('hours.hours'), dataIndex: 'minutes', render: (m: number) => hoursText(m) },
          {
            title: t('hours.status'),
            key: 's',
            render: (_, e) =>
              e.correctedBy ? (
                <Tag>{t('hours.statuses.corrected')}</Tag>
              ) : e.kind === 'honour' ? (
                <Tag>{t('hours.statuses.honour')}</Tag>
              ) : (
                <Tag color={e.status === 'verified' ? 'success' : 'warning'}>{t(`hours.statuses.${e.status}`)}</Tag>
              ),
          },
        ]}
      />
    </section>
  );
}
