// Party members (managed by grid), the community's posts, and in-service members' report to the community
// where they live (在职党员社区报到). A post's capacity is never overbooked, even under concurrent claims.
import type { Db, DatabaseKind } from '../../db/database.ts';
import type { PartyPostTable } from '../../db/schema/index.ts';
import { authorize, can, gridFilter, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import type {
  PartyMemberInput,
  PartyMemberQuery,
  PartyPostInput,
  PartyReportInput,
  PartyReportQuery,
} from '../../../../domain/volunteers/party.ts';
import * as repo from './party.repository.ts';

export class PartyService {
  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  private assertCommunity(grant: Grant) {
    if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
  }

  async setMember(actor: Actor, grant: Grant, volunteerId: string, input: PartyMemberInput, ctx: RequestContext) {
    this.assertCommunity(grant);
    await this.db.transaction().execute(async (trx) => {
      await this.directory.inScope(actor, grant, volunteerId, trx);
      if (input.gridId && !(await repo.gridExists(trx, actor.communityId, input.gridId)))
        throw new AppError('validation', { fields: [{ field: 'gridId', message: 'invalid.unknownGrid' }] });
      const before = await repo.findMember(trx, actor.communityId, volunteerId);
      await repo.upsertMember(trx, {
        community_id: actor.communityId,
        volunteer_id: volunteerId,
        kind: input.kind,
        is_public_servant: input.isPublicServant ? 1 : 0,
        party_org: input.partyOrg,
        work_unit: input.workUnit ?? null,
        grid_id: input.gridId ?? null,
        joined_on: input.joinedOn ?? null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: before ? 'party.member_update' : 'party.member_add',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { kind: input.kind, gridId: input.gridId ?? null },
      });
    });
  }

  async members(actor: Actor, grant: Grant, q: PartyMemberQuery) {
    const s = (q.q ?? '').trim().replace(/\s/g, '');
    const search = !s ? {} : /^[a-z]+$/i.test(s) ? { pinyinPrefix: s.toLowerCase() } : { nameContains: s };
    const { total, rows } = await repo.listMembers(
      this.db,
      actor.communityId,
      { kind: q.kind, gridId: q.gridId, scopeGridId: gridFilter(actor, grant), ...search },
      q.page,
      q.pageSize,
    );
    return {
      items: rows.map((r) => ({
        volunteerId: r.volunteer_id,
        name: r.name,
        phone: r.phone,
        kind: r.kind,
        isPublicServant: !!r.is_public_servant,
        partyOrg: r.party_org,
        workUnit: r.work_unit,
        gridId: r.grid_id,
        gridName: r.grid_name ?? null,
        joinedOn: r.joined_on,
        reports: Number(r.reports ?? 0),
        lastReportedOn: r.last_reported_on ?? null,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Party members with branch (party_org) and unit, and the posts each claimed in [from, to]: what the
   * indicators report (modules/party-indicators) reads of the party module. Grid leaders get their grid.
   */
  async indicatorFacts(actor: Actor, grant: Grant, from: string, to: string) {
    const [members, claims] = await Promise.all([
      repo.indicatorMembers(this.db, actor.communityId, gridFilter(actor, grant)),
      repo.postsClaimed(this.db, actor.communityId, from, to),
    ]);
    const claimed = new Map(claims.map((c) => [c.volunteer_id, Number(c.n)]));
    return members.map((m) => ({
      volunteerId: m.volunteer_id,
      name: m.name,
      branch: m.party_org,
      unitId: m.unit_id,
      unit: m.unit_name ?? m.work_unit ?? null,
      postsClaimed: claimed.get(m.volunteer_id) ?? 0,
    }));
  }

  async posts(actor: Actor) {
    return (await repo.listPosts(this.db, actor.communityId)).map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      capacity: p.capacity,
      claimed: Number(p.claimed ?? 0),
    }));
  }

  async createPost(actor: Actor, grant: Grant, input: PartyPostInput, ctx: RequestContext) {
    this.assertCommunity(grant);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertPost(trx, {
        community_id: actor.communityId,
        id,
        title: input.title,
        description: input.description ?? null,
        capacity: input.capacity ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'party.post_create',
        entityType: 'party_post',
        entityId: id,
        detail: { title: input.title, capacity: input.capacity ?? null },
      });
    });
    return { id };
  }

  async updatePost(actor: Actor, grant: Grant, id: string, patch: Partial<PartyPostInput>, ctx: RequestContext) {
    this.assertCommunity(grant);
    await this.db.transaction().execute(async (trx) => {
      const [post] = await repo.lockPosts(trx, this.kind, actor.communityId, [id]);
      if (!post) throw new AppError('not_found', { entity: 'post' });
      if (patch.capacity) {
        const [c] = await repo.claimCounts(trx, actor.communityId, [id]);
        if (c && Number(c.n) > patch.capacity)
          throw new AppError('conflict', {
            reason: post.title,
            fields: [{ field: 'capacity', message: 'invalid.capacityBelowClaims' }],
          });
      }
      const set: Partial<PartyPostTable> = {};
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.description !== undefined) set.description = patch.description ?? null;
      if (patch.capacity !== undefined) set.capacity = patch.capacity ?? null;
      if (Object.keys(set).length) await repo.updatePost(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'party.post_update',
        entityType: 'party_post',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  async removePost(actor: Actor, grant: Grant, id: string, ctx: RequestContext) {
    this.assertCommunity(grant);
    await this.db.transaction().execute(async (trx) => {
      const post = await repo.findPost(trx, actor.communityId, id);
      if (!post) throw new AppError('not_found', { entity: 'post' });
      const [c] = await repo.claimCounts(trx, actor.communityId, [id]);
      if (c && Number(c.n) > 0) throw new AppError('has_dependents', { entity: 'post', dependents: 'report' });
      await repo.deletePost(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'party.post_delete',
        entityType: 'party_post',
        entityId: id,
        detail: { title: post.title },
      });
    });
  }

  /** Staff record a member's report (party.write), or the member reports themself (volunteer.self). */
  async report(actor: Actor, input: PartyReportInput, ctx: RequestContext) {
    const grant = can(actor, 'party.write') ? authorize(actor, 'party.write') : authorize(actor, 'volunteer.self');
    const postIds = [...new Set(input.postIds)];
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.directory.inScope(actor, grant, input.volunteerId, trx);
      if (grant.permission === 'party.write') this.assertCommunity(grant);
      if (!(await repo.findMember(trx, actor.communityId, input.volunteerId))) {
        throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'invalid.notPartyMember' }] });
      }
      const posts = await repo.lockPosts(trx, this.kind, actor.communityId, postIds);
      if (posts.length !== postIds.length)
        throw new AppError('validation', { fields: [{ field: 'postIds', message: 'invalid.unknownPost' }] });
      const claimed = new Map(
        (await repo.claimCounts(trx, actor.communityId, postIds)).map((c) => [c.post_id, Number(c.n)]),
      );
      const full = posts.filter((p) => p.capacity !== null && (claimed.get(p.id) ?? 0) >= p.capacity);
      if (full.length)
        throw new AppError('conflict', {
          reason: full.map((p) => p.title).join('、'),
          fields: [{ field: 'postIds', message: 'invalid.postFull' }],
        });
      await repo.insertReport(
        trx,
        {
          community_id: actor.communityId,
          id,
          volunteer_id: input.volunteerId,
          reported_on: input.reportedOn,
          unit_party_org: input.unitPartyOrg,
          created_at: new Date().toISOString(),
        },
        postIds,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'party.report',
        entityType: 'volunteer',
        entityId: input.volunteerId,
        detail: { reportId: id, reportedOn: input.reportedOn, postIds },
      });
    });
    return { id };
  }

  async reports(actor: Actor, grant: Grant, q: PartyReportQuery) {
    const { total, rows, posts } = await repo.listReports(
      this.db,
      actor.communityId,
      { volunteerId: q.volunteerId, postId: q.postId, from: q.from, to: q.to, scopeGridId: gridFilter(actor, grant) },
      q.page,
      q.pageSize,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        volunteerId: r.volunteer_id,
        name: r.name,
        reportedOn: r.reported_on,
        unitPartyOrg: r.unit_party_org,
        posts: posts.filter((p) => p.report_id === r.id).map((p) => ({ id: p.id, title: p.title })),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      posts: await this.posts(actor),
    };
  }
}
