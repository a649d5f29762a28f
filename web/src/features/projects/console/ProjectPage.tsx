// One project: its goal and targets, the work it links (activities, needs, pairings, teams), its spending, and the
// report of what it achieved (from the record of service and the hours ledger), with Excel and PDF downloads.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
} from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { download } from '../../../shared/api/client.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { LINK_KINDS, yuan } from '../../../../../domain/projects/schemas.ts';
import type { SpecialGroup } from '../../../../../domain/registry/special-groups.ts';
import {
  useLinkCandidates,
  useProject,
  useProjectMutations,
  useProjectReport,
  type LinkKind,
  type ProjectDetail,
} from '../api.ts';

const hours = (m: number) => Math.round((m / 60) * 10) / 10;

function AddLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<LinkKind>('activity');
  const [target, setTarget] = useState<string | null>(null);
  const options = useLinkCandidates(kind);
  const { link } = useProjectMutations();
  const add = () =>
    target &&
    link.mutateAsync({ id, kind, targetId: target }).then(
      () => {
        setTarget(null);
        void message.success(t('projects.linked'));
      },
      (e) => void message.error(errorText(e, t)),
    );
  return (
    <Space wrap>
      <Select
        aria-label={t('projects.linkKind')}
        value={kind}
        style={{ width: 120 }}
        onChange={(k) => {
          setKind(k);
          setTarget(null);
        }}
        options={LINK_KINDS.map((k) => ({ value: k, label: t(`projects.kinds.${k}`) }))}
      />
      <Select
        aria-label={t('projects.linkTarget')}
        showSearch
        optionFilterProp="label"
        value={target}
        onChange={setTarget}
        loading={options.isFetching}
        placeholder={t('projects.pick')}
        style={{ width: 360 }}
        options={options.data ?? []}
      />
      <Button type="primary" disabled={!target} loading={link.isPending} onClick={() => void add()}>
        {t('projects.link')}
      </Button>
    </Space>
  );
}

