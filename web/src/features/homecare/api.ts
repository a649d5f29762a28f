// Typed fetchers and react-query hooks of /api/homecare: tasks, hospital rotas and holiday delivery runs
// (staff), and the volunteer's own tasks, shifts and delivery buildings (/api/homecare/mine).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client.ts';
import type {
  RecipientView,
  ResidentMatchView,
  RunView,
  ShiftView,
  StayView,
  TaskKind,
  TaskStatus,
  TaskView,
  runDetailView,
} from '../../../../domain/homecare/homecare.ts';
import type { FestivalKey } from '../../../../domain/calendar/calendar.ts';
import type { SpecialGroup } from '../../../../domain/registry/special-groups.ts';

export type { RecipientView, RunView, ShiftView, StayView, TaskKind, TaskStatus, TaskView };
export type RunDetail = z.infer<typeof runDetailView>;
export type MyRun = RunView & { buildings: string[] };
export type Outcome = 'delivered' | 'absent' | 'declined';
/** The answers a door can get, in the order their buttons stand (console and phone alike). */
export const OUTCOMES: readonly Outcome[] = ['delivered', 'absent', 'declined'];
const enc = encodeURIComponent;

export const homecareApi = {
  tasks: (status: TaskStatus | undefined, f: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ items: TaskView[]; total: number; page: number; pageSize: number }>(
      '/api/homecare/tasks',
      { status, ...f },
      signal,
    ),
  createTask: (b: {
    residentId: string;
    kind: TaskKind;
    dueOn: string;
    dueTime?: string | null;
    volunteerId?: string | null;
    note?: string;
    repeatDays?: number | null;
  }) => api.post<TaskView>('/api/homecare/tasks', b),
  assignTask: (id: string, volunteerId: string | null) =>
    api.post<TaskView>(`/api/homecare/tasks/${enc(id)}/assign`, { volunteerId }),
  cancelTask: (id: string, reason: string) => api.post<TaskView>(`/api/homecare/tasks/${enc(id)}/cancel`, { reason }),
  completeTask: (id: string, minutes: number, note?: string) =>
    api.post<TaskView>(`/api/homecare/tasks/${enc(id)}/done`, { minutes, note }),
  residents: (q: string) => api.get<ResidentMatchView[]>('/api/homecare/residents', { q }),

  stays: (signal?: AbortSignal) => api.get<StayView[]>('/api/homecare/stays', undefined, signal),
  createStay: (b: {
    residentId: string;
    hospital: string;
    ward?: string | null;
    admittedOn: string;
    expectedDischargeOn: string;
    note?: string;
  }) => api.post<StayView>('/api/homecare/stays', b),
  generate: (id: string) => api.post<{ created: number }>(`/api/homecare/stays/${enc(id)}/shifts`, {}),
  shifts: (id: string, signal?: AbortSignal) =>
    api.get<ShiftView[]>(`/api/homecare/stays/${enc(id)}/shifts`, undefined, signal),
  discharge: (id: string, dischargedOn: string) =>
    api.post<StayView>(`/api/homecare/stays/${enc(id)}/discharge`, { dischargedOn }),
  assignShift: (id: string, volunteerId: string | null) =>
    api.post<ShiftView>(`/api/homecare/shifts/${enc(id)}/assign`, { volunteerId }),
  completeShift: (id: string) => api.post<ShiftView>(`/api/homecare/shifts/${enc(id)}/done`, {}),

  runs: (signal?: AbortSignal) => api.get<RunView[]>('/api/homecare/runs', undefined, signal),
  createRun: (b: { festival: FestivalKey; year: number; title?: string; items: string; groups?: SpecialGroup[] }) =>
    api.post<RunView>('/api/homecare/runs', b),
  run: (id: string, signal?: AbortSignal) => api.get<RunDetail>(`/api/homecare/runs/${enc(id)}`, undefined, signal),
  addRecipient: (id: string, residentId: string, reason: string) =>
    api.post<RunDetail>(`/api/homecare/runs/${enc(id)}/recipients`, { residentId, reason }),
  removeRecipient: (id: string, residentId: string, reason: string) =>
    api.post<RunDetail>(`/api/homecare/runs/${enc(id)}/recipients/${enc(residentId)}/remove`, { reason }),
  assignBuilding: (id: string, building: string, volunteerIds: string[]) =>
    api.post<RunDetail>(`/api/homecare/runs/${enc(id)}/assign`, { building, volunteerIds }),
  confirm: (id: string, residentId: string, outcome: Outcome, note?: string) =>
    api.post<RunDetail>(`/api/homecare/runs/${enc(id)}/confirm`, { residentId, outcome, note }),
  close: (id: string, reasons: Array<{ residentId: string; reason: string }>) =>
    api.post<RunDetail>(`/api/homecare/runs/${enc(id)}/close`, { reasons }),

  myTasks: (signal?: AbortSignal) =>
    api.get<{ mine: TaskView[]; open: TaskView[] }>('/api/homecare/mine/tasks', undefined, signal),
  takeTask: (id: string) => api.post<TaskView>(`/api/homecare/mine/tasks/${enc(id)}/take`),
  doneTask: (id: string, minutes: number, note?: string) =>
    api.post<TaskView>(`/api/homecare/mine/tasks/${enc(id)}/done`, { minutes, note }),
  myShifts: (signal?: AbortSignal) =>
    api.get<{ mine: ShiftView[]; open: ShiftView[] }>('/api/homecare/mine/shifts', undefined, signal),
  takeShift: (id: string) => api.post<ShiftView>(`/api/homecare/mine/shifts/${enc(id)}/take`),
  doneShift: (id: string) => api.post<ShiftView>(`/api/homecare/mine/shifts/${enc(id)}/done`, {}),
  myRuns: (signal?: AbortSignal) => api.get<MyRun[]>('/api/homecare/mine/runs', undefined, signal),
  myRun: (id: string, signal?: AbortSignal) =>
    api.get<RunDetail>(`/api/homecare/mine/runs/${enc(id)}`, undefined, signal),
  myConfirm: (id: string, residentId: string, outcome: Outcome, note?: string) =>
    api.post<RunDetail>(`/api/homecare/mine/runs/${enc(id)}/confirm`, { residentId, outcome, note }),
};

