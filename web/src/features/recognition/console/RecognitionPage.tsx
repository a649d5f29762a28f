// 表彰嘉许: star-level public notices, the quarterly ranking with its explanations, nominations and approval,
// publishing the list (public page and poster), and the yearly health-check list.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { useHealthBookingColumns } from './HealthCheckBooking.tsx';
import { runDownload } from '../../../shared/console-ui/download.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan, useCurrentUser } from '../../../shared/session/useSession.ts';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';
import type { NoticeStatus } from '../../../../../domain/recognition/schemas.ts';
import {
  posterUrl,
  publicPageUrl,
  recentQuarters,
  recognitionApi,
  useDecideNomination,
  useHealthCheck,
  useNominate,
  useNominations,
  useNotices,
  usePaperConsent,
  usePublishQuarter,
  useRanking,
  type RankingPage,
  useSaveNoticeDays,
  useScanNotices,
  useWithdrawNotice,
  type HealthCheckRow,
  type NominationView,
  type NoticeView,
  type RankedView,
} from '../api.ts';

function useQuarterLabel() {
  const { t } = useTranslation();
  return (q: string) => t('recognition.quarterLabel', { year: q.slice(0, 4), n: q.slice(5) });
}

function Notices() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canNominate = useCan('recognition.nominate');
  const manage = canNominate && me.role !== 'team_leader';
  const admin = useCan('recognition.approve');
  const [status, setStatus] = useState<NoticeStatus | ''>('open');
  const list = useNotices(status || undefined);
  const [withdrawing, setWithdrawing] = useState<NoticeView | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const scanNotices = useScanNotices();
  const saveNoticeDays = useSaveNoticeDays();
  const withdraw = useWithdrawNotice();
  const scan = async () => {
    try {
      const r = await scanNotices.mutateAsync();
      void message.success(t('recognition.notices.scanned', r));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const saveDays = async () => {
    if (days === null) return;
    try {
      await saveNoticeDays.mutateAsync(days);
      void message.success(t('recognition.notices.daysSaved'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const noticeDays = list.data?.noticeDays ?? 7;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('recognition.notices.lead', { days: noticeDays })}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('recognition.notices.status')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('recognition.notices.open') },
            { value: 'awarded', label: t('recognition.notices.awarded') },
            { value: 'withdrawn', label: t('recognition.notices.withdrawn') },
            { value: 'lapsed', label: t('recognition.notices.lapsed') },
            { value: '', label: t('recognition.notices.all') },
          ]}
        />
        {manage && (
          <Button type="primary" onClick={() => void scan()}>
            {t('recognition.notices.scan')}
          </Button>
        )}
        {admin && (
          <Space.Compact>
            <InputNumber
              aria-label={t('recognition.notices.days')}
              addonBefore={t('recognition.notices.days')}
              min={1}
              max={30}
              value={days ?? noticeDays}
              onChange={(v) => setDays(v)}
              style={{ width: 180 }}
            />
            <Button onClick={() => void saveDays()}>{t('recognition.notices.saveDays')}</Button>
          </Space.Compact>
        )}
      </Space>
      <QueryTable<NoticeView>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('recognition.notices.empty') }}
        columns={[
          { title: t('recognition.notices.name'), dataIndex: 'name' },
          { title: t('recognition.notices.teams'), dataIndex: 'teams', render: (v: string) => v || '—' },
          {
            title: t('recognition.notices.level'),
            dataIndex: 'level',
            render: (n: number) => t('recognition.notices.stars', { n }),
          },
          { title: t('recognition.notices.hours'), dataIndex: 'hours' },
          {
            title: t('recognition.notices.period'),
            key: 'period',
            render: (_: unknown, n) => `${n.opensOn} ~ ${n.endsOn}`,
          },
          {
            title: t('recognition.notices.status'),
            dataIndex: 'status',
            render: (s: NoticeStatus, n) => (
              <span>
                {t(`recognition.notices.${s}`)}
                {n.withdrawReason ? `：${n.withdrawReason}` : ''}
              </span>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, n: NoticeView) =>
                    n.status === 'open' ? (
                      <Button size="small" danger onClick={() => setWithdrawing(n)}>
                        {t('recognition.notices.withdraw')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={!!withdrawing}
        title={t('recognition.notices.withdrawTitle', { name: withdrawing?.name ?? '' })}
        onClose={() => setWithdrawing(null)}
        fields={['reason']}
        successText={t('recognition.notices.withdrawn_ok')}
        onSubmit={async (v) => {
          await withdraw.mutateAsync({ id: withdrawing!.id, reason: v.reason });
        }}
      >
        <Form.Item
          name="reason"
          label={t('recognition.notices.reason')}
          extra={t('recognition.notices.reasonHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Ranking({ quarter }: { quarter: string }) {
  const { t } = useTranslation();
  const [f, setF] = useState<RankingPage>({ page: 1, pageSize: 50 });
  const ranking = useRanking(quarter, f);
  const nominate = useNominate();
  const [nominating, setNominating] = useState<RankedView | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('recognition.ranking.lead')}</Typography.Paragraph>
      {ranking.data && !ranking.data.attendanceKnown && (
        <Typography.Paragraph type="secondary">{t('recognition.ranking.noAttendance')}</Typography.Paragraph>
      )}
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('recognition.ranking.search')}
          aria-label={t('recognition.ranking.search')}
          style={{ width: 240 }}
          onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
        />
        <ExportButton
          path={`/api/recognition/quarters/${quarter}/ranking/export`}
          query={{ q: f.q }}
          fileName={`ranking-${quarter}.xlsx`}
        />
      </Space>
      <QueryTable<RankedView>
        query={{ ...ranking, data: ranking.data?.items }}
        rowKey="volunteerId"
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: ranking.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setF({ ...f, page }),
        }}
        locale={{ emptyText: t('recognition.ranking.empty') }}
        columns={[
          { title: t('recognition.ranking.rank'), dataIndex: 'rank', width: 70 },
          { title: t('recognition.notices.name'), dataIndex: 'name' },
          { title: t('recognition.notices.teams'), dataIndex: 'teams', render: (v: string) => v || '—' },
          { title: t('recognition.ranking.score'), dataIndex: 'score', width: 80 },
          { title: t('recognition.ranking.reached'), dataIndex: 'residentsReached', width: 100 },
          { title: t('recognition.ranking.explanation'), dataIndex: 'explanation' },
          {
            title: t('console.actions'),
            key: 'a',
            render: (_: unknown, c) =>
              c.nomination ? (
                <Tag>{t(`recognition.ranking.status.${c.nomination.status}`)}</Tag>
              ) : (
                <Button size="small" onClick={() => setNominating(c)}>
                  {t('recognition.ranking.nominate')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal
        open={!!nominating}
        title={t('recognition.ranking.nominateTitle', { name: nominating?.name ?? '' })}
        onClose={() => setNominating(null)}
        fields={['reason']}
        successText={t('recognition.ranking.done')}
        onSubmit={async (v) => {
          await nominate.mutateAsync({ quarter, volunteerId: nominating!.volunteerId, reason: v.reason });
        }}
      >
        <p>{nominating?.explanation}</p>
        <Form.Item
          name="reason"
          label={t('recognition.ranking.reason')}
          extra={t('recognition.ranking.reasonHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Nominations({ quarter }: { quarter: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const admin = useCan('recognition.approve');
  const office = me.role !== 'team_leader';
  const list = useNominations(quarter);
  const [rejecting, setRejecting] = useState<NominationView | null>(null);
  const decide = useDecideNomination();
  const publish = usePublishQuarter();
  const paperConsent = usePaperConsent();
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      void message.success(ok);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const published = list.data?.published;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('recognition.nominations.lead')}</Typography.Paragraph>
      <Space wrap>
        {admin && (
          <Button
            type="primary"
            onClick={() =>
              void act(async () => {
                const r = await publish.mutateAsync(quarter);
                void message.info(t('recognition.nominations.publishedOk', r));
              }, t('recognition.nominations.publish'))
            }
          >
            {t('recognition.nominations.publish')}
          </Button>
        )}
        {published && (
          <Typography.Text>
            {t('recognition.nominations.published', { at: published.at.slice(0, 10), by: published.byName })}
          </Typography.Text>
        )}
        {published && (
          <a href={publicPageUrl(me.community.id, quarter)} target="_blank" rel="noreferrer">
            {t('recognition.nominations.publicPage')}
          </a>
        )}
        {published && (
          <a href={posterUrl(me.community.id, quarter)} target="_blank" rel="noreferrer">
            {t('recognition.nominations.poster')}
          </a>
        )}
      </Space>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<NominationView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('recognition.nominations.empty') }}
        columns={[
          { title: t('recognition.notices.name'), dataIndex: 'name' },
          { title: t('recognition.notices.teams'), dataIndex: 'teams', render: (v: string) => v || '—' },
          { title: t('recognition.ranking.score'), dataIndex: 'score', width: 70 },
          { title: t('recognition.ranking.explanation'), dataIndex: 'explanation' },
          { title: t('recognition.nominations.reason'), dataIndex: 'reason' },
          { title: t('recognition.nominations.nominatedBy'), dataIndex: 'nominatedByName' },
          {
            title: t('recognition.notices.status'),
            dataIndex: 'status',
            render: (s: NominationView['status'], n) => (
              <span>
                {t(`recognition.ranking.status.${s}`)}
                {n.decisionNote ? `：${n.decisionNote}` : ''}
              </span>
            ),
          },
          {
            title: t('recognition.nominations.consent'),
            dataIndex: 'consent',
            render: (c: boolean, n) => (
              <Space>
                {c ? t('recognition.nominations.consentYes') : t('recognition.nominations.consentNo')}
                {!c && office && (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(
                        () => paperConsent.mutateAsync({ volunteerId: n.volunteerId, publish: true }),
                        t('recognition.nominations.paperConsentOk'),
                      )
                    }
                  >
                    {t('recognition.nominations.paperConsent')}
                  </Button>
                )}
              </Space>
            ),
          },
          ...(admin
            ? [
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, n: NominationView) =>
                    n.status === 'nominated' ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() =>
                            void act(
                              () => decide.mutateAsync({ id: n.id, approve: true }),
                              t('recognition.nominations.approved'),
                            )
                          }
                        >
                          {t('recognition.nominations.approve')}
                        </Button>
                        <Button size="small" onClick={() => setRejecting(n)}>
                          {t('recognition.nominations.reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={!!rejecting}
        title={t('recognition.nominations.rejectTitle', { name: rejecting?.name ?? '' })}
        onClose={() => setRejecting(null)}
        fields={['note']}
        successText={t('recognition.nominations.rejected')}
        onSubmit={async (v) => {
          await decide.mutateAsync({ id: rejecting!.id, approve: false, note: v.note });
        }}
      >
        <Form.Item name="note" label={t('recognition.nominations.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function HealthCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useHealthCheck(year);
  const booking = useHealthBookingColumns(year);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('recognition.health.lead')}</Typography.Paragraph>
      <Space>
        <Select
          aria-label={t('recognition.health.year')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
        />
        <Button onClick={() => void runDownload(() => recognitionApi.exportHealthCheck(year), message, t)}>
          {t('recognition.health.export')}
        </Button>
        {booking.exportButton}
      </Space>
      <QueryTable<HealthCheckRow>
        query={{ ...list, data: list.data?.items }}
        rowKey="volunteerId"
        pagination={false}
        locale={{ emptyText: t('recognition.health.empty') }}
        columns={[
          { title: t('recognition.notices.name'), dataIndex: 'name' },
          {
            title: t('recognition.health.gender'),
            dataIndex: 'gender',
            render: (g: string) => (g === 'male' ? t('recognition.health.male') : t('recognition.health.female')),
          },
          { title: t('recognition.health.age'), dataIndex: 'age' },
          { title: t('recognition.health.phone'), dataIndex: 'phone' },
          { title: t('recognition.notices.teams'), dataIndex: 'teams', render: (v: string) => v || '—' },
          { title: t('recognition.health.quarters'), dataIndex: 'quarters', render: (q: string[]) => q.join('、') },
          ...booking.columns,
        ]}
      />
      {booking.modals}
    </Space>
  );
}

export default function RecognitionPage() {
  const { t } = useTranslation();
  const label = useQuarterLabel();
  const office = useCurrentUser().role !== 'team_leader';
  const quarters = recentQuarters(todayInShanghai());
  const [quarter, setQuarter] = useState(quarters[0]!);
  const picker = (
    <Select
      aria-label={t('recognition.quarter')}
      value={quarter}
      onChange={setQuarter}
      style={{ width: 180 }}
      options={quarters.map((q) => ({ value: q, label: label(q) }))}
    />
  );
  return (
    <ConsolePage title={t('recognition.title')}>
      <Typography.Paragraph>{t('recognition.lead')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'nominations',
            label: t('recognition.tabs.nominations'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {picker}
                <Nominations quarter={quarter} />
              </Space>
            ),
          },
          {
            key: 'ranking',
            label: t('recognition.tabs.ranking'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {picker}
                <Ranking quarter={quarter} />
              </Space>
            ),
          },
          { key: 'notices', label: t('recognition.tabs.notices'), children: <Notices /> },
          ...(office ? [{ key: 'health', label: t('recognition.tabs.health'), children: <HealthCheck /> }] : []),
        ]}
      />
    </ConsolePage>
  );
}
