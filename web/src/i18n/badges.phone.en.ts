// Phone strings of the badges area.
export const badgesPhoneEn = {
  badges: {
    phone: {
      link: 'Love badge',
      linkDesc: "Your family member's love badge: who scanned it, their messages; keep the call list",
      title: 'Love badge',
      explain:
        "When someone scans your family member's love badge you get a text at once. Here you see every scan, the " +
        "finder's message and location, and you can change the nickname, cautions and call list on the page.",
      empty: 'No elder who lists you as family has a love badge yet. Ask the community staff to make one if needed.',
      badgeTitle: 'Love badge of {{nickname}}',
      stopped: 'This card has been stopped; a scan shows only the community hotline.',
      scanCount: 'Scanned {{n}} times, {{messages}} messages',
      noScans: 'Nobody has scanned it yet.',
      scans: 'Scans of {{nickname}}',
      message: 'Message from a finder',
      view: 'Someone scanned it',
      place: 'Place: {{place}}',
      map: 'See the shared location on a map',
      returnedButton: 'Found and home safe',
      returning: 'Recording…',
      returned: '✓ Found and home safe',
      onPage: 'What the page shows',
      noCautions: '(no cautions)',
      callList: 'Call list',
      edit: 'Change nickname, cautions and call list',
      nickname: 'Nickname',
      nicknameHint: 'E.g. "Grandma Wang"; not the real name',
      cautions: 'Cautions',
      cautionsHint:
        'Tell a finder how to help, e.g. "She has memory loss; please stay with her". No illness names or address.',
      contactN: 'Contact {{n}}',
      label: 'Label (e.g. son)',
      phone: 'Phone',
      remove: 'Remove contact {{n}}',
      add: 'Add a contact',
      save: 'Save',
      saving: 'Saving…',
      cancel: 'Cancel',
    },
  },
};
