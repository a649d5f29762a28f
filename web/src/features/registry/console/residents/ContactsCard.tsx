// 家属联系人: who to call for this resident; add and remove.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { mobile, personName } from '../../../../../../domain/registry/schemas.ts';
import { errorText } from '../../../../shared/api/errorText.ts';
import { useAddContact, useRemoveContact } from '../../api/hooks.ts';
import type { FamilyContact, NewContact } from '../../api/types.ts';
import { MaskedText } from '../parts/Masked.tsx';
import { ListCard } from './ListCard.tsx';
import { zodRule } from './validation.ts';
import { useFormSave } from '../parts/useFormSave.ts';

const FIELDS = ['name', 'relation', 'phone', 'isPrimary'] as const;

export function ContactsCard({
  residentId,
  contacts,
  canWrite,
}: {
  residentId: string;
  contacts: FamilyContact[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewContact>();
  const { formError, save } = useFormSave(form, FIELDS);
  const add = useAddContact(residentId);
  const remove = useRemoveContact(residentId);

  async function submit() {
    const v = await form.validateFields();
    save(
      add,
      { name: v.name.trim(), relation: v.relation.trim(), phone: v.phone.trim(), isPrimary: !!v.isPrimary },
      t('console.contacts.added'),
      () => {
        form.resetFields();
        setOpen(false);
      },
    );
  }

  return (
    <ListCard<FamilyContact>
      title={t('registry.familyContacts')}
      addLabel={t('console.contacts.add')}
      canWrite={canWrite}
      onAdd={() => setOpen(true)}
      rows={contacts}
      emptyText={canWrite ? t('console.contacts.emptyCanAdd') : t('console.contacts.empty')}
      columns={[
        {
          title: t('registry.name'),
          dataIndex: 'name',
          render: (v: string, c) => (
            <>
              {v} {c.isPrimary && <Tag>{t('registry.primaryContact')}</Tag>}
            </>
          ),
        },
        { title: t('console.contacts.relation'), dataIndex: 'relation' },
        { title: t('registry.phone'), dataIndex: 'phone', render: (v: string) => <MaskedText value={v} /> },
        ...(canWrite
          ? [
              {
                title: t('console.actions'),
                key: 'actions',
                width: 100,
                render: (_: unknown, c: FamilyContact) => (
                  <Popconfirm
                    title={t('console.contacts.removeConfirm', { name: c.name })}
                    okText={t('common.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutateAsync(c.id).then(
                        () => void message.success(t('console.contacts.removed')),
                        (e: unknown) => void message.error(errorText(e, t)),
                      )
                    }
                  >
                    <Button danger size="small">
                      {t('common.remove')}
                      <span className="sr-only"> {c.name}</span>
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
        title={t('console.contacts.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="contact" layout="vertical" initialValues={{ isPrimary: contacts.length === 0 }}>
          <Form.Item
            name="name"
            label={t('registry.name')}
            rules={[{ required: true, message: t('invalid.required') }, zodRule(personName)]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="relation"
            label={t('console.contacts.relation')}
            extra={t('console.contacts.relationHint')}
            rules={[{ required: true, whitespace: true, message: t('invalid.required') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('registry.phone')}
            rules={[{ required: true, message: t('invalid.required') }, zodRule(mobile)]}
          >
            <Input type="tel" inputMode="numeric" maxLength={16} />
          </Form.Item>
          <Form.Item name="isPrimary" valuePropName="checked">
            <Checkbox>{t('console.contacts.isPrimary')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </ListCard>
  );
}
