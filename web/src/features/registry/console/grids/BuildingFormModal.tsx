// 新增楼幢: number and street of a building in a grid.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { useCreateBuilding } from '../../api/hooks.ts';

const FIELDS = ['number', 'street'] as const;

export function BuildingFormModal({ gridId, open, onClose }: { gridId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string; street: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateBuilding();

  async function submit() {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { gridId, number: v.number.trim(), street: v.street.trim() },
      {
        onSuccess: () => {
          message.success(t('console.buildings.added'));
          form.resetFields();
          onClose();
        },
        onError: (e) => setFormError(applyApiErrors(form, e, FIELDS, t)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('console.buildings.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="building">
        <Form.Item
          name="number"
          label={t('registry.buildingNumber')}
          rules={[{ required: true, whitespace: true, message: t('invalid.required') }]}
          extra={t('console.buildings.numberHint')}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="street"
          label={t('registry.street')}
          rules={[{ required: true, whitespace: true, message: t('invalid.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
