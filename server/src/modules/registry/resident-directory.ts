// The small core other modules use to ask about residents (appointments, needs, WeChat, home care, badges):
// does a resident exist in my community, whom may this account act for, who is this caller, who is in a
// special group and where do they live. Read-only; modules call this rather than reading the registry tables
// themselves. A special group is asked for by its stored tag: groupTag (re-exported here) encodes one.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { normalizeMobile } from '../../../../domain/shared/phone.ts';
import { allResidents, getResident, searchResidents, tagsOf } from './registry.repository.ts';

export { dibaoToken, groupTag, tagDecoder } from './tags.ts';

export interface ResidentBrief {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  address: string;
  householdId: string;
  gridId: string;
}
/** Where a resident lives, the building, unit and room apart: for lists walked door to door. */
export interface ResidentHome {
  id: string;
  name: string;
  householdId: string;
  building: string;
  unit: string;
  room: string;
}
/** A household as a message reaches it: who answers the phone there (none when nobody can be reached). */
export interface HouseholdReach {
  householdId: string;
  address: string;
  reach: Array<{ name: string; phone: string; via: 'resident' | 'family_contact' }>;
}
export interface GridPlace {
  id: string;
  name: string;
  buildings: Array<{ id: string; name: string }>;
}
export interface LinkedResident {
  id: string;
  name: string;
  relation: 'self' | 'family';
}

export class ResidentDirectory {
  constructor(private readonly db: Db) {}

  private briefs(db: DbOrTrx, communityId: string) {
    return db
      .selectFrom('resident as r')
      .innerJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .innerJoin('building as b', (j) =>
        j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
      )
      .select([
        'r.id',
        'r.name',
        'r.gender',
        'r.birth_date',
        'r.phone',
        'r.household_id',
        'r.grid_id',
        'b.number as building',
        'h.unit',
        'h.room',
      ])
      .where('r.community_id', '=', communityId)
      .where('r.status', '=', 'active');
  }

  private static toBrief(r: {
    id: string;
    name: string;
    gender: string;
    birth_date: string;
    phone: string | null;
    household_id: string;
    grid_id: string;
    building: string;
    unit: string;
    room: string;
  }): ResidentBrief {
    return {
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date,
      phone: r.phone,
      address: `${r.building}${r.unit}单元${r.room}`,
      householdId: r.household_id,
      gridId: r.grid_id,
    };
  }

  /** The resident, if active in the community. */
  async get(communityId: string, residentId: string, db: DbOrTrx = this.db): Promise<ResidentBrief | null> {
    const r = await this.briefs(db, communityId).where('r.id', '=', residentId).executeTakeFirst();
    return r ? ResidentDirectory.toBrief(r) : null;
  }

  /**
   * Active residents whose name contains `nameContains`, or who carry a stored `tag` (see groupTag), born on
   * or before a date; in name order, at most `limit`.
   */
  async search(
    communityId: string,
    f: { nameContains?: string; tag?: string; bornOnOrBefore?: string },
    limit: number,
  ): Promise<ResidentBrief[]> {
    const { rows } = await searchResidents(this.db, { communityId, scopeGridId: null, ...f }, 1, limit);
    return rows.map((r) => ResidentDirectory.toBrief({ ...r, building: r.building_number }));
  }

  /** Every active resident who carries a stored `tag` (see groupTag), in batches, with their home. */
  async *withTag(communityId: string, tag: string, db: DbOrTrx = this.db): AsyncGenerator<ResidentHome[]> {
    for await (const batch of allResidents(db, { communityId, scopeGridId: null, tag })) yield batch.map(homeOf);
  }

  /** The resident's home, if the resident is active in the community. */
  async home(communityId: string, residentId: string, db: DbOrTrx = this.db): Promise<ResidentHome | null> {
    const r = await getResident(db, communityId, residentId);
    return r && r.status === 'active' ? homeOf(r) : null;
  }

