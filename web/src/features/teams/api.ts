// Typed fetchers and hooks of /api/teams: the list, one team with its roster, joining and deciding.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client.ts';
import type { teamDetail, teamItem } from '../../../../domain/volunteers/teams.ts';

export type TeamItem = z.infer<typeof teamItem>;
export type TeamDetail = z.infer<typeof teamDetail>;
export type Decision = 'approve' | 'reject' | 'remove';
export type TeamRole = 'leader' | 'member';
const enc = encodeURIComponent;

export const teamsApi = {
  list: (signal?: AbortSignal) => api.get<TeamItem[]>('/api/teams', undefined, signal),
  one: (id: string, signal?: AbortSignal) => api.get<TeamDetail>(`/api/teams/${enc(id)}`, undefined, signal),
  create: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/teams', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<void>(`/api/teams/${enc(id)}`, body),
  remove: (id: string) => api.delete<void>(`/api/teams/${enc(id)}`),
  addMember: (id: string, volunteerId: string, role: TeamRole) =>
    api.post<void>(`/api/teams/${enc(id)}/members`, { volunteerId, role }),
  join: (id: string) => api.post<void>(`/api/teams/${enc(id)}/join`),
  decide: (id: string, volunteerId: string, d: Decision) =>
    api.post<void>(`/api/teams/${enc(id)}/members/${enc(volunteerId)}/${d}`),
};

export const useTeams = () => useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => teamsApi.list(signal) });
export const useTeam = (id: string | null) =>
  useQuery({ queryKey: ['teams', id], enabled: !!id, queryFn: ({ signal }) => teamsApi.one(id!, signal) });

export function useTeamMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['teams'] });
  return {
    create: useMutation({ mutationFn: teamsApi.create, onSuccess: done }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => teamsApi.update(id, body),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: teamsApi.remove, onSuccess: done }),
    addMember: useMutation({
      mutationFn: ({ teamId, volunteerId, role }: { teamId: string; volunteerId: string; role: TeamRole }) =>
        teamsApi.addMember(teamId, volunteerId, role),
      onSuccess: done,
    }),
    join: useMutation({ mutationFn: teamsApi.join, onSuccess: done }),
    decide: useMutation({
      mutationFn: ({ teamId, volunteerId, decision }: { teamId: string; volunteerId: string; decision: Decision }) =>
        teamsApi.decide(teamId, volunteerId, decision),
      onSuccess: done,
    }),
  };
}
