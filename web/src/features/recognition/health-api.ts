// Typed fetchers and hooks of the yearly health check's bookings and results (staff), and my own bookings (phone).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  HealthCheckBookingView,
  HealthCheckStatus,
  MyHealthCheckView,
} from '../../../../domain/recognition/health-check.ts';

export type { HealthCheckBookingView, HealthCheckStatus, MyHealthCheckView };
const enc = encodeURIComponent;

export interface BookBody {
  year: number;
  date: string;
  time?: string | null;
  place: string;
}
export interface ResultBody {
  result: 'done' | 'missed';
  note?: string | null;
}

export const healthApi = {
  bookings: (year: number, signal?: AbortSignal) =>
    api.get<{ year: number; items: HealthCheckBookingView[]; total: number }>(
      '/api/recognition/health-check/bookings',
      // Everyone commended in a year fits on one page (tens of people).
      { year, pageSize: 200 },
      signal,
    ),
  book: (volunteerId: string, b: BookBody) =>
    api.put<HealthCheckBookingView>(`/api/recognition/health-check/volunteers/${enc(volunteerId)}/booking`, b),
  result: (id: string, b: ResultBody) =>
    api.post<HealthCheckBookingView>(`/api/recognition/health-check/bookings/${enc(id)}/result`, b),
  mine: (signal?: AbortSignal) => api.get<MyHealthCheckView>('/api/recognition/health-check/mine', undefined, signal),
};

export const useHealthBookings = (year: number) =>
  useQuery({
    queryKey: ['recognition', 'health', 'bookings', year],
    queryFn: ({ signal }) => healthApi.bookings(year, signal),
  });
export const useMyHealthChecks = () =>
  useQuery({ queryKey: ['me', 'health-check'], queryFn: ({ signal }) => healthApi.mine(signal), retry: false });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['recognition', 'health'] });
}
export function useBookHealthCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ volunteerId, body }: { volunteerId: string; body: BookBody }) => healthApi.book(volunteerId, body),
    onSuccess: refresh,
  });
}
export function useRecordHealthResult() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResultBody }) => healthApi.result(id, body),
    onSuccess: refresh,
  });
}
