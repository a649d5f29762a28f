// /m/badges: the family of an elder who carries a love badge (爱心二维码) see every scan — when, the finder's
// message, the place and, if the finder agreed, the location — and keep the call list, nickname and cautions
// current. Only elders whose family contacts list this phone appear. After a scan, a large button tells the
// community the elder was found and is home safe (找回, a contact in the record of service).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { isApiError, problemsByField } from '../../../shared/api/errors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  mapHref,
  useFamilyBadges,
  useFamilyReturned,
  useFamilyUpdateBadge,
  type ContactInput,
  type FamilyBadgeView,
  type ScanView,
} from '../api.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    hour12: false,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export default function FamilyBadgesPage() {
  const { t } = useTranslation();
  const q = useFamilyBadges();
  const back = { to: '/m', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('badges.phone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        <PageTitle title={t('badges.phone.title')} back={back} />
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  return (
    <>
      <PageTitle title={t('badges.phone.title')} back={back} />
      <Card variant="note">
        <p>{t('badges.phone.explain')}</p>
      </Card>
      {q.data.length === 0 ? (
        <EmptyState>{t('badges.phone.empty')}</EmptyState>
      ) : (
        q.data.map((b) => <BadgeCard key={b.id} badge={b} />)
      )}
    </>
  );
}

function BadgeCard({ badge }: { badge: FamilyBadgeView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const messages = badge.scans.filter((s) => s.kind === 'message').length;
  return (
    <Card title={t('badges.phone.badgeTitle', { nickname: badge.nickname })}>
      {badge.status !== 'active' && <p className="ph-alert">{t('badges.phone.stopped')}</p>}
      <p>{t('badges.phone.scanCount', { n: badge.scans.length, messages })}</p>
      {badge.scans.length === 0 ? (
        <EmptyState>{t('badges.phone.noScans')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('badges.phone.scans', { nickname: badge.nickname })}>
          {badge.scans.slice(0, 20).map((s) => (
            <li key={s.id} className="ph-entry">
              <strong>{time(s.at)}</strong> ·{' '}
              {s.kind === 'message' ? t('badges.phone.message') : t('badges.phone.view')}
              {s.message && (
                <>
                  <br />“{s.message}”
                </>
              )}
              {s.place && (
                <>
                  <br />
                  {t('badges.phone.place', { place: s.place })}
                </>
              )}
              {s.lat !== null && s.lng !== null && (
                <>
                  <br />
                  <a href={mapHref(s.lat, s.lng)} target="_blank" rel="noreferrer">
                    {t('badges.phone.map')}
                  </a>
                </>
              )}
              <Returned badgeId={badge.id} scan={s} />
            </li>
          ))}
        </ul>
      )}
      {badge.status === 'active' &&
        (editing ? (
          <EditForm badge={badge} onDone={() => setEditing(false)} />
        ) : (
          <>
            <h3 style={{ fontSize: '1em' }}>{t('badges.phone.onPage')}</h3>
            <p>{badge.cautions || t('badges.phone.noCautions')}</p>
            <ul className="ph-list" aria-label={t('badges.phone.callList')}>
              {badge.contacts.map((c, i) => (
                <li key={i} className="ph-entry">
                  {c.label} · {c.phone}
                </li>
              ))}
            </ul>
            <div className="ph-actions">
              <button type="button" className="ph-btn ph-btn--secondary" onClick={() => setEditing(true)}>
                {t('badges.phone.edit')}
              </button>
            </div>
          </>
        ))}
    </Card>
  );
}

/** 已找到，已平安到家: the family's word after a scan; once said, the scan shows as returned. */
function Returned({ badgeId, scan }: { badgeId: string; scan: ScanView }) {
  const { t } = useTranslation();
  const mark = useFamilyReturned(badgeId);
  if (scan.returned)
    return (
      <p className="ph-alert ph-alert--ok" style={{ margin: '0.5em 0 0' }}>
        {t('badges.phone.returned')}
      </p>
    );
  return (
    <>
      <button
        type="button"
        className="ph-btn ph-btn--block"
        style={{ marginTop: '0.5em' }}
        disabled={mark.isPending}
        onClick={() => mark.mutate(scan.id)}
      >
        {mark.isPending ? t('badges.phone.returning') : t('badges.phone.returnedButton')}
      </button>
      {mark.error && (
        <p role="alert" className="ph-alert ph-alert--error">
          {errorText(mark.error, t)}
        </p>
      )}
    </>
  );
}

function EditForm({ badge, onDone }: { badge: FamilyBadgeView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useFamilyUpdateBadge(badge.id);
  const [nickname, setNickname] = useState(badge.nickname);
  const [cautions, setCautions] = useState(badge.cautions);
  const [contacts, setContacts] = useState<ContactInput[]>(badge.contacts);
  const busy = save.isPending;
  const error = save.error;
  const fields = isApiError(error) ? problemsByField(error.fields) : new Map<string, string>();
  const setContact = (i: number, patch: Partial<ContactInput>) =>
    setContacts(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ nickname, cautions, contacts }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('badges.phone.nickname')}
        hint={t('badges.phone.nicknameHint')}
        value={nickname}
        maxLength={20}
        onChange={(e) => setNickname(e.target.value)}
        error={fields.get('nickname') ?? null}
      />
      <label className="ph-field">
        <span className="ph-field__label">{t('badges.phone.cautions')}</span>
        <span className="ph-field__hint">{t('badges.phone.cautionsHint')}</span>
        <textarea
          className="ph-input"
          rows={4}
          maxLength={300}
          value={cautions}
          onChange={(e) => setCautions(e.target.value)}
        />
        {fields.get('cautions') && <span className="ph-field__error">{fields.get('cautions')}</span>}
      </label>
      {contacts.map((c, i) => (
        <fieldset key={i} className="ph-field" style={{ border: '1px solid #ccc', borderRadius: 8, padding: '0.5em' }}>
          <legend>{t('badges.phone.contactN', { n: i + 1 })}</legend>
          <TextField
            label={t('badges.phone.label')}
            value={c.label}
            maxLength={10}
            onChange={(e) => setContact(i, { label: e.target.value })}
            error={fields.get(`contacts.${i}.label`) ?? null}
          />
          <TextField
            label={t('badges.phone.phone')}
            type="tel"
            value={c.phone}
            maxLength={20}
            onChange={(e) => setContact(i, { phone: e.target.value })}
            error={fields.get(`contacts.${i}.phone`) ?? null}
          />
          {contacts.length > 1 && (
            <button
              type="button"
              className="ph-btn ph-btn--danger"
              onClick={() => setContacts(contacts.filter((_, j) => j !== i))}
            >
              {t('badges.phone.remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {fields.get('contacts') && (
        <p role="alert" className="ph-alert ph-alert--error">
          {fields.get('contacts')}
        </p>
      )}
      {contacts.length < 5 && (
        <button
          type="button"
          className="ph-btn ph-btn--secondary"
          onClick={() => setContacts([...contacts, { label: '', phone: '' }])}
        >
          {t('badges.phone.add')}
        </button>
      )}
      {error && !(isApiError(error) && error.fields.length) ? (
        <p role="alert" className="ph-alert ph-alert--error">
          {errorText(error, t)}
        </p>
      ) : null}
      <div className="ph-actions">
        <button type="submit" className="ph-btn" disabled={busy}>
          {busy ? t('badges.phone.saving') : t('badges.phone.save')}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary" onClick={onDone}>
          {t('badges.phone.cancel')}
        </button>
      </div>
    </form>
  );
}
