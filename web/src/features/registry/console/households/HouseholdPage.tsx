// One household: address, dibao (masked unless allowed), members, and edit / add member.
import { useState } from 'react';
import { Button, Card, Descriptions, Space } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../shared/labels.ts';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { QueryState } from '../../../../shared/console-ui/QueryState.tsx';
import { useCan } from '../../../../shared/session/useSession.ts';
import { useHousehold } from '../../api/hooks.ts';
import { DibaoValue } from '../parts/Masked.tsx';
import { ResidentsTable } from '../residents/ResidentsTable.tsx';
import { HouseholdEditModal } from './HouseholdEditModal.tsx';

export default function HouseholdPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id } = useParams();
  const q = useHousehold(id);
  const canWrite = useCan('registry.write');
  const canSensitive = useCan('registry.sensitive');
  const [editing, setEditing] = useState(false);

  return (
    <QueryState query={q}>
      {(h) => (
        <ConsolePage
          title={h.address}
          crumbs={[
            { title: t('console.menu.grids'), to: '/console/grids' },
            { title: labels.building(h.buildingNumber), to: `/console/grids/${h.gridId}/buildings/${h.buildingId}` },
            { title: t('registry.unitRoom', { unit: h.unit, room: h.room }) },
          ]}
          extra={
            canWrite && (
              <Space wrap>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('console.households.edit')}
                </Button>
                <LinkButton type="primary" icon={<UserAddOutlined />} to={`/console/residents/new?householdId=${h.id}`}>
                  {t('console.residents.addMember')}
                </LinkButton>
              </Space>
            )
          }
        >
          <Card title={t('registry.householdInfo')}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'address', label: t('registry.address'), children: h.address },
                { key: 'head', label: t('registry.head'), children: h.headName ?? t('common.none') },
                { key: 'unit', label: t('registry.unit'), children: h.unit },
                { key: 'room', label: t('registry.room'), children: h.room },
                {
                  key: 'migrant',
                  label: t('registry.migrantHousehold'),
                  children: h.isMigrant ? t('common.yes') : t('common.no'),
                },
                { key: 'dibao', label: t('registry.dibao'), children: <DibaoValue value={h.dibao} /> },
                { key: 'note', label: t('registry.note'), children: h.note || t('common.none'), span: 'filled' },
              ]}
            />
          </Card>
          <Card title={t('console.households.membersTitle', { count: h.members.length })}>
            <ResidentsTable
              rows={h.members}
              loading={false}
              emptyText={canWrite ? t('console.households.noMembersCanAdd') : t('console.households.noMembers')}
            />
          </Card>
          {canWrite && (
            <HouseholdEditModal
              household={h}
              open={editing}
              onClose={() => setEditing(false)}
              canSetDibao={canSensitive}
            />
          )}
        </ConsolePage>
      )}
    </QueryState>
  );
}
