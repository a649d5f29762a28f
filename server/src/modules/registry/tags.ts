// How special groups and dibao status are stored. Health-related groups (dementia, chronic illness,
// disability) are sensitive, so their resident_tag is a keyed token ('t:' + HMAC): the table alone does not
// say who is ill. The other groups are stored as their code. Dibao status is encrypted on the household, with
// a keyed token beside it for counting and filtering. The demo generator and the server both call these.
import { SENSITIVE_GROUPS, SPECIAL_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import type { FieldCipher } from '../../platform/crypto.ts';

export function groupTag(cipher: FieldCipher, communityId: string, code: SpecialGroup): string {
  return SENSITIVE_GROUPS.has(code) ? `t:${cipher.token(communityId, 'group', code)}` : code;
}

/** Stored tag → group, for reading resident_tag back. */
export function tagDecoder(cipher: FieldCipher, communityId: string): Map<string, SpecialGroup> {
  return new Map(SPECIAL_GROUPS.map((g) => [groupTag(cipher, communityId, g), g]));
}

/** household.dibao_token for a dibao status. */
export function dibaoToken(cipher: FieldCipher, communityId: string, dibao: boolean): string {
  return cipher.token(communityId, 'dibao', dibao ? 'true' : 'false');
}
