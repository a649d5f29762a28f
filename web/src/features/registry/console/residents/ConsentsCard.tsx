// 同意记录: consents given by the resident or a guardian (PIPL), and their withdrawal.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../../../../domain/registry/special-groups.ts';
import { personName } from '../../../../../../domain/registry/schemas.ts';
import { errorText } from '../../../../shared/api/errorText.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useAddConsent, useWithdrawConsent } from '../../api/hooks.ts';
import type { Consent, NewConsent } from '../../api/types.ts';
import { ListCard } from './ListCard.tsx';
import { zodRule } from './validation.ts';
import { useFormSave } from '../parts/useFormSave.ts';

const FIELDS = ['purpose', 'givenByName', 'givenByRelation', 'note'] as const;

export function ConsentsCard({
  residentId,
  consents,
  canWrite,
}: {
  residentId: string;
  consents: Consent[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewConsent>();
  const { formError, save } = useFormSave(form, FIELDS);
  const add = useAddConsent(residentId);
  const withdraw = useWithdrawConsent(residentId);
  const purpose = (p: string) =>
    (CONSENT_PURPOSES as readonly string[]).includes(p) ? t(`consentPurpose.${p as ConsentPurpose}`) : p;

  async function submit() {
    const v = await form.validateFields();
    save(
      add,
      {
        purpose: v.purpose,
        givenByName: v.givenByName.trim(),
        givenByRelation: v.givenByRelation.trim(),
        note: v.note?.trim() || null,
      },
      t('console.consents.added'),
      () => {
        form.resetFields();
        setOpen(false);
      },
    );
  }

  return (
    <ListCard<Consent>
      title={t('console.consents.title')}
      addLabel={t('console.consents.add')}
      canWrite={canWrite}
      onAdd={() => setOpen(true)}
      rows={consents}
      emptyText={canWrite ? t('console.consents.emptyCanAdd') : t('console.consents.empty')}
      columns={[
        { title: t('console.consents.purpose'), dataIndex: 'purpose', render: (v: string) => purpose(v) },
        {
          title: t('console.consents.givenBy'),
          dataIndex: 'givenByName',
          render: (v: string, c) => t('console.consents.givenByLine', { name: v, relation: c.givenByRelation }),
        },
        {
          title: t('console.consents.givenAt'),
          dataIndex: 'givenAt',
          render: (v: string) => formatDateTime(v, i18n.language),
        },
        {
          title: t('console.consents.status'),
          dataIndex: 'withdrawnAt',
          render: (v: string | null) =>
            v ? (
              <Tag>{t('console.consents.withdrawnAt', { at: formatDateTime(v, i18n.language) })}</Tag>
            ) : (
              <Tag icon={<CheckCircleOutlined aria-hidden="true" />} className="cn-tag-ok">
                {t('console.consents.active')}
              </Tag>
            ),
        },
        { title: t('registry.note'), dataIndex: 'note', render: (v: string | null) => v || '' },
        ...(canWrite
          ? [
              {
                title: t('console.actions'),
                key: 'actions',
                width: 110,
                render: (_: unknown, c: Consent) =>
                  c.withdrawnAt ? null : (
                    <Popconfirm
                      title={t('console.consents.withdrawConfirm')}
                      okText={t('console.consents.withdraw')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        withdraw.mutateAsync(c.id).then(
                          () => void message.success(t('console.consents.withdrawn')),
                          (e: unknown) => void message.error(errorText(e, t)),
                        )
                      }
                    >
                      <Button size="small">
                        {t('console.consents.withdraw')}
                        <span className="sr-only"> {purpose(c.purpose)}</span>
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    >
      <Modal
        open={open}
        title={t('console.consents.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="consent" layout="vertical">
          <Form.Item
            name="purpose"
            label={t('console.consents.purpose')}
            rules={[{ required: true, message: t('invalid.required') }]}
          >
            <Select options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consentPurpose.${p}`) }))} />
          </Form.Item>
          <Form.Item
            name="givenByName"
            label={t('console.consents.givenByName')}
            extra={t('console.consents.givenByHint')}
            rules={[{ required: true, message: t('invalid.required') }, zodRule(personName)]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="givenByRelation"
            label={t('console.consents.givenByRelation')}
            extra={t('console.consents.relationHint')}
            rules={[{ required: true, whitespace: true, message: t('invalid.required') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="note" label={t('registry.note')}>
            <Input.TextArea maxLength={200} rows={2} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </ListCard>
  );
}
