// 编辑住户: only the fields that changed are sent.
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateHousehold } from '../../api/hooks.ts';
import type { Household, NewHousehold } from '../../api/types.ts';
import { useFormSave } from '../parts/useFormSave.ts';
import { HOUSEHOLD_FIELDS, HouseholdFields } from './HouseholdFields.tsx';

interface Values {
  unit: string;
  room: string;
  isMigrant: boolean;
  dibao?: boolean;
  note?: string;
}

export function HouseholdEditModal({
  household,
  open,
  onClose,
  canSetDibao,
}: {
  household: Household;
  open: boolean;
  onClose: () => void;
  canSetDibao: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { formError, save } = useFormSave(form, HOUSEHOLD_FIELDS);
  const update = useUpdateHousehold(household.id);
  const showDibao = canSetDibao && household.dibao !== null;

  async function submit() {
    const v = await form.validateFields();
    const patch: Partial<NewHousehold> = {};
    if (v.unit.trim() !== household.unit) patch.unit = v.unit.trim();
    if (v.room.trim() !== household.room) patch.room = v.room.trim();
    if (!!v.isMigrant !== household.isMigrant) patch.isMigrant = !!v.isMigrant;
    if (showDibao && !!v.dibao !== household.dibao) patch.dibao = !!v.dibao;
    if ((v.note?.trim() || null) !== (household.note || null)) patch.note = v.note?.trim() || null;
    if (Object.keys(patch).length === 0) return onClose();
    save(update, patch, t('console.saved'), onClose);
  }

  return (
    <Modal
      open={open}
      title={t('console.households.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        name="householdEdit"
        layout="vertical"
        preserve={false}
        initialValues={{
          unit: household.unit,
          room: household.room,
          isMigrant: household.isMigrant,
          dibao: !!household.dibao,
          note: household.note ?? '',
        }}
      >
        <HouseholdFields showDibao={showDibao} />
      </Form>
    </Modal>
  );
}
