// English phone strings of My messages.
import type { Translation } from './resource.ts';
import type { noticesPhoneZhCN } from './notices.phone.zh-CN.ts';

export const noticesPhoneEn: Translation<typeof noticesPhoneZhCN> = {
  noticesPhone: {
    title: 'My messages',
    link: 'My messages',
    linkDesc: 'Notices the community sent me',
    linkUnread: '{{count}} new',
    none: 'No messages yet. When the community sends you a notice, you will see it here.',
    unread: 'New',
    urgent: 'Urgent',
    from: 'From {{from}}',
    gotIt: 'Got it',
    allRead: 'Mark all read',
    unreadCount: '{{count}} not read yet',
    more: 'Older messages',
    newer: 'Newer messages',
  },
};
