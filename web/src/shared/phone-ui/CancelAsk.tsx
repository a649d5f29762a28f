/** Cancel in two taps: a cancel button, then the question with a yes and a no (an elder's stray tap undoes nothing). */
export function CancelAsk({
  asking,
  label,
  question,
  yes,
  no,
  busy,
  onAsk,
  onYes,
  onNo,
}: {
  asking: boolean;
  label: string;
  question: string;
  yes: string;
  no: string;
  busy?: boolean;
  onAsk: () => void;
  onYes: () => void;
  onNo: () => void;
}) {
  if (!asking)
    return (
      <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={onAsk}>
        {label}
      </button>
    );
  return (
    <div role="group" aria-label={label}>
      <p>{question}</p>
      <div className="ph-row">
        <button type="button" className="ph-btn ph-btn--danger" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
