// Routes behind sign-in: wait for the session, send strangers to /sign-in (and back afterwards).
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../shared/session/useSession.ts';
import { useLocaleSync } from '../shared/prefs/useLocaleSync.ts';
import { BootError, BootLoading } from './Boot.tsx';

const TWO_FACTOR_PAGE = '/console/two-factor';

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  useLocaleSync(me.data);
  if (me.isPending) return <BootLoading />;
  if (me.isError) return <BootError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // A session the community restricts to setting up two-step verification can do nothing else (the server refuses).
  if (me.data.twoFactorEnrolmentRequired && location.pathname !== TWO_FACTOR_PAGE)
    return <Navigate to={TWO_FACTOR_PAGE} replace />;
  return <>{children}</>;
}
