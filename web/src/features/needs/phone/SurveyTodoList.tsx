// The grid leader's to-do list on the phone: the households of their grid the survey has not reached this round,
// those with someone in a special group first, a page at a time. Tapping one chooses it for the visit.
import { useTranslation } from 'react-i18next';
import { useSurveyTodoPages, type SurveyTodoItem } from '../survey-api.ts';
import { HouseholdButtons } from './HouseholdButtons.tsx';

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
  const items = (list.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((h) => !visited.has(h.householdId))
    .map((h) => ({ ...h, id: h.householdId }));
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <HouseholdButtons
      list={list}
      items={items}
      total={total}
      emptyText={t('surveyTodoPhone.empty')}
      countText={t('surveyTodoPhone.count', { count: total })}
      below={(h) =>
        h.lastVisitedOn ? t('surveyTodoPhone.lastVisit', { date: h.lastVisitedOn }) : t('surveyTodoPhone.never')
      }
      aside={(h) =>
        h.priority && (
          <strong
            title={t('surveyTodoPhone.priorityHint')}
            aria-label={t('surveyTodoPhone.priorityHint')}
            style={{ flex: 'none', whiteSpace: 'nowrap', marginLeft: '0.5em' }}
          >
            {t('surveyTodoPhone.priority')}
          </strong>
        )
      }
      onChoose={onChoose}
    />
  );
}
