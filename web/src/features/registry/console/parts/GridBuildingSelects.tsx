// Grid → building pickers for forms; choosing a grid narrows the buildings.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../shared/labels.ts';
import { useBuildings, useGrids } from '../../api/hooks.ts';

export function GridBuildingSelects({ required = true }: { required?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = Form.useFormInstance();
  const gridId = Form.useWatch<string | undefined>('gridId', form);
  const grids = useGrids();
  const buildings = useBuildings(gridId, !!gridId);
  return (
    <>
      <Form.Item
        name="gridId"
        label={t('registry.grid')}
        rules={required ? [{ required: true, message: t('invalid.required') }] : []}
      >
        <Select
          loading={grids.isPending}
          placeholder={t('console.forms.pickGrid')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          onChange={() => form.setFieldValue('buildingId', undefined)}
        />
      </Form.Item>
      <Form.Item
        name="buildingId"
        label={t('registry.building')}
        rules={required ? [{ required: true, message: t('invalid.required') }] : []}
      >
        <Select
          loading={buildings.isFetching}
          disabled={!gridId}
          placeholder={gridId ? t('console.forms.pickBuilding') : t('console.forms.pickGridFirst')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(buildings.data ?? []).map((b) => ({ value: b.id, label: labels.buildingFull(b.street, b.number) }))}
        />
      </Form.Item>
    </>
  );
}
