// 街道总览 / 区级总览: an office's communities side by side (grids, households, residents, volunteers), and the tree to
// drill from the district to a street, a community and its grids. Figures only: an office reads no record.
import { Card, Table, Typography } from 'antd';
import './regions.css';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage, type Crumb } from '../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { LoadError } from '../../shared/console-ui/QueryState.tsx';
import { useCan } from '../../shared/session/useSession.ts';
import { OfficeAccounts } from './OfficeAccounts.tsx';
import {
  useCommunityFigures,
  useGridFigures,
  useRegionTree,
  type CommunityFigures,
  type Counts,
  type GridFigures,
  type ViewNode,
} from './api.ts';

/** The nodes from the top down to the one with that id (the breadcrumb), or [] when it is not in the tree. */
function pathTo(node: ViewNode, id: string): ViewNode[] {
  if (node.id === id) return [node];
  for (const c of node.children) {
    const p = pathTo(c, id);
    if (p.length) return [node, ...p];
  }
  return [];
}

function TreeList({ node, selected }: { node: ViewNode; selected: string }) {
  const { t } = useTranslation();
  const here = node.id === selected;
  return (
    <li>
      <Link
        to={`?node=${encodeURIComponent(node.id)}`}
        aria-current={here ? 'page' : undefined}
        className="cn-region-link"
      >
        <span className="cn-region-kind">{t(`regions.kind.${node.kind}`)}</span>{' '}
        {here ? <strong>{node.name}</strong> : node.name}
      </Link>
      {node.kind !== 'community' && node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <TreeList key={c.id} node={c} selected={selected} />
          ))}
        </ul>
      )}
    </li>
  );
}

const sum = (rows: Counts[], k: keyof Counts) => rows.reduce((a, r) => a + r[k], 0);

export default function RegionsPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const tree = useRegionTree();
  const managesAccounts = useCan('regions.accounts');
  const top = tree.data;
  const selectedId = params.get('node') ?? top?.id ?? null;
  const path = top && selectedId ? pathTo(top, selectedId) : [];
  const selected = path[path.length - 1] ?? top ?? null;
  const isCommunity = selected?.kind === 'community';
  const figures = useCommunityFigures(top && selected && !isCommunity ? selected.id : null);
  const grids = useGridFigures(isCommunity ? selected.id : null);
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN');
  const countCols = [
    { title: t('regions.households'), dataIndex: 'households', align: 'right' as const, render: n },
    { title: t('regions.residents'), dataIndex: 'residents', align: 'right' as const, render: n },
    { title: t('regions.volunteers'), dataIndex: 'volunteers', align: 'right' as const, render: n },
  ];
  const title = top ? t(`regions.title.${top.kind === 'grid' ? 'community' : top.kind}`) : t('regions.title.street');
  const crumbs: Crumb[] = path.slice(0, -1).map((p) => ({ title: p.name, to: `?node=${encodeURIComponent(p.id)}` }));

  return (
    <ConsolePage title={title} crumbs={crumbs}>
      <Typography.Paragraph type="secondary">{t('regions.lead')}</Typography.Paragraph>
      {tree.isError && <LoadError error={tree.error} onRetry={() => void tree.refetch()} />}
      <div className="cn-regions">
        <Card size="small" title={<h2 className="cn-card-title">{t('regions.tree')}</h2>} className="cn-regions__tree">
          {top && (
            <nav aria-label={t('regions.tree')}>
              <ul className="cn-region-tree">
                <TreeList node={top} selected={selected?.id ?? top.id} />
              </ul>
            </nav>
          )}
        </Card>
        <div className="cn-regions__main">
          {selected && !isCommunity && (
            <Card
              size="small"
              title={
                <h2 className="cn-card-title">
                  {t('regions.communities', { name: selected.name, count: figures.data?.communities.length ?? 0 })}
                </h2>
              }
            >
              <QueryTable<CommunityFigures>
                query={{ ...figures, data: figures.data?.communities }}
                rowKey="id"
                pagination={false}
                size="middle"
                locale={{ emptyText: t('regions.none') }}
                columns={[
                  {
                    title: t('regions.community'),
                    dataIndex: 'name',
                    render: (name: string, r) => <Link to={`?node=${encodeURIComponent(r.id)}`}>{name}</Link>,
                  },
                  ...(selected.kind === 'street' ? [] : [{ title: t('regions.street'), dataIndex: 'street' }]),
                  { title: t('regions.grids'), dataIndex: 'grids', align: 'right' as const, render: n },
                  ...countCols,
                ]}
                summary={(rows) =>
                  rows.length > 1 ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('regions.total')}</Table.Summary.Cell>
                      {selected.kind === 'street' ? null : <Table.Summary.Cell index={1} />}
                      <Table.Summary.Cell index={2} align="right">
                        {n(rows.reduce((a, r) => a + r.grids, 0))}
                      </Table.Summary.Cell>
                      {(['households', 'residents', 'volunteers'] as const).map((k, i) => (
                        <Table.Summary.Cell key={k} index={3 + i} align="right">
                          {n(sum([...rows], k))}
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </Card>
          )}
          {selected && isCommunity && (
            <Card
              size="small"
              title={<h2 className="cn-card-title">{t('regions.gridsOf', { name: selected.name })}</h2>}
            >
              <QueryTable<GridFigures>
                query={{ ...grids, data: grids.data?.grids }}
                rowKey="id"
                pagination={false}
                size="middle"
                columns={[{ title: t('regions.grid'), dataIndex: 'name' }, ...countCols]}
              />
            </Card>
          )}
        </div>
      </div>
      {managesAccounts && <OfficeAccounts />}
    </ConsolePage>
  );
}
