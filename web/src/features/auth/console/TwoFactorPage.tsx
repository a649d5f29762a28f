// /console/two-factor (两步验证): set up an authenticator app (QR code or the key in groups), confirm with its code,
// keep the recovery codes shown once; turn it off with a code. Admins also set the community's requirement and reset
// a staff member's two-step verification (a lost phone).
import { useState, type FormEvent } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/errorText.ts';
import { useLabels } from '../../../shared/labels.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import {
  useTwoFactorMutations,
  useTwoFactorPolicy,
  useTwoFactorStatus,
  type Enrolment,
  type TwoFactorPolicy,
} from '../two-factor-api.ts';

/** The key in groups of four, as people copy it by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export default function TwoFactorPage() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const canManage = useCan('security.manage');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const s = status.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('twoFactor.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('twoFactor.lead')}</Typography.Paragraph>
      {status.isError && <Alert type="error" showIcon title={errorText(status.error, t)} role="alert" />}
      {s?.required && !s.enabled && <Alert type="warning" showIcon title={t('twoFactor.requiredAlert')} />}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : (
        s && (
          <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('twoFactor.mine')}</h2>}>
            {s.enabled ? (
              <TurnOff enabledAt={s.enabledAt!} codesLeft={s.recoveryCodesLeft} />
            ) : (
              <Enrol onDone={setRecoveryCodes} />
            )}
          </Card>
        )
      )}
      {canManage && <CommunityRequirement />}
    </Space>
  );
}

function Enrol({ onDone }: { onDone: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useTwoFactorMutations();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setError(t('twoFactor.codeInvalid'));
    setError(null);
    m.confirm.mutate(code.trim(), {
      onSuccess: (r) => onDone(r.recoveryCodes),
      onError: (err) => setError(errorText(err, t)),
    });
  }

  if (!enrolment)
    return (
      <Space direction="vertical">
        <Typography.Text>{t('twoFactor.off')}</Typography.Text>
        <Typography.Paragraph>{t('twoFactor.apps')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Button
          type="primary"
          loading={m.start.isPending}
          onClick={() =>
            m.start.mutate(undefined, { onSuccess: setEnrolment, onError: (err) => setError(errorText(err, t)) })
          }
        >
          {t('twoFactor.start')}
        </Button>
      </Space>
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('twoFactor.apps')}</Typography.Paragraph>
      <Typography.Text strong>{t('twoFactor.scan')}</Typography.Text>
      <img src={enrolment.qrDataUrl} alt={t('twoFactor.qrAlt')} width={240} height={240} />
      <Typography.Text>{t('twoFactor.manual')}</Typography.Text>
      <Space wrap>
        <code data-testid="totp-secret" style={{ fontSize: 20, letterSpacing: 1 }}>
          {grouped(enrolment.secret)}
        </code>
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(enrolment.secret).then(() => message.success(t('twoFactor.copied')))
          }
        >
          {t('twoFactor.copySecret')}
        </Button>
      </Space>
      <form onSubmit={confirm} noValidate>
        <Form.Item
          label={t('twoFactor.confirmStep')}
          htmlFor="totp-confirm"
          layout="vertical"
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Space.Compact>
            <Input
              id="totp-confirm"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              style={{ width: 160, fontSize: 20 }}
              aria-label={t('twoFactor.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <Button type="primary" htmlType="submit" loading={m.confirm.isPending}>
              {t('twoFactor.confirm')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </form>
    </Space>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('twoFactor.recoveryTitle')}</h2>}>
      <Alert type="warning" showIcon title={t('twoFactor.recoveryLead')} style={{ marginBottom: 16 }} />
      <ol data-testid="recovery-codes" style={{ fontFamily: 'monospace', fontSize: 18, columns: 2 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Space>
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(codes.join('\n')).then(() => message.success(t('twoFactor.copied')))
          }
        >
          {t('twoFactor.copyCodes')}
        </Button>
        <Button type="primary" onClick={onDone}>
          {t('twoFactor.saved')}
        </Button>
      </Space>
    </Card>
  );
}

function TurnOff({ enabledAt, codesLeft }: { enabledAt: string; codesLeft: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const m = useTwoFactorMutations();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const date = new Date(enabledAt).toLocaleDateString(i18n.language);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (code.trim().length < 6) return setError(t('twoFactor.codeInvalid'));
    setError(null);
    m.disable.mutate(code.trim(), {
      onSuccess: () => void message.success(t('twoFactor.disabled')),
      onError: (err) => setError(errorText(err, t)),
    });
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Tag color="green">{t('twoFactor.on', { date })}</Tag>
        <Typography.Text>{t('twoFactor.codesLeft', { n: codesLeft })}</Typography.Text>
      </Space>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('twoFactor.disableTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('twoFactor.disableLead')}</Typography.Paragraph>
      <form onSubmit={submit} noValidate>
        <Form.Item validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Space.Compact>
            <Input
              autoComplete="one-time-code"
              maxLength={20}
              style={{ width: 220 }}
              aria-label={t('twoFactor.disableCode')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <Button danger htmlType="submit" loading={m.disable.isPending}>
              {t('twoFactor.disable')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </form>
    </Space>
  );
}

function CommunityRequirement() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const policy = useTwoFactorPolicy(true);
  const m = useTwoFactorMutations();
  const p = policy.data;
  const save = (v: { admins: boolean; staff: boolean }) =>
    m.setPolicy.mutate(v, {
      onSuccess: () => void message.success(t('twoFactor.saved2')),
      onError: (err) => void message.error(errorText(err, t)),
    });
  const stateOf = (r: TwoFactorPolicy['people'][number]) =>
    r.enabled ? (
      <Tag color="green">{t('twoFactor.stateOn')}</Tag>
    ) : r.required ? (
      <Tag color="red">{t('twoFactor.stateMissing')}</Tag>
    ) : (
      <Tag>{t('twoFactor.stateOff')}</Tag>
    );
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('twoFactor.policyTitle')}</h2>}>
      <Typography.Paragraph>{t('twoFactor.policyLead')}</Typography.Paragraph>
      {policy.isError && <Alert type="error" showIcon title={errorText(policy.error, t)} role="alert" />}
      {p && (
        <>
          <Space direction="vertical" style={{ marginBottom: 16 }}>
            <Checkbox
              checked={p.admins}
              disabled={m.setPolicy.isPending}
              onChange={(e) => save({ admins: e.target.checked, staff: p.staff })}
            >
              {t('twoFactor.admins')}
            </Checkbox>
            <Checkbox
              checked={p.staff}
              disabled={m.setPolicy.isPending}
              onChange={(e) => save({ admins: p.admins, staff: e.target.checked })}
            >
              {t('twoFactor.staff')}
            </Checkbox>
          </Space>
          <Table
            rowKey="accountId"
            size="small"
            pagination={false}
            caption={t('twoFactor.people')}
            dataSource={p.people}
            columns={[
              { title: t('twoFactor.name'), dataIndex: 'name' },
              { title: t('twoFactor.role'), dataIndex: 'role', render: (r: string) => labels.role(r as never) },
              { title: t('twoFactor.state'), key: 'state', render: (_: unknown, r) => stateOf(r) },
              {
                title: t('twoFactor.actions'),
                key: 'actions',
                render: (_: unknown, r) =>
                  r.enabled && (
                    <Popconfirm
                      title={t('twoFactor.resetConfirm', { name: r.name })}
                      onConfirm={() =>
                        m.reset.mutate(r.accountId, {
                          onSuccess: () => void message.success(t('twoFactor.resetDone')),
                          onError: (err) => void message.error(errorText(err, t)),
                        })
                      }
                    >
                      <Button size="small" danger>
                        {t('twoFactor.reset')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
