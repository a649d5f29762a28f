// 新增住户: pick grid and building, then unit and room.
import { useState } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { useCan } from '../../../../shared/session/useSession.ts';
import { useCreateHousehold } from '../../api/hooks.ts';
import { GridBuildingSelects } from '../parts/GridBuildingSelects.tsx';
import { HOUSEHOLD_FIELDS, HouseholdFields } from './HouseholdFields.tsx';

interface Values {
  gridId: string;
  buildingId: string;
  unit: string;
  room: string;
  isMigrant?: boolean;
  dibao?: boolean;
  note?: string;
}

export default function NewHouseholdPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateHousehold();
  const sensitive = useCan('registry.sensitive');

  function submit(v: Values) {
    setFormError(null);
    create.mutate(
      {
        buildingId: v.buildingId,
        unit: v.unit.trim(),
        room: v.room.trim(),
        isMigrant: !!v.isMigrant,
        ...(sensitive ? { dibao: !!v.dibao } : {}),
        note: v.note?.trim() || null,
      },
      {
        onSuccess: (h) => navigate(`/console/households/${h.id}`),
        onError: (e) => setFormError(applyApiErrors(form, e, HOUSEHOLD_FIELDS, t)),
      },
    );
  }

  return (
    <ConsolePage
      title={t('console.households.add')}
      crumbs={[{ title: t('console.menu.grids'), to: '/console/grids' }, { title: t('console.households.add') }]}
    >
      <Card style={{ maxWidth: 640 }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form
          form={form}
          name="household"
          layout="vertical"
          onFinish={submit}
          scrollToFirstError
          initialValues={{
            gridId: params.get('gridId') ?? undefined,
            buildingId: params.get('buildingId') ?? undefined,
            isMigrant: false,
            dibao: false,
          }}
        >
          <GridBuildingSelects />
          <HouseholdFields showDibao={sensitive} />
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </ConsolePage>
  );
}
