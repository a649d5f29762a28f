// Typed fetchers and react-query hooks of /api/classroom: the roll (children and their authorised adults),
// sessions and the rota, the day's board (check-in, check-out, absences, alerts), tutors' logs and figures.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { z } from 'zod';
import type {
  AdultInput,
  AdultView,
  AlertView,
  BoardAdultView,
  BoardChildView,
  CheckOutInput,
  CheckOutResult,
  ChildInput,
  ChildView,
  CodeShown,
  FiguresView,
  LogView,
  RotaTutorView,
  SessionView,
  TermInput,
  TodayView,
  checkInResultView,
  closeResultView,
  createdView,
  enrolledView,
  raisedView,
  termResultView,
} from '../../../../domain/classroom/schemas.ts';

// The API's answers, as the server's response schemas define them.
export type Adult = AdultView;
export type Child = ChildView;
export type { CodeShown };
export type RotaTutor = RotaTutorView;
export type Session = SessionView;
export type BoardAdult = BoardAdultView;
export type BoardChild = BoardChildView;
export type Alert = AlertView;
/** Today's board, or `{ session: null }` when there is no session today. */
export type Board = TodayView;
export type Log = LogView;
export type Figures = FiguresView;
type Enrolled = z.infer<typeof enrolledView>;
type Created = z.infer<typeof createdView>;
type TermResult = z.infer<typeof termResultView>;
type CloseResult = z.infer<typeof closeResultView>;
type CheckInResult = z.infer<typeof checkInResultView>;
type Raised = z.infer<typeof raisedView>;

const enc = encodeURIComponent;

export const classroomApi = {
  children: (f: ChildFilter, signal?: AbortSignal) =>
    api.get<{ items: Child[]; total: number; page: number; pageSize: number }>(
      '/api/classroom/children',
      { ...f },
      signal,
    ),
  enrol: (b: ChildInput) => api.post<Enrolled>('/api/classroom/children', b),
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
  }) => api.post<Created>('/api/classroom/sessions', b),
  term: (b: Partial<TermInput> & Pick<TermInput, 'from' | 'to' | 'place' | 'rota'>) =>
    api.post<TermResult>('/api/classroom/sessions/term', b),
  setRota: (id: string, volunteerIds: string[]) =>
    api.put<void>(`/api/classroom/sessions/${enc(id)}/rota`, { volunteerIds }),
  close: (id: string, presentVolunteerIds: string[]) =>
    api.post<CloseResult>(`/api/classroom/sessions/${enc(id)}/close`, {
      presentVolunteerIds,
    }),
  logs: (signal?: AbortSignal) => api.get<{ items: Log[] }>('/api/classroom/logs', undefined, signal),
  figures: (signal?: AbortSignal) => api.get<Figures>('/api/classroom/figures', undefined, signal),
  today: (signal?: AbortSignal) => api.get<Board>('/api/classroom/today', undefined, signal),
  checkIn: (sessionId: string, childId: string) =>
    api.post<CheckInResult>(`/api/classroom/sessions/${enc(sessionId)}/checkin`, { childId }),
  checkOut: (sessionId: string, b: CheckOutInput) =>
    api.post<CheckOutResult>(`/api/classroom/sessions/${enc(sessionId)}/checkout`, b),
  absence: (sessionId: string, childId: string, note: string) =>
    api.post<void>(`/api/classroom/sessions/${enc(sessionId)}/absences`, { childId, note }),
  arrivals: (sessionId: string) => api.post<Raised>(`/api/classroom/sessions/${enc(sessionId)}/arrivals`),
  clearAlert: (id: string, note: string) => api.post<void>(`/api/classroom/alerts/${enc(id)}/clear`, { note }),
  log: (sessionId: string, b: { childId?: string | null; subject: string; content: string }) =>
    api.post<Created>(`/api/classroom/sessions/${enc(sessionId)}/logs`, b),
};

/** A page of the roll: by status, a search (a child's or an adult's name, the end of a phone). */
export interface ChildFilter {
  status?: 'active' | 'left';
  q?: string;
  page: number;
  pageSize: number;
}
export const useChildren = (f: ChildFilter) =>
  useQuery({
    queryKey: ['classroom', 'children', f],
    queryFn: ({ signal }) => classroomApi.children(f, signal),
    placeholderData: (previous) => previous,
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
