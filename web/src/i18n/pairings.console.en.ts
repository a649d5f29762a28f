// English console strings of three-fixed pairings and the left-out monitor.
import type { Translation } from './resource.ts';
import type { pairingsConsoleZhCN } from './pairings.console.zh-CN.ts';

export const pairingsConsoleEn: Translation<typeof pairingsConsoleZhCN> = {
  pairings: {
    pickWeekday: 'Choose at least one day', edit: 'Edit', editTitle: 'Edit pairing: {{name}}', saved: 'Saved', logVisit: 'Log a visit', logTitle: 'Log a visit: {{name}}', logged: 'Visit logged', title: 'Three-fixed pairings', lead: 'Fixed person, place and item: a volunteer serving one resident on a schedule. Volunteers log each visit on their phone; an expected visit with none logged within two days counts as missed.',
    list: 'Pairings', missedTab: 'Missed visits', add: 'New pairing', volunteer: 'Volunteer', resident: 'Resident', pickResident: 'Search a resident by name, pinyin or phone tail',
    item: 'Service', itemNote: 'What exactly', itemNoteHint: 'Required when the service is “Other”', place: 'Place', placeHint: "For example: the resident's home, the market",
    schedule: 'Schedule', frequency: 'Repeats', weekly: 'Weekly', monthly: 'Monthly', weekdays: 'Weekdays', everyWeeks: 'Every how many weeks', everyMonths: 'Every how many months',
    monthDays: 'Days of the month', lastDay: 'Last day', startsOn: 'Starts on', endsOn: 'Ends on', endsOnHint: 'Leave empty for no end', serviceType: 'Service type',
    serviceTypeHint: 'Optional. With a service type, Linli checks the volunteer meets it (age, training, insurance, skill).', note: 'Note', status: 'Status', active: 'Active', ended: 'Ended',
    allStatus: 'Any status', visits: 'Visits', lastVisit: 'Last visit', never: 'Never', details: 'Details', end: 'End pairing', endTitle: 'End the pairing: {{name}}',
    endReason: 'Why it ends', endReasonHint: 'For example: the resident moved to a care home', endedOn: 'Ended on', endedMsg: 'Pairing ended', created: 'Pairing created',
    period: 'Period', open: 'open-ended', empty: 'No pairings yet. Use “New pairing” to pair a volunteer with a resident.', emptyFiltered: 'No pairing matches.',
    visitsTitle: 'Visits', visitDate: 'Date', minutes: 'Minutes', notes: 'Notes', loggedBy: 'Logged by', noVisitsYet: 'No visit logged yet.',
    missedRecent: 'Missed, last four weeks', due: 'To log', next: 'Next visits', noneMissed: 'None missed', missedDays: 'Last', days: 'days',
    missedDate: 'Expected on', missedCount: 'Missed in the period', missedEmpty: 'No visit missed in this period.', missedLead: 'An expected visit with none logged within two days either side counts as missed. Please ask the volunteer what happened.',
    notEligible: 'This volunteer does not meet the service: {{reasons}}', endReasonShown: 'Ended because: {{reason}}',
  },
  monitor: {
    export: 'Export to Excel', title: 'Left-out monitor', menu: 'Left-out monitor',
    lead: 'Every resident in a special group, with the days since anyone was last in touch (a pairing visit, a need done, a survey visit), longest first: who gets no help while others get plenty.',
    residents: 'Special-group residents', neverContacted: 'Never contacted', silent: 'No contact for {{days}}+ days', unpaired: 'Unpaired', hidden: '{{count}} more residents only in health-related groups are shown to staff who may see them.',
    group: 'Group', allGroups: 'All groups', grid: 'Grid', allGrids: 'All grids', paired: 'Paired', pairedAll: 'All', pairedYes: 'Paired', pairedNo: 'Not paired',
    name: 'Name', age: 'Age', address: 'Address', groups: 'Groups', lastContact: 'Last contact', daysSince: 'Days without contact', openNeeds: 'Open needs',
    days: '{{count}} days', never: 'Never contacted', yes: 'Yes', no: 'No', empty: 'No resident matches.',
    kind: { visit: 'pairing visit', need: 'need done', survey: 'survey visit' },
    spread: 'How evenly visits spread, per grid', spreadLead: 'Contacts (pairing visits, needs done, survey visits) each special-group resident had in the last {{days}} days.',
    spreadHow: 'Gini coefficient: 0 means everyone had as many contacts; the nearer 1, the more they went to a few (all to one person gives (n−1)/n). Top 10% share: the part of all contacts that went to the most-contacted tenth; 10% when everyone had the same.',
    window: 'Period', window90: 'Last 90 days', window365: 'Last year', contacts: 'Contacts', unvisited: 'No contact', gini: 'Gini', topShare: 'Top 10% share',
    whole: 'Whole community', noData: '—',
  },
};
