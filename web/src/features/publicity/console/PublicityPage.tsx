// 宣传: staff write an announcement once (news, an activity, a commendation, a class), choose its channels and
// publish it; each channel is previewed from here — the public site, the LED screen and its text feed, the poster
// PDF (A4/A3), and the WeChat group text with its short link, ready to copy. Withdrawing takes it off them all.
import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  ANNOUNCEMENT_KINDS,
  CHANNELS,
  CLASS_KINDS,
  type AnnouncementInput,
} from '../../../../../domain/publicity/publicity.ts';
import {
  posterHref,
  screenPath,
  screenTextPath,
  sitePath,
  useAnnouncements,
  useCreateAnnouncement,
  usePublishAnnouncement,
  useUpdateAnnouncement,
  useSources,
  useWechatText,
  useWithdrawAnnouncement,
  type AnnouncementView,
  type Filter,
} from '../api.ts';

const STATUS_COLOR = { draft: 'default', published: 'success', withdrawn: 'error' } as const;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** The form's values for an announcement being edited (dates as the pickers hold them). */
const formValuesOf = (a: AnnouncementView) => ({
  ...a,
  publishFrom: a.publishFrom ? dayjs(a.publishFrom) : undefined,
  publishUntil: a.publishUntil ? dayjs(a.publishUntil) : undefined,
});

function WechatBox({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useWechatText(id);
  if (text.isError) return <Typography.Text type="danger">{errorText(text.error, t)}</Typography.Text>;
  if (!text.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea readOnly value={text.data.text} autoSize aria-label={t('publicity.console.wechatText')} />
      <Button
        onClick={() =>
          void navigator.clipboard
            .writeText(text.data.text)
            .then(() => message.success(t('publicity.console.copied')))
            .catch(() => message.error(t('publicity.console.copyFailed')))
        }
      >
        {t('publicity.console.copy')}
      </Button>
    </Space>
  );
}

function Preview({ a, communityId }: { a: AnnouncementView; communityId: string }) {
  const { t } = useTranslation();
  const on = (c: (typeof CHANNELS)[number]) => a.channels.includes(c);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {on('site') && (
        <section aria-label={t('publicity.console.channel.site')}>
          <Typography.Title level={5}>{t('publicity.console.channel.site')}</Typography.Title>
          <a href={sitePath(communityId)} target="_blank" rel="noreferrer">
            {t('publicity.console.openSite')}
          </a>
        </section>
      )}
      {on('screen') && (
        <section aria-label={t('publicity.console.channel.screen')}>
          <Typography.Title level={5}>{t('publicity.console.channel.screen')}</Typography.Title>
          <Space wrap>
            <a href={screenPath(communityId)} target="_blank" rel="noreferrer">
              {t('publicity.console.openScreen')}
            </a>
            <a href={screenTextPath(communityId)} target="_blank" rel="noreferrer">
              {t('publicity.console.openScreenText')}
            </a>
            <a href={screenTextPath(communityId, 'gbk')} target="_blank" rel="noreferrer">
              {t('publicity.console.openScreenTextGbk')}
            </a>
          </Space>
        </section>
      )}
      {on('poster') && (
        <section aria-label={t('publicity.console.channel.poster')}>
          <Typography.Title level={5}>{t('publicity.console.channel.poster')}</Typography.Title>
          <Space wrap>
            <a href={posterHref(a.id)} target="_blank" rel="noreferrer">
              {t('publicity.console.posterA4')}
            </a>
            <a href={posterHref(a.id, 'a3')} target="_blank" rel="noreferrer">
              {t('publicity.console.posterA3')}
            </a>
          </Space>
        </section>
      )}
      {on('wechat') && (
        <section aria-label={t('publicity.console.channel.wechat')}>
          <Typography.Title level={5}>{t('publicity.console.channel.wechat')}</Typography.Title>
          <WechatBox id={a.id} />
        </section>
      )}
    </Space>
  );
}

