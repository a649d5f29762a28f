// 驻区单位: units and organisations with their volunteer counts; add, edit and delete (staff); a unit's
// volunteers on demand.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../../shared/console-ui/ListPage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { isApiError } from '../../../shared/api/errors.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { UNIT_KINDS } from '../../../../../domain/volunteers/units.ts';
import { useUnitMutations, useUnits, useUnitVolunteers, type UnitItem, type UnitVolunteerPage } from '../api.ts';

const FIELDS = ['name', 'kind', 'address', 'contactName', 'contactPhone'] as const;

/** Blank optional fields are sent as null, so editing can clear them (and the phone check skips them). */
function unitBody(v: Record<string, string | undefined>) {
  return Object.fromEntries(FIELDS.map((f) => [f, v[f]?.trim() ? v[f]!.trim() : null]));
}

/** Add (editing = null) or edit a unit. */
function UnitForm({ open, editing, onClose }: { open: boolean; editing: UnitItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useUnitMutations();
  const save = (v: Record<string, string | undefined>) =>
    editing ? update.mutateAsync({ id: editing.id, body: unitBody(v) }) : create.mutateAsync(unitBody(v));
  return (
    <FormModal
      open={open}
      title={t(editing ? 'org.units.editTitle' : 'org.units.addTitle')}
      onClose={onClose}
      onSubmit={save}
      fields={FIELDS}
      successText={t('console.saved')}
      initialValues={editing ?? { kind: 'school' }}
    >
      <Form.Item name="name" label={t('org.common.name')} rules={[{ required: true, message: t('invalid.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label={t('org.common.kind')}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
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
    </FormModal>
  );
}

function UnitVolunteers({ unit, onClose }: { unit: UnitItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<UnitVolunteerPage>({ page: 1, pageSize: 20 });
  const volunteers = useUnitVolunteers(unit?.id ?? null, f);
  return (
    <Modal
      open={!!unit}
      title={unit ? `${unit.name} · ${t('org.units.members')}` : ''}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      <Input.Search
        allowClear
        placeholder={t('org.units.searchMember')}
        aria-label={t('org.units.searchMember')}
        style={{ width: 240, marginBottom: 12 }}
        onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
      />
      {volunteers.isError ? (
        <LoadError error={volunteers.error} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={volunteers.isFetching}
          dataSource={volunteers.data?.items ?? []}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: volunteers.data?.total ?? 0,
            onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
          }}
          locale={{ emptyText: t('org.common.empty') }}
          columns={[
            { title: t('org.common.name'), dataIndex: 'name' },
            { title: t('org.skills.age'), dataIndex: 'age' },
            { title: t('org.common.phone'), dataIndex: 'phone' },
            {
              title: t('org.teams.status'),
              dataIndex: 'status',
              render: (s: string) =>
                s === 'pending' || s === 'approved' || s === 'rejected' ? t(`volunteer.status.${s}`) : s,
            },
          ]}
        />
      )}
    </Modal>
  );
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const units = useUnits();
  const { remove } = useUnitMutations();
  const canManage = useCan('units.manage');
  const [form, setForm] = useState<{ open: boolean; editing: UnitItem | null }>({ open: false, editing: null });
  const [open, setOpen] = useState<UnitItem | null>(null);

  // A refusal (the unit still has volunteers or teams) is a dialog, not a passing toast: it says what to do first.
  const del = (u: UnitItem) =>
    remove.mutateAsync(u.id).then(
      () => void message.success(t('org.common.deleted')),
      (e) =>
        void modal.error({
          title: t('org.units.cannotDelete', { name: u.name }),
          content:
            isApiError(e) && e.code === 'has_dependents' ? (
              <>
                <p>{errorText(e, t)}</p>
                <p>{t('org.units.cannotDeleteHint')}</p>
              </>
            ) : (
              errorText(e, t)
            ),
          okText: t('org.common.gotIt'),
        }),
    );

  return (
    <ListPage
      title={t('org.units.title')}
      lead={t('org.units.lead')}
      addLabel={t('org.common.add')}
      onAdd={canManage ? () => setForm({ open: true, editing: null }) : undefined}
    >
      <QueryTable<UnitItem>
        query={units}
        loading={units.isFetching}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('org.units.empty') }}
        columns={[
          { title: t('org.common.name'), dataIndex: 'name' },
          { title: t('org.common.kind'), dataIndex: 'kind', render: (k: string) => t(`org.kinds.${k as 'school'}`) },
          { title: t('org.units.contactName'), dataIndex: 'contactName', render: (v: string | null) => v ?? '—' },
          { title: t('org.units.contactPhone'), dataIndex: 'contactPhone', render: (v: string | null) => v ?? '—' },
          { title: t('org.units.volunteers'), dataIndex: 'volunteers' },
          { title: t('org.units.teams'), dataIndex: 'teams' },
          {
            title: t('console.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setOpen(u)}>
                  {t('org.units.members')}
                </Button>
                {canManage && (
                  <Button size="small" onClick={() => setForm({ open: true, editing: u })}>
                    {t('org.common.edit')}
                  </Button>
                )}
                {canManage && (
                  <ConfirmButton
                    label={t('org.common.delete')}
                    confirm={t('org.common.deleteConfirm')}
                    onConfirm={() => del(u)}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      <UnitForm open={form.open} editing={form.editing} onClose={() => setForm({ open: false, editing: null })} />
      <UnitVolunteers key={open?.id ?? 'none'} unit={open} onClose={() => setOpen(null)} />
    </ListPage>
  );
}
