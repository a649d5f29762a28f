// The small core other modules use to ask about a volunteer (teams, training, insurance, party members,
// eligibility): does it exist in my community, is it inside the caller's scope, which volunteer am I.
// Modules call this service rather than reading the volunteer tables themselves.
import type { Db, DbOrTrx } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { assertInScope, type Grant, type Owner } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

export interface VolunteerOwner extends Owner {
  id: string;
  name: string;
  status: string;
  birthDate: string;
  residentId: string | null;
}

// Asked on every sign-up and many other writes: compiled once (see prepared.ts).
const ownerRow = prepared((db, communityId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer as v')
    .leftJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .select(['v.id', 'v.name', 'v.status', 'v.birth_date', 'v.unit_id', 'v.account_id', 'v.resident_id', 'r.grid_id'])
    .where('v.community_id', '=', communityId)
    .where('v.id', '=', volunteerId),
);
const activeTeams = prepared((db, communityId: string, volunteerId: string) =>
  db
    .selectFrom('team_member')
    .select('team_id')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'active'),
);
const selfId = prepared((db, communityId: string, accountId: string | null) =>
  db.selectFrom('volunteer').select('id').where('community_id', '=', communityId).where('account_id', '=', accountId),
);

export class VolunteerDirectory {
  constructor(private readonly db: Db) {}

  /** The volunteer and what it belongs to (unit, teams, resident grid, account), or null. */
  async owner(communityId: string, volunteerId: string, db: DbOrTrx = this.db): Promise<VolunteerOwner | null> {
    const v = (await ownerRow(db, communityId, volunteerId)).rows[0];
    if (!v) return null;
    const teams = (await activeTeams(db, communityId, volunteerId)).rows;
    return {
      id: v.id,
      name: v.name,
      status: v.status,
      birthDate: v.birth_date,
      residentId: v.resident_id,
      unitId: v.unit_id,
      accountId: v.account_id,
      gridId: v.grid_id ?? null,
      teamIds: teams.map((t) => t.team_id),
    };
  }

  /** The volunteer, refused with 404 when absent and 403 when outside the caller's scope. */
  async inScope(actor: Actor, grant: Grant, volunteerId: string, db: DbOrTrx = this.db): Promise<VolunteerOwner> {
    const v = await this.owner(actor.communityId, volunteerId, db);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    assertInScope(actor, grant, v);
    return v;
  }

  /** Which of these volunteers are active members of the team: one query, for lists filtered to a leader's team. */
  async membersOf(
    communityId: string,
    teamId: string,
    volunteerIds: readonly string[],
    db: DbOrTrx = this.db,
  ): Promise<Set<string>> {
    if (!volunteerIds.length) return new Set();
    const rows = await db
      .selectFrom('team_member')
      .select('volunteer_id')
      .where('community_id', '=', communityId)
      .where('team_id', '=', teamId)
      .where('status', '=', 'active')
      .where('volunteer_id', 'in', volunteerIds)
      .execute();
    return new Set(rows.map((r) => r.volunteer_id));
  }

  /** The caller's own volunteer record in their community, or null when they have none. */
  async self(actor: Actor, db: DbOrTrx = this.db): Promise<VolunteerOwner | null> {
    const row = (await selfId(db, actor.communityId, actor.accountId)).rows[0];
    return row ? this.owner(actor.communityId, row.id, db) : null;
  }
}
