// Typed fetchers and react-query hooks of /api/activities.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  ActivityDetailView,
  ActivityView,
  CheckinInfoView,
  CodeView,
  OpenActivityView,
  PlacedView,
  ShiftView,
  ShowsView,
  SignupView,
  TemplateView,
} from '../../../../domain/activities/views.ts';

const enc = encodeURIComponent;

export type Shift = ShiftView;
export type Activity = ActivityView;
export type ActivityDetail = ActivityDetailView;
export type OpenActivity = OpenActivityView;
export type Signup = SignupView;
export type Template = TemplateView;
export type Code = CodeView;
export type CheckinInfo = CheckinInfoView;

export const activitiesApi = {
  list: (q: { from?: string; to?: string; status?: string }, signal?: AbortSignal) =>
    api.get<Activity[]>('/api/activities', q, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<ActivityDetail>(`/api/activities/${enc(id)}`, undefined, signal),
  create: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/activities', b),
  update: (id: string, b: Record<string, unknown>) => api.patch<void>(`/api/activities/${enc(id)}`, b),
  publish: (id: string) => api.post<void>(`/api/activities/${enc(id)}/publish`, {}),
  cancel: (id: string) => api.post<void>(`/api/activities/${enc(id)}/cancel`, {}),
  templates: (signal?: AbortSignal) => api.get<Template[]>('/api/activities/templates', undefined, signal),
  fromTemplate: (key: string, b: { date: string; place?: string }) =>
    api.post<{ id: string }>(`/api/activities/templates/${enc(key)}`, b),
  createSeries: (b: Record<string, unknown>) => api.post<{ id: string; made: number }>('/api/activities/series', b),
  signups: (id: string, signal?: AbortSignal) =>
    api.get<Signup[]>(`/api/activities/${enc(id)}/signups`, undefined, signal),
  signUpGroup: (id: string, b: { shiftId: string; volunteerIds: string[] }) =>
    api.post<PlacedView[]>(`/api/activities/${enc(id)}/signups`, b),
  withdraw: (signupId: string) =>
    api.post<{ promoted: string | null }>(`/api/activities/signups/${enc(signupId)}/withdraw`, {}),
  code: (id: string, signal?: AbortSignal) => api.get<Code>(`/api/activities/${enc(id)}/code`, undefined, signal),
  card: (id: string, b: { cardToken: string; action: 'in' | 'out' }) =>
    api.post<Signup>(`/api/activities/${enc(id)}/attendance/card`, b),
  mark: (id: string, b: { signupId: string; action: 'in' | 'out' | 'present' }) =>
    api.post<Signup>(`/api/activities/${enc(id)}/attendance`, b),
  programme: (
    id: string,
    b: { items: { title: string; genre: string; performers: string }[]; audienceCount?: number | null },
  ) => api.put<void>(`/api/activities/${enc(id)}/programme`, b),
  shows: (year: number, signal?: AbortSignal) =>
    api.get<ShowsView[]>('/api/activities/performances/shows', { year }, signal),
  open: (signal?: AbortSignal) => api.get<OpenActivity[]>('/api/activities/open', undefined, signal),
  mine: (signal?: AbortSignal) => api.get<Signup[]>('/api/activities/mine', undefined, signal),
  join: (id: string, shiftId: string) => api.post<PlacedView>(`/api/activities/${enc(id)}/join`, { shiftId }),
  cancelMine: (signupId: string) =>
    api.post<{ promoted: string | null }>(`/api/activities/mine/${enc(signupId)}/cancel`, {}),
  checkinInfo: (id: string, signal?: AbortSignal) =>
    api.get<CheckinInfo>(`/api/activities/${enc(id)}/checkin`, undefined, signal),
  checkin: (id: string, b: { code: string; lat?: number; lng?: number }) =>
    api.post<Signup>(`/api/activities/${enc(id)}/checkin`, b),
  checkout: (id: string, b: { code: string }) => api.post<Signup>(`/api/activities/${enc(id)}/checkout`, b),
  feed: (renew: boolean) =>
    renew
      ? api.post<{ path: string }>('/api/activities/mine/feed', {})
      : api.get<{ path: string }>('/api/activities/mine/feed'),
};

export const useActivities = (q: { from?: string; to?: string; status?: string }) =>
  useQuery({ queryKey: ['activities', 'list', q], queryFn: ({ signal }) => activitiesApi.list(q, signal) });
export const useActivity = (id: string) =>
  useQuery({ queryKey: ['activities', 'detail', id], queryFn: ({ signal }) => activitiesApi.detail(id, signal) });
export const useSignups = (id: string) =>
  useQuery({ queryKey: ['activities', 'signups', id], queryFn: ({ signal }) => activitiesApi.signups(id, signal) });

function useRefreshActivities() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['activities'] });
}

export function useCreateActivity() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.create, onSuccess: refresh });
}

export function useActivityFromTemplate() {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: ({ key, date }: { key: string; date: string }) => activitiesApi.fromTemplate(key, { date }),
    onSuccess: refresh,
  });
}

export function useCreateSeries() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.createSeries, onSuccess: refresh });
}
