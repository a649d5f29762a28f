// /m/classroom: today's 4:30 classroom for the tutor on duty (or staff). One big row per child with 签到 and
// 签退; check-out asks to whom the child is handed and that adult's own pickup code or registered phone, and a
// wrong one is refused without naming anyone. Alerts for children expected but not arrived can be cleared with
// what the family said; a short form logs what the tutor helped with.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Card,
  Details,
  EmptyState,
  ErrorNotice,
  Loading,
  PageTitle,
  TextField,
} from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { ListFinder, useListFinder } from '../../../shared/phone-ui/ListFinder.tsx';
import { classroomApi, clockOf, useToday, type BoardChild } from '../api.ts';
import RotaSwap from './RotaSwap.tsx';

// Stored as the community writes them (the console's log list shows them as they are); labelled in the UI language.
const SUBJECTS = [
  ['数学', 'math'],
  ['语文', 'chinese'],
  ['英语', 'english'],
  ['阅读', 'reading'],
  ['书法', 'calligraphy'],
  ['绘画', 'drawing'],
  ['音乐', 'music'],
  ['其他', 'other'],
] as const;
// Radio rows as big as buttons: elders and busy tutors tap them with a thumb.
const FIELDSET = { border: 'none', padding: 0, margin: '0 0 1em' } as const;
const CHOICE = { display: 'flex', alignItems: 'center', gap: '0.5em', minHeight: 48, fontSize: '1.05em' } as const;

