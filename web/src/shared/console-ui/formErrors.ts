// Puts the server's per-field problems on an antd form; what no field can show is returned for an alert.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import i18n from '../../i18n/index.ts';
import { errorText } from '../api/errorText.ts';
import { isApiError } from '../api/errors.ts';

export function applyApiErrors(
  form: FormInstance,
  err: unknown,
  knownFields: readonly string[],
  t: TFunction,
): string | null {
  if (!isApiError(err)) return errorText(err, t);
  const leftovers: string[] = [];
  const setOnForm: { name: (string | number)[]; errors: string[] }[] = [];
  for (const f of err.fields) {
    const top = f.field.split('.')[0] ?? '';
    if (knownFields.includes(f.field) || knownFields.includes(top)) {
      setOnForm.push({ name: knownFields.includes(f.field) ? f.field.split('.') : [top], errors: [f.message] });
    } else {
      leftovers.push(f.field ? `${f.field}: ${f.message}` : f.message);
    }
  }
  if (setOnForm.length) form.setFields(setOnForm);
  if (setOnForm.length && leftovers.length === 0) return null;
  return [errorText(err, t), ...leftovers].join('；');
}

/** A validation key from domain/ (e.g. "invalid.phone") in the UI language. */
export function validationText(key: string): string {
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : key;
}
