// Console strings of the survey's to-do list and findings.
import type { Translation } from './resource.ts';
import type { surveyConsoleZhCN } from './survey.console.zh-CN.ts';

export const surveyConsoleEn: Translation<typeof surveyConsoleZhCN> = {
  surveyTodo: {
    title: 'Survey to-do',
    lead:
      'Households the survey has not reached this round, those with someone in a special group first; a grid leader ' +
      'sees their own grid only. A problem found on a visit becomes a need in one click.',
    grid: 'Grid',
    allGrids: 'All grids',
    since: 'This round began on',
    todo: 'Households not yet visited',
    total: '{{count}} households',
    empty: 'Every household has been visited this round',
    address: 'Address',
    head: 'Head',
    members: 'Members',
    priority: 'First',
    priorityTag: 'Special group',
    lastVisit: 'Last visit',
    never: 'Never visited',
    findings: 'Problems found on visits',
    findingsEmpty: 'No problems noted this round yet',
    visitedOn: 'Visited on',
    visitor: 'Visitor',
    category: 'Kind',
    note: 'Note',
    toNeed: 'Make it a need',
    toNeedDone: 'Taken as a need',
    taken: 'Taken as a need',
    alreadyTaken: 'A need was already taken for this problem',
    viewNeed: 'View need',
    progress: 'Survey progress',
  },
};
