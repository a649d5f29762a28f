// 服务队: the teams with their leaders and counts; a team's members and join requests in a drawer.
import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { TEAM_KINDS } from '../../../../../domain/volunteers/teams.ts';
import { useUnits } from '../../units/api.ts';
import { useTeam, useTeamMutations, useTeams, type Decision, type TeamDetail, type TeamItem } from '../api.ts';

type Member = TeamDetail['roster'][number];

export default function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useTeams();
  const units = useUnits();
  const { create, remove, decide } = useTeamMutations();
  const canManage = useCan('teams.manage');
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const team = useTeam(openId);
  const [form] = Form.useForm();
  const title = t('org.teams.title');

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
      void message.success(t('console.saved'));
      setAdding(false);
      form.resetFields();
    } catch (e) {
      const left = applyApiErrors(form, e, ['name', 'kind', 'unitId', 'description'], t);
      if (left) void message.error(left);
    }
  };
  const act = (m: Member, decision: Decision) => decide.mutateAsync({ teamId: openId!, volunteerId: m.volunteerId, decision })
    .then(() => void message.success(t('org.common.done')), (e) => void message.error(errorText(e, t)));

  const rosterColumns = (pending: boolean) => [
    { title: t('org.common.name'), dataIndex: 'name' },
    { title: t('org.common.phone'), dataIndex: 'phone' },
    pending ? { title: t('org.teams.requestedAt'), dataIndex: 'requestedAt', render: (d: string) => d.slice(0, 10) } : { title: t('org.teams.role'), dataIndex: 'role', render: (r: string) => t(`org.roles.${r as 'leader'}`) },
    ...(canManage ? [{ title: t('console.actions'), key: 'a', render: (_: unknown, m: Member) => (pending ? (
      <Space><Button size="small" type="primary" onClick={() => void act(m, 'approve')}>{t('org.common.approve')}</Button><Button size="small" onClick={() => void act(m, 'reject')}>{t('org.common.reject')}</Button></Space>
    ) : m.role === 'leader' ? null : <Button size="small" danger onClick={() => void act(m, 'remove')}>{t('org.common.remove')}</Button>) }] : []),
  ];

  return (
    <ConsolePage title={title} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}
      extra={canManage ? <Button type="primary" onClick={() => setAdding(true)}>{t('org.common.add')}</Button> : undefined}>
      <p>{t('org.teams.lead')}</p>
      {teams.isError && <LoadError error={teams.error} onRetry={() => void teams.refetch()} />}
      <Card>
        <Table<TeamItem> rowKey="id" loading={teams.isFetching} dataSource={teams.data ?? []} pagination={false} locale={{ emptyText: t('org.teams.empty') }}
          columns={[
            { title: t('org.common.name'), dataIndex: 'name' },
            { title: t('org.common.kind'), dataIndex: 'kind', render: (k: string) => t(`org.teamKinds.${k as 'squad'}`) },
            { title: t('org.teams.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
            { title: t('org.teams.leaders'), dataIndex: 'leaders', render: (l: string[]) => l.join('、') || '—' },
            { title: t('org.teams.members'), dataIndex: 'members' },
            { title: t('org.teams.requests'), dataIndex: 'requests', render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
            { title: t('console.actions'), key: 'actions', render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => setOpenId(row.id)}>{t('org.teams.open')}</Button>
                {canManage && (
                  <Popconfirm title={t('org.common.deleteConfirm')} onConfirm={() => remove.mutateAsync(row.id).catch((e) => void message.error(errorText(e, t)))}>
                    <Button size="small" danger>{t('org.common.delete')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ) },
          ]} />
      </Card>
      <Drawer open={!!openId} width={640} onClose={() => setOpenId(null)} title={team.data?.name ?? t('org.teams.roster')}>
        {team.isError && <LoadError error={team.error} />}
        {team.data && (
          <Space direction="vertical" style={{ width: '100%' }} size="large">
            <section aria-label={t('org.teams.pending')}>
              <h2 style={{ fontSize: 16 }}>{t('org.teams.pending')}</h2>
              <Table<Member> rowKey="volunteerId" size="small" pagination={false} dataSource={team.data.roster.filter((m) => m.status === 'requested')}
                locale={{ emptyText: t('org.teams.noRequests') }} columns={rosterColumns(true)} />
            </section>
            <section aria-label={t('org.teams.roster')}>
              <h2 style={{ fontSize: 16 }}>{t('org.teams.roster')}</h2>
              <Table<Member> rowKey="volunteerId" size="small" pagination={{ pageSize: 30 }} dataSource={team.data.roster.filter((m) => m.status === 'active')}
                locale={{ emptyText: t('org.common.empty') }} columns={rosterColumns(false)} />
            </section>
          </Space>
        )}
      </Drawer>
      <Modal open={adding} title={t('org.teams.addTitle')} onCancel={() => setAdding(false)} onOk={() => void submit()} okText={t('org.common.save')} cancelText={t('org.common.cancel')} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'squad' }}>
          <Form.Item name="name" label={t('org.common.name')} rules={[{ required: true, message: t('invalid.required') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="kind" label={t('org.common.kind')}><Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`org.teamKinds.${k}`) }))} /></Form.Item>
          <Form.Item name="unitId" label={t('org.teams.unit')}><Select allowClear options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="description" label={t('org.common.description')}><Input.TextArea maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </ConsolePage>
  );
}
