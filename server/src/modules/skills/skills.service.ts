// A volunteer's skills (with licences for the skills the law licenses) and the skills pool search.
import type { Db, DbOrTrx } from '../../db/database.ts';
import { authorize, can, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  CATEGORY_LABELS,
  SKILL_BY_CODE,
  SKILL_CATEGORIES,
  SKILL_LEVELS,
  SKILLS,
} from '../../../../domain/volunteers/skills.ts';
import type { PoolQuery, SkillInput, SkillPatch } from '../../../../domain/volunteers/pool.ts';
import * as repo from './skills.repository.ts';

/** The reader's bound on volunteers, from their volunteers.read grant. */
export function volunteerBound(actor: Actor, grant: Grant): repo.VolunteerBound {
  if (grant.scope === 'community') return { all: true };
  if (grant.scope === 'unit' && actor.unitId) return { unitId: actor.unitId };
  if (grant.scope === 'team' && actor.teamId) return { teamId: actor.teamId };
  return { none: true };
}

/** Turns a search box into name characters, pinyin (full or initials) or a phone tail. */
export function parseNameSearch(
  q: string | undefined,
): Pick<repo.PoolFilter, 'nameContains' | 'pinyinPrefix' | 'phoneTail'> {
  const s = (q ?? '').trim();
  if (!s) return {};
  if (/^\d{3,11}$/.test(s)) return { phoneTail: s };
  const letters = s.toLowerCase().replace(/[\s']/g, '');
  if (/^[a-z]+$/.test(letters)) return { pinyinPrefix: letters };
  return { nameContains: s.replace(/\s/g, '') };
}

export class SkillsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  /** Staff and unit coordinators edit with volunteers.write; a volunteer edits their own with volunteer.self. */
  private async editable(actor: Actor, volunteerId: string, db: DbOrTrx) {
    if (can(actor, 'volunteers.write')) {
      const grant = authorize(actor, 'volunteers.write');
      const v = await this.directory.owner(actor.communityId, volunteerId, db);
      if (!v) throw new AppError('not_found', { entity: 'volunteer' });
      if (v.accountId === actor.accountId) return v;
      return this.directory.inScope(actor, grant, volunteerId, db);
    }
    return this.directory.inScope(actor, authorize(actor, 'volunteer.self'), volunteerId, db);
  }

  /** A licensed skill needs a licence number and an expiry, and an expired licence is not current. */
  private checkLicence(code: string, licenceNo: string | null, expiresOn: string | null) {
    const def = SKILL_BY_CODE.get(code);
    const fields: FieldProblem[] = [];
    if (def?.licensed) {
      if (!licenceNo) fields.push({ field: 'licenceNo', message: 'volunteer.licenceRequired' });
      if (!expiresOn) fields.push({ field: 'licenceExpiresOn', message: 'invalid.licenceExpiryRequired' });
    }
    if (expiresOn && expiresOn < todayInShanghai())
      fields.push({ field: 'licenceExpiresOn', message: 'volunteer.licenceExpired' });
    if (fields.length) throw new AppError('validation', { fields });
  }

  async add(actor: Actor, volunteerId: string, input: SkillInput, ctx: RequestContext) {
    const def = SKILL_BY_CODE.get(input.code)!;
    this.checkLicence(input.code, input.licenceNo ?? null, input.licenceExpiresOn ?? null);
    await this.db.transaction().execute(async (trx) => {
      await this.editable(actor, volunteerId, trx);
      if (await repo.findSkill(trx, actor.communityId, volunteerId, input.code)) {
        throw new AppError('conflict', { reason: def.zh, fields: [{ field: 'code', message: 'invalid.skillExists' }] });
      }
      await repo.insertSkill(trx, {
        community_id: actor.communityId,
        volunteer_id: volunteerId,
        skill_code: input.code,
        category: def.category,
        level: input.level,
        licence_no: input.licenceNo ?? null,
        licence_expires_on: input.licenceExpiresOn ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.skill_add',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { skill: input.code, level: input.level, licensed: !!input.licenceNo },
      });
    });
  }

  async update(actor: Actor, volunteerId: string, code: string, patch: SkillPatch, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await this.editable(actor, volunteerId, trx);
      const cur = await repo.findSkill(trx, actor.communityId, volunteerId, code);
      if (!cur) throw new AppError('not_found', { entity: 'skill' });
      const licenceNo = patch.licenceNo !== undefined ? patch.licenceNo : cur.licence_no;
      const expires = patch.licenceExpiresOn !== undefined ? patch.licenceExpiresOn : cur.licence_expires_on;
      // Only a licence being entered now must be current; an untouched old one may stand as it was.
      if (patch.licenceNo !== undefined || patch.licenceExpiresOn !== undefined)
        this.checkLicence(code, licenceNo ?? null, expires ?? null);
      await repo.updateSkill(trx, actor.communityId, volunteerId, code, {
        level: patch.level ?? cur.level,
        licence_no: licenceNo ?? null,
        licence_expires_on: expires ?? null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.skill_update',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { skill: code, fields: Object.keys(patch) },
      });
    });
  }

  async remove(actor: Actor, volunteerId: string, code: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await this.editable(actor, volunteerId, trx);
      if (!(await repo.deleteSkill(trx, actor.communityId, volunteerId, code)))
        throw new AppError('not_found', { entity: 'skill' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.skill_remove',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { skill: code },
      });
    });
  }

  async skillsOf(actor: Actor, grant: Grant, volunteerId: string) {
    await this.directory.inScope(actor, grant, volunteerId);
    const today = todayInShanghai();
    return (await repo.skillsOf(this.db, actor.communityId, [volunteerId])).map((s) => toSkill(s, today));
  }

  async pool(actor: Actor, grant: Grant, q: PoolQuery) {
    const today = todayInShanghai();
    const bound = volunteerBound(actor, grant);
    const filter: repo.PoolFilter = {
      category: q.category,
      skill: q.skill,
      level: q.level,
      licenceValid: q.licenceValid,
      today,
      ...parseNameSearch(q.q),
    };
    const { total, rows } = await repo.poolPage(this.db, actor.communityId, bound, filter, q.page, q.pageSize);
    const skills = await repo.skillsOf(
      this.db,
      actor.communityId,
      rows.map((r) => r.id),
    );
    const byVolunteer = new Map<string, ReturnType<typeof toSkill>[]>();
    for (const s of skills) {
      const l = byVolunteer.get(s.volunteer_id) ?? [];
      l.push(toSkill(s, today));
      byVolunteer.set(s.volunteer_id, l);
    }
    const counts = Object.fromEntries(SKILL_CATEGORIES.map((c) => [c, 0])) as Record<string, number>;
    for (const c of await repo.categoryCounts(this.db, actor.communityId, bound, today))
      counts[c.category] = Number(c.n);
    return {
      items: rows.map((r) => ({
        volunteerId: r.id,
        name: r.name,
        gender: r.gender,
        age: ageOn(r.birth_date, today),
        phone: r.phone,
        unitName: r.unit_name ?? null,
        skills: byVolunteer.get(r.id) ?? [],
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      categories: counts,
    };
  }

  catalogue() {
    return {
      categories: SKILL_CATEGORIES.map((c) => ({
        code: c,
        zh: CATEGORY_LABELS[c].zh,
        en: CATEGORY_LABELS[c].en,
        skills: SKILLS.filter((s) => s.category === c).map((s) => ({
          code: s.code,
          zh: s.zh,
          en: s.en,
          licensed: !!s.licensed,
        })),
      })),
      levels: [...SKILL_LEVELS],
    };
  }
}

function toSkill(
  s: {
    skill_code: string;
    category: string;
    level: string;
    licence_no: string | null;
    licence_expires_on: string | null;
  },
  today: string,
) {
  return {
    code: s.skill_code,
    category: s.category,
    level: s.level,
    licenceNo: s.licence_no,
    licenceExpiresOn: s.licence_expires_on,
    licenceValid: s.licence_expires_on ? s.licence_expires_on >= today : null,
  };
}
