// 服务时长: the verification queue (staff verify entries in bulk, or correct one with a reason — a new entry
// that points at the old, never an edit), honour hours granted by the admin, and the community's rules
// (rounding, star thresholds, points per hour and caps).
import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { VolunteerPicker } from '../../../shared/console-ui/VolunteerPicker.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { can, useCurrentUser } from '../../../shared/session/useSession.ts';
import { useSocialWorkers } from '../../../shared/api/social-workers.ts';
import { HOURS_SOURCES, type HoursSource } from '../../../../../domain/hours/ledger.ts';
import type { ReviewReason } from '../../../../../domain/hours/schemas.ts';
import {
  hoursText,
  useCorrectEntry,
  useDisputes,
  useHonourHours,
  useHoursQueue,
  useHoursSettings,
  useResolveDispute,
  useSaveHoursSettings,
  useVerifyHours,
  type DisputeView,
  type EntryView,
  type QueueFilter,
} from '../api.ts';

const fieldset = { border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 12px', marginBottom: 16 } as const;
const legend = { fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 } as const;

function Queue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<QueueFilter>({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const [correcting, setCorrecting] = useState<EntryView | null>(null);
  // 我带的志愿者: on by default for a social worker who leads volunteers, until they switch it.
  const me = useCurrentUser();
  const workers = useSocialWorkers(can(me, 'org.read'));
  const leads = (workers.data?.find((w) => w.id === me.accountId)?.volunteers ?? 0) > 0;
  const [mineChoice, setMineChoice] = useState<boolean | null>(null);
  const mine = mineChoice ?? leads;
  const q = useHoursQueue({ ...filter, mine: mine || undefined });
  const verifyHours = useVerifyHours();
  const verify = async (ids: string[]) => {
    try {
      const r = await verifyHours.mutateAsync(ids);
      void message.success(
        r.skipped.length
          ? t('hours.verifiedSome', { count: r.verified.length, skipped: r.skipped.length })
          : t('hours.verified', { count: r.verified.length }),
      );
      setSelected([]);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('hours.source')}
          style={{ minWidth: 160 }}
          value={filter.source ?? ''}
          onChange={(v) => setFilter({ ...filter, source: v || undefined, page: 1 })}
          options={[
            { value: '', label: t('hours.allSources') },
            ...HOURS_SOURCES.filter((s) => s !== 'honour').map((s) => ({ value: s, label: t(`hours.sources.${s}`) })),
          ]}
        />
        <VolunteerPicker
          value={filter.volunteerId ?? null}
          onChange={(id) => setFilter({ ...filter, volunteerId: id ?? undefined, page: 1 })}
        />
        {(leads || mineChoice) && (
          <Space>
            <Switch
              checked={mine}
              onChange={(v) => {
                setMineChoice(v);
                setFilter({ ...filter, page: 1 });
              }}
              aria-label={t('org.chart.mine')}
            />
            <span>{t('org.chart.mine')}</span>
          </Space>
        )}
        <Space>
          <Switch
            checked={!!filter.reviewOnly}
            onChange={(v) => setFilter({ ...filter, reviewOnly: v || undefined, page: 1 })}
            aria-label={t('hours.reviewOnly')}
          />
          <span>{t('hours.reviewOnly')}</span>
        </Space>
        <Button
          type="primary"
          disabled={!selected.length}
          loading={verifyHours.isPending}
          onClick={() => void verify(selected)}
        >
          {t('hours.verifySelected', { count: selected.length })}
        </Button>
        <ExportButton
          path="/api/hours/queue/export"
          query={{
            source: filter.source,
            volunteerId: filter.volunteerId,
            reviewOnly: filter.reviewOnly || undefined,
            mine: mine || undefined,
          }}
          fileName="hours-queue.xlsx"
        />
      </Space>
      <QueryTable<EntryView>
        query={{ ...q, data: q.data?.items }}
        rowKey="id"
        size="middle"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ 'aria-label': t('hours.pick', { name: r.volunteerName, date: r.serviceDate }) }),
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: q.data?.total ?? 0,
          showTotal: (n) => t('console.totalCount', { count: n }),
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        locale={{ emptyText: t('hours.queueEmpty') }}
        columns={[
          { title: t('hours.date'), dataIndex: 'serviceDate', width: 110 },
          { title: t('hours.volunteer'), dataIndex: 'volunteerName' },
          { title: t('hours.what'), dataIndex: 'description' },
          { title: t('hours.source'), dataIndex: 'source', render: (s: HoursSource) => t(`hours.sources.${s}`) },
          {
            title: t('hours.hours'),
            dataIndex: 'minutes',
            render: (m: number, r) =>
              r.rawMinutes !== m ? t('hours.rounded', { hours: hoursText(m), raw: r.rawMinutes }) : hoursText(m),
          },
          {
            title: t('hours.flag'),
            dataIndex: 'reviewReason',
            render: (r: ReviewReason | null) => (r ? <Tag color="warning">{t(`hours.reasons.${r}`)}</Tag> : null),
          },
          { title: t('hours.recordedBy'), dataIndex: 'recordedByName' },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => void verify([r.id])}>
                  {t('hours.verify')}
                </Button>
                <Button size="small" onClick={() => setCorrecting(r)}>
                  {t('hours.correct')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CorrectEntryModal
        entry={
          correcting && {
            id: correcting.id,
            volunteerName: correcting.volunteerName,
            serviceDate: correcting.serviceDate,
            minutes: correcting.minutes,
          }
        }
        onClose={() => setCorrecting(null)}
      />
    </>
  );
}

/** Correct one entry's minutes, with the reason (a new entry replaces the old). */
function CorrectEntryModal({
  entry,
  onClose,
}: {
  entry: { id: string; volunteerName: string; serviceDate: string; minutes?: number | null; reason?: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectEntry();
  return (
    <FormModal
      open={!!entry}
      title={t('hours.correctTitle', { name: entry?.volunteerName ?? '', date: entry?.serviceDate ?? '' })}
      onClose={onClose}
      fields={['minutes', 'reason']}
      successText={t('hours.corrected')}
      initialValues={{ minutes: entry?.minutes, reason: entry?.reason }}
      onSubmit={async (v) => {
        await correct.mutateAsync({ id: entry!.id, minutes: v.minutes, reason: v.reason });
      }}
    >
      <Typography.Paragraph>{t('hours.correctLead')}</Typography.Paragraph>
      <Form.Item
        name="minutes"
        label={t('hours.minutes')}
        rules={[{ required: true, message: t('hours.required') }]}
        extra={t('hours.minutesHint')}
      >
        <InputNumber min={0} max={960} step={15} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('hours.reason')}
        rules={[{ required: true, whitespace: true, message: t('hours.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** Volunteers' objections: correct the entry if it was wrong, then answer (the volunteer gets the answer by SMS). */
function Disputes() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved' | undefined>('open');
  const [answering, setAnswering] = useState<DisputeView | null>(null);
  const [correcting, setCorrecting] = useState<DisputeView | null>(null);
  const [f, setF] = useState({ page: 1, pageSize: 20 });
  const q = useDisputes(status, f);
  const resolve = useResolveDispute();
  return (
    <>
      <Radio.Group
        style={{ marginBottom: 12 }}
        optionType="button"
        value={status ?? 'all'}
        onChange={(e) => {
          setStatus(e.target.value === 'all' ? undefined : e.target.value);
          setF({ ...f, page: 1 });
        }}
        options={[
          { value: 'open', label: t('hours.disputeOpen') },
          { value: 'resolved', label: t('hours.disputeResolved') },
          { value: 'all', label: t('hours.disputeAll') },
        ]}
      />
      <QueryTable<DisputeView>
        query={{ ...q, data: q.data?.items }}
        rowKey="id"
        size="middle"
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: q.data?.total ?? 0,
          onChange: (page, pageSize) => setF({ page, pageSize }),
        }}
        locale={{ emptyText: t('hours.disputesEmpty') }}
        columns={[
          { title: t('hours.date'), dataIndex: 'serviceDate', width: 110 },
          { title: t('hours.volunteer'), dataIndex: 'volunteerName' },
          {
            title: t('hours.what'),
            key: 'w',
            render: (_, d) =>
              d.entryDescription
                ? `${d.entryDescription}（${hoursText(d.entryMinutes ?? 0)}）`
                : t('hours.missingService'),
          },
          { title: t('hours.disputeReason'), dataIndex: 'reason' },
          {
            title: t('hours.answer'),
            key: 'a',
            render: (_, d) =>
              d.status === 'resolved' ? (
                `${d.resolution}（${d.resolvedByName}）`
              ) : (
                <Tag color="warning">{t('hours.disputeOpen')}</Tag>
              ),
          },
          {
            title: t('console.actions'),
            key: 'x',
            render: (_, d) =>
              d.status === 'open' && (
                <Space>
                  {d.entryId && (
                    <Button size="small" onClick={() => setCorrecting(d)}>
                      {t('hours.correct')}
                    </Button>
                  )}
                  <Button size="small" type="primary" onClick={() => setAnswering(d)}>
                    {t('hours.answerButton')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={!!answering}
        title={t('hours.answerTitle', { name: answering?.volunteerName ?? '' })}
        onClose={() => setAnswering(null)}
        fields={['resolution']}
        successText={t('hours.answered')}
        onSubmit={async (v) => {
          await resolve.mutateAsync({ id: answering!.id, resolution: v.resolution });
        }}
      >
        <Typography.Paragraph>{t('hours.answerLead')}</Typography.Paragraph>
        <Form.Item
          name="resolution"
          label={t('hours.answer')}
          rules={[{ required: true, whitespace: true, message: t('hours.required') }]}
        >
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </FormModal>
      <CorrectEntryModal
        entry={
          correcting && {
            id: correcting.entryId!,
            volunteerName: correcting.volunteerName,
            serviceDate: correcting.serviceDate,
            minutes: correcting.entryMinutes,
            reason: correcting.reason,
          }
        }
        onClose={() => setCorrecting(null)}
      />
    </>
  );
}

function Honour() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [alert, setAlert] = useState<string | null>(null);
  const honour = useHonourHours();
  const submit = async (v: Record<string, any>) => {
    setAlert(null);
    try {
      await honour.mutateAsync({
        volunteerId: v.volunteerId,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        minutes: Math.round(v.hours * 60),
        reason: v.reason,
      });
      void message.success(t('hours.honourDone'));
      form.resetFields();
    } catch (err) {
      setAlert(applyApiErrors(form, err, ['volunteerId', 'serviceDate', 'minutes', 'reason'], t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      onFinish={(v) => void submit(v)}
      initialValues={{ serviceDate: dayjs() }}
    >
      <Typography.Paragraph>{t('hours.honourLead')}</Typography.Paragraph>
      {alert && (
        <p role="alert" style={{ color: '#a4231b' }}>
          {alert}
        </p>
      )}
      <Form.Item
        name="volunteerId"
        label={t('hours.volunteer')}
        rules={[{ required: true, message: t('hours.required') }]}
      >
        <VolunteerPicker onChange={() => undefined} />
      </Form.Item>
      <Form.Item name="serviceDate" label={t('hours.date')} rules={[{ required: true, message: t('hours.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="hours" label={t('hours.honourHours')} rules={[{ required: true, message: t('hours.required') }]}>
        <InputNumber min={0.25} max={16} step={0.5} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('hours.honourReason')}
        rules={[{ required: true, whitespace: true, message: t('hours.required') }]}
      >
        <Input maxLength={200} placeholder={t('hours.honourReasonHint')} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('hours.honourSubmit')}
      </Button>
    </Form>
  );
}

function Rules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useHoursSettings();
  const save = useSaveHoursSettings();
  const [form] = Form.useForm();
  const [alert, setAlert] = useState<string | null>(null);
  if (s.isError) return <LoadError error={s.error} onRetry={() => void s.refetch()} />;
  if (!s.data) return null;
  const d = s.data;
  const submit = async (v: Record<string, any>) => {
    setAlert(null);
    try {
      await save.mutateAsync({
        rounding: v.roundingUnit ? { unit: v.roundingUnit, mode: v.roundingMode } : null,
        starThresholds: [v.s1, v.s2, v.s3, v.s4, v.s5],
        pointsPerHour: v.pointsPerHour,
        pointsDailyCap: v.pointsDailyCap ?? null,
        pointsTotalCap: v.pointsTotalCap ?? null,
      });
      void message.success(t('console.saved'));
    } catch (err) {
      setAlert(
        applyApiErrors(
          form,
          err,
          ['rounding', 'starThresholds', 'pointsPerHour', 'pointsDailyCap', 'pointsTotalCap'],
          t,
        ),
      );
    }
  };
  const [s1, s2, s3, s4, s5] = d.starThresholds;
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      onFinish={(v) => void submit(v)}
      initialValues={{
        roundingUnit: d.rounding?.unit ?? 0,
        roundingMode: d.rounding?.mode ?? 'nearest',
        s1,
        s2,
        s3,
        s4,
        s5,
        pointsPerHour: d.pointsPerHour,
        pointsDailyCap: d.pointsDailyCap,
        pointsTotalCap: d.pointsTotalCap,
      }}
    >
      {alert && (
        <p role="alert" style={{ color: '#a4231b' }}>
          {alert}
        </p>
      )}
      <fieldset style={fieldset}>
        <legend style={legend}>{t('hours.rounding')}</legend>
        <Typography.Paragraph type="secondary">{t('hours.roundingLead')}</Typography.Paragraph>
        <Form.Item name="roundingUnit" label={t('hours.roundingUnit')}>
          <Radio.Group
            options={[
              { value: 0, label: t('hours.noRounding') },
              { value: 15, label: t('hours.unit', { n: 15 }) },
              { value: 30, label: t('hours.unit', { n: 30 }) },
              { value: 60, label: t('hours.unit', { n: 60 }) },
            ]}
          />
        </Form.Item>
        <Form.Item name="roundingMode" label={t('hours.roundingMode')}>
          <Radio.Group
            options={(['down', 'nearest', 'up'] as const).map((m) => ({ value: m, label: t(`hours.modes.${m}`) }))}
          />
        </Form.Item>
      </fieldset>
      <fieldset style={fieldset}>
        <legend style={legend}>{t('hours.stars')}</legend>
        <Typography.Paragraph type="secondary">{t('hours.starsLead')}</Typography.Paragraph>
        <Space wrap>
          {(['s1', 's2', 's3', 's4', 's5'] as const).map((k, i) => (
            <Form.Item
              key={k}
              name={k}
              label={t('hours.starN', { n: i + 1 })}
              rules={[{ required: true, message: t('hours.required') }]}
            >
              <InputNumber min={1} max={100000} />
            </Form.Item>
          ))}
        </Space>
      </fieldset>
      <fieldset style={fieldset}>
        <legend style={legend}>{t('hours.points')}</legend>
        <Space wrap>
          <Form.Item
            name="pointsPerHour"
            label={t('hours.pointsPerHour')}
            rules={[{ required: true, message: t('hours.required') }]}
          >
            <InputNumber min={0.1} max={100} step={0.5} />
          </Form.Item>
          <Form.Item name="pointsDailyCap" label={t('hours.dailyCap')} extra={t('hours.noCapHint')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Form.Item name="pointsTotalCap" label={t('hours.totalCap')} extra={t('hours.noCapHint')}>
            <InputNumber min={0} max={10000000} />
          </Form.Item>
        </Space>
      </fieldset>
      <Button type="primary" htmlType="submit">
        {t('console.svc.save')}
      </Button>
    </Form>
  );
}

export default function HoursPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const admin = can(me, 'hours.grant');
  return (
    <ConsolePage title={t('hours.title')}>
      <Typography.Paragraph>{t('hours.lead')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'queue', label: t('hours.queue'), children: <Queue /> },
          { key: 'disputes', label: t('hours.disputes'), children: <Disputes /> },
          ...(admin
            ? [
                { key: 'honour', label: t('hours.honour'), children: <Honour /> },
                { key: 'rules', label: t('hours.rules'), children: <Rules /> },
              ]
            : []),
        ]}
      />
    </ConsolePage>
  );
}
