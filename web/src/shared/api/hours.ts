// A volunteer's hours (star, totals, latest entries), shown on the hours pages and the volunteer's page.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { EntryView, HoursSummary } from '../../../../domain/hours/schemas.ts';

export interface VolunteerHoursProfile {
  summary: HoursSummary;
  entries: { items: EntryView[]; total: number; page: number; pageSize: number };
}

export const useVolunteerHours = (id: string, page: number) =>
  useQuery({
    queryKey: ['hours', 'volunteer', id, page],
    queryFn: ({ signal }) =>
      api.get<VolunteerHoursProfile>(`/api/hours/volunteers/${encodeURIComponent(id)}`, { page, pageSize: 10 }, signal),
  });

/** Minutes as the pages show them: "1.5 小时" from 90. */
export const hoursText = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
