// 编辑资料: the volunteer's own details and the link to their resident record. Only changed fields are sent
// (PATCH /api/volunteers/:id), so an untouched field can never be overwritten by a stale form.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { useCan } from '../../../../shared/session/useSession.ts';
import { FITNESS } from '../../../../../../domain/volunteers/eligibility.ts';
import { POLITICAL_STATUSES, RECRUITED_VIA } from '../../../../../../domain/volunteers/schemas.ts';
import { useUnits } from '../../../../shared/api/units.ts';
import { useUpdateVolunteer, type VolunteerDetail, type VolunteerPatch } from '../../api.ts';
import { ResidentPicker } from './ResidentPicker.tsx';
import { FITNESS_LABEL } from './labels.ts';

interface Values {
  name: string;
  phone: string;
  fitness: VolunteerDetail['fitness'];
  politicalStatus: VolunteerDetail['politicalStatus'];
  recruitedVia: VolunteerDetail['recruitedVia'];
  unitId: string | null;
  residentId: string | null;
  note: string;
}
const FIELDS = ['name', 'phone', 'fitness', 'politicalStatus', 'recruitedVia', 'unitId', 'residentId', 'note'] as const;

function initialOf(v: VolunteerDetail): Values {
  return {
    name: v.name,
    phone: v.phone,
    fitness: v.fitness,
    politicalStatus: v.politicalStatus,
    recruitedVia: v.recruitedVia,
    unitId: v.unitId,
    residentId: v.residentId,
    note: v.note ?? '',
  };
}

/** The form's values as the API takes them: trimmed, and blank optional fields as null. */
function normal(v: Values): Record<(typeof FIELDS)[number], string | null> {
  return {
    name: v.name.trim(),
    phone: v.phone.trim(),
    fitness: v.fitness,
    politicalStatus: v.politicalStatus,
    recruitedVia: v.recruitedVia,
    unitId: v.unitId ?? null,
    residentId: v.residentId ?? null,
    note: v.note?.trim() || null,
  };
}

/** Only the fields on the form that differ from what the server holds (a hidden field is never sent). */
function changes(before: Values, after: Partial<Values>): VolunteerPatch {
  const b = normal(before),
    a = normal({ ...before, ...after });
  return Object.fromEntries(FIELDS.filter((f) => f in after && a[f] !== b[f]).map((f) => [f, a[f]])) as VolunteerPatch;
}

export function VolunteerEditModal({
  volunteer,
  open,
  onClose,
}: {
  volunteer: VolunteerDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateVolunteer(volunteer.id);
  const units = useUnits();
  // Linking needs the registry search; a unit coordinator edits their volunteers without it.
  const canPickResident = useCan('registry.read');
  const req = [{ required: true, message: t('invalid.required') }];

  async function submit() {
    const values = await form.validateFields();
    const patch = changes(initialOf(volunteer), values);
    if (Object.keys(patch).length === 0) return onClose();
    setFormError(null);
    update.mutate(patch, {
      onSuccess: () => {
        void message.success(t('console.saved'));
        onClose();
      },
      onError: (e) => setFormError(applyApiErrors(form, e, FIELDS, t)),
    });
  }

  return (
    <Modal
      open={open}
      title={t('console.volunteerEdit.title', { name: volunteer.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="volunteerEdit" layout="vertical" preserve={false} initialValues={initialOf(volunteer)}>
        <Form.Item name="name" label={t('volunteer.name')} rules={req}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={t('volunteer.phone')} rules={req}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="fitness" label={t('volunteer.fitness')}>
          <Select options={FITNESS.map((f) => ({ value: f, label: t(FITNESS_LABEL[f]) }))} />
        </Form.Item>
        <Form.Item name="politicalStatus" label={t('volunteer.political')}>
          <Select options={POLITICAL_STATUSES.map((p) => ({ value: p, label: t(`volunteer.${p}`) }))} />
        </Form.Item>
        <Form.Item name="recruitedVia" label={t('volunteer.recruited')}>
          <Select options={RECRUITED_VIA.map((r) => ({ value: r, label: t(`volunteer.recruitedOptions.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('console.volunteers.unit')}>
          <Select
            allowClear
            placeholder={t('console.volunteerEdit.noUnit')}
            loading={units.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {canPickResident && (
          <Form.Item
            name="residentId"
            label={t('console.volunteers.resident')}
            extra={t('console.volunteerEdit.residentHint')}
          >
            <ResidentPicker
              current={
                volunteer.residentId
                  ? { id: volunteer.residentId, name: volunteer.residentName ?? volunteer.residentId }
                  : null
              }
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('console.volunteers.note')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
