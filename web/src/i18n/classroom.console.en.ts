// Console strings of the classroom area (issue 6).
import type { Translation } from './resource.ts';
import type { classroomConsoleZhCN } from './classroom.console.zh-CN.ts';

export const classroomConsoleEn: Translation<typeof classroomConsoleZhCN> = {
  classroom: {
    console: {
      title: '4:30 classroom',
      lead: 'After school, children of working and migrant families do their homework here with volunteer tutors until the family collects them. A child is handed only to a registered adult, each with a pickup code of their own (or their registered phone); the guardians get a text at every check-in and check-out.',
      tabToday: 'Today', tabChildren: 'Children and adults', tabSessions: 'Sessions and rota', tabLogs: 'Tutoring logs', tabFigures: 'Figures',
      noSession: 'No session today (weekend, holiday or not scheduled). Generate a term under “Sessions and rota”.',
      date: 'Date', place: 'Place', rota: 'Tutors', expectedBy: 'Expected by', starts: 'Starts', ends: 'Ends',
      state: { expected: 'expected', in: 'in', out: 'collected', absent: 'absent (reported)', off: 'not a day of theirs' },
      addSession: 'Add one session', overlapping: '{{names}} already had service recorded at that time, so these hours were not added; please check under Hours', search: 'Child or adult name, phone ending',
      checkArrivals: 'Check who has not arrived', arrivalsDone: '{{n}} new not-arrived alerts sent',
      alerts: 'Not-arrived alerts', raisedAt: 'Raised', alertState: 'Handling', cleared: 'dealt with', open: 'open', clear: 'Close the alert', clearNote: 'What you found out',
      child: 'Child', grade: 'School and grade', gradeOnly: 'Grade', school: 'School', status: 'Status', in: 'In', out: 'Out',
      byCode: 'pickup code', byPhone: 'phone', checkIn: 'Check in', checkedIn: '{{name}} checked in', checkOut: 'Check out', checkedOut: 'Checked out; the guardians were told',
      absent: 'Absent', absentTitle: '{{name}} will not come', absentNote: 'What the family said',
      checkOutTitle: 'Check out {{name}}: hand to an authorised adult', whichAdult: 'Handed to', proof: 'Checked by', codeOrPhone: 'Pickup code or phone',
      codesTitle: 'Pickup codes (shown this once)', codesLead: 'Give each code to its adult to remember or write down. Linli keeps no readable copy; a lost code can only be reset.',
      adultsOf: 'Adults who may collect {{name}}', addAdult: 'Add an adult', adultName: 'Name', relation: 'Relation', phone: 'Phone', guardian: 'Guardian',
      yes: 'yes', no: 'no', active: 'active', inactive: 'withdrawn', resetCode: 'Reset code', deactivate: 'Withdraw', reactivate: 'Restore', isGuardian: 'Guardian (texted at every check-in and check-out)', done: 'Done',
      enrolled: 'Enrolled', left: 'Left', all: 'All', enrol: 'Enrol a child', birthDate: 'Born', gender: 'Gender', female: 'girl', male: 'boy',
      weekdays: 'Weekdays', wd: { '1': 'Mo', '2': 'Tu', '3': 'We', '4': 'Th', '5': 'Fr' },
      enrolledOn: 'Enrolled on', consent: 'Guardian consent', adults: 'Adults', leave: 'Leave', leaveTitle: '{{name}} leaves', leftOn: 'Last day',
      consentHint: "Consent: the child is under 14, so their data is sensitive and a guardian must agree to it being kept (no ID number needed). The first adult is the consenting guardian.",
      guardianName: 'Guardian', secondAdult: 'Optional: one more adult who may collect (a grandparent, say)',
      term: 'Generate a term', from: 'From', to: 'To', holidays: 'Holidays (comma separated)', rotaOn: 'Tutors on {{day}}', pickTutors: 'Search volunteers by name',
      phAbsent: 'The parent called: a cold', phClear: 'The parent called: ill today', phGrandma: 'Grandmother', phGrandpa: 'Grandfather', phSchool: 'Xiguan Primary School, Jintai', phGrade: 'Year 3', phHolidays: '2026-10-01, 2026-10-02',
      edit: 'Edit', editTitle: 'Edit {{name}}', note: 'Note',
      editRota: 'Change the rota', editRotaTitle: 'Tutors on {{date}}',
      attended: 'Checked in', closed: 'closed', close: 'Close and record hours', closeTitle: 'Close the session of {{date}}', closeHint: 'Tick the tutors who came: their hours go to the hours ledger (source: 4:30 classroom).', present: 'Tutors present',
      noLogs: 'No tutoring logs yet', tutor: 'Tutor', everyone: 'whole class', subject: 'Subject', content: 'What was done',
      year: 'Year', fChildren: 'Children served', fFamilies: 'Families served', fSessions: 'Sessions held', fHours: 'Tutor hours',
      figuresHint: 'Children served: checked in at least once that year. Families: by household (or, for children not in the registry, by their guardians’ phones), so siblings count once.',
    },
  },
};
