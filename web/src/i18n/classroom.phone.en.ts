// Phone strings of the classroom area (issue 6).
import type { Translation } from './resource.ts';
import type { classroomPhoneZhCN } from './classroom.phone.zh-CN.ts';

export const classroomPhoneEn: Translation<typeof classroomPhoneZhCN> = {
  classroom: {
    phone: {
      link: '4:30 classroom',
      linkDesc: 'On duty today: check children in, hand them to their adults, log tutoring',
      title: '4:30 classroom',
      noSession: 'No 4:30 classroom today (weekend, holiday, or not scheduled yet).',
      date: 'Time', place: 'Place', tutors: 'Tutors on duty', counts: 'Children',
      countsValue: 'expected {{expected}} · in {{inside}} · collected {{out}} · absent {{absent}}',
      alerts: 'Not arrived yet',
      notArrived: '{{name}} has not arrived ({{time}}: family told)',
      clearNote: 'What you found out', clearHint: 'e.g. Parent called: ill today',
      clear: 'Checked — close the alert', cleared: 'Alert closed',
      checkArrivals: 'Check who has not arrived', arrivalsDone: '{{n}} new not-arrived alerts sent',
      children: "Today's children", noChildren: 'No children are expected today.',
      state: { expected: 'expected', in: 'in', out: 'collected', absent: 'absent (reported)', off: 'not a day of theirs' },
      inAt: 'in at {{time}} ({{by}})', outAt: 'collected at {{time}} by {{adult}}',
      checkIn: 'Check in', checkInOf: 'Check in {{name}}', checkedIn: '{{name}} checked in at {{time}}; the family was told',
      checkOut: 'Check out', checkOutOf: 'Check out {{name}}',
      whichAdult: 'Handed to which adult?', proof: 'How to check', byCode: 'Pickup code (6 digits)', byPhone: 'Registered phone number',
      code: 'Pickup code', phone: 'Phone number', confirmOut: 'Check and hand over',
      handedOver: '{{name}} handed to {{adult}} ({{time}}); the guardians were told',
      subjects: { math: 'Maths', chinese: 'Chinese', english: 'English', reading: 'Reading', calligraphy: 'Calligraphy', drawing: 'Drawing', music: 'Music', other: 'Other' },
      logTitle: 'Tutoring log', subject: 'Subject', logChild: 'Which child', everyone: 'The whole class', content: 'What you helped with', saveLog: 'Save', logSaved: 'Saved',
    },
  },
};
