// English phone strings of needs.
import type { Translation } from './resource.ts';
import type { needsPhoneZhCN } from './needs.phone.zh-CN.ts';

export const needsPhoneEn: Translation<typeof needsPhoneZhCN> = {
  needsPhone: {
    link: 'Ask for help', linkDesc: 'A volunteer comes to help; see how your requests are going', title: 'Ask for help',
    lead: 'Tell us what help you need, and the community will find a volunteer to contact you.',
    emergency: 'In an emergency (illness, a fall, a fire) call 120, 119 or 110 now.',
    stepWho: 'Step 1: who needs help', stepWhat: 'Step 2: what kind of help', stepSay: 'Step 3: tell us more', stepWhen: 'Step 4: when suits you',
    me: 'Me', family: 'Family', noPeople: 'We could not find you in this community\'s register, so you cannot ask online yet. Please call the community office.',
    cat: {
      medical: 'Health and care', legal: 'Legal help', education: 'Homework help', culture: 'Culture and sport',
      psychological: 'Someone to talk to', household: 'Home repairs and chores', science_digital: 'Phones and computers', special_groups: 'Care for elders, children, disabled',
    },
    catHint: {
      medical: 'Blood pressure, dressings, going to the doctor', legal: 'Legal advice, paperwork', education: 'Help with children\'s homework', culture: 'Singing, dancing, calligraphy',
      psychological: 'A chat and some company', household: 'Plumbing, wiring, haircuts, mending', science_digital: 'Using a phone, avoiding scams', special_groups: 'Looking after elders, children, disabled people',
    },
    catIcon: {
      medical: 'H', legal: 'L', education: 'E', culture: 'C', psychological: 'T', household: 'R', science_digital: 'P', special_groups: 'A',
    },
    chosen: 'Chosen: {{name}}', change: 'Choose another',
    description: 'What needs doing', descriptionHint: 'For example: the kitchen tap leaks; please send someone to fix it', tooShort: 'Please write a few more words about what is needed', chooseCategory: 'Choose the kind of help in step 2 first',
    dayLabel: 'Which day', partLabel: 'What time',
    day: { any: 'Any day', today: 'Today', tomorrow: 'Tomorrow', after: 'The day after' },
    part: { any: 'Any time', morning: 'Morning (9–12)', afternoon: 'Afternoon (2–5)', evening: 'Evening (6–8)' },
    urgent: 'Quite urgent: please contact me today',
    submit: 'Send my request', sending: 'Sending…', sent: 'We have your request. The community will find a volunteer to contact you soon.',
    mine: 'My requests', noNeeds: 'No requests yet. When you need help, send one above.',
    status: {
      new: 'Received; finding a volunteer', matched: 'A volunteer is found', scheduled: 'Visit time agreed', in_progress: 'Being helped',
      done: 'Done; please rate it', reviewed: 'Rated', cancelled: 'Cancelled', declined: 'The community cannot help with this',
    },
    forName: 'For: {{name}}', volunteer: 'Volunteer: {{name}}', visitAt: 'Visit: {{when}}', reason: 'Reason: {{reason}}', askedOn: 'Sent {{date}}',
    rateTitle: 'How was it? Choose the stars', star: '{{n}} stars', rateSubmit: 'Send my rating', rated: 'Thank you for rating!', yourRating: 'Your rating: {{n}} stars', chooseStars: 'Choose the stars first',
  },
  surveyPhone: {
    link: 'Household survey', linkDesc: 'Record what help each household needs', title: 'Household survey',
    lead: 'Choose a household, tick the help it needs, and save. If it needs none, save anyway: the visit counts.',
    building: 'Building', allBuildings: 'All buildings', stepHousehold: 'Step 1: choose a household', stepNeeds: 'Step 2: what help it needs (tick any)',
    chosen: 'Chosen: {{address}}', change: 'Choose another', choose: 'Choose {{address}}',
    note: 'Note (optional)', noteHint: 'For example: lives alone, walks with difficulty, would like a weekly visit', visitedOn: 'Visited on',
    save: 'Save the visit', saved: 'Visit to {{address}} saved.', lastVisit: 'Last visit: {{date}}, {{name}}', neverVisited: 'Not surveyed yet.', doneNow: '✓ Just surveyed',
    noHouseholds: 'No households found.', count: '{{count}} households', forbidden: 'Only grid leaders and community staff can record the survey.', head: 'Head: {{name}}', members: '{{count}} people',
  },
};