  /** The resident's stored tags: special groups as groupTag encodes them (tagDecoder reads them back). */
  async tags(communityId: string, residentId: string, db: DbOrTrx = this.db): Promise<string[]> {
    return (await tagsOf(db, communityId, [residentId])).map((t) => t.tag);
  }

  /**
   * A caller on the phone: residents whose own number this is, then those who list it as a family contact
   * (a son calling for his mother); otherwise a name or pinyin search. At most `limit`.
   */
  async find(
    communityId: string,
    q: string,
    limit = 20,
  ): Promise<Array<ResidentBrief & { via: 'phone' | 'contact' | 'name' }>> {
    const phone = normalizeMobile(q);
    if (phone) {
      const own = await this.briefs(this.db, communityId).where('r.phone', '=', phone).limit(limit).execute();
      const viaContact = await this.briefs(this.db, communityId)
        // The contacts with this number first (family_contact_phone_ix), not every resident's contacts.
        .where('r.id', 'in', (eb) =>
          eb
            .selectFrom('family_contact as c')
            .select('c.resident_id')
            .where('c.community_id', '=', communityId)
            .where('c.phone', '=', phone),
        )
        .limit(limit)
        .execute();
      const seen = new Set(own.map((r) => r.id));
      return [
        ...own.map((r) => ({ ...ResidentDirectory.toBrief(r), via: 'phone' as const })),
        ...viaContact
          .filter((r) => !seen.has(r.id))
          .map((r) => ({ ...ResidentDirectory.toBrief(r), via: 'contact' as const })),
      ];
    }
    const term = q.trim().toLowerCase();
    if (!term) return [];
    const rows = await this.briefs(this.db, communityId)
      .where((eb) =>
        eb.or([
          eb('r.name', 'like', `${term}%`),
          eb('r.name_pinyin', 'like', `${term}%`),
          eb('r.name_initials', '=', term),
        ]),
      )
      .orderBy('r.name_pinyin')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...ResidentDirectory.toBrief(r), via: 'name' as const }));
  }

  /**
   * Whom a signed-in account may act for: the resident its membership points at, and the residents who list
   * the account's phone as a family contact. An account with no link falls back to the resident record that
   * carries its phone number.
   */
  async linkedTo(actor: Pick<Actor, 'communityId' | 'residentId' | 'phone'>): Promise<LinkedResident[]> {
    const out: LinkedResident[] = [];
    let selfId = actor.residentId;
    if (!selfId) {
      const own = await this.db
        .selectFrom('resident')
        .select('id')
        .where('community_id', '=', actor.communityId)
        .where('phone', '=', actor.phone)
        .where('status', '=', 'active')
        .orderBy('id')
        .executeTakeFirst();
      selfId = own?.id ?? null;
    }
    if (selfId) {
      const me = await this.db
        .selectFrom('resident')
        .select(['id', 'name'])
        .where('community_id', '=', actor.communityId)
        .where('id', '=', selfId)
        .executeTakeFirst();
      if (me) out.push({ id: me.id, name: me.name, relation: 'self' });
    }
    const family = await this.db
      .selectFrom('family_contact as c')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
      )
      .select(['r.id', 'r.name'])
      .where('c.community_id', '=', actor.communityId)
      .where('c.phone', '=', actor.phone)
      .where('r.status', '=', 'active')
      .orderBy('r.name_pinyin')
      .execute();
    for (const f of family)
      if (!out.some((o) => o.id === f.id)) out.push({ id: f.id, name: f.name, relation: 'family' });
    return out;
  }

  /** Where to send a resident a message: their own phone, else their primary family contact's. */
  async contactPhone(communityId: string, residentId: string, db: DbOrTrx = this.db): Promise<string | null> {
    const r = await db
      .selectFrom('resident')
      .select('phone')
      .where('community_id', '=', communityId)
      .where('id', '=', residentId)
      .executeTakeFirst();
    if (r?.phone) return r.phone;
    const c = await db
      .selectFrom('family_contact')
      .select('phone')
      .where('community_id', '=', communityId)
      .where('resident_id', '=', residentId)
      .orderBy('is_primary', 'desc')
      .executeTakeFirst();
    return c?.phone ?? null;
  }
  /**
   * The households of a grid or a building as a message reaches them (staff notices): each household's active
   * residents who have a phone; a household where none has one, through its primary family contact; a household
   * with neither is listed with no one to reach. Households without active residents are left out.
   */
  async householdsToReach(
    communityId: string,
    where: { gridId: string } | { buildingId: string },
    db: DbOrTrx = this.db,
  ): Promise<HouseholdReach[]> {
    let q = db
      .selectFrom('resident as r')
      .innerJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .innerJoin('building as b', (j) =>
        j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
      )
      .select(['r.id', 'r.name', 'r.phone', 'h.id as household_id', 'b.number as building', 'h.unit', 'h.room'])
      .where('r.community_id', '=', communityId)
      .where('r.status', '=', 'active');
    q = 'gridId' in where ? q.where('h.grid_id', '=', where.gridId) : q.where('h.building_id', '=', where.buildingId);
    const residents = await q.orderBy('b.number').orderBy('h.unit').orderBy('h.room').orderBy('r.id').execute();
    const byHousehold = new Map<string, HouseholdReach>();
    for (const r of residents) {
      let h = byHousehold.get(r.household_id);
      if (!h) {
        h = { householdId: r.household_id, address: `${r.building}${r.unit}单元${r.room}`, reach: [] };
        byHousehold.set(r.household_id, h);
      }
      if (r.phone) h.reach.push({ name: r.name, phone: r.phone, via: 'resident' });
    }
    const silent = [...byHousehold.values()].filter((h) => !h.reach.length);
    if (silent.length) {
      const ids = residents.filter((r) => silent.some((h) => h.householdId === r.household_id)).map((r) => r.id);
      const contacts = [];
      for (let i = 0; i < ids.length; i += 500)
        contacts.push(
          ...(await db
            .selectFrom('family_contact as c')
            .innerJoin('resident as r', (j) =>
              j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
            )
            .select(['c.name', 'c.phone', 'c.is_primary', 'c.id', 'r.household_id'])
            .where('c.community_id', '=', communityId)
            .where('c.resident_id', 'in', ids.slice(i, i + 500))
            .execute()),
        );
      contacts.sort((a, b) => b.is_primary - a.is_primary || a.id.localeCompare(b.id));
      for (const h of silent) {
        const c = contacts.find((x) => x.household_id === h.householdId && x.phone);
        if (c) h.reach.push({ name: c.name, phone: c.phone, via: 'family_contact' });
      }
    }
    return [...byHousehold.values()];
  }

  /** The community's grids and their buildings, by name: what a notice's audience picker offers. */
  async places(communityId: string, db: DbOrTrx = this.db): Promise<Array<GridPlace>> {
    const [grids, buildings] = await Promise.all([
      db.selectFrom('grid').select(['id', 'name']).where('community_id', '=', communityId).orderBy('code').execute(),
      db
        .selectFrom('building')
        .select(['id', 'grid_id', 'number'])
        .where('community_id', '=', communityId)
        .orderBy('number')
        .execute(),
    ]);
    return grids.map((g) => ({
      id: g.id,
      name: g.name,
      buildings: buildings.filter((b) => b.grid_id === g.id).map((b) => ({ id: b.id, name: b.number })),
    }));
  }
}

function homeOf(r: {
  id: string;
  name: string;
  household_id: string;
  building_number: string;
  unit: string;
  room: string;
}): ResidentHome {
  return {
    id: r.id,
    name: r.name,
    householdId: r.household_id,
    building: r.building_number,
    unit: r.unit,
    room: r.room,
  };
}
