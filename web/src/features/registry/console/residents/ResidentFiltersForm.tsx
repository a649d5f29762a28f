// The search box (name, pinyin "lizeqin", initials "lzq" or phone tail) and the filters.
import { useEffect } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SENSITIVE_GROUPS, SPECIAL_GROUPS } from '../../../../../../domain/registry/special-groups.ts';
import { useLabels } from '../../../../shared/labels.ts';
import { useBuildings, useGrids } from '../../api/hooks.ts';
import type { ResidentFilters } from '../../api/types.ts';

type Values = Omit<ResidentFilters, 'dibao'> & { dibao?: 'true' | 'false' };

export function ResidentFiltersForm({
  value,
  onSearch,
  showSensitive,
}: {
  value: ResidentFilters;
  onSearch: (f: ResidentFilters) => void;
  showSensitive: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const gridId = Form.useWatch('gridId', form);
  const grids = useGrids();
  const buildings = useBuildings(gridId, !!gridId);
  const groups = SPECIAL_GROUPS.filter((g) => showSensitive || !SENSITIVE_GROUPS.has(g));

  // Follow the address (back/forward, a shared link) — but only when it really changes: the page passes a new
  // object on every render, and resetting then would wipe what the user is typing while the list loads.
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    form.setFieldsValue({ ...value, dibao: value.dibao === undefined ? undefined : value.dibao ? 'true' : 'false' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, valueKey]);

  function finish(v: Values) {
    onSearch({
      q: v.q?.trim() || undefined,
      gridId: v.gridId || undefined,
      buildingId: v.buildingId || undefined,
      group: v.group || undefined,
      gender: v.gender || undefined,
      ageMin: v.ageMin ?? undefined,
      ageMax: v.ageMax ?? undefined,
      dibao: v.dibao === 'true' ? true : v.dibao === 'false' ? false : undefined,
    });
  }

  function reset() {
    form.resetFields();
    onSearch({});
  }

  return (
    <Form form={form} name="residentSearch" layout="vertical" onFinish={finish} className="cn-filters" role="search">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item name="q" label={t('console.residents.searchLabel')} extra={t('console.residents.searchHint')}>
            <Input allowClear maxLength={30} prefix={<SearchOutlined aria-hidden="true" />} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="gridId" label={t('registry.grid')}>
            <Select
              allowClear
              placeholder={t('console.forms.all')}
              options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              onChange={() => form.setFieldValue('buildingId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="buildingId" label={t('registry.building')}>
            <Select
              allowClear
              disabled={!gridId}
              placeholder={gridId ? t('console.forms.all') : t('console.forms.pickGridFirst')}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: labels.building(b.number) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="group" label={t('registry.specialGroup')}>
            <Select
              allowClear
              placeholder={t('console.forms.all')}
              options={groups.map((g) => ({ value: g, label: labels.group(g) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="gender" label={t('registry.gender')}>
            <Select
              allowClear
              placeholder={t('console.forms.all')}
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="ageMin" label={t('console.residents.ageMin')}>
            <InputNumber min={0} max={130} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="ageMax" label={t('console.residents.ageMax')}>
            <InputNumber min={0} max={130} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {showSensitive && (
          <Col xs={12} lg={6}>
            <Form.Item name="dibao" label={t('registry.dibao')}>
              <Select
                allowClear
                placeholder={t('console.forms.all')}
                options={[
                  { value: 'true', label: t('registry.dibaoYes') },
                  { value: 'false', label: t('registry.dibaoNo') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('console.residents.search')}
        </Button>
        <Button onClick={reset}>{t('console.residents.reset')}</Button>
      </Space>
    </Form>
  );
}
