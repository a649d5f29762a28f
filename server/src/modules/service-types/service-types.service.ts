// Kinds of service and what they ask of whoever does them (volunteer regulation art. 15–17: age, health,
// training, insurance), and who is eligible for one. EligibilityService is what pairings and activities use.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { ServiceTypeTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  checkEligibility,
  type Fitness,
  type IneligibleReason,
  type TaskRequirements,
} from '../../../../domain/volunteers/eligibility.ts';
import { SKILL_BY_CODE } from '../../../../domain/volunteers/skills.ts';
import {
  checkWork,
  decide,
  requirementsOfWork,
  type Companion,
  type Override,
  type Work,
  type WorkEligibility,
  type WorkRefusal,
} from '../../../../domain/volunteers/work-policy.ts';
import {
  hhmmToMinute,
  type EligibleQuery,
  type ServiceTypeInput,
} from '../../../../domain/volunteers/service-schemas.ts';
import { volunteerInScope } from '../volunteers/volunteer-scope.ts';
import * as repo from './service-types.repository.ts';

export interface When {
  date: string;
  startMinute: number;
  endMinute: number;
}
export interface EligibilityResult {
  volunteerId: string;
  eligible: boolean;
  reasons: IneligibleReason[];
}
export interface EligibilityRow extends EligibilityResult {
  age: number;
}

export function toServiceType(s: ServiceTypeTable) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    minAge: s.min_age,
    maxAge: s.max_age,
    minFitness: s.min_fitness as Fitness,
    night: !!s.night,
    needsInsurance: !!s.needs_insurance,
    trainingCourseId: s.training_course_id,
    skillCode: s.skill_code,
    description: s.description,
  };
}

export function requirementsOf(s: ServiceTypeTable, when?: When): TaskRequirements {
  return {
    minAge: s.min_age,
    maxAge: s.max_age,
    minFitness: s.min_fitness as Fitness,
    night: !!s.night,
    needsInsurance: !!s.needs_insurance,
    trainingCourseIds: s.training_course_id ? [s.training_course_id] : [],
    skillCode: s.skill_code,
    when,
  };
}

const CHUNK = 1000;

/** One call of the gate: the work, who is put on it, what it is (for the audit) and any staff override. */
export interface GateInput {
  work: Work;
  volunteerIds: readonly string[];
  entityType: string;
  entityId: string;
  /** The resident served one-to-one, if any: a minor is never alone with an adult outside their family. */
  residentId?: string | null;
  /** Staff only: put them on despite reasons the policy lets staff override, with a reason (audited). */
  override?: Override | null;
  /** The module's own refusal code (kept for its clients), with details; `work_not_eligible` otherwise. */
  refuseAs?: ErrorCode;
  details?: Record<string, unknown>;
}

export interface WorkCheck extends WorkEligibility {
  volunteerId: string;
}

/** Who may be offered a service type. Facts are loaded set-based, then the pure rule decides. */
export class EligibilityService {
  constructor(
    private readonly db: Db,
    private readonly audit?: AuditLog,
  ) {}

