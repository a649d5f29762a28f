// Copying an activity to another date: a draft with the same details and shifts (places included), no sign-ups.
// Opens the copy, ready to check and publish.
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { isApiError } from '../../../shared/api/errors.ts';
import { addDays } from '../../../../../domain/shared/dates.ts';
import { useCopyActivity, type ActivityDetail } from '../api.ts';

export function CopyActivity({ a, open, onClose }: { a: ActivityDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const copy = useCopyActivity();
  const [form] = Form.useForm<{ date: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const close = () => {
    setAlert(null);
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const { id } = await copy.mutateAsync({ id: a.id, date: v.date });
      void message.success(t('act.copy.done', { date: v.date }));
      close();
      void navigate(`/console/activities/${id}`);
    } catch (e) {
      const onDate = isApiError(e) ? e.fields.find((f) => f.field === 'date') : undefined;
      if (onDate) form.setFields([{ name: 'date', errors: [onDate.message] }]);
      setAlert(onDate ? null : errorText(e, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('act.copy.title', { title: a.title })}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('act.copy.ok')}
      confirmLoading={copy.isPending}
      destroyOnHidden
    >
      <p>{t('act.copy.lead')}</p>
      <FormAlert text={alert} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ date: addDays(a.date, 7) }}>
        <Form.Item name="date" label={t('act.copy.date')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
