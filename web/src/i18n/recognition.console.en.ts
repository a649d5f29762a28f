// English console strings of recognition and party indicators.
import type { Translation } from './resource.ts';
import type { recognitionConsoleZhCN } from './recognition.console.zh-CN.ts';

export const recognitionConsoleEn: Translation<typeof recognitionConsoleZhCN> = {
  recognition: {
    title: 'Recognition', lead: 'A star level is awarded after a public notice. Each quarter Linli ranks candidates by rules; team leaders nominate, the community admin approves, and the list is published (naming only those who agreed).',
    tabs: { notices: 'Star notices', ranking: 'Quarterly ranking', nominations: 'Nominations', health: 'Health check list' },
    quarter: 'Quarter', quarterLabel: 'Q{{n}} {{year}}',
    notices: {
      lead: 'When verified hours reach a higher star level, Linli opens a public notice every day; after {{days}} days without an upheld objection the level is awarded. Withdraw a notice when an objection is upheld.',
      scan: 'Check now', scanned: '{{opened}} notices opened, {{awarded}} levels awarded', name: 'Name', teams: 'Teams', level: 'Level', hours: 'Hours',
      period: 'Notice period', status: 'Status', open: 'In notice', awarded: 'Awarded', withdrawn: 'Withdrawn', lapsed: 'Not awarded (hours changed)', all: 'All', withdraw: 'Withdraw',
      withdrawTitle: "Withdraw {{name}}'s notice", reason: 'Reason', reasonHint: 'The objection and what was found', withdrawn_ok: 'Notice withdrawn', empty: 'No notices.',
      days: 'Notice days', saveDays: 'Save', daysSaved: 'Saved', stars: '★{{n}}',
    },
    ranking: {
      lead: 'Scoring: +1 per hour served; residents’ average rating ≥ 4.5 +10, ≥ 4 +5, below 3 −10; attendance at activities ≥ 90% +5, ≥ 75% +2; −5 per no-show. Equal scores: more hours first.',
      noAttendance: 'Activity attendance is not connected yet: this ranking leaves out attendance and no-shows.', rank: 'Rank', score: 'Score', explanation: 'How it was scored', nominate: 'Nominate', nominated: 'Nominated',
      nominateTitle: 'Nominate {{name}}', reason: 'Reason', reasonHint: 'What this volunteer did this quarter', done: 'Nominated; waiting for approval', empty: 'No verified hours in this quarter yet.',
      status: { nominated: 'Waiting', approved: 'Approved', rejected: 'Not approved' },
    },
    nominations: {
      lead: 'After approving, press “Publish”. The public page and the poster show only the names, teams and hours of volunteers who agreed.', approve: 'Approve', reject: 'Reject', rejectTitle: 'Reject: {{name}}',
      note: 'Note', approved: 'Approved', rejected: 'Rejected', publish: 'Publish', published: 'Published {{at}} by {{by}}', publishedOk: 'Published: {{approved}} approved, {{named}} named',
      publicPage: 'Open the public page', poster: 'Download the poster (PDF)', consent: 'Agreed to be named', consentYes: 'Agreed', consentNo: 'Not agreed', paperConsent: 'Record paper consent',
      paperConsentOk: 'Recorded', reason: 'Reason', nominatedBy: 'Nominated by', empty: 'No nominations for this quarter.', decidedBy: 'Decided by',
    },
    health: { lead: 'Volunteers commended in any quarter of the year, for the yearly health check.', year: 'Year', export: 'Export Excel', gender: 'Gender', age: 'Age', phone: 'Phone', quarters: 'Commended in', empty: 'Nobody commended this year yet.', male: 'M', female: 'F' },
  },
  partyIndicators: {
    title: 'Party indicators', lead: "Party members' community service: verified hours, services, points and posts claimed, per member, per branch and per unit, with a report for each unit.",
    from: 'From', to: 'To', view: 'View', member: 'Per member', branch: 'Per branch', unit: 'Per unit', name: 'Name', branchCol: 'Branch', unitCol: 'Unit', members: 'Members',
    hours: 'Hours', services: 'Services', activities: 'Activities', visits: 'Visits', appointments: 'Appointments', posts: 'Posts claimed', points: 'Points',
    noUnit: 'No unit given', total: 'Total', export: 'Export unit reports', exportOne: 'Export this unit', pointsPending: 'Points appear once the points ledger is connected.', empty: 'No party members yet.',
  },
};
