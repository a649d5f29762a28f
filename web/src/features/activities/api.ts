// Typed fetchers and react-query hooks of /api/activities.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  ActivityDetailView,
  ActivityView,
  CheckinInfoView,
  CodeView,
  CompanionChoiceView,
  OpenActivityView,
  PlacedView,
  PlaceView,
  SeriesView,
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
export type CompanionChoice = CompanionChoiceView;
export type CompanionRef = { kind: CompanionChoice['kind']; id: string };
export type Template = TemplateView;
export type Code = CodeView;
export type CheckinInfo = CheckinInfoView;
/** A resident the activity served, as named after it (a contact in the record of service). */
export interface ServedResident {
  residentId: string;
  name: string;
  servedOn: string;
}

export const activitiesApi = {
  list: (q: { from?: string; to?: string; status?: string }, signal?: AbortSignal) =>
    api.get<Activity[]>('/api/activities', q, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<ActivityDetail>(`/api/activities/${enc(id)}`, undefined, signal),
  create: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/activities', b),
  update: (id: string, b: Record<string, unknown>) => api.patch<void>(`/api/activities/${enc(id)}`, b),
  copy: (id: string, date: string) => api.post<{ id: string }>(`/api/activities/${enc(id)}/copy`, { date }),
  publish: (id: string) => api.post<void>(`/api/activities/${enc(id)}/publish`, {}),
  cancel: (id: string) => api.post<void>(`/api/activities/${enc(id)}/cancel`, {}),
  places: (signal?: AbortSignal) => api.get<PlaceView[]>('/api/activities/places', undefined, signal),
  templates: (signal?: AbortSignal) => api.get<Template[]>('/api/activities/templates', undefined, signal),
  fromTemplate: (key: string, b: { date: string; place?: string }) =>
    api.post<{ id: string }>(`/api/activities/templates/${enc(key)}`, b),
  series: (signal?: AbortSignal) => api.get<SeriesView[]>('/api/activities/series', undefined, signal),
  createSeries: (b: Record<string, unknown>) => api.post<{ id: string; made: number }>('/api/activities/series', b),
  signups: (id: string, signal?: AbortSignal) =>
    api.get<Signup[]>(`/api/activities/${enc(id)}/signups`, undefined, signal),
  signUpGroup: (
    id: string,
    b: { shiftId: string; volunteerIds: string[]; companions?: { volunteerId: string; companion: CompanionRef }[] },
  ) => api.post<PlacedView[]>(`/api/activities/${enc(id)}/signups`, b),
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
  served: (id: string, signal?: AbortSignal) =>
    api.get<ServedResident[]>(`/api/activities/${enc(id)}/served-residents`, undefined, signal),
  setServed: (id: string, residentIds: string[]) =>
    api.put<ServedResident[]>(`/api/activities/${enc(id)}/served-residents`, { residentIds }),
  shows: (year: number, signal?: AbortSignal) =>
    api.get<ShowsView[]>('/api/activities/performances/shows', { year }, signal),
  open: (signal?: AbortSignal) => api.get<OpenActivity[]>('/api/activities/open', undefined, signal),
  mine: (signal?: AbortSignal) => api.get<Signup[]>('/api/activities/mine', undefined, signal),
  join: (id: string, shiftId: string, companion?: CompanionRef | null) =>
    api.post<PlacedView>(`/api/activities/${enc(id)}/join`, { shiftId, companion: companion ?? null }),
  /** 小小志愿者: whom a minor may name (staff: for a volunteer; the phone: for me). */
  companions: (id: string, shiftId: string, volunteerId: string, signal?: AbortSignal) =>
    api.get<CompanionChoice[]>(`/api/activities/${enc(id)}/companions`, { shiftId, volunteerId }, signal),
  myCompanions: (id: string, shiftId: string, signal?: AbortSignal) =>
    api.get<CompanionChoice[]>(`/api/activities/${enc(id)}/my-companions`, { shiftId }, signal),
  cancelMine: (signupId: string) =>
    api.post<{ promoted: string | null }>(`/api/activities/mine/${enc(signupId)}/cancel`, {}),
  checkinInfo: (id: string, signal?: AbortSignal) =>
    api.get<CheckinInfo>(`/api/activities/${enc(id)}/checkin`, undefined, signal),
  checkin: (id: string, b: { code: string; lat?: number; lng?: number }) =>
    api.post<Signup>(`/api/activities/${enc(id)}/checkin`, b),
  checkout: (id: string, b: { code: string }) => api.post<Signup>(`/api/activities/${enc(id)}/checkout`, b),
  feed: (renew: boolean) =>
    renew
      ? api.post<{ path: string; url: string }>('/api/activities/mine/feed', {})
      : api.get<{ path: string; url: string }>('/api/activities/mine/feed'),
};

export const useActivities = (q: { from?: string; to?: string; status?: string }) =>
  useQuery({ queryKey: ['activities', 'list', q], queryFn: ({ signal }) => activitiesApi.list(q, signal) });
/** The recurring series, each with its RRULE (shown in words). */
export const useSeries = () =>
  useQuery({ queryKey: ['activities', 'series'], queryFn: ({ signal }) => activitiesApi.series(signal) });
/** The places the picker offers (earlier activities' places with their points, building addresses). */
export const useKnownPlaces = () =>
  useQuery({ queryKey: ['activities', 'places'], queryFn: ({ signal }) => activitiesApi.places(signal) });
export const useActivity = (id: string) =>
  useQuery({ queryKey: ['activities', 'detail', id], queryFn: ({ signal }) => activitiesApi.detail(id, signal) });
export const useSignups = (id: string) =>
  useQuery({ queryKey: ['activities', 'signups', id], queryFn: ({ signal }) => activitiesApi.signups(id, signal) });
export const useServedResidents = (id: string) =>
  useQuery({ queryKey: ['activities', 'served', id], queryFn: ({ signal }) => activitiesApi.served(id, signal) });
/** 小小志愿者: whom a minor may name as their accompanying adult for a shift (volunteerId for staff; none: me). */
export const useCompanionChoices = (id: string, shiftId: string | undefined, volunteerId: string | null | 'me') =>
  useQuery({
    queryKey: ['activities', 'companions', id, shiftId, volunteerId],
    queryFn: ({ signal }) =>
      volunteerId === 'me'
        ? activitiesApi.myCompanions(id, shiftId!, signal)
        : activitiesApi.companions(id, shiftId!, volunteerId!, signal),
    enabled: !!shiftId && !!volunteerId,
  });
export const useOpenActivities = () =>
  useQuery({ queryKey: ['activities', 'open'], queryFn: ({ signal }) => activitiesApi.open(signal) });
export const useMySignups = () =>
  useQuery({ queryKey: ['activities', 'mine'], queryFn: ({ signal }) => activitiesApi.mine(signal) });
export const useCheckinInfo = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['activities', 'checkin', id],
    queryFn: ({ signal }) => activitiesApi.checkinInfo(id, signal),
    enabled,
  });
