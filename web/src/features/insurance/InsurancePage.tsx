// 服务保险: policies (insurer, number, period, cover, ages), the volunteers each covers, and cover running out.
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../shared/console-ui/FormModal.tsx';
import { ExpiringList } from '../../shared/console-ui/ExpiringList.tsx';
import { AddVolunteerBar } from '../../shared/console-ui/AddVolunteerBar.tsx';
import { ConfirmButton } from '../../shared/console-ui/ConfirmButton.tsx';
import { ExportButton } from '../../shared/console-ui/ExportButton.tsx';
import { errorText } from '../../shared/api/errorText.ts';
import { can, useCurrentUser } from '../../shared/session/useSession.ts';
import {
  useAddCover,
  useCovered,
  useCreatePolicy,
  useExpiringCover,
  usePolicies,
  useRemoveCover,
  type Cover,
  type CoverPage,
  type Policy,
} from './api.ts';

function PolicyForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const createPolicy = useCreatePolicy();
  const submit = async (v: Record<string, unknown>) => {
    const [start, end] = v.period as [Dayjs, Dayjs];
    await createPolicy.mutateAsync({
      insurer: v.insurer,
      policyNo: v.policyNo,
      cover: v.cover,
      startsOn: start.format('YYYY-MM-DD'),
      endsOn: end.format('YYYY-MM-DD'),
      minAge: v.minAge ?? null,
      maxAge: v.maxAge ?? null,
    });
  };
  return (
    <FormModal
      open={open}
      title={t('console.insurance.newPolicy')}
      onClose={onClose}
      onSubmit={submit}
      fields={['insurer', 'policyNo', 'cover', 'minAge', 'maxAge']}
      successText={t('console.svc.created')}
    >
      <Form.Item name="insurer" label={t('console.insurance.insurer')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="policyNo" label={t('console.insurance.policyNo')} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="period" label={t('console.insurance.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="cover" label={t('console.insurance.cover')} rules={[{ required: true }]}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
      <Space>
        <Form.Item name="minAge" label={t('console.insurance.minAge')}>
          <InputNumber min={0} max={130} />
        </Form.Item>
        <Form.Item name="maxAge" label={t('console.insurance.maxAge')}>
          <InputNumber min={0} max={130} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function CoveredDrawer({ policy, onClose, manage }: { policy: Policy | null; onClose: () => void; manage: boolean }) {
  const { t } = useTranslation();
  const [f, setF] = useState<CoverPage>({ page: 1, pageSize: 20 });
  const q = useCovered(policy?.id ?? null, f);
  const { message } = App.useApp();
  const addCover = useAddCover(policy?.id);
  const removeCover = useRemoveCover();
  const add = async (volunteerId: string) => {
    if (!policy) return;
    await addCover.mutateAsync(volunteerId);
  };
  const remove = async (c: Cover) => {
    try {
      await removeCover.mutateAsync(c);
      message.success(t('console.svc.removed'));
    } catch (err) {
      message.error(errorText(err, t));
    }
  };
  return (
    <Drawer
      open={!!policy}
      onClose={onClose}
      size="large"
      title={policy ? `${policy.insurer} ${policy.policyNo} · ${t('console.insurance.coveredList')}` : ''}
    >
      {manage && <AddVolunteerBar label={t('console.insurance.addCover')} onAdd={add} />}
      <Input.Search
        allowClear
        placeholder={t('console.insurance.searchName')}
        aria-label={t('console.insurance.searchName')}
        style={{ width: 240, marginBottom: 12 }}
        onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
      />
      {policy && (
        <ExportButton
          path={`/api/insurance/policies/${policy.id}/covered/export`}
          query={{ q: f.q }}
          fileName="insurance-covered.xlsx"
        />
      )}
      <QueryTable<Cover>
        query={{ ...q, data: q.data?.items }}
        rowKey="volunteerId"
        size="small"
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: q.data?.total ?? 0,
          onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
        }}
        locale={{ emptyText: t('console.insurance.noCovered') }}
        columns={[
          { title: t('console.svc.volunteer'), dataIndex: 'volunteerName' },
          { title: t('console.svc.age'), dataIndex: 'age', width: 80 },
          ...(manage
            ? [
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, c: Cover) => (
                    <ConfirmButton
                      label={t('console.svc.remove')}
                      confirm={t('console.svc.remove')}
                      onConfirm={() => void remove(c)}
                      okText={t('console.svc.remove')}
                      cancelText={t('console.svc.cancel')}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}

export default function InsurancePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can(me, 'insurance.manage');
  const policies = usePolicies();
  const [days, setDays] = useState(30);
  const [expiringPage, setExpiringPage] = useState({ page: 1, pageSize: 20 });
  const expiring = useExpiringCover(days, expiringPage);
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<Policy | null>(null);
  const ages = (p: Policy) =>
    p.minAge === null && p.maxAge === null ? t('console.insurance.anyAge') : `${p.minAge ?? 0}–${p.maxAge ?? '∞'}`;
  return (
    <ConsolePage
      title={t('console.insurance.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.insurance.title') }]}
    >
      <Tabs
        items={[
          {
            key: 'policies',
            label: t('console.insurance.policies'),
            children: (
              <>
                {manage && (
                  <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
                    {t('console.insurance.newPolicy')}
                  </Button>
                )}
                <QueryTable<Policy>
                  query={policies}
                  rowKey="id"
                  size="small"
                  locale={{ emptyText: t('console.insurance.noPolicies') }}
                  scroll={{ x: 900 }}
                  columns={[
                    { title: t('console.insurance.insurer'), dataIndex: 'insurer' },
                    { title: t('console.insurance.policyNo'), dataIndex: 'policyNo' },
                    {
                      title: t('console.insurance.period'),
                      key: 'p',
                      render: (_: unknown, p: Policy) => `${p.startsOn} – ${p.endsOn}`,
                    },
                    { title: t('console.insurance.cover'), dataIndex: 'cover' },
                    { title: t('console.insurance.ages'), key: 'ages', render: (_: unknown, p: Policy) => ages(p) },
                    { title: t('console.insurance.covered'), dataIndex: 'covered' },
                    {
                      title: t('console.actions'),
                      key: 'a',
                      render: (_: unknown, p: Policy) => (
                        <Button size="small" onClick={() => setCurrent(p)}>
                          {t('console.insurance.coveredList')}
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'expiring',
            label: t('console.insurance.expiring'),
            children: (
              <ExpiringList<Cover>
                days={days}
                onDays={(n) => {
                  setDays(n);
                  setExpiringPage({ ...expiringPage, page: 1 });
                }}
                query={{ ...expiring, data: expiring.data?.items }}
                extra={
                  <ExportButton
                    path="/api/insurance/expiring/export"
                    query={{ days }}
                    fileName="insurance-expiring.xlsx"
                  />
                }
                rowKey={(c) => `${c.policyId}:${c.volunteerId}`}
                pagination={{
                  current: expiringPage.page,
                  pageSize: expiringPage.pageSize,
                  total: expiring.data?.total ?? 0,
                  onChange: (page, pageSize) => setExpiringPage({ page, pageSize }),
                }}
                columns={[
                  { title: t('console.svc.volunteer'), dataIndex: 'volunteerName' },
                  { title: t('console.insurance.insurer'), dataIndex: 'insurer' },
                  { title: t('console.insurance.policyNo'), dataIndex: 'policyNo' },
                  { title: t('console.insurance.endsOn'), dataIndex: 'endsOn' },
                ]}
              />
            ),
          },
        ]}
      />
      <PolicyForm open={open} onClose={() => setOpen(false)} />
      <CoveredDrawer key={current?.id ?? 'none'} policy={current} onClose={() => setCurrent(null)} manage={manage} />
    </ConsolePage>
  );
}
