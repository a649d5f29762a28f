// Typed fetchers and hooks of the organisation: /api/org/leadership and the federation (/api/federation).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client.ts';
import type { leadershipItem } from '../../../../domain/volunteers/organisation.ts';
import type { federationItem } from '../../../../domain/volunteers/units.ts';

export type LeadershipItem = z.infer<typeof leadershipItem>;
export type FederationItem = z.infer<typeof federationItem>;
export { useSocialWorkers, type SocialWorkerItem } from '../../shared/api/social-workers.ts';

const enc = encodeURIComponent;
export const orgApi = {
  leadership: (signal?: AbortSignal) => api.get<LeadershipItem[]>('/api/org/leadership', undefined, signal),
  addLeader: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/org/leadership', body),
  saveLeader: (id: string, body: Record<string, unknown>) => api.put<void>(`/api/org/leadership/${enc(id)}`, body),
  removeLeader: (id: string) => api.delete<void>(`/api/org/leadership/${enc(id)}`),
  federation: (signal?: AbortSignal) => api.get<FederationItem[]>('/api/federation', undefined, signal),
  addMember: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/federation', body),
  saveMember: (id: string, body: Record<string, unknown>) => api.patch<void>(`/api/federation/${enc(id)}`, body),
  removeMember: (id: string) => api.delete<void>(`/api/federation/${enc(id)}`),
};

export const useLeadership = () =>
  useQuery({ queryKey: ['org', 'leadership'], queryFn: ({ signal }) => orgApi.leadership(signal) });
export const useFederation = () =>
  useQuery({ queryKey: ['org', 'federation'], queryFn: ({ signal }) => orgApi.federation(signal) });

export function useOrgMutations() {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['org'] });
    void qc.invalidateQueries({ queryKey: ['units'] });
  };
  type Save = { id: string | null; body: Record<string, unknown> };
  return {
    saveLeader: useMutation({
      mutationFn: async ({ id, body }: Save): Promise<unknown> =>
        id ? orgApi.saveLeader(id, body) : orgApi.addLeader(body),
      onSuccess: done,
    }),
    removeLeader: useMutation({ mutationFn: orgApi.removeLeader, onSuccess: done }),
    saveMember: useMutation({
      mutationFn: async ({ id, body }: Save): Promise<unknown> =>
        id ? orgApi.saveMember(id, body) : orgApi.addMember(body),
      onSuccess: done,
    }),
    removeMember: useMutation({ mutationFn: orgApi.removeMember, onSuccess: done }),
  };
}
