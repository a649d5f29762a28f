// Server-side messages in zh-CN (default) and English. Keys are error codes and validation keys; each area keeps
// its own in messages/<area>.ts, where the type makes the English table hold exactly the Chinese table's keys.
import { PERMISSION_LABELS, ROLE_LABELS, type Permission, type Role } from '../../../domain/access/roles.ts';
import { joinAreas } from './areas.ts';
import type { ErrorCode } from './errors.ts';

import * as platform from './messages/platform.ts';
import * as auth from './messages/auth.ts';
import * as twoFactor from './messages/two-factor.ts';
import * as registry from './messages/registry.ts';
import * as volunteers from './messages/volunteers.ts';
import * as needs from './messages/needs.ts';
import * as appointments from './messages/appointments.ts';
import * as pairings from './messages/pairings.ts';
import * as wechat from './messages/wechat.ts';
import * as hours from './messages/hours.ts';
import * as activities from './messages/activities.ts';
import * as records from './messages/records.ts';
import * as recognition from './messages/recognition.ts';
import * as badges from './messages/badges.ts';
import * as classroom from './messages/classroom.ts';
import * as homecare from './messages/homecare.ts';
import * as survey from './messages/survey.ts';
import * as eligibility from './messages/eligibility.ts';
import * as selfservice from './messages/selfservice.ts';
import * as classroomSwap from './messages/classroom-swap.ts';
import * as publicity from './messages/publicity.ts';
import * as notices from './messages/notices.ts';
import * as notifications from './messages/notifications.ts';
import * as regions from './messages/regions.ts';
import * as indicators from './messages/indicators.ts';
import * as casestudy from './messages/casestudy.ts';

export type Locale = 'zh-CN' | 'en';

// A key defined by two areas fails the type-check and the start (see joinAreas).
const zh = joinAreas('Message key', {
  platform: platform.zh,
  auth: auth.zh,
  twoFactor: twoFactor.zh,
  registry: registry.zh,
  volunteers: volunteers.zh,
  needs: needs.zh,
  appointments: appointments.zh,
  pairings: pairings.zh,
  wechat: wechat.zh,
  hours: hours.zh,
  activities: activities.zh,
  records: records.zh,
  recognition: recognition.zh,
  badges: badges.zh,
  classroom: classroom.zh,
  homecare: homecare.zh,
  survey: survey.zh,
  eligibility: eligibility.zh,
  selfservice: selfservice.zh,
  classroomSwap: classroomSwap.zh,
  publicity: publicity.zh,
  notices: notices.zh,
  notifications: notifications.zh,
  regions: regions.zh,
  indicators: indicators.zh,
  casestudy: casestudy.zh,
});
const en: Record<keyof typeof zh, string> = joinAreas('Message key', {
  platform: platform.en,
  auth: auth.en,
  twoFactor: twoFactor.en,
  registry: registry.en,
  volunteers: volunteers.en,
  needs: needs.en,
  appointments: appointments.en,
  pairings: pairings.en,
  wechat: wechat.en,
  hours: hours.en,
  activities: activities.en,
  records: records.en,
  recognition: recognition.en,
  badges: badges.en,
  classroom: classroom.en,
  homecare: homecare.en,
  survey: survey.en,
  eligibility: eligibility.en,
  selfservice: selfservice.en,
  classroomSwap: classroomSwap.en,
  publicity: publicity.en,
  notices: notices.en,
  notifications: notifications.en,
  regions: regions.en,
  indicators: indicators.en,
  casestudy: casestudy.en,
});

// Every error code has a message: a code without one fails the type-check here.
const _everyErrorCodeHasAMessage: Record<ErrorCode, string> = zh;

const tables: Record<Locale, Record<string, string>> = { 'zh-CN': zh, en };

export function translate(locale: Locale, key: string, vars: Record<string, unknown> = {}): string {
  const template = tables[locale][key] ?? tables['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined || v === null) return '';
    const lang = locale === 'en' ? 'en' : 'zh';
    if (k === 'role' && typeof v === 'string' && v in ROLE_LABELS) return ROLE_LABELS[v as Role][lang];
    if (k === 'permission' && typeof v === 'string' && v in PERMISSION_LABELS)
      return PERMISSION_LABELS[v as Permission][lang];
    // Need statuses in a move (from/to), eligibility reasons, entities and scopes are keys themselves.
    if ((k === 'from' || k === 'to') && typeof v === 'string' && tables[locale][`${k}.${v}`])
      return tables[locale][`${k}.${v}`]!;
    if (k === 'reasons' && Array.isArray(v))
      return v.map((r) => tables[locale][`reason.${r}`] ?? String(r)).join(locale === 'en' ? '; ' : '；');
    if (typeof v === 'string' && tables[locale][`entity.${v}`]) return tables[locale][`entity.${v}`]!;
    if (typeof v === 'string' && tables[locale][`scope.${v}`]) return tables[locale][`scope.${v}`]!;
    return String(v);
  });
}

export function hasMessage(key: string): boolean {
  return key in zh;
}

/** The user's setting wins; otherwise the first of Accept-Language we speak; otherwise Chinese. */
export function pickLocale(userLocale: string | undefined | null, acceptLanguage: string | undefined): Locale {
  if (userLocale === 'en' || userLocale === 'zh-CN') return userLocale;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
