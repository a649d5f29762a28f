// Server messages of the appointments area: bookable services and bookings. Keys are error codes and validation keys;
// ../i18n.ts joins every area into one table per language.

export const zh = {
  slot_full: '{time} 的{name}已约满，请选择其他时间',
  already_booked: '{name}已预约了这个时段，不用重复预约',
  slot_not_offered: '{name}在这个时间没有安排服务，请从可预约的时间中选择',
  slot_passed: '这个时间已经过去了，请选择以后的时间',
  booking_too_late: '离服务开始不足 {hours} 小时，不能再预约了，请选择其他时间',
  booking_too_early: '只能预约 {days} 天以内的服务，请晚些时候再约',
  booking_not_cancellable: '这个预约已取消或服务已开始，不能取消',
  service_closed: '{name}暂停预约',
  'entity.appointment_service': '预约服务',
  'entity.booking': '预约',
  'appointments.exportRange': '导出的结束日期不能早于开始日期，且一次最多导出 92 天',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  slot_full: '{name} at {time} is fully booked; please choose another time',
  already_booked: '{name} already has a booking for this time',
  slot_not_offered: '{name} is not offered at this time; please choose one of the open times',
  slot_passed: 'This time has passed; please choose a later one',
  booking_too_late: 'Bookings close {hours} hours before the start; please choose another time',
  booking_too_early: 'Bookings open {days} days ahead; please book later',
  booking_not_cancellable: 'This booking is already cancelled or has started, so it cannot be cancelled',
  service_closed: '{name} is not taking bookings now',
  'entity.appointment_service': 'bookable service',
  'entity.booking': 'booking',
  'appointments.exportRange': 'The end date cannot be before the start date, and one export covers at most 92 days',
};
