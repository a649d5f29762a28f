// Typed fetchers and react-query hooks of /api/recognition and the public commendation list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../shared/api/client.ts';
import type {
  MyStar,
  NominationView,
  NoticeStatus,
  NoticeView,
  PublicList,
  RankedView,
  HealthCheckRow,
} from '../../../../domain/recognition/schemas.ts';

export type { MyStar, NominationView, NoticeView, PublicList, RankedView, HealthCheckRow };
const enc = encodeURIComponent;

export interface Ranking {
  quarter: string;
  from: string;
  to: string;
  attendanceKnown: boolean;
  items: RankedView[];
  total: number;
  page: number;
  pageSize: number;
}
/** A page of the ranking, with a name search. */
export interface RankingPage {
  q?: string;
  page: number;
  pageSize: number;
}
export interface Nominations {
  quarter: string;
  published: { at: string; byName: string } | null;
  items: NominationView[];
}

export const recognitionApi = {
  notices: (status: NoticeStatus | undefined, signal?: AbortSignal) =>
    api.get<{ items: NoticeView[]; total: number; noticeDays: number }>(
      '/api/recognition/notices',
      { status, pageSize: 200 },
      signal,
    ),
  scan: () => api.post<{ awarded: number; lapsed: number; opened: number }>('/api/recognition/notices/scan'),
  withdraw: (id: string, reason: string) => api.post<void>(`/api/recognition/notices/${enc(id)}/withdraw`, { reason }),
  settings: (signal?: AbortSignal) => api.get<{ noticeDays: number }>('/api/recognition/settings', undefined, signal),
  saveSettings: (noticeDays: number) => api.put<void>('/api/recognition/settings', { noticeDays }),
  ranking: (quarter: string, f: RankingPage, signal?: AbortSignal) =>
    api.get<Ranking>(`/api/recognition/quarters/${enc(quarter)}/ranking`, { ...f }, signal),
  nominations: (quarter: string, signal?: AbortSignal) =>
    api.get<Nominations>(`/api/recognition/quarters/${enc(quarter)}/nominations`, undefined, signal),
  nominate: (b: { quarter: string; volunteerId: string; reason: string }) =>
    api.post<{ id: string }>('/api/recognition/nominations', b),
  decide: (id: string, b: { approve: boolean; note?: string }) =>
    api.post<void>(`/api/recognition/nominations/${enc(id)}/decide`, b),
  publish: (quarter: string) =>
    api.post<{ named: number; approved: number }>(`/api/recognition/quarters/${enc(quarter)}/publish`),
  paperConsent: (volunteerId: string, publish: boolean) =>
    api.put<void>(`/api/recognition/volunteers/${enc(volunteerId)}/consent`, { publish }),
  healthCheck: (year: number, signal?: AbortSignal) =>
    api.get<{ year: number; items: HealthCheckRow[] }>('/api/recognition/health-check', { year }, signal),
  exportHealthCheck: (year: number) =>
    download('/api/recognition/health-check/export', { year }, `health-check-${year}.xlsx`),
  mine: (signal?: AbortSignal) => api.get<MyStar>('/api/recognition/my', undefined, signal),
  setMyConsent: (publish: boolean) => api.put<void>('/api/recognition/my/consent', { publish }),
  publicList: (communityId: string, quarter: string, signal?: AbortSignal) =>
    api.get<PublicList>(`/api/public/recognition/${enc(communityId)}/${enc(quarter)}`, undefined, signal),
};

export const posterUrl = (communityId: string, quarter: string) =>
  `/api/public/recognition/${enc(communityId)}/${enc(quarter)}/poster.pdf`;
export const publicPageUrl = (communityId: string, quarter: string) =>
  `/recognition/${enc(communityId)}/${enc(quarter)}`;

export const useNotices = (status?: NoticeStatus) =>
  useQuery({
    queryKey: ['recognition', 'notices', status ?? 'all'],
    queryFn: ({ signal }) => recognitionApi.notices(status, signal),
  });
export const useRanking = (quarter: string, f: RankingPage) =>
  useQuery({
    queryKey: ['recognition', 'ranking', quarter, f],
    queryFn: ({ signal }) => recognitionApi.ranking(quarter, f, signal),
    placeholderData: (previous) => previous,
  });
export const useNominations = (quarter: string) =>
  useQuery({
    queryKey: ['recognition', 'nominations', quarter],
    queryFn: ({ signal }) => recognitionApi.nominations(quarter, signal),
  });
export const useHealthCheck = (year: number) =>
  useQuery({
    queryKey: ['recognition', 'health', year],
    queryFn: ({ signal }) => recognitionApi.healthCheck(year, signal),
  });
export const useMyStar = () =>
  useQuery({ queryKey: ['me', 'recognition'], queryFn: ({ signal }) => recognitionApi.mine(signal), retry: false });
export const usePublicList = (communityId: string, quarter: string) =>
  useQuery({
    queryKey: ['public', 'recognition', communityId, quarter],
    queryFn: ({ signal }) => recognitionApi.publicList(communityId, quarter, signal),
    retry: false,
  });

/** The quarter a date is in, and the n quarters before it (newest first). */
export function recentQuarters(today: string, n = 6): string[] {
  let y = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

export function useSetMyConsent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: recognitionApi.setMyConsent,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'recognition'] }),
  });
}

/** Staff's saves: every one refreshes what the recognition tabs show (notices, ranking, nominations). */
function useRefreshRecognition() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['recognition'] });
}

export function useScanNotices() {
  const refresh = useRefreshRecognition();
  return useMutation({ mutationFn: recognitionApi.scan, onSuccess: refresh });
}

export function useSaveNoticeDays() {
  const refresh = useRefreshRecognition();
  return useMutation({ mutationFn: recognitionApi.saveSettings, onSuccess: refresh });
}

export function useWithdrawNotice() {
  const refresh = useRefreshRecognition();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => recognitionApi.withdraw(id, reason),
    onSuccess: refresh,
  });
}

export function useNominate() {
  const refresh = useRefreshRecognition();
  return useMutation({ mutationFn: recognitionApi.nominate, onSuccess: refresh });
}

export function useDecideNomination() {
  const refresh = useRefreshRecognition();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note?: string }) =>
      recognitionApi.decide(id, { approve, note }),
    onSuccess: refresh,
  });
}

export function usePublishQuarter() {
  const refresh = useRefreshRecognition();
  return useMutation({ mutationFn: recognitionApi.publish, onSuccess: refresh });
}

/** Consent given on paper, recorded by the office for the volunteer. */
export function usePaperConsent() {
  const refresh = useRefreshRecognition();
  return useMutation({
    mutationFn: ({ volunteerId, publish }: { volunteerId: string; publish: boolean }) =>
      recognitionApi.paperConsent(volunteerId, publish),
    onSuccess: refresh,
  });
}
