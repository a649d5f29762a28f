// One volunteer's party membership, read and written from the volunteer's page; cached under ['party'].
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client.ts';
import type { PartyMemberInput, partyMemberItem } from '../../../../domain/volunteers/party.ts';

export type PartyMember = z.infer<typeof partyMemberItem>;

/**
 * One volunteer's party membership, or null. The API has no lookup by volunteer, so this searches the
 * members list by the volunteer's name and keeps the row with their id (names are not unique).
 */
export function usePartyMembership(volunteerId: string, name: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['party', 'members', 'of', volunteerId, name],
    enabled: enabled && !!name,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: PartyMember[] }>('/api/party-members', { q: name, pageSize: 200 }, signal)).items.find(
        (m) => m.volunteerId === volunteerId,
      ) ?? null,
  });
}

export function useSetPartyMember(volunteerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PartyMemberInput) =>
      api.put<void>(`/api/volunteers/${encodeURIComponent(volunteerId)}/party-member`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['party'] }),
  });
}
