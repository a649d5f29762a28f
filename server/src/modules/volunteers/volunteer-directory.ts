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
const ownerColumns = [
  'v.id',
  'v.name',
  'v.status',
  'v.birth_date',
  'v.unit_id',
  'v.account_id',
  'v.resident_id',
] as const;
const ownerRows = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('volunteer as v')
    .leftJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .select([...ownerColumns, 'r.grid_id'])
    .where('v.community_id', '=', communityId);
const ownerRow = prepared((db, communityId: string, volunteerId: string) =>
  ownerRows(db, communityId).where('v.id', '=', volunteerId),
);
const activeTeams = prepared((db, communityId: string, volunteerId: string) =>
  db
    .selectFrom('team_member')
    .select('team_id')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'active'),
);
type OwnerRow = Awaited<ReturnType<typeof ownerRow>>['rows'][number];
const toOwner = (v: OwnerRow, teamIds: string[]): VolunteerOwner => ({
  id: v.id,
  name: v.name,
  status: v.status,
  birthDate: v.birth_date,
  residentId: v.resident_id,
  unitId: v.unit_id,
  accountId: v.account_id,
  gridId: v.grid_id ?? null,
  teamIds,
});
const selfId = prepared((db, communityId: string, accountId: string | null) =>
  db.selectFrom('volunteer').select('id').where('community_id', '=', communityId).where('account_id', '=', accountId),
);

/** A volunteer as a message reaches them. */
export interface VolunteerContact {
  id: string;
  name: string;
  phone: string | null;
  accountId: string | null;
}

export class VolunteerDirectory {
  constructor(private readonly db: Db) {}

  /** The volunteer and what it belongs to (unit, teams, resident grid, account), or null. */
  async owner(communityId: string, volunteerId: string, db: DbOrTrx = this.db): Promise<VolunteerOwner | null> {
    // Both reads at once (on PostgreSQL two connections, one round trip of waiting, not two).
    const [row, teamRows] = await Promise.all([
      ownerRow(db, communityId, volunteerId),
      activeTeams(db, communityId, volunteerId),
    ]);
    const v = row.rows[0];
    if (!v) return null;
    const teams = teamRows.rows;
    return toOwner(
      v,
      teams.map((t) => t.team_id),
    );
  }

  /** Several volunteers as owner() gives each, in two reads for all of them; the absent are not in the map. */
  async owners(
    communityId: string,
    volunteerIds: readonly string[],
    db: DbOrTrx = this.db,
  ): Promise<Map<string, VolunteerOwner>> {
    if (!volunteerIds.length) return new Map();
    const [rows, teams] = await Promise.all([
      ownerRows(db, communityId).where('v.id', 'in', volunteerIds).execute(),
      db
        .selectFrom('team_member')
        .select(['volunteer_id', 'team_id'])
        .where('community_id', '=', communityId)
        .where('volunteer_id', 'in', volunteerIds)
        .where('status', '=', 'active')
        .execute(),
    ]);
    return new Map(
      rows.map((v) => [
        v.id,
        toOwner(
          v,
          teams.filter((t) => t.volunteer_id === v.id).map((t) => t.team_id),
        ),
      ]),
    );
  }

  /** `v` (as owner() or owners() found it), refused with 404 when absent and 403 when out of the caller's scope. */
  assertInScope(actor: Actor, grant: Grant, v: VolunteerOwner | null | undefined): VolunteerOwner {
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    assertInScope(actor, grant, v);
    return v;
  }

  /** The volunteer, refused with 404 when absent and 403 when outside the caller's scope. */
  async inScope(actor: Actor, grant: Grant, volunteerId: string, db: DbOrTrx = this.db): Promise<VolunteerOwner> {
    return this.assertInScope(actor, grant, await this.owner(actor.communityId, volunteerId, db));
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
    if (db !== this.db || !this.selfOnce.has(actor)) return this.lookUpSelf(actor, db);
    let found = this.selfOnce.get(actor);
    if (!found) this.selfOnce.set(actor, (found = this.lookUpSelf(actor, db)));
    return found;
  }

  /**
   * A copy of the actor whose self() is looked up once, for one read that asks many modules at the same time (the
   * phone home asks seven, each looking up "which volunteer am I": 21 statements, now 3). Only for reads: a
   * transaction's self() is always asked afresh. The answer lives as long as the copy, so a later request sees
   * changes (the actor itself is cached across requests and must not carry it).
   */
  oneRead(actor: Actor): Actor {
    if (this.selfOnce.has(actor)) return actor; // already one read's (the phone home reads 我的任务 inside)
    const copy = { ...actor };
    this.selfOnce.set(copy, undefined);
    return copy;
  }

  private readonly selfOnce = new WeakMap<Actor, Promise<VolunteerOwner | null> | undefined>();

  private async lookUpSelf(actor: Actor, db: DbOrTrx): Promise<VolunteerOwner | null> {
    const row = (await selfId(db, actor.communityId, actor.accountId)).rows[0];
    return row ? this.owner(actor.communityId, row.id, db) : null;
  }
  /**
   * Approved volunteers to message (staff notices): the active members of a team, or those holding a skill.
   * Each with the phone they registered and their account, if any; in name order.
   */
  async reachable(
    communityId: string,
    who: { teamId: string } | { skillCode: string },
    db: DbOrTrx = this.db,
  ): Promise<VolunteerContact[]> {
    let q = db
      .selectFrom('volunteer as v')
      .select(['v.id', 'v.name', 'v.phone', 'v.account_id'])
      .where('v.community_id', '=', communityId)
      .where('v.status', '=', 'approved');
    if ('teamId' in who)
      q = q.where('v.id', 'in', (eb) =>
        eb
          .selectFrom('team_member')
          .select('volunteer_id')
          .where('community_id', '=', communityId)
          .where('team_id', '=', who.teamId)
          .where('status', '=', 'active'),
      );
    else
      q = q.where('v.id', 'in', (eb) =>
        eb
          .selectFrom('volunteer_skill')
          .select('volunteer_id')
          .where('community_id', '=', communityId)
          .where('skill_code', '=', who.skillCode),
      );
    const rows = await q.orderBy('v.name_pinyin').orderBy('v.id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, phone: r.phone || null, accountId: r.account_id }));
  }

  /** The phone of a minor's guardian, while their consent is not withdrawn (to tell them of the child's work). */
  async guardianPhone(communityId: string, volunteerId: string, db: DbOrTrx = this.db): Promise<string | null> {
    const g = await db
      .selectFrom('volunteer_guardian')
      .select('phone')
      .where('community_id', '=', communityId)
      .where('volunteer_id', '=', volunteerId)
      .where('state', '<>', 'withdrawn')
      .executeTakeFirst();
    return g?.phone || null;
  }

  /** The skills approved volunteers of the community hold, with how many hold each (for an audience picker). */
  async skillCounts(communityId: string, db: DbOrTrx = this.db): Promise<Array<{ code: string; volunteers: number }>> {
    const rows = await db
      .selectFrom('volunteer_skill as s')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
      )
      .select(['s.skill_code', (eb) => eb.fn.count<number>('s.volunteer_id').distinct().as('n')])
      .where('s.community_id', '=', communityId)
      .where('v.status', '=', 'approved')
      .groupBy('s.skill_code')
      .orderBy('s.skill_code')
      .execute();
    return rows.map((r) => ({ code: r.skill_code, volunteers: Number(r.n) }));
  }
}
