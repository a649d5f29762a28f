// Phone strings of the volunteer's own service hours and star level (issue 5).
export const hoursPhoneEn = {
  hoursPhone: {
    link: 'My service hours', linkDesc: 'Star level, verified hours and every service',
    title: 'My service hours', starTitle: '{{count}}-star volunteer', noStar: 'No star yet', starWords: '{{count}} stars',
    toNext: '{{hours}} more hours to reach {{next}} stars (verified hours count)', topStar: 'You have reached the top star level. Thank you!',
    credit: 'Verified', pending: 'Waiting', honour: 'Honour hours', hours: '{{n}} h',
    explain: 'Staff check each service before it counts as verified. Stars count verified service only: never travel time, never honour hours. A new star is first shown publicly for 7 days.',
    entries: 'Service record', empty: 'No service yet. Activities and pairing visits appear here.',
    status: { pending: 'waiting for check', verified: 'verified', corrected: 'corrected (the new entry counts)', honour: 'honour hours' },
    correctedWhy: 'Why corrected: {{reason}}', prev: 'Previous', next: 'Next', page: 'Page {{page}} of {{pages}}',
    disputeButton: 'Something wrong?', disputeEntry: 'Question this entry', disputeMissing: 'A service is missing?', missingDate: 'Date of the service',
    disputeReason: 'What happened', disputeHint: 'e.g. I served two hours that day; the Double Ninth activity is missing', disputeSend: 'Send to staff', cancel: 'Cancel',
    disputeSent: 'Sent. Staff will check and answer you by SMS.', myDisputes: 'My questions', missingService: 'Missing service', youSaid: 'You said: {{reason}}',
    answer: 'Staff answered: {{answer}}', waitingAnswer: 'Waiting for staff to check',
    notVolunteer: 'You are not a volunteer yet. Please register first.',
  },
};
