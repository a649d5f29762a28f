// 新增居民: into a given household (from the household page) or one picked here.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { useCan } from '../../../../shared/session/useSession.ts';
import { useCreateResident, useHousehold } from '../../api/hooks.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { RESIDENT_FIELDS, ResidentFields } from './ResidentFields.tsx';
import { newResidentPayload, type ResidentFormValues } from './residentPayload.ts';

export default function NewResidentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const givenHousehold = params.get('householdId') ?? undefined;
  const household = useHousehold(givenHousehold);
  const [form] = Form.useForm<ResidentFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateResident();
  const sensitive = useCan('registry.sensitive');

  function submit(v: ResidentFormValues) {
    setFormError(null);
    create.mutate(newResidentPayload({ ...v, householdId: givenHousehold ?? v.householdId }), {
      onSuccess: (r) => navigate(`/console/residents/${r.id}`),
      onError: (e) => setFormError(applyApiErrors(form, e, RESIDENT_FIELDS, t)),
    });
  }

  const crumbs = household.data
    ? [
        { title: household.data.address, to: `/console/households/${household.data.id}` },
        { title: t('console.residents.add') },
      ]
    : [{ title: t('console.menu.residents'), to: '/console/residents' }, { title: t('console.residents.add') }];

  return (
    <ConsolePage title={t('console.residents.add')} crumbs={crumbs}>
      <Card style={{ maxWidth: 880 }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form
          form={form}
          name="resident"
          layout="vertical"
          onFinish={submit}
          scrollToFirstError
          initialValues={{ specialGroups: [], relationToHead: household.data?.memberCount ? undefined : 'head' }}
        >
          {givenHousehold ? (
            <Descriptions
              size="small"
              style={{ marginBottom: 16 }}
              items={[
                { key: 'h', label: t('registry.household'), children: household.data?.address ?? t('common.loading') },
              ]}
            />
          ) : (
            <HouseholdPicker />
          )}
          <ResidentFields mode="new" showSensitive={sensitive} />
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </ConsolePage>
  );
}
