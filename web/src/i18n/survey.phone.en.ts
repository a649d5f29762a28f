// Phone strings of the survey's to-do list and of findings taken as needs. Joined into the base bundle.
import type { Translation } from './resource.ts';
import type { surveyPhoneZhCN } from './survey.phone.zh-CN.ts';

export const surveyPhoneEn: Translation<typeof surveyPhoneZhCN> = {
  surveyTodoPhone: {
    todo: 'Not yet visited',
    all: 'All households',
    listLabel: 'Households not yet visited',
    count: '{{count}} households still to visit',
    empty: 'Every household has been visited this round. Thank you!',
    priority: 'First',
    priorityHint: 'Someone here is in a special group',
    lastVisit: 'Last {{date}}',
    never: 'Never visited',
    findingsTitle: 'Make the problems found into needs',
    findingsLead: '{{address}}: tap “Make it a need” and the community will arrange a volunteer.',
    forWhom: 'For whom',
    toNeed: 'Make it a need',
    taken: 'Taken as a need',
    alreadyTaken: 'A need was already taken for this problem',
  },
};
