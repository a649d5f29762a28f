// The fields of a resident form. Sensitive parts (health, disability, sensitive groups) only for who may see them.
import { Checkbox, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RELATIONS, SENSITIVE_GROUPS, SPECIAL_GROUPS } from '../../../../../../domain/registry/special-groups.ts';
import { birthDate, idNumber, mobile, personName } from '../../../../../../domain/registry/schemas.ts';
import { parseIdNumber } from '../../../../../../domain/shared/id-number.ts';
import { useLabels } from '../../../../shared/labels.ts';
import { idAgreesRule, zodRule } from './validation.ts';

export const RESIDENT_FIELDS = [
  'householdId',
  'name',
  'gender',
  'birthDate',
  'phone',
  'idNumber',
  'relationToHead',
  'specialGroups',
  'health',
  'disability',
  'note',
] as const;

export function ResidentFields({
  mode,
  showSensitive,
  maskedIdNumber,
  maskedPhone,
}: {
  mode: 'new' | 'edit';
  showSensitive: boolean;
  maskedIdNumber?: string | null;
  maskedPhone?: string | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = Form.useFormInstance();
  const required = { required: true, message: t('invalid.required') };
  const groups = SPECIAL_GROUPS.filter((g) => showSensitive || !SENSITIVE_GROUPS.has(g));
  const keepHint = mode === 'edit' ? t('console.residents.blankKeeps') : undefined;

  /** A valid ID number fills birth date and gender when they are still empty. */
  function onIdNumber(v: string) {
    const p = parseIdNumber(v);
    if (!p.ok) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dayjs(p.id.birthDate));
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', p.id.gender);
  }

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('registry.name')} rules={[required, zodRule(personName)]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="relationToHead" label={t('registry.relationToHead')} rules={[required]}>
            <Select options={RELATIONS.map((r) => ({ value: r, label: labels.relation(r) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('registry.idNumber')}
            dependencies={['birthDate', 'gender']}
            extra={
              mode === 'edit' && maskedIdNumber
                ? t('console.residents.currentValue', { value: maskedIdNumber }) + ' ' + keepHint
                : t('console.residents.idHint')
            }
            rules={[zodRule(idNumber), idAgreesRule(form.getFieldValue)]}
          >
            <Input maxLength={18} autoComplete="off" onChange={(e) => onIdNumber(e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="gender" label={t('registry.gender')} rules={[required]}>
            <Select
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label={t('registry.birthDate')} rules={[required]}>
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabledDate={(d) => !birthDate.safeParse(d.format('YYYY-MM-DD')).success}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('registry.phone')}
            rules={[zodRule(mobile)]}
            extra={
              mode === 'edit' && maskedPhone
                ? t('console.residents.currentValue', { value: maskedPhone }) + ' ' + keepHint
                : undefined
            }
          >
            <Input type="tel" inputMode="numeric" maxLength={16} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="specialGroups"
        label={t('registry.specialGroups')}
        extra={showSensitive ? t('console.residents.groupsHintSensitive') : t('console.residents.groupsHint')}
      >
        <Checkbox.Group options={groups.map((g) => ({ value: g, label: labels.group(g) }))} />
      </Form.Item>
      {showSensitive && (
        <>
          <Divider titlePlacement="start">{t('console.residents.sensitiveSection')}</Divider>
          <Typography.Paragraph>
            {mode === 'edit' ? t('console.residents.sensitiveEditHint') : t('console.residents.sensitiveNewHint')}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['health', 'conditions']}
                label={t('registry.healthConditions')}
                extra={t('console.residents.conditionsHint')}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['health', 'note']} label={t('registry.healthNote')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['disability', 'kind']} label={t('registry.disabilityKind')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={['disability', 'grade']} label={t('registry.disabilityGrade')}>
                <Select
                  allowClear
                  options={['1', '2', '3', '4'].map((g) => ({ value: g, label: t('registry.gradeN', { grade: g }) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={['disability', 'certificateNo']} label={t('registry.disabilityCertificate')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      <Form.Item name="note" label={t('registry.note')}>
        <Input.TextArea maxLength={500} rows={3} showCount />
      </Form.Item>
    </>
  );
}