  /**
   * The work policy for these volunteers (unknown ids are left out). Set-based: one load of facts, one look at
   * the resident served and the volunteers' own households.
   */
  async checkWork(
    communityId: string,
    work: Work,
    volunteerIds: readonly string[],
    residentId: string | null = null,
    db: DbOrTrx = this.db,
    /** 小小志愿者: each volunteer's accompanying adult as found (absent: none named). */
    companions?: ReadonlyMap<string, Companion | null>,
  ): Promise<WorkCheck[]> {
    const ids = [...new Set(volunteerIds)];
    if (!ids.length) return [];
    const today = todayInShanghai();
    const task = requirementsOfWork(work);
    // The three reads go out together (each is a round trip on PostgreSQL).
    const [facts, resident, households] = await Promise.all([
      repo.loadFactsOf(db, communityId, ids, {
        courseIds: task.trainingCourseIds,
        insurance: task.needsInsurance,
        date: task.when?.date ?? work.date ?? null,
        skillCode: task.skillCode ?? null,
      }),
      residentId ? repo.residentFacts(db, communityId, residentId) : null,
      residentId ? repo.householdsOfVolunteers(db, communityId, ids) : new Map<string, string>(),
    ]);
    const onDate = work.when?.date ?? work.date ?? today;
    const out: WorkCheck[] = [];
    for (const id of ids) {
      const f = facts.get(id);
      if (!f) continue;
      const adultResident =
        work.adultResident ??
        (!!resident && ageOn(resident.birthDate, onDate) >= 18 && households.get(id) !== resident.householdId);
      const companion = companions ? (companions.get(id) ?? null) : work.companion;
      out.push({ volunteerId: id, ...checkWork(f, { ...work, adultResident, companion }, today) });
    }
    return out;
  }

  /**
   * The one gate every assignment passes: refuses (409, with every reason) anyone the work policy does not allow,
   * unless staff override reasons the policy lets them, with a reason, recorded in the audit log in `db`'s
   * transaction. Unknown volunteers are left to the caller to refuse.
   */
  async gate(db: DbOrTrx, actor: Actor, ctx: RequestContext | null, g: GateInput): Promise<WorkCheck[]> {
    if (g.override && !g.override.reason.trim())
      throw new AppError('validation', { fields: [{ field: 'override.reason', message: 'invalid.overrideReason' }] });
    const checks = await this.checkWork(actor.communityId, g.work, g.volunteerIds, g.residentId ?? null, db);
    const overridden: Array<{ volunteerId: string; reasons: WorkRefusal[] }> = [];
    for (const c of checks) {
      const d = decide(c, g.override);
      if (d.allowed) {
        if (d.overridden.length) overridden.push({ volunteerId: c.volunteerId, reasons: d.overridden });
        continue;
      }
      const [named] = await repo.namesOf(db, actor.communityId, [c.volunteerId]);
      throw new AppError(g.override ? 'work_override_refused' : (g.refuseAs ?? 'work_not_eligible'), {
        ...g.details,
        name: named?.name ?? '',
        volunteerId: c.volunteerId,
        kind: g.work.kind,
        reasons: d.refused,
        overridable: c.overridable,
      });
    }
    for (const o of overridden)
      await this.audit?.recordBy(db, actor, ctx, {
        action: 'eligibility.override',
        entityType: g.entityType,
        entityId: g.entityId,
        detail: { kind: g.work.kind, volunteerId: o.volunteerId, reasons: o.reasons, reason: g.override!.reason },
      });
    return checks;
  }

  /** Refuses recording work done before the day it is for (Shanghai's today; the day, not the hour, so a visit
   *  that started early is not refused). */
  static refuseBeforeStart(date: string | null | undefined, today = todayInShanghai()) {
    if (date && date > today) throw new AppError('work_not_started', { startsOn: date });
  }

  async serviceType(communityId: string, serviceTypeId: string, db: DbOrTrx = this.db) {
    const s = await repo.getServiceType(db, communityId, serviceTypeId);
    if (!s) throw new AppError('not_found', { entity: 'service_type' });
    return s;
  }

  private needs(s: ServiceTypeTable, when?: When): repo.FactNeeds {
    return {
      courseIds: s.training_course_id ? [s.training_course_id] : [],
      insurance: !!s.needs_insurance,
      date: when?.date ?? null,
      skillCode: s.skill_code,
    };
  }

  /** Facts of many volunteers for a task, as the pure rule and the matching read them. */
  facts(
    communityId: string,
    task: TaskRequirements,
    restrict: repo.VolunteerRestriction | 'all' = 'all',
    db: DbOrTrx = this.db,
  ) {
    return repo.loadFacts(db, communityId, restrict, {
      courseIds: task.trainingCourseIds,
      insurance: task.needsInsurance,
      date: task.when?.date ?? null,
      skillCode: task.skillCode ?? null,
    });
  }

