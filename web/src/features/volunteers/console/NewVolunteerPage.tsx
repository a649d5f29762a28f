// 代为登记: staff (or a unit coordinator, into their own unit) register a volunteer who cannot do it themselves.
import { App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { isApiError } from '../../../shared/api/errors.ts';
import { useCreateVolunteer } from '../api.ts';

interface Values {
  name: string;
  gender: 'male' | 'female';
  birthDate: Dayjs;
  phone: string;
  idNumber: string;
  fitness: string;
  politicalStatus: string;
  recruitedVia: string;
  guardianName?: string;
  guardianPhone?: string;
  guardianRelation?: string;
  note?: string;
}

export default function NewVolunteerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateVolunteer();
  const birth = Form.useWatch('birthDate', form);
  const minor = !!birth && birth.add(18, 'year').isAfter(new Date());
  const onFinish = async (v: Values) => {
    try {
      const res = await create.mutateAsync({
        name: v.name,
        gender: v.gender,
        birthDate: v.birthDate.format('YYYY-MM-DD'),
        phone: v.phone,
        idNumber: v.idNumber,
        fitness: v.fitness,
        politicalStatus: v.politicalStatus,
        recruitedVia: v.recruitedVia,
        note: v.note || null,
        guardian: minor ? { name: v.guardianName, phone: v.guardianPhone, relation: v.guardianRelation } : null,
      });
      void message.success(t('console.saved'));
      void navigate(`/console/volunteers/${res.id}`);
    } catch (e) {
      if (isApiError(e))
        form.setFields(
          e.fields
            .map((f) => ({
              name: (f.field.startsWith('guardian') ? 'guardianName' : f.field) as keyof Values,
              errors: [f.message],
            }))
            .filter((f) =>
              ['name', 'gender', 'birthDate', 'phone', 'idNumber', 'guardianName'].includes(f.name as string),
            ),
        );
      void message.error(errorText(e, t));
    }
  };
  const req = [{ required: true, message: t('invalid.required') }];
  return (
    <ConsolePage
      title={t('console.volunteers.add')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('console.volunteers.title'), to: '/console/volunteers' },
        { title: t('console.volunteers.add') },
      ]}
    >
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          onFinish={(v) => void onFinish(v)}
          initialValues={{
            gender: 'female',
            fitness: 'good',
            politicalStatus: 'masses',
            recruitedVia: 'residents_committee',
            guardianRelation: 'mother',
          }}
        >
          <Form.Item name="name" label={t('volunteer.name')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="gender" label={t('volunteer.gender')}>
            <Select
              options={[
                { value: 'female', label: t('gender.female') },
                { value: 'male', label: t('gender.male') },
              ]}
            />
          </Form.Item>
          <Form.Item name="birthDate" label={t('volunteer.birthDate')} rules={req}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="phone" label={t('volunteer.phone')} rules={req}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('volunteer.idNumber')} rules={req}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="fitness" label={t('volunteer.fitness')}>
            <Select
              options={[
                { value: 'good', label: t('volunteer.fitnessGood') },
                { value: 'fair', label: t('volunteer.fitnessFair') },
                { value: 'limited', label: t('volunteer.fitnessLimited') },
              ]}
            />
          </Form.Item>
          <Form.Item name="politicalStatus" label={t('volunteer.political')}>
            <Select
              options={(['masses', 'party_member', 'league_member'] as const).map((p) => ({
                value: p,
                label: t(`volunteer.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="recruitedVia" label={t('volunteer.recruited')}>
            <Select
              options={(
                [
                  'residents_committee',
                  'youth_league',
                  'womens_federation',
                  'elderly_association',
                  'disabled_association',
                  'unit',
                  'party',
                  'self',
                ] as const
              ).map((r) => ({ value: r, label: t(`volunteer.recruitedOptions.${r}`) }))}
            />
          </Form.Item>
          {minor && (
            <Card type="inner" title={t('volunteer.guardianTitle')} style={{ marginBottom: 16 }}>
              <p>{t('volunteer.guardianLead')}</p>
              <Form.Item name="guardianName" label={t('volunteer.guardianName')} rules={req}>
                <Input />
              </Form.Item>
              <Form.Item name="guardianPhone" label={t('volunteer.guardianPhone')} rules={req}>
                <Input inputMode="tel" />
              </Form.Item>
              <Form.Item name="guardianRelation" label={t('volunteer.guardianRelation')}>
                <Select
                  options={(['mother', 'father', 'grandparent', 'other'] as const).map((r) => ({
                    value: r,
                    label: t(`volunteer.relationOptions.${r}`),
                  }))}
                />
              </Form.Item>
            </Card>
          )}
          <Form.Item name="note" label={t('console.volunteers.note')}>
            <Input.TextArea />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('console.volunteers.add')}
          </Button>
        </Form>
      </Card>
    </ConsolePage>
  );
}
