// Typed fetchers and react-query hooks of /api/needs, /api/me/needs and /api/survey. Registry look-ups the
// needs pages use (residents by name, grids, buildings, households) are asked here directly, as
// VolunteerPicker does, so that this feature does not import another one.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, type Query } from '../../shared/api/client.ts';
import type { NeedAnswer, NeedChannel, NeedStatus, NeedUrgency } from '../../../../domain/needs/needs.ts';
import type { MyTaskItem } from '../../../../domain/needs/my-tasks.ts';
import type { SkillCategory } from '../../../../domain/volunteers/skills.ts';
import type {
  BatchResultView,
  BatchSummaryView,
  NeedStatsView,
  SurveyProgressView,
  SurveyVisitView,
} from '../../../../domain/needs/views.ts';

export type { MyTaskItem, NeedAnswer, NeedChannel, NeedStatus, NeedUrgency, SkillCategory };

const enc = encodeURIComponent;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Need {
  id: string;
  residentId: string;
  residentName: string | null;
  gridId: string;
  channel: NeedChannel;
  category: SkillCategory;
  skillCode: string | null;
  serviceTypeId: string | null;
  urgency: NeedUrgency;
  preferredDate: string | null;
  preferredStart: string | null;
  preferredEnd: string | null;
  preferredGender: string | null;
  place: string | null;
  description: string;
  status: NeedStatus;
  volunteerId: string | null;
  volunteerName: string | null;
  scheduledFor: string | null;
  closeReason: string | null;
  rating: number | null;
  ratingComment: string | null;
  createdAt: string;
  matchedAt: string | null;
  doneAt: string | null;
  closedAt: string | null;
  /** The matched volunteer's answer; after a decline, 'declined' with its reason until matched again. */
  answer: NeedAnswer | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  minutes: number | null;
}
/** A need as its matched volunteer sees it (the resident's phone only once accepted, while open). */
export interface MyNeed {
  id: string;
  category: SkillCategory;
  description: string;
  urgency: NeedUrgency;
  status: NeedStatus;
  answer: NeedAnswer | null;
  preferredDate: string | null;
  preferredStart: string | null;
  preferredEnd: string | null;
  place: string | null;
  residentName: string;
  address: string;
  residentPhone: string | null;
  matchedAt: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  minutes: number | null;
}
export interface NeedEvent {
  from: NeedStatus | null;
  to: NeedStatus;
  volunteerId: string | null;
  note: string | null;
  actorName: string;
  at: string;
}
export interface NeedDetail extends Need {
  events: NeedEvent[];
}

// A type, not an interface: it then fits the client's query record as it is.
export type NeedFilters = {
  status?: NeedStatus | 'open';
  category?: SkillCategory;
  urgency?: NeedUrgency;
  channel?: NeedChannel;
  gridId?: string;
};

/** A caller the hotline found: the resident whose own or family contact's phone called. */
export interface Caller {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  gridId: string;
  householdId: string;
  address: string;
  via: 'phone' | 'contact';
  openNeeds: number;
}

export interface MatchPart {
  factor: string;
  points: number;
  detail: string;
  params?: Record<string, string | number>;
}
export interface Candidate {
  volunteerId: string;
  name: string;
  score: number;
  parts: MatchPart[];
}
export interface Candidates {
  needId: string;
  eligibleCount: number;
  candidates: Candidate[];
}

export type NeedStats = NeedStatsView;
export type BatchSummary = BatchSummaryView;
export type BatchResult = BatchResultView;
export type SurveyProgress = SurveyProgressView;
export type SurveyVisit = SurveyVisitView;

/** Whom the signed-in resident may ask for: themselves and the family members they are a contact of. */
export interface Person {
  id: string;
  name: string;
  relation: 'self' | 'family';
}

// Registry shapes, only the fields these pages read.
export interface ResidentHit {
  id: string;
  name: string;
  gender: string;
  age: number;
  address: string;
}
export interface Grid {
  id: string;
  name: string;
}
export interface Building {
  id: string;
  number: string;
  street: string;
}
export interface HouseholdItem {
  id: string;
  address: string;
  headName: string | null;
  memberCount: number;
}

export interface NewNeed {
  residentId: string;
  channel: NeedChannel;
  category: SkillCategory;
  skillCode?: string;
  urgency: NeedUrgency;
  preferredDate?: string;
  preferredStart?: string;
  preferredEnd?: string;
  place?: string;
  description: string;
  callerPhone?: string;
}
export type MyNewNeed = Omit<NewNeed, 'channel' | 'callerPhone'>;
export interface NeedMove {
  to: NeedStatus;
  reason?: string;
  scheduledFor?: string;
}
/** One door of the survey: the kinds of help the household needs (none is still a visit). */
export interface NewVisit {
  householdId: string;
  visitedOn: string;
  needs: Array<{ category: SkillCategory; note?: string }>;
  note?: string;
}

