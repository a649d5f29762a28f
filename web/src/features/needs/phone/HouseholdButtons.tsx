// A page-at-a-time list of households as large buttons (address, head, members), with loading, error, empty and
// "load more": what the survey's to-do list and its list of every household both show.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorNotice, Loading } from '../../../shared/phone-ui/parts.tsx';

export interface HouseholdButton {
  id: string;
  address: string;
  headName: string | null;
  memberCount: number;
}

interface PagedList {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function HouseholdButtons<H extends HouseholdButton>({
  list,
  items,
  total,
  emptyText,
  countText,
  below,
  aside,
  onChoose,
}: {
  list: PagedList;
  items: H[];
  total: number;
  emptyText: string;
  countText: string;
  /** A second line under the address (e.g. the last visit). */
  below?: (h: H) => ReactNode;
  /** What stands at the button's end (a priority mark, "done now"). */
  aside?: (h: H) => ReactNode;
  onChoose: (h: H) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState>{emptyText}</EmptyState>}
      {items.length > 0 && (
        <p className="ph-count" role="status">
          {countText}
        </p>
      )}
      <ul aria-label={t('surveyPhone.stepHousehold')} style={{ display: 'grid', gap: '0.5em' }}>
        {items.map((h) => (
          <li key={h.id}>
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
                {below && (
                  <>
                    <br />
                    <small>{below(h)}</small>
                  </>
                )}
              </span>
              {aside?.(h)}
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
