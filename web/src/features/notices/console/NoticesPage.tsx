// 通知: staff write a notice, choose whom it goes to (a team, a grid's or a building's households, volunteers with
// a skill, the 4:30 classroom's parents) and see, before sending, how many it reaches and how many it cannot.
// Below, the notices sent with their messages counted by delivery status; one opens to each recipient's status.
// A team leader sees only their own team (the server decides; the picker offers no more).
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { AUDIENCE_KINDS, LARGE_AUDIENCE, type AudienceKind } from '../../../../../domain/notices/schemas.ts';
import {
  useAudienceOptions,
  useAudiencePreview,
  useNotice,
  useNotices,
  useSendNotice,
  type Audience,
  type AudienceOptions,
  type NoticeItem,
} from '../api.ts';

interface FormValues {
  title: string;
  text: string;
  urgent?: boolean;
  kind: AudienceKind;
  target?: string;
  confirmLarge?: boolean;
}

// Status presets (not the palette's greens and reds): their text keeps the contrast axe asks for.
const STATUS_COLOR: Record<string, string> = {
  delivered: 'success',
  delivered_dev: 'success',
  sent: 'processing',
  queued: 'default',
  sending: 'processing',
  failed: 'error',
  skipped: 'warning',
};

function audienceOf(kind: AudienceKind | undefined, target: string | undefined): Audience | null {
  if (!kind) return null;
  if (kind === 'classroom') return { kind };
  if (!target) return null;
  switch (kind) {
    case 'team':
      return { kind, teamId: target };
    case 'grid':
      return { kind, gridId: target };
    case 'building':
      return { kind, buildingId: target };
    case 'skill':
      return { kind, skillCode: target };
  }
}

function StatusTags({ statuses }: { statuses: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {Object.entries(statuses).map(([s, n]) => (
        <Tag key={s} color={STATUS_COLOR[s] ?? 'default'}>
          {t(`noticesConsole.statuses.${s}` as 'noticesConsole.statuses.sent', { defaultValue: s })} {n}
        </Tag>
      ))}
    </Space>
  );
}

