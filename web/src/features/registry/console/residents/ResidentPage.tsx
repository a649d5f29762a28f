// One resident: details with masked fields, the audited reveal, family contacts, consents, and edit.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../../shared/console-ui/QueryState.tsx';
import { useCan } from '../../../../shared/session/useSession.ts';
import { useLabels } from '../../../../shared/labels.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useResident } from '../../api/hooks.ts';
import { DibaoValue, MaskedText } from '../parts/Masked.tsx';
import { ConsentsCard } from './ConsentsCard.tsx';
import { ContactsCard } from './ContactsCard.tsx';
import { ResidentEditDrawer } from './ResidentEditDrawer.tsx';
import { ResidentLeftButton } from './ResidentLeftButton.tsx';
import { SensitivePanel } from './SensitivePanel.tsx';

export default function ResidentPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { id } = useParams();
  const q = useResident(id);
  const canWrite = useCan('registry.write');
  const canSensitive = useCan('registry.sensitive');
  const [editing, setEditing] = useState(false);

  const recorded = (has: boolean | null) =>
    has === null ? (
      <span className="cn-masked">
        <LockOutlined aria-hidden="true" /> {t('registry.hidden')}
      </span>
    ) : has ? (
      <span className="cn-masked">
        <LockOutlined aria-hidden="true" />{' '}
        {canSensitive ? t('console.sensitive.recordedSeeBelow') : t('registry.recordedHidden')}
      </span>
    ) : (
      t('common.none')
    );

  return (
    <QueryState query={q}>
      {(r) => (
        <ConsolePage
          title={
            <>
              {r.name}{' '}
              {r.status && r.status !== 'active' && (
                <Tag>
                  {t('console.residents.status', {
                    status:
                      r.status === 'moved_out' || r.status === 'deceased'
                        ? t(`console.residents.statuses.${r.status}`)
                        : r.status,
                  })}
                </Tag>
              )}
            </>
          }
          crumbs={[
            { title: t('console.menu.residents'), to: '/console/residents' },
            { title: r.address, to: `/console/households/${r.householdId}` },
            { title: r.name },
          ]}
          extra={
            canWrite && (
              <Space>
                {r.status === 'active' && <ResidentLeftButton residentId={r.id} name={r.name} />}
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('console.residents.edit')}
                </Button>
              </Space>
            )
          }
        >
          <Card title={t('registry.basicInfo')}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'name', label: t('registry.name'), children: r.name },
                { key: 'gender', label: t('registry.gender'), children: t(`gender.${r.gender}`) },
                {
                  key: 'birth',
                  label: t('registry.birthDate'),
                  children: t('registry.birthWithAge', { date: r.birthDate, age: r.age }),
                },
                { key: 'phone', label: t('registry.phone'), children: <MaskedText value={r.phone} /> },
                { key: 'id', label: t('registry.idNumber'), children: <MaskedText value={r.idNumber} /> },
                { key: 'relation', label: t('registry.relationToHead'), children: labels.relation(r.relationToHead) },
                {
                  key: 'address',
                  label: t('registry.address'),
                  children: <Link to={`/console/households/${r.householdId}`}>{r.address}</Link>,
                },
                {
                  key: 'groups',
                  label: t('registry.specialGroups'),
                  children: r.specialGroups.length
                    ? r.specialGroups.map((g) => <Tag key={g}>{labels.group(g)}</Tag>)
                    : t('common.none'),
                },
                {
                  key: 'dibao',
                  label: t('registry.householdDibao'),
                  children: <DibaoValue value={r.householdDibao} />,
                },
                { key: 'health', label: t('registry.health'), children: recorded(r.hasHealth) },
                { key: 'disability', label: t('registry.disability'), children: recorded(r.hasDisability) },
                { key: 'note', label: t('registry.note'), children: r.note || t('common.none') },
                {
                  key: 'created',
                  label: t('console.residents.createdAt'),
                  children: formatDateTime(r.createdAt, i18n.language),
                },
                {
                  key: 'updated',
                  label: t('console.residents.updatedAt'),
                  children: formatDateTime(r.updatedAt, i18n.language),
                },
              ]}
            />
          </Card>
          {canSensitive && (
            <SensitivePanel key={r.id} residentId={r.id} hasHealth={r.hasHealth} hasDisability={r.hasDisability} />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <ContactsCard residentId={r.id} contacts={r.familyContacts} canWrite={canWrite} />
            </Col>
            <Col xs={24} xl={14}>
              <ConsentsCard residentId={r.id} consents={r.consents} canWrite={canWrite} />
            </Col>
          </Row>
          {canWrite && (
            <ResidentEditDrawer
              resident={r}
              open={editing}
              onClose={() => setEditing(false)}
              showSensitive={canSensitive}
            />
          )}
        </ConsolePage>
      )}
    </QueryState>
  );
}
