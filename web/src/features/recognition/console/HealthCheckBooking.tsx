// The health-check list's booking columns: each commended volunteer's booking (date, time, place) and result, with
// 预约体检 / 改约 and 记录结果. The note is a short remark, never medical findings.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';
import type { HealthCheckRow } from '../api.ts';
import {
  useBookHealthCheck,
  useHealthBookings,
  useRecordHealthResult,
  type HealthCheckBookingView,
  type HealthCheckStatus,
} from '../health-api.ts';

const COLOR: Record<HealthCheckStatus, string> = { booked: 'processing', done: 'success', missed: 'warning' };

export function useHealthBookingColumns(year: number) {
  const { t } = useTranslation();
  const bookings = useHealthBookings(year);
  const book = useBookHealthCheck();
  const record = useRecordHealthResult();
  const [booking, setBooking] = useState<HealthCheckRow | null>(null);
  const [resulting, setResulting] = useState<HealthCheckBookingView | null>(null);
  const byVolunteer = new Map((bookings.data?.items ?? []).map((b) => [b.volunteerId, b]));
  const today = todayInShanghai();
  const current = booking ? byVolunteer.get(booking.volunteerId) : undefined;

  const columns = [
    {
      title: t('recognition.health.booking'),
      key: 'booking',
      render: (_: unknown, r: HealthCheckRow) => {
        const b = byVolunteer.get(r.volunteerId);
        if (!b) return <Typography.Text type="secondary">{t('recognition.health.notBooked')}</Typography.Text>;
        return (
          <>
            <Tag color={COLOR[b.status]}>{t(`recognition.health.status.${b.status}`)}</Tag>
            {b.date}
            {b.time ? ` ${b.time}` : ''} · {b.place}
            {b.note ? (
              <>
                <br />
                <Typography.Text type="secondary">{b.note}</Typography.Text>
              </>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('console.actions'),
      key: 'health-actions',
      render: (_: unknown, r: HealthCheckRow) => {
        const b = byVolunteer.get(r.volunteerId);
        return (
          <Space wrap>
            <Button size="small" onClick={() => setBooking(r)}>
              {b ? t('recognition.health.rebook') : t('recognition.health.book')}
            </Button>
            {b && b.date <= today && (
              <Button size="small" onClick={() => setResulting(b)}>
                {t('recognition.health.recordResult')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const modals = (
    <>
      <FormModal
        open={!!booking}
        title={t('recognition.health.bookTitle', { name: booking?.name ?? '' })}
        onClose={() => setBooking(null)}
        fields={['date', 'time', 'place']}
        successText={t('recognition.health.booked')}
        initialValues={current ? { date: dayjs(current.date), time: current.time, place: current.place } : undefined}
        onSubmit={async (v) => {
          await book.mutateAsync({
            volunteerId: booking!.volunteerId,
            body: { year, date: v.date.format('YYYY-MM-DD'), time: v.time || null, place: v.place },
          });
        }}
      >
        <Form.Item name="date" label={t('recognition.health.date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="time" label={t('recognition.health.time')} extra={t('recognition.health.timeHint')}>
          <Input maxLength={5} placeholder="09:00" />
        </Form.Item>
        <Form.Item name="place" label={t('recognition.health.place')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('recognition.health.toldHint')}</Typography.Paragraph>
      </FormModal>
      <FormModal
        open={!!resulting}
        title={t('recognition.health.resultTitle', { name: resulting?.volunteerName ?? '' })}
        onClose={() => setResulting(null)}
        fields={['result', 'note']}
        successText={t('recognition.health.recorded')}
        initialValues={{ result: 'done' }}
        onSubmit={async (v) => {
          await record.mutateAsync({ id: resulting!.id, body: { result: v.result, note: v.note || null } });
        }}
      >
        <Form.Item name="result" label={t('recognition.health.result')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'done', label: t('recognition.health.status.done') },
              { value: 'missed', label: t('recognition.health.status.missed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('recognition.health.note')} extra={t('recognition.health.noteHint')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
  const exportButton = (
    <ExportButton
      path="/api/recognition/health-check/bookings/export"
      query={{ year }}
      fileName={`health-check-bookings-${year}.xlsx`}
      label={t('recognition.health.exportBookings')}
    />
  );
  return { columns, modals, exportButton };
}
