// Every migration, by name. A static list (not a folder scan) so the bundled server carries them.
// Add a new migration here; names sort by date.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T1200_foundation.ts';
import * as volunteers from './2026-11-28T1400_volunteers.ts';
import * as needs from './2026-11-28T2000_needs.ts';
import * as appointments from './2026-11-28T2010_appointments.ts';
import * as pairings from './2026-11-28T2020_pairings.ts';
import * as wechat from './2026-11-28T2030_wechat.ts';
import * as eligibilityIndexes from './2026-11-28T2040_eligibility_indexes.ts';
import * as hours from './2026-11-28T2100_hours.ts';
import * as activities from './2026-11-28T2110_activities.ts';
import * as records from './2026-11-28T2120_records.ts';
import * as recognition from './2026-11-28T2130_recognition.ts';
import * as hoursDisputes from './2026-11-28T2140_hours_disputes.ts';
import * as badges from './2026-11-29T0100_badges.ts';
import * as classroom from './2026-11-29T0110_classroom.ts';
import * as homecare from './2026-11-29T0120_homecare.ts';
import * as contacts from './2026-12-05T1800_contacts.ts';
import * as contactsBackfill from './2026-12-05T1810_contacts_backfill.ts';
import * as guardianConsent from './2026-12-05T1820_guardian_consent.ts';
import * as needsLoop from './2026-12-05T1900_needs_loop.ts';
import * as selfservice from './2026-12-05T2120_selfservice.ts';
import * as healthCheck from './2026-12-05T2140_health_check.ts';
import * as classroomRotaSwap from './2026-12-05T2150_classroom_rota_swap.ts';
import * as listIndexes from './2026-12-05T2200_list_indexes.ts';
import * as publicity from './2026-12-06T0300_publicity.ts';
import * as outboxDelivery from './2026-12-06T0400_outbox_delivery.ts';
import * as notices from './2026-12-06T0500_notices.ts';
import * as regions from './2026-12-06T0100_regions.ts';
import * as accounts from './2026-12-07T0100_accounts.ts';
import * as indicators from './2026-12-06T0200_indicators.ts';
import * as projects from './2026-12-06T0600_projects.ts';
import * as selections from './2026-12-06T0610_selections.ts';
import * as juniorVolunteers from './2026-12-06T1000_junior_volunteers.ts';
import * as organisation from './2026-12-06T1100_organisation.ts';
import * as indicatorsRollup from './2026-12-06T1200_indicators_rollup.ts';
import * as twoFactor from './2026-12-07T0200_two_factor.ts';
import * as badgeScanRetention from './2026-12-07T0600_badge_scan_retention.ts';
import * as residentListOrder from './2026-12-08T0200_resident_list_order.ts';
import * as contactRollups from './2026-12-09T0100_contact_rollups.ts';
import * as ledgerIndexes from './2026-12-09T0110_ledger_indexes.ts';
import * as rateLimit from './2026-12-08T0300_rate_limit.ts';
import * as surveyLastVisit from './2026-12-09T0200_survey_last_visit.ts';
import * as needListOrder from './2026-12-09T0210_need_list_order.ts';
import * as keyringCheck from './2026-12-09T0400_keyring_check.ts';
import * as classroomRollups from './2026-12-10T0100_classroom_rollups.ts';
import * as volunteerHomeIndexes from './2026-12-10T0110_volunteer_home_indexes.ts';
import * as contactSubjectIndex from './2026-12-11T0100_contact_subject_index.ts';
import * as outboxCodesBlanked from './2026-12-11T0200_outbox_codes_blanked.ts';
import * as residentSearchName from './2026-12-11T0300_resident_search_name.ts';
import * as auditChainHead from './2026-12-11T0400_audit_chain_head.ts';
import * as contactDayKind from './2026-12-11T0500_contact_day_kind.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-28T1200_foundation': foundation,
  '2026-11-28T1400_volunteers': volunteers,
  '2026-11-28T2000_needs': needs,
  '2026-11-28T2010_appointments': appointments,
  '2026-11-28T2020_pairings': pairings,
  '2026-11-28T2030_wechat': wechat,
  '2026-11-28T2040_eligibility_indexes': eligibilityIndexes,
  '2026-11-28T2100_hours': hours,
  '2026-11-28T2110_activities': activities,
  '2026-11-28T2120_records': records,
  '2026-11-28T2130_recognition': recognition,
  '2026-11-28T2140_hours_disputes': hoursDisputes,
  '2026-11-29T0100_badges': badges,
  '2026-11-29T0110_classroom': classroom,
  '2026-11-29T0120_homecare': homecare,
  '2026-12-05T1800_contacts': contacts,
  '2026-12-05T1810_contacts_backfill': contactsBackfill,
  '2026-12-05T1820_guardian_consent': guardianConsent,
  '2026-12-05T1900_needs_loop': needsLoop,
  '2026-12-05T2120_selfservice': selfservice,
  '2026-12-05T2140_health_check': healthCheck,
  '2026-12-05T2150_classroom_rota_swap': classroomRotaSwap,
  '2026-12-05T2200_list_indexes': listIndexes,
  '2026-12-06T0300_publicity': publicity,
  '2026-12-06T0400_outbox_delivery': outboxDelivery,
  '2026-12-06T0500_notices': notices,
  '2026-12-06T0100_regions': regions,
  '2026-12-06T0200_indicators': indicators,
  '2026-12-06T0600_projects': projects,
  '2026-12-06T0610_selections': selections,
  '2026-12-06T1000_junior_volunteers': juniorVolunteers,
  '2026-12-06T1100_organisation': organisation,
  '2026-12-06T1200_indicators_rollup': indicatorsRollup,
  '2026-12-07T0100_accounts': accounts,
  '2026-12-07T0200_two_factor': twoFactor,
  '2026-12-07T0600_badge_scan_retention': badgeScanRetention,
  '2026-12-08T0200_resident_list_order': residentListOrder,
  '2026-12-08T0300_rate_limit': rateLimit,
  '2026-12-09T0100_contact_rollups': contactRollups,
  '2026-12-09T0110_ledger_indexes': ledgerIndexes,
  '2026-12-09T0200_survey_last_visit': surveyLastVisit,
  '2026-12-09T0210_need_list_order': needListOrder,
  '2026-12-09T0400_keyring_check': keyringCheck,
  '2026-12-10T0100_classroom_rollups': classroomRollups,
  '2026-12-10T0110_volunteer_home_indexes': volunteerHomeIndexes,
  '2026-12-11T0100_contact_subject_index': contactSubjectIndex,
  '2026-12-11T0200_outbox_codes_blanked': outboxCodesBlanked,
  '2026-12-11T0300_resident_search_name': residentSearchName,
  '2026-12-11T0400_audit_chain_head': auditChainHead,
  '2026-12-11T0500_contact_day_kind': contactDayKind,
};
