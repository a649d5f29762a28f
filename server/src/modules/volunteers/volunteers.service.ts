// Volunteer registration (by the volunteer from a phone, or by staff for someone who cannot), approval,
// the volunteer record, resident linkage, and the electronic card. Every read is bounded by the caller's
// scope (community, unit, team); ID numbers are encrypted at rest, masked, and each reveal is audited.
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { VolunteerSkillTable, VolunteerTable } from '../../db/schema/index.ts';
import { assertInScope, can, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog, type AuditWho } from '../../platform/audit.ts';
import { randomToken, sha256, type FieldCipher } from '../../platform/crypto.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, bornOnOrBefore, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { maskIdNumber } from '../../../../domain/shared/id-number.ts';
import { namePinyin } from '../../../../domain/shared/pinyin.ts';
import { DEFAULT_AGE_POLICY, registrationAgeRule } from '../../../../domain/volunteers/eligibility.ts';
import { SKILL_BY_CODE } from '../../../../domain/volunteers/skills.ts';
import type {
  SkillInput,
  VolunteerInput,
  VolunteerPatch,
  VolunteerQuery,
  VolunteerRegistration,
} from '../../../../domain/volunteers/schemas.ts';
import { parseSearch } from '../registry/registry.service.ts';
import type { VolunteerDirectory } from './volunteer-directory.ts';
import * as repo from './volunteers.repository.ts';
import { volunteerInScope } from './volunteer-scope.ts';
import { toCover, toSkill, toTraining, toVolunteerListItem } from './volunteers.mapper.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import { GuardianConsentService } from './guardian-consent.service.ts';
import { staffAccounts } from '../auth/staff-directory.ts';
import type { SocialWorkerAssignment } from '../../../../domain/volunteers/organisation.ts';

export const REG_CODE_TTL_SECONDS = 300;
export const REG_CODE_RESEND_SECONDS = 60;
const REG_CODE_MAX_ATTEMPTS = 5;
/** Registration codes share the sign-in code table under their own key, so they never sign anyone in. */
const codeKey = (phone: string) => `volunteer:${phone}`;

