// 服务类型: what each kind of service asks (ages, fitness, night, insurance, training, skill), and the
// volunteers who may be offered it, with the reasons in plain words for those who may not.
import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../shared/console-ui/formErrors.ts';
import { can, useCurrentUser } from '../../shared/session/useSession.ts';
import { SKILLS } from '../../../../domain/volunteers/skills.ts';
import {
  KIND_POLICY,
  OVERRIDABLE,
  WORK_KINDS,
  type WorkKind,
  type WorkRefusal,
} from '../../../../domain/volunteers/work-policy.ts';
import { useCourses } from '../../shared/api/courses.ts';
import { serviceTypesApi, useSaveServiceType, useServiceTypes, type EligibleRow, type ServiceType } from './api.ts';

/** Every refusal of the one gate (domain/volunteers/work-policy.ts). */
type Reason = WorkRefusal;
const FITNESS = ['good', 'fair', 'limited'] as const;

function TypeForm({ editing, open, onClose }: { editing: ServiceType | null; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const saveType = useSaveServiceType();
  const courses = useCourses();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      trainingCourseId: v.trainingCourseId ?? null,
      skillCode: v.skillCode ?? null,
      description: v.description || null,
      night: !!v.night,
      needsInsurance: !!v.needsInsurance,
    };
    try {
      await saveType.mutateAsync({ id: editing?.id, body });
      message.success(t('console.saved'));
      form.resetFields();
      setAlert(null);
      onClose();
    } catch (err) {
      setAlert(
        applyApiErrors(
          form,
          err,
          ['code', 'name', 'minAge', 'maxAge', 'minFitness', 'trainingCourseId', 'skillCode', 'description'],
          t,
        ),
      );
    }
  };
  return (
    <Modal
      open={open}
      title={editing ? t('console.serviceTypes.edit') : t('console.serviceTypes.newType')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('console.svc.save')}
      cancelText={t('console.svc.cancel')}
      destroyOnHidden
    >
      {alert && (
        <p role="alert" style={{ color: '#a4231b' }}>
          {alert}
        </p>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ?? { minAge: 18, maxAge: 70, minFitness: 'fair', night: false, needsInsurance: true }}
      >
        <Form.Item name="name" label={t('console.serviceTypes.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="code" label={t('console.serviceTypes.code')} rules={[{ required: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Space>
          <Form.Item name="minAge" label={t('console.serviceTypes.minAge')} rules={[{ required: true }]}>
            <InputNumber min={0} max={130} />
          </Form.Item>
          <Form.Item name="maxAge" label={t('console.serviceTypes.maxAge')} rules={[{ required: true }]}>
            <InputNumber min={0} max={130} />
          </Form.Item>
        </Space>
        <Form.Item name="minFitness" label={t('console.serviceTypes.minFitness')} rules={[{ required: true }]}>
          <Select options={FITNESS.map((f) => ({ value: f, label: t(`console.serviceTypes.fitness_${f}`) }))} />
        </Form.Item>
        <Form.Item name="night" label={t('console.serviceTypes.night')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="needsInsurance" label={t('console.serviceTypes.needsInsurance')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="trainingCourseId" label={t('console.serviceTypes.trainingCourse')}>
          <Select allowClear options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="skillCode" label={t('console.serviceTypes.skill')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={SKILLS.map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.en : s.zh }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('console.serviceTypes.description')}>
          <Input.TextArea maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EligibleDrawer({ type, onClose }: { type: ServiceType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [only, setOnly] = useState(false);
  const [page, setPage] = useState(1);
  const when =
    date && range?.[0] && range?.[1]
      ? { date: date.format('YYYY-MM-DD'), start: range[0].format('HH:mm'), end: range[1].format('HH:mm') }
      : {};
  const q = useQuery({
    queryKey: ['service-types', 'eligible', type?.id, when, only, page],
    enabled: !!type,
    queryFn: ({ signal }) =>
      serviceTypesApi.eligible(type!.id, { ...when, eligibleOnly: only || undefined, page, pageSize: 50 }, signal),
  });
  return (
    <Drawer
      open={!!type}
      onClose={onClose}
      size="large"
      title={type ? `${type.name} · ${t('console.serviceTypes.eligible')}` : ''}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker
          aria-label={t('console.serviceTypes.date')}
          value={date}
          onChange={(d) => {
            setDate(d);
            setPage(1);
          }}
        />
        <TimePicker.RangePicker
          aria-label={t('console.serviceTypes.when')}
          format="HH:mm"
          minuteStep={15}
          value={range}
          onChange={(r) => {
            setRange(r as [Dayjs | null, Dayjs | null] | null);
            setPage(1);
          }}
        />
        <Checkbox
          checked={only}
          onChange={(e) => {
            setOnly(e.target.checked);
            setPage(1);
          }}
        >
          {t('console.serviceTypes.eligibleOnly')}
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary">{t('console.serviceTypes.whenHint')}</Typography.Paragraph>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <p role="status">
          {t('console.serviceTypes.summary', {
            total: only ? q.data.eligibleCount : q.data.total,
            eligible: q.data.eligibleCount,
          })}
        </p>
      )}
      <Table<EligibleRow>
        rowKey="volunteerId"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('console.svc.volunteer'), dataIndex: 'name' },
          { title: t('console.svc.age'), dataIndex: 'age', width: 70 },
          {
            title: t('console.serviceTypes.result'),
            dataIndex: 'eligible',
            width: 100,
            render: (v: boolean) => (
              <Tag color={v ? 'success' : 'error'}>
                {v ? t('console.serviceTypes.eligibleYes') : t('console.serviceTypes.eligibleNo')}
              </Tag>
            ),
          },
          {
            title: t('console.serviceTypes.reasons'),
            dataIndex: 'reasons',
            render: (rs: string[]) => rs.map((r) => t(`console.serviceTypes.reason_${r as Reason}`)).join('；'),
          },
        ]}
      />
    </Drawer>
  );
}

/** The one gate's rules for every kind of work (domain/volunteers/work-policy.ts); service types only tighten them. */
function WorkPolicyTable() {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('console.svc.yes') : t('console.svc.no'));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('console.serviceTypes.policyTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.serviceTypes.policyMinors')}</Typography.Paragraph>
      <Table<{ kind: WorkKind }>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={WORK_KINDS.map((kind) => ({ kind }))}
        columns={[
          {
            title: t('console.serviceTypes.policyKind'),
            key: 'kind',
            render: (_: unknown, r) => t(`console.serviceTypes.kind_${r.kind}`),
          },
          {
            title: t('console.serviceTypes.ages'),
            key: 'ages',
            render: (_: unknown, r) => `${KIND_POLICY[r.kind].minAge}–${KIND_POLICY[r.kind].maxAge}`,
          },
          {
            title: t('console.serviceTypes.minFitness'),
            key: 'fitness',
            render: (_: unknown, r) => t(`console.serviceTypes.fitness_${KIND_POLICY[r.kind].minFitness}`),
          },
          {
            title: t('console.serviceTypes.needsInsurance'),
            key: 'insurance',
            render: (_: unknown, r) => yesNo(KIND_POLICY[r.kind].needsInsurance),
          },
          {
            title: t('console.serviceTypes.policyOneToOne'),
            key: 'one',
            render: (_: unknown, r) => yesNo(KIND_POLICY[r.kind].oneToOne),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('console.serviceTypes.policyOverride', {
          reasons: [...OVERRIDABLE]
            .map((r) => t(`console.serviceTypes.reason_${r}`))
            .join(t('console.serviceTypes.listSep')),
        })}
      </Typography.Paragraph>
    </>
  );
}

export default function ServiceTypesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can(me, 'training.manage');
  const types = useServiceTypes();
  const courses = useCourses();
  const [form, setForm] = useState<{ open: boolean; editing: ServiceType | null }>({ open: false, editing: null });
  const [current, setCurrent] = useState<ServiceType | null>(null);
  const courseTitle = (id: string | null) =>
    id ? (courses.data?.find((c) => c.id === id)?.title ?? '—') : t('console.svc.none');
  return (
    <ConsolePage
      title={t('console.serviceTypes.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.serviceTypes.title') }]}
      extra={
        manage ? (
          <Button icon={<PlusOutlined />} onClick={() => setForm({ open: true, editing: null })}>
            {t('console.serviceTypes.newType')}
          </Button>
        ) : undefined
      }
    >
      {types.isError && <LoadError error={types.error} onRetry={() => void types.refetch()} />}
      <Table<ServiceType>
        rowKey="id"
        size="small"
        loading={types.isPending}
        dataSource={types.data ?? []}
        locale={{ emptyText: t('console.serviceTypes.noTypes') }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('console.serviceTypes.name'), dataIndex: 'name' },
          {
            title: t('console.serviceTypes.ages'),
            key: 'ages',
            render: (_: unknown, s: ServiceType) => `${s.minAge}–${s.maxAge}`,
          },
          {
            title: t('console.serviceTypes.minFitness'),
            dataIndex: 'minFitness',
            render: (f: ServiceType['minFitness']) => t(`console.serviceTypes.fitness_${f}`),
          },
          {
            title: t('console.serviceTypes.night'),
            dataIndex: 'night',
            render: (v: boolean) => (v ? t('console.svc.yes') : t('console.svc.no')),
          },
          {
            title: t('console.serviceTypes.needsInsurance'),
            dataIndex: 'needsInsurance',
            render: (v: boolean) => (v ? t('console.svc.yes') : t('console.svc.no')),
          },
          {
            title: t('console.serviceTypes.trainingCourse'),
            dataIndex: 'trainingCourseId',
            render: (v: string | null) => courseTitle(v),
          },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, s: ServiceType) => (
              <Space>
                <Button size="small" type="primary" onClick={() => setCurrent(s)}>
                  {t('console.serviceTypes.eligible')}
                </Button>
                {manage && (
                  <Button size="small" onClick={() => setForm({ open: true, editing: s })}>
                    {t('console.serviceTypes.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <WorkPolicyTable />
      <TypeForm
        key={form.editing?.id ?? 'new'}
        editing={form.editing}
        open={form.open}
        onClose={() => setForm({ open: false, editing: null })}
      />
      <EligibleDrawer type={current} onClose={() => setCurrent(null)} />
    </ConsolePage>
  );
}
