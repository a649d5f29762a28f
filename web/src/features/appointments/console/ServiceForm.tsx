// Add or edit a bookable service: its terms, its providers and its weekly (or monthly) schedule.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { minuteText, parseTime, useCreateService, useUpdateService, type Service } from '../api.ts';

const KINDS = ['clinic', 'haircut', 'legal', 'other'] as const;

/** Providers are volunteers of the community, found by name, pinyin or phone tail. */
function ProvidersSelect({
  value,
  onChange,
  id,
  initial,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  initial: { volunteerId: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; age: number }[] }>(
        '/api/volunteers',
        { q: q || undefined, status: 'approved', pageSize: 20 },
        signal,
      ),
  });
  const known = new Map(initial.map((p) => [p.volunteerId, p.name]));
  for (const v of list.data?.items ?? []) known.set(v.id, `${v.name}（${v.age}）`);
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={list.isFetching}
      value={value}
      onChange={onChange}
      aria-label={t('appt.f.providers')}
      options={[...known].map(([v, label]) => ({ value: v, label }))}
    />
  );
}

export function ServiceForm({
  open,
  onClose,
  service,
}: {
  open: boolean;
  onClose: () => void;
  service: Service | null;
}) {
  const { t } = useTranslation();
  const create = useCreateService();
  const update = useUpdateService(service?.id);
  const submit = (v: Record<string, any>) => {
    const schedule = (v.schedule ?? []).map((r: Record<string, any>) => ({
      weekday: r.weekday,
      startMinute: parseTime(r.start ?? '') ?? -1,
      endMinute: parseTime(r.end ?? '') ?? -1,
      monthWeek: r.monthWeek === 'every' ? null : Number(r.monthWeek),
      place: r.place || null,
    }));
    const body = {
      name: v.name,
      kind: v.kind,
      description: v.description || null,
      place: v.place,
      slotMinutes: v.slotMinutes,
      placesPerSlot: v.placesPerSlot,
      windowDays: v.windowDays,
      noticeHours: v.noticeHours,
      active: v.active,
      providerIds: v.providerIds ?? [],
      schedule,
    };
    return service ? update.mutateAsync(body) : create.mutateAsync(body);
  };
  const initialValues = service
    ? {
        ...service,
        providerIds: service.providers.map((p) => p.volunteerId),
        schedule: service.schedule.map((r) => ({
          weekday: r.weekday,
          start: minuteText(r.startMinute),
          end: minuteText(r.endMinute),
          monthWeek: r.monthWeek === null ? 'every' : String(r.monthWeek),
          place: r.place ?? '',
        })),
      }
    : {
        kind: 'clinic',
        slotMinutes: 30,
        placesPerSlot: 1,
        windowDays: 14,
        noticeHours: 2,
        active: true,
        schedule: [{ weekday: 6, start: '09:00', end: '11:30', monthWeek: 'every' }],
      };
  const timeRule = {
    validator: (_: unknown, v: string) =>
      parseTime(v ?? '') === null ? Promise.reject(new Error('HH:MM')) : Promise.resolve(),
  };
  return (
    <FormModal
      open={open}
      title={service ? t('appt.editTitle') : t('appt.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      successText={t('appt.saved')}
      fields={[
        'name',
        'kind',
        'description',
        'place',
        'slotMinutes',
        'placesPerSlot',
        'windowDays',
        'noticeHours',
        'active',
        'providerIds',
        'schedule',
      ]}
    >
      <Form.Item name="name" label={t('appt.f.name')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label={t('appt.f.kind')} rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`appt.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="place" label={t('appt.f.place')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="slotMinutes" label={t('appt.f.slotMinutes')} rules={[{ required: true }]}>
          <InputNumber min={5} max={480} />
        </Form.Item>
        <Form.Item name="placesPerSlot" label={t('appt.f.placesPerSlot')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} />
        </Form.Item>
        <Form.Item name="windowDays" label={t('appt.f.windowDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={180} />
        </Form.Item>
        <Form.Item name="noticeHours" label={t('appt.f.noticeHours')} rules={[{ required: true }]}>
          <InputNumber min={0} max={168} />
        </Form.Item>
      </Space>
      <Form.Item name="active" label={t('appt.f.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="providerIds" label={t('appt.f.providers')}>
        <ProvidersSelect initial={service?.providers ?? []} />
      </Form.Item>
      <Form.Item name="description" label={t('appt.f.description')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('appt.f.schedule')}</legend>
        <Form.List name="schedule">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Space key={row.key} wrap align="baseline">
                  <Form.Item name={[row.name, 'monthWeek']} label={t('appt.f.repeat')}>
                    <Select
                      style={{ width: 150 }}
                      options={['every', '1', '2', '3', '4', '5'].map((w) => ({
                        value: w,
                        label: t(`appt.monthWeeks.${w === 'every' ? w : `w${w}`}` as 'appt.monthWeeks.every'),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'weekday']} label={t('appt.f.weekday')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 90 }}
                      options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                        value: d,
                        label: t(`appt.weekdays.d${d}` as 'appt.weekdays.d1'),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'start']} label={t('appt.f.start')} rules={[timeRule]}>
                    <Input style={{ width: 80 }} placeholder="09:00" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'end']} label={t('appt.f.end')} rules={[timeRule]}>
                    <Input style={{ width: 80 }} placeholder="11:30" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'place']} label={t('appt.f.place')}>
                    <Input style={{ width: 140 }} maxLength={100} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('appt.f.removeRule')} ${i + 1}`}
                    onClick={() => remove(row.name)}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ weekday: 6, start: '09:00', end: '11:30', monthWeek: 'every' })}
              >
                {t('appt.f.addRule')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
    </FormModal>
  );
}
