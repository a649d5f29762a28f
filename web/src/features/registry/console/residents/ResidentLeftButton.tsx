// 迁出或去世: a resident leaves the registry. The record stays; their love badge stops and the family is told.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESIDENT_LEFT_STATUSES, type ResidentLeftStatus } from '../../../../../../domain/registry/schemas.ts';
import { errorText } from '../../../../shared/api/errorText.ts';
import { useResidentLeft } from '../../api/hooks.ts';

export function ResidentLeftButton({ residentId, name }: { residentId: string; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ status: ResidentLeftStatus; note?: string }>();
  const left = useResidentLeft(residentId);

  async function submit() {
    const v = await form.validateFields();
    try {
      await left.mutateAsync({ status: v.status, note: v.note?.trim() || null });
      void message.success(t('console.residents.leftDone'));
      setOpen(false);
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('console.residents.left')}</Button>
      <Modal
        open={open}
        title={t('console.residents.leftTitle', { name })}
        okText={t('console.residents.leftSave')}
        okButtonProps={{ danger: true, loading: left.isPending }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('console.residents.leftHint')}</p>
        <Form form={form} layout="vertical" initialValues={{ status: 'moved_out' }}>
          <Form.Item name="status" label={t('console.residents.leftReason')} rules={[{ required: true }]}>
            <Radio.Group
              options={RESIDENT_LEFT_STATUSES.map((s) => ({ value: s, label: t(`console.residents.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('console.residents.leftNote')} extra={t('console.residents.leftNoteHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
