// The fields of a household form: unit, room, migrant, dibao (only for who may see it), note.
import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export const HOUSEHOLD_FIELDS = ['buildingId', 'unit', 'room', 'isMigrant', 'dibao', 'note'] as const;

export function HouseholdFields({ showDibao }: { showDibao: boolean }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('invalid.required') }];
  return (
    <>
      <Form.Item name="unit" label={t('registry.unit')} rules={required} extra={t('console.households.unitHint')}>
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name="room" label={t('registry.room')} rules={required} extra={t('console.households.roomHint')}>
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name="isMigrant" valuePropName="checked">
        <Checkbox>{t('console.households.isMigrantLabel')}</Checkbox>
      </Form.Item>
      {showDibao && (
        <Form.Item name="dibao" valuePropName="checked" extra={t('console.households.dibaoHint')}>
          <Checkbox>{t('console.households.dibaoLabel')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="note" label={t('registry.note')}>
        <Input.TextArea maxLength={500} rows={3} showCount />
      </Form.Item>
    </>
  );
}
