// Skills of a volunteer and the skills pool search (专业服务人才资源库): shapes shared by server and web.
import { z } from 'zod';
import { paging } from '../shared/schemas.ts';
import { localDate } from '../registry/schemas.ts';
import { SKILL_CATEGORIES, SKILL_LEVELS, SKILLS } from './skills.ts';

const skillCode = z.enum(SKILLS.map((s) => s.code) as [string, ...string[]]);
const licenceNo = z.string().trim().min(1, 'invalid.required').max(40, 'invalid.tooLong');

export const skillInput = z.object({
  code: skillCode,
  level: z.enum(SKILL_LEVELS),
  licenceNo: licenceNo.nullish(),
  licenceExpiresOn: localDate.nullish(),
});
export type SkillInput = z.infer<typeof skillInput>;

export const skillPatch = skillInput.omit({ code: true }).partial();
export type SkillPatch = z.infer<typeof skillPatch>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const poolQuery = z.object({
  category: z.enum(SKILL_CATEGORIES).optional(),
  skill: skillCode.optional(),
  level: z.enum(SKILL_LEVELS).optional(),
  licenceValid: bool.optional(),
  q: z.string().trim().max(30, 'invalid.tooLong').optional(),
  ...paging(20),
});
export type PoolQuery = z.infer<typeof poolQuery>;

export const volunteerSkill = z.object({
  code: z.string(),
  category: z.string(),
  level: z.string(),
  licenceNo: z.string().nullable(),
  licenceExpiresOn: z.string().nullable(),
  licenceValid: z.boolean().nullable(),
});
export const poolItem = z.object({
  volunteerId: z.string(),
  name: z.string(),
  gender: z.string(),
  age: z.number(),
  phone: z.string(),
  unitName: z.string().nullable(),
  skills: z.array(volunteerSkill),
});
export const poolPage = z.object({
  items: z.array(poolItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  categories: z.record(z.string(), z.number()),
});
