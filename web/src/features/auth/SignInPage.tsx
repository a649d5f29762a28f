// /sign-in: phone + password, or phone + one-time code, then the authenticator's code when the account has two-step
// verification. Large, plain, and usable with a screen reader.
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Card, PageTitle } from '../../shared/phone-ui/parts.tsx';
import { roleHome, safeNext, useMe } from '../../shared/session/useSession.ts';
import type { Me, SignInResult } from '../../shared/session/types.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { CodeForm } from './CodeForm.tsx';
import { SecondStepForm } from './SecondStepForm.tsx';

type Tab = 'password' | 'code';
const TABS: Tab[] = ['password', 'code'];
const TWO_FACTOR_PAGE = '/console/two-factor';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const [tab, setTab] = useState<Tab>('password');
  const [challenge, setChallenge] = useState<string | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ password: null, code: null });
  const next = safeNext(params.get('next'));

  // Someone their community requires to set up two-step verification goes to the page that does it.
  const homeOf = (user: Me) => (user.twoFactorEnrolmentRequired ? TWO_FACTOR_PAGE : (next ?? roleHome(user.role)));
  if (me) return <Navigate to={homeOf(me)} replace />;

  const onSignedIn = (user: Me) => navigate(homeOf(user), { replace: true });
  const onFirstStep = (r: SignInResult) => ('me' in r ? onSignedIn(r.me) : setChallenge(r.challenge));

  function onTabKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const other = tab === 'password' ? 'code' : 'password';
    setTab(other);
    tabRefs.current[other]?.focus();
  }

  return (
    <PhoneFrame homeTo="/sign-in">
      <PageTitle title={t('auth.title')} />
      <p className="ph-lead">{t('auth.lead')}</p>
      {challenge ? (
        <Card>
          <SecondStepForm challenge={challenge} onSignedIn={onSignedIn} onBack={() => setChallenge(null)} />
        </Card>
      ) : (
        <Card>
          <div className="ph-tabs" role="tablist" aria-label={t('auth.methods')}>
            {TABS.map((k) => (
              <button
                key={k}
                ref={(el) => {
                  tabRefs.current[k] = el;
                }}
                type="button"
                role="tab"
                id={`tab-${k}`}
                className="ph-tab"
                aria-selected={tab === k}
                aria-controls={`panel-${k}`}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => setTab(k)}
                onKeyDown={onTabKey}
              >
                {k === 'password' ? t('auth.tabPassword') : t('auth.tabCode')}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'password' ? <PasswordForm onSignedIn={onFirstStep} /> : <CodeForm onSignedIn={onFirstStep} />}
          </div>
          <p>
            <Link to="/reset-password">{t('accounts.forgotLink')}</Link>
          </p>
        </Card>
      )}
      <Card variant="note">
        <p>{t('auth.help')}</p>
        <Link className="ph-btn ph-btn--secondary ph-btn--block" to="/m/volunteer/register">
          {t('volunteer.registerLink')}
        </Link>
      </Card>
    </PhoneFrame>
  );
}
