// English phone strings of teams and party members.
import type { Translation } from './resource.ts';
import type { orgPhoneZhCN } from './org.phone.zh-CN.ts';

export const orgPhoneEn: Translation<typeof orgPhoneZhCN> = {
  orgPhone: {
    myTeam: 'My team',
    myTeamDesc: 'Members and join requests',
    noTeam: 'You do not lead a team yet. Please ask the community office.',
    pending: 'Join requests waiting',
    noPending: 'No join requests waiting.',
    members: 'Members',
    approve: 'Accept {{name}}',
    reject: 'Decline {{name}}',
    approved: '{{name}} accepted',
    rejected: '{{name}} declined',
    leader: 'Leader',
    call: 'Call {{phone}}',
    joinTitle: 'Join a team',
    joinDesc: 'Choose a team; its leader accepts you',
    join: 'Ask to join {{name}}',
    joined: 'Member',
    requested: 'Asked; waiting for the leader',
    joinSent: 'Request sent; the leader will decide',
    membersCount: '{{count}} members',
    noTeams: 'The community has no teams yet.',
    kinds: { squad: 'N+ squad', culture: 'Culture team', silver: 'Silver-hair group', unit_team: 'Unit team' },
    partyTitle: 'Party members of my grid',
    partyDesc: 'Party members of the grid and their reports',
    noParty: 'No party members recorded in this grid yet.',
    partyKinds: { in_service: 'In-service', resident: 'Resident', floating: 'Floating' },
    publicServant: 'Public servant',
    reports: '{{count}} reports',
    lastReported: 'last on {{date}}',
    neverReported: 'Not reported yet',
  },
};
