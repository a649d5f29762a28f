// Turns a failed sign-in into messages per field plus one for the form.
import type { TFunction } from 'i18next';
import { errorText } from '../../shared/api/errorText.ts';
import { isApiError, problemsByField } from '../../shared/api/errors.ts';

export interface FormProblems {
  form: string | null;
  fields: Record<string, string>;
}

export function problemsOf(err: unknown, t: TFunction): FormProblems {
  if (isApiError(err) && err.fields.length > 0) {
    return { form: err.serverMessage || null, fields: Object.fromEntries(problemsByField(err.fields)) };
  }
  return { form: errorText(err, t), fields: {} };
}
