// 摸查待办: the households the survey has not reached this round (special groups first; a grid leader sees their own
// grid), and what the visits found, each made a need with one click (through the needs intake, channel survey).
import { useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCurrentUser } from '../../../shared/session/useSession.ts';
import { addDays, todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { SURVEY_ROUND_DAYS } from '../../../../../domain/needs/survey.ts';
import { useGrids } from '../api.ts';
import {
  useFindingToNeed,
  useSurveyFindings,
  useSurveyTodo,
  type SurveyFindingView,
  type SurveyTodoItem,
} from '../survey-api.ts';
import { useNeedText } from './useNeedText.ts';

const PAGE_SIZE = 20;

export default function SurveyTodoPage() {
  const { t } = useTranslation();
  const text = useNeedText();
  const me = useCurrentUser();
  const grids = useGrids();
  const [gridId, setGridId] = useState<string | undefined>(undefined);
  const [since, setSince] = useState(addDays(todayInShanghai(), -SURVEY_ROUND_DAYS));
  const [page, setPage] = useState(1);
  const [findingsPage, setFindingsPage] = useState(1);
  const todo = useSurveyTodo({ gridId, since, page, pageSize: PAGE_SIZE });
  const findings = useSurveyFindings({ gridId, since, page: findingsPage, pageSize: PAGE_SIZE });
  const toNeed = useFindingToNeed();
  const [busy, setBusy] = useState<string | null>(null);

  const take = async (f: SurveyFindingView) => {
    setBusy(`${f.visitId}|${f.category}`);
    try {
      const r = await toNeed.mutateAsync({ visitId: f.visitId, category: f.category });
      void message.success(r.created ? t('surveyTodo.taken') : t('surveyTodo.alreadyTaken'));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ConsolePage
      title={t('surveyTodo.title')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('surveyTodo.progress'), to: '/console/survey' },
        { title: t('surveyTodo.title') },
      ]}
    >
      <p>{t('surveyTodo.lead')}</p>
      <Space wrap align="center">
        {!me.gridId && (
          <>
            <label htmlFor="survey-todo-grid">{t('surveyTodo.grid')}</label>
            <Select
              id="survey-todo-grid"
              style={{ minWidth: 180 }}
              allowClear
              placeholder={t('surveyTodo.allGrids')}
              value={gridId}
              onChange={(v: string | undefined) => {
                setGridId(v);
                setPage(1);
                setFindingsPage(1);
              }}
              options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            />
          </>
        )}
        <label htmlFor="survey-todo-since">{t('surveyTodo.since')}</label>
        <DatePicker
          id="survey-todo-since"
          allowClear={false}
          value={dayjs(since)}
          onChange={(d) => {
            if (!d) return;
            setSince(d.format('YYYY-MM-DD'));
            setPage(1);
            setFindingsPage(1);
          }}
        />
        <ExportButton path="/api/survey/todo/export" query={{ gridId, since }} fileName="survey-todo.xlsx" />
      </Space>

      <Card title={t('surveyTodo.todo')} style={{ marginTop: 16 }}>
        {todo.isError && <LoadError error={todo.error} onRetry={() => void todo.refetch()} />}
        <Table<SurveyTodoItem>
          rowKey="householdId"
          size="small"
          loading={todo.isPending}
          dataSource={todo.data?.items ?? []}
          locale={{ emptyText: t('surveyTodo.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: todo.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (n) => t('surveyTodo.total', { count: n }),
          }}
          columns={[
            {
              title: t('surveyTodo.priority'),
              key: 'priority',
              width: 110,
              render: (_, h) => (h.priority ? <Tag color="warning">{t('surveyTodo.priorityTag')}</Tag> : null),
            },
            { title: t('surveyTodo.address'), dataIndex: 'address' },
            ...(me.gridId ? [] : [{ title: t('surveyTodo.grid'), dataIndex: 'gridName' }]),
            { title: t('surveyTodo.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
            { title: t('surveyTodo.members'), dataIndex: 'memberCount', width: 80 },
            {
              title: t('surveyTodo.lastVisit'),
              dataIndex: 'lastVisitedOn',
              render: (v: string | null) => v ?? t('surveyTodo.never'),
            },
          ]}
        />
      </Card>

      <Card title={t('surveyTodo.findings')} style={{ marginTop: 16 }}>
        {findings.isError && <LoadError error={findings.error} onRetry={() => void findings.refetch()} />}
        <Table<SurveyFindingView>
          rowKey={(f) => `${f.visitId}|${f.category}`}
          size="small"
          loading={findings.isPending}
          dataSource={findings.data?.items ?? []}
          locale={{ emptyText: t('surveyTodo.findingsEmpty') }}
          pagination={{
            current: findingsPage,
            pageSize: PAGE_SIZE,
            total: findings.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setFindingsPage,
          }}
          columns={[
            { title: t('surveyTodo.visitedOn'), dataIndex: 'visitedOn', width: 120 },
            { title: t('surveyTodo.address'), dataIndex: 'address' },
            { title: t('surveyTodo.category'), dataIndex: 'category', render: text.category },
            { title: t('surveyTodo.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('surveyTodo.visitor'), dataIndex: 'visitorName' },
            {
              title: t('console.actions'),
              key: 'need',
              render: (_, f) =>
                f.needId ? (
                  <Link to={`/console/needs/${f.needId}`}>{t('surveyTodo.viewNeed')}</Link>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    loading={busy === `${f.visitId}|${f.category}`}
                    disabled={!!busy}
                    onClick={() => void take(f)}
                  >
                    {t('surveyTodo.toNeed')}
                    <span className="sr-only"> {f.address}</span>
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
