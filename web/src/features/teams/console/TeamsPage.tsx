// 服务队: the teams with their leaders and counts; a team's members and join requests in a drawer.
// The office (community scope) adds, edits and deletes teams and adds members or leaders directly; a team
// leader sees only the team they lead, decides its join requests, removes members and edits its description.
import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../../shared/console-ui/ListPage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { AddVolunteerBar } from '../../../shared/console-ui/AddVolunteerBar.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useScope } from '../../../shared/session/useSession.ts';
import { TEAM_KINDS, TEAM_ROLES } from '../../../../../domain/volunteers/teams.ts';
import { useUnits } from '../../../shared/api/units.ts';
import {
  useTeam,
  useTeamMutations,
  useTeams,
  type Decision,
  type TeamDetail,
  type TeamItem,
  type TeamRole,
} from '../api.ts';

type Member = TeamDetail['roster'][number];
const FIELDS = ['name', 'kind', 'unitId', 'description'] as const;
const blankToNull = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));

/** Add (editing = null) or edit a team. A leader edits the description only: the server refuses the rest. */
function TeamForm({
  open,
  editing,
  office,
  onClose,
}: {
  open: boolean;
  editing: TeamItem | null;
  office: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const { create, update } = useTeamMutations();
  const save = (v: Record<string, unknown>) => {
    const body = office
      ? { name: v.name, kind: v.kind, unitId: v.unitId ?? null, description: blankToNull(v.description) }
      : { description: blankToNull(v.description) };
    return editing ? update.mutateAsync({ id: editing.id, body }) : create.mutateAsync(body);
  };
  return (
    <FormModal
      open={open}
      title={t(editing ? 'org.teams.editTitle' : 'org.teams.addTitle')}
      onClose={onClose}
      onSubmit={save}
      fields={FIELDS}
      successText={t('console.saved')}
      initialValues={editing ?? { kind: 'squad' }}
    >
      {office ? (
        <>
          <Form.Item
            name="name"
            label={t('org.common.name')}
            rules={[{ required: true, message: t('invalid.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="kind" label={t('org.common.kind')}>
            <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`org.teamKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('org.teams.unit')}>
            <Select allowClear options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </>
      ) : (
        <p>{t('org.teams.leaderFields')}</p>
      )}
      <Form.Item name="description" label={t('org.common.description')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The office adds a volunteer as a member or as a leader, straight into the team. */
function AddMember({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { addMember } = useTeamMutations();
  const [role, setRole] = useState<TeamRole>('member');
  const add = async (volunteerId: string) => {
    await addMember.mutateAsync({ teamId, volunteerId, role });
    void message.success(t('org.teams.memberAdded'));
  };
  return (
    <AddVolunteerBar label={t('org.teams.addMember')} onAdd={add}>
      <Select<TeamRole>
        aria-label={t('org.teams.role')}
        value={role}
        onChange={setRole}
        style={{ minWidth: 100 }}
        options={TEAM_ROLES.map((r) => ({ value: r, label: t(`org.roles.${r}`) }))}
      />
    </AddVolunteerBar>
  );
}

function TeamDrawer({ teamId, office, onClose }: { teamId: string | null; office: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const team = useTeam(teamId);
  const { decide } = useTeamMutations();
  const manage = office || !!team.data?.managed;
  const act = (m: Member, decision: Decision) =>
    decide.mutateAsync({ teamId: teamId!, volunteerId: m.volunteerId, decision }).then(
      () => void message.success(t('org.common.done')),
      (e) => void message.error(errorText(e, t)),
    );

  const rosterColumns = (pending: boolean) => [
    { title: t('org.common.name'), dataIndex: 'name' },
    { title: t('org.common.phone'), dataIndex: 'phone' },
    pending
      ? { title: t('org.teams.requestedAt'), dataIndex: 'requestedAt', render: (d: string) => d.slice(0, 10) }
      : { title: t('org.teams.role'), dataIndex: 'role', render: (r: string) => t(`org.roles.${r as 'leader'}`) },
    ...(manage
      ? [
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, m: Member) =>
              pending ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => void act(m, 'approve')}>
                    {t('org.common.approve')}
                  </Button>
                  <Button size="small" onClick={() => void act(m, 'reject')}>
                    {t('org.common.reject')}
                  </Button>
                </Space>
              ) : // Only the office changes who leads a team.
              m.role === 'leader' && !office ? null : (
                <ConfirmButton
                  label={t('org.common.remove')}
                  confirm={t('org.common.remove')}
                  onConfirm={() => act(m, 'remove')}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <Drawer open={!!teamId} width={640} onClose={onClose} title={team.data?.name ?? t('org.teams.roster')}>
      {team.isError && <LoadError error={team.error} onRetry={() => void team.refetch()} />}
      {team.data && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {office && <AddMember teamId={team.data.id} />}
          <section aria-label={t('org.teams.pending')}>
            <h2 style={{ fontSize: 16 }}>{t('org.teams.pending')}</h2>
            <Table<Member>
              rowKey="volunteerId"
              size="small"
              pagination={false}
              dataSource={team.data.roster.filter((m) => m.status === 'requested')}
              locale={{ emptyText: t('org.teams.noRequests') }}
              columns={rosterColumns(true)}
            />
          </section>
          <section aria-label={t('org.teams.roster')}>
            <h2 style={{ fontSize: 16 }}>{t('org.teams.roster')}</h2>
            <Table<Member>
              rowKey="volunteerId"
              size="small"
              pagination={{ pageSize: 30 }}
              dataSource={team.data.roster.filter((m) => m.status === 'active')}
              locale={{ emptyText: t('org.common.empty') }}
              columns={rosterColumns(false)}
            />
          </section>
        </Space>
      )}
    </Drawer>
  );
}

export default function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useTeams();
  const { remove } = useTeamMutations();
  const scope = useScope('teams.manage');
  const office = scope === 'community';
  const leader = scope === 'team';
  const [form, setForm] = useState<{ open: boolean; editing: TeamItem | null }>({ open: false, editing: null });
  const [openId, setOpenId] = useState<string | null>(null);
  // Every team is listed to the office and to readers; a leader's console is about their own team.
  const rows = { ...teams, data: leader ? teams.data?.filter((x) => x.managed) : teams.data };

  return (
    <ListPage
      title={t('org.teams.title')}
      lead={t('org.teams.lead')}
      addLabel={t('org.common.add')}
      onAdd={office ? () => setForm({ open: true, editing: null }) : undefined}
      above={leader ? <Alert type="info" showIcon title={t('org.teams.mine')} /> : undefined}
    >
      <QueryTable<TeamItem>
        query={rows}
        loading={teams.isFetching}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('org.teams.empty') }}
        columns={[
          { title: t('org.common.name'), dataIndex: 'name' },
          { title: t('org.common.kind'), dataIndex: 'kind', render: (k: string) => t(`org.teamKinds.${k as 'squad'}`) },
          { title: t('org.teams.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('org.teams.leaders'), dataIndex: 'leaders', render: (l: string[]) => l.join('、') || '—' },
          { title: t('org.teams.members'), dataIndex: 'members' },
          {
            title: t('org.teams.requests'),
            dataIndex: 'requests',
            render: (n: number) => (n ? <Tag color="warning">{n}</Tag> : 0),
          },
          {
            title: t('console.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => setOpenId(row.id)}>
                  {t('org.teams.open')}
                </Button>
                {(office || (leader && row.managed)) && (
                  <Button size="small" onClick={() => setForm({ open: true, editing: row })}>
                    {t('org.common.edit')}
                  </Button>
                )}
                {office && (
                  <ConfirmButton
                    label={t('org.common.delete')}
                    confirm={t('org.common.deleteConfirm')}
                    onConfirm={() =>
                      remove.mutateAsync(row.id).then(
                        () => void message.success(t('org.common.deleted')),
                        (e) => void message.error(errorText(e, t)),
                      )
                    }
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      <TeamDrawer teamId={openId} office={office} onClose={() => setOpenId(null)} />
      <TeamForm
        open={form.open}
        editing={form.editing}
        office={office}
        onClose={() => setForm({ open: false, editing: null })}
      />
    </ListPage>
  );
}
