// The notification outbox (development channel): what would have been sent by SMS or WeChat.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  payload: unknown;
  status: string;
  createdAt: string;
}

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => api.get<{ items: OutboxMessage[] }>('/api/outbox', undefined, signal),
    refetchInterval: 15_000,
  });
}