  /** For pairings and activities: may these volunteers do this service at this time? Unknown ids are left out. */
  async check(
    communityId: string,
    serviceTypeId: string,
    volunteerIds: readonly string[],
    when?: When,
    db: DbOrTrx = this.db,
  ): Promise<EligibilityResult[]> {
    const s = await this.serviceType(communityId, serviceTypeId, db);
    return this.checkTask(communityId, requirementsOf(s, when), volunteerIds, db);
  }

  /** The same for a task described directly (a need without a service type). */
  async checkTask(
    communityId: string,
    task: TaskRequirements,
    volunteerIds: readonly string[],
    db: DbOrTrx = this.db,
  ): Promise<EligibilityResult[]> {
    const today = todayInShanghai();
    const needs: repo.FactNeeds = {
      courseIds: task.trainingCourseIds,
      insurance: task.needsInsurance,
      date: task.when?.date ?? null,
      skillCode: task.skillCode ?? null,
    };
    const out: EligibilityResult[] = [];
    const ids = [...new Set(volunteerIds)];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const facts = await repo.loadFactsOf(db, communityId, chunk, needs);
      for (const id of chunk) {
        const f = facts.get(id);
        if (f) out.push({ volunteerId: id, ...checkEligibility(f, task, today) });
      }
    }
    return out;
  }

  /** Every volunteer in the caller's scope, eligible or not and why; eligible first, then by name (pinyin). */
  async inScope(actor: Actor, grant: Grant, serviceTypeId: string, when?: When) {
    const s = await this.serviceType(actor.communityId, serviceTypeId);
    const task = requirementsOf(s, when);
    const today = todayInShanghai();
    const restrict =
      grant.scope === 'community' ? ('all' as const) : (q: any) => q.where(volunteerInScope(actor, grant) as any);
    const facts = await repo.loadFacts(this.db, actor.communityId, restrict, this.needs(s, when));
    const onDate = when?.date ?? today;
    // Facts come in name order; splitting into eligible and not keeps that order within each.
    const eligible: EligibilityRow[] = [],
      ineligible: EligibilityRow[] = [];
    for (const f of facts.values()) {
      const r = { volunteerId: f.id, age: ageOn(f.birthDate, onDate), ...checkEligibility(f, task, today) };
      (r.eligible ? eligible : ineligible).push(r);
    }
    return { serviceType: s, rows: eligible.concat(ineligible), eligibleCount: eligible.length };
  }

  /** Adds names to a few rows (a page). */
  async named<T extends { volunteerId: string }>(communityId: string, rows: T[]): Promise<Array<T & { name: string }>> {
    const names = new Map(
      (
        await repo.namesOf(
          this.db,
          communityId,
          rows.map((r) => r.volunteerId),
        )
      ).map((n) => [n.id, n.name]),
    );
    return rows.map((r) => ({ ...r, name: names.get(r.volunteerId) ?? '' }));
  }
}

