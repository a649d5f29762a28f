// English phone strings of three-fixed pairings.
import type { Translation } from './resource.ts';
import type { pairingsPhoneZhCN } from './pairings.phone.zh-CN.ts';

export const pairingsPhoneEn: Translation<typeof pairingsPhoneZhCN> = {
  pairPhone: {
    link: 'My pairings', linkDesc: 'Whom you visit and when; log your visits',
    title: 'My pairings', lead: 'The standing pairings the community arranged for you (fixed person, place and item). After each visit, log it here.',
    empty: 'You have no pairings yet. They appear here once staff arrange one for you.',
    where: 'Place', when: 'When', item: 'Service', resident: 'Resident', since: 'Since',
    due: 'To log: {{dates}}', next: 'Next: {{dates}}', none: 'none', missed: 'Missed {{count}} in the last four weeks: {{dates}}', missedNone: 'No visit missed in the last four weeks. Thank you!',
    lastVisits: 'Last visits', noVisits: 'No visit logged yet.', minutesShort: '{{count}} min',
    logTitle: 'Log a visit', logFor: 'Log a visit to {{name}}', date: 'Date of the visit', today: 'Today', yesterday: 'Yesterday', otherDay: 'Another day',
    minutes: 'How long', notes: 'Notes (optional)', notesHint: 'For example: in good spirits; medicine running low', submit: 'Log this visit', saving: 'Logging…',
    saved: 'Your visit on {{date}} is logged. Thank you!', cancel: 'Cancel', notVolunteer: 'You are not a volunteer yet: please register first.',
    items: {
      weekly_visit: 'Weekly visit', medicine_reminder: 'Medicine reminders', shopping: 'Shopping', cleaning: 'Cleaning', haircut: 'Haircut', chat: 'Chat',
      meal_delivery: 'Meal delivery', escort_medical: 'Escort to the doctor', other: 'Other',
    },
    weekdays: { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' },
    rule: { weekly: 'Every week on {{days}}', everyWeeks: 'Every {{n}} weeks on {{days}}', monthly: 'Every month on {{days}}', everyMonths: 'Every {{n}} months on {{days}}', day: 'day {{d}}', lastDay: 'the last day', sep: ', ' },
  },
};
