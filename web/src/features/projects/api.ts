// Typed fetchers and hooks of /api/projects, and the lists a project links from (activities, needs, pairings, teams).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { LinkKind, ProjectDetail, ProjectItem, ProjectReport } from '../../../../domain/projects/schemas.ts';

export type { LinkKind, ProjectDetail, ProjectItem, ProjectReport };

const enc = encodeURIComponent;
export const projectsApi = {
  list: (signal?: AbortSignal) => api.get<ProjectItem[]>('/api/projects', undefined, signal),
  detail: (id: string, signal?: AbortSignal) => api.get<ProjectDetail>(`/api/projects/${enc(id)}`, undefined, signal),
  report: (id: string, signal?: AbortSignal) =>
    api.get<ProjectReport>(`/api/projects/${enc(id)}/report`, undefined, signal),
  create: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/projects', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<void>(`/api/projects/${enc(id)}`, body),
  remove: (id: string) => api.delete<void>(`/api/projects/${enc(id)}`),
  link: (id: string, kind: LinkKind, targetId: string) =>
    api.post<void>(`/api/projects/${enc(id)}/links`, { kind, targetId }),
  unlink: (id: string, kind: LinkKind, targetId: string) =>
    api.delete<void>(`/api/projects/${enc(id)}/links/${kind}/${enc(targetId)}`),
  spend: (id: string, body: Record<string, unknown>) =>
    api.post<{ id: string }>(`/api/projects/${enc(id)}/spending`, body),
  unspend: (id: string, spendingId: string) => api.delete<void>(`/api/projects/${enc(id)}/spending/${enc(spendingId)}`),
};

export const useProjects = () =>
  useQuery({ queryKey: ['projects'], queryFn: ({ signal }) => projectsApi.list(signal) });
export const useProject = (id: string) =>
  useQuery({ queryKey: ['projects', id], queryFn: ({ signal }) => projectsApi.detail(id, signal) });
export const useProjectReport = (id: string) =>
  useQuery({ queryKey: ['projects', id, 'report'], queryFn: ({ signal }) => projectsApi.report(id, signal) });

export function useProjectMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['projects'] });
  return {
    create: useMutation({ mutationFn: projectsApi.create, onSuccess: done }),
    remove: useMutation({ mutationFn: projectsApi.remove, onSuccess: done }),
    link: useMutation({
      mutationFn: (v: { id: string; kind: LinkKind; targetId: string }) => projectsApi.link(v.id, v.kind, v.targetId),
      onSuccess: done,
    }),
    unlink: useMutation({
      mutationFn: (v: { id: string; kind: LinkKind; targetId: string }) => projectsApi.unlink(v.id, v.kind, v.targetId),
      onSuccess: done,
    }),
    spend: useMutation({
      mutationFn: (v: { id: string; body: Record<string, unknown> }) => projectsApi.spend(v.id, v.body),
      onSuccess: done,
    }),
    unspend: useMutation({
      mutationFn: (v: { id: string; spendingId: string }) => projectsApi.unspend(v.id, v.spendingId),
      onSuccess: done,
    }),
  };
}

/** What a project can link, as options: each kind read from its own list route. */
export interface LinkOption {
  value: string;
  label: string;
}
type Row = Record<string, unknown>;
const labelOf = (r: Row) =>
  [r.date, r.title, r.name, r.volunteerName, r.residentName, r.title || r.name ? null : r.description]
    .filter((x): x is string => typeof x === 'string' && !!x)
    .join(' · ');
async function candidates(kind: LinkKind, signal?: AbortSignal): Promise<LinkOption[]> {
  const rows: Row[] =
    kind === 'activity'
      ? await api.get<Row[]>('/api/activities', undefined, signal)
      : kind === 'team'
        ? await api.get<Row[]>('/api/teams', undefined, signal)
        : (await api.get<{ items: Row[] }>(`/api/${kind === 'need' ? 'needs' : 'pairings'}`, { pageSize: 200 }, signal))
            .items;
  return rows.map((r) => ({ value: String(r.id), label: labelOf(r) || String(r.id) }));
}
export const useLinkCandidates = (kind: LinkKind) =>
  useQuery({ queryKey: ['projects', 'candidates', kind], queryFn: ({ signal }) => candidates(kind, signal) });