export const needsApi = {
  list: (f: NeedFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Paged<Need>>('/api/needs', f, signal),
  one: (id: string, signal?: AbortSignal) => api.get<NeedDetail>(`/api/needs/${enc(id)}`, undefined, signal),
  exportList: (f: NeedFilters, fallbackName: string) => download('/api/needs/export', f as Query, fallbackName),
  stats: (since: string | undefined, signal?: AbortSignal) => api.get<NeedStats>('/api/needs/stats', { since }, signal),
  caller: (phone: string) => api.get<Caller[]>('/api/needs/caller', { phone }),
  take: (n: NewNeed) => api.post<{ id: string }>('/api/needs', n),
  move: (id: string, body: NeedMove) => api.post<void>(`/api/needs/${enc(id)}/move`, body),
  candidates: (id: string, signal?: AbortSignal) =>
    api.get<Candidates>(`/api/needs/${enc(id)}/candidates`, { limit: 20 }, signal),
  match: (id: string, volunteerId: string) => api.post<void>(`/api/needs/${enc(id)}/match`, { volunteerId }),
  review: (id: string, stars: number, comment?: string) =>
    api.post<void>(`/api/needs/${enc(id)}/review`, { stars, comment: comment || undefined }),
  batch: (loadCap: number, apply: boolean) => api.post<BatchResult>('/api/needs/batch-match', { loadCap, apply }),
  surveyProgress: (since: string | undefined, signal?: AbortSignal) =>
    api.get<SurveyProgress>('/api/survey/progress', { since }, signal),
  recordVisit: (b: NewVisit) => api.post<{ id: string }>('/api/survey/visits', b),
  householdSurvey: (id: string, signal?: AbortSignal) =>
    api.get<SurveyVisit[]>(`/api/households/${enc(id)}/survey`, undefined, signal),

  mine: (signal?: AbortSignal) => api.get<Paged<Need>>('/api/me/needs', { pageSize: 100 }, signal),
  ask: (n: MyNewNeed) => api.post<{ id: string }>('/api/me/needs', n),
  rate: (id: string, stars: number) => api.post<void>(`/api/me/needs/${enc(id)}/rating`, { stars }),
  /** Whom I may ask for: myself and the family members who list my phone. */
  people: (signal?: AbortSignal) => api.get<Person[]>('/api/me/needs/for', undefined, signal),

  /** 我的任务: my work from every module; and the needs I am matched to, answered and reported done. */
  myTasks: (signal?: AbortSignal) => api.get<MyTaskItem[]>('/api/me/tasks', undefined, signal),
  myNeed: (id: string, signal?: AbortSignal) => api.get<MyNeed>(`/api/my/needs/${enc(id)}`, undefined, signal),
  accept: (id: string) => api.post<MyNeed>(`/api/my/needs/${enc(id)}/accept`),
  decline: (id: string, reason: string) => api.post<void>(`/api/my/needs/${enc(id)}/decline`, { reason }),
  done: (id: string, minutes: number, note?: string) =>
    api.post<MyNeed>(`/api/my/needs/${enc(id)}/done`, { minutes, note: note || undefined }),

  residents: (q: string, signal?: AbortSignal) =>
    api.get<Paged<ResidentHit>>('/api/residents', { q, pageSize: 10 }, signal),
  grids: (signal?: AbortSignal) => api.get<Grid[]>('/api/grids', undefined, signal),
  buildings: (gridId: string | undefined, signal?: AbortSignal) =>
    api.get<Building[]>('/api/buildings', { gridId }, signal),
  households: (f: { gridId?: string; buildingId?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Paged<HouseholdItem>>('/api/households', f, signal),
};

// Every key starts with 'needs', so one invalidation refreshes whatever a change touched.
export const useNeeds = (f: NeedFilters & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['needs', 'list', f],
    queryFn: ({ signal }) => needsApi.list(f, signal),
    placeholderData: keepPreviousData,
  });
export const useNeed = (id: string) =>
  useQuery({ queryKey: ['needs', 'one', id], queryFn: ({ signal }) => needsApi.one(id, signal) });
export const useNeedStats = (since?: string) =>
  useQuery({ queryKey: ['needs', 'stats', since], queryFn: ({ signal }) => needsApi.stats(since, signal) });
export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['needs', 'candidates', id],
    queryFn: ({ signal }) => needsApi.candidates(id, signal),
    enabled,
  });
export const useSurveyProgress = (since?: string) =>
  useQuery({ queryKey: ['needs', 'survey', since], queryFn: ({ signal }) => needsApi.surveyProgress(since, signal) });
export const useHouseholdSurvey = (id: string | null) =>
  useQuery({
    queryKey: ['needs', 'household-survey', id],
    queryFn: ({ signal }) => needsApi.householdSurvey(id!, signal),
    enabled: !!id,
  });
