// React Query hooks over the registry fetchers. Writes refresh whatever lists they may change.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResidentLeftStatus } from '../../../../../domain/registry/schemas.ts';
import { registryApi } from './fetchers.ts';
import type {
  HouseholdFilters,
  NewBuilding,
  NewConsent,
  NewContact,
  NewHousehold,
  NewResident,
  ResidentFilters,
} from './types.ts';

export const registryKeys = {
  all: ['registry'] as const,
  summary: () => ['registry', 'summary'] as const,
  grids: () => ['registry', 'grids'] as const,
  buildings: (gridId?: string) => ['registry', 'buildings', gridId ?? 'all'] as const,
  households: (f: object) => ['registry', 'households', f] as const,
  household: (id: string) => ['registry', 'household', id] as const,
  residents: (f: object) => ['registry', 'residents', f] as const,
  resident: (id: string) => ['registry', 'resident', id] as const,
};

export function useSummary() {
  return useQuery({ queryKey: registryKeys.summary(), queryFn: ({ signal }) => registryApi.summary(signal) });
}

export function useGrids() {
  return useQuery({
    queryKey: registryKeys.grids(),
    queryFn: ({ signal }) => registryApi.grids(signal),
    staleTime: 60_000,
  });
}

export function useBuildings(gridId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: registryKeys.buildings(gridId),
    queryFn: ({ signal }) => registryApi.buildings(gridId, signal),
    enabled,
  });
}

export function useHouseholds(f: HouseholdFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: registryKeys.households(f),
    queryFn: ({ signal }) => registryApi.households(f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.household(id ?? ''),
    queryFn: ({ signal }) => registryApi.household(id!, signal),
    enabled: !!id,
  });
}

export function useResidents(f: ResidentFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: registryKeys.residents(f),
    queryFn: ({ signal }) => registryApi.residents(f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.resident(id ?? ''),
    queryFn: ({ signal }) => registryApi.resident(id!, signal),
    enabled: !!id,
  });
}

/** Phone lists grow with "load more" instead of paging. */
export function useResidentsInfinite(f: ResidentFilters, pageSize: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...registryKeys.residents(f), 'infinite', pageSize],
    queryFn: ({ pageParam, signal }) => registryApi.residents({ ...f, page: pageParam, pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

export function useHouseholdsInfinite(f: HouseholdFilters, pageSize: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...registryKeys.households(f), 'infinite', pageSize],
    queryFn: ({ pageParam, signal }) => registryApi.households({ ...f, page: pageParam, pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

/** A reveal is a deliberate act that the server audits, so it is a mutation, never cached or refetched. */
export function useRevealSensitive(residentId: string) {
  return useMutation({ mutationFn: () => registryApi.sensitive(residentId), gcTime: 0 });
}

function useRefreshRegistry() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: registryKeys.all });
}

export function useCreateBuilding() {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (b: NewBuilding) => registryApi.createBuilding(b), onSuccess: refresh });
}

export function useCreateHousehold() {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (h: NewHousehold) => registryApi.createHousehold(h), onSuccess: refresh });
}

export function useUpdateHousehold(id: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (p: Partial<NewHousehold>) => registryApi.updateHousehold(id, p),
    onSuccess: refresh,
  });
}

export function useCreateResident() {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (r: NewResident) => registryApi.createResident(r), onSuccess: refresh });
}

export function useUpdateResident(id: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (p: Partial<NewResident>) => registryApi.updateResident(id, p),
    onSuccess: refresh,
  });
}

export function useAddContact(residentId: string) {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (c: NewContact) => registryApi.addContact(residentId, c), onSuccess: refresh });
}

export function useRemoveContact(residentId: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (contactId: string) => registryApi.removeContact(residentId, contactId),
    onSuccess: refresh,
  });
}

export function useAddConsent(residentId: string) {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (c: NewConsent) => registryApi.addConsent(residentId, c), onSuccess: refresh });
}

/** Marks a resident moved out or deceased (their love badge stops; the family is told). */
export function useResidentLeft(residentId: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (body: { status: ResidentLeftStatus; note?: string | null }) =>
      registryApi.residentLeft(residentId, body),
    onSuccess: refresh,
  });
}

export function useWithdrawConsent(residentId: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (consentId: string) => registryApi.withdrawConsent(residentId, consentId),
    onSuccess: refresh,
  });
}

export function useImportRoster() {
  const refresh = useRefreshRegistry();
  return useMutation({ mutationFn: (file: File) => registryApi.importRoster(file), onSuccess: refresh });
}
