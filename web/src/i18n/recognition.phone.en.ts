// English phone strings of recognition.
import type { Translation } from './resource.ts';
import type { recognitionPhoneZhCN } from './recognition.phone.zh-CN.ts';

export const recognitionPhoneEn: Translation<typeof recognitionPhoneZhCN> = {
  recPhone: {
    link: 'My star and commendations',
    linkDesc: 'Star level, notices, whether my name is shown',
    title: 'My star level',
    back: 'Back',
    awarded: 'Star level',
    none: 'No star level yet',
    stars: '{{n}}-star volunteer',
    hours: 'Verified hours',
    hoursValue: '{{n}} hours',
    inNotice: '★{{n}} in public notice until {{date}}',
    reached: 'Your hours reach ★{{n}}; a public notice will open',
    consentTitle: 'Naming me in commendations',
    consentLead:
      'When I am commended, may the public list and poster show my name, team and hours? Saying no does not affect ' +
      'the selection.',
    consentOn: 'Show my name',
    consentOff: 'Do not show my name',
    consentNow: 'Now: {{state}}',
    yes: 'shown',
    no: 'not shown',
    paper: '(recorded from a paper form)',
    saved: 'Saved',
    health: {
      title: 'My yearly health check',
      lead:
        'You were commended, and the community has booked a health check for you. ' +
        'If the time does not suit, ask the community to change it.',
      year: 'Year',
      when: 'When',
      place: 'Where',
      state: 'Status',
      status: { booked: 'Booked; please go on time', done: 'Done', missed: 'Missed; ask the community to rebook' },
    },
  },
  recPublic: {
    title: 'Outstanding volunteers of {{community}}',
    quarter: 'Q{{n}} {{year}}',
    lead: 'Thank you to these volunteers',
    hours: '{{n}} hours',
    empty: 'None of the volunteers on this list agreed to be named.',
    notFound: 'This commendation list was not found; it may not be published yet.',
    poster: 'Download the poster',
    publishedOn: 'Published {{date}}',
  },
};
