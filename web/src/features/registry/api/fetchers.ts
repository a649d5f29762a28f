// Typed fetchers of /api/registry, /api/grids, /api/buildings, /api/households and /api/residents.
import { api, download, type Query } from '../../../shared/api/client.ts';
import type { ResidentLeftStatus } from '../../../../../domain/registry/schemas.ts';
import type {
  Building,
  Created,
  Grid,
  Household,
  HouseholdFilters,
  HouseholdListItem,
  ImportResult,
  NewBuilding,
  NewConsent,
  NewContact,
  NewHousehold,
  NewResident,
  Paged,
  RegistrySummary,
  Resident,
  ResidentFilters,
  ResidentListItem,
  SensitiveInfo,
} from './types.ts';

const enc = encodeURIComponent;
type PageArgs = { page?: number; pageSize?: number };

export const registryApi = {
  summary: (signal?: AbortSignal) => api.get<RegistrySummary>('/api/registry/summary', undefined, signal),
  grids: (signal?: AbortSignal) => api.get<Grid[]>('/api/grids', undefined, signal),
  buildings: (gridId: string | undefined, signal?: AbortSignal) =>
    api.get<Building[]>('/api/buildings', { gridId }, signal),
  createBuilding: (b: NewBuilding) => api.post<Created>('/api/buildings', b),

  households: (f: HouseholdFilters & PageArgs, signal?: AbortSignal) =>
    api.get<Paged<HouseholdListItem>>('/api/households', f as Query, signal),
  household: (id: string, signal?: AbortSignal) => api.get<Household>(`/api/households/${enc(id)}`, undefined, signal),
  createHousehold: (h: NewHousehold) => api.post<Created>('/api/households', h),
  updateHousehold: (id: string, patch: Partial<NewHousehold>) => api.patch<void>(`/api/households/${enc(id)}`, patch),

  residents: (f: ResidentFilters & PageArgs, signal?: AbortSignal) =>
    api.get<Paged<ResidentListItem>>('/api/residents', f as Query, signal),
  resident: (id: string, signal?: AbortSignal) => api.get<Resident>(`/api/residents/${enc(id)}`, undefined, signal),
  sensitive: (id: string) => api.get<SensitiveInfo>(`/api/residents/${enc(id)}/sensitive`),
  createResident: (r: NewResident) => api.post<Created>('/api/residents', r),
  updateResident: (id: string, patch: Partial<NewResident>) => api.patch<void>(`/api/residents/${enc(id)}`, patch),

  addContact: (residentId: string, c: NewContact) => api.post<Created>(`/api/residents/${enc(residentId)}/contacts`, c),
  removeContact: (residentId: string, contactId: string) =>
    api.delete<void>(`/api/residents/${enc(residentId)}/contacts/${enc(contactId)}`),
  addConsent: (residentId: string, c: NewConsent) => api.post<Created>(`/api/residents/${enc(residentId)}/consents`, c),
  residentLeft: (residentId: string, body: { status: ResidentLeftStatus; note?: string | null }) =>
    api.post<void>(`/api/residents/${enc(residentId)}/left`, body),
  withdrawConsent: (residentId: string, consentId: string) =>
    api.post<void>(`/api/residents/${enc(residentId)}/consents/${enc(consentId)}/withdraw`),

  exportResidents: (f: ResidentFilters, fallbackName: string) =>
    download('/api/registry/export/residents', f as Query, fallbackName),
  exportHouseholds: (f: HouseholdFilters, fallbackName: string) =>
    download('/api/registry/export/households', f as Query, fallbackName),
  importTemplate: (fallbackName: string) => download('/api/registry/import/template', undefined, fallbackName),
  importRoster: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportResult>('/api/registry/import', form);
  },
};
