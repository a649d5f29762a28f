// Small building blocks of the phone pages.
import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errorText.ts';

export function PageTitle({ title, back }: { title: string; back?: { to: string; label: string } }) {
  return (
    <div className="ph-title">
      {back && (
        <Link className="ph-back" to={back.to}>
          {back.label}
        </Link>
      )}
      <h1>{title}</h1>
    </div>
  );
}

export function Card({
  title,
  children,
  variant,
  actions,
}: {
  title?: string;
  children: ReactNode;
  variant?: 'note';
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section
      className={variant === 'note' ? 'ph-card ph-card--note' : 'ph-card'}
      aria-labelledby={title ? id : undefined}
    >
      {title && (
        <h2 id={id} className="ph-card__title">
          {title}
        </h2>
      )}
      <div className="ph-card__body">{children}</div>
      {actions && <div className="ph-actions">{actions}</div>}
    </section>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="ph-status" role="status">
      <span className="ph-spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ph-alert ph-alert--error" role="alert">
      <span className="ph-alert__icon" aria-hidden="true">
        ⚠
      </span>
      <div className="ph-alert__body">
        <p>{errorText(error, t)}</p>
        {onRetry && (
          <button type="button" className="ph-btn ph-btn--secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="ph-empty">{children}</div>;
}

type InputProps = ComponentPropsWithRef<'input'> & {
  label: string;
  hint?: string;
  error?: string | null;
  trailing?: ReactNode;
};

export function TextField({ label, hint, error, trailing, id: givenId, ...input }: InputProps) {
  const auto = useId();
  const id = givenId ?? auto;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ph-field">
      <label className="ph-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="ph-field__hint" id={hintId}>
          {hint}
        </span>
      )}
      <div className="ph-field__row">
        <input
          id={id}
          className="ph-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
        {trailing}
      </div>
      {error && (
        <span className="ph-field__error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

export function Stats({ items, label }: { items: { label: string; value: ReactNode }[]; label: string }) {
  return (
    <dl className="ph-stats" aria-label={label}>
      {items.map((it) => (
        <div className="ph-stat" key={it.label}>
          <dt>{it.label}</dt>
          <dd>{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Details({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="ph-dl">
      {items.map((it) => (
        <div key={it.term} style={{ display: 'contents' }}>
          <dt>{it.term}</dt>
          <dd>{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LinkList({
  items,
  label,
}: {
  items: { key: string; to: string; title: ReactNode; sub?: ReactNode }[];
  label: string;
}) {
  return (
    <ul className="ph-list" aria-label={label}>
      {items.map((it) => (
        <li key={it.key}>
          <Link className="ph-list__link" to={it.to}>
            <span className="ph-list__main">
              <span className="ph-list__title">{it.title}</span>
              {it.sub && <span className="ph-list__sub">{it.sub}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A padlock drawn inline (emoji fonts are missing on some phones). Decorative: the words carry the meaning. */
export function LockIcon() {
  return (
    <svg className="ph-lock" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d={
          'M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8' +
          'a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z'
        }
      />
    </svg>
  );
}

export function Masked({ children }: { children: ReactNode }) {
  return (
    <span className="ph-masked">
      <LockIcon /> {children}
    </span>
  );
}

export function Tags({ items }: { items: string[] }) {
  return (
    <span className="ph-tags">
      {items.map((t) => (
        <span className="ph-tag" key={t}>
          {t}
        </span>
      ))}
    </span>
  );
}
