// Editing an activity from its page: the same fields as a new one, filled in; shifts keep their ids so their
// sign-ups stay. What the server refuses (a shift with sign-ups removed, places below those taken) shows on the
// field it names, in the user's language; anything else as an alert inside the dialog.
import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/errorText.ts';
import { isApiError } from '../../../shared/api/errors.ts';
import { FormAlert } from '../../../shared/console-ui/FormModal.tsx';
import { activitiesApi, type ActivityDetail } from '../api.ts';
import { ActivityFields, toBody, type ActivityValues } from './ActivityForm.tsx';

const FIELDS = new Set([
  'title',
  'kind',
  'place',
  'date',
  'description',
  'lat',
  'lng',
  'toleranceM',
  'juniorVolunteers',
  'shifts',
]);

export function valuesOf(a: ActivityDetail): ActivityValues {
  return {
    title: a.title,
    kind: a.kind,
    place: a.place,
    date: a.date,
    description: a.description ?? undefined,
    lat: a.lat,
    lng: a.lng,
    toleranceM: a.toleranceM,
    juniorVolunteers: a.juniorVolunteers,
    shifts: a.shifts.map((s) => ({ id: s.id, name: s.name, start: s.start, end: s.end, places: s.places })),
  };
}

/** "shifts.1.places" -> ['shifts', 1, 'places'], the path antd's Form.List uses. */
const pathOf = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function EditActivity({ a, open, onClose }: { a: ActivityDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ActivityValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (b: Record<string, unknown>) => activitiesApi.update(a.id, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['activities'] }),
  });
  const close = () => {
    setAlert(null);
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setAlert(null);
    try {
      await save.mutateAsync(toBody(v));
      void message.success(t('act.saved'));
      close();
    } catch (e) {
      // A problem with the shift list as a whole ("shifts") has no field of its own: it goes in the alert.
      const fields = isApiError(e) ? e.fields : [];
      const onForm = fields.filter((f) => f.field !== 'shifts' && FIELDS.has(f.field.split('.')[0] ?? ''));
      if (onForm.length) form.setFields(onForm.map((f) => ({ name: pathOf(f.field) as never, errors: [f.message] })));
      const rest = fields.filter((f) => !onForm.includes(f)).map((f) => f.message);
      setAlert(onForm.length && !rest.length ? t('act.edit.fix') : [errorText(e, t), ...rest].join('；'));
    }
  };
  return (
    <Modal
      open={open}
      title={t('act.edit.title', { title: a.title })}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('act.edit.save')}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <FormAlert text={alert} />
      <Form form={form} layout="vertical" preserve={false} initialValues={valuesOf(a)}>
        <ActivityFields />
      </Form>
    </Modal>
  );
}
