// Rows to response shapes: the only way appointment data leaves the module.
import { minuteText } from '../../../../domain/appointments/schedule.ts';
import type { BookingStatus, Channel, ServiceKind } from '../../../../domain/appointments/schemas.ts';
import type { AppointmentScheduleTable, AppointmentServiceTable } from '../../db/schema/index.ts';
import type { BookingRow } from './appointments.repository.ts';
import { shanghaiLocal } from '../../../../domain/shared/dates.ts';

export type ServiceRow = AppointmentServiceTable;

export function toService(
  s: ServiceRow,
  schedule: AppointmentScheduleTable[],
  providers: Array<{ volunteer_id: string; name: string; phone: string }>,
) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as ServiceKind,
    description: s.description,
    place: s.place,
    slotMinutes: s.slot_minutes,
    placesPerSlot: s.places_per_slot,
    windowDays: s.window_days,
    noticeHours: s.notice_hours,
    active: !!s.active,
    schedule: schedule.map((r) => ({
      weekday: r.weekday,
      startMinute: r.start_minute,
      endMinute: r.end_minute,
      monthWeek: r.month_week,
      place: r.place,
    })),
    providers: providers.map((p) => ({ volunteerId: p.volunteer_id, name: p.name, phone: p.phone })),
  };
}

export function toBooking(b: BookingRow) {
  const local = shanghaiLocal(b.slot_start);
  return {
    id: b.id,
    serviceId: b.service_id,
    serviceName: b.service_name,
    serviceKind: b.service_kind as ServiceKind,
    slotStart: new Date(b.slot_start).toISOString(),
    slotEnd: new Date(b.slot_end).toISOString(),
    date: local.date,
    time: minuteText(local.minute),
    place: b.place,
    residentId: b.resident_id,
    residentName: b.resident_name,
    residentPhone: b.resident_phone,
    status: b.status as BookingStatus,
    channel: b.channel as Channel,
    note: b.note,
    createdAt: b.created_at,
    cancelledAt: b.cancelled_at,
    attended: Boolean(Number(b.attended)),
  };
}
