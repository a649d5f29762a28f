// 志愿者 and 待审核: search and filter volunteers; in the approvals view, approve or reject each registration.
import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Statistic, Table } from 'antd';
import { DownloadOutlined, ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { runDownload } from '../../../shared/console-ui/download.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan, useScope } from '../../../shared/session/useSession.ts';
import {
  useAssignSocialWorker,
  useDecide,
  useIndicators,
  useVolunteers,
  volunteersApi,
  type VolunteerListItem,
} from '../api.ts';
import { useSocialWorkers } from '../../../shared/api/social-workers.ts';

const PAGE_SIZE = 50;

export default function VolunteersPage({ approvals = false }: { approvals?: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = approvals ? 'pending' : (params.get('status') ?? '');
  const socialWorkerId = approvals ? '' : (params.get('socialWorkerId') ?? '');
  const page = Number(params.get('page') ?? 1) || 1;
  const [text, setText] = useState(q);
  const list = useVolunteers({
    q: q || undefined,
    status: status || undefined,
    socialWorkerId: socialWorkerId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  // The community's figures are for the office; a team leader or unit coordinator sees only their own list.
  const indicators = useIndicators(useScope('volunteers.read') === 'community');
  const decide = useDecide();
  const canApprove = useCan('volunteers.approve');
  const canExport = useCan('volunteers.export');
  const canWrite = useCan('volunteers.write');
  const canImport = useCan('volunteers.import');
  // 社工带志愿者: the office's staff filter by social worker and give volunteers to one (one or many at once).
  const community = useScope('volunteers.write') === 'community';
  const canReadOrg = useCan('org.read');
  const canAssign = !approvals && community && canReadOrg;
  const workers = useSocialWorkers(!approvals && canReadOrg);
  const assign = useAssignSocialWorker();
  const [selected, setSelected] = useState<string[]>([]);
  const set = (next: Record<string, string>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ q, status: approvals ? '' : status, socialWorkerId, page: '1', ...next }).filter(([, v]) => v),
      ),
    );
  const onAssign = () => {
    let to: string | null = null;
    modal.confirm({
      title: t('org.chart.assignTitle', { count: selected.length }),
      content: (
        <Select
          aria-label={t('org.chart.socialWorker')}
          style={{ width: '100%' }}
          defaultValue=""
          onChange={(v: string) => {
            to = v || null;
          }}
          options={[
            { value: '', label: t('org.chart.unassign') },
            ...(workers.data ?? []).map((w) => ({ value: w.id, label: w.title ? `${w.name}（${w.title}）` : w.name })),
          ]}
        />
      ),
      onOk: () =>
        assign.mutateAsync({ volunteerIds: selected, socialWorkerId: to }).then(
          (r) => {
            void message.success(t('org.chart.assigned', { count: r.assigned }));
            setSelected([]);
          },
          (e) => {
            void message.error(errorText(e, t));
            throw e;
          },
        ),
    });
  };

  const onDecide = (v: VolunteerListItem, approve: boolean) => {
    let note = '';
    modal.confirm({
      title: `${approve ? t('console.volunteers.approve') : t('console.volunteers.reject')}：${v.name}`,
      content: (
        <Input.TextArea
          aria-label={approve ? t('console.volunteers.decisionNote') : t('console.volunteers.rejectNote')}
          placeholder={approve ? t('console.volunteers.decisionNote') : t('console.volunteers.rejectNote')}
          onChange={(e) => {
            note = e.target.value;
          }}
        />
      ),
      okText: approve ? t('console.volunteers.approve') : t('console.volunteers.reject'),
      onOk: () =>
        decide.mutateAsync({ id: v.id, approve, note }).then(
          () => void message.success(approve ? t('console.volunteers.approved') : t('console.volunteers.rejected')),
          (e) => {
            void message.error(errorText(e, t));
            throw e;
          },
        ),
    });
  };

  const title = approvals ? t('console.volunteers.approvals') : t('console.volunteers.title');
  const ind = indicators.data;
  return (
    <ConsolePage
      title={title}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}
      extra={
        !approvals ? (
          <Space wrap>
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void runDownload(
                    () =>
                      volunteersApi.exportList({ q: q || undefined, status: status || undefined }, 'volunteers.xlsx'),
                    message,
                    t,
                  )
                }
              >
                {t('console.volunteers.export')}
              </Button>
            )}
            {canImport && (
              <LinkButton icon={<ImportOutlined />} to="/console/volunteers/import">
                {t('console.volunteerImport.link')}
              </LinkButton>
            )}
            {canWrite && (
              <LinkButton type="primary" icon={<UserAddOutlined />} to="/console/volunteers/new">
                {t('console.volunteers.add')}
              </LinkButton>
            )}
          </Space>
        ) : undefined
      }
    >
      {ind && !approvals && (
        <Card>
          <Space size="large" wrap>
            <Statistic title={t('console.volunteers.totalVolunteers')} value={ind.volunteers} />
            <Statistic title={t('console.volunteers.pending')} value={ind.pending} />
            <Statistic
              title={t('console.volunteers.indicators')}
              value={t('console.volunteers.indicatorsValue', {
                n: ind.householdsWithVolunteer,
                total: ind.households,
                pct: Math.round(ind.share * 1000) / 10,
              })}
            />
            <Statistic
              title={t('console.volunteers.householdsServed')}
              value={t('console.volunteers.indicatorsValue', {
                n: ind.householdsServed,
                total: ind.households,
                pct: Math.round(ind.servedShare * 1000) / 10,
              })}
            />
          </Space>
        </Card>
      )}
      <Card>
        <Space wrap>
          <Input.Search
            aria-label={t('console.volunteers.search')}
            placeholder={t('console.volunteers.search')}
            value={text}
            allowClear
            style={{ width: 320 }}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() })}
          />
          {!approvals && workers.data && (
            <Select
              aria-label={t('org.chart.socialWorker')}
              style={{ width: 180 }}
              value={socialWorkerId}
              onChange={(v) => set({ socialWorkerId: v })}
              options={[
                { value: '', label: t('org.chart.allWorkers') },
                ...workers.data.map((w) => ({ value: w.id, label: w.name })),
              ]}
            />
          )}
          {canAssign && (
            <Button disabled={!selected.length} onClick={onAssign}>
              {t('org.chart.assign')}
              {selected.length ? `（${selected.length}）` : ''}
            </Button>
          )}
          {!approvals && (
            <Select
              aria-label={t('console.volunteers.status')}
              style={{ width: 160 }}
              value={status}
              onChange={(v) => set({ status: v })}
              options={[
                { value: '', label: t('console.volunteers.allStatus') },
                ...(['pending', 'approved', 'rejected'] as const).map((s) => ({
                  value: s,
                  label: t(`volunteer.status.${s}`),
                })),
              ]}
            />
          )}
        </Space>
      </Card>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Card>
        <Table<VolunteerListItem>
          rowKey="id"
          loading={list.isFetching}
          rowSelection={
            canAssign
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (v) => ({ 'aria-label': v.name }),
                }
              : undefined
          }
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: approvals ? t('console.volunteers.emptyPending') : t('console.volunteers.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('console.totalCount', { count: n }),
            onChange: (p) => set({ page: String(p) }),
          }}
          columns={[
            {
              title: t('console.volunteers.name'),
              dataIndex: 'name',
              render: (_, v) => <Link to={`/console/volunteers/${v.id}`}>{v.name}</Link>,
            },
            { title: t('console.volunteers.age'), dataIndex: 'age' },
            { title: t('console.volunteers.phone'), dataIndex: 'phone' },
            { title: t('console.volunteers.idNumber'), dataIndex: 'idNumber' },
            { title: t('console.volunteers.unit'), dataIndex: 'unitName', render: (u) => u ?? '—' },
            ...(workers.data
              ? [
                  {
                    title: t('org.chart.socialWorker'),
                    dataIndex: 'socialWorkerName',
                    render: (n: string | null) => n ?? '—',
                  },
                ]
              : []),
            {
              title: t('console.volunteers.status'),
              dataIndex: 'status',
              render: (s: VolunteerListItem['status']) => t(`volunteer.status.${s}`),
            },
            ...(canApprove
              ? [
                  {
                    title: t('console.actions'),
                    key: 'actions',
                    render: (_: unknown, v: VolunteerListItem) =>
                      v.status === 'pending' ? (
                        <Space>
                          <Button type="primary" size="small" onClick={() => onDecide(v, true)}>
                            {t('console.volunteers.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => onDecide(v, false)}>
                            {t('console.volunteers.reject')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
