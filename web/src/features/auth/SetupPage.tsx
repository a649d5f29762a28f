// /setup#<token>: first setup through the one-time link the server printed. The token rides in the fragment, which the
// browser never sends, and goes to the server only in the request that spends it.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, ConfigProvider, Form, Input, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../shared/console-ui/formErrors.ts';
import { useLanguage } from '../../shared/prefs/useLanguage.ts';
import { prefersReducedMotion, themeFor } from '../../app/console/theme.ts';
import { useSetup, type SetupBody } from './password-api.ts';

type Values = Omit<SetupBody, 'token'> & { confirm: string };
const FIELDS = ['communityName', 'city', 'district', 'street', 'adminName', 'adminPhone', 'password'] as const;

export default function SetupPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const [reducedMotion] = useState(prefersReducedMotion);
  const setup = useSetup();
  const { lang, toggle } = useLanguage();
  const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  const required = { required: true, message: t('accounts.required') };

  function submit({ confirm: _confirm, ...v }: Values) {
    setAlert(null);
    setup.mutate({ ...v, token }, { onError: (err) => setAlert(applyApiErrors(form, err, FIELDS, t)) });
  }
  const field = (name: (typeof FIELDS)[number], extra?: string) => (
    <Form.Item name={name} label={t(`accounts.${name}`)} rules={[required]} extra={extra}>
      {name === 'password' ? <Input.Password autoComplete="new-password" /> : <Input maxLength={40} />}
    </Form.Item>
  );

  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={themeFor(reducedMotion)}>
      <AntApp>
        <main id="main" style={{ maxWidth: 560, margin: '32px auto', padding: '0 16px' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              {t('accounts.setupTitle')}
            </Typography.Title>
            <Button onClick={toggle} aria-label={t('lang.switchAria')}>
              <span lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>{t('lang.switchLabel')}</span>
            </Button>
          </div>
          <Card>
            {!token ? (
              <Alert type="error" showIcon role="alert" title={t('accounts.setupNoToken')} />
            ) : setup.isSuccess ? (
              <>
                <Alert
                  type="success"
                  showIcon
                  role="status"
                  title={t('accounts.setupDone', { name: setup.variables?.communityName })}
                />
                <Link to="/sign-in" style={{ display: 'inline-block', marginTop: 16 }}>
                  {t('accounts.toSignIn')}
                </Link>
              </>
            ) : (
              <>
                <p>{t('accounts.setupLead')}</p>
                {alert && <Alert type="error" showIcon role="alert" title={alert} />}
                <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ marginTop: 12 }}>
                  {field('communityName')}
                  <Typography.Title level={2} style={{ fontSize: 16 }}>
                    {t('accounts.setupPlace')}
                  </Typography.Title>
                  {field('city')}
                  {field('district')}
                  {field('street')}
                  <Typography.Title level={2} style={{ fontSize: 16 }}>
                    {t('accounts.setupAdmin')}
                  </Typography.Title>
                  {field('adminName')}
                  {field('adminPhone')}
                  {field('password', t('accounts.newHint'))}
                  <Form.Item
                    name="confirm"
                    label={t('accounts.confirm')}
                    dependencies={['password']}
                    rules={[
                      required,
                      ({ getFieldValue }) => ({
                        validator: (_, v) =>
                          !v || v === getFieldValue('password')
                            ? Promise.resolve()
                            : Promise.reject(t('accounts.mismatch')),
                      }),
                    ]}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={setup.isPending}>
                    {t('accounts.setupSubmit')}
                  </Button>
                </Form>
              </>
            )}
          </Card>
        </main>
      </AntApp>
    </ConfigProvider>
  );
}