export default function PublicityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ page: 1, pageSize: 20 });
  // 'new' writes a new one; an announcement edits that one (a draft, or a published one in place on every channel).
  const [writing, setWriting] = useState<'new' | AnnouncementView | null>(null);
  const [previewing, setPreviewing] = useState<AnnouncementView | null>(null);
  const list = useAnnouncements(filter);
  const sources = useSources();
  const create = useCreateAnnouncement();
  const update = useUpdateAnnouncement();
  const editing = writing && writing !== 'new' ? writing : null;
  const publish = usePublishAnnouncement();
  const withdraw = useWithdrawAnnouncement();
  const communityId = sources.data?.communityId;

  const act = (p: Promise<unknown>, done: string) =>
    p.then(() => void message.success(done)).catch((e: unknown) => void message.error(errorText(e, t)));

  return (
    <ConsolePage
      title={t('publicity.console.title')}
      extra={
        <Space wrap>
          {communityId && (
            <>
              <a href={sitePath(communityId)} target="_blank" rel="noreferrer">
                {t('publicity.console.openSite')}
              </a>
              <a href={screenPath(communityId)} target="_blank" rel="noreferrer">
                {t('publicity.console.openScreen')}
              </a>
            </>
          )}
          <Button type="primary" onClick={() => setWriting('new')}>
            {t('publicity.console.write')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('publicity.console.lead')}</Typography.Paragraph>
      <Radio.Group
        value={filter.status ?? ''}
        onChange={(e) => setFilter({ ...filter, status: e.target.value || undefined, page: 1 })}
        optionType="button"
        aria-label={t('publicity.console.status')}
        options={[
          { value: '', label: t('publicity.console.all') },
          ...(['draft', 'published', 'withdrawn'] as const).map((s) => ({
            value: s,
            label: t(`publicity.console.statusName.${s}`),
          })),
        ]}
        style={{ marginBottom: 16 }}
      />
      <QueryTable<AnnouncementView>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          { title: t('publicity.console.titleField'), dataIndex: 'title' },
          {
            title: t('publicity.console.kind'),
            dataIndex: 'kind',
            render: (k: AnnouncementView['kind']) => t(`publicity.console.kindName.${k}`),
          },
          {
            title: t('publicity.console.channels'),
            dataIndex: 'channels',
            render: (cs: AnnouncementView['channels']) =>
              cs.map((c) => <Tag key={c}>{t(`publicity.console.channel.${c}`)}</Tag>),
          },
          {
            title: t('publicity.console.status'),
            dataIndex: 'status',
            render: (s: AnnouncementView['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`publicity.console.statusName.${s}`)}</Tag>
            ),
          },
          {
            title: t('publicity.console.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => (v ? time(v) : '—'),
          },
          {
            title: t('console.actions'),
            key: 'actions',
            render: (_: unknown, a: AnnouncementView) => (
              <Space wrap>
                {a.status === 'draft' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => void act(publish.mutateAsync(a.id), t('publicity.console.published'))}
                  >
                    {t('publicity.console.publish')}
                  </Button>
                )}
                {a.status !== 'withdrawn' && (
                  <Button size="small" onClick={() => setWriting(a)}>
                    {t('publicity.console.edit')}
                  </Button>
                )}
                {a.status === 'published' && communityId && (
                  <Button size="small" onClick={() => setPreviewing(a)}>
                    {t('publicity.console.preview')}
                  </Button>
                )}
                {a.status !== 'withdrawn' && (
                  <Popconfirm
                    title={t('publicity.console.withdrawConfirm', { title: a.title })}
                    okText={t('publicity.console.withdraw')}
                    cancelText={t('publicity.console.cancel')}
                    onConfirm={() => void act(withdraw.mutateAsync(a.id), t('publicity.console.withdrawn'))}
                  >
                    <Button size="small" danger>
                      {t('publicity.console.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />

      <FormModal
        open={!!writing}
        title={editing ? t('publicity.console.editTitle', { title: editing.title }) : t('publicity.console.write')}
        onClose={() => setWriting(null)}
        fields={[
          'kind',
          'title',
          'body',
          'activityId',
          'quarter',
          'classKind',
          'schedule',
          'place',
          'channels',
          'publishFrom',
          'publishUntil',
        ]}
        successText={t('publicity.console.saved')}
        initialValues={
          editing ? formValuesOf(editing) : { kind: 'news', channels: ['site', 'screen', 'poster', 'wechat'] }
        }
        onSubmit={async (v) => {
          const iso = (d: Dayjs | undefined) => (d ? d.toISOString() : null);
          const body: AnnouncementInput = {
            kind: v.kind,
            title: v.title ?? '',
            body: v.body ?? '',
            activityId: v.kind === 'activity' ? (v.activityId ?? null) : null,
            quarter: v.kind === 'commendation' ? (v.quarter ?? null) : null,
            classKind: v.kind === 'class' ? (v.classKind ?? null) : null,
            schedule: v.kind === 'class' ? (v.schedule ?? null) : null,
            place: v.kind === 'class' ? (v.place ?? null) : null,
            publishFrom: iso(v.publishFrom),
            publishUntil: iso(v.publishUntil),
            channels: v.channels ?? [],
          };
          if (editing) await update.mutateAsync({ id: editing.id, body });
          else await create.mutateAsync(body);
        }}
      >
        <Form.Item name="kind" label={t('publicity.console.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: t(`publicity.console.kindName.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('publicity.console.titleField')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="body" label={t('publicity.console.body')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => {
            const kind = getFieldValue('kind');
            if (kind === 'activity')
              return (
                <Form.Item name="activityId" label={t('publicity.console.activity')} rules={[{ required: true }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={(sources.data?.activities ?? []).map((a) => ({
                      value: a.id,
                      label: `${a.title} · ${time(a.startsAt)}`,
                    }))}
                  />
                </Form.Item>
              );
            if (kind === 'commendation')
              return (
                <Form.Item name="quarter" label={t('publicity.console.quarter')} rules={[{ required: true }]}>
                  <Select options={(sources.data?.quarters ?? []).map((q) => ({ value: q, label: q }))} />
                </Form.Item>
              );
            if (kind === 'class')
              return (
                <>
                  <Form.Item name="classKind" label={t('publicity.console.classKind')} rules={[{ required: true }]}>
                    <Select
                      options={CLASS_KINDS.map((c) => ({ value: c, label: t(`publicity.console.className.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name="schedule" label={t('publicity.console.schedule')} rules={[{ required: true }]}>
                    <Input maxLength={100} placeholder={t('publicity.console.schedulePlaceholder')} />
                  </Form.Item>
                  <Form.Item name="place" label={t('publicity.console.place')} rules={[{ required: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </>
              );
            return null;
          }}
        </Form.Item>
        {/* No required rule: antd would put aria-required on the group's plain div (axe refuses it); the server
            refuses an empty choice in words, shown under the field. */}
        <Form.Item name="channels" label={t('publicity.console.channels')}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`publicity.console.channel.${c}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="publishFrom" label={t('publicity.console.publishFrom')}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="publishUntil" label={t('publicity.console.publishUntil')}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Space>
      </FormModal>

      <Drawer
        open={!!previewing}
        width={560}
        title={previewing ? t('publicity.console.previewTitle', { title: previewing.title }) : ''}
        onClose={() => setPreviewing(null)}
      >
        {previewing && communityId && <Preview a={previewing} communityId={communityId} />}
      </Drawer>
    </ConsolePage>
  );
}
