// App-wide providers: the query cache (which signs the user out when the server says the session ended),
// i18n, and the router.
import { useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import i18n, { currentLang } from '../i18n/index.ts';
import { setLanguageSource } from '../shared/api/client.ts';
import { isApiError } from '../shared/api/errors.ts';
import { ME_KEY } from '../shared/session/useSession.ts';

setLanguageSource(currentLang);

function makeClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => onSessionError(e) }),
    mutationCache: new MutationCache({ onError: (e) => onSessionError(e) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry only what may pass next time: network trouble and server errors, not refusals.
        retry: (count, e) => count < 2 && (!isApiError(e) || e.status === 0 || e.status >= 500),
      },
    },
  });
  function onSessionError(e: unknown) {
    if (!isApiError(e)) return;
    // The session ended on the server: the guards send the user to /sign-in.
    if (e.status === 401 && e.code === 'unauthenticated' && client.getQueryData(ME_KEY))
      client.setQueryData(ME_KEY, null);
    // A stale CSRF token: fetch the session again, which brings a fresh one for the next try.
    if (e.code === 'csrf') void client.invalidateQueries({ queryKey: ME_KEY });
  }
  return client;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>{children}</BrowserRouter>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
