// 热线登记: a phone request entered in under 30 seconds. The number field has the cursor when the page opens;
// Enter finds the caller; the category and the description follow at once in tab order; Enter submits; the
// cursor goes back to the number for the next call. Defaults: channel phone, urgency normal, place = home.
import { useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { FormAlert } from '../../../shared/console-ui/FormModal.tsx';
import { applyApiErrors } from '../../../shared/console-ui/formErrors.ts';
import { NEED_URGENCIES } from '../../../../../domain/needs/needs.ts';
import { SKILL_CATEGORIES, SKILLS } from '../../../../../domain/volunteers/skills.ts';
import { useTakeNeed, type NewNeed, type SkillCategory } from '../api.ts';
import { useNeedText } from './useNeedText.ts';
import { CallerFinder, type ChosenResident } from './CallerFinder.tsx';

const FIELDS = [
  'category',
  'skillCode',
  'urgency',
  'preferredDate',
  'preferredStart',
  'preferredEnd',
  'place',
  'description',
] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Values {
  category: SkillCategory;
  skillCode?: string;
  urgency: NewNeed['urgency'];
  preferredDate?: Dayjs | null;
  preferredStart?: string;
  preferredEnd?: string;
  place?: string;
  description: string;
}

export default function HotlinePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useNeedText();
  const take = useTakeNeed();
  const [form] = Form.useForm<Values>();
  const [resident, setResident] = useState<ChosenResident | null>(null);
  const [taken, setTaken] = useState<{ id: string; name: string } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const busy = take.isPending;
  const [call, setCall] = useState(0);
  const category = Form.useWatch('category', form);

  const choose = (r: ChosenResident | null) => {
    setResident(r);
    if (!r) return;
    form.setFieldValue('place', r.address);
    // Straight on to the category: the next thing staff ask the caller.
    setTimeout(() => document.querySelector<HTMLInputElement>('#category input:checked, #category input')?.focus(), 0);
  };

  const submit = async (v: Values) => {
    if (!resident) {
      setAlert(t('needs.hotline.needResident'));
      return;
    }
    setAlert(null);
    try {
      const body: NewNeed = {
        residentId: resident.id,
        channel: 'phone',
        category: v.category,
        urgency: v.urgency,
        description: v.description.trim(),
        skillCode: v.skillCode || undefined,
        preferredDate: v.preferredDate ? v.preferredDate.format('YYYY-MM-DD') : undefined,
        preferredStart: v.preferredStart?.trim() || undefined,
        preferredEnd: v.preferredEnd?.trim() || undefined,
        place: v.place?.trim() || undefined,
        callerPhone: resident.phone ?? undefined,
      };
      const { id } = await take.mutateAsync(body);
      setTaken({ id, name: resident.name });
      void message.success(t('needs.hotline.taken', { name: resident.name }));
      form.resetFields();
      setResident(null);
      setCall((n) => n + 1);
    } catch (e) {
      setAlert(applyApiErrors(form, e, FIELDS, t));
    }
  };

  // Enter submits from the description; Shift+Enter (or an input method still composing) does not.
  const onDescriptionKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  };

  const timeRule = { pattern: TIME, message: t('needs.hotline.badTime') };
  return (
    <ConsolePage
      title={t('needs.hotline.title')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('needs.board.title'), to: '/console/needs' },
        { title: t('needs.hotline.title') },
      ]}
    >
      <p>{t('needs.hotline.lead')}</p>
      {taken && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('needs.hotline.taken', { name: taken.name })}
          action={<LinkButton to={`/console/needs/${taken.id}`}>{t('needs.hotline.goMatch')}</LinkButton>}
        />
      )}
      <Card>
        <CallerFinder chosen={resident} onChoose={choose} resetSignal={call} />
      </Card>
      <Card title={resident ? t('needs.hotline.chosen', { name: resident.name }) : t('needs.hotline.needResident')}>
        <FormAlert text={alert} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ urgency: 'normal' }}
          disabled={busy}
        >
          <Form.Item name="category" label={t('needs.f.category')} rules={[{ required: true }]}>
            <Radio.Group
              name="category"
              optionType="button"
              buttonStyle="solid"
              options={SKILL_CATEGORIES.map((c) => ({ value: c, label: text.category(c) }))}
              onChange={() => form.setFieldValue('skillCode', undefined)}
            />
          </Form.Item>
          {/* Checked on leaving or submitting, not while typing: a half-typed word is not a mistake. */}
          <Form.Item
            name="description"
            label={t('needs.f.description')}
            extra={t('needs.hotline.descriptionHint')}
            validateTrigger="onBlur"
            rules={[{ required: true, whitespace: true, min: 2 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} onKeyDown={onDescriptionKey} />
          </Form.Item>
          <Form.Item name="urgency" label={t('needs.f.urgency')}>
            <Radio.Group
              name="urgency"
              optionType="button"
              options={NEED_URGENCIES.map((u) => ({ value: u, label: text.urgency(u) }))}
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="preferredDate" label={t('needs.f.date')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="preferredStart" label={t('needs.f.start')} rules={[timeRule]}>
              <Input placeholder={t('needs.hotline.timeHint')} style={{ width: 110 }} maxLength={5} />
            </Form.Item>
            <Form.Item name="preferredEnd" label={t('needs.f.end')} rules={[timeRule]}>
              <Input placeholder={t('needs.hotline.timeHint')} style={{ width: 110 }} maxLength={5} />
            </Form.Item>
            <Form.Item name="skillCode" label={t('needs.f.skill')}>
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder={t('needs.hotline.skillAny')}
                options={SKILLS.filter((s) => !category || s.category === category).map((s) => ({
                  value: s.code,
                  label: text.skill(s.code),
                }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="place" label={t('needs.f.place')} extra={t('needs.hotline.placeHint')}>
            <Input maxLength={100} style={{ maxWidth: 480 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('needs.hotline.submit')}
          </Button>
        </Form>
      </Card>
    </ConsolePage>
  );
}
