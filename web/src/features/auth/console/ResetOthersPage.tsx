// /console/accounts (重置他人密码): staff send a member of the community a reset code by phone number. The code goes
// to the person alone; staff see neither it nor the new password.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { useSendResetCode } from '../password-api.ts';

export default function ResetOthersPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const send = useSendResetCode();

  function submit({ phone }: { phone: string }) {
    setAlert(null);
    setSent(null);
    send.mutate(phone.trim(), {
      onSuccess: (r) => {
        setSent(t('accounts.sent', { phone: phone.trim(), minutes: r.expiresInMinutes }));
        form.resetFields();
      },
      onError: (err) => setAlert(applyApiErrors(form, err, ['phone'], t)),
    });
  }

  return (
    <ConsolePage
      title={t('accounts.sendTitle')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('accounts.sendTitle') }]}
    >
      <Card style={{ maxWidth: 560 }}>
        <p>{t('accounts.sendLead')}</p>
        {sent && <Alert type="success" showIcon role="status" title={sent} />}
        {alert && <Alert type="error" showIcon role="alert" title={alert} />}
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }} requiredMark={false}>
          <Form.Item
            name="phone"
            label={t('accounts.sendPhone')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={16} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            {t('accounts.send')}
          </Button>
        </Form>
      </Card>
    </ConsolePage>
  );
}
