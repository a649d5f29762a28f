// Row types of every table, as Kysely sees them, one file per area. Times are ISO-8601 UTC text; booleans are 0/1.
import type { ActivitiesTables } from './activities.ts';
import type { AppointmentsTables } from './appointments.ts';
import type { AuthTables } from './auth.ts';
import type { BadgesTables } from './badges.ts';
import type { ClassroomTables } from './classroom.ts';
import type { ClassroomRotaSwapTables } from './classroom-rota-swap.ts';
import type { NoticesTables } from './notices.ts';
import type { ContactsTables } from './contacts.ts';
import type { HomecareTables } from './homecare.ts';
import type { HoursTables } from './hours.ts';
import type { IndicatorsTables } from './indicators.ts';
import type { NeedsTables } from './needs.ts';
import type { PairingsTables } from './pairings.ts';
import type { PlatformTables } from './platform.ts';
import type { PublicityTables } from './publicity.ts';
import type { ProjectsTables } from './projects.ts';
import type { RecognitionTables } from './recognition.ts';
import type { RecordsTables } from './records.ts';
import type { RegistryTables } from './registry.ts';
import type { RegionsTables } from './regions.ts';
import type { SelfServiceTables } from './selfservice.ts';
import type { VolunteersTables } from './volunteers.ts';
import type { TwoFactorTables } from './two-factor.ts';
import type { WechatTables } from './wechat.ts';

export type * from './activities.ts';
export type * from './appointments.ts';
export type * from './auth.ts';
export type * from './badges.ts';
export type * from './classroom.ts';
export type * from './classroom-rota-swap.ts';
export type * from './contacts.ts';
export type * from './homecare.ts';
export type * from './hours.ts';
export type * from './indicators.ts';
export type * from './needs.ts';
export type * from './notices.ts';
export type * from './pairings.ts';
export type * from './platform.ts';
export type * from './publicity.ts';
export type * from './projects.ts';
export type * from './recognition.ts';
export type * from './records.ts';
export type * from './registry.ts';
export type * from './regions.ts';
export type * from './selfservice.ts';
export type * from './volunteers.ts';
export type * from './two-factor.ts';
export type * from './wechat.ts';

export interface Database
  extends
    PlatformTables,
    AuthTables,
    RegistryTables,
    VolunteersTables,
    NeedsTables,
    AppointmentsTables,
    PairingsTables,
    WechatTables,
    HoursTables,
    ActivitiesTables,
    RecordsTables,
    RecognitionTables,
    BadgesTables,
    ClassroomTables,
    HomecareTables,
    ContactsTables,
    SelfServiceTables,
    ClassroomRotaSwapTables,
    PublicityTables,
    NoticesTables,
    RegionsTables,
    IndicatorsTables,
    ProjectsTables,
    TwoFactorTables {}
