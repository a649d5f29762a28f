// Console strings of the offices above the community (街道, 区, 市).
import type { Translation } from './resource.ts';
import type { regionsConsoleZhCN } from './regions.console.zh-CN.ts';

export const regionsConsoleEn: Translation<typeof regionsConsoleZhCN> = {
  regions: {
    title: {
      street: 'Street office overview',
      district: 'District overview',
      city: 'City overview',
      community: 'Community overview',
    },
    lead:
      "The communities under this office side by side, down to each grid. Figures only: no resident's or " +
      "volunteer's record is shown here.",
    tree: 'Offices and communities',
    treeHint: 'Choose a street office or a community',
    communities: 'Communities of {{name}} ({{count}})',
    community: 'Community',
    street: 'Street office',
    grid: 'Grid',
    grids: 'Grids',
    households: 'Households',
    residents: 'Residents',
    volunteers: 'Volunteers',
    total: 'Total',
    gridsOf: 'Grids of {{name}}',
    open: 'See its grids',
    back: 'Back to {{name}}',
    none: 'No community belongs to this office yet',
    accounts: {
      title: 'Office accounts',
      add: 'Add an account',
      added: 'Added; they have been told by text',
      name: 'Name',
      phone: 'Mobile',
      office: 'Office',
      titleField: 'Position',
      titlePlaceholder: 'e.g. deputy director of the street office',
      you: 'you',
      remove: 'Remove role',
      removed: 'The office role has been taken away',
      removeConfirm: 'Take away {{name}}’s role at {{office}}? The account itself stays.',
      hint: 'A new account has no password: they sign in with their mobile number and a text code.',
      role: { street_admin: 'street admin', district_admin: 'district admin', city_admin: 'city admin' },
    },
    kind: { city: 'City', district: 'District', street: 'Street office', community: 'Community', grid: 'Grid' },
  },
};
