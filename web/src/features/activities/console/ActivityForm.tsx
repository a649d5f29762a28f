// The activity form (new, edited, or a series' activity): title, kind, place (picked, with its map point), date,
// shifts with places.
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from './PlacePicker.tsx';

export interface ShiftValues {
  /** An existing shift's id when editing; new shifts have none. */
  id?: string;
  name: string;
  start: string;
  end: string;
  places: number;
}
export interface ActivityValues {
  title: string;
  kind: 'service' | 'performance';
  place: string;
  date?: string;
  description?: string;
  lat?: number | null;
  lng?: number | null;
  toleranceM?: number | null;
  /** 小小志愿者活动: minors sign up with an accompanying adult. */
  juniorVolunteers?: boolean;
  shifts: ShiftValues[];
}

export function ActivityFields({ withDate = true }: { withDate?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t('act.f.title')} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label={t('act.f.kind')} initialValue="service">
        <Select
          options={(['service', 'performance'] as const).map((k) => ({ value: k, label: t(`act.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="juniorVolunteers" valuePropName="checked" extra={t('act.junior.help')}>
        <Checkbox>{t('act.junior.flag')}</Checkbox>
      </Form.Item>
      <PlacePicker />
      {withDate && (
        <Form.Item name="date" label={t('act.f.date')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('act.f.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="toleranceM" label={t('act.f.tolerance')}>
        <InputNumber min={20} max={5000} />
      </Form.Item>
      <Form.List name="shifts" initialValue={[{ name: '', start: '09:00', end: '11:00', places: 10 }]}>
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend>{t('act.f.shifts')}</legend>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} label={t('act.f.shiftName')} rules={[{ required: true }]}>
                  <Input maxLength={30} style={{ width: 120 }} aria-label={`${t('act.f.shiftName')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'start']} label={t('act.f.start')} rules={[{ required: true }]}>
                  <Input type="time" aria-label={`${t('act.f.start')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'end']} label={t('act.f.end')} rules={[{ required: true }]}>
                  <Input type="time" aria-label={`${t('act.f.end')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'places']} label={t('act.f.places')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={2000} aria-label={`${t('act.f.places')} ${i + 1}`} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('act.removeShift')}
                  />
                )}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', start: '09:00', end: '11:00', places: 10 })}>
              {t('act.addShift')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </>
  );
}

/** Form values as the API takes them (empty numbers left out). */
export function toBody(v: ActivityValues) {
  return {
    ...v,
    description: v.description || null,
    lat: v.lat ?? null,
    lng: v.lng ?? null,
    toleranceM: v.toleranceM ?? null,
    juniorVolunteers: !!v.juniorVolunteers,
    shifts: v.shifts.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name,
      start: s.start.slice(0, 5),
      end: s.end.slice(0, 5),
      places: Number(s.places),
    })),
  };
}
