// Typed fetchers and react-query hooks of a volunteer's own availability: weekly slots and days away.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export interface Slot {
  weekday: number;
  startMinute: number;
  endMinute: number;
}
export interface Availability {
  volunteerId: string;
  slots: Slot[];
  blackouts: Array<{ id: string; fromDate: string; toDate: string; reason: string | null }>;
}

export const availabilityApi = {
  mine: (signal?: AbortSignal) => api.get<Availability>('/api/me/availability', undefined, signal),
  saveSlots: (volunteerId: string, slots: Slot[]) =>
    api.put<void>(`/api/volunteers/${enc(volunteerId)}/availability`, { slots }),
  addBlackout: (volunteerId: string, b: { fromDate: string; toDate: string; reason: string | null }) =>
    api.post<{ id: string }>(`/api/volunteers/${enc(volunteerId)}/availability/blackouts`, b),
  removeBlackout: (volunteerId: string, id: string) =>
    api.delete<void>(`/api/volunteers/${enc(volunteerId)}/availability/blackouts/${enc(id)}`),
};

const myAvailabilityKey = ['me', 'availability'] as const;

export const useMyAvailability = () =>
  useQuery({ queryKey: myAvailabilityKey, queryFn: ({ signal }) => availabilityApi.mine(signal), retry: false });

function useRefreshMine() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: myAvailabilityKey });
}

export function useSaveSlots(volunteerId: string | undefined) {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: (slots: Slot[]) => availabilityApi.saveSlots(volunteerId!, slots),
    onSuccess: refresh,
  });
}

export function useAddBlackout(volunteerId: string | undefined) {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: (b: { fromDate: string; toDate: string; reason: string | null }) =>
      availabilityApi.addBlackout(volunteerId!, b),
    onSuccess: refresh,
  });
}

export function useRemoveBlackout(volunteerId: string | undefined) {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: (id: string) => availabilityApi.removeBlackout(volunteerId!, id),
    onSuccess: refresh,
  });
}
