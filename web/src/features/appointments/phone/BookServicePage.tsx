// /m/appointments: a resident (or their son or daughter) books a service: choose it, choose for whom,
// choose a time; and sees and cancels their bookings. One column, big buttons, plain words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { CancelAsk } from '../../../shared/phone-ui/CancelAsk.tsx';
import {
  useBookSelf,
  useCancelSelf,
  useMine,
  useOffer,
  useSlots,
  type Booking,
  type Offer,
  type Slot,
} from '../api.ts';
import { weekdayOf } from '../../../../../domain/shared/dates.ts';

function MyBookings({ bookings, onNotice }: { bookings: Booking[]; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const cancelSelf = useCancelSelf();
  const [asking, setAsking] = useState<string | null>(null);
  const wd = (date: string) => t(`apptPhone.weekdays.d${weekdayOf(date)}` as 'apptPhone.weekdays.d1');
  // Upcoming first; past ones and cancellations stay visible a while so nobody wonders where they went.
  const shown = [...bookings].sort(
    (a, b) =>
      Number(Date.parse(a.slotStart) < Date.now()) - Number(Date.parse(b.slotStart) < Date.now()) ||
      a.slotStart.localeCompare(b.slotStart),
  );
  const cancel = async (b: Booking) => {
    try {
      await cancelSelf.mutateAsync(b.id);
      onNotice({ ok: true, text: t('apptPhone.cancelledOk') });
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    } finally {
      setAsking(null);
    }
  };
  return (
    <Card title={t('apptPhone.mine')}>
      {shown.length === 0 && <p>{t('apptPhone.noBookings')}</p>}
      <ul className="ph-list" aria-label={t('apptPhone.mine')}>
        {shown.map((b) => {
          const upcoming = b.status === 'confirmed' && Date.parse(b.slotStart) > Date.now();
          return (
            <li key={b.id} style={{ padding: '0.6em 0' }}>
              <p className="ph-list__title">
                <strong>{b.serviceName}</strong> · {b.date} {wd(b.date)} {b.time}
              </p>
              <p className="ph-list__sub">
                {t('apptPhone.place', { place: b.place })} · {t('apptPhone.forName', { name: b.residentName })}
              </p>
              <p>
                <strong>
                  {b.status === 'confirmed'
                    ? `✓ ${t('apptPhone.statusConfirmed')}`
                    : `✗ ${t('apptPhone.statusCancelled')}`}
                </strong>
              </p>
              {upcoming && (
                <CancelAsk
                  asking={asking === b.id}
                  label={t('apptPhone.cancel')}
                  question={t('apptPhone.cancelAsk', { service: b.serviceName, date: b.date, time: b.time })}
                  yes={t('apptPhone.cancelYes')}
                  no={t('apptPhone.cancelNo')}
                  busy={cancelSelf.isPending}
                  onAsk={() => setAsking(b.id)}
                  onYes={() => void cancel(b)}
                  onNo={() => setAsking(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function SlotPicker({
  service,
  residentId,
  onBooked,
  onNotice,
}: {
  service: Offer;
  residentId: string;
  onBooked: () => void;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const slots = useSlots(service.id);
  const bookSelf = useBookSelf();
  const wd = (date: string) => t(`apptPhone.weekdays.d${weekdayOf(date)}` as 'apptPhone.weekdays.d1');
  const book = async (s: Slot) => {
    try {
      const b = await bookSelf.mutateAsync({ residentId, serviceId: service.id, slotStart: s.start });
      onNotice({
        ok: true,
        text: t('apptPhone.booked', {
          name: b.serviceName,
          date: `${b.date} ${wd(b.date)}`,
          time: b.time,
          place: b.place,
        }),
      });
      onBooked();
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    }
  };
  if (slots.isPending) return <Loading label={t('apptPhone.loadingSlots')} />;
  if (slots.isError) return <ErrorNotice error={slots.error} onRetry={() => void slots.refetch()} />;
  if (!slots.data.length) return <EmptyState>{t('apptPhone.noSlots')}</EmptyState>;
  const days = [...new Set(slots.data.map((s) => s.date))];
  return (
    <>
      {days.map((d) => (
        <section key={d} aria-label={`${d} ${wd(d)}`}>
          <h3 style={{ margin: '0.8em 0 0.4em' }}>
            {d} {wd(d)}
          </h3>
          {slots.data
            .filter((s) => s.date === d)
            .map((s) => (
              <button
                key={s.start}
                type="button"
                className="ph-btn ph-btn--block"
                style={{ marginBottom: '0.5em' }}
                disabled={bookSelf.isPending}
                aria-label={[
                  t('apptPhone.bookAt', { date: d, weekday: wd(d), time: s.time }),
                  t('apptPhone.left', { count: s.left }),
                ].join('，')}
                onClick={() => void book(s)}
              >
                {s.time} · {t('apptPhone.left', { count: s.left })}
              </button>
            ))}
        </section>
      ))}
    </>
  );
}

export default function BookServicePage() {
  const { t } = useTranslation();
  const offer = useOffer();
  const mine = useMine();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const people = mine.data?.people ?? [];
  const residentId = personId ?? people[0]?.id ?? null;
  const service = offer.data?.find((s) => s.id === serviceId) ?? null;
  const showNotice = (n: Notice) => {
    setNotice(n);
    window.scrollTo({ top: 0 });
  };
  return (
    <>
      <PageTitle title={t('apptPhone.title')} back={{ to: '/m', label: t('common.home') }} />
      <p className="ph-lead">{t('apptPhone.lead')}</p>
      <NoticeBox notice={notice} />
      {(offer.isPending || mine.isPending) && <Loading />}
      {offer.isError && <ErrorNotice error={offer.error} onRetry={() => void offer.refetch()} />}
      {mine.isError && <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && <MyBookings bookings={mine.data.bookings} onNotice={showNotice} />}
      {mine.data && people.length === 0 && (
        <Card variant="note">
          <p>{t('apptPhone.noPeople')}</p>
        </Card>
      )}
      {offer.data && people.length > 0 && (
        <Card title={t('apptPhone.step1')}>
          {service ? (
            <>
              <p>
                <strong>{t('apptPhone.chosen', { name: service.name })}</strong>
              </p>
              {service.description && <p>{service.description}</p>}
              <button
                type="button"
                className="ph-btn ph-btn--secondary ph-btn--block"
                onClick={() => setServiceId(null)}
              >
                {t('apptPhone.change')}
              </button>
            </>
          ) : (
            offer.data.map((s) => (
              <button
                key={s.id}
                type="button"
                className="ph-btn ph-btn--block"
                style={{ marginBottom: '0.5em' }}
                onClick={() => {
                  setServiceId(s.id);
                  setNotice(null);
                }}
              >
                {t('apptPhone.choose', { name: s.name })}
              </button>
            ))
          )}
        </Card>
      )}
      {service && people.length > 1 && (
        <Card title={t('apptPhone.step2')}>
          <div className="ph-row" role="radiogroup" aria-label={t('apptPhone.forWhom')}>
            {people.map((p) => (
              <button
                key={p.id}
                type="button"
                role="radio"
                aria-checked={p.id === residentId}
                className="ph-chip"
                onClick={() => setPersonId(p.id)}
              >
                {p.id === residentId ? '● ' : '○ '}
                {p.name}（{p.relation === 'self' ? t('apptPhone.me') : t('apptPhone.family')}）
              </button>
            ))}
          </div>
        </Card>
      )}
      {service && residentId && (
        <Card title={t('apptPhone.step3')}>
          <SlotPicker
            service={service}
            residentId={residentId}
            onBooked={() => setServiceId(null)}
            onNotice={showNotice}
          />
        </Card>
      )}
    </>
  );
}
