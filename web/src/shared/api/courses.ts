// The training courses, as the training page and the service types' "training required" picker list them.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface Course {
  id: string;
  code: string;
  title: string;
  validityMonths: number | null;
  description: string | null;
}

export const courseKeys = { all: ['training', 'courses'] as const };

export const useCourses = () =>
  useQuery({
    queryKey: courseKeys.all,
    queryFn: ({ signal }) => api.get<Course[]>('/api/training/courses', undefined, signal),
  });
