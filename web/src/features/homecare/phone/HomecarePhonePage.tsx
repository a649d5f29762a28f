// /m/homecare: a volunteer's home care on the phone — the delivery runs they deliver in (to the list with big
// 送达 / 不在家 buttons), their home visits and hospital shifts, and open ones to take. Taking is one tap; if
// another volunteer was quicker, the server says so and nothing changes.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime } from '../../../shared/format.ts';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import {
  useDoneShift,
  useDoneTask,
  useMyRuns,
  useMyShifts,
  useMyTasks,
  useTakeShift,
  useTakeTask,
  type ShiftView,
  type TaskView,
} from '../api.ts';

const MINUTES = [30, 45, 60, 90, 120, 180];

function Ok({ text }: { text: string | null }) {
  return text ? (
    <div className="ph-alert ph-alert--ok" role="status">
      <span className="ph-alert__icon" aria-hidden="true">
        ✓
      </span>
      <div className="ph-alert__body">
        <p>{text}</p>
      </div>
    </div>
  ) : null;
}

function DoneForm({ task, onDone, onCancel }: { task: TaskView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(60);
  const [note, setNote] = useState('');
  const save = useDoneTask(task.id);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ minutes, note: note.trim() || undefined }, { onSuccess: onDone });
      }}
      aria-label={`${t('homecare.phone.done')} ${task.residentName}`}
    >
      <div className="ph-field">
        <span className="ph-field__label" id={id}>
          {t('homecare.phone.doneTitle')}
        </span>
        <div className="ph-row" role="radiogroup" aria-labelledby={id}>
          {MINUTES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={m === minutes}
              className="ph-chip"
              onClick={() => setMinutes(m)}
            >
              {t('homecare.phone.minutesShort', { count: m })}
            </button>
          ))}
        </div>
      </div>
      <TextField
        label={t('homecare.phone.note')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
      />
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="ph-actions">
        <button type="submit" className="ph-btn ph-btn--block" disabled={save.isPending}>
          {save.isPending ? t('homecare.phone.saving') : t('homecare.phone.save')}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={onCancel}>
          {t('homecare.phone.cancel')}
        </button>
      </div>
    </form>
  );
}

function TaskItem({ task, mine }: { task: TaskView; mine: boolean }) {
  const { t } = useTranslation();
  const [finishing, setFinishing] = useState(false);
  const [ok, setOk] = useState<string | null>(null);
  const take = useTakeTask(task.id);
  const title = `${t(`homecare.phone.kind.${task.kind}`)} · ${task.residentName}`;
  return (
    <li className="ph-entry">
      <strong>{title}</strong>
      <br />
      {task.dueOn}
      {task.dueTime ? ` ${task.dueTime}` : ''} · {task.address}
      {task.repeatDays ? <> · {t('homecare.phone.repeat', { n: task.repeatDays })}</> : null}
      {task.note ? (
        <>
          <br />
          {task.note}
        </>
      ) : null}
      <Ok text={ok} />
      {take.isError && <ErrorNotice error={take.error} />}
      {!mine && (
        <button
          type="button"
          className="ph-btn ph-btn--block"
          disabled={take.isPending}
          onClick={() => take.mutate(undefined, { onSuccess: () => setOk(t('homecare.phone.taken')) })}
        >
          {t('homecare.phone.take')}
          <span className="ph-sr-only"> {title}</span>
        </button>
      )}
      {mine && task.status === 'done' && (
        <p>
          <strong>{t('homecare.phone.finished')}</strong>
        </p>
      )}
      {/* Done early is fine too (the server dates the hours today): a volunteer may go before the due day. */}
      {mine &&
        task.status === 'assigned' &&
        (finishing ? (
          <DoneForm
            task={task}
            onDone={() => {
              setFinishing(false);
              setOk(t('homecare.phone.doneOk'));
            }}
            onCancel={() => setFinishing(false)}
          />
        ) : (
          <button
            type="button"
            className="ph-btn ph-btn--block"
            onClick={() => {
              setOk(null);
              setFinishing(true);
            }}
          >
            {t('homecare.phone.done')}
            <span className="ph-sr-only"> {title}</span>
          </button>
        ))}
    </li>
  );
}

