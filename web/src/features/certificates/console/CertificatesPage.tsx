// 服务证明: staff issue a certificate (志愿服务记录证明) for a volunteer, list and download issued ones, revoke one
// with a reason, and set the issuer printed on them. The points rule lives with the hours rules.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { VolunteerPicker } from '../../../shared/console-ui/VolunteerPicker.tsx';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { can, useCurrentUser } from '../../../shared/session/useSession.ts';
import {
  staffPdfHref,
  useCertificates,
  useIssueCertificate,
  useIssuerSettings,
  useRevokeCertificate,
  useSaveIssuerSettings,
  type CertificateFilter,
  type CertificateView,
} from '../api.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export default function CertificatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [filter, setFilter] = useState<CertificateFilter>({ page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [revoking, setRevoking] = useState<CertificateView | null>(null);
  const list = useCertificates(filter);
  const settings = useIssuerSettings();
  const issue = useIssueCertificate();
  const revoke = useRevokeCertificate();
  const saveSettings = useSaveIssuerSettings();

  return (
    <ConsolePage
      title={t('certs.title')}
      extra={
        <Space>
          <Button onClick={() => setEditing(true)}>{t('certs.settings')}</Button>
          <Button type="primary" onClick={() => setIssuing(true)}>
            {t('certs.issue')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('certs.lead')}</Typography.Paragraph>
      {settings.data && !settings.data.configured && <Alert type="warning" showIcon title={t('certs.notConfigured')} />}
      {can(me, 'hours.grant') && (
        <Typography.Paragraph>
          {t('certs.pointsRules')}{' '}
          <LinkButton to="/console/hours" size="small">
            {t('console.menu.hours')}
          </LinkButton>
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('certs.search')}
          aria-label={t('certs.search')}
          style={{ width: 240 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })}
        />
        <Select
          aria-label={t('certs.status')}
          style={{ width: 160 }}
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ ...filter, status: (v || undefined) as CertificateFilter['status'], page: 1 })}
          options={[
            { value: '', label: t('certs.allStatus') },
            { value: 'valid', label: t('certs.statusValue.valid') },
            { value: 'revoked', label: t('certs.statusValue.revoked') },
          ]}
        />
        <ExportButton
          path="/api/certificates/export"
          query={{ status: filter.status, q: filter.q }}
          fileName="certificates.xlsx"
        />
      </Space>
      <QueryTable<CertificateView>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        locale={{ emptyText: t('certs.empty') }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          { title: t('certs.number'), dataIndex: 'number' },
          { title: t('certs.name'), dataIndex: 'volunteerName' },
          { title: t('certs.period'), render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
          { title: t('certs.hours'), dataIndex: 'serviceHours' },
          { title: t('certs.honour'), dataIndex: 'honourHours' },
          {
            title: t('certs.status'),
            render: (_, c) =>
              c.status === 'valid' ? (
                <Tag color="success">{t('certs.statusValue.valid')}</Tag>
              ) : (
                <span>
                  <Tag color="error">{t('certs.statusValue.revoked')}</Tag>
                  {c.revokeReason}
                </span>
              ),
          },
          { title: t('certs.issuedAt'), render: (_, c) => `${c.issuedOn} · ${c.issuedByName}` },
          { title: t('certs.handler'), dataIndex: 'handlerName' },
          {
            title: t('console.actions'),
            render: (_, c) => (
              <Space>
                <a href={staffPdfHref(c.id)} target="_blank" rel="noreferrer">
                  {t('certs.download')}
                  <span className="sr-only"> {c.number}</span>
                </a>
                {c.status === 'valid' && (
                  <Button size="small" danger onClick={() => setRevoking(c)}>
                    {t('certs.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />

      <FormModal
        open={issuing}
        title={t('certs.issue')}
        onClose={() => setIssuing(false)}
        fields={['volunteerId', 'from', 'to']}
        successText={t('console.saved')}
        onSubmit={async (v) => {
          await issue.mutateAsync({ volunteerId: v.volunteerId, from: day(v.from), to: day(v.to) });
        }}
      >
        <Form.Item
          name="volunteerId"
          label={t('certs.volunteer')}
          rules={[{ required: true, message: t('certs.volunteer') }]}
        >
          <VolunteerPicker onChange={() => undefined} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('certs.periodHint')}</Typography.Paragraph>
        <Form.Item name="from" label={t('certs.from')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={t('certs.to')}>
          <DatePicker />
        </Form.Item>
      </FormModal>

      <FormModal
        open={!!revoking}
        title={t('certs.revokeTitle', { number: revoking?.number ?? '' })}
        onClose={() => setRevoking(null)}
        fields={['reason']}
        successText={t('certs.revoked')}
        onSubmit={async (v) => {
          await revoke.mutateAsync({ id: revoking!.id, reason: v.reason });
        }}
      >
        <Form.Item
          name="reason"
          label={t('certs.reason')}
          rules={[{ required: true, min: 2, message: t('certs.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>

      {/* Always mounted: the button opens the form even before (or if) the settings load; empty fields to fill. */}
      <FormModal
        open={editing}
        title={t('certs.settings')}
        onClose={() => setEditing(false)}
        successText={t('console.saved')}
        fields={['issuerName', 'responsiblePerson', 'handlerName', 'contactPhone', 'prefix']}
        initialValues={settings.data}
        onSubmit={async (v) => {
          await saveSettings.mutateAsync({
            issuerName: v.issuerName,
            responsiblePerson: v.responsiblePerson,
            handlerName: v.handlerName,
            contactPhone: v.contactPhone,
            prefix: v.prefix,
          });
        }}
      >
        <Typography.Paragraph type="secondary">{t('certs.settingsHint')}</Typography.Paragraph>
        <Form.Item name="issuerName" label={t('certs.issuerName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('certs.responsiblePerson')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="handlerName" label={t('certs.handlerName')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('certs.contactPhone')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="prefix" label={t('certs.prefix')} rules={[{ required: true }]}>
          <Input maxLength={6} />
        </Form.Item>
      </FormModal>
    </ConsolePage>
  );
}
