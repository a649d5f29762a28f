// English console strings of needs and matching.
import type { Translation } from './resource.ts';
import type { needsConsoleZhCN } from './needs.console.zh-CN.ts';

export const needsConsoleEn: Translation<typeof needsConsoleZhCN> = {
  needs: {
    status: { new: 'To match', matched: 'Matched', scheduled: 'Scheduled', in_progress: 'In progress', done: 'Done', reviewed: 'Reviewed', cancelled: 'Cancelled', declined: 'Declined', open: 'Open' },
    channel: { phone: 'Phone', online: 'Online', wechat: 'WeChat', office: 'At the office', survey: 'Survey' },
    urgency: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
    level: { basic: 'basic', skilled: 'skilled', expert: 'expert' },
    f: {
      resident: 'Resident', category: 'Category', skill: 'Skill needed', urgency: 'Urgency', channel: 'Channel', status: 'Status', grid: 'Grid', date: 'Preferred date', start: 'From',
      end: 'To', place: 'Place', description: 'What is needed', createdAt: 'Taken at', volunteer: 'Volunteer', waiting: 'Waiting', preferred: 'Preferred time', scheduledFor: 'Visit at',
      closeReason: 'Reason for cancelling or declining', rating: 'Rating', callerPhone: 'Caller number',
    },
    board: {
      title: 'Needs', lead: 'Every need: emergencies first, then the longest waiting. Open a resident to see the need and match a volunteer.',
      allStatus: 'All statuses', allCategories: 'All categories', allUrgency: 'Any urgency', allChannels: 'All channels', allGrids: 'All grids',
      empty: 'No needs match. For a caller, use "Hotline intake".', total: '{{count}} in all', export: 'Export to Excel', hotline: 'Hotline intake', batch: 'Batch matching', filters: 'Filters',
      hours: '{{n}} h', days: '{{n}} days',
    },
    stats: {
      title: 'Needs in the last year', total: 'Needs', open: 'Open', toMatch: 'Taken to matched', toDone: 'Taken to done', spread: 'median {{median}} h, 90% within {{p90}} h',
      rating: 'Average rating', ratingValue: '{{avg}} ({{count}} ratings)', byChannel: 'By channel', byCategory: 'By category', none: 'None yet', count: '{{n}}',
    },
    hotline: {
      viaFamily: ' · a family member’s number', title: 'Hotline intake', lead: 'Type the caller\'s number and press Enter, pick the resident and the category, describe the need, press Enter. Defaults: phone channel, normal urgency.',
      phone: 'Caller number', find: 'Find', notFound: 'No resident has this number (own or a family contact\'s). Search by name instead.', byName: 'Or find the resident by name',
      byNameHint: 'Name, pinyin or initials', pick: 'For whom', openNeeds: '{{count}} open already', noOpen: 'nothing open',
      submit: 'Take it (Enter)', taken: 'Need taken for {{name}}.', goMatch: 'Match a volunteer', skillAny: 'Any skill', timeHint: 'e.g. 09:00',
      descriptionHint: 'Enter submits, Shift+Enter for a new line', needResident: 'Find and pick the resident first', chosen: 'Resident: {{name}}', badTime: 'Use the form 09:00',
      placeHint: 'The resident\'s address unless you change it',
      badPhone: 'Type the caller\'s number (at least 5 digits)',
    },
    detail: {
      title: 'Need', history: 'History', moves: 'Next step', noMoves: 'This need is closed; its status cannot change.', moved: 'Updated',
      to_new: 'Back to matching', to_scheduled: 'Set the visit time', to_in_progress: 'Start the service', to_done: 'Service done', to_cancelled: 'Cancel', to_declined: 'Decline',
      reason: 'Reason (the resident is told)', when: 'Visit at', review: 'Record the follow-up rating', reviewTitle: 'Follow-up rating', stars: 'Rating', starN: '{{n}} stars', comment: 'What the resident said (optional)',
      reviewed: 'Rating recorded', created: 'Taken ({{channel}})', moveTo: '{{from}} → {{to}}', confirmMove: '"{{action}}" — are you sure?', ok: 'Yes', cancel: 'No',
      backToList: 'Needs',
    },
    match: {
      title: 'Match a volunteer', lead: 'Eligible volunteers, best fit first; each score is the sum of the parts shown.', eligible: '{{count}} eligible volunteers',
      none: 'No volunteer is eligible. Move it back to change the time, or take it again without the skill.', score: '{{score}} points', confirm: 'Confirm', confirmAsk: 'Confirm {{name}} for this need?',
      matched: 'Matched to {{name}}', rank: 'No. {{n}}', why: 'Why (points)', noPoints: 'No points either way', neutral: 'No effect: {{list}}', notNew: 'Only a need waiting to be matched can be matched.',
    },
    why: {
      skill_exact: 'has the skill {{skill}} ({{level}})', skill_category: '{{category}} skill {{skill}} ({{level}})', skill_none: 'no {{category}} skill',
      availability_any_time: 'any time', availability_slot: 'free {{date}} {{start}}–{{end}}', availability_unstated: 'states no regular free time',
      nearness_same_building: 'same building', nearness_same_grid: 'same grid', nearness_unknown: 'address unknown', nearness_elsewhere: 'another grid',
      load_open_tasks: '{{count}} open tasks already', continuity_past_services: 'helped before {{count}} times', preference_preferred_volunteer: 'asked for by the resident',
      preference_gender_match: 'gender as wished ({{gender}})', preference_gender_mismatch: 'not the gender wished ({{gender}})', unknown: '{{detail}}',
    },
    batch: {
      title: 'Batch matching', lead: 'Assigns every need waiting to be matched at once: the best total fit, no volunteer over the cap, the longest waiting first. Preview, then confirm.',
      loadCap: 'Most open tasks per volunteer', preview: 'Preview', apply: 'Confirm the matches', applyAsk: 'Match {{count}} needs as shown?', applied: '{{applied}} matched.',
      skipped: '{{count}} were changed by someone else meanwhile and were skipped.', open: '{{count}} needs waiting', assignments: 'The plan', compare: 'Against first come, first served',
      empty: 'No needs are waiting to be matched.', fit: 'Fit', waiting: 'Waiting', days: '{{n}} days', plan: 'This plan', fcfs: 'First come, first served', measure: 'Measure',
      matchedRow: 'Needs matched', fitRow: 'Total fit', waitRow: 'Longest wait among those left unmatched', leftOutRow: 'Left unmatched though someone could help',
      sentMatched: 'This plan matches {{a}} needs; first come, first served would match {{b}}.', sentFit: 'Total fit {{a}} against {{b}}: {{diff}}.',
      sentWait: 'Of the needs left unmatched, the longest has waited {{a}} days under this plan and {{b}} days under first come, first served.', sentUnservable: '{{count}} more have no eligible volunteer with a free place: neither way can match them.',
      more: '{{n}} points more', same: 'the same', less: '{{n}} points less', previewFirst: 'Press "Preview" to see how the needs would be matched.',
    },
    survey: {
      title: 'Survey progress', lead: 'The household survey: what each household needs. Grid leaders record visits on their phones; here, how many households each grid reached and what they need.',
      since: 'Since', overall: '{{surveyed}} of {{households}} households surveyed ({{share}}%)', grid: 'Grid', households: 'Households', surveyed: 'Surveyed', share: 'Share',
      needs: 'Needs the survey found', category: 'Category', needHouseholds: 'Households', empty: 'No survey visits in this period yet. They appear here once grid leaders record them on their phones.',
    },
  },
};
