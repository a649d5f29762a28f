// 添加 / 修改技能: a skill from the catalogue with its level and, for licensed skills, the licence. The licence
// rules (required for licensed skills, not expired) live on the server; its answers land on the fields here.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { SKILL_LEVELS } from '../../../../../../domain/volunteers/skills.ts';
import { useCatalogue } from '../../../../shared/api/skills-catalogue.ts';
import { useSkillEdits, type SkillPatch, type VolunteerDetail } from '../../api.ts';
import { useSkillName } from './skillName.ts';

type Skill = VolunteerDetail['skills'][number];
interface Values {
  code: string;
  level: (typeof SKILL_LEVELS)[number];
  licenceNo?: string;
  licenceExpiresOn?: Dayjs | null;
}
const FIELDS = ['code', 'level', 'licenceNo', 'licenceExpiresOn'] as const;

const licenceOf = (v: Values) => ({
  licenceNo: v.licenceNo?.trim() || null,
  licenceExpiresOn: v.licenceExpiresOn ? v.licenceExpiresOn.format('YYYY-MM-DD') : null,
});

/** A changed level alone; the licence only when it was touched (the server re-checks a licence it is sent). */
function patchOf(skill: Skill, v: Values): SkillPatch {
  const patch: SkillPatch = {};
  if (v.level !== skill.level) patch.level = v.level;
  const l = licenceOf(v);
  if (l.licenceNo !== skill.licenceNo || l.licenceExpiresOn !== skill.licenceExpiresOn) Object.assign(patch, l);
  return patch;
}

export function SkillFormModal({
  volunteer,
  skill,
  open,
  onClose,
}: {
  volunteer: VolunteerDetail;
  /** The skill to change, or null to add one. */
  skill: Skill | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const edits = useSkillEdits(volunteer.id);
  const catalogue = useCatalogue();
  const skillName = useSkillName();
  const code = Form.useWatch('code', form);
  const en = i18n.language === 'en';
  const licensed = !!catalogue.data?.categories.some((c) => c.skills.some((s) => s.code === code && s.licensed));
  const has = new Set(volunteer.skills.map((s) => s.code));
  const pending = edits.add.isPending || edits.update.isPending;
  // Grouped by category; skills the volunteer already has are left out (the server would refuse them).
  const addableOptions: SelectProps['options'] = (catalogue.data?.categories ?? []).map((c) => ({
    label: en ? c.en : c.zh,
    title: en ? c.en : c.zh,
    options: c.skills
      .filter((s) => !has.has(s.code))
      .map((s) => ({
        value: s.code,
        label: `${en ? s.en : s.zh}${s.licensed ? t('console.volunteerSkills.licensed') : ''}`,
      })),
  }));

  async function submit() {
    const v = await form.validateFields();
    setFormError(null);
    const onError = (e: unknown) => setFormError(applyApiErrors(form, e, FIELDS, t));
    if (!skill) {
      edits.add.mutate(
        { code: v.code, level: v.level, ...licenceOf(v) },
        {
          onSuccess: () => {
            void message.success(t('console.volunteerSkills.added'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch = patchOf(skill, v);
    if (Object.keys(patch).length === 0) return onClose();
    edits.update.mutate(
      { code: skill.code, patch },
      {
        onSuccess: () => {
          void message.success(t('console.saved'));
          onClose();
        },
        onError,
      },
    );
  }

  return (
    <Modal
      open={open}
      title={
        skill
          ? t('console.volunteerSkills.editTitle', { skill: skillName(skill.code) })
          : t('console.volunteerSkills.addTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="volunteerSkill"
        layout="vertical"
        preserve={false}
        initialValues={
          skill
            ? {
                code: skill.code,
                level: skill.level,
                licenceNo: skill.licenceNo ?? '',
                licenceExpiresOn: skill.licenceExpiresOn ? dayjs(skill.licenceExpiresOn) : null,
              }
            : { level: 'skilled' }
        }
      >
        <Form.Item
          name="code"
          label={t('org.skills.skill')}
          rules={[{ required: true, message: t('invalid.required') }]}
        >
          <Select
            disabled={!!skill}
            loading={catalogue.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={skill ? [{ value: skill.code, label: skillName(skill.code) }] : addableOptions}
          />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('org.skills.level')}
          rules={[{ required: true, message: t('invalid.required') }]}
        >
          <Select options={SKILL_LEVELS.map((l) => ({ value: l, label: t(`org.levels.${l}`) }))} />
        </Form.Item>
        {licensed && (
          <Alert type="info" showIcon title={t('console.volunteerSkills.licenceHint')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="licenceNo" label={t('volunteer.licenceNo')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="licenceExpiresOn" label={t('volunteer.licenceExpiresOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
