import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';

type Mutation<P> = { mutate: (payload: P, o: { onSuccess: () => void; onError: (e: unknown) => void }) => void };

/**
 * Saving a registry form: the success toast and what follows it, or the server's complaints put on their fields
 * (the rest in `formError`, for the alert above the form).
 */
export function useFormSave(form: FormInstance, fields: readonly string[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  function save<P>(mutation: Mutation<P>, payload: P, successText: string, then: () => void) {
    setFormError(null);
    mutation.mutate(payload, {
      onSuccess: () => {
        message.success(successText);
        then();
      },
      onError: (e) => setFormError(applyApiErrors(form, e, fields, t)),
    });
  }
  return { formError, save };
}
