// The community's units (共建单位) as other features pick them: the list, cached under ['units'].
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client.ts';
import type { unitItem } from '../../../../domain/volunteers/units.ts';

export type UnitItem = z.infer<typeof unitItem>;

export const unitKeys = { all: ['units'] as const };

export const fetchUnits = (signal?: AbortSignal) => api.get<UnitItem[]>('/api/units', undefined, signal);

export const useUnits = () => useQuery({ queryKey: unitKeys.all, queryFn: ({ signal }) => fetchUnits(signal) });
