// 志愿活动: the list of activities, new ones by hand, from a festival template or as a recurring series,
// and the count of shows per team.
import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  activitiesApi,
  useActivities,
  useActivityFromTemplate,
  useCreateActivity,
  useCreateSeries,
  useSeries,
  type Activity,
} from '../api.ts';
import { ActivityFields, toBody, type ActivityValues } from './ActivityForm.tsx';
import { MonthView, WeekView } from './ActivityCalendar.tsx';
import { RecurrenceBuilder } from './RecurrenceBuilder.tsx';
import {
  describeRule,
  emptyDraft,
  ruleOfDraft,
  type RuleDraft,
} from '../../../../../domain/activities/recurrence-words.ts';
import { shanghaiTime, todayInShanghai } from '../../../../../domain/shared/dates.ts';

const statusColor = { draft: 'default', published: 'processing', cancelled: 'error' } as const;

function NewActivity({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const navigate = useNavigate();
  const create = useCreateActivity();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const { id } = await create.mutateAsync(toBody(v));
      void message.success(t('act.created'));
      onClose();
      void navigate(`/console/activities/${id}`);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  return (
    <Modal open={open} title={t('act.add')} onCancel={onClose} onOk={() => void save()} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: todayInShanghai() }}>
        <ActivityFields />
      </Form>
    </Modal>
  );
}

