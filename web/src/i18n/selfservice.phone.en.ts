// English phone strings of volunteers' self-service (coming?, no-shows, swaps).
export const selfServicePhoneEn = {
  selfPhone: {
    feedAll: 'This calendar also holds your pairing visits, needs, home care, hospital shifts, rota days and bookings.',
    recordTitle: 'My service record (to download)',
    recordHelp:
      'Download every verified entry with your totals, star and certificates. It is your own data: keep it safe.',
    recordPdf: 'Download PDF',
    recordXlsx: 'Download Excel',
    calendarTitle: 'Subscribe to my schedule',
    calendarHelp:
      'Add this address to your phone calendar (subscribe) and your activities, pairing visits, needs, ' +
      'home-care tasks, hospital shifts, classroom rota days and bookings appear there by themselves. ' +
      'Do not share it.',
    calendarSubscribe: 'Subscribe in my calendar',
    calendarCopy: 'Copy the address',
    calendarCopied: 'Copied',
    calendarRenew: 'A new address (the old one stops working)',
    ask: 'Still coming?',
    yes: 'I will come',
    no: 'I cannot come',
    noAsk: 'Sure you cannot come to "{{title}}"? Your place goes to the first on the waitlist.',
    noYes: 'Yes, I cannot come',
    noNo: 'I will still come',
    coming: 'You said you will come. Thank you!',
    comingOk: 'Noted: you will come.',
    notComingOk: 'Your sign-up is cancelled and the place went to the waitlist. Thank you for telling us.',
    noShow: 'You did not check in this time, so it counts as missed. If you were there, please ask the staff.',
    offer: 'Swap (offer my place)',
    offerOk: 'Your place is offered. We will text you when someone takes it; until then please still come.',
    offered: 'Offered for a swap. Until someone takes it, the shift is still yours.',
    withdraw: 'Take the offer back',
    withdrawn: 'Offer taken back; the shift is still yours.',
    doneTitle: 'Swaps',
    done: '{{name}} took over "{{title}}".',
    offersTitle: 'Shifts you can take',
    offersNone: 'Nobody is offering a shift right now.',
    offeredBy: 'Offered by {{name}}',
    take: 'Take this shift',
    takeOk: 'Done! "{{title}}" is now your shift.',
  },
};
