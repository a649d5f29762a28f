// 三定结对: the pairings list (by volunteer, by resident, by status), a new pairing with its schedule chosen
// by simple controls (weekdays and every N weeks, or days of the month), a pairing's visits and missed
// dates, ending a pairing with its reason, and the missed-visit follow-up list.
import { useState } from 'react';
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { VolunteerPicker } from '../../../shared/console-ui/VolunteerPicker.tsx';
import { api } from '../../../shared/api/client.ts';
import { isApiError } from '../../../shared/api/errors.ts';
import { PAIRING_ITEMS } from '../../../../../domain/pairings/schemas.ts';
import {
  useCreatePairing,
  useEndPairing,
  useLogVisitFor,
  useMissed,
  type MissedFilter,
  usePairing,
  usePairings,
  useUpdatePairing,
  type Missed,
  type Pairing,
  type Scheduled,
  type Visit,
} from '../api.ts';
import { WEEKDAYS, controlsFromRule, describeRule, ruleFromControls } from '../rule.ts';

interface ResidentOption {
  id: string;
  name: string;
  age: number;
  address: string;
}

function ResidentPicker({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['residents', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: ResidentOption[] }>('/api/residents', { q: q || undefined, pageSize: 20 }, signal),
  });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      style={{ minWidth: 260 }}
      aria-label={t('pairings.pickResident')}
      placeholder={t('pairings.pickResident')}
      filterOption={false}
      onSearch={setQ}
      loading={list.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      options={(list.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.age}）${r.address}` }))}
    />
  );
}

const MONTH_DAYS = [...Array.from({ length: 31 }, (_, i) => i + 1), -1];

/** The schedule as simple controls: weekdays and every N weeks, or days of the month and every N months. */
function ScheduleFields() {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 12px', marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
        {t('pairings.schedule')}
      </legend>
      <Form.Item name="frequency" label={t('pairings.frequency')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'weekly', label: t('pairings.weekly') },
            { value: 'monthly', label: t('pairings.monthly') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.frequency !== b.frequency}>
        {({ getFieldValue }) =>
          getFieldValue('frequency') === 'weekly' ? (
            <>
              <Form.Item
                name="weekdays"
                label={t('pairings.weekdays')}
                // A validator rather than `required: true`: antd would put aria-required on the checkbox
                // group's div, which ARIA does not allow.
                rules={[
                  {
                    validator: (_, v?: unknown[]) =>
                      v?.length ? Promise.resolve() : Promise.reject(new Error(t('pairings.pickWeekday'))),
                  },
                ]}
              >
                <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`pairPhone.weekdays.${d}`) }))} />
              </Form.Item>
              <Form.Item name="everyWeeks" label={t('pairings.everyWeeks')}>
                <InputNumber min={1} max={12} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="monthDays"
                label={t('pairings.monthDays')}
                rules={[{ required: true, type: 'array', min: 1 }]}
              >
                <Select
                  mode="multiple"
                  options={MONTH_DAYS.map((d) => ({
                    value: d,
                    label: d === -1 ? t('pairings.lastDay') : t('pairPhone.rule.day', { d }),
                  }))}
                />
              </Form.Item>
              <Form.Item name="everyMonths" label={t('pairings.everyMonths')}>
                <InputNumber min={1} max={12} />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </fieldset>
  );
}

function NewPairing({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePairing();
  const types = useQuery({
    queryKey: ['service-types'],
    queryFn: ({ signal }) => api.get<Array<{ id: string; name: string }>>('/api/service-types', undefined, signal),
    enabled: open,
  });
  const submit = async (v: Record<string, any>) => {
    const rrule = ruleFromControls({
      frequency: v.frequency,
      weekdays: v.weekdays ?? [],
      everyWeeks: v.everyWeeks ?? 1,
      monthDays: v.monthDays ?? [],
      everyMonths: v.everyMonths ?? 1,
    });
    try {
      await create.mutateAsync({
        volunteerId: v.volunteerId,
        residentId: v.residentId,
        item: v.item,
        itemNote: v.itemNote || null,
        place: v.place,
        rrule,
        startsOn: (v.startsOn as Dayjs).format('YYYY-MM-DD'),
        endsOn: v.endsOn ? (v.endsOn as Dayjs).format('YYYY-MM-DD') : null,
        serviceTypeId: v.serviceTypeId || null,
        note: v.note || null,
      });
    } catch (err) {
      // Say which requirements the volunteer misses, in words the console already has.
      if (isApiError(err) && err.code === 'volunteer_not_eligible') {
        const reasons = ((err.details?.reasons as string[] | undefined) ?? [])
          .map((r) => t(`console.serviceTypes.reason_${r}` as 'console.serviceTypes.reason_too_old'))
          .join('；');
        throw Object.assign(err, { message: t('pairings.notEligible', { reasons }) });
      }
      throw err;
    }
  };
  return (
    <FormModal
      open={open}
      title={t('pairings.add')}
      onClose={onClose}
      onSubmit={submit}
      successText={t('pairings.created')}
      fields={['volunteerId', 'residentId', 'item', 'itemNote', 'place', 'startsOn', 'endsOn', 'serviceTypeId', 'note']}
      initialValues={{
        frequency: 'weekly',
        weekdays: [],
        everyWeeks: 1,
        everyMonths: 1,
        monthDays: [],
        startsOn: dayjs(),
        item: 'weekly_visit',
      }}
    >
      <Form.Item name="volunteerId" label={t('pairings.volunteer')} rules={[{ required: true }]}>
        <VolunteerPicker onChange={() => undefined} />
      </Form.Item>
      <Form.Item name="residentId" label={t('pairings.resident')} rules={[{ required: true }]}>
        <ResidentPicker />
      </Form.Item>
      <Form.Item name="item" label={t('pairings.item')} rules={[{ required: true }]}>
        <Select options={PAIRING_ITEMS.map((i) => ({ value: i, label: t(`pairPhone.items.${i}`) }))} />
      </Form.Item>
      <Form.Item name="itemNote" label={t('pairings.itemNote')} extra={t('pairings.itemNoteHint')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="place" label={t('pairings.place')} extra={t('pairings.placeHint')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <ScheduleFields />
      <Space wrap>
        <Form.Item name="startsOn" label={t('pairings.startsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endsOn" label={t('pairings.endsOn')} extra={t('pairings.endsOnHint')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="serviceTypeId" label={t('pairings.serviceType')} extra={t('pairings.serviceTypeHint')}>
        <Select allowClear options={(types.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="note" label={t('pairings.note')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function EndPairing({ pairing, onClose }: { pairing: Pairing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useEndPairing(pairing?.id);
  const submit = (v: Record<string, any>) =>
    end.mutateAsync({
      reason: v.reason,
      endedOn: v.endedOn ? (v.endedOn as Dayjs).format('YYYY-MM-DD') : undefined,
    });
  return (
    <FormModal
      open={!!pairing}
      title={t('pairings.endTitle', { name: pairing ? `${pairing.volunteerName} — ${pairing.residentName}` : '' })}
      onClose={onClose}
      onSubmit={submit}
      fields={['reason', 'endedOn']}
      successText={t('pairings.endedMsg')}
      initialValues={{ endedOn: dayjs() }}
    >
      <Form.Item
        name="reason"
        label={t('pairings.endReason')}
        extra={t('pairings.endReasonHint')}
        rules={[{ required: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="endedOn" label={t('pairings.endedOn')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** Change what a pairing is: its item, place, schedule, end date, note. The volunteer and resident stay. */
function EditPairing({ pairing, onClose }: { pairing: Scheduled | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePairing(pairing?.id);
  const submit = (v: Record<string, any>) => {
    const rrule = ruleFromControls({
      frequency: v.frequency,
      weekdays: v.weekdays ?? [],
      everyWeeks: v.everyWeeks ?? 1,
      monthDays: v.monthDays ?? [],
      everyMonths: v.everyMonths ?? 1,
    });
    return update.mutateAsync({
      item: v.item,
      itemNote: v.itemNote || null,
      place: v.place,
      rrule,
      endsOn: v.endsOn ? (v.endsOn as Dayjs).format('YYYY-MM-DD') : null,
      note: v.note || null,
    });
  };
  return (
    <FormModal
      open={!!pairing}
      title={t('pairings.editTitle', { name: pairing ? `${pairing.volunteerName} — ${pairing.residentName}` : '' })}
      onClose={onClose}
      onSubmit={submit}
      fields={['item', 'itemNote', 'place', 'endsOn', 'note']}
      successText={t('pairings.saved')}
      initialValues={
        pairing
          ? {
              ...controlsFromRule(pairing.rrule),
              item: pairing.item,
              itemNote: pairing.itemNote,
              place: pairing.place,
              note: pairing.note,
              endsOn: pairing.endsOn ? dayjs(pairing.endsOn) : null,
            }
          : {}
      }
    >
      <Form.Item name="item" label={t('pairings.item')} rules={[{ required: true }]}>
        <Select options={PAIRING_ITEMS.map((i) => ({ value: i, label: t(`pairPhone.items.${i}`) }))} />
      </Form.Item>
      <Form.Item name="itemNote" label={t('pairings.itemNote')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="place" label={t('pairings.place')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <ScheduleFields />
      <Form.Item name="endsOn" label={t('pairings.endsOn')} extra={t('pairings.endsOnHint')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('pairings.note')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Staff record a visit the volunteer reported by phone (an elder's volunteer may have no smartphone). */
function LogVisit({ pairing, onClose }: { pairing: Scheduled | null; onClose: () => void }) {
  const { t } = useTranslation();
  const log = useLogVisitFor(pairing?.id);
  const submit = (v: Record<string, any>) =>
    log.mutateAsync({
      visitedOn: (v.visitedOn as Dayjs).format('YYYY-MM-DD'),
      minutes: v.minutes,
      notes: v.notes || null,
    });
  return (
    <FormModal
      open={!!pairing}
      title={t('pairings.logTitle', { name: pairing ? `${pairing.volunteerName} — ${pairing.residentName}` : '' })}
      onClose={onClose}
      onSubmit={submit}
      fields={['visitedOn', 'minutes', 'notes']}
      successText={t('pairings.logged')}
      initialValues={{ visitedOn: dayjs(), minutes: 60 }}
    >
      <Form.Item name="visitedOn" label={t('pairings.visitDate')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="minutes" label={t('pairings.minutes')} rules={[{ required: true }]}>
        <InputNumber min={5} max={720} />
      </Form.Item>
      <Form.Item name="notes" label={t('pairings.notes')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function PairingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = usePairing(id);
  const p = q.data;
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={p ? `${p.volunteerName} — ${p.residentName}` : ''}
      extra={
        p?.status === 'active' && (
          <Space>
            <Button onClick={() => setLogging(true)}>{t('pairings.logVisit')}</Button>
            <Button onClick={() => setEditing(true)}>{t('pairings.edit')}</Button>
          </Space>
        )
      }
    >
      <EditPairing pairing={editing ? (p ?? null) : null} onClose={() => setEditing(false)} />
      <LogVisit pairing={logging ? (p ?? null) : null} onClose={() => setLogging(false)} />
      {p && (
        <div className="cn-stack">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'item',
                label: t('pairings.item'),
                children: `${t(`pairPhone.items.${p.item}`)}${p.itemNote ? `：${p.itemNote}` : ''}`,
              },
              { key: 'place', label: t('pairings.place'), children: p.place },
              { key: 'rule', label: t('pairings.schedule'), children: describeRule(p.rrule, t) },
              {
                key: 'period',
                label: t('pairings.period'),
                children: `${p.startsOn} — ${p.endedOn ?? p.endsOn ?? t('pairings.open')}`,
              },
              { key: 'st', label: t('pairings.serviceType'), children: p.serviceTypeName ?? '—' },
              {
                key: 'status',
                label: t('pairings.status'),
                children:
                  p.status === 'ended'
                    ? `${t('pairings.ended')}（${t('pairings.endReasonShown', { reason: p.endReason ?? '' })}）`
                    : t('pairings.active'),
              },
              {
                key: 'missed',
                label: t('pairings.missedRecent'),
                children: p.missed.length ? p.missed.join('、') : t('pairings.noneMissed'),
              },
              { key: 'due', label: t('pairings.due'), children: p.due.length ? p.due.join('、') : '—' },
              { key: 'next', label: t('pairings.next'), children: p.next.length ? p.next.join('、') : '—' },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('pairings.visitsTitle')}（{p.visits.length}）
          </Typography.Title>
          <Table<Visit>
            rowKey="id"
            size="small"
            dataSource={p.visits}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: t('pairings.noVisitsYet') }}
            columns={[
              { title: t('pairings.visitDate'), dataIndex: 'visitedOn' },
              { title: t('pairings.minutes'), dataIndex: 'minutes' },
              { title: t('pairings.notes'), dataIndex: 'notes', render: (v: string | null) => v ?? '' },
              { title: t('pairings.loggedBy'), dataIndex: 'loggedByName' },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

function PairingList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const volunteerId = params.get('volunteerId') ?? undefined;
  const residentId = params.get('residentId') ?? undefined;
  const status = (params.get('status') as 'active' | 'ended' | null) ?? undefined;
  const [page, setPage] = useState(1);
  const q = usePairings({ volunteerId, residentId, status, page, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Pairing | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const set = (k: string, v: string | null | undefined) => {
    const n = new URLSearchParams(params);
    if (v) n.set(k, v);
    else n.delete(k);
    setParams(n, { replace: true });
    setPage(1);
  };
  const filtered = !!(volunteerId || residentId || status);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('pairings.add')}
        </Button>
        <VolunteerPicker value={volunteerId ?? null} onChange={(v) => set('volunteerId', v)} />
        <ResidentPicker value={residentId ?? null} onChange={(v) => set('residentId', v)} />
        <Select
          aria-label={t('pairings.status')}
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(v) => set('status', v)}
          options={[
            { value: '', label: t('pairings.allStatus') },
            { value: 'active', label: t('pairings.active') },
            { value: 'ended', label: t('pairings.ended') },
          ]}
        />
        <ExportButton
          path="/api/pairings/export"
          query={{ volunteerId, residentId, status }}
          fileName="pairings.xlsx"
        />
      </Space>
      <QueryTable<Pairing>
        query={{ ...q, data: q.data?.items }}
        rowKey="id"
        size="small"
        scroll={{ x: 1000 }}
        locale={{ emptyText: filtered ? t('pairings.emptyFiltered') : t('pairings.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('console.totalCount', { count: n }),
        }}
        columns={[
          {
            title: t('pairings.resident'),
            key: 'r',
            render: (_: unknown, p: Pairing) => (
              <>
                {p.residentName}
                <br />
                <Typography.Text type="secondary">{p.residentAddress}</Typography.Text>
              </>
            ),
          },
          { title: t('pairings.volunteer'), dataIndex: 'volunteerName' },
          {
            title: t('pairings.item'),
            key: 'i',
            render: (_: unknown, p: Pairing) => t(`pairPhone.items.${p.item}`) + (p.itemNote ? `：${p.itemNote}` : ''),
          },
          { title: t('pairings.schedule'), key: 's', render: (_: unknown, p: Pairing) => describeRule(p.rrule, t) },
          {
            title: t('pairings.period'),
            key: 'p',
            render: (_: unknown, p: Pairing) => `${p.startsOn} — ${p.endedOn ?? p.endsOn ?? t('pairings.open')}`,
          },
          { title: t('pairings.visits'), dataIndex: 'visitCount' },
          {
            title: t('pairings.lastVisit'),
            dataIndex: 'lastVisitOn',
            render: (v: string | null) => v ?? t('pairings.never'),
          },
          {
            title: t('pairings.status'),
            dataIndex: 'status',
            render: (s: Pairing['status']) => (
              <Tag color={s === 'active' ? 'success' : 'default'}>{t(`pairings.${s}`)}</Tag>
            ),
          },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, p: Pairing) => (
              <Space>
                <Button size="small" onClick={() => setOpen(p.id)}>
                  {t('pairings.details')}
                </Button>
                {p.status === 'active' && (
                  <Button size="small" danger onClick={() => setEnding(p)}>
                    {t('pairings.end')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewPairing open={adding} onClose={() => setAdding(false)} />
      <EndPairing pairing={ending} onClose={() => setEnding(null)} />
      <PairingDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function MissedList() {
  const { t } = useTranslation();
  const [f, setF] = useState<MissedFilter>({ days: 28, page: 1, pageSize: 20 });
  const q = useMissed(f);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Typography.Paragraph>{t('pairings.missedLead')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="missed-days">{t('pairings.missedDays')}</label>
        <Select
          id="missed-days"
          style={{ width: 100 }}
          value={f.days}
          onChange={(days) => setF({ ...f, days, page: 1 })}
          options={[7, 14, 28, 90].map((d) => ({ value: d, label: `${d} ${t('pairings.days')}` }))}
        />
        <Input.Search
          allowClear
          placeholder={t('pairings.missedSearch')}
          aria-label={t('pairings.missedSearch')}
          style={{ width: 240 }}
          onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
        />
      </Space>
      <QueryTable<Missed>
        query={{ ...q, data: q.data?.items }}
        rowKey={(m) => `${m.id}:${m.date}`}
        size="small"
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: q.data?.total ?? 0,
          onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
        }}
        locale={{ emptyText: t('pairings.missedEmpty') }}
        columns={[
          { title: t('pairings.missedDate'), dataIndex: 'date' },
          { title: t('pairings.resident'), dataIndex: 'residentName' },
          { title: t('pairings.volunteer'), dataIndex: 'volunteerName' },
          { title: t('pairings.item'), key: 'i', render: (_: unknown, m: Missed) => t(`pairPhone.items.${m.item}`) },
          { title: t('pairings.schedule'), key: 's', render: (_: unknown, m: Missed) => describeRule(m.rrule, t) },
          {
            title: t('pairings.lastVisit'),
            dataIndex: 'lastVisitOn',
            render: (v: string | null) => v ?? t('pairings.never'),
          },
          { title: t('pairings.missedCount'), dataIndex: 'missedInWindow' },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, m: Missed) => (
              <Button size="small" onClick={() => setOpen(m.id)}>
                {t('pairings.details')}
              </Button>
            ),
          },
        ]}
      />
      <PairingDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

export default function PairingsPage() {
  const { t } = useTranslation();
  return (
    <ConsolePage
      title={t('pairings.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('pairings.title') }]}
    >
      <Typography.Paragraph>{t('pairings.lead')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'list', label: t('pairings.list'), children: <PairingList /> },
          { key: 'missed', label: t('pairings.missedTab'), children: <MissedList /> },
        ]}
      />
    </ConsolePage>
  );
}
