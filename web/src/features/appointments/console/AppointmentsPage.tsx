// 预约服务: the day's bookings (cancel one to come; mark a past one came or not), services with providers and
// schedules, and booking for a caller on the phone.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  appointmentsApi,
  minuteText,
  useBookForCaller,
  useCancelBooking,
  useDayBookings,
  useProviderFeed,
  useRenewProviderFeed,
  useServices,
  useSetAttendance,
  useSlots,
  type Booking,
  type Caller,
  type Service,
} from '../api.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';

function DayBookings({ services }: { services: Service[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancelBooking = useCancelBooking();
  const setAttendance = useSetAttendance();
  // The day lives in the address (?date=YYYY-MM-DD), so a link or a reload shows the same day.
  const [params, setParams] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayInShanghai();
  const setDate = (d: string) =>
    setParams(
      (p) => {
        p.set('date', d);
        return p;
      },
      { replace: true },
    );
  const [serviceId, setServiceId] = useState<string | undefined>();
  const q = useDayBookings(date, serviceId);
  const cancel = async (b: Booking) => {
    try {
      await cancelBooking.mutateAsync(b.id);
      void message.success(t('appt.cancelled'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const mark = async (b: Booking, attended: boolean) => {
    try {
      await setAttendance.mutateAsync({ id: b.id, attended });
      void message.success(t(attended ? 'appt.markedAttended' : 'appt.markedAbsent'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const started = (b: Booking) => Date.parse(b.slotStart) <= Date.now();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          aria-label={t('appt.date')}
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        />
        <Select
          aria-label={t('appt.f.service')}
          style={{ minWidth: 200 }}
          allowClear
          placeholder={t('appt.allServices')}
          value={serviceId}
          onChange={setServiceId}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <ExportButton path="/api/appointments/bookings/export" query={{ date, serviceId }} fileName="bookings.xlsx" />
      </Space>
      <QueryTable<Booking>
        query={q}
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: t('appt.noBookings') }}
        columns={[
          { title: t('appt.f.time'), dataIndex: 'time', width: 80 },
          { title: t('appt.f.service'), dataIndex: 'serviceName' },
          { title: t('appt.f.resident'), dataIndex: 'residentName' },
          { title: t('appt.f.phone'), dataIndex: 'residentPhone', render: (v: string | null) => v ?? '—' },
          { title: t('appt.f.place'), dataIndex: 'place' },
          {
            title: t('appt.f.channel'),
            dataIndex: 'channel',
            render: (v: Booking['channel']) => t(`appt.channels.${v}`),
          },
          {
            title: t('appt.f.statusCol'),
            dataIndex: 'status',
            render: (v: Booking['status']) => (
              <Tag color={v === 'confirmed' ? 'processing' : 'default'}>{t(`appt.status.${v}`)}</Tag>
            ),
          },
          {
            title: t('appt.attendance'),
            key: 'came',
            render: (_: unknown, b: Booking) =>
              b.status !== 'confirmed' ? (
                '—'
              ) : !started(b) ? (
                t('appt.notYet')
              ) : (
                <Tag color={b.attended ? 'success' : 'default'}>
                  {t(b.attended ? 'appt.attended' : 'appt.notAttended')}
                </Tag>
              ),
          },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, b: Booking) =>
              b.status !== 'confirmed' ? null : !started(b) ? (
                <ConfirmButton
                  label={t('appt.cancel')}
                  confirm={t('appt.cancelConfirm', { name: b.residentName })}
                  onConfirm={() => cancel(b)}
                />
              ) : (
                <Button
                  size="small"
                  loading={setAttendance.isPending && setAttendance.variables?.id === b.id}
                  aria-label={`${b.residentName} · ${t(b.attended ? 'appt.markAbsent' : 'appt.markAttended')}`}
                  onClick={() => void mark(b, !b.attended)}
                >
                  {t(b.attended ? 'appt.markAbsent' : 'appt.markAttended')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

function FeedModal({
  provider,
  onClose,
}: {
  provider: { volunteerId: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useProviderFeed(provider?.volunteerId);
  const renew = useRenewProviderFeed();
  const url = q.data?.url ?? '';
  return (
    <Modal
      open={!!provider}
      title={provider ? t('appt.feedTitle', { name: provider.name }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <p>{t('appt.feedHelp')}</p>
      <Typography.Paragraph
        copyable={url ? { text: url, tooltips: [t('appt.copy'), t('appt.copied')] } : false}
        style={{ wordBreak: 'break-all' }}
      >
        <code>{url}</code>
      </Typography.Paragraph>
      <Button onClick={() => provider && renew.mutate(provider.volunteerId)}>{t('appt.feedRenew')}</Button>
    </Modal>
  );
}

function Services({ query }: { query: ReturnType<typeof useServices> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Service | null>(null);
  const [open, setOpen] = useState(false);
  const [feedOf, setFeedOf] = useState<{ volunteerId: string; name: string } | null>(null);
  const ruleText = (r: Service['schedule'][number]) => {
    const parts = {
      weekday: t(`appt.weekdays.d${r.weekday}` as 'appt.weekdays.d1'),
      start: minuteText(r.startMinute),
      end: minuteText(r.endMinute),
    };
    const line =
      r.monthWeek === null
        ? t('appt.everyLine', parts)
        : t('appt.monthLine', { ...parts, nth: t(`appt.monthWeeks.w${r.monthWeek}` as 'appt.monthWeeks.w1') });
    return r.place ? `${line} · ${r.place}` : line;
  };
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          setEditing(null);
          setOpen(true);
        }}
      >
        {t('appt.add')}
      </Button>
      <QueryTable<Service>
        query={query}
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: t('appt.noServices') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('appt.f.name'),
            dataIndex: 'name',
            render: (v: string, s: Service) => (
              <>
                {v} {!s.active && <Tag>{t('appt.inactive')}</Tag>}
              </>
            ),
          },
          { title: t('appt.f.kind'), dataIndex: 'kind', render: (k: Service['kind']) => t(`appt.kinds.${k}`) },
          {
            title: t('appt.f.schedule'),
            key: 's',
            render: (_: unknown, s: Service) => (
              <>
                {s.schedule.map((r, i) => (
                  <div key={i}>{ruleText(r)}</div>
                ))}
                <div>{s.place}</div>
              </>
            ),
          },
          {
            title: t('appt.f.placesPerSlot'),
            key: 'p',
            render: (_: unknown, s: Service) => (
              <>
                {t('appt.perSlot', { minutes: s.slotMinutes, places: s.placesPerSlot })}
                <div>{t('appt.window', { days: s.windowDays, hours: s.noticeHours })}</div>
              </>
            ),
          },
          {
            title: t('appt.f.providers'),
            key: 'v',
            render: (_: unknown, s: Service) => (
              <Space wrap>
                {s.providers.map((p) => (
                  <Button
                    key={p.volunteerId}
                    size="small"
                    onClick={() => setFeedOf(p)}
                    aria-label={`${p.name} · ${t('appt.feed')}`}
                  >
                    {p.name} · {t('appt.feed')}
                  </Button>
                ))}
              </Space>
            ),
          },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, s: Service) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(s);
                  setOpen(true);
                }}
              >
                {t('appt.edit')}
              </Button>
            ),
          },
        ]}
      />
      <ServiceForm open={open} onClose={() => setOpen(false)} service={editing} />
      <FeedModal provider={feedOf} onClose={() => setFeedOf(null)} />
    </>
  );
}

function BookForCaller({ services }: { services: Service[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bookForCaller = useBookForCaller();
  const [q, setQ] = useState('');
  const [callers, setCallers] = useState<Caller[] | null>(null);
  const [residentId, setResidentId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const slots = useSlots(serviceId);
  const find = async () => {
    setError(null);
    try {
      const found = await appointmentsApi.findCaller(q.trim());
      setCallers(found);
      setResidentId(found[0]?.id ?? null);
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const who = callers?.find((c) => c.id === residentId);
  const book = async (slotStart: string) => {
    if (!residentId || !serviceId) return;
    setError(null);
    try {
      const b = await bookForCaller.mutateAsync({ residentId, serviceId, slotStart, channel: 'phone' });
      void message.success(
        t('appt.booked', { name: b.residentName, service: b.serviceName, time: `${b.date} ${b.time}` }),
      );
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <label htmlFor="appt-caller" style={{ display: 'block', fontWeight: 600 }}>
          {t('appt.callerLabel')}
        </label>
        <Input.Search
          id="appt-caller"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={() => void find()}
          enterButton={t('appt.find')}
          placeholder={t('appt.callerHint')}
          style={{ maxWidth: 480 }}
        />
      </div>
      {error && (
        <p role="alert" style={{ color: '#a4231b' }}>
          {error}
        </p>
      )}
      {callers && callers.length === 0 && <Empty description={t('appt.noResident')} />}
      {callers && callers.length > 0 && (
        <Card size="small" title={t('appt.chooseResident')}>
          <Radio.Group value={residentId} onChange={(e) => setResidentId(e.target.value)}>
            <Space direction="vertical">
              {callers.map((c) => (
                <Radio key={c.id} value={c.id}>
                  {c.name}（{t('appt.born', { year: c.birthYear })}，{c.address}，{t(`appt.via.${c.via}`)}）
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Card>
      )}
      {who && (
        <Card size="small" title={t('appt.bookFor', { name: who.name })}>
          <Select
            aria-label={t('appt.chooseService')}
            placeholder={t('appt.chooseService')}
            style={{ minWidth: 240, marginBottom: 12 }}
            value={serviceId ?? undefined}
            onChange={setServiceId}
            options={services.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
          />
          {serviceId && (
            <List
              loading={slots.isPending}
              locale={{ emptyText: t('appt.noSlots') }}
              grid={{ gutter: 8, column: 4 }}
              dataSource={slots.data ?? []}
              renderItem={(s) => (
                <List.Item>
                  <Button block onClick={() => void book(s.start)}>
                    {s.date} {s.time}
                    <br />
                    {t('appt.left', { count: s.left })}
                  </Button>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

export default function AppointmentsPage() {
  const { t } = useTranslation();
  const services = useServices();
  const list = services.data ?? [];
  return (
    <ConsolePage
      title={t('appt.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('appt.title') }]}
    >
      <p>{t('appt.lead')}</p>
      <Tabs
        items={[
          { key: 'day', label: t('appt.tabs.day'), children: <DayBookings services={list} /> },
          { key: 'book', label: t('appt.tabs.book'), children: <BookForCaller services={list} /> },
          { key: 'services', label: t('appt.tabs.services'), children: <Services query={services} /> },
        ]}
      />
    </ConsolePage>
  );
}
