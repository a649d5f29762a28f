// 消息发件箱: development notifications such as sign-in codes, newest first.
import { Alert, Button, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../shared/console-ui/QueryState.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useOutbox, type OutboxMessage } from './api.ts';
import { payloadText } from './payload.ts';
import { templateLabel } from './templates.ts';

export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const q = useOutbox();
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
            render: (v: string) => <span title={v}>{templateLabel(v, i18n.language)}</span>,
          },
          {
            title: t('console.outbox.payload'),
            dataIndex: 'payload',
            render: (v: unknown) => <div style={{ whiteSpace: 'pre-line' }}>{payloadText(v, i18n.language)}</div>,
          },
          {
            title: t('console.outbox.status'),
            dataIndex: 'status',
            width: 130,
            render: (v: string) => t(`console.outbox.statuses.${v}`, { defaultValue: v }),
          },
        ]}
      />
    </ConsolePage>
  );
}
