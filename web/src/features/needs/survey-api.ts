// Typed fetchers and react-query hooks of the survey's to-do list (/api/survey/todo), its findings
// (/api/survey/findings) and a finding taken as a need (/api/survey/visits/:id/needs). Keys start with 'needs', so
// recording a visit (api.ts useRecordVisit) refreshes the to-do list too.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  FindingNeedInput,
  SurveyFindingView,
  SurveyFindingsView,
  SurveyTodoItem,
  SurveyTodoView,
} from '../../../../domain/needs/survey.ts';

export type { SurveyFindingView, SurveyTodoItem };

const enc = encodeURIComponent;

export type TodoFilter = {
  gridId?: string;
  since?: string;
};

export const surveyApi = {
  todo: (f: TodoFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<SurveyTodoView>('/api/survey/todo', f, signal),
  findings: (f: TodoFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<SurveyFindingsView>('/api/survey/findings', f, signal),
  findingToNeed: (visitId: string, b: Partial<FindingNeedInput> & Pick<FindingNeedInput, 'category'>) =>
    api.post<{ id: string; created: boolean }>(`/api/survey/visits/${enc(visitId)}/needs`, b),
};

/** The console's page of the to-do list. */
export const useSurveyTodo = (f: TodoFilter & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['needs', 'survey-todo', f],
    queryFn: ({ signal }) => surveyApi.todo(f, signal),
    placeholderData: keepPreviousData,
  });

/** The phone's to-do list, a page at a time ("load more"). */
export function useSurveyTodoPages(f: TodoFilter, pageSize: number) {
  return useInfiniteQuery({
    queryKey: ['needs', 'survey-todo-pages', f, pageSize],
    queryFn: ({ pageParam, signal }) => surveyApi.todo({ ...f, page: pageParam, pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export const useSurveyFindings = (f: TodoFilter & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['needs', 'survey-findings', f],
    queryFn: ({ signal }) => surveyApi.findings(f, signal),
    placeholderData: keepPreviousData,
  });

/** 转为需求: a finding of a visit becomes a need (or gives back the one already taken). */
export function useFindingToNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      visitId,
      ...b
    }: { visitId: string } & Partial<FindingNeedInput> & Pick<FindingNeedInput, 'category'>) =>
      surveyApi.findingToNeed(visitId, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['needs'] }),
  });
}
