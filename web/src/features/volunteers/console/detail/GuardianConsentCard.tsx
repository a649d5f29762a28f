// 监护人同意 on a minor's record: who the guardian is, whether they confirmed (SMS code, official account, or a
// paper form staff recorded with its scan) or withdrew, and the staff actions: resend the code, record the paper
// form with its scan, record a withdrawal.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/api/errorText.ts';
import { todayInShanghai } from '../../../../../../domain/shared/dates.ts';
import { useGuardianConsentActions, volunteersApi, type VolunteerDetail } from '../../api.ts';

type Guardian = NonNullable<VolunteerDetail['guardian']>;

const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function GuardianConsentCard({
  volunteerId,
  guardian,
  canEdit,
}: {
  volunteerId: string;
  guardian: Guardian;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useGuardianConsentActions(volunteerId);
  const [paperOpen, setPaperOpen] = useState(false);
  const c = guardian.consent;
  const stateKey = c.state === 'confirmed' ? (`confirmed_${c.method ?? 'sms'}` as const) : c.state;
  const color = c.state === 'confirmed' ? 'success' : c.state === 'withdrawn' ? 'error' : 'warning';
  const fail = (e: unknown) => void message.error(errorText(e, t));
  const items = [
    {
      key: 'who',
      label: t('console.volunteers.guardian'),
      children: `${guardian.name}（${t(`volunteer.relationOptions.${guardian.relation as 'father'}`)}）${guardian.phone}`,
    },
    ...(c.state === 'confirmed'
      ? [{ key: 'at', label: t('console.volunteers.consent.confirmedAt'), children: at(c.confirmedAt) }]
      : []),
    ...(c.method === 'paper' && c.state === 'confirmed'
      ? [
          { key: 'by', label: t('console.volunteers.consent.recordedBy'), children: c.confirmedByName ?? '—' },
          { key: 'signed', label: t('console.volunteers.consent.signedOn'), children: c.paperSignedOn ?? '—' },
          {
            key: 'scan',
            label: t('console.volunteers.consent.scan'),
            children: c.scanId ? (
              <a href={volunteersApi.consentScanUrl(volunteerId, c.scanId)} target="_blank" rel="noreferrer">
                {t('console.volunteers.consent.openScan')}
              </a>
            ) : (
              '—'
            ),
          },
        ]
      : []),
    ...(c.state === 'withdrawn'
      ? [
          { key: 'wat', label: t('console.volunteers.consent.withdrawnAt'), children: at(c.withdrawnAt) },
          {
            key: 'wvia',
            label: t('console.volunteers.consent.recordedBy'),
            children:
              c.withdrawnVia === 'staff'
                ? `${t('console.volunteers.consent.withdrawnVia.staff')}（${c.withdrawnByName ?? '—'}）`
                : t('console.volunteers.consent.withdrawnVia.guardian'),
          },
          ...(c.withdrawalNote
            ? [{ key: 'wnote', label: t('console.volunteers.consent.note'), children: c.withdrawalNote }]
            : []),
        ]
      : []),
    ...(c.state === 'pending'
      ? [{ key: 'sent', label: t('console.volunteers.consent.codeSentAt'), children: at(c.codeSentAt) }]
      : []),
  ];
  return (
    <Card
      title={
        <Space>
          {t('console.volunteers.consent.title')}
          <Tag color={color}>{t(`console.volunteers.consent.state.${stateKey}`)}</Tag>
        </Space>
      }
      extra={
        canEdit && (
          <Space wrap>
            {c.state !== 'confirmed' && (
              <Button
                loading={actions.resend.isPending}
                onClick={() =>
                  actions.resend.mutate(undefined, {
                    onSuccess: () => void message.success(t('console.volunteers.consent.resent')),
                    onError: fail,
                  })
                }
              >
                {t('console.volunteers.consent.resend')}
              </Button>
            )}
            {c.state !== 'confirmed' && (
              <Button onClick={() => setPaperOpen(true)}>{t('console.volunteers.consent.paper')}</Button>
            )}
            {c.state === 'confirmed' && (
              <Popconfirm
                title={t('console.volunteers.consent.withdrawConfirm')}
                okText={t('console.volunteers.consent.withdraw')}
                cancelText={t('console.volunteers.consent.cancel')}
                onConfirm={() =>
                  actions.withdraw
                    .mutateAsync(undefined)
                    .then(() => void message.success(t('console.volunteers.consent.saved')), fail)
                }
              >
                <Button danger loading={actions.withdraw.isPending}>
                  {t('console.volunteers.consent.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {c.state === 'pending' && <p>{t('console.volunteers.consent.pendingHint')}</p>}
      {c.state === 'withdrawn' && <p>{t('console.volunteers.consent.withdrawnHint')}</p>}
      <Descriptions column={{ xs: 1, md: 2 }} items={items} />
      {guardian.coversData && <p>{t('console.volunteers.guardianCovers')}</p>}
      {paperOpen && <PaperFormModal volunteerId={volunteerId} onClose={() => setPaperOpen(false)} />}
    </Card>
  );
}

function PaperFormModal({ volunteerId, onClose }: { volunteerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { paper } = useGuardianConsentActions(volunteerId);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ signedOn: string; note?: string }>();
  const save = (v: { signedOn: string; note?: string }) => {
    if (!file) return;
    paper.mutate(
      { signedOn: v.signedOn, note: v.note, file },
      {
        onSuccess: () => {
          void message.success(t('console.volunteers.consent.saved'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e, t)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('console.volunteers.consent.paper')}
      okText={t('console.volunteers.consent.save')}
      cancelText={t('console.volunteers.consent.cancel')}
      okButtonProps={{ disabled: !file, loading: paper.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>{t('console.volunteers.consent.paperHint')}</p>
      <Form form={form} layout="vertical" initialValues={{ signedOn: todayInShanghai() }} onFinish={save}>
        <Form.Item name="signedOn" label={t('console.volunteers.consent.signedOn')} rules={[{ required: true }]}>
          <Input type="date" max={todayInShanghai()} />
        </Form.Item>
        <Form.Item label={t('console.volunteers.consent.file')} required>
          <input
            type="file"
            accept="image/png,image/jpeg,application/pdf"
            aria-label={t('console.volunteers.consent.file')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
        <Form.Item name="note" label={t('console.volunteers.consent.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
