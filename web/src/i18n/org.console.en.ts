// English console strings of the skills pool, units, teams and party members.
import type { Translation } from './resource.ts';
import type { orgConsoleZhCN } from './org.console.zh-CN.ts';

export const orgConsoleEn: Translation<typeof orgConsoleZhCN> = {
  org: {
    kinds: {
      school: 'School', party_school: 'Party school', hospital: 'Hospital', company: 'Company', residents_committee: "Residents' committee", youth_league: 'Youth League branch',
      womens_federation: "Women's Federation", elderly_association: 'Elderly Association', disabled_association: "Disabled Persons' Association", social_org: 'Social organisation',
    },
    teamKinds: { squad: 'N+ squad', culture: 'Culture team', silver: 'Silver-hair group', unit_team: 'Unit team' },
    partyKinds: { in_service: 'In-service', resident: 'Resident', floating: 'Floating' },
    levels: { basic: 'Basic', skilled: 'Skilled', expert: 'Expert' },
    memberStatus: { active: 'Member', requested: 'Asked to join', rejected: 'Not accepted', removed: 'Removed' },
    roles: { leader: 'Leader', member: 'Member' },
    common: {
      name: 'Name', kind: 'Kind', add: 'Add', save: 'Save', cancel: 'Cancel', delete: 'Delete', deleteConfirm: 'Delete this?', all: 'All', search: 'Search',
      searchPlaceholder: 'Name, pinyin, initials or phone tail', description: 'Description', empty: 'Nothing here yet', phone: 'Phone', approve: 'Approve', reject: 'Reject', remove: 'Remove',
      done: 'Done', count: 'People', edit: 'Edit', deleted: 'Deleted', gotIt: 'OK',
    },
    skills: {
      title: 'Skills pool', lead: 'Approved volunteers by professional skill: seven professional categories and one for special groups. Choose a category card to filter.',
      category: 'Category', skill: 'Skill', level: 'Level', licence: 'Licence', licenceAny: 'Any licence', licenceValid: 'Licence valid', licenceExpired: 'Licence expired',
      name: 'Name', age: 'Age', gender: 'Gender', unit: 'Unit', skills: 'Skills', expires: 'valid until {{date}}', expired: 'expired', people: '{{count}} people',
      empty: 'No volunteers match. Try other filters, or record skills on a volunteer’s page.', clear: 'Clear filters',
    },
    units: {
      title: 'Units', lead: 'Schools, the Party school, hospitals, companies and social organisations. A unit coordinator manages their own unit’s volunteers only.', address: 'Address', contactName: 'Contact', contactPhone: 'Contact phone',
      volunteers: 'Volunteers', teams: 'Teams', addTitle: 'Add a unit', empty: 'No units yet. Choose Add to record the first.', members: 'Volunteers of this unit',
      editTitle: 'Edit the unit', cannotDelete: 'Cannot delete “{{name}}”', cannotDeleteHint: 'First move the unit’s volunteers to another unit, and delete its teams or attach them elsewhere; then delete the unit.',
    },
    teams: {
      title: 'Teams', lead: 'The 12 N+ squads, 9 culture teams, the silver-hair group and unit teams. A volunteer may serve in several.', leaders: 'Leaders', members: 'Members', requests: 'Join requests',
      unit: 'Unit', addTitle: 'Add a team', roster: 'Members', pending: 'Join requests', noRequests: 'No join requests waiting.', empty: 'No teams yet. Choose Add to create the first.',
      requestedAt: 'Asked on', status: 'Status', role: 'Role', open: 'Members',
      editTitle: 'Edit the team', addMember: 'Add to the team', memberAdded: 'Added to the team', mine: 'You lead a team: only the teams you lead are listed. You can decide join requests, remove members and edit the team’s description.',
      leaderFields: 'Community staff change a team’s name, kind and unit.',
    },
    party: {
      title: 'Party members', lead: 'In-service, resident and floating party members, managed by grid; in-service members report to the community where they live and claim posts.', members: 'Members', reports: 'Reports', posts: 'Posts',
      kind: 'Type', publicServant: 'Public servant', partyOrg: 'Party organisation', workUnit: 'Work unit', grid: 'Grid', joinedOn: 'Joined', reportCount: 'Reports', lastReported: 'Last report',
      reportedOn: 'Reported on', unitPartyOrg: 'Unit party organisation', claimedPosts: 'Posts claimed', postTitle: 'Post', capacity: 'Places', claimed: 'Claimed', unlimited: 'No limit',
      addPost: 'Add a post', emptyMembers: 'No party members recorded yet. Record party membership on a volunteer’s page.', emptyReports: 'No reports yet.', emptyPosts: 'No posts yet. Choose Add a post to publish the list.',
      yes: 'Yes', no: 'No',
    },
  },
};
