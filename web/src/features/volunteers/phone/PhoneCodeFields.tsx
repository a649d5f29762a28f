// A phone number with a "send code" button beside it, and the code's field: how a volunteer registering and a
// guardian confirming prove the phone is theirs.
import { TextField } from '../../../shared/phone-ui/parts.tsx';

export function PhoneCodeFields({
  phone,
  code,
  onPhone,
  onCode,
  phoneError,
  codeError,
  busy,
  sent,
  onSend,
  labels,
}: {
  phone: string;
  code: string;
  onPhone: (v: string) => void;
  onCode: (v: string) => void;
  phoneError?: string | null;
  codeError?: string | null;
  busy: boolean;
  sent: boolean;
  onSend: () => void;
  labels: { phone: string; sendCode: string; sent: string; code: string };
}) {
  return (
    <>
      <TextField
        label={labels.phone}
        inputMode="tel"
        autoComplete="tel"
        required
        value={phone}
        onChange={(e) => onPhone(e.target.value)}
        error={phoneError}
        trailing={
          <button
            type="button"
            className="ph-btn ph-btn--secondary"
            disabled={busy || !/^1\d{10}$/.test(phone)}
            onClick={onSend}
          >
            {labels.sendCode}
          </button>
        }
      />
      {sent && <p role="status">{labels.sent}</p>}
      <TextField
        label={labels.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={6}
        value={code}
        onChange={(e) => onCode(e.target.value)}
        error={codeError}
      />
    </>
  );
}