export class VolunteerService {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly directory: VolunteerDirectory,
    private readonly sessions?: SessionCache,
    readonly consent: GuardianConsentService = new GuardianConsentService(db, audit, notifier),
  ) {}

  // ---------------- public self-registration ----------------

  communities() {
    return repo.listCommunities(this.db);
  }

  async sendRegistrationCode(phone: string) {
    const last = await repo.latestCode(this.db, codeKey(phone));
    if (last && Date.now() - Date.parse(last.created_at) < REG_CODE_RESEND_SECONDS * 1000)
      throw new AppError('rate_limited');
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const now = new Date();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertCode(trx, {
        id: uuidv7(),
        phone: codeKey(phone),
        code_hash: sha256(`${codeKey(phone)}:${code}`),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + REG_CODE_TTL_SECONDS * 1000).toISOString(),
      });
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: phone,
        template: 'volunteer_registration_code',
        payload: { code, minutes: REG_CODE_TTL_SECONDS / 60 },
      });
    });
    return { expiresInSeconds: REG_CODE_TTL_SECONDS, resendAfterSeconds: REG_CODE_RESEND_SECONDS };
  }

  async selfRegister(input: VolunteerRegistration, ctx: RequestContext) {
    const community = await repo.getCommunity(this.db, input.communityId);
    if (!community)
      throw new AppError('not_found', {
        entity: 'community',
        fields: [{ field: 'communityId', message: 'invalid.id' }],
      });
    const last = await repo.latestCode(this.db, codeKey(input.phone));
    const usable =
      last && !last.consumed_at && last.expires_at > new Date().toISOString() && last.attempts < REG_CODE_MAX_ATTEMPTS;
    if (!usable || last.code_hash !== sha256(`${codeKey(input.phone)}:${input.code}`)) {
      if (last && usable) await repo.updateCode(this.db, last.id, { attempts: last.attempts + 1 });
      throw new AppError('validation', { fields: [{ field: 'code', message: 'bad_code' }] });
    }
    const who = auditWho({ communityId: community.id, accountId: null, name: input.name, role: null }, ctx);
    const id = await this.create(community, input, 'self', 'pending', who, async (trx) => {
      await repo.updateCode(trx, last.id, { consumed_at: new Date().toISOString() });
    });
    return { id, status: 'pending' as const };
  }

  // ---------------- staff register for someone ----------------

  async registerFor(actor: Actor, grant: Grant, input: VolunteerInput, ctx: RequestContext) {
    if (grant.scope === 'unit') {
      // A unit coordinator registers only into their own unit.
      assertInScope(actor, grant, { unitId: input.unitId ?? null });
    } else assertInScope(actor, grant, {});
    const community = (await repo.getCommunity(this.db, actor.communityId))!;
    // A minor stays pending until the guardian confirms, whoever registers them.
    const minor = GuardianConsentService.isMinor(input.birthDate);
    const status: 'approved' | 'pending' = can(actor, 'volunteers.approve') && !minor ? 'approved' : 'pending';
    const id = await this.create(
      community,
      input,
      'staff',
      status,
      auditWho(actor, ctx),
      async () => undefined,
      actor.accountId,
    );
    return { id, status };
  }

  /** Checks a registration (age, guardian, licences) and prepares its rows; links the resident by ID number. */
  private async prepare(
    community: { id: string; volunteer_min_age?: number; volunteer_max_age?: number },
    input: VolunteerInput,
    via: 'self' | 'staff' | 'import',
    status: 'pending' | 'approved',
    decidedBy: string | null,
  ) {
    const communityId = community.id;
    const today = todayInShanghai();
    const policy = {
      ...DEFAULT_AGE_POLICY,
      minAge: community.volunteer_min_age ?? DEFAULT_AGE_POLICY.minAge,
      maxAge: community.volunteer_max_age ?? DEFAULT_AGE_POLICY.maxAge,
    };
    const rule = registrationAgeRule(input.birthDate, today, policy);
    const problems: FieldProblem[] = [];
    if (!rule.accepted) problems.push({ field: 'birthDate', message: 'volunteer.ageOutOfRange' });
    if (rule.needsGuardian && !input.guardian)
      problems.push({ field: 'guardian', message: 'volunteer.guardianRequired' });
    problems.push(...skillProblems(input.skills, today));
    if (input.unitId && !(await repo.getUnit(this.db, communityId, input.unitId)))
      problems.push({ field: 'unitId', message: 'invalid.id' });
    const token = this.cipher.token(communityId, 'id_number', input.idNumber);
    const duplicate = !!(await repo.findVolunteerIdByToken(this.db, communityId, token));
    const resident = await repo.findResidentByIdToken(this.db, communityId, token);
    const id = uuidv7();
    const now = new Date().toISOString();
    const py = namePinyin(input.name);
    const volunteer: VolunteerTable = {
      community_id: communityId,
      id,
      resident_id: resident?.id ?? null,
      account_id: null,
      name: input.name,
      name_pinyin: py.full,
      name_initials: py.initials,
      gender: input.gender,
      birth_date: input.birthDate,
      phone: input.phone,
      id_number_enc: this.cipher.encrypt(input.idNumber),
      id_number_token: token,
      id_number_masked: maskIdNumber(input.idNumber),
      fitness: input.fitness,
      political_status: input.politicalStatus,
      status,
      registered_via: via,
      recruited_via: input.recruitedVia,
      recruit_unit_id: input.recruitedVia === 'unit' ? (input.unitId ?? null) : null,
      unit_id: input.unitId ?? null,
      card_token: randomToken(18),
      consent_at: now,
      decided_by: status === 'approved' ? decidedBy : null,
      decided_at: status === 'approved' ? now : null,
      decision_note: null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    };
    const guardian =
      input.guardian && rule.needsGuardian
        ? {
            community_id: communityId,
            volunteer_id: id,
            name: input.guardian.name,
            phone: input.guardian.phone,
            relation: input.guardian.relation,
            consent_at: now,
            covers_data: rule.guardianConsentsForData ? 1 : 0,
            // Typed in by whoever registered; the guardian confirms it (code by SMS) or staff record a paper form.
            state: 'pending',
          }
        : null;
    const skills = skillRows(communityId, id, input.skills, now);
    const slots = input.availability.map((s) => ({
      community_id: communityId,
      volunteer_id: id,
      weekday: s.weekday,
      start_minute: s.startMinute,
      end_minute: s.endMinute,
    }));
    return { id, problems, duplicate, policy, rule, volunteer, guardian, skills, slots, resident };
  }

  private async insertPrepared(trx: DbOrTrx, p: Awaited<ReturnType<VolunteerService['prepare']>>) {
    await repo.insertVolunteer(trx, p.volunteer);
    if (p.guardian) {
      await repo.insertGuardian(trx, p.guardian);
      await this.consent.askAtRegistration(trx, {
        communityId: p.volunteer.community_id,
        volunteerId: p.id,
        phone: p.guardian.phone,
        child: p.volunteer.name,
      });
    }
    await repo.insertSkills(trx, p.skills);
    await repo.insertSlots(trx, p.slots);
    if (p.volunteer.status === 'approved')
      await this.ensureAccount(trx, p.volunteer.community_id, p.id, p.volunteer.name, p.volunteer.phone);
  }

  /** Checks and writes one registration, with its audit entry, in one transaction. */
  private async create(
    community: { id: string; volunteer_min_age?: number; volunteer_max_age?: number },
    input: VolunteerInput,
    via: 'self' | 'staff',
    status: 'pending' | 'approved',
    who: AuditWho,
    extra: (trx: DbOrTrx) => Promise<void>,
    decidedBy: string | null = null,
  ): Promise<string> {
    const p = await this.prepare(community, input, via, status, decidedBy);
    if (p.problems.length)
      throw new AppError('validation', {
        fields: p.problems,
        minAge: p.policy.minAge,
        maxAge: p.policy.maxAge,
        age: p.rule.age,
      });
    if (p.duplicate) throw duplicate();
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.insertPrepared(trx, p);
        await extra(trx);
        await this.audit.record(trx, who, {
          action: 'volunteer.register',
          entityType: 'volunteer',
          entityId: p.id,
          detail: {
            via,
            status,
            name: input.name,
            linkedResident: p.resident?.id ?? null,
            minor: p.rule.needsGuardian,
          },
        });
      });
    } catch (err) {
      throw isDuplicateIndex(err) ? duplicate() : err;
    }
    return p.id;
  }

  /**
   * An import: every row is checked first (schema problems come in from the reader with their rows); nothing is
   * written if any row is wrong. Then all rows in one transaction with one audit entry.
   */
  async importRows(
    actor: Actor,
    grant: Grant,
    rows: Array<{ row: number; input: VolunteerInput }>,
    ctx: RequestContext,
    earlier: Array<FieldProblem & { row: number }> = [],
  ) {
    const community = (await repo.getCommunity(this.db, actor.communityId))!;
    const status: 'approved' | 'pending' = can(actor, 'volunteers.approve') ? 'approved' : 'pending';
    const problems = [...earlier];
    const prepared: Array<Awaited<ReturnType<VolunteerService['prepare']>>> = [];
    const seen = new Map<string, number>();
    for (const { row, input } of rows) {
      if (grant.scope === 'unit' && !(input.unitId && input.unitId === actor.unitId))
        problems.push({ row, field: 'unitId', message: 'volunteer.unitOnly' });
      const minor = GuardianConsentService.isMinor(input.birthDate);
      const p = await this.prepare(community, input, 'import', minor ? 'pending' : status, actor.accountId);
      for (const f of p.problems) problems.push({ ...f, row });
      const first = seen.get(p.volunteer.id_number_token);
      if (p.duplicate || first !== undefined) problems.push({ row, field: 'idNumber', message: 'duplicate_volunteer' });
      seen.set(p.volunteer.id_number_token, row);
      prepared.push(p);
    }
    if (problems.length) throw new AppError('validation', { fields: problems.sort((a, b) => a.row - b.row) });
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const p of prepared) await this.insertPrepared(trx, p);
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'volunteers.import',
          entityType: 'volunteer',
          detail: { rows: prepared.length, status },
        });
      });
    } catch (err) {
      throw isDuplicateIndex(err) ? duplicate() : err;
    }
    return { rows: prepared.length, status };
  }

  /** The account a volunteer signs in with (by code, no password) and their membership in the community. */
  private async ensureAccount(trx: DbOrTrx, communityId: string, volunteerId: string, name: string, phone: string) {
    const now = new Date().toISOString();
    let account = await repo.findAccountByPhone(trx, phone);
    if (!account) {
      account = { id: uuidv7(), name };
      await repo.insertAccount(trx, { id: account.id, phone, name, created_at: now });
    }
    const m = await repo.membershipOf(trx, communityId, account.id);
    const v = await repo.getVolunteer(trx, communityId, volunteerId);
    if (!m)
      await repo.insertMembership(trx, {
        community_id: communityId,
        id: uuidv7(),
        account_id: account.id,
        role: 'volunteer',
        resident_id: v?.resident_id ?? null,
        created_at: now,
      });
    else if (m.role === 'resident') {
      await repo.setMembershipRole(trx, communityId, m.id, 'volunteer');
      // The new role applies from the next request, not when a cached session expires.
      this.sessions?.forgetAccount(account.id);
    }
    await repo.updateVolunteer(trx, communityId, volunteerId, { account_id: account.id });
    return account.id;
  }

  // ---------------- approval ----------------

  async approve(actor: Actor, grant: Grant, id: string, note: string | null | undefined, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    if (v.status === 'approved') throw new AppError('conflict', { reason: 'approved' });
    if (GuardianConsentService.isMinor(v.birth_date)) {
      const g = await repo.guardianOf(this.db, actor.communityId, id);
      if (g?.state !== 'confirmed') throw new AppError('guardian_consent_pending');
    }
    await this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await repo.updateVolunteer(trx, actor.communityId, id, {
        status: 'approved',
        decided_by: actor.accountId,
        decided_at: now,
        decision_note: note ?? null,
        updated_at: now,
      });
      const accountId = await this.ensureAccount(trx, actor.communityId, id, v.name, v.phone);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.approve',
        entityType: 'volunteer',
        entityId: id,
        detail: { name: v.name, account: accountId },
      });
    });
  }

  async reject(actor: Actor, grant: Grant, id: string, note: string | null | undefined, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    if (v.status !== 'pending') throw new AppError('conflict', { reason: v.status });
    await this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await repo.updateVolunteer(trx, actor.communityId, id, {
        status: 'rejected',
        decided_by: actor.accountId,
        decided_at: now,
        decision_note: note ?? null,
        updated_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.reject',
        entityType: 'volunteer',
        entityId: id,
        detail: { name: v.name, note: note ?? null },
      });
    });
  }

  /**
   * 社工带志愿者: gives volunteers to one social worker (or to no one). All or none: a volunteer not of this
   * community, or a social worker who is not the community's staff, refuses the whole request.
   */
  async assignSocialWorker(actor: Actor, grant: Grant, input: SocialWorkerAssignment, ctx: RequestContext) {
    if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
    const ids = [...new Set(input.volunteerIds)];
    return this.db.transaction().execute(async (trx) => {
      const worker = input.socialWorkerId
        ? (await staffAccounts(trx, actor.communityId, input.socialWorkerId))[0]
        : null;
      if (input.socialWorkerId && !worker)
        throw new AppError('validation', { fields: [{ field: 'socialWorkerId', message: 'org.notSocialWorker' }] });
      const found = new Set(await repo.volunteerIdsIn(trx, actor.communityId, ids));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length)
        throw new AppError('validation', {
          fields: [{ field: 'volunteerIds', message: 'invalid.unknownVolunteer' }],
          unknown: unknown.length,
        });
      await repo.setSocialWorker(trx, actor.communityId, ids, input.socialWorkerId, new Date().toISOString());
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.social_worker',
        entityType: 'volunteer',
        entityId: ids.length === 1 ? ids[0]! : null,
        detail: { socialWorkerId: input.socialWorkerId, socialWorker: worker?.name ?? null, volunteers: ids },
      });
      return { assigned: ids.length };
    });
  }

  // ---------------- reading ----------------

  private async inScope(actor: Actor, grant: Grant, id: string) {
    await this.directory.inScope(actor, grant, id);
    return (await repo.getVolunteer(this.db, actor.communityId, id))!;
  }

  filter(actor: Actor, grant: Grant, q: Partial<VolunteerQuery>): repo.VolunteerFilter {
    const today = todayInShanghai();
    return {
      communityId: actor.communityId,
      scope: volunteerInScope(actor, grant),
      status: q.status,
      unitId: q.unitId,
      teamId: q.teamId,
      socialWorkerId: q.socialWorkerId,
      politicalStatus: q.politicalStatus,
      recruitedVia: q.recruitedVia,
      ...parseSearch(q.q),
      bornOnOrBefore: q.ageMin !== undefined ? bornOnOrBefore(q.ageMin, today) : undefined,
      bornOnOrAfter: q.ageMax !== undefined ? dayAfter(bornOnOrBefore(q.ageMax + 1, today)) : undefined,
    };
  }

  async list(actor: Actor, grant: Grant, q: VolunteerQuery) {
    const today = todayInShanghai();
    const { rows, total } = await repo.searchVolunteers(this.db, this.filter(actor, grant, q), q.page, q.pageSize);
    return { items: rows.map((r) => toVolunteerListItem(r, today)), total, page: q.page, pageSize: q.pageSize };
  }

  /** An export: written to the audit log before any row leaves, then streamed in batches (ID numbers masked). */
  async auditedExport(actor: Actor, grant: Grant, q: Partial<VolunteerQuery>, ctx: RequestContext) {
    const f = this.filter(actor, grant, q);
    const { total } = await repo.searchVolunteers(this.db, f, 1, 1);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'volunteers.export',
      entityType: 'volunteer',
      detail: { rows: total },
    });
    const today = todayInShanghai();
    const db = this.db;
    return {
      rows: total,
      batches: (async function* () {
        for await (const rows of repo.allVolunteers(db, f)) yield rows.map((r) => toVolunteerListItem(r, today));
      })(),
    };
  }

  async detail(actor: Actor, grant: Grant, id: string) {
    const v = await this.inScope(actor, grant, id);
    return this.detailOf(actor.communityId, v);
  }

  private async detailOf(communityId: string, v: repo.VolunteerRow) {
    const today = todayInShanghai();
    const [guardian, skills, teams, slots, resident] = await Promise.all([
      repo.guardianOf(this.db, communityId, v.id),
      repo.skillsOf(this.db, communityId, v.id),
      repo.teamsOf(this.db, communityId, v.id),
      repo.slotsOf(this.db, communityId, v.id),
      v.resident_id ? repo.getResident(this.db, communityId, v.resident_id) : Promise.resolve(undefined),
    ]);
    return {
      ...toVolunteerListItem(v, today),
      registeredVia: v.registered_via,
      note: v.note,
      decisionNote: v.decision_note,
      decidedAt: v.decided_at,
      accountId: v.account_id,
      residentName: resident?.name ?? null,
      guardian: guardian
        ? {
            name: guardian.name,
            phone: guardian.phone,
            relation: guardian.relation,
            consentAt: guardian.consent_at,
            coversData: guardian.covers_data === 1,
            consent: await this.consent.view(guardian),
          }
        : null,
      skills: skills.map(toSkill),
      teams: teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
      availability: slots.map((s) => ({ weekday: s.weekday, startMinute: s.start_minute, endMinute: s.end_minute })),
    };
  }

  async sensitive(actor: Actor, grant: Grant, id: string, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    const idNumber = this.cipher.decrypt(v.id_number_enc);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'volunteer.sensitive_read',
      entityType: 'volunteer',
      entityId: id,
      detail: { fields: ['idNumber'], name: v.name },
    });
    return { idNumber };
  }

  async update(actor: Actor, grant: Grant, id: string, patch: VolunteerPatch, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    const set: Partial<VolunteerTable> = { updated_at: new Date().toISOString() };
    if (patch.name !== undefined) {
      const py = namePinyin(patch.name);
      set.name = patch.name;
      set.name_pinyin = py.full;
      set.name_initials = py.initials;
    }
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.fitness !== undefined) set.fitness = patch.fitness;
    if (patch.politicalStatus !== undefined) set.political_status = patch.politicalStatus;
    if (patch.recruitedVia !== undefined) set.recruited_via = patch.recruitedVia;
    if (patch.note !== undefined) set.note = patch.note ?? null;
    if (patch.unitId !== undefined) {
      if (patch.unitId && !(await repo.getUnit(this.db, actor.communityId, patch.unitId)))
        throw new AppError('not_found', { entity: 'unit', fields: [{ field: 'unitId', message: 'invalid.id' }] });
      // A unit coordinator cannot move a volunteer out to another unit.
      if (grant.scope === 'unit') assertInScope(actor, grant, { unitId: patch.unitId });
      set.unit_id = patch.unitId;
    }
    if (patch.residentId !== undefined) {
      if (patch.residentId && !(await repo.getResident(this.db, actor.communityId, patch.residentId)))
        throw new AppError('not_found', {
          entity: 'resident',
          fields: [{ field: 'residentId', message: 'invalid.id' }],
        });
      set.resident_id = patch.residentId;
    }
    const today = todayInShanghai();
    if (patch.skills) {
      const p = skillProblems(patch.skills, today);
      if (p.length) throw new AppError('validation', { fields: p });
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.updateVolunteer(trx, actor.communityId, id, set);
      if (patch.skills)
        await repo.replaceSkills(
          trx,
          actor.communityId,
          id,
          skillRows(actor.communityId, id, patch.skills, set.updated_at!),
        );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'volunteer.update',
        entityType: 'volunteer',
        entityId: id,
        detail: { fields: Object.keys(patch), name: v.name },
      });
    });
  }

  /** The community's figures: only for those who see the whole community (a team or unit sees its own list). */
  async indicators(actor: Actor, grant: Grant) {
    if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
    const c = await repo.indicatorCounts(this.db, actor.communityId, addDays(todayInShanghai(), -365));
    const n = (s: string) => c.byStatus.find((x) => x.status === s)?.n ?? 0;
    const volunteers = c.byStatus.reduce((a, x) => a + x.n, 0);
    return {
      volunteers,
      approved: n('approved'),
      pending: n('pending'),
      householdsWithVolunteer: c.householdsWithVolunteer,
      households: c.households,
      share: c.households ? Math.round((c.householdsWithVolunteer / c.households) * 1000) / 1000 : 0,
      householdsServed: c.householdsServed,
      servedShare: c.households ? Math.round((c.householdsServed / c.households) * 1000) / 1000 : 0,
    };
  }

  // ---------------- the guardian's consent (staff) ----------------

  async resendGuardianCode(actor: Actor, grant: Grant, id: string, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    return this.consent.resend(actor, id, v.name, ctx);
  }

  async recordPaperConsent(
    actor: Actor,
    grant: Grant,
    id: string,
    input: { signedOn: string; note?: string | null; scan: Buffer },
    ctx: RequestContext,
  ) {
    const v = await this.inScope(actor, grant, id);
    await this.consent.recordPaper(actor, id, v.name, input, ctx);
  }

  async recordWithdrawal(actor: Actor, grant: Grant, id: string, note: string | null, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    await this.consent.staffWithdraw(actor, id, v.name, note, ctx);
  }

  /** The scan of a paper form; reading it is audited (a child's signed form). */
  async consentScan(actor: Actor, grant: Grant, id: string, scanId: string, ctx: RequestContext) {
    const v = await this.inScope(actor, grant, id);
    const file = await this.consent.scan(actor.communityId, id, scanId);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'volunteer.guardian_scan_read',
      entityType: 'volunteer',
      entityId: id,
      detail: { name: v.name, scanId },
    });
    return file;
  }

  // ---------------- the card ----------------

  /** The card's summary; `known` is the skills and teams already read for the profile (the phone's 我的 page). */
  private async summaryOf(
    communityId: string,
    v: repo.VolunteerRow,
    known?: { skills: ReturnType<typeof toSkill>[]; teams: Array<{ id: string; name: string; role: string }> },
  ) {
    const today = todayInShanghai();
    const [skills, teams, certs, cover] = await Promise.all([
      known?.skills ?? repo.skillsOf(this.db, communityId, v.id).then((rows) => rows.map(toSkill)),
      known?.teams ?? repo.teamsOf(this.db, communityId, v.id),
      repo.certificatesOf(this.db, communityId, v.id),
      repo.coverOf(this.db, communityId, v.id),
    ]);
    const item = toVolunteerListItem(v, today);
    return {
      id: v.id,
      name: v.name,
      status: item.status,
      age: item.age,
      unitName: v.unit_name ?? null,
      teams: teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
      skills,
      trainings: certs.map((c) => toTraining(c, today)),
      insurance: cover.map((p) => toCover(p, today)),
    };
  }

  async me(actor: Actor, origin: string) {
    const self = await this.directory.self(actor);
    if (!self) throw new AppError('not_found', { entity: 'volunteer' });
    const v = (await repo.getVolunteer(this.db, actor.communityId, self.id))!;
    const url = `${origin}/console/volunteers/card/${v.card_token}`;
    const [profile, qrSvg] = await Promise.all([this.detailOf(actor.communityId, v), cardQr(url)]);
    return {
      profile,
      card: { token: v.card_token, url, qrSvg },
      summary: await this.summaryOf(actor.communityId, v, profile),
    };
  }

  async card(actor: Actor, grant: Grant, token: string, ctx: RequestContext) {
    const v = await repo.getVolunteerByCard(this.db, actor.communityId, token);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    await this.directory.inScope(actor, grant, v.id);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'volunteer.card_scan',
      entityType: 'volunteer',
      entityId: v.id,
      detail: { name: v.name },
    });
    return this.summaryOf(actor.communityId, v);
  }
}

