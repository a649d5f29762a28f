// 技能库 (专业服务人才资源库): category cards with counts, filters, and the matching volunteers.
import { useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Space, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { useCatalogue, useSkillsPool, type PoolFilters, type PoolPage } from '../api.ts';

const PAGE_SIZE = 30;
type Item = PoolPage['items'][number];

export default function SkillsPoolPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const page = Number(get('page') || 1) || 1;
  const [text, setText] = useState(get('q'));
  const filters: PoolFilters = {
    category: get('category') || undefined,
    skill: get('skill') || undefined,
    level: get('level') || undefined,
    licenceValid: (get('licenceValid') || undefined) as PoolFilters['licenceValid'],
    q: get('q') || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const pool = useSkillsPool(filters);
  const catalogue = useCatalogue();
  const set = (next: Record<string, string>) => {
    const merged: Record<string, string> = {
      category: get('category'),
      skill: get('skill'),
      level: get('level'),
      licenceValid: get('licenceValid'),
      q: get('q'),
      page: '1',
      ...next,
    };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const cats = catalogue.data?.categories ?? [];
  const skillLabel = new Map(cats.flatMap((c) => c.skills.map((s) => [s.code, en ? s.en : s.zh] as const)));
  const skillOptions = cats
    .filter((c) => !filters.category || c.code === filters.category)
    .flatMap((c) => c.skills.map((s) => ({ value: s.code, label: en ? s.en : s.zh })));
  const title = t('org.skills.title');

  return (
    <ConsolePage title={title} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}>
      <p>{t('org.skills.lead')}</p>
      <Row gutter={[12, 12]} role="list" aria-label={t('org.skills.category')}>
        {cats.map((c) => {
          const active = filters.category === c.code;
          return (
            <Col key={c.code} xs={12} md={6} role="listitem">
              <Card size="small" hoverable style={active ? { borderColor: '#0b57d0', borderWidth: 2 } : undefined}>
                <button
                  type="button"
                  className="cn-card-button"
                  aria-pressed={active}
                  onClick={() => set({ category: active ? '' : c.code, skill: '' })}
                  style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}
                >
                  <div style={{ fontWeight: 600 }}>{en ? c.en : c.zh}</div>
                  <div style={{ fontSize: 22 }}>
                    {t('org.skills.people', { count: pool.data?.categories[c.code] ?? 0 })}
                  </div>
                </button>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card>
        <Space wrap>
          <Input.Search
            aria-label={t('org.common.searchPlaceholder')}
            placeholder={t('org.common.searchPlaceholder')}
            value={text}
            allowClear
            style={{ width: 280 }}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() })}
          />
          <Select
            aria-label={t('org.skills.skill')}
            style={{ width: 180 }}
            value={filters.skill ?? ''}
            onChange={(v) => set({ skill: v })}
            showSearch
            optionFilterProp="label"
            options={[{ value: '', label: `${t('org.skills.skill')}：${t('org.common.all')}` }, ...skillOptions]}
          />
          <Select
            aria-label={t('org.skills.level')}
            style={{ width: 150 }}
            value={filters.level ?? ''}
            onChange={(v) => set({ level: v })}
            options={[
              { value: '', label: `${t('org.skills.level')}：${t('org.common.all')}` },
              ...(['basic', 'skilled', 'expert'] as const).map((l) => ({ value: l, label: t(`org.levels.${l}`) })),
            ]}
          />
          <Select
            aria-label={t('org.skills.licence')}
            style={{ width: 150 }}
            value={filters.licenceValid ?? ''}
            onChange={(v) => set({ licenceValid: v })}
            options={[
              { value: '', label: t('org.skills.licenceAny') },
              { value: 'true', label: t('org.skills.licenceValid') },
              { value: 'false', label: t('org.skills.licenceExpired') },
            ]}
          />
          <Button
            onClick={() => {
              setText('');
              setParams({});
            }}
          >
            {t('org.skills.clear')}
          </Button>
          <ExportButton
            path="/api/skills-pool/export"
            query={{
              category: filters.category,
              skill: filters.skill,
              level: filters.level,
              licenceValid: filters.licenceValid,
              q: filters.q,
            }}
            fileName="skills-pool.xlsx"
          />
        </Space>
      </Card>
      {pool.isError && <LoadError error={pool.error} onRetry={() => void pool.refetch()} />}
      <Card>
        <Table<Item>
          rowKey="volunteerId"
          loading={pool.isFetching}
          dataSource={pool.data?.items ?? []}
          locale={{ emptyText: t('org.skills.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: pool.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('console.totalCount', { count: n }),
            onChange: (p) => set({ page: String(p) }),
          }}
          columns={[
            {
              title: t('org.skills.name'),
              dataIndex: 'name',
              render: (_, v) => <Link to={`/console/volunteers/${v.volunteerId}`}>{v.name}</Link>,
            },
            { title: t('org.skills.age'), dataIndex: 'age' },
            {
              title: t('org.skills.gender'),
              dataIndex: 'gender',
              render: (g: string) => (g === 'male' || g === 'female' ? t(`gender.${g}`) : g),
            },
            { title: t('org.common.phone'), dataIndex: 'phone' },
            { title: t('org.skills.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
            {
              title: t('org.skills.skills'),
              key: 'skills',
              render: (_, v) => (
                <Space wrap size={[4, 4]}>
                  {v.skills.map((s) => (
                    <Tag key={s.code} color={s.licenceValid === false ? 'red' : undefined}>
                      {skillLabel.get(s.code) ?? s.code} · {t(`org.levels.${s.level as 'basic'}`)}
                      {s.licenceExpiresOn &&
                        `（${
                          s.licenceValid === false
                            ? t('org.skills.expired')
                            : t('org.skills.expires', { date: s.licenceExpiresOn })
                        }）`}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </ConsolePage>
  );
}
