// Grid → building → household, for adding a resident when no household was given.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../../api/hooks.ts';
import { GridBuildingSelects } from '../parts/GridBuildingSelects.tsx';

export function HouseholdPicker() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const buildingId = Form.useWatch<string | undefined>('buildingId', form);
  const households = useHouseholds({ buildingId, page: 1, pageSize: 200 }, !!buildingId);
  return (
    <>
      <GridBuildingSelects />
      <Form.Item
        name="householdId"
        label={t('registry.household')}
        rules={[{ required: true, message: t('invalid.required') }]}
        extra={t('console.residents.householdHint')}
      >
        <Select
          disabled={!buildingId}
          loading={households.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={buildingId ? t('console.forms.pickHousehold') : t('console.forms.pickBuildingFirst')}
          options={(households.data?.items ?? []).map((h) => ({
            value: h.id,
            label: `${t('registry.unitRoom', { unit: h.unit, room: h.room })}${h.headName ? ` · ${h.headName}` : ''}`,
          }))}
        />
      </Form.Item>
    </>
  );
}