export const useMyNeeds = () =>
  useQuery({ queryKey: ['needs', 'mine'], queryFn: ({ signal }) => needsApi.mine(signal) });
export const useMyTasks = () =>
  useQuery({ queryKey: ['needs', 'my-tasks'], queryFn: ({ signal }) => needsApi.myTasks(signal) });
export const useMyNeed = (id: string) =>
  useQuery({ queryKey: ['needs', 'my-need', id], queryFn: ({ signal }) => needsApi.myNeed(id, signal) });
export const usePeople = () =>
  useQuery({ queryKey: ['needs', 'people'], queryFn: ({ signal }) => needsApi.people(signal), staleTime: 300_000 });
export const useGrids = () =>
  useQuery({ queryKey: ['needs', 'grids'], queryFn: ({ signal }) => needsApi.grids(signal), staleTime: 300_000 });
export const useBuildings = (gridId: string | undefined) =>
  useQuery({
    queryKey: ['needs', 'buildings', gridId],
    queryFn: ({ signal }) => needsApi.buildings(gridId, signal),
    staleTime: 300_000,
  });
export function useHouseholds(f: { gridId?: string; buildingId?: string }, pageSize: number) {
  return useInfiniteQuery({
    queryKey: ['needs', 'households', f, pageSize],
    queryFn: ({ pageParam, signal }) => needsApi.households({ ...f, page: pageParam, pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

// Writes: each refreshes the needs queries its change shows in, and the page only says what happened.
function useRefreshNeeds(queryKey: readonly unknown[] = ['needs']) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey });
}

/** 热线登记: staff take a request for a resident. */
export function useTakeNeed() {
  const refresh = useRefreshNeeds();
  return useMutation({ mutationFn: (n: NewNeed) => needsApi.take(n), onSuccess: refresh });
}

export function useMoveNeed(id: string) {
  const refresh = useRefreshNeeds();
  return useMutation({ mutationFn: (body: NeedMove) => needsApi.move(id, body), onSuccess: refresh });
}

export function useReviewNeed(id: string) {
  const refresh = useRefreshNeeds();
  return useMutation({
    mutationFn: ({ stars, comment }: { stars: number; comment?: string }) => needsApi.review(id, stars, comment),
    onSuccess: refresh,
  });
}

/** A refused match (not eligible, avoided, moved meanwhile) refetches the candidates, which have changed; the
 * refusal is said at once, without waiting for them. */
export function useMatchNeed(needId: string) {
  const refresh = useRefreshNeeds();
  const refreshCandidates = useRefreshNeeds(['needs', 'candidates', needId]);
  return useMutation({
    mutationFn: (volunteerId: string) => needsApi.match(needId, volunteerId),
    onSuccess: refresh,
    onError: () => void refreshCandidates(),
  });
}

/** 批量对接: a preview changes nothing; only an applied plan refreshes the needs. */
export function useBatchMatch() {
  const refresh = useRefreshNeeds();
  return useMutation({
    mutationFn: ({ loadCap, apply }: { loadCap: number; apply: boolean }) => needsApi.batch(loadCap, apply),
    onSuccess: async (_r, { apply }) => {
      if (apply) await refresh();
    },
  });
}

export function useRecordVisit() {
  const refresh = useRefreshNeeds();
  return useMutation({ mutationFn: (b: NewVisit) => needsApi.recordVisit(b), onSuccess: refresh });
}

/** 我要求助: a resident asks for themselves or a family member; their own list shows it. */
export function useAskHelp() {
  const refresh = useRefreshNeeds(['needs', 'mine']);
  return useMutation({ mutationFn: (n: MyNewNeed) => needsApi.ask(n), onSuccess: refresh });
}

export function useRateMyNeed(id: string) {
  const refresh = useRefreshNeeds(['needs', 'mine']);
  return useMutation({ mutationFn: (stars: number) => needsApi.rate(id, stars), onSuccess: refresh });
}

/** Whole hours, or one decimal under ten. */
export const hoursText = (h: number | null) =>
  h === null ? '—' : h < 10 ? String(Math.round(h * 10) / 10) : String(Math.round(h));

/** The volunteer answers a need matched to them, or reports it done; 我的任务 and the page refresh. */
export function useAnswerNeed(id: string) {
  const refresh = useRefreshNeeds();
  return {
    accept: useMutation({ mutationFn: () => needsApi.accept(id), onSuccess: refresh }),
    decline: useMutation({ mutationFn: (reason: string) => needsApi.decline(id, reason), onSuccess: refresh }),
    done: useMutation({
      mutationFn: ({ minutes, note }: { minutes: number; note?: string }) => needsApi.done(id, minutes, note),
      onSuccess: refresh,
    }),
  };
}
