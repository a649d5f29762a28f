// antd form rules built from the shared zod schemas in domain/, so the browser and the server agree.
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import { parseIdNumber } from '../../../../../../domain/shared/id-number.ts';
import { validationText } from '../../../../shared/console-ui/formErrors.ts';

export function zodRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(validationText(r.error.issues[0]?.message ?? 'invalid.value'));
    },
  };
}

/** The ID number must agree with the birth date and gender given beside it. */
export function idAgreesRule(get: (name: string) => unknown): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || !value.trim()) return;
      const p = parseIdNumber(value);
      if (!p.ok) return; // the format rule reports it
      const birth = get('birthDate') as Dayjs | undefined;
      const gender = get('gender') as string | undefined;
      if (birth && birth.format('YYYY-MM-DD') !== p.id.birthDate)
        throw new Error(validationText('invalid.idNumber.birthDateMismatch'));
      if (gender && gender !== p.id.gender) throw new Error(validationText('invalid.idNumber.genderMismatch'));
    },
  };
}
