// One sentence for the user about a failed request, in the UI language.
import type { TFunction } from 'i18next';
import { isApiError } from './errors.ts';

export function errorText(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    if (err.code === 'network') return t('errors.network');
    if (err.serverMessage) return err.serverMessage;
    if (err.status === 401) return t('errors.unauthenticated');
    if (err.status === 403) return t('errors.forbidden');
    if (err.status === 404) return t('errors.notFound');
    if (err.status === 429) return t('errors.rateLimited');
  }
  return t('errors.generic');
}
