// Raising an objection from the phone: "this entry is wrong" under an entry, or "a service is missing" with
// its date. The answer comes by SMS and shows under 我的异议. Plain words, large targets.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ErrorNotice, TextField } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { useDispute, useMyDisputes } from '../api.ts';

export function DisputeForm({
  entryId,
  onDone,
  onCancel,
}: {
  entryId?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const send = useDispute();
  const fieldError = (f: string) =>
    isApiError(send.error) ? (send.error.fields.find((x) => x.field === f)?.message ?? null) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate(entryId ? { entryId, reason } : { serviceDate: date, reason }, { onSuccess: onDone });
      }}
      aria-label={entryId ? t('hoursPhone.disputeEntry') : t('hoursPhone.disputeMissing')}
    >
      {!entryId && (
        <TextField
          label={t('hoursPhone.missingDate')}
          type="date"
          value={date}
          max={todayInShanghai()}
          required
          onChange={(e) => setDate(e.target.value)}
          error={fieldError('serviceDate')}
        />
      )}
      <TextField
        label={t('hoursPhone.disputeReason')}
        hint={t('hoursPhone.disputeHint')}
        value={reason}
        maxLength={200}
        required
        onChange={(e) => setReason(e.target.value)}
        error={fieldError('reason')}
      />
      {send.isError && <ErrorNotice error={send.error} />}
      <div className="ph-actions">
        <button type="submit" className="ph-btn ph-btn--block" disabled={send.isPending}>
          {t('hoursPhone.disputeSend')}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={onCancel}>
          {t('hoursPhone.cancel')}
        </button>
      </div>
    </form>
  );
}

export function MyDisputes() {
  const { t } = useTranslation();
  const q = useMyDisputes();
  if (!q.data?.length) return null;
  return (
    <Card title={t('hoursPhone.myDisputes')}>
      <ul className="ph-list" aria-label={t('hoursPhone.myDisputes')}>
        {q.data.map((d) => (
          <li key={d.id} className="ph-entry">
            <strong>{d.serviceDate}</strong> · {d.entryDescription ?? t('hoursPhone.missingService')}
            <br />
            {t('hoursPhone.youSaid', { reason: d.reason })}
            <br />
            {d.status === 'resolved'
              ? t('hoursPhone.answer', { answer: d.resolution ?? '' })
              : t('hoursPhone.waitingAnswer')}
          </li>
        ))}
      </ul>
    </Card>
  );
}
