// Teams (服务队): the N+ squads, culture teams, the silver-hair group and unit teams; leaders, members and
// join requests. A team leader manages their own team only; a volunteer may serve in several teams.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { TeamTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import type { TeamInput, TeamMemberInput, TeamPatch } from '../../../../domain/volunteers/teams.ts';
import * as repo from './teams.repository.ts';

export type MemberDecision = 'approve' | 'reject' | 'remove';

export class TeamsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  /** Team-scoped callers (team leaders) act on their own team only. */
  private assertTeam(actor: Actor, grant: Grant, teamId: string) {
    if (grant.scope === 'community') return;
    if (grant.scope === 'team' && actor.teamId === teamId) return;
    throw new AppError('out_of_scope', { scope: grant.scope });
  }

  private assertCommunity(grant: Grant) {
    if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
  }

  private async withLeaders(actor: Actor, rows: Awaited<ReturnType<typeof repo.listTeams>>) {
    const leaders = await repo.leaders(
      this.db,
      actor.communityId,
      rows.map((t) => t.id),
    );
    const self = await this.directory.self(actor);
    const mine = new Map(
      self ? (await repo.statusesOf(this.db, actor.communityId, self.id)).map((s) => [s.team_id, s.status]) : [],
    );
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      unitId: t.unit_id,
      unitName: t.unit_name ?? null,
      description: t.description,
      members: Number(t.members ?? 0),
      requests: Number(t.requests ?? 0),
      leaders: leaders.filter((l) => l.team_id === t.id).map((l) => l.name),
      myStatus: mine.get(t.id) ?? null,
      managed: actor.teamId === t.id,
    }));
  }

  /** Every team of the community (names and counts are not personal): volunteers choose one to join from it. */
  async list(actor: Actor) {
    return this.withLeaders(actor, await repo.listTeams(this.db, actor.communityId, null));
  }

  async get(actor: Actor, grant: Grant, id: string) {
    const rows = await repo.listTeams(this.db, actor.communityId, id);
    if (!rows.length) throw new AppError('not_found', { entity: 'team' });
    this.assertTeam(actor, grant, id);
    const [team] = await this.withLeaders(actor, rows);
    const roster = await repo.roster(this.db, actor.communityId, id);
    return {
      ...team!,
      roster: roster.map((m) => ({
        volunteerId: m.volunteer_id,
        name: m.name,
        phone: m.phone,
        role: m.role,
        status: m.status,
        requestedAt: m.requested_at,
        decidedAt: m.decided_at,
      })),
    };
  }

  private async checkUnit(trx: DbOrTrx, communityId: string, unitId: string | null | undefined) {
    if (unitId && !(await repo.unitExists(trx, communityId, unitId)))
      throw new AppError('validation', { fields: [{ field: 'unitId', message: 'invalid.unknownUnit' }] });
  }

  async create(actor: Actor, grant: Grant, input: TeamInput, ctx: RequestContext) {
    this.assertCommunity(grant);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.checkUnit(trx, actor.communityId, input.unitId);
      if (await repo.findTeamByName(trx, actor.communityId, input.name))
        throw new AppError('conflict', {
          reason: input.name,
          fields: [{ field: 'name', message: 'invalid.nameTaken' }],
        });
      await repo.insertTeam(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        kind: input.kind,
        unit_id: input.unitId ?? null,
        description: input.description ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'team.create',
        entityType: 'team',
        entityId: id,
        detail: { name: input.name, kind: input.kind },
      });
    });
    return { id };
  }

  async update(actor: Actor, grant: Grant, id: string, patch: TeamPatch, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.findTeam(trx, actor.communityId, id))) throw new AppError('not_found', { entity: 'team' });
      this.assertTeam(actor, grant, id);
      // A leader may describe their team; what it is and whom it belongs to is the office's call.
      if (
        grant.scope !== 'community' &&
        (patch.kind !== undefined || patch.unitId !== undefined || patch.name !== undefined)
      )
        throw new AppError('out_of_scope', { scope: grant.scope });
      await this.checkUnit(trx, actor.communityId, patch.unitId);
      if (patch.name) {
        const clash = await repo.findTeamByName(trx, actor.communityId, patch.name);
        if (clash && clash.id !== id)
          throw new AppError('conflict', {
            reason: patch.name,
            fields: [{ field: 'name', message: 'invalid.nameTaken' }],
          });
      }
      const set: Partial<TeamTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.kind !== undefined) set.kind = patch.kind;
      if (patch.unitId !== undefined) set.unit_id = patch.unitId ?? null;
      if (patch.description !== undefined) set.description = patch.description ?? null;
      if (Object.keys(set).length) await repo.updateTeam(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'team.update',
        entityType: 'team',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  async remove(actor: Actor, grant: Grant, id: string, ctx: RequestContext) {
    this.assertCommunity(grant);
    await this.db.transaction().execute(async (trx) => {
      const t = await repo.findTeam(trx, actor.communityId, id);
      if (!t) throw new AppError('not_found', { entity: 'team' });
      await repo.deleteTeam(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'team.delete',
        entityType: 'team',
        entityId: id,
        detail: { name: t.name },
      });
    });
  }

  /** The caller asks to join with their own volunteer record. */
  async join(actor: Actor, teamId: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.findTeam(trx, actor.communityId, teamId))) throw new AppError('not_found', { entity: 'team' });
      const self = await this.directory.self(actor, trx);
      if (!self) throw new AppError('not_found', { entity: 'volunteer' });
      if (self.status !== 'approved')
        throw new AppError('conflict', {
          reason: self.name,
          fields: [{ field: 'volunteer', message: 'invalid.volunteerNotApproved' }],
        });
      const cur = await repo.findMember(trx, actor.communityId, teamId, self.id);
      if (cur && (cur.status === 'active' || cur.status === 'requested'))
        throw new AppError('conflict', {
          reason: self.name,
          fields: [
            { field: 'team', message: cur.status === 'active' ? 'invalid.alreadyMember' : 'invalid.alreadyRequested' },
          ],
        });
      await repo.upsertMember(trx, {
        community_id: actor.communityId,
        team_id: teamId,
        volunteer_id: self.id,
        role: 'member',
        status: 'requested',
        requested_at: new Date().toISOString(),
        decided_at: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'team.join_request',
        entityType: 'team',
        entityId: teamId,
        detail: { volunteerId: self.id },
      });
    });
  }

  /** Staff add a member (or a leader) directly. */
  async addMember(actor: Actor, grant: Grant, teamId: string, input: TeamMemberInput, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.findTeam(trx, actor.communityId, teamId))) throw new AppError('not_found', { entity: 'team' });
      this.assertTeam(actor, grant, teamId);
      if (input.role === 'leader') this.assertCommunity(grant);
      const v = await this.directory.owner(actor.communityId, input.volunteerId, trx);
      if (!v) throw new AppError('not_found', { entity: 'volunteer' });
      const now = new Date().toISOString();
      await repo.upsertMember(trx, {
        community_id: actor.communityId,
        team_id: teamId,
        volunteer_id: v.id,
        role: input.role,
        status: 'active',
        requested_at: now,
        decided_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'team.member_add',
        entityType: 'team',
        entityId: teamId,
        detail: { volunteerId: v.id, role: input.role },
      });
    });
  }

  async decide(
    actor: Actor,
    grant: Grant,
    teamId: string,
    volunteerId: string,
    decision: MemberDecision,
    ctx: RequestContext,
  ) {
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.findTeam(trx, actor.communityId, teamId))) throw new AppError('not_found', { entity: 'team' });
      this.assertTeam(actor, grant, teamId);
      const m = await repo.findMember(trx, actor.communityId, teamId, volunteerId);
      const wanted = decision === 'remove' ? 'active' : 'requested';
      if (!m || m.status !== wanted)
        throw new AppError('not_found', { entity: decision === 'remove' ? 'member' : 'joinRequest' });
      // Only the office changes who leads a team.
      if (decision === 'remove' && m.role === 'leader') this.assertCommunity(grant);
      const status = decision === 'approve' ? 'active' : decision === 'reject' ? 'rejected' : 'removed';
      await repo.setMember(trx, actor.communityId, teamId, volunteerId, {
        status,
        decided_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: `team.member_${decision}`,
        entityType: 'team',
        entityId: teamId,
        detail: { volunteerId },
      });
    });
  }
}
