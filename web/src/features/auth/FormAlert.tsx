import { useEffect, useRef } from 'react';

/** A problem with the whole form, read out by screen readers and focused so it is not missed. */
export function FormAlert({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="ph-alert ph-alert--error" role="alert" tabIndex={-1}>
      <span className="ph-alert__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="ph-alert__body">{message}</p>
    </div>
  );
}
