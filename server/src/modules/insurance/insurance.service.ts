// Service insurance (服务保险, volunteer regulation art. 17): policies and the volunteers they cover. A volunteer
// outside a policy's ages cannot be added to it; covers running out are listed and flagged 30 days ahead.
import type { Db } from '../../db/database.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { PolicyInput } from '../../../../domain/volunteers/service-schemas.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './insurance.repository.ts';

const toCover = (
  c: {
    policy_id: string;
    volunteer_id: string;
    added_at: string;
    name: string;
    birth_date: string;
    insurer: string;
    policy_no: string;
    starts_on: string;
    ends_on: string;
  },
  today: string,
) => ({
  policyId: c.policy_id,
  volunteerId: c.volunteer_id,
  volunteerName: c.name,
  age: ageOn(c.birth_date, today),
  addedAt: c.added_at,
  insurer: c.insurer,
  policyNo: c.policy_no,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
});

export class InsuranceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  async policies(actor: Actor) {
    return (await repo.listPolicies(this.db, actor.communityId)).map((p) => ({
      id: p.id,
      insurer: p.insurer,
      policyNo: p.policy_no,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      cover: p.cover,
      minAge: p.min_age,
      maxAge: p.max_age,
      covered: Number(p.covered ?? 0),
    }));
  }

  async createPolicy(actor: Actor, input: PolicyInput, ctx: RequestContext) {
    if (await repo.findPolicyByNo(this.db, actor.communityId, input.policyNo)) {
      throw new AppError('conflict', {
        reason: input.policyNo,
        fields: [{ field: 'policyNo', message: 'invalid.duplicateCode' }],
      });
    }
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertPolicy(trx, {
        community_id: actor.communityId,
        id,
        insurer: input.insurer,
        policy_no: input.policyNo,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        cover: input.cover,
        min_age: input.minAge ?? null,
        max_age: input.maxAge ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'insurance.policy.create',
        entityType: 'insurance_policy',
        entityId: id,
        detail: { policyNo: input.policyNo },
      });
    });
    return { id };
  }

  private async policyOr404(actor: Actor, id: string) {
    const p = await repo.getPolicy(this.db, actor.communityId, id);
    if (!p) throw new AppError('not_found', { entity: 'policy' });
    return p;
  }

  async covered(actor: Actor, grant: Grant, policyId: string, f: repo.CoverFilter) {
    await this.policyOr404(actor, policyId);
    const today = todayInShanghai();
    const { rows, total } = await repo.coversOfPolicy(this.db, actor, grant, policyId, f);
    return { items: rows.map((c) => toCover(c, today)), total, page: f.page, pageSize: f.pageSize };
  }

  async coversOf(actor: Actor, grant: Grant, volunteerId: string) {
    await this.directory.inScope(actor, grant, volunteerId);
    const today = todayInShanghai();
    return (await repo.coversOfVolunteer(this.db, actor, grant, volunteerId)).map((c) => toCover(c, today));
  }

  /**
   * Covers a volunteer, refused when their age on the first day they would be covered (and on the last) is outside the
   * policy's ages.
   */
  async addCover(actor: Actor, policyId: string, volunteerId: string, ctx: RequestContext) {
    const p = await this.policyOr404(actor, policyId);
    const v = await this.directory.owner(actor.communityId, volunteerId);
    if (!v)
      throw new AppError('not_found', {
        entity: 'volunteer',
        fields: [{ field: 'volunteerId', message: 'invalid.id' }],
      });
    const today = todayInShanghai();
    if (p.ends_on < today)
      throw new AppError('conflict', {
        reason: p.policy_no,
        fields: [{ field: 'policyId', message: 'invalid.policyEnded' }],
      });
    const from = p.starts_on > today ? p.starts_on : today;
    const ageFrom = ageOn(v.birthDate, from),
      ageTo = ageOn(v.birthDate, p.ends_on);
    if ((p.min_age !== null && ageFrom < p.min_age) || (p.max_age !== null && ageTo > p.max_age)) {
      throw new AppError('outside_policy_ages', {
        name: v.name,
        age: ageFrom,
        minAge: p.min_age ?? 0,
        maxAge: p.max_age ?? '∞',
      });
    }
    if (await repo.getCover(this.db, actor.communityId, policyId, volunteerId)) return;
    await this.db.transaction().execute(async (trx) => {
      await repo.insertCover(trx, actor.communityId, policyId, volunteerId, new Date().toISOString());
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'insurance.cover.add',
        entityType: 'insurance_policy',
        entityId: policyId,
        detail: { volunteerId },
      });
    });
  }

  async removeCover(actor: Actor, policyId: string, volunteerId: string, ctx: RequestContext) {
    await this.policyOr404(actor, policyId);
    await this.db.transaction().execute(async (trx) => {
      const r = await repo.deleteCover(trx, actor.communityId, policyId, volunteerId);
      if (!Number(r.numDeletedRows)) throw new AppError('not_found', { entity: 'cover' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'insurance.cover.remove',
        entityType: 'insurance_policy',
        entityId: policyId,
        detail: { volunteerId },
      });
    });
  }

  async expiring(actor: Actor, grant: Grant, days: number, f: repo.CoverFilter) {
    const today = todayInShanghai();
    const { rows, total } = await repo.expiringCovers(this.db, actor, grant, today, addDays(today, days), f);
    return { items: rows.map((c) => toCover(c, today)), total, page: f.page, pageSize: f.pageSize };
  }
}
