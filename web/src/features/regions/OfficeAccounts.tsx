// 辖区账号: an office's own accounts and those of the offices under it. Add one (the role follows the office: a
// street's admin, a district's …); the new account signs in with a text code to its phone, and is told by text.
// Take a role away (never one's own). Phones are masked: the list says who, not how to call them.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../shared/api/errorText.ts';
import { useAddOfficeAccount, useOfficeAccounts, useRemoveOfficeAccount, type OfficeAccount } from './api.ts';

export function OfficeAccounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const list = useOfficeAccounts();
  const add = useAddOfficeAccount();
  const remove = useRemoveOfficeAccount();
  const regions = list.data?.regions ?? [];

  return (
    <Card
      size="small"
      role="region"
      aria-labelledby="office-accounts-title"
      title={
        <h2 className="cn-card-title" id="office-accounts-title">
          {t('regions.accounts.title')}
        </h2>
      }
      extra={
        <Button type="primary" onClick={() => setAdding(true)} disabled={!regions.length}>
          {t('regions.accounts.add')}
        </Button>
      }
    >
      <QueryTable<OfficeAccount>
        query={{ ...list, data: list.data?.accounts }}
        rowKey="id"
        pagination={false}
        size="middle"
        columns={[
          {
            title: t('regions.accounts.name'),
            dataIndex: 'name',
            render: (name: string, a) => (
              <>
                {name} {a.self && <Tag>{t('regions.accounts.you')}</Tag>}
              </>
            ),
          },
          { title: t('regions.accounts.phone'), dataIndex: 'phone' },
          {
            title: t('regions.accounts.office'),
            key: 'region',
            render: (_: unknown, a) => `${a.region.name} · ${t(`regions.accounts.role.${a.role}`)}`,
          },
          { title: t('regions.accounts.titleField'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          {
            title: t('console.actions'),
            key: 'actions',
            render: (_: unknown, a) =>
              a.self ? null : (
                <Popconfirm
                  title={t('regions.accounts.removeConfirm', { name: a.name, office: a.region.name })}
                  okText={t('regions.accounts.remove')}
                  cancelText={t('console.svc.cancel')}
                  onConfirm={() =>
                    void remove
                      .mutateAsync(a.id)
                      .then(() => void message.success(t('regions.accounts.removed')))
                      .catch((e: unknown) => void message.error(errorText(e, t)))
                  }
                >
                  <Button size="small" danger>
                    {t('regions.accounts.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('regions.accounts.add')}
        onClose={() => setAdding(false)}
        fields={['regionId', 'phone', 'name', 'title']}
        successText={t('regions.accounts.added')}
        initialValues={{ regionId: regions[0]?.id }}
        onSubmit={(v) =>
          add.mutateAsync({ regionId: v.regionId, phone: v.phone ?? '', name: v.name ?? '', title: v.title || null })
        }
      >
        <Form.Item name="regionId" label={t('regions.accounts.office')} rules={[{ required: true }]}>
          <Select
            options={regions.map((r) => ({
              value: r.id,
              label: `${r.name} · ${t(`regions.accounts.role.${r.kind}_admin`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('regions.accounts.phone')} rules={[{ required: true }]}>
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('regions.accounts.name')} rules={[{ required: true }]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={t('regions.accounts.titleField')}>
          <Input maxLength={30} placeholder={t('regions.accounts.titlePlaceholder')} />
        </Form.Item>
        <p className="cn-regions__hint">{t('regions.accounts.hint')}</p>
      </FormModal>
    </Card>
  );
}
