// The notification outbox: every message Linli sends, with its channel and how its delivery went.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  payload: unknown;
  status: string;
  urgent: boolean;
  attempts: number;
  nextAttemptAt: string | null;
  provider: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'held'] as const;
export const OUTBOX_CHANNELS = ['app', 'sms', 'wechat'] as const;

export interface OutboxFilter {
  status?: string;
  channel?: string;
}

export function useOutbox(filter: OutboxFilter = {}) {
  return useQuery({
    queryKey: ['outbox', filter],
    queryFn: ({ signal }) => api.get<{ items: OutboxMessage[] }>('/api/outbox', { ...filter }, signal),
    refetchInterval: 15_000,
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/api/outbox/${encodeURIComponent(id)}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
}
