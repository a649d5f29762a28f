// /m/guardian-consent — public: the guardian of a minor who registered as a volunteer confirms, or later
// withdraws, their consent with a code sent to their phone. The link in the text message carries phone and code
// in its fragment (#p=…&c=…), which the browser never sends to the server, so they stay out of every log.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../../shared/phone-ui/PhoneFrame.tsx';
import { Card, EmptyState, ErrorNotice, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { isApiError, problemsByField } from '../../../shared/api/errors.ts';
import { useGuardianConsentPage, type GuardianChild } from '../api.ts';
import { PhoneCodeFields } from './PhoneCodeFields.tsx';

function fromFragment(): { phone: string; code: string } {
  const h = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return { phone: h.get('p') ?? '', code: h.get('c') ?? '' };
}

export default function GuardianConsentPage() {
  const { t } = useTranslation();
  const [f, setF] = useState(fromFragment);
  const [children, setChildren] = useState<GuardianChild[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const m = useGuardianConsentPage();
  const busy = m.code.isPending || m.children.isPending || m.decide.isPending;

  const look = (phone = f.phone, code = f.code) => {
    setError(null);
    setNotice(null);
    m.children.mutate({ phone, code }, { onSuccess: setChildren, onError: setError });
  };
  useEffect(() => {
    // Opened from the text message: drop the code from the address bar, then show the children at once.
    const { phone, code } = fromFragment();
    if (window.location.hash) history.replaceState(null, '', window.location.pathname);
    if (/^1\d{10}$/.test(phone) && /^\d{6}$/.test(code)) look(phone, code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const sendCode = () => {
    setError(null);
    m.code.mutate(f.phone, { onSuccess: () => setSent(true), onError: setError });
  };
  const decide = (c: GuardianChild, decision: 'confirm' | 'withdraw') => {
    setError(null);
    m.decide.mutate(
      { phone: f.phone, code: f.code, volunteerId: c.volunteerId, decision },
      {
        onSuccess: (after) => {
          setChildren((list) => list?.map((x) => (x.volunteerId === after.volunteerId ? after : x)) ?? null);
          setNotice(
            decision === 'confirm'
              ? t('volunteer.guardianConsent.confirmed')
              : t('volunteer.guardianConsent.withdrawn'),
          );
        },
        onError: setError,
      },
    );
  };

  const fieldErrors = isApiError(error) ? problemsByField(error.fields) : new Map<string, string>();
  const err = (k: string) => fieldErrors.get(k) ?? null;

  let list: ReactNode = null;
  if (children && !children.length) list = <EmptyState>{t('volunteer.guardianConsent.none')}</EmptyState>;
  else if (children)
    list = children.map((c) => (
      <Card
        key={c.volunteerId}
        title={t('volunteer.guardianConsent.child', { name: c.name, community: c.communityName })}
        actions={
          <>
            {c.state !== 'confirmed' && (
              <button type="button" className="ph-btn" disabled={busy} onClick={() => decide(c, 'confirm')}>
                {t('volunteer.guardianConsent.confirm')}
              </button>
            )}
            {c.state !== 'withdrawn' && (
              <button
                type="button"
                className="ph-btn ph-btn--secondary"
                disabled={busy}
                onClick={() => decide(c, 'withdraw')}
              >
                {c.state === 'pending'
                  ? t('volunteer.guardianConsent.refuse')
                  : t('volunteer.guardianConsent.withdraw')}
              </button>
            )}
          </>
        }
      >
        <p>{t(`volunteer.guardianConsent.state.${c.state}`)}</p>
        {c.state === 'confirmed' && <p>{t('volunteer.guardianConsent.withdrawHint')}</p>}
      </Card>
    ));

  return (
    <PhoneFrame homeTo="/sign-in">
      <PageTitle title={t('volunteer.guardianConsent.title')} />
      <p className="ph-lead">{t('volunteer.guardianConsent.lead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          look();
        }}
      >
        <Card>
          <PhoneCodeFields
            phone={f.phone}
            code={f.code}
            onPhone={(v) => setF((x) => ({ ...x, phone: v }))}
            onCode={(v) => setF((x) => ({ ...x, code: v }))}
            phoneError={err('phone')}
            codeError={err('code')}
            busy={busy}
            sent={sent}
            onSend={sendCode}
            labels={{
              phone: t('volunteer.guardianConsent.phone'),
              sendCode: t('volunteer.guardianConsent.sendCode'),
              sent: t('volunteer.guardianConsent.sent'),
              code: t('volunteer.guardianConsent.code'),
            }}
          />
          <button type="submit" className="ph-btn ph-btn--block" disabled={busy}>
            {t('volunteer.guardianConsent.look')}
          </button>
        </Card>
      </form>
      {error != null && !fieldErrors.size && <ErrorNotice error={error} />}
      {notice && (
        <p role="status" className="ph-lead">
          {notice}
        </p>
      )}
      {list}
    </PhoneFrame>
  );
}
