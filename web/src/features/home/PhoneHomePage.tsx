// /m: the phone home of every role — what is next for me, then my tools as big tiles (only those I can use),
// then, for the office roles, the console pages of their work.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Details, ErrorNotice, Loading, PageTitle } from '../../shared/phone-ui/parts.tsx';
import { Tiles } from '../../shared/phone-ui/Tiles.tsx';
import { ElderControls } from '../../shared/phone-ui/ElderControls.tsx';
import { LanguageButton } from '../../shared/phone-ui/LanguageButton.tsx';
import { useCurrentUser, useSignOut } from '../../shared/session/useSession.ts';
import { useLabels } from '../../shared/labels.ts';
import { useHome } from './api.ts';
import { NextUp } from './NextUp.tsx';
import { MessageSettings } from './MessageSettings.tsx';
import { isOffice, officeTiles, phoneTiles } from './tools.ts';

export default function PhoneHomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const home = useHome();
  const office = officeTiles(me, t);

  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.name })} />
      <p className="ph-lead">{t('home.roleLine', { role: labels.role(me.role), community: me.community.name })}</p>

      {home.isPending ? (
        <Loading label={t('home.nextLoading')} />
      ) : home.isError ? (
        <ErrorNotice error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <>
          <NextUp home={home.data} offerRegister={!isOffice(me)} />
          <Card title={t('home.tools')}>
            <Tiles label={t('home.tools')} items={phoneTiles(me, home.data, t)} />
          </Card>
        </>
      )}

      {office.length > 0 && (
        <Card title={t('home.office')}>
          <p>{t('home.officeLead')}</p>
          <Tiles label={t('home.office')} items={office} />
        </Card>
      )}

      <Card title={t('home.profile')}>
        <Details
          items={[
            { term: t('home.name'), value: me.name },
            { term: t('home.phone'), value: me.phone },
            { term: t('home.role'), value: labels.role(me.role) },
            { term: t('home.community'), value: me.community.name },
            ...(me.gridName ? [{ term: t('home.grid'), value: me.gridName }] : []),
          ]}
        />
        <Link className="ph-btn ph-btn--secondary ph-btn--block" to="/m/password">
          {t('accounts.changeLink')}
        </Link>
      </Card>

      <Card title={t('home.settings')}>
        <p>{t('home.elderExplain')}</p>
        <div className="ph-row">
          <ElderControls.Toggle />
          <LanguageButton />
        </div>
      </Card>

      <MessageSettings />

      <p className="ph-lead">{t('home.helpLine')}</p>

      <button
        type="button"
        className="ph-btn ph-btn--secondary ph-btn--block"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
      >
        {t('common.signOut')}
      </button>
    </>
  );
}
