// Typed fetchers and react-query hooks of /api/training, /api/insurance and /api/service-types.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export interface Course {
  id: string;
  code: string;
  title: string;
  validityMonths: number | null;
  description: string | null;
}
export interface Session {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string | null;
  capacity: number | null;
  signedUp: number;
}
export interface Attendee {
  volunteerId: string;
  name: string;
  status: 'registered' | 'attended' | 'absent';
  updatedAt: string;
}
export interface Certificate {
  id: string;
  volunteerId: string;
  volunteerName: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  sessionId: string | null;
  issuedOn: string;
  expiresOn: string | null;
}
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

export const trainingApi = {
  courses: (signal?: AbortSignal) => api.get<Course[]>('/api/training/courses', undefined, signal),
  createCourse: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/training/courses', b),
  sessions: (signal?: AbortSignal) => api.get<Session[]>('/api/training/sessions', undefined, signal),
  createSession: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/training/sessions', b),
  attendance: (id: string, signal?: AbortSignal) =>
    api.get<Attendee[]>(`/api/training/sessions/${enc(id)}/attendance`, undefined, signal),
  register: (id: string, volunteerId: string) =>
    api.post<void>(`/api/training/sessions/${enc(id)}/attendance`, { volunteerId }),
  mark: (id: string, volunteerId: string, status: Attendee['status']) =>
    api.put<{ status: string; certificate: { id: string; issuedOn: string; expiresOn: string | null } | null }>(
      `/api/training/sessions/${enc(id)}/attendance/${enc(volunteerId)}`,
      { status },
    ),
  expiring: (days: number, signal?: AbortSignal) => api.get<Certificate[]>('/api/training/expiring', { days }, signal),
  policies: (signal?: AbortSignal) => api.get<Policy[]>('/api/insurance/policies', undefined, signal),
  createPolicy: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/insurance/policies', b),
  covered: (id: string, signal?: AbortSignal) =>
    api.get<Cover[]>(`/api/insurance/policies/${enc(id)}/covered`, undefined, signal),
  addCover: (id: string, volunteerId: string) =>
    api.post<void>(`/api/insurance/policies/${enc(id)}/covered`, { volunteerId }),
  removeCover: (id: string, volunteerId: string) =>
    api.delete<void>(`/api/insurance/policies/${enc(id)}/covered/${enc(volunteerId)}`),
  expiringCover: (days: number, signal?: AbortSignal) => api.get<Cover[]>('/api/insurance/expiring', { days }, signal),
  serviceTypes: (signal?: AbortSignal) => api.get<ServiceType[]>('/api/service-types', undefined, signal),
  createServiceType: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/service-types', b),
  updateServiceType: (id: string, b: Record<string, unknown>) => api.patch<void>(`/api/service-types/${enc(id)}`, b),
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

export const useCourses = () =>
  useQuery({ queryKey: ['training', 'courses'], queryFn: ({ signal }) => trainingApi.courses(signal) });
export const useSessions = () =>
  useQuery({ queryKey: ['training', 'sessions'], queryFn: ({ signal }) => trainingApi.sessions(signal) });
export const useAttendance = (id: string | null) =>
  useQuery({
    queryKey: ['training', 'attendance', id],
    enabled: !!id,
    queryFn: ({ signal }) => trainingApi.attendance(id!, signal),
  });
export const useExpiringCertificates = (days: number) =>
  useQuery({ queryKey: ['training', 'expiring', days], queryFn: ({ signal }) => trainingApi.expiring(days, signal) });
export const usePolicies = () =>
  useQuery({ queryKey: ['insurance', 'policies'], queryFn: ({ signal }) => trainingApi.policies(signal) });
export const useCovered = (id: string | null) =>
  useQuery({
    queryKey: ['insurance', 'covered', id],
    enabled: !!id,
    queryFn: ({ signal }) => trainingApi.covered(id!, signal),
  });
export const useExpiringCover = (days: number) =>
  useQuery({
    queryKey: ['insurance', 'expiring', days],
    queryFn: ({ signal }) => trainingApi.expiringCover(days, signal),
  });
export const useServiceTypes = () =>
  useQuery({ queryKey: ['service-types'], queryFn: ({ signal }) => trainingApi.serviceTypes(signal) });
