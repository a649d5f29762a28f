// 党员信息 on the volunteer page: shown to party.read, recorded or changed by party.write in a modal.
import { useState } from 'react';
import { Button, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../../shared/console-ui/QueryState.tsx';
import { usePartyMembership } from '../../../../shared/api/party-members.ts';
import { PartyMemberModal } from './PartyMemberModal.tsx';

export function PartyCard({ volunteerId, name, canEdit }: { volunteerId: string; name: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = usePartyMembership(volunteerId, name, true);
  const m = q.data ?? null;
  return (
    <Card
      title={t('console.volunteerParty.title')}
      extra={
        canEdit &&
        q.isSuccess && (
          <Button onClick={() => setOpen(true)}>
            {m ? t('console.volunteerParty.change') : t('console.volunteerParty.set')}
          </Button>
        )
      }
    >
      {q.isLoading && <Loading />}
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.isSuccess && !m && t('console.volunteerParty.notMember')}
      {m && (
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('org.party.kind'), children: t(`org.partyKinds.${m.kind as 'resident'}`) },
            {
              key: 'ps',
              label: t('org.party.publicServant'),
              children: m.isPublicServant ? t('org.party.yes') : t('org.party.no'),
            },
            { key: 'org', label: t('org.party.partyOrg'), children: m.partyOrg },
            { key: 'unit', label: t('org.party.workUnit'), children: m.workUnit ?? '—' },
            { key: 'grid', label: t('org.party.grid'), children: m.gridName ?? '—' },
            { key: 'joined', label: t('org.party.joinedOn'), children: m.joinedOn ?? '—' },
          ]}
        />
      )}
      {open && (
        <PartyMemberModal volunteerId={volunteerId} name={name} member={m} open onClose={() => setOpen(false)} />
      )}
    </Card>
  );
}
