// Typed fetchers and react-query hooks of /api/insurance: policies, the volunteers each covers, cover running out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export interface Policy {
  id: string;
  insurer: string;
  policyNo: string;
  startsOn: string;
  endsOn: string;
  cover: string;
  minAge: number | null;
  maxAge: number | null;
  covered: number;
}
export interface Cover {
  policyId: string;
  volunteerId: string;
  volunteerName: string;
  age: number;
  addedAt: string;
  insurer: string;
  policyNo: string;
  startsOn: string;
  endsOn: string;
}

/** A page of a list of covers, with a name search. */
export interface CoverPage {
  q?: string;
  page: number;
  pageSize: number;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const insuranceApi = {
  policies: (signal?: AbortSignal) => api.get<Policy[]>('/api/insurance/policies', undefined, signal),
  createPolicy: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/insurance/policies', b),
  covered: (id: string, f: CoverPage, signal?: AbortSignal) =>
    api.get<Page<Cover>>(`/api/insurance/policies/${enc(id)}/covered`, { ...f }, signal),
  addCover: (id: string, volunteerId: string) =>
    api.post<void>(`/api/insurance/policies/${enc(id)}/covered`, { volunteerId }),
  removeCover: (id: string, volunteerId: string) =>
    api.delete<void>(`/api/insurance/policies/${enc(id)}/covered/${enc(volunteerId)}`),
  expiringCover: (days: number, f: CoverPage, signal?: AbortSignal) =>
    api.get<Page<Cover>>('/api/insurance/expiring', { days, ...f }, signal),
};

const insuranceKeys = { all: ['insurance'] as const };

export const usePolicies = () =>
  useQuery({ queryKey: ['insurance', 'policies'], queryFn: ({ signal }) => insuranceApi.policies(signal) });
export const useCovered = (id: string | null, f: CoverPage) =>
  useQuery({
    queryKey: ['insurance', 'covered', id, f],
    enabled: !!id,
    queryFn: ({ signal }) => insuranceApi.covered(id!, f, signal),
    placeholderData: (previous) => previous,
  });
export const useExpiringCover = (days: number, f: CoverPage) =>
  useQuery({
    queryKey: ['insurance', 'expiring', days, f],
    queryFn: ({ signal }) => insuranceApi.expiringCover(days, f, signal),
    placeholderData: (previous) => previous,
  });

function useRefreshInsurance() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: insuranceKeys.all });
}

export function useCreatePolicy() {
  const refresh = useRefreshInsurance();
  return useMutation({ mutationFn: insuranceApi.createPolicy, onSuccess: refresh });
}

export function useAddCover(policyId: string | undefined) {
  const refresh = useRefreshInsurance();
  return useMutation({
    mutationFn: (volunteerId: string) => insuranceApi.addCover(policyId!, volunteerId),
    onSuccess: refresh,
  });
}

export function useRemoveCover() {
  const refresh = useRefreshInsurance();
  return useMutation({
    mutationFn: (c: { policyId: string; volunteerId: string }) => insuranceApi.removeCover(c.policyId, c.volunteerId),
    onSuccess: refresh,
  });
}
