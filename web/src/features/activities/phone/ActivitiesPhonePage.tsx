// /m/activities: a volunteer sees the activities open for sign-up, signs up for a shift (or the waitlist),
// sees and cancels their own, and gets the calendar address. One column, big buttons, plain words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/session/useSession.ts';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { CancelAsk } from '../../../shared/phone-ui/CancelAsk.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import {
  useCancelMySignup,
  useCompanionChoices,
  useJoinActivity,
  useMyFeed,
  useMySignups,
  useOpenActivities,
  useRenewMyFeed,
  type CompanionRef,
  type OpenActivity,
  type Signup,
} from '../api.ts';
import { shanghaiLocal, shanghaiTime } from '../../../../../domain/shared/dates.ts';
import { useParams, useSearchParams } from 'react-router';
import { MyShiftTools, SwapOffers, SwapsDone } from './SelfService.tsx';
import { useMyState } from './selfservice-api.ts';

function Mine({ list, onNotice }: { list: Signup[]; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const cancelMine = useCancelMySignup();
  const state = useMyState().data;
  const [params] = useSearchParams();
  const [asking, setAsking] = useState<string | null>(null);
  const cancel = async (s: Signup) => {
    try {
      await cancelMine.mutateAsync(s.id);
      onNotice({ ok: true, text: t('actPhone.cancelled') });
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    } finally {
      setAsking(null);
    }
  };
  const live = list.filter((s) => s.status !== 'cancelled');
  return (
    <Card title={t('actPhone.mine')}>
      {live.length === 0 && <p>{t('actPhone.noMine')}</p>}
      <ul className="ph-list" aria-label={t('actPhone.mine')}>
        {live.map((s) => {
          const upcoming = Date.parse(s.shiftStart) > Date.now() && !s.checkedInAt;
          return (
            <li key={s.id} style={{ padding: '0.6em 0' }}>
              <p className="ph-list__title">
                <strong>{s.title}</strong> · {s.shiftName}
              </p>
              <p className="ph-list__sub">
                {t('actPhone.when', {
                  date: s.shiftStart.slice(0, 10) === s.shiftEnd.slice(0, 10) ? shanghaiLocal(s.shiftStart).date : '',
                  start: shanghaiTime(s.shiftStart),
                  end: shanghaiTime(s.shiftEnd),
                })}{' '}
                · {t('actPhone.place', { place: s.place })}
              </p>
              <p>
                <strong>
                  {s.status === 'confirmed'
                    ? `✓ ${t('actPhone.statusConfirmed')}`
                    : `⏳ ${t('actPhone.statusWaitlisted')}`}
                </strong>
              </p>
              {s.checkedInAt && <p>{t('actPhone.checkedIn', { time: shanghaiTime(s.checkedInAt) })}</p>}
              {s.checkedOutAt && <p>{t('actPhone.checkedOut', { minutes: s.minutes ?? 0 })}</p>}
              {upcoming && (
                <CancelAsk
                  asking={asking === s.id}
                  label={t('actPhone.cancel')}
                  question={t('actPhone.cancelAsk', { title: s.title })}
                  yes={t('actPhone.cancelYes')}
                  no={t('actPhone.cancelNo')}
                  onAsk={() => setAsking(s.id)}
                  onYes={() => void cancel(s)}
                  onNo={() => setAsking(null)}
                />
              )}
              <MyShiftTools s={s} state={state} highlight={params.get('answer') === s.id} onNotice={onNotice} />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/**
 * 小小志愿者: a minor signing up picks who comes with them, from their household's adults and the adult volunteers
 * already signed up for the shift (others' names masked). Asked only when the server says an adult is needed.
 */
function CompanionAsk({
  a,
  shiftId,
  busy,
  onPick,
  onClose,
}: {
  a: OpenActivity;
  shiftId: string;
  busy: boolean;
  onPick: (c: CompanionRef) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useCompanionChoices(a.id, shiftId, 'me');
  return (
    <div role="group" aria-label={t('actPhone.junior.ask')} className="ph-card" style={{ marginTop: '0.5em' }}>
      <p>
        <strong>{t('actPhone.junior.ask')}</strong>
      </p>
      <p>{t('actPhone.junior.askHelp')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <p>{t('actPhone.junior.noneToPick')}</p>
      ) : (
        q.data.map((c) => (
          <button
            key={`${c.kind}:${c.id}`}
            type="button"
            className="ph-btn ph-btn--block"
            disabled={busy}
            onClick={() => onPick({ kind: c.kind, id: c.id })}
            style={{ marginBottom: '0.4em' }}
          >
            {t('actPhone.junior.with', { name: c.name, kind: t(`actPhone.junior.kind.${c.kind}`) })}
          </button>
        ))
      )}
      <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={onClose}>
        {t('actPhone.cancelNo')}
      </button>
    </div>
  );
}

function OpenList({ list, onNotice }: { list: OpenActivity[]; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  // Team leaders and staff check volunteers in by their cards from the activity's check-in page.
  const manages = useCurrentUser().permissions.includes('activities.manage');
  const signUp = useJoinActivity();
  // The shift whose sign-up waits for the minor to pick an accompanying adult.
  const [asking, setAsking] = useState<{ id: string; shiftId: string } | null>(null);
  const join = async (a: OpenActivity, shiftId: string, companion?: CompanionRef) => {
    try {
      const r = await signUp.mutateAsync({ id: a.id, shiftId, companion });
      setAsking(null);
      onNotice({
        ok: true,
        text: r.status === 'confirmed' ? t('actPhone.joined', { title: a.title }) : t('actPhone.waitlisted'),
      });
    } catch (e) {
      if (!companion && e instanceof ApiError && e.code === 'junior_adult_required') {
        setAsking({ id: a.id, shiftId });
        return;
      }
      onNotice({ ok: false, text: errorText(e, t) });
    }
  };
  if (!list.length) return <EmptyState>{t('actPhone.none')}</EmptyState>;
  return (
    <>
      {list.map((a) => (
        <Card key={a.id} title={a.title}>
          {a.juniorVolunteers && (
            <p>
              <span className="ph-tag">{t('actPhone.junior.tag')}</span> {t('actPhone.junior.lead')}
            </p>
          )}
          <p>{t('actPhone.when', { date: a.date, start: shanghaiTime(a.startsAt), end: shanghaiTime(a.endsAt) })}</p>
          <p>{t('actPhone.place', { place: a.place })}</p>
          {a.description && <p>{a.description}</p>}
          {manages && (
            <p>
              <Link to={`/m/activities/checkin/${a.id}`}>{t('actPhone.scanLink')}</Link>
            </p>
          )}
          {a.mine ? (
            <p>
              <strong>
                {a.mine.status === 'confirmed'
                  ? `✓ ${t('actPhone.statusConfirmed')}`
                  : `⏳ ${t('actPhone.statusWaitlisted')}`}
              </strong>
            </p>
          ) : a.shifts.every((s) => !s.signUpOpen) ? (
            <p>{t('actPhone.startedClosed')}</p>
          ) : (
            a.shifts.map((s) => {
              const left = s.places - s.taken;
              if (!s.signUpOpen)
                return (
                  <p key={s.id}>
                    {s.name} {s.start}–{s.end} · {t('actPhone.shiftStarted')}
                  </p>
                );
              return (
                <div key={s.id} style={{ marginBottom: '0.5em' }}>
                  <p>
                    {s.name} {s.start}–{s.end} · {left > 0 ? t('actPhone.left', { count: left }) : t('actPhone.full')}
                  </p>
                  <button
                    type="button"
                    className="ph-btn ph-btn--block"
                    disabled={signUp.isPending}
                    onClick={() => void join(a, s.id)}
                  >
                    {left > 0 ? t('actPhone.join', { shift: s.name }) : t('actPhone.joinWait', { shift: s.name })}
                  </button>
                  {asking?.id === a.id && asking.shiftId === s.id && (
                    <CompanionAsk
                      a={a}
                      shiftId={s.id}
                      busy={signUp.isPending}
                      onPick={(c) => void join(a, s.id, c)}
                      onClose={() => setAsking(null)}
                    />
                  )}
                </div>
              );
            })
          )}
        </Card>
      ))}
    </>
  );
}

function Feed() {
  const { t } = useTranslation();
  const q = useMyFeed();
  const renew = useRenewMyFeed();
  const shown = q.data?.url;
  return (
    <Card title={t('actPhone.feed')}>
      <p>{t('actPhone.feedHelp')}</p>
      <p>{t('selfPhone.feedAll')}</p>
      {shown && (
        <p style={{ wordBreak: 'break-all' }}>
          <code>{shown}</code>
        </p>
      )}
      <button type="button" className="ph-btn ph-btn--secondary" onClick={() => renew.mutate()}>
        {t('actPhone.feedRenew')}
      </button>
    </Card>
  );
}

/** The activity a poster's or the public site's QR code opened (/m/activities/:id): shown first, on its own. */
function Linked({ id, list, onNotice }: { id: string; list: OpenActivity[]; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const found = list.find((a) => a.id === id);
  return (
    <section aria-label={t('actPhone.linked')}>
      <h2>{t('actPhone.linked')}</h2>
      {found ? <OpenList list={[found]} onNotice={onNotice} /> : <EmptyState>{t('actPhone.linkedGone')}</EmptyState>}
    </section>
  );
}

export default function ActivitiesPhonePage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>(null);
  const linkedId = useParams().id;
  const open = useOpenActivities();
  const mine = useMySignups();
  const myState = useMyState();
  return (
    <>
      <PageTitle title={t('actPhone.title')} back={{ to: '/m', label: t('common.home') }} />
      <p className="ph-lead">{t('actPhone.lead')}</p>
      <NoticeBox notice={notice} />
      {linkedId && open.data && <Linked id={linkedId} list={open.data} onNotice={setNotice} />}
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <Mine list={mine.data} onNotice={setNotice} />
      )}
      {mine.data && <SwapsDone list={mine.data} state={myState.data} />}
      <SwapOffers onNotice={setNotice} />
      <h2>{t('actPhone.open')}</h2>
      {open.isPending ? (
        <Loading />
      ) : open.isError ? (
        <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />
      ) : (
        <OpenList list={open.data.filter((a) => a.id !== linkedId)} onNotice={setNotice} />
      )}
      <Feed />
    </>
  );
}
