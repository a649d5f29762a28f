// Typed fetchers and hooks of /api/notices (通知, the console) and /api/me/messages (我的消息, the phone).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  Audience,
  AudienceOptions,
  AudiencePreview,
  MyMessages,
  NoticeDetail,
  NoticeItem,
} from '../../../../domain/notices/schemas.ts';
import type { Page } from '../../../../domain/shared/schemas.ts';

export type { Audience, AudienceOptions, AudiencePreview, MyMessages, NoticeDetail, NoticeItem };
const enc = encodeURIComponent;

export interface NoticeDraft {
  title: string;
  text: string;
  urgent: boolean;
  audience: Audience;
  confirmLarge: boolean;
}

export const useAudienceOptions = () =>
  useQuery({
    queryKey: ['notices', 'audiences'],
    queryFn: ({ signal }) => api.get<AudienceOptions>('/api/notices/audiences', undefined, signal),
    staleTime: 60_000,
  });

/** How many an audience reaches, asked again whenever the audience changes (null while it is incomplete). */
export const useAudiencePreview = (audience: Audience | null) =>
  useQuery({
    queryKey: ['notices', 'preview', audience],
    enabled: !!audience,
    queryFn: () => api.post<AudiencePreview>('/api/notices/preview', { audience }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useNotices = (page: number, pageSize = 20) =>
  useQuery({
    queryKey: ['notices', 'list', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<NoticeItem>>('/api/notices', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

export const useNotice = (id: string | null) =>
  useQuery({
    queryKey: ['notices', 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<NoticeDetail>(`/api/notices/${enc(id!)}`, undefined, signal),
  });

export function useSendNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: NoticeDraft) =>
      api.post<{ id: string; recipients: number; unreachable: number }>('/api/notices', d),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export const useMyMessages = (page: number) =>
  useQuery({
    queryKey: ['me', 'messages', page],
    queryFn: ({ signal }) => api.get<MyMessages>('/api/me/messages', { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ marked: number; unread: number }>('/api/me/messages/read', { ids }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['me', 'messages'] });
      void qc.invalidateQueries({ queryKey: ['me', 'home'] });
    },
  });
}
