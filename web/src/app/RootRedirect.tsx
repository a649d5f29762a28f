// "/": the signed-in user's home, or the sign-in page.
import { Navigate } from 'react-router';
import { roleHome, useMe } from '../shared/session/useSession.ts';
import { BootError, BootLoading } from './Boot.tsx';

export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <BootLoading />;
  if (me.isError) return <BootError error={me.error} onRetry={() => void me.refetch()} />;
  return <Navigate to={me.data ? roleHome(me.data.role) : '/sign-in'} replace />;
}