function CheckOutForm({
  sessionId,
  child,
  onDone,
  onCancel,
}: {
  sessionId: string;
  child: BoardChild;
  onDone: (msg: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // No one is preselected: the tutor picks the person in front of them, whose own code or phone must then match.
  const [adultId, setAdultId] = useState('');
  const [method, setMethod] = useState<'code' | 'phone'>('code');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body =
        method === 'code'
          ? ({ childId: child.id, adultId: adultId || undefined, method, code: value.trim() } as const)
          : ({ childId: child.id, adultId: adultId || undefined, method, phone: value.trim() } as const);
      const r = await classroomApi.checkOut(sessionId, body);
      onDone(
        t('classroom.phone.handedOver', { name: child.name, adult: r.collectedBy, time: clockOf(r.checkedOutAt) }),
      );
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('classroom.phone.checkOutOf', { name: child.name })}>
      <fieldset style={FIELDSET}>
        <legend>{t('classroom.phone.whichAdult')}</legend>
        {child.adults.map((a) => (
          <label key={a.id} style={CHOICE}>
            <input
              type="radio"
              name={`adult-${child.id}`}
              value={a.id}
              checked={adultId === a.id}
              onChange={() => setAdultId(a.id)}
            />{' '}
            {a.relation} {a.name}
            {a.phone ? `（${a.phone}）` : ''}
          </label>
        ))}
      </fieldset>
      <fieldset style={FIELDSET}>
        <legend>{t('classroom.phone.proof')}</legend>
        <label style={CHOICE}>
          <input
            type="radio"
            name={`method-${child.id}`}
            checked={method === 'code'}
            onChange={() => setMethod('code')}
          />{' '}
          {t('classroom.phone.byCode')}
        </label>
        <label style={CHOICE}>
          <input
            type="radio"
            name={`method-${child.id}`}
            checked={method === 'phone'}
            onChange={() => setMethod('phone')}
          />{' '}
          {t('classroom.phone.byPhone')}
        </label>
      </fieldset>
      <TextField
        label={method === 'code' ? t('classroom.phone.code') : t('classroom.phone.phone')}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {error && (
        <p role="alert" className="ph-alert ph-alert--error">
          {error}
        </p>
      )}
      <div className="ph-actions">
        <button type="submit" className="ph-btn" disabled={busy || !adultId || !value.trim()}>
          {t('classroom.phone.confirmOut')}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// The swap section stays mounted in one place whatever today's part shows: taking today's day puts me on today's
// rota, which swaps the part above for the duty view, and the section's 接班成功 notice must not vanish with it.
export default function ClassroomPhonePage() {
  return (
    <>
      <ClassroomToday />
      <RotaSwap />
    </>
  );
}

function ClassroomToday() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useToday();
  const [outFor, setOutFor] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [log, setLog] = useState<{ subject: string; childId: string; content: string }>({
    subject: SUBJECTS[0][0],
    childId: '',
    content: '',
  });
  // 111 children on a busy day: found by name (or grade), 20 at a time.
  const finder = useListFinder<BoardChild>(
    (q.data?.session && q.data.children) || [],
    (c, text) => c.name.includes(text) || c.grade.includes(text),
  );
  const back = { to: '/m', label: t('common.back') };
  const refresh = () => qc.invalidateQueries({ queryKey: ['classroom', 'today'] });
  const act = async (key: string, fn: () => Promise<string>) => {
    setBusy(key);
    setError(null);
    setStatus(null);
    try {
      setStatus(await fn());
      await refresh();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  };

  if (q.isPending)
    return (
      <>
        <PageTitle title={t('classroom.phone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        <PageTitle title={t('classroom.phone.title')} back={back} />
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  const b = q.data;
  if (!b.session)
    return (
      <>
        <PageTitle title={t('classroom.phone.title')} back={back} />
        <EmptyState>{t(b.notOnRota ? 'classroom.phone.notOnRota' : 'classroom.phone.noSession')}</EmptyState>
      </>
    );
  const s = b.session;
  const children = b.children ?? [];
  const open = (b.alerts ?? []).filter((a) => !a.clearedAt);
  const count = (st: BoardChild['state']) => children.filter((c) => c.state === st).length;

  return (
    <>
      <PageTitle title={t('classroom.phone.title')} back={back} />
      <Card>
        <Details
          items={[
            { term: t('classroom.phone.date'), value: `${s.date} ${s.starts}–${s.ends}` },
            { term: t('classroom.phone.place'), value: s.place },
            { term: t('classroom.phone.tutors'), value: s.rota.map((r) => r.name).join('、') || '—' },
            {
              term: t('classroom.phone.counts'),
              value: t('classroom.phone.countsValue', {
                expected: count('expected'),
                inside: count('in'),
                out: count('out'),
                absent: count('absent'),
              }),
            },
          ]}
        />
      </Card>
      {status && (
        <p role="status" className="ph-alert ph-alert--ok">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="ph-alert ph-alert--error">
          {error}
        </p>
      )}

      {open.length > 0 && (
        <Card title={t('classroom.phone.alerts')}>
          <ul className="ph-list">
            {open.map((a) => (
              <li key={a.id} className="ph-entry">
                <strong>{t('classroom.phone.notArrived', { name: a.childName, time: clockOf(a.raisedAt) })}</strong>
                <TextField
                  label={t('classroom.phone.clearNote')}
                  hint={t('classroom.phone.clearHint')}
                  value={notes[a.id] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })}
                />
                <div className="ph-actions">
                  <button
                    type="button"
                    className="ph-btn"
                    disabled={busy === a.id}
                    onClick={() =>
                      void act(a.id, async () => {
                        await classroomApi.clearAlert(a.id, notes[a.id] ?? '');
                        return t('classroom.phone.cleared');
                      })
                    }
                  >
                    {t('classroom.phone.clear')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="ph-actions">
        <button
          type="button"
          className="ph-btn ph-btn--secondary"
          disabled={busy === 'arrivals'}
          onClick={() =>
            void act('arrivals', async () =>
              t('classroom.phone.arrivalsDone', { n: (await classroomApi.arrivals(s.id)).raised }),
            )
          }
        >
          {t('classroom.phone.checkArrivals')}
        </button>
      </div>

      <h2 style={{ fontSize: '1.1em' }}>{t('classroom.phone.children')}</h2>
      {children.length === 0 ? (
        <EmptyState>{t('classroom.phone.noChildren')}</EmptyState>
      ) : (
        <ListFinder label={t('common.findInList')} finder={finder}>
          <ul className="ph-list" aria-label={t('classroom.phone.children')}>
            {finder.shown.map((c) => (
              <li key={c.id} className="ph-entry">
                <strong style={{ fontSize: '1.15em' }}>{c.name}</strong> · {c.grade} ·{' '}
                {t(`classroom.phone.state.${c.state}`)}
                {c.state === 'in' && (
                  <>
                    <br />
                    {t('classroom.phone.inAt', { time: clockOf(c.checkedInAt), by: c.checkedInBy ?? '' })}
                  </>
                )}
                {c.state === 'out' && (
                  <>
                    <br />
                    {t('classroom.phone.outAt', { time: clockOf(c.checkedOutAt), adult: c.collectedBy ?? '' })}
                  </>
                )}
                {c.state === 'absent' && c.absentNote && (
                  <>
                    <br />
                    {c.absentNote}
                  </>
                )}
                <div className="ph-actions">
                  {(c.state === 'expected' || c.state === 'absent' || c.state === 'off') && (
                    <button
                      type="button"
                      className="ph-btn"
                      disabled={busy === c.id}
                      aria-label={t('classroom.phone.checkInOf', { name: c.name })}
                      onClick={() =>
                        void act(c.id, async () => {
                          const r = await classroomApi.checkIn(s.id, c.id);
                          return t('classroom.phone.checkedIn', { name: c.name, time: clockOf(r.checkedInAt) });
                        })
                      }
                    >
                      {t('classroom.phone.checkIn')}
                    </button>
                  )}
                  {c.state === 'in' && outFor !== c.id && (
                    <button
                      type="button"
                      className="ph-btn"
                      aria-label={t('classroom.phone.checkOutOf', { name: c.name })}
                      onClick={() => {
                        setOutFor(c.id);
                        setStatus(null);
                        setError(null);
                      }}
                    >
                      {t('classroom.phone.checkOut')}
                    </button>
                  )}
                </div>
                {c.state === 'in' && outFor === c.id && (
                  <CheckOutForm
                    sessionId={s.id}
                    child={c}
                    onCancel={() => setOutFor(null)}
                    onDone={(msg) => {
                      setOutFor(null);
                      setStatus(msg);
                      void refresh();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </ListFinder>
      )}

      <Card title={t('classroom.phone.logTitle')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act('log', async () => {
              await classroomApi.log(s.id, {
                subject: log.subject,
                content: log.content,
                childId: log.childId || null,
              });
              setLog({ ...log, content: '' });
              return t('classroom.phone.logSaved');
            });
          }}
        >
          <label className="ph-field">
            <span className="ph-field__label">{t('classroom.phone.subject')}</span>
            <select
              className="ph-input"
              value={log.subject}
              onChange={(e) => setLog({ ...log, subject: e.target.value })}
            >
              {SUBJECTS.map(([x, k]) => (
                <option key={x} value={x}>
                  {t(`classroom.phone.subjects.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="ph-field">
            <span className="ph-field__label">{t('classroom.phone.logChild')}</span>
            <select
              className="ph-input"
              value={log.childId}
              onChange={(e) => setLog({ ...log, childId: e.target.value })}
            >
              <option value="">{t('classroom.phone.everyone')}</option>
              {children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('classroom.phone.content')}
            value={log.content}
            onChange={(e) => setLog({ ...log, content: e.target.value })}
          />
          <div className="ph-actions">
            <button type="submit" className="ph-btn" disabled={busy === 'log' || !log.content.trim()}>
              {t('classroom.phone.saveLog')}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
