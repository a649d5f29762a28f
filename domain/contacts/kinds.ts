// The one record of service (服务记录): every kind of help a resident receives is a contact. The left-out
// monitor, the quarterly ranking and the indicators read contacts, never each module's own tables.

export const CONTACT_KINDS = [
  'need',
  'pairing_visit',
  'appointment',
  'homecare_task',
  'hospital_shift',
  'delivery',
  'survey_visit',
  'classroom_session',
  'badge_return',
  'activity',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Record<ContactKind, { zh: string; en: string }> = {
  need: { zh: '需求服务', en: 'Need met' },
  pairing_visit: { zh: '结对探访', en: 'Pairing visit' },
  appointment: { zh: '预约服务', en: 'Appointment' },
  homecare_task: { zh: '居家服务', en: 'Home care' },
  hospital_shift: { zh: '住院陪护', en: 'Hospital accompaniment' },
  delivery: { zh: '节日送达', en: 'Holiday delivery' },
  survey_visit: { zh: '入户走访', en: 'Survey visit' },
  classroom_session: { zh: '四点半课堂', en: 'After-school classroom' },
  badge_return: { zh: '爱心码寻回', en: 'Badge: found and returned' },
  activity: { zh: '活动服务', en: 'Activity' },
};
