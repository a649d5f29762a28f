// Resident search filters live in the address bar, so a search can be bookmarked, shared and returned to.
import {
  GENDERS,
  SPECIAL_GROUPS,
  type Gender,
  type SpecialGroup,
} from '../../../../../../domain/registry/special-groups.ts';
import type { ResidentFilters } from '../../api/types.ts';

const num = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function filtersFromParams(p: URLSearchParams): ResidentFilters & { page: number } {
  const group = p.get('group');
  const gender = p.get('gender');
  const dibao = p.get('dibao');
  return {
    q: p.get('q') || undefined,
    gridId: p.get('gridId') || undefined,
    buildingId: p.get('buildingId') || undefined,
    group: (SPECIAL_GROUPS as readonly string[]).includes(group ?? '') ? (group as SpecialGroup) : undefined,
    gender: (GENDERS as readonly string[]).includes(gender ?? '') ? (gender as Gender) : undefined,
    ageMin: num(p.get('ageMin')),
    ageMax: num(p.get('ageMax')),
    dibao: dibao === 'true' ? true : dibao === 'false' ? false : undefined,
    page: Math.max(1, num(p.get('page')) ?? 1),
  };
}

export function paramsFromFilters(f: ResidentFilters & { page?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'page' && v === 1) continue;
    out[k] = String(v);
  }
  return out;
}
