// The place of an activity: picked from the places earlier activities used (with their map point) and the
// community's building addresses, or typed freely. The map point (lat/lng, for the check-in distance) comes from
// the place chosen; nobody types coordinates. A place without a point means check-ins are not checked for distance.
import { AutoComplete, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKnownPlaces } from '../api.ts';

export function PlacePicker() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const places = useKnownPlaces().data ?? [];
  // Read from the store (with { preserve: true }): the point's fields are hidden ones.
  const lat = Form.useWatch<number | null | undefined>('lat', { form, preserve: true });
  const lng = Form.useWatch<number | null | undefined>('lng', { form, preserve: true });
  const place = Form.useWatch<string | undefined>('place', form) ?? '';
  const pointOf = (name: string) => places.find((p) => p.name === name);
  const choose = (name: string) => {
    const p = pointOf(name);
    form.setFieldsValue({ lat: p?.lat ?? null, lng: p?.lng ?? null });
  };
  const q = place.trim();
  const options = places
    .filter((p) => !q || p.name.includes(q))
    .slice(0, 50)
    .map((p) => ({
      value: p.name,
      label: (
        <Space>
          <span>{p.name}</span>
          <Typography.Text type="secondary">
            {p.source === 'building' ? t('act.place.building') : t('act.place.used', { n: p.uses })}
            {p.lat !== null ? ` · ${t('act.place.hasPoint')}` : ''}
          </Typography.Text>
        </Space>
      ),
    }));
  return (
    <>
      <Form.Item
        name="place"
        label={t('act.f.place')}
        rules={[{ required: true }]}
        extra={
          lat != null && lng != null ? (
            <Space wrap data-testid="place-point">
              <span>{t('act.place.point', { lat: lat.toFixed(5), lng: lng.toFixed(5) })}</span>
              <Button size="small" type="link" onClick={() => form.setFieldsValue({ lat: null, lng: null })}>
                {t('act.place.clear')}
              </Button>
            </Space>
          ) : (
            <span data-testid="place-point">{t('act.place.noPoint')}</span>
          )
        }
      >
        <AutoComplete
          options={options}
          maxLength={100}
          placeholder={t('act.place.placeholder')}
          onSelect={(v: string) => choose(v)}
          onChange={(v: string) => {
            // Typing: a known place brings its point; a new place has none until chosen from the list.
            if (pointOf(v) || form.getFieldValue('lat') != null) choose(v);
          }}
        />
      </Form.Item>
      <Form.Item name="lat" hidden>
        <input type="hidden" />
      </Form.Item>
      <Form.Item name="lng" hidden>
        <input type="hidden" />
      </Form.Item>
    </>
  );
}
