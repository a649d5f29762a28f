// 审计日志: who did what to which record, filterable, with the hash-chain check.
import { Alert, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Table } from 'antd';
import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../shared/console-ui/QueryState.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { useAuditLog, useVerifyChain, type AuditEntry, type AuditFilters } from './api.ts';
import { detailSummary, detailText } from './detail.ts';

const PAGE_SIZE = 50;
const ENTITY_TYPES = ['resident', 'household', 'building', 'grid', 'account'] as const;
/** Actions the server records today; the box also takes any other. */
const KNOWN_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.two_factor_on',
  'auth.two_factor_off',
  'auth.two_factor_reset',
  'auth.two_factor_recovery_used',
  'auth.two_factor_policy',
  'registry.import',
  'registry.export',
  'building.create',
  'household.create',
  'household.update',
  'resident.create',
  'resident.update',
  'resident.sensitive_read',
  'resident.contact_add',
  'resident.contact_remove',
  'resident.consent_add',
  'resident.consent_withdraw',
];

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    action: params.get('action') || undefined,
    entityType: params.get('entityType') || undefined,
    actor: params.get('actor') || undefined,
  };
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const q = useAuditLog({ ...filters, page, pageSize: PAGE_SIZE });
  const verify = useVerifyChain();
  const [form] = Form.useForm<AuditFilters>();

  const apply = (f: AuditFilters & { page?: number }) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(f))
      if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next[k] = String(v).trim();
    setParams(next);
  };

  return (
    <ConsolePage
      title={t('console.menu.audit')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.audit') }]}
      extra={
        <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('console.audit.verify')}
        </Button>
      }
    >
      <p>{t('console.audit.hint')}</p>
      {verify.isError && <LoadError error={verify.error} />}
      {verify.data && (
        <Alert
          role="status"
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('console.audit.chainOk', { count: verify.data.checked })
              : t('console.audit.chainBroken', { seq: verify.data.brokenAt ?? '?', count: verify.data.checked })
          }
          description={verify.data.ok ? undefined : t('console.audit.chainBrokenHelp')}
        />
      )}
      <Card>
        <Form
          form={form}
          name="auditFilters"
          layout="vertical"
          initialValues={filters}
          onFinish={(v) => apply(v)}
          className="cn-filters"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="actor" label={t('console.audit.actor')} extra={t('console.audit.actorHint')}>
                <Input allowClear maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="action" label={t('console.audit.action')} extra={t('console.audit.actionHint')}>
                <AutoComplete
                  allowClear
                  maxLength={60}
                  options={KNOWN_ACTIONS.map((a) => ({ value: a }))}
                  showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input.trim()) }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="entityType" label={t('console.audit.entityType')}>
                <Select
                  allowClear
                  placeholder={t('console.forms.all')}
                  options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`console.audit.entity.${e}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('console.residents.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ actor: undefined, action: undefined, entityType: undefined });
                apply({});
              }}
            >
              {t('console.residents.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('console.audit.empty') }}
        scroll={{ x: 1000 }}
        expandable={{
          columnTitle: <span className="sr-only">{t('console.audit.expand')}</span>,
          rowExpandable: (e) => detailText(e.detail) !== '',
          expandedRowRender: (e) => <pre className="cn-json">{detailText(e.detail)}</pre>,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('console.totalCount', { count: total }),
          onChange: (p) => apply({ ...filters, page: p }),
        }}
        columns={[
          { title: t('console.audit.seq'), dataIndex: 'seq', width: 80, align: 'right' },
          {
            title: t('console.audit.at'),
            dataIndex: 'at',
            width: 160,
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: t('console.audit.actor'),
            dataIndex: 'actorName',
            width: 140,
            render: (v: string, e) => (e.actorRole ? `${v} · ${labels.role(e.actorRole)}` : v),
          },
          { title: t('console.audit.action'), dataIndex: 'action', width: 180 },
          {
            title: t('console.audit.entityType'),
            dataIndex: 'entityType',
            width: 110,
            render: (v: string) =>
              (ENTITY_TYPES as readonly string[]).includes(v)
                ? t(`console.audit.entity.${v as (typeof ENTITY_TYPES)[number]}`)
                : v,
          },
          { title: t('console.audit.detail'), dataIndex: 'detail', render: (v: unknown) => detailSummary(v) },
          { title: t('console.audit.ip'), dataIndex: 'ip', width: 130 },
        ]}
      />
    </ConsolePage>
  );
}
