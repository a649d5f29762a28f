// /console/password (修改密码 in the console's header): the current password, then the new one twice.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { useChangePassword } from '../password-api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ConsolePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const change = useChangePassword();
  const required = { required: true, message: t('accounts.required') };

  function save(v: Values) {
    setAlert(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => form.resetFields(),
        onError: (err) => setAlert(applyApiErrors(form, err, ['currentPassword', 'newPassword'], t)),
      },
    );
  }

  return (
    <ConsolePage
      title={t('accounts.changeTitle')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('accounts.changeTitle') }]}
    >
      <Card style={{ maxWidth: 520 }}>
        <p>{t('accounts.changeLead')}</p>
        {change.isSuccess && <Alert type="success" showIcon role="status" title={t('accounts.changed')} />}
        {alert && <Alert type="error" showIcon role="alert" title={alert} />}
        <Form form={form} layout="vertical" onFinish={save} style={{ marginTop: 12 }} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('accounts.current')} rules={[required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('accounts.newPassword')}
            extra={t('accounts.newHint')}
            rules={[required]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('accounts.confirm')}
            dependencies={['newPassword']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(t('accounts.mismatch')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('accounts.save')}
          </Button>
        </Form>
      </Card>
    </ConsolePage>
  );
}
