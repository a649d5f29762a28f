// 爱心二维码: staff issue a badge for an elder (suggested: every elder of 60+ with no badge, consent on file first),
// preview the finder's page (not a scan, tells nobody), edit the nickname, cautions and call list, print the card,
// reissue (the old code stops working) or revoke it with a reason, read a badge's scans (audited) and keep the
// hotline, duty phone and duty notification phones.
import { useState } from 'react';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  cardHref,
  mapHref,
  previewHref,
  useBadgeScans,
  useBadgeSettings,
  useBadges,
  useCandidates,
  useIssueBadge,
  useMarkReturned,
  useReissueBadge,
  useRevokeBadge,
  useSaveBadgeSettings,
  useUpdateBadge,
  type BadgeFilter,
  type BadgeView,
  type ScanView,
} from '../api.ts';

const STATUS_COLOR = { active: 'success', revoked: 'error', replaced: 'default' } as const;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const contactsText = (cs: Array<{ label: string; phone: string }>) => cs.map((c) => `${c.label} ${c.phone}`).join('\n');
function parseContacts(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)[\s:：]+([0-9+\-() ]{5,20})$/.exec(l);
      return m ? { label: m[1]!.trim(), phone: m[2]!.trim() } : { label: l, phone: '' };
    });
}

export default function BadgesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<BadgeFilter>({ status: 'active', page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState(false);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [consentBy, setConsentBy] = useState<'self' | 'guardian'>('guardian');
  const [editing, setEditing] = useState<BadgeView | null>(null);
  const [revoking, setRevoking] = useState<BadgeView | null>(null);
  const [scansOf, setScansOf] = useState<BadgeView | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const list = useBadges(filter);
  const settings = useBadgeSettings();
  const candidates = useCandidates(search, issuing);
  const [scansPage, setScansPage] = useState({ page: 1, pageSize: 20 });
  const scans = useBadgeScans(scansOf?.id ?? null, scansPage);
  const issue = useIssueBadge();
  const update = useUpdateBadge();
  const reissueBadge = useReissueBadge();
  const markReturned = useMarkReturned();
  const revoke = useRevokeBadge();
  const saveSettings = useSaveBadgeSettings();
  const onFile = candidates.data?.items.find((c) => c.residentId === picked)?.consent ?? null;

  const reissue = async (b: BadgeView) => {
    try {
      await reissueBadge.mutateAsync(b.id);
      message.success(t('badges.console.reissued'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <ConsolePage
      title={t('badges.console.title')}
      extra={
        <Space>
          <Button onClick={() => setSettingsOpen(true)}>{t('badges.console.settings')}</Button>
          <Button type="primary" onClick={() => setIssuing(true)}>
            {t('badges.console.issue')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('badges.console.lead')}</Typography.Paragraph>
      {settings.data && !settings.data.configured && (
        <Alert type="warning" showIcon title={t('badges.console.notConfigured')} />
      )}
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('badges.console.search')}
          aria-label={t('badges.console.search')}
          style={{ width: 240 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })}
        />
        <Select
          aria-label={t('badges.console.status')}
          style={{ width: 160 }}
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ ...filter, status: (v || undefined) as BadgeFilter['status'], page: 1 })}
          options={[
            { value: '', label: t('badges.console.allStatus') },
            ...(['active', 'revoked', 'replaced'] as const).map((s) => ({
              value: s,
              label: t(`badges.console.statusValue.${s}`),
            })),
          ]}
        />
        <ExportButton
          path="/api/badges/export"
          query={{ status: filter.status, q: filter.q }}
          fileName="love-badges.xlsx"
        />
      </Space>
      <QueryTable<BadgeView>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        locale={{ emptyText: t('badges.console.empty') }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          {
            title: t('badges.console.resident'),
            render: (_, b) => (
              <span>
                {b.residentName}
                <br />
                <Typography.Text type="secondary">{b.idMasked ?? ''}</Typography.Text>
              </span>
            ),
          },
          { title: t('badges.console.nickname'), dataIndex: 'nickname' },
          {
            title: t('badges.console.contacts'),
            render: (_, b) =>
              b.contacts.map((c) => (
                <div key={c.phone + c.label}>
                  {c.label} {c.phone}
                </div>
              )),
          },
          {
            title: t('badges.console.status'),
            render: (_, b) => (
              <span>
                <Tag color={STATUS_COLOR[b.status]}>{t(`badges.console.statusValue.${b.status}`)}</Tag>
                {b.revokeReason ?? ''}
              </span>
            ),
          },
          {
            title: t('badges.console.consent'),
            render: (_, b) =>
              b.consent ? (
                <span>
                  {b.consent.givenByName}（{b.consent.givenByRelation}）<br />
                  <Typography.Text type="secondary">{time(b.consent.givenAt)}</Typography.Text>
                </span>
              ) : (
                <Tag color="error">{t('badges.console.noConsent')}</Tag>
              ),
          },
          {
            title: t('badges.console.scans'),
            render: (_, b) => (b.scans ? `${b.scans} · ${time(b.lastScanAt!)}` : '0'),
          },
          { title: t('badges.console.issuedAt'), render: (_, b) => `${time(b.issuedAt)} · ${b.issuedByName}` },
          {
            title: t('console.actions'),
            render: (_, b) => (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => {
                    setScansPage({ ...scansPage, page: 1 });
                    setScansOf(b);
                  }}
                >
                  {t('badges.console.viewScans')}
                  <span className="sr-only"> {b.nickname}</span>
                </Button>
                {b.status === 'active' && (
                  <>
                    <a href={cardHref(b.id)} target="_blank" rel="noreferrer">
                      {t('badges.console.print')}
                      <span className="sr-only"> {b.nickname}</span>
                    </a>
                    <a href={previewHref(b.id)} target="_blank" rel="noreferrer" title={t('badges.console.openHint')}>
                      {t('badges.console.open')}
                      <span className="sr-only"> {b.nickname}</span>
                    </a>
                    <Button size="small" onClick={() => setEditing(b)}>
                      {t('badges.console.edit')}
                    </Button>
                    <Button size="small" onClick={() => void reissue(b)}>
                      {t('badges.console.reissue')}
                    </Button>
                    <Button size="small" danger onClick={() => setRevoking(b)}>
                      {t('badges.console.revoke')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />

      <FormModal
        open={issuing}
        title={t('badges.console.issue')}
        onClose={() => {
          setIssuing(false);
          setSearch(undefined);
          setPicked(undefined);
        }}
        fields={['residentId', 'nickname', 'cautions', 'consentName', 'consentRelation']}
        successText={t('badges.console.issued')}
        onSubmit={async (v) => {
          // Stored in the registry's words (本人 / 监护人（儿子）), whatever the console's language.
          const consent = v.consentName
            ? {
                givenByName: v.consentName as string,
                givenByRelation: consentBy === 'self' ? '本人' : `监护人（${v.consentRelation ?? ''}）`.slice(0, 10),
              }
            : undefined;
          await issue.mutateAsync({
            residentId: v.residentId,
            nickname: v.nickname,
            cautions: v.cautions ?? '',
            consent,
          });
        }}
      >
        <Typography.Paragraph type="secondary">{t('badges.console.issueHint')}</Typography.Paragraph>
        <Form.Item
          name="residentId"
          label={t('badges.console.resident')}
          rules={[{ required: true, message: t('badges.console.pickResident') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={(q) => setSearch(q || undefined)}
            loading={candidates.isFetching}
            aria-label={t('badges.console.resident')}
            placeholder={t('badges.console.pickResident')}
            onChange={(v: string) => setPicked(v)}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.residentId,
              label: [
                c.name,
                c.birthDate,
                c.address,
                ...(c.groups.length
                  ? [c.groups.map((g) => t(`badges.console.group.${g as 'dementia'}`)).join('、')]
                  : []),
                ...(c.consent ? [t('badges.console.consentListed')] : []),
              ].join(' · '),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={t('badges.console.nickname')}
          extra={t('badges.console.nicknameHint')}
          rules={[{ required: true, message: t('badges.console.nickname') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="cautions" label={t('badges.console.cautions')} extra={t('badges.console.cautionsHint')}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
        {onFile ? (
          <Alert
            type="success"
            showIcon
            title={t('badges.console.consentOnFile', {
              name: onFile.givenByName,
              relation: onFile.givenByRelation,
              date: time(onFile.givenAt),
            })}
          />
        ) : (
          <>
            <Typography.Paragraph strong>{t('badges.console.consent')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('badges.console.consentHint')}</Typography.Paragraph>
            <Form.Item label={t('badges.console.consentBy')}>
              <Radio.Group
                value={consentBy}
                onChange={(e) => setConsentBy(e.target.value as 'self' | 'guardian')}
                options={[
                  { value: 'guardian', label: t('badges.console.consentGuardian') },
                  { value: 'self', label: t('badges.console.consentSelf') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="consentName"
              label={t('badges.console.consentName')}
              rules={[{ required: true, message: t('badges.console.consentName') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
            {consentBy === 'guardian' && (
              <Form.Item
                name="consentRelation"
                label={t('badges.console.consentRelation')}
                rules={[{ required: true, message: t('badges.console.consentRelation') }]}
              >
                <Input maxLength={4} placeholder={t('badges.console.consentRelationExample')} />
              </Form.Item>
            )}
          </>
        )}
      </FormModal>

      <FormModal
        open={!!editing}
        title={t('badges.console.editTitle', { nickname: editing?.nickname ?? '' })}
        onClose={() => setEditing(null)}
        successText={t('console.saved')}
        fields={['nickname', 'cautions', 'contacts']}
        initialValues={
          editing
            ? { nickname: editing.nickname, cautions: editing.cautions, contacts: contactsText(editing.contacts) }
            : undefined
        }
        onSubmit={async (v) => {
          await update.mutateAsync({
            id: editing!.id,
            body: { nickname: v.nickname, cautions: v.cautions ?? '', contacts: parseContacts(v.contacts ?? '') },
          });
        }}
      >
        <Form.Item name="nickname" label={t('badges.console.nickname')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="cautions" label={t('badges.console.cautions')}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
        <Form.Item name="contacts" label={t('badges.console.contacts')} extra={t('badges.console.contactsHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={!!revoking}
        title={t('badges.console.revokeTitle', { nickname: revoking?.nickname ?? '' })}
        onClose={() => setRevoking(null)}
        fields={['reason']}
        successText={t('badges.console.revoked')}
        onSubmit={async (v) => {
          await revoke.mutateAsync({ id: revoking!.id, reason: v.reason });
        }}
      >
        <Form.Item
          name="reason"
          label={t('badges.console.reason')}
          rules={[{ required: true, min: 2, message: t('badges.console.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>

      {settings.data && (
        <FormModal
          open={settingsOpen}
          title={t('badges.console.settings')}
          onClose={() => setSettingsOpen(false)}
          successText={t('console.saved')}
          fields={['hotline', 'dutyPhone', 'notifyPhones']}
          initialValues={{ ...settings.data, notifyPhones: settings.data.notifyPhones.join('\n') }}
          onSubmit={async (v) => {
            await saveSettings.mutateAsync({
              hotline: v.hotline,
              dutyPhone: v.dutyPhone,
              notifyPhones: String(v.notifyPhones ?? '')
                .split(/[\s,，]+/)
                .filter(Boolean),
            });
          }}
        >
          <Form.Item
            name="hotline"
            label={t('badges.console.hotline')}
            extra={t('badges.console.hotlineHint')}
            rules={[{ required: true }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="dutyPhone"
            label={t('badges.console.dutyPhone')}
            extra={t('badges.console.dutyPhoneHint')}
            rules={[{ required: true }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="notifyPhones"
            label={t('badges.console.notifyPhones')}
            extra={t('badges.console.notifyPhonesHint')}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}

      <Drawer
        open={!!scansOf}
        onClose={() => setScansOf(null)}
        title={t('badges.console.scansTitle', { nickname: scansOf?.nickname ?? '' })}
        size="large"
      >
        <Typography.Paragraph type="secondary">{t('badges.console.scansAudited')}</Typography.Paragraph>
        <Table<ScanView>
          rowKey="id"
          loading={scans.isPending}
          dataSource={scans.data?.items ?? []}
          pagination={{
            current: scansPage.page,
            pageSize: scansPage.pageSize,
            total: scans.data?.total ?? 0,
            onChange: (page, pageSize) => setScansPage({ page, pageSize }),
          }}
          locale={{ emptyText: t('badges.console.noScans') }}
          columns={[
            { title: t('badges.console.scanAt'), render: (_, s) => time(s.at) },
            { title: t('badges.console.scanKind'), render: (_, s) => t(`badges.console.kind.${s.kind}`) },
            {
              title: t('badges.console.scanMessage'),
              render: (_, s) => (
                <span>
                  {s.message ?? ''}
                  {s.place ? (
                    <>
                      <br />
                      {s.place}
                    </>
                  ) : null}
                  {s.lat !== null && s.lng !== null ? (
                    <>
                      <br />
                      <a href={mapHref(s.lat, s.lng)} target="_blank" rel="noreferrer">
                        {t('badges.console.map')}
                      </a>
                    </>
                  ) : null}
                </span>
              ),
            },
            {
              title: t('badges.console.notified'),
              render: (_, s) => (s.notified ? t('badges.console.yes') : t('badges.console.reload')),
            },
            {
              title: t('badges.console.returned'),
              render: (_, s) =>
                s.returned ? (
                  <Tag color="success">{t('badges.console.returnedYes')}</Tag>
                ) : (
                  <Popconfirm
                    title={t('badges.console.markReturnedConfirm')}
                    onConfirm={() =>
                      scansOf &&
                      markReturned
                        .mutateAsync({ id: scansOf.id, scanId: s.id })
                        .then(() => void message.success(t('badges.console.markedReturned')))
                        .catch((e: unknown) => void message.error(errorText(e, t)))
                    }
                  >
                    <Button size="small">{t('badges.console.markReturned')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Drawer>
    </ConsolePage>
  );
}
