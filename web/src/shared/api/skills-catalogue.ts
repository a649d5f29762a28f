// The skills catalogue (categories, skills, levels): fixed data, fetched once.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface Catalogue {
  categories: Array<{
    code: string;
    zh: string;
    en: string;
    skills: Array<{ code: string; zh: string; en: string; licensed: boolean }>;
  }>;
  levels: string[];
}

export const useCatalogue = () =>
  useQuery({
    queryKey: ['skills', 'catalogue'],
    queryFn: ({ signal }) => api.get<Catalogue>('/api/skills/catalogue', undefined, signal),
    staleTime: Infinity,
  });
