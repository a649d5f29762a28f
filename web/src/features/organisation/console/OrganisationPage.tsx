// 组织架构: the volunteer-service leadership group (领导小组), the social workers with the volunteers they lead
// (社工带志愿者) and the federation of social organisations (社会组织联合会). The admin edits; staff read.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Tabs, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { useCan } from '../../../shared/session/useSession.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { LEADERSHIP_POSITIONS } from '../../../../../domain/volunteers/organisation.ts';
import { FEDERATION_KINDS, FEDERATION_STATUSES } from '../../../../../domain/volunteers/units.ts';
import {
  useFederation,
  useLeadership,
  useOrgMutations,
  useSocialWorkers,
  type FederationItem,
  type LeadershipItem,
  type SocialWorkerItem,
} from '../api.ts';

type Editing<T> = { open: boolean; item: T | null };
const closed = { open: false, item: null };
/** Blank optional fields go as null, so an edit can clear them. */
const orNull = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));

const LEADER_FIELDS = ['position', 'accountId', 'name', 'title', 'duty', 'sort'] as const;

function LeaderForm({ state, onClose }: { state: Editing<LeadershipItem>; onClose: () => void }) {
  const { t } = useTranslation();
  const { saveLeader } = useOrgMutations();
  const accounts = useSocialWorkers();
  const item = state.item;
  const save = (v: Record<string, unknown>) =>
    saveLeader.mutateAsync({
      id: item?.id ?? null,
      body: {
        position: v.position,
        accountId: v.accountId || null,
        name: v.accountId ? null : orNull(v.name),
        title: orNull(v.title),
        duty: orNull(v.duty),
        sort: v.sort ?? 0,
      },
    });
  return (
    <FormModal
      open={state.open}
      title={t(item ? 'org.chart.editMember' : 'org.chart.addMember')}
      onClose={onClose}
      onSubmit={save}
      fields={LEADER_FIELDS}
      successText={t('console.saved')}
      initialValues={
        item
          ? { ...item, name: item.accountId ? undefined : item.name }
          : { position: 'member', sort: 0, accountId: undefined }
      }
    >
      <Form.Item name="position" label={t('org.chart.position')}>
        <Select options={LEADERSHIP_POSITIONS.map((p) => ({ value: p, label: t(`org.chart.positions.${p}`) }))} />
      </Form.Item>
      <Form.Item name="accountId" label={t('org.chart.account')} extra={t('org.chart.accountOrName')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(accounts.data ?? []).map((a) => ({
            value: a.id,
            label: a.title ? `${a.name}（${a.title}）` : a.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('org.chart.personName')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="title" label={t('org.chart.role')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="duty" label={t('org.chart.duty')}>
        <Input.TextArea maxLength={200} autoSize />
      </Form.Item>
      <Form.Item name="sort" label={t('org.chart.sort')}>
        <InputNumber min={0} max={999} />
      </Form.Item>
    </FormModal>
  );
}

function Leadership() {
  const { t } = useTranslation();
  const q = useLeadership();
  const { message } = App.useApp();
  const { removeLeader } = useOrgMutations();
  const canManage = useCan('org.manage');
  const [state, setState] = useState<Editing<LeadershipItem>>(closed);
  return (
    <>
      <p>{t('org.chart.leadershipLead')}</p>
      {canManage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setState({ open: true, item: null })}>
          {t('org.chart.addMember')}
        </Button>
      )}
      <QueryTable<LeadershipItem>
        query={q}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('org.chart.leadershipEmpty') }}
        columns={[
          {
            title: t('org.chart.position'),
            dataIndex: 'position',
            render: (p: LeadershipItem['position']) => (
              <Tag color={p === 'leader' ? 'error' : p === 'deputy' ? 'warning' : 'default'}>
                {t(`org.chart.positions.${p}`)}
              </Tag>
            ),
          },
          { title: t('org.common.name'), dataIndex: 'name' },
          { title: t('org.chart.role'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('org.chart.duty'), dataIndex: 'duty', render: (v: string | null) => v ?? '—' },
          ...(canManage
            ? [
                {
                  title: t('console.actions'),
                  key: 'actions',
                  render: (_: unknown, m: LeadershipItem) => (
                    <Space>
                      <Button size="small" onClick={() => setState({ open: true, item: m })}>
                        {t('org.common.edit')}
                      </Button>
                      <ConfirmButton
                        label={t('org.common.delete')}
                        confirm={t('org.common.deleteConfirm')}
                        onConfirm={() =>
                          removeLeader.mutateAsync(m.id).catch((e) => void message.error(errorText(e, t)))
                        }
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LeaderForm key={state.item?.id ?? 'new'} state={state} onClose={() => setState(closed)} />
    </>
  );
}

function SocialWorkers() {
  const { t } = useTranslation();
  const q = useSocialWorkers();
  return (
    <>
      <p>{t('org.chart.workersLead')}</p>
      <QueryTable<SocialWorkerItem>
        query={q}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('org.common.empty') }}
        columns={[
          {
            title: t('org.common.name'),
            dataIndex: 'name',
            render: (_, w) => (
              <Link to={`/console/volunteers?socialWorkerId=${encodeURIComponent(w.id)}`}>{w.name}</Link>
            ),
          },
          { title: t('org.chart.role'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('org.chart.volunteers'), dataIndex: 'volunteers' },
          { title: t('org.chart.pendingEntries'), dataIndex: 'pendingEntries' },
        ]}
      />
    </>
  );
}

const MEMBER_FIELDS = [
  'name',
  'kind',
  'registrationNo',
  'address',
  'contactName',
  'contactPhone',
  'services',
  'joinedOn',
  'status',
] as const;

function MemberForm({ state, onClose }: { state: Editing<FederationItem>; onClose: () => void }) {
  const { t } = useTranslation();
  const { saveMember } = useOrgMutations();
  const item = state.item;
  const save = (v: Record<string, unknown>) => {
    const body = Object.fromEntries(MEMBER_FIELDS.map((f) => [f, orNull(v[f])]));
    return saveMember.mutateAsync({ id: item?.id ?? null, body });
  };
  return (
    <FormModal
      open={state.open}
      title={t(item ? 'org.chart.editOrg' : 'org.chart.addOrg')}
      onClose={onClose}
      onSubmit={save}
      fields={MEMBER_FIELDS}
      successText={t('console.saved')}
      initialValues={item ?? { kind: 'social_org', status: 'active' }}
    >
      <Form.Item name="name" label={t('org.common.name')} rules={[{ required: true, message: t('invalid.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label={t('org.common.kind')}>
        <Select options={FEDERATION_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="registrationNo" label={t('org.chart.registrationNo')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="address" label={t('org.units.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="contactName" label={t('org.units.contactName')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('org.units.contactPhone')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="services" label={t('org.chart.services')}>
        <Input.TextArea maxLength={300} autoSize />
      </Form.Item>
      <Form.Item
        name="joinedOn"
        label={t('org.chart.joinedOn')}
        rules={[{ required: true, message: t('invalid.required') }]}
      >
        <Input placeholder="YYYY-MM-DD" maxLength={10} />
      </Form.Item>
      <Form.Item name="status" label={t('org.chart.status')}>
        <Select options={FEDERATION_STATUSES.map((s) => ({ value: s, label: t(`org.chart.statuses.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

function Federation() {
  const { t } = useTranslation();
  const q = useFederation();
  const { message } = App.useApp();
  const { removeMember } = useOrgMutations();
  const canManage = useCan('org.manage');
  const [state, setState] = useState<Editing<FederationItem>>(closed);
  return (
    <>
      <p>{t('org.chart.federationLead')}</p>
      {canManage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setState({ open: true, item: null })}>
          {t('org.chart.addOrg')}
        </Button>
      )}
      <QueryTable<FederationItem>
        query={q}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('org.chart.federationEmpty') }}
        columns={[
          { title: t('org.common.name'), dataIndex: 'name' },
          { title: t('org.common.kind'), dataIndex: 'kind', render: (k: string) => t(`org.kinds.${k as 'school'}`) },
          { title: t('org.chart.services'), dataIndex: 'services', render: (v: string | null) => v ?? '—' },
          {
            title: t('org.units.contactName'),
            key: 'contact',
            render: (_, m) => (m.contactName ? `${m.contactName} ${m.contactPhone ?? ''}`.trim() : '—'),
          },
          { title: t('org.chart.joinedOn'), dataIndex: 'joinedOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('org.chart.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'active' ? 'success' : 'default'}>{t(`org.chart.statuses.${s as 'active'}`)}</Tag>
            ),
          },
          { title: t('org.units.volunteers'), dataIndex: 'volunteers' },
          { title: t('org.units.teams'), dataIndex: 'teams' },
          ...(canManage
            ? [
                {
                  title: t('console.actions'),
                  key: 'actions',
                  render: (_: unknown, m: FederationItem) => (
                    <Space>
                      <Button size="small" onClick={() => setState({ open: true, item: m })}>
                        {t('org.common.edit')}
                      </Button>
                      <ConfirmButton
                        label={t('org.common.delete')}
                        confirm={t('org.common.deleteConfirm')}
                        onConfirm={() =>
                          removeMember.mutateAsync(m.id).catch((e) => void message.error(errorText(e, t)))
                        }
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MemberForm key={state.item?.id ?? 'new'} state={state} onClose={() => setState(closed)} />
    </>
  );
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const title = t('org.chart.pageTitle');
  return (
    <ConsolePage title={title} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}>
      <p>{t('org.chart.lead')}</p>
      <Card>
        <Tabs
          items={[
            { key: 'leadership', label: t('org.chart.leadership'), children: <Leadership /> },
            { key: 'workers', label: t('org.chart.workers'), children: <SocialWorkers /> },
            { key: 'federation', label: t('org.chart.federation'), children: <Federation /> },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
