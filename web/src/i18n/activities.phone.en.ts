// Phone strings of activities (issue 5), joined into the base bundle.
export const activitiesPhoneEn = {
  actPhone: {
    link: 'Activities', linkDesc: 'Sign up for activities, check in by scanning', title: 'Activities',
    lead: 'Choose an activity and a shift to sign up. We send a text the day before and two hours before.',
    open: 'Open for sign-up', mine: 'My activities', none: 'No activities open for sign-up now.', noMine: 'You have not signed up for any activity.',
    left: '{{count}} places left', full: 'Full: signing up puts you on the waitlist', join: 'Sign up: {{shift}}', joinWait: 'Join the waitlist: {{shift}}',
    joined: 'Signed up! {{title}}', waitlisted: 'You are on the waitlist. If someone cancels you get the place and a text.',
    statusConfirmed: 'Signed up', statusWaitlisted: 'Waitlist', statusCancelled: 'Cancelled',
    cancel: 'Cancel sign-up', cancelAsk: 'Not going to “{{title}}”?', cancelYes: 'Yes, cancel', cancelNo: 'Keep it', cancelled: 'Sign-up cancelled',
    place: 'Place: {{place}}', when: '{{date}} {{start}}–{{end}}',
    checkedIn: 'Checked in {{time}}', checkedOut: 'Checked out, {{minutes}} minutes', far: 'You checked in far from the place; staff will confirm.',
    feed: 'My calendar', feedHelp: 'Add this address to your phone calendar (subscribe) and your activities appear there. Do not share it.', feedRenew: 'New address',
    checkin: {
      title: 'Check in', code: 'Check-in code (6 digits)', in: 'Check in', out: 'Check out', inOk: 'Checked in! Thank you for coming.', outOk: 'Checked out! {{minutes}} minutes, counted once verified.',
      notSignedUp: 'You are not signed up for this activity. Please ask the staff on site.', scanAgain: 'To check out, scan the QR code on site again.', done: 'You have checked out of this activity. Thank you!',
      locating: 'Finding your position…', back: 'Back to my activities',
    },
  },
};
