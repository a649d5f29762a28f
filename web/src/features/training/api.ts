// Typed fetchers and react-query hooks of /api/training: courses, sessions, attendance, certificates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export { useCourses, type Course } from '../../shared/api/courses.ts';

const enc = encodeURIComponent;

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
export const trainingApi = {
  createCourse: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/training/courses', b),
  sessions: (f: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ items: Session[]; total: number; page: number; pageSize: number }>(
      '/api/training/sessions',
      { ...f },
      signal,
    ),
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
  expiring: (days: number, f: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ items: Certificate[]; total: number; page: number; pageSize: number }>(
      '/api/training/expiring',
      { days, ...f },
      signal,
    ),
};

export const useSessions = (f: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['training', 'sessions', f],
    queryFn: ({ signal }) => trainingApi.sessions(f, signal),
    placeholderData: (previous) => previous,
  });
export const useAttendance = (id: string | null) =>
  useQuery({
    queryKey: ['training', 'attendance', id],
    enabled: !!id,
    queryFn: ({ signal }) => trainingApi.attendance(id!, signal),
  });
export const useExpiringCertificates = (days: number, f: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['training', 'expiring', days, f],
    queryFn: ({ signal }) => trainingApi.expiring(days, f, signal),
    placeholderData: (previous) => previous,
  });

const trainingKeys = { all: ['training'] as const };

function useRefreshTraining() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: trainingKeys.all });
}

export function useCreateCourse() {
  const refresh = useRefreshTraining();
  return useMutation({ mutationFn: trainingApi.createCourse, onSuccess: refresh });
}

export function useCreateSession() {
  const refresh = useRefreshTraining();
  return useMutation({ mutationFn: trainingApi.createSession, onSuccess: refresh });
}

export function useRegisterAttendee(sessionId: string | undefined) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (volunteerId: string) => trainingApi.register(sessionId!, volunteerId),
    onSuccess: refresh,
  });
}

export function useMarkAttendance(sessionId: string | undefined) {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: ({ volunteerId, status }: { volunteerId: string; status: Attendee['status'] }) =>
      trainingApi.mark(sessionId!, volunteerId, status),
    onSuccess: refresh,
  });
}
