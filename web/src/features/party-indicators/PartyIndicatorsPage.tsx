// 党员指标 (算得清、看得到): party members' verified hours, services, points and posts claimed over a period,
// per member, per branch and per unit, with each unit's report as Excel.
import { useState } from 'react';
import { App, Button, DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { runDownload } from '../../shared/console-ui/download.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { indicatorsApi, useIndicators, type IndicatorRow, type IndicatorView } from './api.ts';

export default function PartyIndicatorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = todayInShanghai();
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const [view, setView] = useState<IndicatorView>('member');
  const q = useIndicators({ from: range[0], to: range[1], view });
  const [from, to] = range;
  const unitName = (r: IndicatorRow) => r.unit || t('partyIndicators.noUnit');
  const cols = [
    ...(view === 'member'
      ? [
          { title: t('partyIndicators.name'), dataIndex: 'name' },
          { title: t('partyIndicators.branchCol'), dataIndex: 'branch' },
          { title: t('partyIndicators.unitCol'), key: 'unit', render: (_: unknown, r: IndicatorRow) => unitName(r) },
        ]
      : view === 'branch'
        ? [
            { title: t('partyIndicators.branchCol'), dataIndex: 'name' },
            { title: t('partyIndicators.members'), dataIndex: 'members' },
          ]
        : [
            { title: t('partyIndicators.unitCol'), key: 'unit', render: (_: unknown, r: IndicatorRow) => unitName(r) },
            { title: t('partyIndicators.members'), dataIndex: 'members' },
          ]),
    { title: t('partyIndicators.hours'), dataIndex: 'hours' },
    { title: t('partyIndicators.services'), dataIndex: 'services' },
    { title: t('partyIndicators.activities'), dataIndex: 'activities' },
    { title: t('partyIndicators.visits'), dataIndex: 'visits' },
    { title: t('partyIndicators.appointments'), dataIndex: 'appointments' },
    { title: t('partyIndicators.posts'), dataIndex: 'postsClaimed' },
    ...(q.data?.pointsKnown ? [{ title: t('partyIndicators.points'), dataIndex: 'points' }] : []),
    ...(view === 'unit'
      ? [
          {
            title: t('console.actions'),
            key: 'x',
            render: (_: unknown, r: IndicatorRow) => (
              <Button
                size="small"
                onClick={() => void runDownload(() => indicatorsApi.export({ from, to, unit: r.key }), message, t)}
              >
                {t('partyIndicators.exportOne')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const total = q.data?.total;
  return (
    <ConsolePage
      title={t('partyIndicators.title')}
      extra={
        <Button onClick={() => void runDownload(() => indicatorsApi.export({ from, to }), message, t)}>
          {t('partyIndicators.export')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('partyIndicators.lead')}</Typography.Paragraph>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label={`${t('partyIndicators.from')} – ${t('partyIndicators.to')}`}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => {
            const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
            if (a && b) setRange([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
          }}
        />
        <Segmented<IndicatorView>
          aria-label={t('partyIndicators.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'member', label: t('partyIndicators.member') },
            { value: 'branch', label: t('partyIndicators.branch') },
            { value: 'unit', label: t('partyIndicators.unit') },
          ]}
        />
      </Space>
      {q.data && !q.data.pointsKnown && (
        <Typography.Paragraph type="secondary">{t('partyIndicators.pointsPending')}</Typography.Paragraph>
      )}
      <QueryTable<IndicatorRow>
        query={{ ...q, data: q.data?.items }}
        rowKey="key"
        columns={cols}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: t('partyIndicators.empty') }}
        summary={() =>
          total ? (
            <tr>
              <td colSpan={view === 'member' ? 3 : 2}>
                <strong>
                  {t('partyIndicators.total')}（{total.members}）
                </strong>
              </td>
              <td>{total.hours}</td>
              <td>{total.services}</td>
              <td>{total.activities}</td>
              <td>{total.visits}</td>
              <td>{total.appointments}</td>
              <td>{total.postsClaimed}</td>
              {q.data?.pointsKnown && <td>{total.points ?? 0}</td>}
              {view === 'unit' && <td />}
            </tr>
          ) : null
        }
      />
    </ConsolePage>
  );
}
