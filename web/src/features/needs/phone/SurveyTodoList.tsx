// The grid leader's to-do list on the phone: the households of their grid the survey has not reached this round,
// those with someone in a special group first, a page at a time. Tapping one chooses it for the visit.
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorNotice, Loading } from '../../../shared/phone-ui/parts.tsx';
import { useSurveyTodoPages, type SurveyTodoItem } from '../survey-api.ts';

const PAGE = 20;

export function SurveyTodoList({
  gridId,
  visited,
  onChoose,
}: {
  gridId: string | undefined;
  visited: ReadonlySet<string>;
  onChoose: (h: SurveyTodoItem) => void;
}) {
  const { t } = useTranslation();
  const list = useSurveyTodoPages({ gridId }, PAGE);
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((h) => !visited.has(h.householdId));
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState>{t('surveyTodoPhone.empty')}</EmptyState>}
      {items.length > 0 && (
        <p className="ph-count" role="status">
          {t('surveyTodoPhone.count', { count: total })}
        </p>
      )}
      <ul aria-label={t('surveyPhone.stepHousehold')} style={{ display: 'grid', gap: '0.5em' }}>
        {items.map((h) => (
          <li key={h.householdId}>
            <button
              type="button"
              className="ph-btn ph-btn--secondary ph-btn--block"
              style={{ justifyContent: 'space-between', textAlign: 'left' }}
              onClick={() => onChoose(h)}
            >
              <span>
                {h.address}
                {h.headName ? ` · ${t('surveyPhone.head', { name: h.headName })}` : ''} ·{' '}
                {t('surveyPhone.members', { count: h.memberCount })}
                <br />
                <small>
                  {h.lastVisitedOn
                    ? t('surveyTodoPhone.lastVisit', { date: h.lastVisitedOn })
                    : t('surveyTodoPhone.never')}
                </small>
              </span>
              {h.priority && (
                <strong
                  title={t('surveyTodoPhone.priorityHint')}
                  aria-label={t('surveyTodoPhone.priorityHint')}
                  style={{ flex: 'none', whiteSpace: 'nowrap', marginLeft: '0.5em' }}
                >
                  {t('surveyTodoPhone.priority')}
                </strong>
              )}
            </button>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block ph-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore', { shown: items.length, total })}
        </button>
      )}
    </>
  );
}
