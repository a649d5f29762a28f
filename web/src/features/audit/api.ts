// The audit log: entries (paged) and the chain check.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: unknown;
  ip: string | null;
}
export interface AuditFilters {
  action?: string;
  entityType?: string;
  actor?: string;
}
export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}
export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

export const auditApi = {
  list: (f: AuditFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<AuditPage>('/api/audit', { ...f }, signal),
  verify: () => api.get<ChainCheck>('/api/audit/verify'),
};

export function useAuditLog(f: AuditFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit', 'list', f],
    queryFn: ({ signal }) => auditApi.list(f, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: auditApi.verify });
}
