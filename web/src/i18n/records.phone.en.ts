// Phone strings of certificates, points and the public verify page (issue 5, records).
export const recordsPhoneEn = {
  certPhone: {
    link: 'My service certificates', linkDesc: 'Request and download a certificate of your service (PDF)',
    title: 'My service certificates',
    explain: 'The residents’ committee issues the certificate. It counts only service the community recorded and verified (not hours waiting for checking, not honour hours). Once issued it never changes; the QR code on it proves it genuine.',
    request: 'Request a certificate', requestAll: 'All verified service', from: 'From (optional)', to: 'To (optional)', requesting: 'Issuing…',
    issued: 'Certificate issued: {{number}}', list: 'Issued certificates', empty: 'No certificate yet. Once you have verified hours, press “Request a certificate”.',
    number: 'No. {{number}}', period: '{{from}} to {{to}}', hours: '{{n}} hours of service', download: 'Download PDF ({{number}})',
    status: { valid: 'Valid', revoked: 'Revoked' }, revokedWhy: 'Revoked because: {{reason}}',
    notVolunteer: 'You are not a volunteer yet. Please register first.',
  },
  pointsPhone: {
    link: 'My points', linkDesc: 'Points balance, what you earned and spent (love supermarket)',
    title: 'My points', balance: 'Points to spend', earned: 'Earned in all', debt: 'To be offset',
    rule: '{{rate}} points per verified hour of service', dailyCap: 'at most {{n}} a day', totalCap: 'at most {{n}} in all',
    explain: 'Points count verified service only; honour hours earn none. If hours are corrected down, their points are taken back; what you already spent is noted as “to be offset” and taken from points you earn later. Bring your volunteer card to the love supermarket: staff scan it to redeem.',
    history: 'Points history', redemptions: 'Redemptions', empty: 'No points yet.', noRedemptions: 'Nothing redeemed yet.',
    kind: { earn: 'Earned by service', reverse: 'Taken back (correction)', redeem: 'Love supermarket' }, points: '{{n}} points', serviceOf: 'Service on {{date}}',
    shortfall: '{{n}} of them were already spent: to be offset', handledBy: 'Handled by {{name}}',
    notVolunteer: 'You are not a volunteer yet. Please register first.',
  },
  verify: {
    title: 'Check a service certificate', genuine: 'This certificate is genuine', revoked: 'This certificate has been revoked', notFound: 'Certificate not found',
    notFoundBody: 'The QR code or link may be incomplete. Please check with the residents’ committee that issued it.',
    number: 'Certificate no.', name: 'Volunteer', issuer: 'Issued by', period: 'Service period', hours: 'Hours of service', issuedOn: 'Issued on', revokedOn: 'Revoked on', revokeReason: 'Reason',
    hoursValue: '{{n}} h', periodValue: '{{from}} to {{to}}',
    note: 'Linli shows this page from the issuer’s records; the name is partly hidden.',
  },
};