/** The rotating check-in code, fetched again just after each step changes. */
export const useRotatingCode = (id: string) =>
  useQuery({
    queryKey: ['activities', 'code', id],
    queryFn: ({ signal }) => activitiesApi.code(id, signal),
    refetchInterval: (query) => {
      const d = query.state.data;
      return d ? Math.max(500, Date.parse(d.refreshAt) - Date.now() + 300) : 5000;
    },
  });
const myFeedKey = ['activities', 'feed'] as const;
export const useMyFeed = () => useQuery({ queryKey: myFeedKey, queryFn: () => activitiesApi.feed(false) });

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

/** A draft copy of an activity on another date (no sign-ups). */
export function useCopyActivity() {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: ({ id, date }: { id: string; date: string }) => activitiesApi.copy(id, date),
    onSuccess: refresh,
  });
}

export function usePublishActivity() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.publish, onSuccess: refresh });
}

export function useCancelActivity() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.cancel, onSuccess: refresh });
}

export function useSignUpGroup(activityId: string) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (b: Parameters<typeof activitiesApi.signUpGroup>[1]) => activitiesApi.signUpGroup(activityId, b),
    onSuccess: refresh,
  });
}

/** Staff take a sign-up off (a waitlisted place, or a confirmed one not yet checked in). */
export function useWithdrawSignup() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.withdraw, onSuccess: refresh });
}

export function useCardAttendance(activityId: string) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (b: { cardToken: string; action: 'in' | 'out' }) => activitiesApi.card(activityId, b),
    onSuccess: refresh,
  });
}

export function useMarkAttendance(activityId: string) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (b: { signupId: string; action: 'in' | 'out' | 'present' }) => activitiesApi.mark(activityId, b),
    onSuccess: refresh,
  });
}

export function useSaveProgramme(activityId: string) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (b: Parameters<typeof activitiesApi.programme>[1]) => activitiesApi.programme(activityId, b),
    onSuccess: refresh,
  });
}

/** Names the residents the activity served: the whole list each time; those left off are taken back. */
export function useSetServedResidents(activityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (residentIds: string[]) => activitiesApi.setServed(activityId, residentIds),
    onSuccess: (r) => {
      qc.setQueryData(['activities', 'served', activityId], r);
      // The record of service changed too: a resident's page (the registry's queries) reads its contacts afresh.
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
  });
}

/** A volunteer signs up for a shift (or its waitlist) from the phone. */
export function useJoinActivity() {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: ({ id, shiftId, companion }: { id: string; shiftId: string; companion?: CompanionRef | null }) =>
      activitiesApi.join(id, shiftId, companion),
    onSuccess: refresh,
  });
}

export function useCancelMySignup() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitiesApi.cancelMine, onSuccess: refresh });
}

/**
 * Checking in with the code from the screen. `locate` gives the phone's position if it can (the server flags a
 * check-in far from the place for review); the check-in goes ahead without it.
 */
export function useCheckin(activityId: string, locate: () => Promise<{ lat: number; lng: number } | null>) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: async (code: string) => activitiesApi.checkin(activityId, { code, ...((await locate()) ?? {}) }),
    onSuccess: refresh,
  });
}

export function useCheckout(activityId: string) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (code: string) => activitiesApi.checkout(activityId, { code }),
    onSuccess: refresh,
  });
}

/** A new calendar address: the old one stops working, so the new one goes straight into the cache. */
export function useRenewMyFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => activitiesApi.feed(true),
    onSuccess: (r) => qc.setQueryData(myFeedKey, r),
  });
}
