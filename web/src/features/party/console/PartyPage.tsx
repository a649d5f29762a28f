// 党员: party members by type and grid, their reports to the community, and the posts they claim.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { PARTY_KINDS } from '../../../../../domain/volunteers/party.ts';
import {
  usePartyMembers,
  usePartyPosts,
  usePartyReports,
  usePostMutations,
  type PartyMember,
  type PartyPost,
  type ReportPage,
} from '../api.ts';

const PAGE_SIZE = 50;

/** A table of one page of rows, PAGE_SIZE at a time, with the total below. */
function PagedTable<T extends object>({
  rowKey,
  data,
  loading,
  page,
  onPage,
  emptyText,
  columns,
}: {
  rowKey: keyof T & string;
  data: { items: T[]; total: number } | undefined;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  emptyText: string;
  columns: TableColumnsType<T>;
}) {
  const { t } = useTranslation();
  return (
    <Table<T>
      rowKey={rowKey}
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPage,
        showTotal: (n) => t('console.totalCount', { count: n }),
      }}
      columns={columns}
    />
  );
}

function Members() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = usePartyMembers({ kind: kind || undefined, q: q || undefined, page, pageSize: PAGE_SIZE });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label={t('org.common.searchPlaceholder')}
          placeholder={t('org.common.searchPlaceholder')}
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          aria-label={t('org.party.kind')}
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[
            { value: '', label: `${t('org.party.kind')}：${t('org.common.all')}` },
            ...PARTY_KINDS.map((k) => ({ value: k, label: t(`org.partyKinds.${k}`) })),
          ]}
        />
        <ExportButton
          path="/api/party-members/export"
          query={{ kind: kind || undefined, q: q || undefined }}
          fileName="party-members.xlsx"
        />
      </Space>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <PagedTable<PartyMember>
        rowKey="volunteerId"
        data={list.data}
        loading={list.isFetching}
        page={page}
        onPage={setPage}
        emptyText={t('org.party.emptyMembers')}
        columns={[
          { title: t('org.common.name'), dataIndex: 'name' },
          {
            title: t('org.party.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`org.partyKinds.${k as 'resident'}`),
          },
          {
            title: t('org.party.publicServant'),
            dataIndex: 'isPublicServant',
            render: (b: boolean) => (b ? t('org.party.yes') : t('org.party.no')),
          },
          { title: t('org.party.partyOrg'), dataIndex: 'partyOrg' },
          { title: t('org.party.workUnit'), dataIndex: 'workUnit', render: (v: string | null) => v ?? '—' },
          { title: t('org.party.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? '—' },
          { title: t('org.party.reportCount'), dataIndex: 'reports' },
          { title: t('org.party.lastReported'), dataIndex: 'lastReportedOn', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Space>
  );
}

function Reports() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = usePartyReports({ page, pageSize: PAGE_SIZE });
  type Row = ReportPage['items'][number];
  return (
    <>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <PagedTable<Row>
        rowKey="id"
        data={list.data}
        loading={list.isFetching}
        page={page}
        onPage={setPage}
        emptyText={t('org.party.emptyReports')}
        columns={[
          { title: t('org.party.reportedOn'), dataIndex: 'reportedOn' },
          { title: t('org.common.name'), dataIndex: 'name' },
          { title: t('org.party.unitPartyOrg'), dataIndex: 'unitPartyOrg' },
          {
            title: t('org.party.claimedPosts'),
            dataIndex: 'posts',
            render: (p: Row['posts']) => p.map((x) => x.title).join('、'),
          },
        ]}
      />
    </>
  );
}

function Posts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const posts = usePartyPosts();
  const { create, remove } = usePostMutations();
  const canWrite = useCan('party.write');
  const [form] = Form.useForm();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await create.mutateAsync(
        Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && v !== null)),
      );
      form.resetFields();
      void message.success(t('console.saved'));
    } catch (e) {
      const left = applyApiErrors(form, e, ['title', 'description', 'capacity'], t);
      if (left) void message.error(left);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)} aria-label={t('org.party.addPost')}>
          <Form.Item
            name="title"
            label={t('org.party.postTitle')}
            rules={[{ required: true, message: t('invalid.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="capacity" label={t('org.party.capacity')}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="description" label={t('org.common.description')}>
            <Input maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('org.party.addPost')}
          </Button>
        </Form>
      )}
      {posts.isError && <LoadError error={posts.error} onRetry={() => void posts.refetch()} />}
      <Table<PartyPost>
        rowKey="id"
        loading={posts.isFetching}
        dataSource={posts.data ?? []}
        pagination={false}
        locale={{ emptyText: t('org.party.emptyPosts') }}
        columns={[
          { title: t('org.party.postTitle'), dataIndex: 'title' },
          { title: t('org.common.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
          {
            title: t('org.party.capacity'),
            dataIndex: 'capacity',
            render: (v: number | null) => v ?? t('org.party.unlimited'),
          },
          { title: t('org.party.claimed'), dataIndex: 'claimed' },
          ...(canWrite
            ? [
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, p: PartyPost) => (
                    <Popconfirm
                      title={t('org.common.deleteConfirm')}
                      onConfirm={() => remove.mutateAsync(p.id).catch((e) => void message.error(errorText(e, t)))}
                    >
                      <Button size="small" danger>
                        {t('org.common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

export default function PartyPage() {
  const { t } = useTranslation();
  const title = t('org.party.title');
  return (
    <ConsolePage title={title} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}>
      <p>{t('org.party.lead')}</p>
      <Card>
        <Tabs
          items={[
            { key: 'members', label: t('org.party.members'), children: <Members /> },
            { key: 'reports', label: t('org.party.reports'), children: <Reports /> },
            { key: 'posts', label: t('org.party.posts'), children: <Posts /> },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