export const useTasks = (status: TaskStatus | undefined, f: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['homecare', 'tasks', status ?? 'all', f],
    queryFn: ({ signal }) => homecareApi.tasks(status, f, signal),
    placeholderData: (previous) => previous,
  });
export const useStays = () =>
  useQuery({ queryKey: ['homecare', 'stays'], queryFn: ({ signal }) => homecareApi.stays(signal) });
export const useShifts = (id: string | null) =>
  useQuery({
    queryKey: ['homecare', 'shifts', id],
    queryFn: ({ signal }) => homecareApi.shifts(id!, signal),
    enabled: !!id,
  });
export const useRuns = () =>
  useQuery({ queryKey: ['homecare', 'runs'], queryFn: ({ signal }) => homecareApi.runs(signal) });
export const useRun = (id: string | null) =>
  useQuery({ queryKey: ['homecare', 'run', id], queryFn: ({ signal }) => homecareApi.run(id!, signal), enabled: !!id });
export const useMyTasks = () =>
  useQuery({
    queryKey: ['me', 'homecare', 'tasks'],
    queryFn: ({ signal }) => homecareApi.myTasks(signal),
    retry: false,
  });
export const useMyShifts = () =>
  useQuery({
    queryKey: ['me', 'homecare', 'shifts'],
    queryFn: ({ signal }) => homecareApi.myShifts(signal),
    retry: false,
  });
export const useMyRuns = () =>
  useQuery({ queryKey: ['me', 'homecare', 'runs'], queryFn: ({ signal }) => homecareApi.myRuns(signal), retry: false });
export const useMyRun = (id: string | null) =>
  useQuery({
    queryKey: ['me', 'homecare', 'run', id],
    queryFn: ({ signal }) => homecareApi.myRun(id!, signal),
    enabled: !!id,
    retry: false,
  });

/** A volunteer's own home-care work: every save refreshes their tasks, shifts and runs. */
function useRefreshMine() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['me', 'homecare'] });
}

export function useTakeTask(taskId: string) {
  const refresh = useRefreshMine();
  return useMutation({ mutationFn: () => homecareApi.takeTask(taskId), onSuccess: refresh });
}

export function useDoneTask(taskId: string) {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: ({ minutes, note }: { minutes: number; note?: string }) => homecareApi.doneTask(taskId, minutes, note),
    onSuccess: refresh,
  });
}

export function useTakeShift(shiftId: string) {
  const refresh = useRefreshMine();
  return useMutation({ mutationFn: () => homecareApi.takeShift(shiftId), onSuccess: refresh });
}

export function useDoneShift(shiftId: string) {
  const refresh = useRefreshMine();
  return useMutation({ mutationFn: () => homecareApi.doneShift(shiftId), onSuccess: refresh });
}

