// English phone strings of selections.
import type { Translation } from './resource.ts';
import type { selectionsPhoneZhCN } from './selections.phone.zh-CN.ts';

export const selectionsPhoneEn: Translation<typeof selectionsPhoneZhCN> = {
  selPhone: {
    link: 'Community selections',
    linkDesc: 'Good family, virtuous youth, best neighbour: nominate and vote',
    title: 'Community selections',
    back: 'Home',
    lead: 'Each resident has one vote in each selection; a vote cannot be changed.',
    empty: 'No selection is taking nominations or votes now.',
    voteWindow: 'Voting: {{from}} to {{to}}',
    nominateWindow: 'Nominations: {{from}} to {{to}}',
    ballot: 'Nominees',
    voteFor: 'Vote for {{name}}',
    voted: 'Your vote for {{name}} is counted',
    alreadyVoted: 'You have voted.',
    myChoice: 'my vote',
    nominateTitle: 'Nominate someone',
    nomineeName: 'Name of the person (or family)',
    reason: 'Why',
    nominate: 'Send the nomination',
    nominated: 'Nomination sent; staff will review it for the ballot',
  },
};
