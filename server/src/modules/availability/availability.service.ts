// When a volunteer is free: weekly slots (weekday 1–7, minutes from local midnight) and blackout dates.
// Edited by the volunteer themself (volunteer.self) or by staff in scope (volunteers.write).
import type { Db } from '../../db/database.ts';
import { authorize, can, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Permission } from '../../../../domain/access/roles.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { AvailabilityInput, BlackoutInput } from '../../../../domain/volunteers/service-schemas.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './availability.repository.ts';

/** The first of these permissions the actor holds whose scope covers the volunteer. */
export function firstGrant(actor: Actor, permissions: readonly Permission[]): Grant[] {
  const grants = permissions.filter((p) => can(actor, p)).map((p) => authorize(actor, p));
  if (!grants.length) throw new AppError('forbidden', { role: actor.role, permission: permissions[0] });
  return grants;
}

export class AvailabilityService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  /** The volunteer, if one of the grants covers them: staff in scope, or the volunteer themself. */
  private async volunteerFor(actor: Actor, permissions: readonly Permission[], volunteerId: string) {
    const grants = firstGrant(actor, permissions);
    let last: unknown;
    for (const g of grants) {
      try {
        return await this.directory.inScope(actor, g, volunteerId);
      } catch (err) {
        last = err;
        if ((err as AppError).code === 'not_found') throw err;
      }
    }
    throw last;
  }

  async myVolunteerId(actor: Actor): Promise<string> {
    const me = await this.directory.self(actor);
    if (!me) throw new AppError('not_found', { entity: 'volunteer' });
    return me.id;
  }

  async get(actor: Actor, volunteerId: string) {
    await this.volunteerFor(actor, ['volunteers.read', 'volunteers.write', 'volunteer.self'], volunteerId);
    const [slots, blackouts] = await Promise.all([
      repo.slotsOf(this.db, actor.communityId, volunteerId),
      repo.blackoutsOf(this.db, actor.communityId, volunteerId, todayInShanghai()),
    ]);
    return {
      volunteerId,
      slots: slots.map((s) => ({ weekday: s.weekday, startMinute: s.start_minute, endMinute: s.end_minute })),
      blackouts: blackouts.map((b) => ({ id: b.id, fromDate: b.from_date, toDate: b.to_date, reason: b.reason })),
    };
  }

  async setSlots(actor: Actor, volunteerId: string, input: AvailabilityInput, ctx: RequestContext) {
    await this.volunteerFor(actor, ['volunteers.write', 'volunteer.self'], volunteerId);
    await this.db.transaction().execute(async (trx) => {
      await repo.replaceSlots(trx, actor.communityId, volunteerId, input.slots);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'availability.set',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { slots: input.slots.length },
      });
    });
  }

  async addBlackout(actor: Actor, volunteerId: string, input: BlackoutInput, ctx: RequestContext) {
    await this.volunteerFor(actor, ['volunteers.write', 'volunteer.self'], volunteerId);
    if (input.toDate < todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'toDate', message: 'invalid.inPast' }] });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertBlackout(trx, {
        community_id: actor.communityId,
        id,
        volunteer_id: volunteerId,
        from_date: input.fromDate,
        to_date: input.toDate,
        reason: input.reason ?? null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'availability.blackout.add',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { id, fromDate: input.fromDate, toDate: input.toDate },
      });
    });
    return { id };
  }

  async removeBlackout(actor: Actor, volunteerId: string, blackoutId: string, ctx: RequestContext) {
    await this.volunteerFor(actor, ['volunteers.write', 'volunteer.self'], volunteerId);
    await this.db.transaction().execute(async (trx) => {
      const r = await repo.deleteBlackout(trx, actor.communityId, volunteerId, blackoutId);
      if (!Number(r.numDeletedRows)) throw new AppError('not_found', { entity: 'blackout' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'availability.blackout.remove',
        entityType: 'volunteer',
        entityId: volunteerId,
        detail: { id: blackoutId },
      });
    });
  }
}
