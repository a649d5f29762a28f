// The organisation (组织架构): the volunteer-service leadership group led by the Party secretary, and the social
// workers with the volunteers they lead (社工带志愿者). The federation of social organisations is the units module's.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import type { LeadershipInput } from '../../../../domain/volunteers/organisation.ts';
import { staffAccounts } from '../auth/staff-directory.ts';
import * as repo from './organisation.repository.ts';

type LeadershipRow = Awaited<ReturnType<typeof repo.listLeadership>>[number];
const toItem = (l: LeadershipRow) => ({
  id: l.id,
  position: l.position as 'leader' | 'deputy' | 'member',
  accountId: l.account_id,
  name: l.account_name ?? l.name ?? '',
  title: l.title,
  duty: l.duty,
  sort: Number(l.sort),
});

export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  async leadership(actor: Actor) {
    return (await repo.listLeadership(this.db, actor.communityId, null)).map(toItem);
  }

  /** Adds (id null) or replaces a member. One 组长; an account must be of this community. */
  async saveLeadership(actor: Actor, id: string | null, input: LeadershipInput, ctx: RequestContext) {
    const memberId = id ?? uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (id && !(await repo.listLeadership(trx, actor.communityId, id)).length)
        throw new AppError('not_found', { entity: 'leadership_member' });
      if (input.accountId && !(await repo.isCommunityAccount(trx, actor.communityId, input.accountId)))
        throw new AppError('validation', { fields: [{ field: 'accountId', message: 'org.unknownAccount' }] });
      if (input.position === 'leader' && (await repo.leaderIds(trx, actor.communityId)).some((x) => x !== memberId))
        throw new AppError('validation', { fields: [{ field: 'position', message: 'org.oneLeader' }] });
      const row = {
        position: input.position,
        account_id: input.accountId ?? null,
        name: input.accountId ? null : (input.name ?? null),
        title: input.title || null,
        duty: input.duty || null,
        sort: input.sort,
      };
      if (id) await repo.updateLeadership(trx, actor.communityId, id, row);
      else
        await repo.insertLeadership(trx, {
          community_id: actor.communityId,
          id: memberId,
          ...row,
          created_at: new Date().toISOString(),
        });
      await this.audit.recordBy(trx, actor, ctx, {
        action: id ? 'leadership.update' : 'leadership.create',
        entityType: 'leadership_member',
        entityId: memberId,
        detail: { position: input.position, accountId: row.account_id, name: row.name },
      });
    });
    return { id: memberId };
  }

  async removeLeadership(actor: Actor, id: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const [l] = await repo.listLeadership(trx, actor.communityId, id);
      if (!l) throw new AppError('not_found', { entity: 'leadership_member' });
      await repo.deleteLeadership(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'leadership.delete',
        entityType: 'leadership_member',
        entityId: id,
        detail: { position: l.position, name: toItem(l).name },
      });
    });
  }

  /** Every staff account and admin, with how many volunteers they lead and those volunteers' entries waiting. */
  async socialWorkers(actor: Actor) {
    const [accounts, counts] = await Promise.all([
      staffAccounts(this.db, actor.communityId),
      repo.socialWorkerCounts(this.db, actor.communityId),
    ]);
    return accounts.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      title: a.title,
      volunteers: counts.volunteers.get(a.id) ?? 0,
      pendingEntries: counts.pending.get(a.id) ?? 0,
    }));
  }
}
