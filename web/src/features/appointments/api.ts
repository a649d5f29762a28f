// Typed fetchers and react-query hooks of /api/appointments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export type ServiceKind = 'clinic' | 'haircut' | 'legal' | 'other';
export type Channel = 'wechat' | 'phone' | 'online' | 'office';
export interface ScheduleRule {
  weekday: number;
  startMinute: number;
  endMinute: number;
  monthWeek: number | null;
  place: string | null;
}
export interface Offer {
  id: string;
  name: string;
  kind: ServiceKind;
  description: string | null;
  place: string;
  slotMinutes: number;
  placesPerSlot: number;
  windowDays: number;
  noticeHours: number;
  active: boolean;
  schedule: ScheduleRule[];
}
export interface Service extends Offer {
  providers: { volunteerId: string; name: string; phone: string }[];
}
export interface Slot {
  start: string;
  end: string;
  date: string;
  time: string;
  place: string;
  places: number;
  left: number;
}
export interface Booking {
  id: string;
  serviceId: string;
  serviceName: string;
  serviceKind: ServiceKind;
  slotStart: string;
  slotEnd: string;
  date: string;
  time: string;
  place: string;
  residentId: string;
  residentName: string;
  residentPhone?: string | null;
  note?: string | null;
  status: 'confirmed' | 'cancelled';
  channel: Channel;
  createdAt: string;
  cancelledAt: string | null;
  /** Staff's day list only: the booking stands in the record of service (served, or marked came). */
  attended?: boolean;
}
export interface Caller {
  id: string;
  name: string;
  birthYear: number;
  phone: string | null;
  address: string;
  via: 'phone' | 'contact' | 'name';
}
export interface Mine {
  people: { id: string; name: string; relation: 'self' | 'family' }[];
  bookings: Booking[];
}

export const appointmentsApi = {
  services: (signal?: AbortSignal) => api.get<Service[]>('/api/appointments/services', undefined, signal),
  createService: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/appointments/services', b),
  updateService: (id: string, b: Record<string, unknown>) =>
    api.patch<void>(`/api/appointments/services/${enc(id)}`, b),
  day: (date: string, serviceId: string | undefined, signal?: AbortSignal) =>
    api.get<Booking[]>('/api/appointments/bookings', { date, serviceId }, signal),
  bookForCaller: (b: { residentId: string; serviceId: string; slotStart: string; channel: 'phone' | 'office' }) =>
    api.post<Booking>('/api/appointments/bookings', b),
  cancel: (id: string) => api.post<void>(`/api/appointments/bookings/${enc(id)}/cancel`, {}),
  attendance: (id: string, attended: boolean) =>
    api.post<void>(`/api/appointments/bookings/${enc(id)}/attendance`, { attended }),
  findCaller: (q: string, signal?: AbortSignal) => api.get<Caller[]>('/api/appointments/residents', { q }, signal),
  feed: (volunteerId: string, renew: boolean) =>
    renew
      ? api.post<{ path: string; url: string }>(`/api/appointments/providers/${enc(volunteerId)}/feed`, {})
      : api.get<{ path: string; url: string }>(`/api/appointments/providers/${enc(volunteerId)}/feed`),
  offer: (signal?: AbortSignal) => api.get<Offer[]>('/api/appointments/offer', undefined, signal),
  slots: (serviceId: string, signal?: AbortSignal) =>
    api.get<Slot[]>(`/api/appointments/services/${enc(serviceId)}/slots`, undefined, signal),
  mine: (signal?: AbortSignal) => api.get<Mine>('/api/appointments/mine', undefined, signal),
  bookSelf: (b: { residentId: string; serviceId: string; slotStart: string }) =>
    api.post<Booking>('/api/appointments/mine', b),
  cancelSelf: (id: string) => api.post<void>(`/api/appointments/mine/${enc(id)}/cancel`),
};

export const useServices = () =>
  useQuery({ queryKey: ['appointments', 'services'], queryFn: ({ signal }) => appointmentsApi.services(signal) });
export const useDayBookings = (date: string, serviceId?: string) =>
  useQuery({
    queryKey: ['appointments', 'day', date, serviceId],
    queryFn: ({ signal }) => appointmentsApi.day(date, serviceId, signal),
  });
export const useOffer = () =>
  useQuery({ queryKey: ['appointments', 'offer'], queryFn: ({ signal }) => appointmentsApi.offer(signal) });
export const useSlots = (serviceId: string | null) =>
  useQuery({
    queryKey: ['appointments', 'slots', serviceId],
    enabled: !!serviceId,
    queryFn: ({ signal }) => appointmentsApi.slots(serviceId!, signal),
  });
export const useMine = () =>
  useQuery({ queryKey: ['appointments', 'mine'], queryFn: ({ signal }) => appointmentsApi.mine(signal) });
const feedKey = (volunteerId: string | undefined) => ['appointments', 'feed', volunteerId] as const;
export const useProviderFeed = (volunteerId: string | undefined) =>
  useQuery({
    queryKey: feedKey(volunteerId),
    enabled: !!volunteerId,
    queryFn: () => appointmentsApi.feed(volunteerId!, false),
  });

/** Every booking or service change refreshes the day's bookings, the services, the open slots and my bookings. */
function useRefreshAppointments() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['appointments'] });
}

/** A refused booking usually means the slot was just taken: its service's slots are fetched again. */
function useRefreshSlots() {
  const qc = useQueryClient();
  return (serviceId: string) => qc.invalidateQueries({ queryKey: ['appointments', 'slots', serviceId] });
}

export function useCreateService() {
  const refresh = useRefreshAppointments();
  return useMutation({ mutationFn: appointmentsApi.createService, onSuccess: refresh });
}

export function useUpdateService(id: string | undefined) {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: (b: Record<string, unknown>) => appointmentsApi.updateService(id!, b),
    onSuccess: refresh,
  });
}

export function useBookForCaller() {
  const refresh = useRefreshAppointments();
  const refreshSlots = useRefreshSlots();
  return useMutation({
    mutationFn: appointmentsApi.bookForCaller,
    onSuccess: refresh,
    onError: (_e, b) => refreshSlots(b.serviceId),
  });
}

export function useCancelBooking() {
  const refresh = useRefreshAppointments();
  return useMutation({ mutationFn: appointmentsApi.cancel, onSuccess: refresh });
}

/** Staff mark whether a resident came to a past booking (it goes into, or out of, the record of service). */
export function useSetAttendance() {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: ({ id, attended }: { id: string; attended: boolean }) => appointmentsApi.attendance(id, attended),
    onSuccess: refresh,
  });
}

export function useBookSelf() {
  const refresh = useRefreshAppointments();
  const refreshSlots = useRefreshSlots();
  return useMutation({
    mutationFn: appointmentsApi.bookSelf,
    onSuccess: refresh,
    onError: (_e, b) => refreshSlots(b.serviceId),
  });
}

export function useCancelSelf() {
  const refresh = useRefreshAppointments();
  return useMutation({ mutationFn: appointmentsApi.cancelSelf, onSuccess: refresh });
}

/** A provider's new calendar address: the old one stops working, so the new one goes straight into the cache. */
export function useRenewProviderFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (volunteerId: string) => appointmentsApi.feed(volunteerId, true),
    onSuccess: (r, volunteerId) => qc.setQueryData(feedKey(volunteerId), r),
  });
}

export const minuteText = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export function parseTime(v: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m || Number(m[2]) > 59) return null;
  const total = Number(m[1]) * 60 + Number(m[2]);
  return total <= 1440 ? total : null;
}
