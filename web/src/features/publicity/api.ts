// Typed fetchers and react-query hooks of /api/publicity: announcements (write, publish, withdraw), what they
// can link to, and each channel's form (the WeChat group text; the poster is a plain link).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { AnnouncementInput, AnnouncementView } from '../../../../domain/publicity/publicity.ts';

export type { AnnouncementInput, AnnouncementView };
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Sources {
  communityId: string;
  activities: Array<{ id: string; title: string; startsAt: string; place: string }>;
  quarters: string[];
}
export interface Filter {
  status?: AnnouncementView['status'];
  page: number;
  pageSize: number;
}
const enc = encodeURIComponent;

export const publicityApi = {
  list: (f: Filter, signal?: AbortSignal) =>
    api.get<Page<AnnouncementView>>('/api/publicity/announcements', { ...f }, signal),
  sources: (signal?: AbortSignal) => api.get<Sources>('/api/publicity/sources', undefined, signal),
  create: (b: AnnouncementInput) => api.post<{ id: string }>('/api/publicity/announcements', b),
  update: (id: string, b: AnnouncementInput) => api.put<void>(`/api/publicity/announcements/${enc(id)}`, b),
  publish: (id: string) => api.post<AnnouncementView>(`/api/publicity/announcements/${enc(id)}/publish`),
  withdraw: (id: string) => api.post<void>(`/api/publicity/announcements/${enc(id)}/withdraw`),
  wechat: (id: string, signal?: AbortSignal) =>
    api.get<{ text: string; shortUrl: string }>(`/api/publicity/announcements/${enc(id)}/wechat`, undefined, signal),
};

export const sitePath = (communityId: string) => `/p/${enc(communityId)}`;
export const screenPath = (communityId: string) => `/screen/${enc(communityId)}`;
export const screenTextPath = (communityId: string, charset: 'utf-8' | 'gbk' = 'utf-8') =>
  `/api/public/${enc(communityId)}/screen.txt${charset === 'gbk' ? '?charset=gbk' : ''}`;
export const posterHref = (id: string, size: 'a4' | 'a3' = 'a4') =>
  `/api/publicity/announcements/${enc(id)}/poster.pdf${size === 'a3' ? '?size=a3' : ''}`;

export const useAnnouncements = (f: Filter) =>
  useQuery({ queryKey: ['publicity', 'list', f], queryFn: ({ signal }) => publicityApi.list(f, signal) });
export const useSources = () =>
  useQuery({ queryKey: ['publicity', 'sources'], queryFn: ({ signal }) => publicityApi.sources(signal) });
export const useWechatText = (id: string | null) =>
  useQuery({
    queryKey: ['publicity', 'wechat', id],
    queryFn: ({ signal }) => publicityApi.wechat(id!, signal),
    enabled: !!id,
  });

/** Every write refreshes the list (and the texts, whose links follow the announcement). */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['publicity'] });
}
export function useCreateAnnouncement() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: publicityApi.create, onSuccess: refresh });
}
export function useUpdateAnnouncement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AnnouncementInput }) => publicityApi.update(id, body),
    onSuccess: refresh,
  });
}
export function usePublishAnnouncement() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: publicityApi.publish, onSuccess: refresh });
}
export function useWithdrawAnnouncement() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: publicityApi.withdraw, onSuccess: refresh });
}
