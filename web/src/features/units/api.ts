// Typed fetchers and hooks of /api/units.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client.ts';
import type { unitItem } from '../../../../domain/volunteers/units.ts';

export type UnitItem = z.infer<typeof unitItem>;
export interface UnitVolunteer {
  id: string;
  name: string;
  gender: string;
  age: number;
  phone: string;
  status: string;
}

export const unitsApi = {
  volunteers: (id: string, f: UnitVolunteerPage, signal?: AbortSignal) =>
    api.get<{ items: UnitVolunteer[]; total: number; page: number; pageSize: number }>(
      `/api/units/${encodeURIComponent(id)}/volunteers`,
      { ...f },
      signal,
    ),
  create: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/units', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<void>(`/api/units/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete<void>(`/api/units/${encodeURIComponent(id)}`),
};

export { useUnits } from '../../shared/api/units.ts';
/** A page of a unit's volunteers, with a name or phone search. */
export interface UnitVolunteerPage {
  q?: string;
  page: number;
  pageSize: number;
}
export const useUnitVolunteers = (id: string | null, f: UnitVolunteerPage) =>
  useQuery({
    queryKey: ['units', id, 'volunteers', f],
    enabled: !!id,
    queryFn: ({ signal }) => unitsApi.volunteers(id!, f, signal),
    placeholderData: (previous) => previous,
  });
export function useUnitMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['units'] });
  return {
    create: useMutation({ mutationFn: unitsApi.create, onSuccess: done }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => unitsApi.update(id, body),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: unitsApi.remove, onSuccess: done }),
  };
}