/** One door of a delivery run: the run's new state goes straight into the cache, the list of runs is refetched. */
export function useConfirmDelivery(runId: string, residentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (outcome: Outcome) => homecareApi.myConfirm(runId, residentId, outcome),
    onSuccess: async (data) => {
      qc.setQueryData(['me', 'homecare', 'run', runId], data);
      await qc.invalidateQueries({ queryKey: ['me', 'homecare', 'runs'] });
    },
  });
}

// ------------------------------------------------------------------------------------------ staff saves

type NewTask = Parameters<typeof homecareApi.createTask>[0];
type NewStay = Parameters<typeof homecareApi.createStay>[0];
type NewRun = Parameters<typeof homecareApi.createRun>[0];

/** Home visits: every save refreshes the task lists (all statuses). */
function useRefreshTasks() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['homecare', 'tasks'] });
}

export function useCreateTask() {
  const refresh = useRefreshTasks();
  return useMutation({ mutationFn: (b: NewTask) => homecareApi.createTask(b), onSuccess: refresh });
}

export function useAssignTask() {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: ({ id, volunteerId }: { id: string; volunteerId: string | null }) =>
      homecareApi.assignTask(id, volunteerId),
    onSuccess: refresh,
  });
}

/** Staff record a visit the volunteer could not record on the phone: the same hours-ledger entry. */
export function useCompleteTask() {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: ({ id, minutes, note }: { id: string; minutes: number; note?: string }) =>
      homecareApi.completeTask(id, minutes, note),
    onSuccess: refresh,
  });
}

export function useCancelTask() {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => homecareApi.cancelTask(id, reason),
    onSuccess: refresh,
  });
}

/** A stay and its rota: a change to one shift also changes the stay's figures, so all of home care is refreshed. */
function useRefreshHomecare() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['homecare'] });
}

export function useCreateStay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: NewStay) => homecareApi.createStay(b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['homecare', 'stays'] }),
  });
}

export function useGenerateShifts(stayId: string) {
  const refresh = useRefreshHomecare();
  return useMutation({ mutationFn: () => homecareApi.generate(stayId), onSuccess: refresh });
}

export function useDischarge(stayId: string) {
  const refresh = useRefreshHomecare();
  return useMutation({
    mutationFn: (dischargedOn: string) => homecareApi.discharge(stayId, dischargedOn),
    onSuccess: refresh,
  });
}

export function useAssignShift() {
  const refresh = useRefreshHomecare();
  return useMutation({
    mutationFn: ({ id, volunteerId }: { id: string; volunteerId: string | null }) =>
      homecareApi.assignShift(id, volunteerId),
    onSuccess: refresh,
  });
}

export function useCompleteShift() {
  const refresh = useRefreshHomecare();
  return useMutation({ mutationFn: (shiftId: string) => homecareApi.completeShift(shiftId), onSuccess: refresh });
}

export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: NewRun) => homecareApi.createRun(b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['homecare', 'runs'] }),
  });
}

/** A change to a delivery run: the server answers with the run's new state, which goes straight into the cache;
 * the list of runs (with its progress figures) is refetched. */
function useRunChange<V>(runId: string, save: (v: V) => Promise<RunDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (data) => {
      qc.setQueryData(['homecare', 'run', runId], data);
      await qc.invalidateQueries({ queryKey: ['homecare', 'runs'] });
    },
  });
}

export function useAssignBuilding(runId: string) {
  return useRunChange(runId, ({ building, volunteerIds }: { building: string; volunteerIds: string[] }) =>
    homecareApi.assignBuilding(runId, building, volunteerIds),
  );
}

export function useConfirmRecipient(runId: string) {
  return useRunChange(runId, ({ residentId, outcome }: { residentId: string; outcome: Outcome }) =>
    homecareApi.confirm(runId, residentId, outcome),
  );
}

export function useAddRecipient(runId: string) {
  return useRunChange(runId, ({ residentId, reason }: { residentId: string; reason: string }) =>
    homecareApi.addRecipient(runId, residentId, reason),
  );
}

export function useRemoveRecipient(runId: string) {
  return useRunChange(runId, ({ residentId, reason }: { residentId: string; reason: string }) =>
    homecareApi.removeRecipient(runId, residentId, reason),
  );
}

/** Closing a run needs a reason for everyone not reached. */
export function useCloseRun(runId: string) {
  return useRunChange(runId, (reasons: Array<{ residentId: string; reason: string }>) =>
    homecareApi.close(runId, reasons),
  );
}