export class ServiceTypeService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly eligibility: EligibilityService,
  ) {}

  async list(actor: Actor) {
    return (await repo.listServiceTypes(this.db, actor.communityId)).map(toServiceType);
  }

  async get(actor: Actor, id: string) {
    return toServiceType(await this.eligibility.serviceType(actor.communityId, id));
  }

  private async checkRefs(actor: Actor, input: Partial<ServiceTypeInput>) {
    const fields: Array<{ field: string; message: string }> = [];
    if (input.trainingCourseId) {
      const c = await this.db
        .selectFrom('training_course')
        .select('id')
        .where('community_id', '=', actor.communityId)
        .where('id', '=', input.trainingCourseId)
        .executeTakeFirst();
      if (!c) fields.push({ field: 'trainingCourseId', message: 'invalid.id' });
    }
    if (input.skillCode && !SKILL_BY_CODE.has(input.skillCode))
      fields.push({ field: 'skillCode', message: 'invalid.value' });
    if (fields.length) throw new AppError('validation', { fields });
  }

  async create(actor: Actor, input: ServiceTypeInput, ctx: RequestContext) {
    await this.checkRefs(actor, input);
    if (await repo.findByCode(this.db, actor.communityId, input.code))
      throw new AppError('conflict', {
        reason: input.code,
        fields: [{ field: 'code', message: 'invalid.duplicateCode' }],
      });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertServiceType(trx, {
        community_id: actor.communityId,
        id,
        code: input.code,
        name: input.name,
        min_age: input.minAge,
        max_age: input.maxAge,
        min_fitness: input.minFitness,
        night: input.night ? 1 : 0,
        needs_insurance: input.needsInsurance ? 1 : 0,
        training_course_id: input.trainingCourseId ?? null,
        skill_code: input.skillCode || null,
        description: input.description ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'service_type.create',
        entityType: 'service_type',
        entityId: id,
        detail: { code: input.code },
      });
    });
    return { id };
  }

  async update(actor: Actor, id: string, input: Partial<ServiceTypeInput>, ctx: RequestContext) {
    const s = await this.eligibility.serviceType(actor.communityId, id);
    const minAge = input.minAge ?? s.min_age,
      maxAge = input.maxAge ?? s.max_age;
    if (maxAge < minAge)
      throw new AppError('validation', { fields: [{ field: 'maxAge', message: 'invalid.ageRange' }] });
    await this.checkRefs(actor, input);
    if (input.code && input.code !== s.code && (await repo.findByCode(this.db, actor.communityId, input.code)))
      throw new AppError('conflict', {
        reason: input.code,
        fields: [{ field: 'code', message: 'invalid.duplicateCode' }],
      });
    const set: Partial<ServiceTypeTable> = {};
    if (input.code !== undefined) set.code = input.code;
    if (input.name !== undefined) set.name = input.name;
    if (input.minAge !== undefined) set.min_age = input.minAge;
    if (input.maxAge !== undefined) set.max_age = input.maxAge;
    if (input.minFitness !== undefined) set.min_fitness = input.minFitness;
    if (input.night !== undefined) set.night = input.night ? 1 : 0;
    if (input.needsInsurance !== undefined) set.needs_insurance = input.needsInsurance ? 1 : 0;
    if (input.trainingCourseId !== undefined) set.training_course_id = input.trainingCourseId ?? null;
    if (input.skillCode !== undefined) set.skill_code = input.skillCode || null;
    if (input.description !== undefined) set.description = input.description ?? null;
    // An empty edit changes nothing (an UPDATE with no column is not SQL).
    if (!Object.keys(set).length) return;
    await this.db.transaction().execute(async (trx) => {
      await repo.updateServiceType(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'service_type.update',
        entityType: 'service_type',
        entityId: id,
        detail: { fields: Object.keys(input) },
      });
    });
  }

  async remove(actor: Actor, id: string, ctx: RequestContext) {
    await this.eligibility.serviceType(actor.communityId, id);
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteServiceType(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'service_type.delete',
        entityType: 'service_type',
        entityId: id,
      });
    });
  }

  async eligible(actor: Actor, grant: Grant, id: string, q: EligibleQuery) {
    const when =
      q.date && q.start && q.end
        ? { date: q.date, startMinute: hhmmToMinute(q.start), endMinute: hhmmToMinute(q.end) }
        : undefined;
    const { rows, eligibleCount } = await this.eligibility.inScope(actor, grant, id, when);
    const list = q.eligibleOnly ? rows.slice(0, eligibleCount) : rows;
    const start = (q.page - 1) * q.pageSize;
    return {
      items: await this.eligibility.named(actor.communityId, list.slice(start, start + q.pageSize)),
      total: list.length,
      eligibleCount,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
