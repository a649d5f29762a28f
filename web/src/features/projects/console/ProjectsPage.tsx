// 志愿服务项目: projects with their period, lead, budget and what is spent; start a project with its goal and targets.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ListPage } from '../../../shared/console-ui/ListPage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { SPECIAL_GROUPS } from '../../../../../domain/registry/special-groups.ts';
import { TARGET_METRICS, yuan } from '../../../../../domain/projects/schemas.ts';
import { useProjectMutations, useProjects, type ProjectItem } from '../api.ts';

const FIELDS = ['name', 'goal', 'leadName', 'budgetYuan', 'period', 'targets'] as const;

function NewProject({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { create } = useProjectMutations();
  const save = (v: Record<string, any>) =>
    create.mutateAsync({
      name: v.name,
      goal: v.goal ?? '',
      leadName: v.leadName,
      budgetFen: Math.round(Number(v.budgetYuan ?? 0) * 100),
      startsOn: v.period?.[0]?.format('YYYY-MM-DD'),
      endsOn: v.period?.[1]?.format('YYYY-MM-DD'),
      targets: (v.targets ?? [])
        .filter((x: any) => x?.metric && x?.target)
        .map((x: any) => ({ metric: x.metric, group: x.group ?? null, target: Number(x.target) })),
    });
  return (
    <FormModal
      open={open}
      title={t('projects.add')}
      onClose={onClose}
      onSubmit={save}
      fields={FIELDS}
      successText={t('console.saved')}
      initialValues={{ period: [dayjs().startOf('year'), dayjs().endOf('year')], budgetYuan: 0, targets: [] }}
    >
      <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, message: t('invalid.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="goal" label={t('projects.goal')}>
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
      <Form.Item
        name="leadName"
        label={t('projects.lead')}
        rules={[{ required: true, message: t('invalid.required') }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('projects.period')}
        rules={[{ required: true, message: t('invalid.required') }]}
      >
        <DatePicker.RangePicker aria-label={t('projects.period')} />
      </Form.Item>
      <Form.Item name="budgetYuan" label={t('projects.budgetYuan')}>
        <InputNumber min={0} step={100} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.List name="targets">
        {(items, { add, remove }) => (
          <Form.Item label={t('projects.targets')}>
            {items.map((f) => (
              <Space key={f.key} style={{ display: 'flex', marginBottom: 8 }} wrap>
                <Form.Item name={[f.name, 'metric']} noStyle>
                  <Select
                    aria-label={t('projects.metric')}
                    style={{ width: 150 }}
                    options={TARGET_METRICS.map((m) => ({ value: m, label: t(`projects.metrics.${m}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'group']} noStyle>
                  <Select
                    aria-label={t('projects.group')}
                    allowClear
                    placeholder={t('projects.everyone')}
                    style={{ width: 170 }}
                    options={SPECIAL_GROUPS.map((g) => ({ value: g, label: t(`projects.groups.${g}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'target']} noStyle>
                  <InputNumber aria-label={t('projects.target')} min={1} placeholder={t('projects.target')} />
                </Form.Item>
                <Button type="link" onClick={() => remove(f.name)}>
                  {t('org.common.delete')}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ metric: 'services' })}>{t('projects.addTarget')}</Button>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}

export default function ProjectsPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  const [open, setOpen] = useState(false);
  return (
    <ListPage
      title={t('projects.title')}
      lead={t('projects.lead_text')}
      addLabel={t('projects.add')}
      onAdd={() => setOpen(true)}
    >
      <QueryTable<ProjectItem>
        query={projects}
        loading={projects.isFetching}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('projects.empty') }}
        columns={[
          {
            title: t('projects.name'),
            dataIndex: 'name',
            render: (name: string, p: ProjectItem) => <Link to={`/console/projects/${p.id}`}>{name}</Link>,
          },
          { title: t('projects.period'), render: (_: unknown, p: ProjectItem) => `${p.startsOn} ~ ${p.endsOn}` },
          { title: t('projects.lead'), dataIndex: 'leadName' },
          { title: t('projects.links'), dataIndex: 'links' },
          {
            title: t('projects.budgetYuan'),
            render: (_: unknown, p: ProjectItem) => `${yuan(p.spentFen)} / ${yuan(p.budgetFen)}`,
          },
        ]}
      />
      <NewProject open={open} onClose={() => setOpen(false)} />
    </ListPage>
  );
}
