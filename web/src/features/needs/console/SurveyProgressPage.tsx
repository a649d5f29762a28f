// 摸查进度: how much of each grid the household survey reached since a date, and what it found, by category.
import { useState } from 'react';
import { Card, DatePicker, Empty, Progress, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../shared/console-ui/QueryState.tsx';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { useSurveyProgress, type SurveyProgress } from '../api.ts';
import { useNeedText } from './useNeedText.ts';
import { addDays, todayInShanghai } from '../../../../../domain/shared/dates.ts';

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

export default function SurveyProgressPage() {
  const { t } = useTranslation();
  const text = useNeedText();
  const [since, setSince] = useState(addDays(todayInShanghai(), -365));
  const q = useSurveyProgress(since);
  return (
    <ConsolePage
      title={t('needs.survey.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('needs.survey.title') }]}
      extra={<LinkButton to="/console/survey/todo">{t('surveyTodo.title')}</LinkButton>}
    >
      <p>{t('needs.survey.lead')}</p>
      <Space align="center">
        <label htmlFor="survey-since">{t('needs.survey.since')}</label>
        <DatePicker
          id="survey-since"
          allowClear={false}
          value={dayjs(since)}
          onChange={(d) => d && setSince(d.format('YYYY-MM-DD'))}
        />
      </Space>
      <QueryState query={q}>
        {(p: SurveyProgress) => (
          <>
            <Card>
              <Statistic
                title={t('needs.survey.share')}
                value={t('needs.survey.overall', { surveyed: p.surveyed, households: p.households, share: p.share })}
              />
              <Progress percent={p.share} aria-label={t('needs.survey.share')} />
            </Card>
            <Card title={t('needs.survey.grid')}>
              <Table
                rowKey="gridId"
                size="small"
                pagination={false}
                dataSource={p.grids}
                columns={[
                  { title: t('needs.survey.grid'), dataIndex: 'gridName' },
                  { title: t('needs.survey.households'), dataIndex: 'households' },
                  { title: t('needs.survey.surveyed'), dataIndex: 'surveyed' },
                  {
                    title: t('needs.survey.share'),
                    key: 'share',
                    width: 260,
                    render: (_: unknown, g) => (
                      <Progress
                        percent={pct(g.surveyed, g.households)}
                        size="small"
                        aria-label={`${g.gridName} ${t('needs.survey.share')}`}
                      />
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('needs.survey.needs')}>
              {p.needs.length === 0 ? (
                <Empty description={t('needs.survey.empty')} />
              ) : (
                <Table
                  rowKey="category"
                  size="small"
                  pagination={false}
                  dataSource={[...p.needs].sort((a, b) => b.households - a.households)}
                  style={{ maxWidth: 640 }}
                  columns={[
                    { title: t('needs.survey.category'), dataIndex: 'category', render: text.category },
                    { title: t('needs.survey.needHouseholds'), dataIndex: 'households' },
                  ]}
                />
              )}
            </Card>
          </>
        )}
      </QueryState>
    </ConsolePage>
  );
}
