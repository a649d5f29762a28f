// Console strings of the badges area.
export const badgesConsoleEn = {
  badges: {
    console: {
      title: 'Love badges',
      lead:
        'Make love QR badge cards for every elder of 60 or over (or any resident who asks), with their or their ' +
        "family's consent. A finder " +
        "who scans one sees only a nickname, the family's cautions and buttons to call the family — never the name, " +
        'address, ID or health. Every scan tells the family and the duty staff.',
      settings: 'Hotline and duty settings',
      issue: 'Make a card',
      issued: 'Made; the card can be printed',
      notConfigured: 'The community hotline and duty phone are not set yet: cards and pages need them.',
      search: 'Find by name or nickname',
      status: 'Status',
      allStatus: 'All statuses',
      statusValue: { active: 'In use', revoked: 'Stopped', replaced: 'Replaced' },
      empty: 'No love badges yet',
      resident: 'Resident',
      nickname: 'Nickname',
      nicknameHint: 'How the page calls them, e.g. "Grandma Wang"; not the real name.',
      cautions: "The family's cautions",
      cautionsHint:
        'E.g. "She has memory loss; please stay with her and call the family". No illness names or address.',
      contacts: 'Call list',
      contactsHint:
        'One per line: label phone, e.g. "Daughter 13800000000". The first line is the big button on the page.',
      scans: 'Scans',
      issuedAt: 'Made',
      viewScans: 'Scans',
      print: 'Print card',
      open: 'Preview page',
      openHint: 'A preview is not a scan and tells nobody',
      edit: 'Edit',
      editTitle: 'Edit the card of "{{nickname}}"',
      reissue: 'Reissue',
      reissued: 'Reissued: the old card no longer works; print the new one',
      revoke: 'Stop',
      revokeTitle: 'Stop the card of "{{nickname}}"',
      revoked: 'Stopped: a scan now shows only the community hotline',
      reason: 'Reason',
      issueHint:
        'Lists every elder of 60 or over with no card: consent on file first, then dementia or chronic illness; ' +
        'type a name to find anyone else. The call ' +
        "list comes from the resident's family contacts; the family can change it later on their phone.",
      pickResident: 'Choose a resident',
      group: { dementia: 'Dementia', chronic_illness: 'Chronic illness' },
      hotline: 'Community hotline',
      hotlineHint: "Printed on the card; the only number a stopped card's page shows.",
      dutyPhone: 'Duty phone',
      dutyPhoneHint: 'The fallback on the page when the family does not answer.',
      notifyPhones: 'Duty notification mobiles',
      notifyPhonesHint: 'Every scan is texted to these mobiles (one per line).',
      scansTitle: 'Scans of "{{nickname}}"',
      scansAudited: "Reading the scans is recorded in the audit log (they include finders' locations).",
      noScans: 'Nobody has scanned it yet',
      scanAt: 'When',
      scanKind: 'Kind',
      kind: { view: 'Viewed the page', message: 'Message' },
      scanMessage: 'Message and place',
      map: 'Map',
      notified: 'Notified',
      yes: 'Yes',
      returned: 'Found',
      returnedYes: 'Home safe',
      markReturned: 'Family called: found, home',
      markReturnedConfirm:
        'Has the family confirmed the elder was found and is home safe? It goes into the record of service.',
      markedReturned: 'Recorded: the elder is home safe',
      reload: 'Same finder reloading; not notified again',
      consent: 'Consent of the person or their guardian',
      consentHint:
        "The page gives the family's phones to whoever finds the person, and the scans record where they were found " +
        '(sensitive personal information under PIPL). Get the consent of the person or their guardian first; it is ' +
        "kept in the resident's record, and withdrawing it stops the card at once.",
      consentBy: 'Given by',
      consentSelf: 'The person',
      consentGuardian: 'Guardian',
      consentName: 'Name of who consents',
      consentRelation: "Guardian's relation to the person",
      consentRelationExample: 'e.g. son',
      consentOnFile: 'Consent on file: {{name}} ({{relation}}), {{date}}',
      noConsent: 'No consent on file',
      consentListed: 'consented',
    },
  },
};
