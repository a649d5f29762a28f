// /m/volunteer/availability: the volunteer picks the times they are usually free (big day × part-of-day
// buttons) and the days they are away. Works in elder mode: every control is a full-size tap target.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, TextField } from '../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../shared/api/errors.ts';
import { useAddBlackout, useMyAvailability, useRemoveBlackout, useSaveSlots, type Slot } from './api.ts';

const PERIODS = [
  { key: 'morning', startMinute: 480, endMinute: 720 },
  { key: 'afternoon', startMinute: 720, endMinute: 1080 },
  { key: 'evening', startMinute: 1080, endMinute: 1320 },
] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const cell = (d: number, p: string) => `${d}:${p}`;

export default function AvailabilityPage() {
  const { t } = useTranslation();
  const q = useMyAvailability();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [others, setOthers] = useState<Slot[]>([]);
  const [saved, setSaved] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    if (!q.data) return;
    const set = new Set<string>();
    const rest: Slot[] = [];
    for (const s of q.data.slots) {
      const p = PERIODS.find((x) => x.startMinute === s.startMinute && x.endMinute === s.endMinute);
      if (p) set.add(cell(s.weekday, p.key));
      else rest.push(s);
    }
    setChosen(set);
    setOthers(rest);
  }, [q.data]);

  const save = useSaveSlots(q.data?.volunteerId);
  const addBlackout = useAddBlackout(q.data?.volunteerId);
  const removeBlackout = useRemoveBlackout(q.data?.volunteerId);
  const saveSlots = () => {
    const slots: Slot[] = [...others];
    for (const d of DAYS)
      for (const p of PERIODS)
        if (chosen.has(cell(d, p.key))) slots.push({ weekday: d, startMinute: p.startMinute, endMinute: p.endMinute });
    save.mutate(slots, { onSuccess: () => setSaved(true) });
  };
  const addAway = () =>
    addBlackout.mutate(
      { fromDate: from, toDate: to || from, reason: reason || null },
      {
        onSuccess: () => {
          setFrom('');
          setTo('');
          setReason('');
        },
      },
    );

  const back = { to: '/m/volunteer', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('availability.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    const notVolunteer = isApiError(q.error) && q.error.code === 'not_found';
    return (
      <>
        <PageTitle title={t('availability.title')} back={back} />
        {notVolunteer ? (
          <EmptyState>{t('availability.notVolunteer')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  const fieldError = (err: unknown, field: string) =>
    isApiError(err) ? (err.fields.find((f) => f.field === field)?.message ?? null) : null;

  return (
    <>
      <PageTitle title={t('availability.title')} back={back} />
      <p className="ph-lead">{t('availability.lead')}</p>
      <Card title={t('availability.weekly')}>
        {DAYS.map((d) => (
          <fieldset key={d} className="ph-avail__day">
            <legend className="ph-avail__legend">{t(`availability.weekdays.d${d}`)}</legend>
            <div className="ph-avail__row">
              {PERIODS.map((p) => {
                const k = cell(d, p.key);
                const on = chosen.has(k);
                return (
                  <button
                    key={p.key}
                    type="button"
                    className={on ? 'ph-btn ph-avail__btn' : 'ph-btn ph-btn--secondary ph-avail__btn'}
                    aria-pressed={on}
                    onClick={() => {
                      setSaved(false);
                      setChosen((s) => {
                        const n = new Set(s);
                        if (on) n.delete(k);
                        else n.add(k);
                        return n;
                      });
                    }}
                  >
                    {on ? '✓ ' : ''}
                    {t(`availability.periods.${p.key}`)}
                  </button>
                );
              })}
            </div>
          </fieldset>
        ))}
        {save.isError && <ErrorNotice error={save.error} />}
        {saved && (
          <div className="ph-alert ph-alert--ok" role="status">
            <span className="ph-alert__body">{t('availability.saved')}</span>
          </div>
        )}
        <div className="ph-actions">
          <button type="button" className="ph-btn ph-btn--block" disabled={save.isPending} onClick={saveSlots}>
            {t('availability.save')}
          </button>
        </div>
      </Card>
      <Card title={t('availability.blackouts')}>
        {q.data.blackouts.length === 0 ? (
          <p>{t('availability.noBlackouts')}</p>
        ) : (
          <ul className="ph-list">
            {q.data.blackouts.map((b) => (
              <li key={b.id} className="ph-row ph-avail__blackout">
                <span>
                  {b.fromDate === b.toDate ? b.fromDate : `${b.fromDate} – ${b.toDate}`}
                  {b.reason ? `（${b.reason}）` : ''}
                </span>
                <button
                  type="button"
                  className="ph-btn ph-btn--danger"
                  disabled={removeBlackout.isPending}
                  onClick={() => removeBlackout.mutate(b.id)}
                  aria-label={t('availability.removeBlackout', { from: b.fromDate, to: b.toDate })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (from) addAway();
          }}
        >
          <TextField
            label={t('availability.from')}
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={fieldError(addBlackout.error, 'fromDate')}
          />
          <TextField
            label={t('availability.to')}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            error={fieldError(addBlackout.error, 'toDate')}
          />
          <TextField
            label={t('availability.reason')}
            maxLength={100}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {addBlackout.isError &&
            !fieldError(addBlackout.error, 'fromDate') &&
            !fieldError(addBlackout.error, 'toDate') && <ErrorNotice error={addBlackout.error} />}
          <div className="ph-actions">
            <button
              type="submit"
              className="ph-btn ph-btn--block ph-btn--secondary"
              disabled={addBlackout.isPending || !from}
            >
              {t('availability.addBlackout')}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
