// 编辑居民 in a drawer; only what changed is sent.
import { Alert, Button, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SPECIAL_GROUPS, type SpecialGroup } from '../../../../../../domain/registry/special-groups.ts';
import { useUpdateResident } from '../../api/hooks.ts';
import type { Relation, Resident } from '../../api/types.ts';
import { useFormSave } from '../parts/useFormSave.ts';
import { RESIDENT_FIELDS, ResidentFields } from './ResidentFields.tsx';
import { residentPatch, type ResidentFormValues } from './residentPayload.ts';

export function ResidentEditDrawer({
  resident,
  open,
  onClose,
  showSensitive,
}: {
  resident: Resident;
  open: boolean;
  onClose: () => void;
  showSensitive: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResidentFormValues>();
  const { formError, save } = useFormSave(form, RESIDENT_FIELDS);
  const update = useUpdateResident(resident.id);
  const phoneMasked = !!resident.phone?.includes('*');

  function submit(v: ResidentFormValues) {
    const patch = residentPatch(v, resident);
    if (Object.keys(patch).length === 0) return onClose();
    save(update, patch, t('console.saved'), onClose);
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('console.residents.editTitle', { name: resident.name })}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        name="residentEdit"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        scrollToFirstError
        initialValues={{
          name: resident.name,
          gender: resident.gender,
          birthDate: dayjs(resident.birthDate),
          relationToHead: resident.relationToHead as Relation,
          phone: phoneMasked ? '' : (resident.phone ?? ''),
          idNumber: '',
          note: resident.note ?? '',
          specialGroups: resident.specialGroups.filter((g): g is SpecialGroup =>
            (SPECIAL_GROUPS as readonly string[]).includes(g),
          ),
        }}
      >
        <ResidentFields
          mode="edit"
          showSensitive={showSensitive}
          maskedIdNumber={resident.idNumber}
          maskedPhone={phoneMasked ? resident.phone : null}
        />
      </Form>
    </Drawer>
  );
}
