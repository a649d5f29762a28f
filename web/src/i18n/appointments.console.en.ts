// English console strings of appointments.
import type { Translation } from './resource.ts';
import type { appointmentsConsoleZhCN } from './appointments.console.zh-CN.ts';

export const appointmentsConsoleEn: Translation<typeof appointmentsConsoleZhCN> = {
  appt: {
    title: 'Appointments',
    lead: 'Free clinic, haircuts, legal advice and other professional services: set providers and schedules, see each day\'s bookings, book for callers.',
    tabs: { day: "Day's bookings", services: 'Services and schedules', book: 'Book for a caller' },
    kinds: { clinic: 'Free clinic', haircut: 'Haircut', legal: 'Legal advice', other: 'Other' },
    channels: { wechat: 'WeChat', phone: 'Phone', online: 'Online', office: 'At the office' },
    status: { confirmed: 'Booked', cancelled: 'Cancelled' },
    weekdays: { d1: 'Mon', d2: 'Tue', d3: 'Wed', d4: 'Thu', d5: 'Fri', d6: 'Sat', d7: 'Sun' },
    everyLine: 'Every {{weekday}} {{start}}–{{end}}', monthLine: '{{weekday}} {{start}}–{{end}}, {{nth}}',
    monthWeeks: { every: 'Every week', w1: '1st of the month', w2: '2nd of the month', w3: '3rd of the month', w4: '4th of the month', w5: 'Last of the month' },
    f: {
      name: 'Service name', kind: 'Kind', description: 'Description', place: 'Place', slotMinutes: 'Slot length (minutes)', placesPerSlot: 'Places per slot', windowDays: 'Book up to (days ahead)',
      noticeHours: 'Minimum notice (hours)', active: 'Open for booking', providers: 'Providers', schedule: 'Schedule', weekday: 'Weekday', start: 'Start', end: 'End', repeat: 'Repeats',
      addRule: 'Add a schedule line', removeRule: 'Remove this line', time: 'Time', resident: 'Resident', phone: 'Phone', channel: 'Channel', statusCol: 'Status', service: 'Service', note: 'Note',
    },
    add: 'Add service', edit: 'Edit', editTitle: 'Edit service', addTitle: 'New bookable service', saved: 'Saved', inactive: 'Paused',
    perSlot: '{{places}} per {{minutes}} minutes', window: 'Up to {{days}} days ahead, at least {{hours}} hours before', noServices: 'No bookable services yet. Click "Add service" to set up a free clinic, haircuts or legal advice.',
    feed: 'Calendar feed', feedTitle: "{{name}}'s calendar feed", feedHelp: 'Add this address to a phone calendar (subscribe) to see the booked slots. Keep it private; if it leaks, click "New address".',
    feedRenew: 'New address', copied: 'Copied', copy: 'Copy',
    date: 'Date', allServices: 'All services', noBookings: 'No bookings on this day.', cancel: 'Cancel booking', cancelConfirm: "Cancel {{name}}'s booking? The place is freed.", cancelled: 'Cancelled',
    callerLabel: "Caller's number or name", callerHint: "The caller's number (the resident's own or a family member's), or a name or pinyin", find: 'Find', noResident: 'Nobody found. Try another number or name.',
    via: { phone: 'Own number', contact: "Family member's number", name: 'Name' },
    chooseResident: 'Book for', chooseService: 'Service', chooseSlot: 'Choose a time', left: '{{count}} places left', noSlots: 'No open times soon.',
    bookFor: 'Book for {{name}}', booked: 'Booked {{service}} for {{name}}: {{time}}', born: 'born {{year}}',
  },
};
