// Typed fetchers and react-query hooks of /api/service-types: the types of work and who is eligible for each.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export interface ServiceType {
  id: string;
  code: string;
  name: string;
  minAge: number;
  maxAge: number;
  minFitness: 'good' | 'fair' | 'limited';
  night: boolean;
  needsInsurance: boolean;
  trainingCourseId: string | null;
  skillCode: string | null;
  description: string | null;
}
export interface EligibleRow {
  volunteerId: string;
  name: string;
  age: number;
  eligible: boolean;
  reasons: string[];
}

export const serviceTypesApi = {
  list: (signal?: AbortSignal) => api.get<ServiceType[]>('/api/service-types', undefined, signal),
  create: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/service-types', b),
  update: (id: string, b: Record<string, unknown>) => api.patch<void>(`/api/service-types/${enc(id)}`, b),
  eligible: (
    id: string,
    q: { date?: string; start?: string; end?: string; eligibleOnly?: boolean; page: number; pageSize: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: EligibleRow[]; total: number; eligibleCount: number; page: number; pageSize: number }>(
      `/api/service-types/${enc(id)}/eligible`,
      q,
      signal,
    ),
};

const serviceTypeKeys = { all: ['service-types'] as const };

export const useServiceTypes = () =>
  useQuery({ queryKey: serviceTypeKeys.all, queryFn: ({ signal }) => serviceTypesApi.list(signal) });

export function useSaveServiceType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: Record<string, unknown> }) => {
      if (id) await serviceTypesApi.update(id, body);
      else await serviceTypesApi.create(body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: serviceTypeKeys.all }),
  });
}
