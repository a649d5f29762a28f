// English phone strings of appointments.
import type { Translation } from './resource.ts';
import type { appointmentsPhoneZhCN } from './appointments.phone.zh-CN.ts';

export const appointmentsPhoneEn: Translation<typeof appointmentsPhoneZhCN> = {
  apptPhone: {
    link: 'Book a service',
    linkDesc: 'Free clinic, haircut, legal advice',
    title: 'Book a service',
    lead: 'Choose a service, then a time. We send a text message the day before.',
    kinds: { clinic: 'Free clinic', haircut: 'Haircut', legal: 'Legal advice', other: 'Service' },
    step1: 'Step 1: choose a service',
    step2: 'Step 2: who is it for',
    step3: 'Step 3: choose a time',
    choose: 'Choose {{name}}',
    chosen: 'Chosen: {{name}}',
    change: 'Choose another service',
    forWhom: 'Who is it for',
    me: 'Me',
    family: 'Family',
    noPeople:
      'We could not find your record in this community, so you cannot book online yet. Please call the community ' +
      'office.',
    left: '{{count}} places left',
    noSlots: 'No open times soon. Please look again in a few days, or call the community office.',
    bookAt: 'Book {{weekday}} {{date}} at {{time}}',
    booked: 'Booked: {{name}}, {{date}} {{time}}, {{place}}',
    mine: 'My bookings',
    noBookings: 'No bookings yet.',
    cancel: 'Cancel this booking',
    cancelAsk: 'Cancel the booking for {{service}} ({{date}} {{time}})?',
    cancelYes: 'Yes, cancel',
    cancelNo: 'Keep it',
    cancelledOk: 'Booking cancelled',
    statusConfirmed: 'Booked',
    statusCancelled: 'Cancelled',
    place: 'Place: {{place}}',
    forName: 'For: {{name}}',
    weekdays: { d1: 'Mon', d2: 'Tue', d3: 'Wed', d4: 'Thu', d5: 'Fri', d6: 'Sat', d7: 'Sun' },
    loadingSlots: 'Looking for open times…',
  },
};
