// 首页: the registry at a glance; each special group links to its residents.
import { Card, Col, Row, Space, Statistic } from 'antd';
import { ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SPECIAL_GROUPS } from '../../../../../../domain/registry/special-groups.ts';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../../shared/console-ui/QueryState.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { useCan, useCurrentUser } from '../../../../shared/session/useSession.ts';
import { useLabels } from '../../../../shared/labels.ts';
import { useSummary } from '../../api/hooks.ts';

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const summary = useSummary();
  const canWrite = useCan('registry.write');
  const canImport = useCan('registry.import');
  const canSensitive = useCan('registry.sensitive');

  return (
    <ConsolePage
      title={t('console.dashboard.title', { community: me.community.name })}
      extra={
        <Space wrap>
          {canWrite && (
            <LinkButton to="/console/households/new" icon={<UserAddOutlined />}>
              {t('console.households.add')}
            </LinkButton>
          )}
          {canImport && (
            <LinkButton to="/console/import" icon={<ImportOutlined />}>
              {t('console.menu.import')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <QueryState query={summary}>
        {(s) => {
          const main = [
            { key: 'grids', label: t('registry.grids'), value: s.grids, to: '/console/grids' },
            { key: 'buildings', label: t('registry.buildings'), value: s.buildings, to: '/console/grids' },
            { key: 'households', label: t('registry.households'), value: s.households, to: '/console/grids' },
            {
              key: 'dibao',
              label: t('registry.dibaoHouseholds'),
              value: s.dibaoHouseholds,
              to: canSensitive ? '/console/residents?dibao=true' : undefined,
            },
            { key: 'residents', label: t('registry.residents'), value: s.residents, to: '/console/residents' },
            {
              key: 'aged',
              label: t('registry.aged60Plus'),
              value: s.residentsAged60Plus,
              to: '/console/residents?ageMin=60',
            },
          ];
          const groups = [
            ...SPECIAL_GROUPS.filter((g) => s.specialGroups[g] !== undefined),
            ...Object.keys(s.specialGroups).filter((g) => !(SPECIAL_GROUPS as readonly string[]).includes(g)),
          ];
          return (
            <>
              <section aria-labelledby="dash-registry">
                <h2 id="dash-registry" className="ant-typography" style={{ fontSize: 18 }}>
                  {t('console.dashboard.registry')}
                </h2>
                <Row gutter={[16, 16]}>
                  {main.map((m) => (
                    <Col key={m.key} xs={12} md={8} xl={4}>
                      <Card size="small">
                        <Statistic title={m.label} value={m.value} />
                        {m.to && (
                          <Link to={m.to}>
                            {t('console.dashboard.view')}
                            <span className="sr-only"> {m.label}</span>
                          </Link>
                        )}
                      </Card>
                    </Col>
                  ))}
                </Row>
              </section>
              <section aria-labelledby="dash-groups" style={{ marginTop: 24 }}>
                <h2 id="dash-groups" style={{ fontSize: 18 }}>
                  {t('registry.specialGroups')}
                </h2>
                <p>{t('console.dashboard.groupsHint')}</p>
                <Row gutter={[16, 16]}>
                  {groups.map((g) => (
                    <Col key={g} xs={12} md={8} xl={6}>
                      <Card size="small">
                        <Statistic title={labels.group(g)} value={s.specialGroups[g] ?? 0} />
                        <Link to={`/console/residents?group=${encodeURIComponent(g)}`}>
                          {t('console.dashboard.viewResidents')}
                          <span className="sr-only"> {labels.group(g)}</span>
                        </Link>
                      </Card>
                    </Col>
                  ))}
                </Row>
              </section>
            </>
          );
        }}
      </QueryState>
    </ConsolePage>
  );
}
