// /sign-in: phone + password, or phone + one-time code. Large, plain, and usable with a screen reader.
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Card, PageTitle } from '../../shared/phone-ui/parts.tsx';
import { roleHome, safeNext, useMe } from '../../shared/session/useSession.ts';
import type { Me } from '../../shared/session/types.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { CodeForm } from './CodeForm.tsx';

type Tab = 'password' | 'code';
const TABS: Tab[] = ['password', 'code'];

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const [tab, setTab] = useState<Tab>('password');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ password: null, code: null });
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next ?? roleHome(me.role)} replace />;

  const onSignedIn = (user: Me) => navigate(next ?? roleHome(user.role), { replace: true });

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
          {tab === 'password' ? <PasswordForm onSignedIn={onSignedIn} /> : <CodeForm onSignedIn={onSignedIn} />}
        </div>
        <p>
          <Link to="/reset-password">{t('accounts.forgotLink')}</Link>
        </p>
      </Card>
      <Card variant="note">
        <p>{t('auth.help')}</p>
        <Link className="ph-btn ph-btn--secondary ph-btn--block" to="/m/volunteer/register">
          {t('volunteer.registerLink')}
        </Link>
      </Card>
    </PhoneFrame>
  );
}