/**
 * A card's QR code (SVG) by its address, kept: a card's address never changes, and drawing it took 0.7 ms of CPU on
 * every visit to the phone's 我的 page. The oldest of CARD_QRS_KEPT goes first (about 4 KB each).
 */
const cardQrs = new Map<string, Promise<string>>();
const CARD_QRS_KEPT = 1000;
function cardQr(url: string): Promise<string> {
  let svg = cardQrs.get(url);
  if (!svg) {
    svg = QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    cardQrs.set(url, svg);
    svg.catch(() => cardQrs.delete(url));
    if (cardQrs.size > CARD_QRS_KEPT) cardQrs.delete(cardQrs.keys().next().value!);
  }
  return svg;
}

function skillProblems(skills: readonly SkillInput[], today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  skills.forEach((s, i) => {
    const def = SKILL_BY_CODE.get(s.code);
    if (seen.has(s.code)) out.push({ field: `skills.${i}.code`, message: 'invalid.value' });
    seen.add(s.code);
    if (def?.licensed && !s.licenceNo)
      out.push({ field: `skills.${i}.licenceNo`, message: 'volunteer.licenceRequired' });
    if (def?.licensed && !s.licenceExpiresOn)
      out.push({ field: `skills.${i}.licenceExpiresOn`, message: 'invalid.required' });
    if (s.licenceExpiresOn && s.licenceExpiresOn < today)
      out.push({ field: `skills.${i}.licenceExpiresOn`, message: 'volunteer.licenceExpired' });
  });
  return out;
}

function skillRows(
  communityId: string,
  volunteerId: string,
  skills: readonly SkillInput[],
  now: string,
): VolunteerSkillTable[] {
  return skills.map((s) => ({
    community_id: communityId,
    volunteer_id: volunteerId,
    skill_code: s.code,
    category: SKILL_BY_CODE.get(s.code)!.category,
    level: s.level,
    licence_no: s.licenceNo ?? null,
    licence_expires_on: s.licenceExpiresOn ?? null,
    created_at: now,
  }));
}

function isDuplicateIndex(err: unknown): boolean {
  return /volunteer_id_number_uq|volunteer\.community_id, volunteer\.id_number_token/.test(
    String((err as Error)?.message ?? ''),
  );
}

function duplicate() {
  return new AppError('duplicate_volunteer', { fields: [{ field: 'idNumber', message: 'duplicate_volunteer' }] });
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
