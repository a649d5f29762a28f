// Typed fetchers and react-query hooks of /api/classroom: the roll (children and their authorised adults),
// sessions and the rota, the day's board (check-in, check-out, absences, alerts), tutors' logs and figures.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { AdultInput, CheckOutInput, ChildInput, TermInput } from '../../../../domain/classroom/schemas.ts';
import type { Figures } from '../../../../domain/classroom/rules.ts';

export type { Figures };
const enc = encodeURIComponent;

export interface Adult {
  id: string;
  name: string;
  relation: string;
  phone: string;
  isGuardian: boolean;
  active: boolean;
  codeSetAt: string | null;
}
export interface Child {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  school: string;
  grade: string;
  residentId: string | null;
  householdId: string | null;
  weekdays: string;
  enrolledOn: string;
  leftOn: string | null;
  status: 'active' | 'left';
  consentBy: string;
  consentRelation: string;
  consentAt: string;
  note: string | null;
  adults: Adult[];
}
export interface CodeShown {
  adultId: string;
  name: string;
  relation: string;
  code: string;
}
export interface RotaTutor {
  volunteerId: string;
  name: string;
  present: boolean | null;
}
export interface Session {
  id: string;
  date: string;
  starts: string;
  expectedBy: string;
  ends: string;
  place: string;
  closedAt: string | null;
  attended: number;
  rota: RotaTutor[];
}
export interface BoardAdult {
  id: string;
  name: string;
  relation: string;
  phone: string | null;
  isGuardian: boolean;
  hasCode: boolean;
}
export interface BoardChild {
  id: string;
  name: string;
  grade: string;
  school: string;
  state: 'expected' | 'in' | 'out' | 'absent' | 'off';
  checkedInAt: string | null;
  checkedInBy: string | null;
  checkedOutAt: string | null;
  checkedOutBy: string | null;
  collectedBy: string | null;
  outMethod: string | null;
  absentNote: string | null;
  adults: BoardAdult[];
}
export interface Alert {
  id: string;
  childId: string;
  childName: string;
  raisedAt: string;
  clearedAt: string | null;
  clearedBy: string | null;
  note: string | null;
}
export interface Board {
  session: Omit<Session, 'attended'> | null;
  children?: BoardChild[];
  alerts?: Alert[];
}
export interface Log {
  id: string;
  sessionId: string;
  date: string;
  author: string;
  childId: string | null;
  childName: string | null;
  subject: string;
  content: string;
  createdAt: string;
}

export const classroomApi = {
  children: (status: 'active' | 'left' | undefined, signal?: AbortSignal) =>
    api.get<{ items: Child[] }>('/api/classroom/children', { status }, signal),
  enrol: (b: ChildInput) => api.post<{ id: string; codes: CodeShown[] }>('/api/classroom/children', b),
  update: (id: string, b: { school: string; grade: string; weekdays: string; note: string | null }) =>
    api.patch<void>(`/api/classroom/children/${enc(id)}`, b),
  leave: (id: string, leftOn: string) => api.patch<void>(`/api/classroom/children/${enc(id)}`, { leftOn }),
  addAdult: (childId: string, b: AdultInput) =>
    api.post<CodeShown>(`/api/classroom/children/${enc(childId)}/adults`, b),
  setAdultActive: (id: string, active: boolean) => api.patch<void>(`/api/classroom/adults/${enc(id)}`, { active }),
  resetCode: (id: string) => api.post<CodeShown>(`/api/classroom/adults/${enc(id)}/code`),
  sessions: (from: string | undefined, to: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: Session[] }>('/api/classroom/sessions', { from, to }, signal),
  addSession: (b: {
    date: string;
    place: string;
    starts?: string;
    expectedBy?: string;
    ends?: string;
    volunteerIds: string[];
  }) => api.post<{ id: string }>('/api/classroom/sessions', b),
  term: (b: Partial<TermInput> & Pick<TermInput, 'from' | 'to' | 'place' | 'rota'>) =>
    api.post<{ created: number; skipped: number }>('/api/classroom/sessions/term', b),
  setRota: (id: string, volunteerIds: string[]) =>
    api.put<void>(`/api/classroom/sessions/${enc(id)}/rota`, { volunteerIds }),
  close: (id: string, presentVolunteerIds: string[]) =>
    api.post<{ recorded: number; overlapping: string[] }>(`/api/classroom/sessions/${enc(id)}/close`, {
      presentVolunteerIds,
    }),
  logs: (signal?: AbortSignal) => api.get<{ items: Log[] }>('/api/classroom/logs', undefined, signal),
  figures: (signal?: AbortSignal) => api.get<Figures>('/api/classroom/figures', undefined, signal),
  today: (signal?: AbortSignal) => api.get<Board>('/api/classroom/today', undefined, signal),
  checkIn: (sessionId: string, childId: string) =>
    api.post<{ checkedInAt: string }>(`/api/classroom/sessions/${enc(sessionId)}/checkin`, { childId }),
  checkOut: (sessionId: string, b: CheckOutInput) =>
    api.post<{ checkedOutAt: string; collectedBy: string }>(`/api/classroom/sessions/${enc(sessionId)}/checkout`, b),
  absence: (sessionId: string, childId: string, note: string) =>
    api.post<void>(`/api/classroom/sessions/${enc(sessionId)}/absences`, { childId, note }),
  arrivals: (sessionId: string) => api.post<{ raised: number }>(`/api/classroom/sessions/${enc(sessionId)}/arrivals`),
  clearAlert: (id: string, note: string) => api.post<void>(`/api/classroom/alerts/${enc(id)}/clear`, { note }),
  log: (sessionId: string, b: { childId?: string | null; subject: string; content: string }) =>
    api.post<{ id: string }>(`/api/classroom/sessions/${enc(sessionId)}/logs`, b),
};

export const useChildren = (status?: 'active' | 'left') =>
  useQuery({
    queryKey: ['classroom', 'children', status ?? 'all'],
    queryFn: ({ signal }) => classroomApi.children(status, signal),
  });
export const useSessions = (from?: string, to?: string) =>
  useQuery({
    queryKey: ['classroom', 'sessions', from, to],
    queryFn: ({ signal }) => classroomApi.sessions(from, to, signal),
  });
export const useLogs = () =>
  useQuery({ queryKey: ['classroom', 'logs'], queryFn: ({ signal }) => classroomApi.logs(signal) });
export const useFigures = () =>
  useQuery({ queryKey: ['classroom', 'figures'], queryFn: ({ signal }) => classroomApi.figures(signal) });
export const useToday = () =>
  useQuery({ queryKey: ['classroom', 'today'], queryFn: ({ signal }) => classroomApi.today(signal), retry: false });

/** HH:MM in Beijing time of an ISO instant. */
export function clockOf(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}
