// 消息发件箱: every message, newest first, with how its delivery went; failed ones can be sent again.
import { useState } from 'react';
import { Alert, App, Button, Select, Space, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../shared/console-ui/QueryState.tsx';
import { errorText } from '../../shared/api/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useCan } from '../../shared/session/useSession.ts';
import {
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  useOutbox,
  useRetryMessage,
  type OutboxFilter,
  type OutboxMessage,
} from './api.ts';
import { payloadText } from './payload.ts';
import { templateLabel } from './templates.ts';

export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<OutboxFilter>({});
  const q = useOutbox(filter);
  const retry = useRetryMessage();
  const canRetry = useCan('outbox.retry');
  return (
    <ConsolePage
      title={t('console.menu.outbox')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.outbox') }]}
      extra={
        <Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => void q.refetch()}>
          {t('console.outbox.refresh')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('console.outbox.hint')} />
      <Space wrap style={{ margin: '12px 0' }}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          aria-label={t('console.outbox.status')}
          placeholder={t('console.outbox.allStatuses')}
          value={filter.status}
          onChange={(status?: string) => setFilter((f) => ({ ...f, status }))}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`console.outbox.statuses.${s}`) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          aria-label={t('console.outbox.channel')}
          placeholder={t('console.outbox.allChannels')}
          value={filter.channel}
          onChange={(channel?: string) => setFilter((f) => ({ ...f, channel }))}
          options={OUTBOX_CHANNELS.map((c) => ({ value: c, label: t(`console.outbox.channels.${c}`) }))}
        />
      </Space>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<OutboxMessage>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('console.outbox.empty') }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('console.outbox.createdAt'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: t('console.outbox.channel'),
            dataIndex: 'channel',
            width: 90,
            render: (v: string) => <Tag>{t(`console.outbox.channels.${v}`, { defaultValue: v })}</Tag>,
          },
          { title: t('console.outbox.recipient'), dataIndex: 'recipient', width: 140 },
          {
            title: t('console.outbox.template'),
            dataIndex: 'template',
            width: 160,
            render: (v: string, m) => (
              <span title={v}>
                {templateLabel(v, i18n.language)}
                {m.urgent && <Tag style={{ marginInlineStart: 6 }}>{t('console.outbox.urgent')}</Tag>}
              </span>
            ),
          },
          {
            title: t('console.outbox.payload'),
            dataIndex: 'payload',
            render: (v: unknown) => <div style={{ whiteSpace: 'pre-line' }}>{payloadText(v, i18n.language)}</div>,
          },
          {
            // Status, attempts, the last error and the retry in one cell: the table stays as wide as the page.
            title: t('console.outbox.status'),
            dataIndex: 'status',
            width: 220,
            render: (v: string, m) => (
              <div>
                <Tag>{t(`console.outbox.statuses.${v}`, { defaultValue: v })}</Tag>
                {(v === 'held' || v === 'queued') && m.nextAttemptAt && (
                  <div>{t('console.outbox.nextAt', { at: formatDateTime(m.nextAttemptAt, i18n.language) })}</div>
                )}
                {m.attempts > 0 && <div>{t('console.outbox.attemptsN', { n: m.attempts })}</div>}
                {m.lastError && (
                  <div>
                    {t('console.outbox.lastErrorLine', {
                      reason: t(`console.outbox.reasons.${m.lastError}`, { defaultValue: m.lastError }),
                    })}
                  </div>
                )}
                {canRetry && v === 'failed' && (
                  <Button
                    size="small"
                    style={{ marginTop: 4 }}
                    loading={retry.isPending && retry.variables === m.id}
                    onClick={() =>
                      retry.mutate(m.id, {
                        onSuccess: () => void message.success(t('console.outbox.retried')),
                        onError: (e) => void message.error(errorText(e, t)),
                      })
                    }
                  >
                    {t('console.outbox.retry')}
                  </Button>
                )}
              </div>
            ),
          },
        ]}
      />
    </ConsolePage>
  );
}
