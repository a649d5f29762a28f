// The one record of service. Modules write a contact in the same transaction as the work it records (a need
// done, a visit, a booking attended…); the monitor, the ranking and the indicators read only this record. This
// service is its only writer at run time, and keeps the per-subject rollups (contacts.rollup.ts) in step.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { CONTACT_KINDS, type ContactKind } from '../../../../domain/contacts/kinds.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addToRollups, removeFromRollups } from './contacts.rollup.ts';

export interface ContactInput {
  communityId: string;
  kind: ContactKind;
  /** The work recorded (need, visit, booking, task…). */
  sourceId: string;
  /** The resident helped; or only the household (a survey visit, a child's classroom session). */
  residentId?: string | null;
  householdId?: string | null;
  /** The help reached the household as a whole: `residentId`, if given, only says which household. */
  householdLevel?: boolean;
  /** The instant of the help; its Shanghai date is the contact's day unless `occurredOn` is given. */
  occurredAt?: string | null;
  occurredOn?: string;
  volunteerId?: string | null;
  /** Who served, as people read it (a volunteer's or staff member's name); the volunteer's name when left out. */
  servedBy?: string;
}

export class ContactService {
  /**
   * Records contacts inside the caller's transaction. A resident's household is looked up when not given.
   * Writing the same work again (a retry) changes nothing.
   */
  async record(trx: Trx, contacts: readonly ContactInput[]): Promise<void> {
    if (!contacts.length) return;
    const needHousehold = contacts.filter((c) => !c.householdId && c.residentId);
    const householdOf = new Map<string, string>();
    if (needHousehold.length) {
      const rows = await trx
        .selectFrom('resident')
        .select(['id', 'household_id'])
        .where('community_id', '=', needHousehold[0]!.communityId)
        .where('id', 'in', [...new Set(needHousehold.map((c) => c.residentId!))])
        .execute();
      for (const r of rows) householdOf.set(r.id, r.household_id);
    }
    const nameOf = new Map<string, string>();
    const needName = contacts.filter((c) => !c.servedBy && c.volunteerId);
    if (needName.length) {
      const rows = await trx
        .selectFrom('volunteer')
        .select(['id', 'name'])
        .where('community_id', '=', needName[0]!.communityId)
        .where('id', 'in', [...new Set(needName.map((c) => c.volunteerId!))])
        .execute();
      for (const r of rows) nameOf.set(r.id, r.name);
    }
    const now = new Date().toISOString();
    const rows = contacts.map((c) => {
      const servedBy = c.servedBy || (c.volunteerId ? nameOf.get(c.volunteerId) : undefined);
      if (!servedBy) throw new Error(`contact ${c.kind} ${c.sourceId}: nobody served`);
      const householdId = c.householdId ?? (c.residentId ? householdOf.get(c.residentId) : undefined);
      if (!householdId) throw new Error(`contact ${c.kind} ${c.sourceId}: no household`);
      return {
        community_id: c.communityId,
        id: uuidv7(),
        kind: c.kind,
        resident_id: c.householdLevel ? null : (c.residentId ?? null),
        household_id: householdId,
        occurred_on: c.occurredOn ?? todayInShanghai(c.occurredAt ? new Date(c.occurredAt) : new Date()),
        occurred_at: c.occurredAt ?? null,
        volunteer_id: c.volunteerId ?? null,
        served_by: servedBy,
        source_id: c.sourceId,
        subject_id: (c.householdLevel ? null : c.residentId) ?? householdId,
        created_at: now,
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      const written = await trx
        .insertInto('contact')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.doNothing())
        .returning(['subject_id', 'occurred_on', 'kind'])
        .execute();
      await addToRollups(trx, contacts[0]!.communityId, written);
    }
  }

  /** Takes back the contacts of work that is undone (an attendance reverted, a delivery corrected). */
  async withdraw(trx: Trx, communityId: string, kind: ContactKind, sourceId: string, subjectId?: string) {
    const removed = await trx
      .deleteFrom('contact')
      .where('community_id', '=', communityId)
      .where('kind', '=', kind)
      .where('source_id', '=', sourceId)
      .$if(!!subjectId, (q) => q.where('subject_id', '=', subjectId!))
      .returning(['subject_id', 'occurred_on', 'kind'])
      .execute();
    await removeFromRollups(trx, communityId, removed);
  }

  /** The contacts one piece of work wrote (the residents an activity served, a badge's returns…), oldest first. */
  ofSource(db: DbOrTrx, communityId: string, kind: ContactKind, sourceIds: readonly string[]) {
    if (!sourceIds.length) return Promise.resolve([]);
    return db
      .selectFrom('contact as c')
      .leftJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
      )
      .select([
        'c.source_id',
        'c.resident_id',
        'r.name as resident_name',
        'c.household_id',
        'c.occurred_on',
        'c.occurred_at',
        'c.served_by',
      ])
      .where('c.community_id', '=', communityId)
      .where('c.kind', '=', kind)
      .where('c.source_id', 'in', [...sourceIds])
      .orderBy('c.occurred_on')
      .orderBy('c.created_at')
      .execute();
  }

  /**
   * Contacts per kind from `from` to `to` (local dates, inclusive); every kind is present, zero or not. Summed from
   * the rollup per day and kind (contacts.rollup.ts).
   */
  async countsByKind(db: DbOrTrx, communityId: string, from: string, to: string): Promise<Record<ContactKind, number>> {
    const rows = await db
      .selectFrom('contact_day_kind')
      .select(['kind', sql<number>`sum(contacts)`.as('n')])
      .where('community_id', '=', communityId)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .groupBy('kind')
      .execute();
    const out = Object.fromEntries(CONTACT_KINDS.map((k) => [k, 0])) as Record<ContactKind, number>;
    for (const r of rows) if (r.kind in out) out[r.kind as ContactKind] = Number(r.n);
    return out;
  }
}