function AddSpending({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { spend } = useProjectMutations();
  const save = (v: any) =>
    spend
      .mutateAsync({
        id,
        body: { spentOn: v.spentOn.format('YYYY-MM-DD'), item: v.item, amountFen: Math.round(Number(v.amount) * 100) },
      })
      .then(
        () => form.resetFields(),
        (e) => void message.error(errorText(e, t)),
      );
  return (
    <Form form={form} layout="inline" onFinish={save} initialValues={{ spentOn: dayjs() }}>
      <Form.Item name="spentOn" rules={[{ required: true, message: t('invalid.required') }]}>
        <DatePicker aria-label={t('projects.spentOn')} />
      </Form.Item>
      <Form.Item name="item" rules={[{ required: true, message: t('invalid.required') }]}>
        <Input aria-label={t('projects.item')} placeholder={t('projects.item')} maxLength={60} />
      </Form.Item>
      <Form.Item name="amount" rules={[{ required: true, message: t('invalid.required') }]}>
        <InputNumber
          aria-label={t('projects.amountYuan')}
          placeholder={t('projects.amountYuan')}
          min={0.01}
          precision={2}
        />
      </Form.Item>
      <Button htmlType="submit" loading={spend.isPending}>
        {t('projects.addSpending')}
      </Button>
    </Form>
  );
}

function Report({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const report = useProjectReport(p.id);
  const groupName = (g: string | null) => (g ? t(`projects.groups.${g as SpecialGroup}`) : t('projects.everyone'));
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  if (!r) return <Card loading />;
  return (
    <Card
      title={t('projects.report', { from: r.from, to: r.to })}
      extra={
        <Space>
          <Button
            onClick={() => void download(`/api/projects/${p.id}/report/export`, undefined, 'project-report.xlsx')}
          >
            {t('projects.excel')}
          </Button>
          <Button onClick={() => void download(`/api/projects/${p.id}/report.pdf`, undefined, 'project-report.pdf')}>
            {t('projects.pdf')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={4}>
          <Statistic title={t('projects.metrics.services')} value={r.services} />
        </Col>
        <Col span={4}>
          <Statistic title={t('projects.metrics.people')} value={r.people} />
        </Col>
        <Col span={4}>
          <Statistic title={t('projects.metrics.hours')} value={hours(r.minutes)} />
        </Col>
        <Col span={4}>
          <Statistic title={t('projects.verifiedHours')} value={hours(r.verifiedMinutes)} />
        </Col>
        <Col span={4}>
          <Statistic title={t('projects.volunteers')} value={r.volunteers} />
        </Col>
        <Col span={4}>
          <Statistic title={t('projects.spentOfBudget')} value={`${yuan(r.spentFen)} / ${yuan(r.budgetFen)}`} />
        </Col>
      </Row>
      {r.targets.length > 0 && (
        <>
          <h2 style={{ fontSize: 16, marginTop: 24 }}>{t('projects.targets')}</h2>
          {r.targets.map((x, i) => (
            <div key={i} style={{ marginBottom: 8 }}>
              {`${t(`projects.metrics.${x.metric}`)} · ${groupName(x.group)}: ${x.achieved} / ${x.target}`}
              <Progress
                percent={Math.min(100, Math.round((x.achieved / x.target) * 100))}
                aria-label={`${t(`projects.metrics.${x.metric}`)} ${x.achieved} / ${x.target}`}
              />
            </div>
          ))}
        </>
      )}
      <h2 style={{ fontSize: 16, marginTop: 24 }}>{t('projects.byGroup')}</h2>
      <Table
        size="small"
        rowKey="group"
        pagination={false}
        dataSource={r.byGroup}
        locale={{ emptyText: t('projects.noGroup') }}
        columns={[
          { title: t('projects.group'), dataIndex: 'group', render: (g: SpecialGroup) => t(`projects.groups.${g}`) },
          { title: t('projects.metrics.services'), dataIndex: 'services' },
          { title: t('projects.metrics.people'), dataIndex: 'people' },
        ]}
      />
    </Card>
  );
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const { unlink, unspend } = useProjectMutations();
  const p = project.data;
  return (
    <ConsolePage
      title={p?.name ?? t('projects.title')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('projects.title'), to: '/console/projects' },
        { title: p?.name ?? '' },
      ]}
    >
      {project.isError && <LoadError error={project.error} onRetry={() => void project.refetch()} />}
      {p && (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('projects.period')}>{`${p.startsOn} ~ ${p.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('projects.lead')}>{p.leadName}</Descriptions.Item>
            <Descriptions.Item label={t('projects.goal')} span={2}>
              {p.goal || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Report p={p} />
          <Card title={t('projects.links')}>
            <AddLink id={p.id} />
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(l) => `${l.kind}:${l.targetId}`}
              pagination={false}
              dataSource={p.links}
              locale={{ emptyText: t('projects.noLinks') }}
              columns={[
                { title: t('projects.linkKind'), dataIndex: 'kind', render: (k: LinkKind) => t(`projects.kinds.${k}`) },
                { title: t('projects.linkTarget'), dataIndex: 'label' },
                {
                  title: '',
                  render: (_: unknown, l) => (
                    <ConfirmButton
                      label={t('projects.unlink')}
                      confirm={t('projects.unlinkConfirm')}
                      onConfirm={() => unlink.mutateAsync({ id: p.id, kind: l.kind, targetId: l.targetId })}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('projects.spending')}>
            <AddSpending id={p.id} />
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.spending}
              locale={{ emptyText: t('projects.noSpending') }}
              columns={[
                { title: t('projects.spentOn'), dataIndex: 'spentOn' },
                { title: t('projects.item'), dataIndex: 'item' },
                { title: t('projects.amountYuan'), dataIndex: 'amountFen', render: (f: number) => yuan(f) },
                {
                  title: '',
                  render: (_: unknown, s) => (
                    <ConfirmButton
                      label={t('org.common.delete')}
                      confirm={t('org.common.deleteConfirm')}
                      onConfirm={() => unspend.mutateAsync({ id: p.id, spendingId: s.id })}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </ConsolePage>
  );
}
