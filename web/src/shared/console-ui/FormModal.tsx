// A form in a dialog: validate, save, say so, close. What the server refuses goes on the fields it names;
// the rest shows as an alert inside the dialog, where a screen reader hears it and the form stays filled in.
import { useState, type ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from './formErrors.ts';

// antd hands back the form's values untyped; each caller knows its own fields.
type Values = Record<string, any>;

export function FormAlert({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" style={{ color: '#a4231b' }}>
      {text}
    </p>
  ) : null;
}

export function FormModal({
  open,
  title,
  onClose,
  onSubmit,
  fields,
  successText,
  initialValues,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (values: Values) => Promise<unknown>;
  /** The form's field names, where the server's per-field problems belong. */
  fields: readonly string[];
  successText: string;
  initialValues?: Values;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setAlert(null);
    onClose();
  };
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // antd already marks the fields
    setBusy(true);
    try {
      await onSubmit(values);
      void message.success(successText);
      form.resetFields();
      close();
    } catch (err) {
      setAlert(applyApiErrors(form, err, fields, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('console.svc.save')}
      cancelText={t('console.svc.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormAlert text={alert} />
      {/* preserve={false} with destroyOnHidden: every opening starts from initialValues (editing another row, say). */}
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
