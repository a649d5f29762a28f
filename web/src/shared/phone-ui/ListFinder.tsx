// A long list on the phone: a search box above it and a "more" button below, so a page shows 20 rows at a time
// (a classroom of 111 children, a team of 93 members) and a name is found by typing it.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The rows `match` finds for the typed text, `step` at a time; `more` shows the next `step`. */
export function useListFinder<T>(items: readonly T[], match: (item: T, text: string) => boolean, step = 20) {
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(step);
  const q = text.trim();
  const found = q ? items.filter((i) => match(i, q)) : items;
  return {
    text,
    setText: (v: string) => {
      setText(v);
      setLimit(step);
    },
    shown: found.slice(0, limit),
    total: found.length,
    more: () => setLimit(limit + step),
  };
}

/** The search box of a list (large text, a clear label) and, below `children`, the "more" button or "nothing found". */
export function ListFinder({
  label,
  finder,
  children,
}: {
  label: string;
  finder: { text: string; setText: (v: string) => void; shown: readonly unknown[]; total: number; more: () => void };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div role="search" aria-label={label} style={{ marginBottom: '0.6em' }}>
        <label className="ph-field__label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="ph-input"
          type="search"
          enterKeyHint="search"
          maxLength={30}
          value={finder.text}
          onChange={(e) => finder.setText(e.target.value)}
        />
      </div>
      {finder.total === 0 && finder.text.trim() ? <p>{t('common.noMatch')}</p> : children}
      {finder.shown.length < finder.total && (
        <button type="button" className="ph-btn ph-btn--secondary ph-btn--block ph-more" onClick={finder.more}>
          {t('common.loadMore', { shown: finder.shown.length, total: finder.total })}
        </button>
      )}
    </>
  );
}
