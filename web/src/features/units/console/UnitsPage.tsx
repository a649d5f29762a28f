// 驻区单位: units and organisations with their volunteer counts; a unit's volunteers on demand.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { UNIT_KINDS } from '../../../../../domain/volunteers/units.ts';
import { useUnitMutations, useUnits, useUnitVolunteers, type UnitItem } from '../api.ts';

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits();
  const { create, remove } = useUnitMutations();
  const canManage = useCan('units.manage');
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<UnitItem | null>(null);
  const volunteers = useUnitVolunteers(open?.id ?? null);
  const [form] = Form.useForm();
  const title = t('org.units.title');

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
      void message.success(t('console.saved'));
      setAdding(false);
      form.resetFields();
    } catch (e) {
      const left = applyApiErrors(form, e, ['name', 'kind', 'address', 'contactName', 'contactPhone'], t);
      if (left) void message.error(left);
    }
  };

  return (
    <ConsolePage title={title} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}
      extra={canManage ? <Button type="primary" onClick={() => setAdding(true)}>{t('org.common.add')}</Button> : undefined}>
      <p>{t('org.units.lead')}</p>
      {units.isError && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
      <Card>
        <Table<UnitItem> rowKey="id" loading={units.isFetching} dataSource={units.data ?? []} pagination={false} locale={{ emptyText: t('org.units.empty') }}
          columns={[
            { title: t('org.common.name'), dataIndex: 'name' },
            { title: t('org.common.kind'), dataIndex: 'kind', render: (k: string) => t(`org.kinds.${k as 'school'}`) },
            { title: t('org.units.contactName'), dataIndex: 'contactName', render: (v: string | null) => v ?? '—' },
            { title: t('org.units.contactPhone'), dataIndex: 'contactPhone', render: (v: string | null) => v ?? '—' },
            { title: t('org.units.volunteers'), dataIndex: 'volunteers' },
            { title: t('org.units.teams'), dataIndex: 'teams' },
            { title: t('console.actions'), key: 'actions', render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setOpen(u)}>{t('org.units.members')}</Button>
                {canManage && (
                  <Popconfirm title={t('org.common.deleteConfirm')} onConfirm={() => remove.mutateAsync(u.id).catch((e) => void message.error(errorText(e, t)))}>
                    <Button size="small" danger>{t('org.common.delete')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ) },
          ]} />
      </Card>
      <Modal open={adding} title={t('org.units.addTitle')} onCancel={() => setAdding(false)} onOk={() => void submit()} okText={t('org.common.save')} cancelText={t('org.common.cancel')} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'school' }}>
          <Form.Item name="name" label={t('org.common.name')} rules={[{ required: true, message: t('invalid.required') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="kind" label={t('org.common.kind')}><Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} /></Form.Item>
          <Form.Item name="address" label={t('org.units.address')}><Input maxLength={120} /></Form.Item>
          <Form.Item name="contactName" label={t('org.units.contactName')}><Input maxLength={30} /></Form.Item>
          <Form.Item name="contactPhone" label={t('org.units.contactPhone')}><Input maxLength={20} inputMode="tel" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!open} title={open ? `${open.name} · ${t('org.units.members')}` : ''} onCancel={() => setOpen(null)} footer={null} width={640}>
        {volunteers.isError ? <LoadError error={volunteers.error} /> : (
          <Table rowKey="id" size="small" loading={volunteers.isFetching} dataSource={volunteers.data ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: t('org.common.empty') }}
            columns={[
              { title: t('org.common.name'), dataIndex: 'name' },
              { title: t('org.skills.age'), dataIndex: 'age' },
              { title: t('org.common.phone'), dataIndex: 'phone' },
              { title: t('org.teams.status'), dataIndex: 'status', render: (s: string) => (s === 'pending' || s === 'approved' || s === 'rejected' ? t(`volunteer.status.${s}`) : s) },
            ]} />
        )}
      </Modal>
    </ConsolePage>
  );
}
