// 爱心超市: redeem by scanning the volunteer card (a scanner types the code and Enter) or typing its code,
// choose items, confirm — all or nothing on the server; the items with their stock; the redemption history.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { VolunteerPicker } from '../../../shared/console-ui/VolunteerPicker.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  pointsApi,
  useCreateItem,
  useItems,
  useRedeem,
  useRedemptions,
  useRestock,
  useUpdateItem,
  useVolunteerPoints,
  type CardSummary,
  type ItemView,
  type RedemptionView,
} from '../api.ts';

/** The card's code from a scan: the whole card URL or the bare token. */
const tokenOf = (s: string) => s.trim().split('/').filter(Boolean).pop() ?? '';

function Redeem() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const redeem = useRedeem();
  const [code, setCode] = useState('');
  const [who, setWho] = useState<CardSummary | null>(null);
  const [findError, setFindError] = useState<string | null>(null);
  const [basket, setBasket] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const items = useItems();
  const account = useVolunteerPoints(who?.id ?? null);
  const active = (items.data ?? []).filter((i) => i.active);
  const total = active.reduce((s, i) => s + (basket[i.id] ?? 0) * i.pricePoints, 0);

  const find = async () => {
    setFindError(null);
    setWho(null);
    setBasket({});
    setError(null);
    try {
      setWho(await pointsApi.card(tokenOf(code)));
    } catch (err) {
      setFindError(errorText(err, t));
    }
  };
  const confirm = async () => {
    if (!who) return;
    setError(null);
    try {
      const r = await redeem.mutateAsync({
        volunteerId: who.id,
        lines: Object.entries(basket)
          .filter(([, q]) => q > 0)
          .map(([itemId, quantity]) => ({ itemId, quantity })),
      });
      void message.success(t('shop.redeemed', { n: r.points }));
      setBasket({});
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={() => void find()}>
        <Form.Item label={t('shop.card')} help={t('shop.cardHint')} htmlFor="shop-card">
          <Input
            id="shop-card"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            style={{ width: 320 }}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={!code.trim()}>
          {t('shop.find')}
        </Button>
      </Form>
      {findError && <Alert type="error" showIcon title={findError} role="alert" />}
      {who && (
        <Card title={`${who.name}（${who.age}）`}>
          {account.data && (
            <Descriptions
              size="small"
              items={[
                {
                  key: 'b',
                  label: t('shop.points'),
                  children: <strong>{t('shop.balance', { n: account.data.balance })}</strong>,
                },
                ...(account.data.debt
                  ? [{ key: 'd', label: '', children: t('shop.debt', { n: account.data.debt }) }]
                  : []),
              ]}
            />
          )}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('shop.choose')}
          </Typography.Title>
          <Table<ItemView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={active}
            locale={{ emptyText: t('shop.empty') }}
            columns={[
              { title: t('shop.name'), dataIndex: 'name' },
              { title: t('shop.price'), dataIndex: 'pricePoints' },
              { title: t('shop.stock'), dataIndex: 'stock' },
              {
                title: t('shop.quantity'),
                render: (_, i) => (
                  <InputNumber
                    aria-label={`${t('shop.quantity')} ${i.name}`}
                    min={0}
                    max={100}
                    precision={0}
                    value={basket[i.id] ?? 0}
                    onChange={(v) => setBasket({ ...basket, [i.id]: Number(v ?? 0) })}
                  />
                ),
              },
            ]}
          />
          <p>
            <strong>{t('shop.total', { n: total })}</strong>
            {account.data && total > account.data.balance ? (
              <Tag color="error" style={{ marginLeft: 8 }}>
                {t('shop.notEnough')}
              </Tag>
            ) : null}
          </p>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          <Space>
            <Button type="primary" loading={redeem.isPending} disabled={total === 0} onClick={() => void confirm()}>
              {t('shop.confirm')}
            </Button>
            <Button onClick={() => setBasket({})}>{t('shop.clear')}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}

function Items() {
  const { t } = useTranslation();
  const items = useItems();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ItemView | null>(null);
  const [restocking, setRestocking] = useState<ItemView | null>(null);
  const createItem = useCreateItem();
  const updateItem = useUpdateItem();
  const restock = useRestock();
  return (
    <>
      <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
        {t('shop.addItem')}
      </Button>
      <QueryTable<ItemView>
        query={items}
        rowKey="id"
        locale={{ emptyText: t('shop.empty') }}
        pagination={false}
        columns={[
          { title: t('shop.name'), dataIndex: 'name' },
          { title: t('shop.price'), dataIndex: 'pricePoints' },
          { title: t('shop.stock'), dataIndex: 'stock' },
          {
            title: t('shop.active'),
            render: (_, i) =>
              i.active ? <Tag color="success">{t('shop.active')}</Tag> : <Tag>{t('shop.inactive')}</Tag>,
          },
          {
            title: t('console.actions'),
            render: (_, i) => (
              <Space>
                <Button size="small" onClick={() => setRestocking(i)}>
                  {t('shop.restock')}
                  <span className="sr-only"> {i.name}</span>
                </Button>
                <Button size="small" onClick={() => setEditing(i)}>
                  {t('shop.edit')}
                  <span className="sr-only"> {i.name}</span>
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('shop.addItem')}
        onClose={() => setAdding(false)}
        fields={['name', 'pricePoints', 'stock']}
        successText={t('shop.saved')}
        initialValues={{ stock: 0 }}
        onSubmit={async (v) => {
          await createItem.mutateAsync({ name: v.name, pricePoints: v.pricePoints, stock: v.stock ?? 0, active: true });
        }}
      >
        <Form.Item name="name" label={t('shop.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="pricePoints" label={t('shop.price')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="stock" label={t('shop.stock')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!editing}
        title={`${t('shop.edit')} ${editing?.name ?? ''}`}
        onClose={() => setEditing(null)}
        fields={['name', 'pricePoints', 'active']}
        successText={t('shop.saved')}
        initialValues={editing ?? undefined}
        onSubmit={async (v) => {
          await updateItem.mutateAsync({
            id: editing!.id,
            body: { name: v.name, pricePoints: v.pricePoints, active: v.active },
          });
        }}
      >
        <Form.Item name="name" label={t('shop.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="pricePoints" label={t('shop.price')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('shop.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!restocking}
        title={`${t('shop.restock')} ${restocking?.name ?? ''}`}
        onClose={() => setRestocking(null)}
        fields={['quantity', 'note']}
        successText={t('shop.saved')}
        onSubmit={async (v) => {
          await restock.mutateAsync({ id: restocking!.id, body: { quantity: v.quantity, note: v.note || undefined } });
        }}
      >
        <Form.Item name="quantity" label={t('shop.restockQty')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('shop.note')}>
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function History() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [volunteerId, setVolunteerId] = useState<string | undefined>();
  const q = useRedemptions(page, volunteerId);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <VolunteerPicker
          value={volunteerId ?? null}
          onChange={(id) => {
            setVolunteerId(id ?? undefined);
            setPage(1);
          }}
        />
        <ExportButton path="/api/points/redemptions/export" query={{ volunteerId }} fileName="redemptions.xlsx" />
      </Space>
      <QueryTable<RedemptionView>
        query={{ ...q, data: q.data?.items }}
        rowKey="id"
        locale={{ emptyText: t('shop.noHistory') }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('shop.when'), render: (_, r) => new Date(r.createdAt).toLocaleString() },
          { title: t('shop.volunteer'), dataIndex: 'volunteerName' },
          { title: t('shop.what'), render: (_, r) => r.lines.map((l) => `${l.name} × ${l.quantity}`).join('、') },
          { title: t('shop.points'), dataIndex: 'points' },
          { title: t('shop.handledBy'), dataIndex: 'handledByName' },
        ]}
      />
    </>
  );
}

export default function SupermarketPage() {
  const { t } = useTranslation();
  return (
    <ConsolePage title={t('shop.title')}>
      <Typography.Paragraph>{t('shop.lead')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'redeem', label: t('shop.redeem'), children: <Redeem /> },
          { key: 'items', label: t('shop.items'), children: <Items /> },
          { key: 'history', label: t('shop.history'), children: <History /> },
        ]}
      />
    </ConsolePage>
  );
}
