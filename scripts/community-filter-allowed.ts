// Statements that touch community-scoped tables without pinning them to one community, on purpose. Each is a
// city-wide read or a sweep over every community; scripts/community-filter.ts fails on any other. An entry
// matches when every place the statement is built from is in `file` (and function `fn`, if given) and every
// unpinned table is among `tables`.
export interface Allowed {
  /** Path of the source file, from the repository root. */
  file: string;
  /** The function (as the stack names it), when only one function of the file is meant. */
  fn?: string;
  /** The tables it may leave unpinned; 'every' for a tool that reads each table whole (a row count, say). */
  tables: string[] | 'every';
  why: string;
}

const membershipByAccount =
  'an account is one person across communities: its memberships are found by account_id (at most a few rows, ' +
  'index membership_account_ix); on Citus a query to every shard, at sign-in and session rates, not per page';

export const ALLOWED: Allowed[] = [
  // Sign-in and sessions: the account comes first, the community second.
  {
    file: 'server/src/modules/auth/auth.repository.ts',
    fn: 'Module.findMembership',
    tables: ['membership'],
    why: membershipByAccount,
  },
  {
    file: 'server/src/modules/auth/auth.repository.ts',
    fn: 'Module.communityMemberships',
    tables: ['membership'],
    why: membershipByAccount + ' (the community switcher)',
  },
  {
    file: 'server/src/modules/auth/auth.repository.ts',
    fn: 'Module.loadSessionActor',
    tables: ['membership'],
    why:
      "a session is found by its token hash; its membership by the account and the session's active community " +
      '(membership.community_id = session.active_community_id, a value read in the same statement); cached in memory',
  },
  {
    file: 'server/src/modules/auth/password.repository.ts',
    fn: 'Module.auditCommunityOf',
    tables: ['membership'],
    why: membershipByAccount + " (which community's audit log records a password change)",
  },
  {
    file: 'server/src/platform/notify.ts',
    fn: 'Notifier.whoFor',
    tables: ['membership'],
    why: membershipByAccount + ' (a message to an account)',
  },
  // Token lookups: the token is the only key the request carries.
  {
    file: 'server/src/modules/badges/badges.repository.ts',
    fn: 'Module.byTokenHash',
    tables: ['badge'],
    why:
      'the public badge page is reached by a QR code that carries only the token (unique city-wide, badge_token_ux); ' +
      'on Citus it needs a token → community lookup table (docs/scaling.md)',
  },
  {
    file: 'server/src/modules/publicity/publicity.repository.ts',
    fn: 'Module.shortLinkByCode',
    tables: ['short_link', 'announcement'],
    why:
      'a printed short link /s/<code> carries only its code (50 random bits; index short_link_code_ix); on Citus ' +
      'it needs a code → community lookup like the badge token (docs/scaling.md)',
  },
  // Jobs that sweep every community (joined on community_id, so co-located on Citus).
  {
    file: 'server/src/modules/activities/activities.repository.ts',
    fn: 'Module.dueReminders',
    tables: ['activity_signup', 'activity_shift', 'activity', 'volunteer'],
    why: 'job activities.remind: the sign-ups of every community whose shift starts soon, joined on community_id',
  },
  {
    file: 'server/src/modules/activities/activities.repository.ts',
    fn: 'Module.forgottenCheckouts',
    tables: ['activity_signup', 'activity_shift'],
    why: 'job: check-ins of every community never checked out after the shift ended, joined on community_id',
  },
  {
    file: 'server/src/modules/activities/activities.repository.ts',
    fn: 'Module.seriesBehind',
    tables: ['activity_series'],
    why: 'job: the repeating activities of every community whose dates are not yet generated far enough ahead',
  },
  {
    file: 'server/src/modules/contacts/contacts.backfill.ts',
    fn: 'rebuildContacts',
    tables: [
      'need',
      'volunteer',
      'resident',
      'pairing_visit',
      'appointment_booking',
      'appointment_service',
      'homecare_task',
      'hospital_shift',
      'hospital_stay',
      'delivery_recipient',
      'survey_visit',
      'classroom_attendance',
      'classroom_child',
      'classroom_session',
    ],
    why:
      'the contacts backfill (migration 2026-12-05T1810) rebuilds every community at once; with a community given ' +
      'it is pinned; its joins are on community_id',
  },
  {
    file: 'server/src/modules/classroom/classroom.rollup.ts',
    fn: 'rebuildClassroomRollups',
    tables: ['classroom_attendance', 'classroom_session', 'classroom_child_year', 'classroom_day_held'],
    why:
      'the backfill of the classroom rollups (migration 2026-12-10T0100) rebuilds every community at once; with a ' +
      'community given it is pinned; its join is on community_id',
  },
  {
    file: 'server/src/modules/contacts/contacts.rollup.ts',
    fn: 'rebuildSubjectRollups',
    tables: ['contact', 'contact_subject', 'contact_subject_month'],
    why:
      'the backfill of the contact rollups (migration 2026-12-09T0100) rebuilds every community at once; with a ' +
      'community given it is pinned; its join is on community_id',
  },
  {
    file: 'server/src/modules/contacts/contacts.rollup.ts',
    fn: 'rebuildDayKindRollup',
    tables: ['contact', 'contact_day_kind'],
    why:
      'the backfill of the contacts per day and kind (migration 2026-12-11T0500) rebuilds every community at once; ' +
      'with a community given it is pinned',
  },
  {
    file: 'server/src/modules/appointments/appointments.repository.ts',
    fn: 'Module.dueReminders',
    tables: ['appointment_booking', 'appointment_service', 'appointment_slot', 'resident'],
    why: 'job: the bookings of every community whose slot starts soon, to remind residents; joined on community_id',
  },
  {
    file: 'server/src/modules/badges/badges.repository.ts',
    fn: 'Module.purgeScanDetails',
    tables: ['badge_scan'],
    why: 'job: retention blanks the place, position and message of old badge scans in every community',
  },
  // The notification outbox is one queue for the city (primary key id), claimed by workers of any server.
  {
    file: 'server/src/platform/outbox.ts',
    tables: ['notification_outbox'],
    why:
      'the outbox worker claims due messages of every community and marks them by id: the outbox is a queue ' +
      '(keyed by id alone), kept on the coordinator on Citus (docs/scaling.md)',
  },
  {
    file: 'server/src/modules/notices/notices.repository.ts',
    tables: ['notification_outbox'],
    why:
      "an account's own messages (消息) are outbox rows found by account_id, from every community it belongs to; " +
      'the outbox stays on the coordinator on Citus',
  },
  {
    file: 'server/src/modules/classroom/classroom.repository.ts',
    fn: 'Module.openSessionsOn',
    tables: ['classroom_session'],
    why: "job classroom arrival alerts: today's open sessions of every community",
  },
  {
    file: 'server/src/modules/homecare/homecare.repository.ts',
    fn: 'Module.overdueRunsAll',
    tables: ['delivery_run', 'delivery_recipient'],
    why: 'job: delivery runs of every community past their date with recipients not confirmed; joined on community_id',
  },
  {
    file: 'server/src/modules/homecare/homecare.repository.ts',
    fn: 'Module.uncoveredShiftsAll',
    tables: ['hospital_shift', 'hospital_stay'],
    why: 'job: hospital shifts of every community starting soon with nobody on them; joined on community_id',
  },
  {
    file: 'server/src/modules/training/expiry-notices.ts',
    fn: 'sendExpiryNotices',
    tables: ['training_certificate', 'volunteer', 'training_course', 'insurance_cover', 'insurance_policy'],
    why: 'job: certificates and insurance covers of every community about to expire; joined on community_id',
  },
  {
    file: 'server/src/modules/activities/selfservice.repository.ts',
    fn: 'Module.dueNoShows',
    tables: ['activity_signup', 'activity_shift', 'activity', 'activity_no_show'],
    why: 'job: sign-ups of every community whose shift ended without a check-in; joined on community_id',
  },
  // Found by a phone number: a guardian is one person whose children may volunteer in several communities.
  {
    file: 'server/src/modules/volunteers/volunteers.repository.ts',
    fn: 'Module.guardiansByPhone',
    tables: ['volunteer_guardian', 'volunteer'],
    why:
      "a guardian confirming or withdrawing consent is known by the phone the code was sent to: the children's " +
      'rows of every community (few), joined on community_id',
  },
  // Region offices (issue 10): a street or district reads what rests on several communities.
  {
    file: 'server/src/modules/indicators/indicators.service.ts',
    fn: 'IndicatorsService.listReports',
    tables: ['indicators_report'],
    why:
      "an office's stored monthly reports are found by the node ids of its own tree (the regions module decides " +
      'the tree); a community staff member is pinned to the community',
  },
  {
    file: 'server/src/modules/indicators/indicators.service.ts',
    fn: 'IndicatorsService.storedReport',
    tables: ['indicators_report'],
    why:
      "an office opens one of its stored reports by id; the report's node must be in the office's tree, else " +
      'not found; a community staff member is pinned to the community',
  },
  {
    file: 'server/src/platform/notify.ts',
    fn: 'Notifier.whoFor',
    tables: ['wechat_binding'],
    why:
      'a WeChat message queued without its account or community: the binding is found by the openid it is sent ' +
      'to, to name the recipient in the message log',
  },
  // Benchmark and load tooling, never run by the server.
  {
    file: 'scripts/write-load.ts',
    tables: ['membership', 'hours_total', 'hours_entry', 'audit_log', 'points_balance', 'points_txn', 'points_posting'],
    why: 'the write-load harness checks the ledgers of the whole database after a load run, and seeds its own accounts',
  },
  {
    file: 'scripts/demo-city.ts',
    fn: 'main',
    tables: 'every',
    why: 'the city builder prints the rows of every table of the whole city when it is done',
  },
];
