// /m/activities/checkin/:id?code=123456 — what the activity's QR code opens: one big button to check in (or
// out, when already in), plain words. The code comes from the QR; it can also be typed from the screen.
// A team leader or staff member (activities.manage) also gets the card scanner here: the phone's camera reads
// volunteers' cards at the door, with the card number typed as the fallback.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Card, ErrorNotice, Loading, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCurrentUser } from '../../../shared/session/useSession.ts';
import { useCheckin, useCheckinInfo, useCheckout } from '../api.ts';
import { CardScanner } from './CardScanner.tsx';
import { shanghaiTime } from '../../../../../domain/shared/dates.ts';

/** The phone's position if it gives one within 3 s; check-in goes ahead without it. */
function position(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 3000);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { timeout: 3000, maximumAge: 60_000 },
    );
  });
}

export default function CheckinPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [notice, setNotice] = useState<Notice>(null);
  const me = useCurrentUser();
  const manages = me.permissions.includes('activities.manage');
  const volunteers = me.permissions.includes('volunteer.self');
  const q = useCheckinInfo(id, volunteers);
  const checkin = useCheckin(id, position);
  const checkout = useCheckout(id);
  const busy = checkin.isPending || checkout.isPending;
  const s = q.data?.signup;
  const action: 'in' | 'out' | null =
    !s || s.status !== 'confirmed' ? null : !s.checkedInAt ? 'in' : !s.checkedOutAt ? 'out' : null;
  const go = async () => {
    try {
      if (action === 'in') {
        const r = await checkin.mutateAsync(code);
        setNotice({
          ok: true,
          text:
            r.reviewReason === 'location_far'
              ? `${t('actPhone.checkin.inOk')} ${t('actPhone.far')}`
              : t('actPhone.checkin.inOk'),
        });
        // The next scan (to check out) brings a new code.
        setCode('');
      } else {
        const r = await checkout.mutateAsync(code);
        setNotice({ ok: true, text: t('actPhone.checkin.outOk', { minutes: r.minutes ?? 0 }) });
      }
    } catch (e) {
      setNotice({ ok: false, text: errorText(e, t) });
    }
  };
  return (
    <>
      <PageTitle
        title={t('actPhone.checkin.title')}
        back={{ to: '/m/activities', label: t('actPhone.checkin.back') }}
      />
      {manages && <CardScanner activityId={id} />}
      <NoticeBox notice={notice} />
      {volunteers && q.isPending && <Loading />}
      {volunteers && q.isError && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Card title={q.data.title}>
          <p>{t('actPhone.place', { place: q.data.place })}</p>
          {s && (
            <p>
              {s.shiftName} {shanghaiTime(s.shiftStart)}–{shanghaiTime(s.shiftEnd)}
            </p>
          )}
          {s?.checkedInAt && <p>{t('actPhone.checkedIn', { time: shanghaiTime(s.checkedInAt) })}</p>}
          {!s && !manages && <p role="alert">{t('actPhone.checkin.notSignedUp')}</p>}
          {s && s.status !== 'confirmed' && <p>{t('actPhone.statusWaitlisted')}</p>}
          {s?.checkedOutAt && <p>{t('actPhone.checkin.done')}</p>}
          {action && (
            <>
              {action === 'out' && !code && <p>{t('actPhone.checkin.scanAgain')}</p>}
              <TextField
                label={t('actPhone.checkin.code')}
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
              <button
                type="button"
                className="ph-btn ph-btn--block"
                style={{ fontSize: '1.4em', minHeight: 80 }}
                disabled={busy || code.length !== 6}
                onClick={() => void go()}
              >
                {action === 'in' ? t('actPhone.checkin.in') : t('actPhone.checkin.out')}
              </button>
            </>
          )}
          <p>
            <Link to="/m/activities">{t('actPhone.checkin.back')}</Link>
          </p>
        </Card>
      )}
    </>
  );
}
