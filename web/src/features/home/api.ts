// The phone home's "next up" (GET /api/me/home): am I a volunteer, and what is next for me.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { HomeSummary } from '../../../../domain/me/home.ts';

export type { HomeSummary };

export function useHome() {
  return useQuery({
    queryKey: ['me', 'home'],
    queryFn: ({ signal }) => api.get<HomeSummary>('/api/me/home', undefined, signal),
    staleTime: 30_000,
  });
}

export interface MessagePreferences {
  app: boolean;
  sms: boolean;
  wechat: boolean;
  optedOut: boolean;
}

export function useMessagePreferences() {
  return useQuery({
    queryKey: ['me', 'notification-preferences'],
    queryFn: ({ signal }) => api.get<MessagePreferences>('/api/me/notification-preferences', undefined, signal),
  });
}

export function useSaveMessagePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: MessagePreferences) => api.put<MessagePreferences>('/api/me/notification-preferences', p),
    onSuccess: (p) => qc.setQueryData(['me', 'notification-preferences'], p),
  });
}
