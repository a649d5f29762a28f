// The community's staff and admins with the volunteers they lead (社工带志愿者), as the organisation page, the volunteer
// list and the hours queue read them: cached under ['org', 'social-workers'].
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client.ts';
import type { socialWorkerItem } from '../../../../domain/volunteers/organisation.ts';

export type SocialWorkerItem = z.infer<typeof socialWorkerItem>;

export const socialWorkerKeys = { all: ['org', 'social-workers'] as const };

export const useSocialWorkers = (enabled = true) =>
  useQuery({
    queryKey: socialWorkerKeys.all,
    enabled,
    queryFn: ({ signal }) => api.get<SocialWorkerItem[]>('/api/org/social-workers', undefined, signal),
  });
