// 党员信息: record or change a volunteer's party membership (PUT replaces the whole record, so every field is sent).
import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyApiErrors } from '../../../../shared/console-ui/formErrors.ts';
import { PARTY_KINDS, type PartyKind } from '../../../../../../domain/volunteers/party.ts';
import { useSetPartyMember, type PartyMember } from '../../../../shared/api/party-members.ts';
import { useGridOptions } from '../../../../shared/api/grids.ts';

interface Values {
  kind: PartyKind;
  isPublicServant: boolean;
  partyOrg: string;
  workUnit?: string;
  gridId?: string | null;
  joinedOn?: Dayjs | null;
}
const FIELDS = ['kind', 'isPublicServant', 'partyOrg', 'workUnit', 'gridId', 'joinedOn'] as const;

function initialOf(m: PartyMember | null): Partial<Values> {
  if (!m) return { kind: 'resident', isPublicServant: false };
  return {
    kind: m.kind as PartyKind,
    isPublicServant: m.isPublicServant,
    partyOrg: m.partyOrg,
    workUnit: m.workUnit ?? '',
    gridId: m.gridId,
    joinedOn: m.joinedOn ? dayjs(m.joinedOn) : null,
  };
}

export function PartyMemberModal({
  volunteerId,
  name,
  member,
  open,
  onClose,
}: {
  volunteerId: string;
  name: string;
  member: PartyMember | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSetPartyMember(volunteerId);
  const grids = useGridOptions();

  async function submit() {
    const v = await form.validateFields();
    setFormError(null);
    save.mutate(
      {
        kind: v.kind,
        isPublicServant: !!v.isPublicServant,
        partyOrg: v.partyOrg.trim(),
        workUnit: v.workUnit?.trim() || null,
        gridId: v.gridId ?? null,
        joinedOn: v.joinedOn ? v.joinedOn.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          void message.success(t('console.volunteerParty.saved'));
          onClose();
        },
        onError: (e) => setFormError(applyApiErrors(form, e, FIELDS, t)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('console.volunteerParty.modalTitle', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="partyMember" layout="vertical" preserve={false} initialValues={initialOf(member)}>
        <Form.Item name="kind" label={t('org.party.kind')} rules={[{ required: true, message: t('invalid.required') }]}>
          <Select options={PARTY_KINDS.map((k) => ({ value: k, label: t(`org.partyKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="isPublicServant" valuePropName="checked">
          <Checkbox>{t('org.party.publicServant')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="partyOrg"
          label={t('org.party.partyOrg')}
          extra={t('console.volunteerParty.partyOrgHint')}
          rules={[{ required: true, whitespace: true, message: t('invalid.required') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="workUnit" label={t('org.party.workUnit')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="gridId" label={t('org.party.grid')}>
          <Select
            allowClear
            placeholder={t('console.volunteerParty.noGrid')}
            loading={grids.isLoading}
            options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('org.party.joinedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
