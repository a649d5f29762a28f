// A message at the top of a phone page after an action: ✓ done (a status) or ⚠ went wrong (an alert).
export type Notice = { ok: boolean; text: string } | null;

export function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <div aria-live="polite">
      {notice && (
        <div
          className={`ph-alert ${notice.ok ? 'ph-alert--ok' : 'ph-alert--error'}`}
          role={notice.ok ? 'status' : 'alert'}
        >
          <span className="ph-alert__icon" aria-hidden="true">
            {notice.ok ? '✓' : '⚠'}
          </span>
          <div className="ph-alert__body">
            <p>{notice.text}</p>
          </div>
        </div>
      )}
    </div>
  );
}
