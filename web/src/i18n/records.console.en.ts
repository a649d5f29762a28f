// Console strings of certificates and the love supermarket (issue 5, records).
export const recordsConsoleEn = {
  certs: {
    title: 'Service certificates', lead: 'Issue a certificate of a volunteer’s service. It counts only service this community recorded and verified; honour hours are listed apart and never counted as service. An issued certificate never changes, whatever is corrected later; if it is wrong, revoke it and issue a new one.',
    issue: 'Issue a certificate', volunteer: 'Volunteer', from: 'From', to: 'To', periodHint: 'Leave empty for all the volunteer’s verified service up to today',
    issued: 'Issued {{number}}', number: 'No.', name: 'Volunteer', period: 'Period', hours: 'Hours of service', honour: 'Honour hours', status: 'Status',
    issuedAt: 'Issued', handler: 'Handled by', download: 'Download PDF', revoke: 'Revoke', revokeTitle: 'Revoke certificate {{number}}', reason: 'Reason for revoking', revoked: 'Revoked',
    statusValue: { valid: 'Valid', revoked: 'Revoked' }, allStatus: 'Any status', search: 'Number or name', empty: 'No certificate issued yet.',
    settings: 'Issuer settings', settingsHint: 'The issuer, responsible person, handler and contact phone printed on certificates; numbers read PREFIX-YEAR-SEQUENCE.', notConfigured: 'The issuer is not set up: certificates use defaults (no contact phone). Please fill in the settings.',
    issuerName: 'Issuer', responsiblePerson: 'Responsible person', handlerName: 'Default handler (for volunteers’ own requests)', contactPhone: 'Contact phone', prefix: 'Number prefix',
    pointsRules: 'The points rule is set under Service hours → Rules.',
  },
  shop: {
    title: 'Love supermarket', lead: 'Volunteers spend their service points on goods. Scan the volunteer card (or type its code), choose the items, confirm. Beyond the points or the stock, nothing is deducted.',
    redeem: 'Redeem', items: 'Items and stock', history: 'Redemptions',
    card: 'Volunteer card code', cardHint: 'Scan or type the code in the card’s QR code', find: 'Find', balance: '{{n}} points to spend', debt: '{{n}} to be offset',
    choose: 'Choose items', quantity: 'Quantity', total: 'Total {{n}} points', confirm: 'Confirm redemption', redeemed: 'Redeemed: {{n}} points deducted', clear: 'Clear', notEnough: 'Not enough points',
    addItem: 'Add an item', name: 'Name', price: 'Points', stock: 'Stock', active: 'On the shelf', inactive: 'Off the shelf', restock: 'Restock', restockQty: 'Quantity in', note: 'Note',
    saved: 'Saved', when: 'When', volunteer: 'Volunteer', what: 'Items', points: 'Points', handledBy: 'Handled by', empty: 'No items yet: add one first.', noHistory: 'No redemptions yet.',
    edit: 'Edit',
  },
};
