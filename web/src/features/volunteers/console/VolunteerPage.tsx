// One volunteer: the record with the ID number masked, a reveal that is audited, a minor's guardian consent with
// its actions, skills, party membership and teams. Staff edit the record, the skills and the party membership here
// (each per permission).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../shared/console-ui/QueryState.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { useVolunteer, volunteersApi } from '../api.ts';
import { GuardianConsentCard } from './detail/GuardianConsentCard.tsx';
import { PartyCard } from './detail/PartyCard.tsx';
import { SkillsCard } from './detail/SkillsCard.tsx';
import { VolunteerHours } from '../../../shared/console-ui/VolunteerHours.tsx';
import { VolunteerEditModal } from './detail/VolunteerEditModal.tsx';
import { FITNESS_LABEL } from './detail/labels.ts';

export default function VolunteerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const q = useVolunteer(id);
  const canReveal = useCan('volunteers.sensitive');
  const canWrite = useCan('volunteers.write');
  const canReadParty = useCan('party.read');
  const canWriteParty = useCan('party.write');
  const [editing, setEditing] = useState(false);
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const reveal = () =>
    volunteersApi.sensitive(id).then(
      (r) => setIdNumber(r.idNumber),
      (e) => void message.error(errorText(e, t)),
    );
  return (
    <ConsolePage
      title={q.data?.name ?? t('console.volunteers.title')}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('console.volunteers.title'), to: '/console/volunteers' },
        { title: q.data?.name ?? '' },
      ]}
      extra={
        canWrite &&
        q.data && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('console.volunteerEdit.edit')}
          </Button>
        )
      }
    >
      <QueryState query={q}>
        {(v) => (
          <>
            <Card>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'status', label: t('console.volunteers.status'), children: t(`volunteer.status.${v.status}`) },
                  { key: 'age', label: t('console.volunteers.age'), children: `${v.age}（${v.birthDate}）` },
                  { key: 'phone', label: t('console.volunteers.phone'), children: v.phone },
                  {
                    key: 'id',
                    label: t('console.volunteers.idNumber'),
                    children: (
                      <span>
                        {idNumber ?? v.idNumber}{' '}
                        {canReveal && !idNumber && (
                          <Button size="small" onClick={() => void reveal()} title={t('console.volunteers.revealHint')}>
                            {t('console.volunteers.reveal')}
                          </Button>
                        )}
                      </span>
                    ),
                  },
                  { key: 'fitness', label: t('volunteer.fitness'), children: t(FITNESS_LABEL[v.fitness]) },
                  {
                    key: 'political',
                    label: t('console.volunteers.political'),
                    children: t(`volunteer.${v.politicalStatus}`),
                  },
                  {
                    key: 'recruited',
                    label: t('console.volunteers.recruited'),
                    children: t(`volunteer.recruitedOptions.${v.recruitedVia}`),
                  },
                  {
                    key: 'unit',
                    label: t('console.volunteers.unit'),
                    children: v.unitName ?? t('console.volunteers.none'),
                  },
                  {
                    key: 'socialWorker',
                    label: t('org.chart.socialWorker'),
                    children: v.socialWorkerName ?? t('console.volunteers.none'),
                  },
                  {
                    key: 'resident',
                    label: t('console.volunteers.resident'),
                    children: v.residentId ? (
                      <Link to={`/console/residents/${v.residentId}`}>{v.residentName}</Link>
                    ) : (
                      t('console.volunteers.notLinked')
                    ),
                  },
                  ...(v.note ? [{ key: 'note', label: t('console.volunteers.note'), children: v.note }] : []),
                  ...(v.decisionNote
                    ? [{ key: 'decisionNote', label: t('console.volunteers.decisionNote'), children: v.decisionNote }]
                    : []),
                ]}
              />
            </Card>
            {v.guardian && <GuardianConsentCard volunteerId={v.id} guardian={v.guardian} canEdit={canWrite} />}
            <SkillsCard volunteer={v} canEdit={canWrite} />
            <Card title={t('hours.profileTitle')}>
              <VolunteerHours volunteerId={v.id} />
            </Card>
            {canReadParty && <PartyCard volunteerId={v.id} name={v.name} canEdit={canWriteParty} />}
            <Card title={t('console.volunteers.teams')}>
              {v.teams.length ? v.teams.map((tm) => <Tag key={tm.id}>{tm.name}</Tag>) : t('console.volunteers.none')}
            </Card>
            {editing && <VolunteerEditModal volunteer={v} open onClose={() => setEditing(false)} />}
          </>
        )}
      </QueryState>
    </ConsolePage>
  );
}