function Templates({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['activities', 'templates'],
    enabled: open,
    queryFn: ({ signal }) => activitiesApi.templates(signal),
  });
  const fromTemplate = useActivityFromTemplate();
  const use = async (key: string, date: string) => {
    try {
      const { id } = await fromTemplate.mutateAsync({ key, date });
      onClose();
      void navigate(`/console/activities/${id}`);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  return (
    <Modal open={open} title={t('act.fromTemplate')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <List
        loading={q.isPending}
        dataSource={q.data ?? []}
        renderItem={(x) => (
          <List.Item
            actions={[
              <Button key="use" onClick={() => void use(x.key, x.date)}>
                {t('act.templateUse')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={t('act.templateDate', { date: x.date, name: i18n.language === 'en' ? x.name.en : x.name.zh })}
              description={`${x.title} · ${x.shifts.map((s) => `${s.name} ${s.places}`).join('、')}`}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

function NewSeries({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const createSeries = useCreateSeries();
  const [form] = Form.useForm<ActivityValues & { repeat: RuleDraft; startDate: string; untilDate?: string }>();
  const save = async () => {
    const v = await form.validateFields();
    const rule = ruleOfDraft(v.repeat) ?? '';
    const { repeat: _r, startDate, untilDate, ...activity } = v;
    try {
      const r = await createSeries.mutateAsync({
        rule,
        startDate,
        untilDate: untilDate || null,
        activity: { ...toBody({ ...activity, date: startDate }), date: undefined, status: 'published' },
      });
      void message.success(t('act.seriesMade', { count: r.made }));
      onClose();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  return (
    <Modal open={open} title={t('act.series')} onCancel={onClose} onOk={() => void save()} width={760} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ repeat: { ...emptyDraft(), freq: 'MONTHLY', lastDays: 3 }, startDate: todayInShanghai() }}
      >
        <Form.Item
          name="repeat"
          label={t('act.f.rule')}
          rules={[
            {
              validator: (_, d: RuleDraft) =>
                ruleOfDraft(d) ? Promise.resolve() : Promise.reject(new Error(t('act.rec.pick'))),
            },
          ]}
        >
          <RecurrenceBuilder />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startDate" label={t('act.f.startDate')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="untilDate" label={t('act.f.untilDate')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <ActivityFields withDate={false} />
      </Form>
    </Modal>
  );
}

/** The recurring series, each rule in words (每月最后三天), not as RRULE. */
function SeriesList() {
  const { t, i18n } = useTranslation();
  const q = useSeries();
  if (!q.data?.length) return null;
  return (
    <Card title={t('act.seriesList.title')} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={q.data}
        columns={[
          { title: t('act.f.title'), dataIndex: 'title' },
          {
            title: t('act.f.rule'),
            dataIndex: 'rule',
            render: (r: string) => describeRule(r, i18n.language === 'en' ? 'en' : 'zh') ?? r,
          },
          {
            title: t('act.seriesList.span'),
            key: 'span',
            render: (_: unknown, x: { startDate: string; untilDate: string | null }) =>
              x.untilDate
                ? t('act.seriesList.fromTo', { from: x.startDate, to: x.untilDate })
                : t('act.seriesList.from', { from: x.startDate }),
          },
        ]}
      />
    </Card>
  );
}

function Shows() {
  const { t } = useTranslation();
  const year = Number(todayInShanghai().slice(0, 4));
  const q = useQuery({
    queryKey: ['activities', 'shows', year],
    queryFn: ({ signal }) => activitiesApi.shows(year, signal),
  });
  return (
    <Card title={t('act.showsTitle', { year })} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.teamId ?? '-'}
        dataSource={q.data ?? []}
        loading={q.isPending}
        columns={[
          { title: t('act.showsTeam'), dataIndex: 'teamName', render: (v: string | null) => v ?? t('act.noTeam') },
          { title: t('act.showsCount'), dataIndex: 'shows' },
          { title: t('act.showsAudience'), dataIndex: 'audience' },
        ]}
      />
    </Card>
  );
}

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const [modal, setModal] = useState<'new' | 'template' | 'series' | null>(null);
  // The view is in the address, so the way back from an activity returns to the same view.
  const [params, setParams] = useSearchParams();
  const view = (['month', 'week'] as const).find((v) => v === params.get('view')) ?? 'list';
  // The list's window and status (none: the server's default, 30 days back to 120 on); the export takes the same.
  const [filter, setFilter] = useState<{ from?: string; to?: string; status?: Activity['status'] }>({});
  const q = useActivities(filter);
  return (
    <ConsolePage
      title={t('act.title')}
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('new')}>
            {t('act.add')}
          </Button>
          <Button onClick={() => setModal('template')}>{t('act.fromTemplate')}</Button>
          <Button onClick={() => setModal('series')}>{t('act.series')}</Button>
        </Space>
      }
    >
      <p>{t('act.lead')}</p>
      <Segmented
        aria-label={t('act.cal.view')}
        value={view}
        onChange={(v) => setParams(v === 'list' ? {} : { view: v }, { replace: true })}
        options={(['list', 'month', 'week'] as const).map((v) => ({ value: v, label: t(`act.cal.${v}`) }))}
      />
      {view === 'month' && <MonthView />}
      {view === 'week' && <WeekView />}
      {view === 'list' && (
        <Space wrap style={{ margin: '12px 0' }}>
          <Input
            type="date"
            aria-label={t('act.listFilter.from')}
            style={{ width: 160 }}
            value={filter.from ?? ''}
            onChange={(e) => setFilter({ ...filter, from: e.target.value || undefined })}
          />
          <span aria-hidden>–</span>
          <Input
            type="date"
            aria-label={t('act.listFilter.to')}
            style={{ width: 160 }}
            value={filter.to ?? ''}
            onChange={(e) => setFilter({ ...filter, to: e.target.value || undefined })}
          />
          <Select
            aria-label={t('act.f.status')}
            style={{ width: 140 }}
            value={filter.status ?? ''}
            onChange={(v) => setFilter({ ...filter, status: (v || undefined) as Activity['status'] | undefined })}
            options={[
              { value: '', label: t('act.listFilter.allStatuses') },
              ...(['draft', 'published', 'cancelled'] as const).map((s) => ({ value: s, label: t(`act.status.${s}`) })),
            ]}
          />
          <ExportButton path="/api/activities/export" query={filter} fileName="activities.xlsx" />
        </Space>
      )}
      {view === 'list' && (
        <QueryTable<Activity>
          query={q}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: t('act.noActivities') }}
          columns={[
            {
              title: t('act.f.date'),
              dataIndex: 'date',
              width: 150,
              render: (d: string, a: Activity) => `${d} ${shanghaiTime(a.startsAt)}`,
            },
            {
              title: t('act.f.title'),
              dataIndex: 'title',
              render: (v: string, a: Activity) => (
                <>
                  <Link to={`/console/activities/${a.id}`}>{v}</Link>
                  {a.juniorVolunteers && <Tag style={{ marginInlineStart: 8 }}>{t('act.junior.tag')}</Tag>}
                </>
              ),
            },
            { title: t('act.f.kind'), dataIndex: 'kind', render: (k: Activity['kind']) => t(`act.kinds.${k}`) },
            { title: t('act.f.place'), dataIndex: 'place' },
            {
              title: t('act.f.shifts'),
              key: 's',
              render: (_: unknown, a: Activity) =>
                a.shifts.map((s) => `${s.name} ${s.taken}/${s.places}${s.waiting ? ` +${s.waiting}` : ''}`).join('、'),
            },
            {
              title: t('act.f.status'),
              dataIndex: 'status',
              render: (s: Activity['status']) => <Tag color={statusColor[s]}>{t(`act.status.${s}`)}</Tag>,
            },
          ]}
        />
      )}
      <SeriesList />
      <Shows />
      <NewActivity open={modal === 'new'} onClose={() => setModal(null)} />
      <Templates open={modal === 'template'} onClose={() => setModal(null)} />
      <NewSeries open={modal === 'series'} onClose={() => setModal(null)} />
    </ConsolePage>
  );
}