function ShiftItem({ shift, mine }: { shift: ShiftView; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatShortDateTime(iso, i18n.language);
  const [ok, setOk] = useState<string | null>(null);
  const take = useTakeShift(shift.id);
  const done = useDoneShift(shift.id);
  const act = mine ? done : take;
  const run = () =>
    act.mutate(undefined, { onSuccess: () => setOk(mine ? t('homecare.phone.doneOk') : t('homecare.phone.taken')) });
  const label = `${when(shift.startsAt)}–${when(shift.endsAt)}`;
  const started = new Date(shift.startsAt).getTime() <= Date.now();
  return (
    <li className="ph-entry">
      <strong>{label}</strong>
      <br />
      {t('homecare.phone.shiftLine', { hospital: shift.hospital, ward: shift.ward ?? '', name: shift.residentName })}
      <Ok text={ok} />
      {act.isError && <ErrorNotice error={act.error} />}
      {!mine && (
        <button type="button" className="ph-btn ph-btn--block" disabled={act.isPending} onClick={run}>
          {t('homecare.phone.takeShift')}
          <span className="ph-sr-only"> {label}</span>
        </button>
      )}
      {mine && shift.status === 'done' && (
        <p>
          <strong>{t('homecare.phone.finished')}</strong>
        </p>
      )}
      {mine && shift.status === 'assigned' && started && (
        <button type="button" className="ph-btn ph-btn--block" disabled={act.isPending} onClick={run}>
          {t('homecare.phone.shiftDone')}
          <span className="ph-sr-only"> {label}</span>
        </button>
      )}
    </li>
  );
}

function Runs() {
  const { t } = useTranslation();
  const q = useMyRuns();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.length) return <EmptyState>{t('homecare.phone.noRuns')}</EmptyState>;
  return (
    <>
      {q.data.map((r) => (
        <Card key={r.id} title={r.title}>
          <p>{t('homecare.phone.runLine', { date: r.runDate, items: r.items })}</p>
          <p>{t('homecare.phone.myBuildings', { buildings: r.buildings.join('、') })}</p>
          <p>
            <strong>
              {t('homecare.phone.runProgress', {
                done: r.figures.delivered + r.figures.declined,
                total: r.figures.total,
              })}
            </strong>
          </p>
          <Link className="ph-btn ph-btn--block" to={`/m/homecare/runs/${r.id}`}>
            {t('homecare.phone.openList')}
            <span className="ph-sr-only"> {r.title}</span>
          </Link>
        </Card>
      ))}
    </>
  );
}

export default function HomecarePhonePage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const shifts = useMyShifts();
  const back = { to: '/m', label: t('common.back') };
  const notVolunteer = [tasks.error, shifts.error].some(
    (e) => isApiError(e) && (e.code === 'not_found' || e.code === 'volunteer_not_approved'),
  );
  if (notVolunteer)
    return (
      <>
        <PageTitle title={t('homecare.phone.title')} back={back} />
        <EmptyState>{t('homecare.phone.notVolunteer')}</EmptyState>
      </>
    );
  return (
    <>
      <PageTitle title={t('homecare.phone.title')} back={back} />
      <p className="ph-lead">{t('homecare.phone.lead')}</p>
      <h2 style={{ fontSize: '1.2em' }}>{t('homecare.phone.runs')}</h2>
      <Runs />
      <h2 style={{ fontSize: '1.2em' }}>{t('homecare.phone.tasks')}</h2>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <Card title={t('homecare.phone.myTasks')}>
            {tasks.data.mine.length === 0 ? (
              <p>{t('homecare.phone.noMyTasks')}</p>
            ) : (
              <ul className="ph-list" aria-label={t('homecare.phone.myTasks')}>
                {tasks.data.mine.map((x) => (
                  <TaskItem key={x.id} task={x} mine />
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('homecare.phone.openTasks')}>
            {tasks.data.open.length === 0 ? (
              <p>{t('homecare.phone.noOpenTasks')}</p>
            ) : (
              <ul className="ph-list" aria-label={t('homecare.phone.openTasks')}>
                {tasks.data.open.map((x) => (
                  <TaskItem key={x.id} task={x} mine={false} />
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
      <h2 style={{ fontSize: '1.2em' }}>{t('homecare.phone.shifts')}</h2>
      {shifts.isPending ? (
        <Loading />
      ) : shifts.isError ? (
        <ErrorNotice error={shifts.error} onRetry={() => void shifts.refetch()} />
      ) : (
        <>
          <Card title={t('homecare.phone.myShifts')}>
            {shifts.data.mine.length === 0 ? (
              <p>{t('homecare.phone.noMyShifts')}</p>
            ) : (
              <ul className="ph-list" aria-label={t('homecare.phone.myShifts')}>
                {shifts.data.mine.map((x) => (
                  <ShiftItem key={x.id} shift={x} mine />
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('homecare.phone.openShifts')}>
            {shifts.data.open.length === 0 ? (
              <p>{t('homecare.phone.noOpenShifts')}</p>
            ) : (
              <ul className="ph-list" aria-label={t('homecare.phone.openShifts')}>
                {shifts.data.open.map((x) => (
                  <ShiftItem key={x.id} shift={x} mine={false} />
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </>
  );
}
