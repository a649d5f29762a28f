// Typed fetchers and hooks of party members, posts and reports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Query } from '../../shared/api/client.ts';
import type {
  PartyMemberInput,
  partyMemberItem,
  partyPostItem,
  partyReportPage,
} from '../../../../domain/volunteers/party.ts';

export type PartyMember = z.infer<typeof partyMemberItem>;
export type { PartyMemberInput };
export type PartyPost = z.infer<typeof partyPostItem>;
export type ReportPage = z.infer<typeof partyReportPage>;
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface MemberFilters {
  kind?: string;
  gridId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const partyApi = {
  members: (f: MemberFilters, signal?: AbortSignal) =>
    api.get<Paged<PartyMember>>('/api/party-members', f as Query, signal),
  reports: (f: { page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<ReportPage>('/api/party-reports', f as Query, signal),
  posts: (signal?: AbortSignal) => api.get<PartyPost[]>('/api/party-posts', undefined, signal),
  createPost: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/party-posts', body),
  removePost: (id: string) => api.delete<void>(`/api/party-posts/${encodeURIComponent(id)}`),
};

export const usePartyMembers = (f: MemberFilters) =>
  useQuery({ queryKey: ['party', 'members', f], queryFn: ({ signal }) => partyApi.members(f, signal) });
export const usePartyReports = (f: { page?: number; pageSize?: number }) =>
  useQuery({ queryKey: ['party', 'reports', f], queryFn: ({ signal }) => partyApi.reports(f, signal) });
export const usePartyPosts = () =>
  useQuery({ queryKey: ['party', 'posts'], queryFn: ({ signal }) => partyApi.posts(signal) });
export function usePostMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['party'] });
  return {
    create: useMutation({ mutationFn: partyApi.createPost, onSuccess: done }),
    remove: useMutation({ mutationFn: partyApi.removePost, onSuccess: done }),
  };
}