function Compose({ options }: { options: AudienceOptions }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const send = useSendNotice();
  const [alert, setAlert] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const target = Form.useWatch('target', form);
  const confirmLarge = Form.useWatch('confirmLarge', form);
  const audience = useMemo(() => audienceOf(kind, target), [kind, target]);
  const preview = useAudiencePreview(audience);
  const kinds = options.teamOnly ? (['team'] as const) : AUDIENCE_KINDS;
  const en = i18n.language === 'en';

  const targets: { value: string; label: string }[] =
    kind === 'team'
      ? options.teams.map((x) => ({
          value: x.id,
          label: t('noticesConsole.teamMembers', { name: x.name, count: x.members }),
        }))
      : kind === 'grid'
        ? options.grids.map((g) => ({ value: g.id, label: g.name }))
        : kind === 'building'
          ? options.grids.flatMap((g) => g.buildings.map((b) => ({ value: b.id, label: `${g.name} ${b.name}` })))
          : kind === 'skill'
            ? options.skills.map((s) => ({
                value: s.code,
                label: t('noticesConsole.skillHolders', { name: en ? s.en : s.zh, count: s.volunteers }),
              }))
            : [];
  const pick = { team: 'pickTeam', grid: 'pickGrid', building: 'pickBuilding', skill: 'pickSkill' } as const;
  const p = preview.data;
  const large = !!p?.large;
  const canSend = !!audience && !!p && !preview.isFetching && p.people > 0 && (!large || !!confirmLarge);

  const submit = (v: FormValues) => {
    if (!audience) return;
    setAlert(null);
    send.mutate(
      { title: v.title, text: v.text, urgent: !!v.urgent, audience, confirmLarge: !!v.confirmLarge },
      {
        onSuccess: (r) => {
          void message.success(t('noticesConsole.sent', { recipients: r.recipients }));
          form.resetFields(['title', 'text', 'urgent', 'confirmLarge']);
        },
        onError: (e) => setAlert(applyApiErrors(form, e, ['title', 'text', 'urgent'], t)),
      },
    );
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('noticesConsole.compose')}</h2>}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'team' }}
        onFinish={submit}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="title" label={t('noticesConsole.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} showCount placeholder={t('noticesConsole.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="text" label={t('noticesConsole.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('noticesConsole.textPlaceholder')} />
        </Form.Item>
        {options.mayMarkUrgent && (
          <Form.Item name="urgent" valuePropName="checked" extra={t('noticesConsole.urgentHint')}>
            <Checkbox>{t('noticesConsole.urgent')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('noticesConsole.audience')}>
          <Radio.Group
            onChange={() => form.setFieldsValue({ target: undefined, confirmLarge: false })}
            options={kinds.map((k) => ({ value: k, label: t(`noticesConsole.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind && kind !== 'classroom' && (
          <Form.Item name="target" label={t(`noticesConsole.${pick[kind]}`)}>
            <Select
              showSearch
              optionFilterProp="label"
              options={targets}
              placeholder={t(`noticesConsole.${pick[kind]}`)}
              onChange={() => form.setFieldsValue({ confirmLarge: false })}
            />
          </Form.Item>
        )}
        {audience && (
          <div aria-live="polite" style={{ marginBottom: 16 }}>
            {preview.isError ? (
              <Alert type="error" showIcon title={errorText(preview.error, t)} />
            ) : !p || preview.isFetching ? (
              <Typography.Text>{t('noticesConsole.previewing')}</Typography.Text>
            ) : (
              <Alert
                type={p.people ? (large ? 'warning' : 'info') : 'error'}
                showIcon
                title={
                  <span data-testid="notice-preview">
                    {p.people ? t('noticesConsole.preview', { people: p.people }) : t('noticesConsole.previewNone')}
                  </span>
                }
                description={
                  p.unreachable > 0
                    ? `${t('noticesConsole.unreachable', { count: p.unreachable })} ${p.unreachableNames.join('、')}`
                    : undefined
                }
              />
            )}
          </div>
        )}
        {large && p && (
          <Form.Item
            name="confirmLarge"
            valuePropName="checked"
            extra={t('noticesConsole.large', { limit: LARGE_AUDIENCE })}
          >
            <Checkbox>{t('noticesConsole.confirmLarge', { people: p.people })}</Checkbox>
          </Form.Item>
        )}
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={send.isPending} disabled={!canSend}>
          {t('noticesConsole.send')}
        </Button>
      </Form>
    </Card>
  );
}

function NoticeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const q = useNotice(id);
  const d = q.data;
  // A team or a grid is hundreds of people: staff look one up by name.
  const [find, setFind] = useState('');
  const people = useMemo(
    () => (d?.people ?? []).filter((p) => !find.trim() || p.name.includes(find.trim())),
    [d, find],
  );
  return (
    <Drawer
      open={!!id}
      onClose={() => {
        setFind('');
        onClose();
      }}
      size="large"
      title={d?.title ?? t('noticesConsole.detailTitle')}
    >
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{d.text}</Typography.Paragraph>
          <Typography.Text>
            {t(`noticesConsole.kinds.${d.audienceKind}`)}：{d.audienceLabel} · {d.sentBy} ·{' '}
            {formatDateTime(d.sentAt, i18n.language)}
          </Typography.Text>
          <StatusTags statuses={d.statuses} />
          <Input.Search
            allowClear
            aria-label={t('noticesConsole.findPerson')}
            placeholder={t('noticesConsole.findPerson')}
            value={find}
            onChange={(e) => setFind(e.target.value)}
            style={{ maxWidth: 280 }}
          />
          <Table
            rowKey="outboxId"
            size="small"
            dataSource={people}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: t('noticesConsole.person'), dataIndex: 'name' },
              {
                title: t('noticesConsole.kind'),
                dataIndex: 'kind',
                render: (v: string) =>
                  t(`noticesConsole.personKinds.${v}` as 'noticesConsole.personKinds.volunteer', { defaultValue: v }),
              },
              { title: t('noticesConsole.phone'), dataIndex: 'phone' },
              {
                title: t('noticesConsole.channel'),
                dataIndex: 'channel',
                render: (v: string) =>
                  t(`noticesConsole.channels.${v}` as 'noticesConsole.channels.sms', { defaultValue: v }),
              },
              {
                title: t('noticesConsole.status'),
                dataIndex: 'status',
                render: (v: string) => (
                  <Tag color={STATUS_COLOR[v] ?? 'default'}>
                    {t(`noticesConsole.statuses.${v}` as 'noticesConsole.statuses.sent', { defaultValue: v })}
                  </Tag>
                ),
              },
              {
                title: t('noticesConsole.time'),
                render: (_: unknown, r: { sentAt: string | null; createdAt: string }) =>
                  formatDateTime(r.sentAt ?? r.createdAt, i18n.language),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

export default function NoticesPage() {
  const { t, i18n } = useTranslation();
  const options = useAudienceOptions();
  const [page, setPage] = useState(1);
  const list = useNotices(page);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ConsolePage
      title={t('console.menu.notices')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.notices') }]}
    >
      {options.isError && <LoadError error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && <Compose options={options.data} />}
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('noticesConsole.sentList')}</h2>}>
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<NoticeItem>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('noticesConsole.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('noticesConsole.sentAt'),
              dataIndex: 'sentAt',
              width: 160,
              render: (v: string) => formatDateTime(v, i18n.language),
            },
            {
              title: t('noticesConsole.title'),
              dataIndex: 'title',
              render: (v: string, r) => (
                <Space size={4}>
                  {r.urgent && <Tag color="error">{t('noticesConsole.urgentTag')}</Tag>}
                  <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
                    {v}
                  </Button>
                </Space>
              ),
            },
            {
              title: t('noticesConsole.to'),
              render: (_: unknown, r) => `${t(`noticesConsole.kinds.${r.audienceKind}`)}：${r.audienceLabel}`,
            },
            { title: t('noticesConsole.people'), dataIndex: 'recipients', width: 80 },
            {
              title: t('noticesConsole.delivery'),
              dataIndex: 'statuses',
              render: (v: Record<string, number>) => <StatusTags statuses={v} />,
            },
            { title: t('noticesConsole.sentBy'), dataIndex: 'sentBy', width: 120 },
          ]}
        />
      </Card>
      <NoticeDrawer id={open} onClose={() => setOpen(null)} />
    </ConsolePage>
  );
}
