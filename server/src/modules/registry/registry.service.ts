// The community registry: grids, buildings, households, residents, their contacts and consents.
// Every read is bounded by the caller's scope; sensitive values are encrypted at rest, masked unless the
// caller may see them, and every reveal is written to the audit log.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type {
  ConsentRecordTable,
  FamilyContactTable,
  HouseholdTable,
  ResidentTable,
  ResidentTagTable,
} from '../../db/schema/index.ts';
import { assertInScope, can, gridFilter, inScope, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { ageOn, bornOnOrBefore, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { maskIdNumber, parseIdNumber } from '../../../../domain/shared/id-number.ts';
import { namePinyin } from '../../../../domain/shared/pinyin.ts';
import { SENSITIVE_GROUPS, SPECIAL_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import type {
  HouseholdInput,
  HouseholdQuery,
  ResidentInput,
  ResidentLeftStatus,
  ResidentQuery,
} from '../../../../domain/registry/schemas.ts';
import * as repo from './registry.repository.ts';
import { address, groupsFor, toHousehold, toResidentListItem, type Visibility } from './registry.mapper.ts';
import { dibaoToken, groupTag, tagDecoder } from './tags.ts';

export interface Health {
  conditions: string[];
  note?: string;
}

/**
 * A checked roster: households to add (each with a reference its residents use) and residents for new or existing
 * households.
 */
export interface RosterPlan {
  households: Array<{ ref: string; building: { id: string; gridId: string }; input: HouseholdInput }>;
  residents: Array<{
    household: { ref: string } | { id: string; gridId: string };
    input: Omit<ResidentInput, 'householdId'>;
  }>;
}
export interface Disability {
  kind: string;
  grade?: string;
  certificateNo?: string;
}

/** Turns a search box into what to look for: Chinese characters, pinyin (full or initials), or a phone tail. */
export function parseSearch(
  q: string | undefined,
): Pick<repo.ResidentFilter, 'nameContains' | 'pinyinPrefix' | 'phoneTail'> {
  const s = (q ?? '').trim();
  if (!s) return {};
  if (/^\d{3,11}$/.test(s)) return { phoneTail: s };
  const letters = s.toLowerCase().replace(/[\s']/g, '');
  if (/^[a-z]+$/.test(letters)) return { pinyinPrefix: letters.replace(/ü/g, 'v') };
  return { nameContains: s.replace(/\s/g, '') };
}

/**
 * Another module's reaction to a withdrawn consent (the badges area stops a love badge when its love_badge
 * consent goes), run inside the withdrawal's transaction; a function it returns runs after the commit.
 */
export type ConsentWithdrawnHook = (
  trx: DbOrTrx,
  actor: Actor,
  ctx: RequestContext,
  consent: ConsentRecordTable,
) => Promise<(() => void) | void>;
/**
 * Likewise for a family contact removed from a resident (the badges area takes the phone off the badge's call list).
 */
export type ContactRemovedHook = (
  trx: DbOrTrx,
  actor: Actor,
  ctx: RequestContext,
  contact: FamilyContactTable,
) => Promise<(() => void) | void>;
/**
 * Likewise for a resident who moved out or died (the badges area stops the elder's badge and tells the family).
 */
export type ResidentLeftHook = (
  trx: DbOrTrx,
  actor: Actor,
  ctx: RequestContext,
  resident: ResidentTable,
  status: ResidentLeftStatus,
) => Promise<(() => void) | void>;
export interface ConsentGiven {
  purpose: string;
  givenByName: string;
  givenByRelation: string;
  givenAt?: string;
  note?: string | null;
}

export class RegistryService {
  private readonly consentWithdrawnHooks: ConsentWithdrawnHook[] = [];
  private readonly contactRemovedHooks: ContactRemovedHook[] = [];
  private readonly residentLeftHooks: ResidentLeftHook[] = [];

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
  ) {}

  onConsentWithdrawn(hook: ConsentWithdrawnHook): void {
    this.consentWithdrawnHooks.push(hook);
  }

  onContactRemoved(hook: ContactRemovedHook): void {
    this.contactRemovedHooks.push(hook);
  }

  onResidentLeft(hook: ResidentLeftHook): void {
    this.residentLeftHooks.push(hook);
  }

  private visibility(actor: Actor): Visibility {
    return {
      sensitive: can(actor, 'registry.sensitive'),
      today: todayInShanghai(),
      dibaoTrue: dibaoToken(this.cipher, actor.communityId, true),
      decodeTag: tagDecoder(this.cipher, actor.communityId),
    };
  }

  // ---------------- summary, grids, buildings ----------------

  async summary(actor: Actor, grant: Grant) {
    const c = await repo.summaryCounts(
      this.db,
      actor.communityId,
      gridFilter(actor, grant),
      bornOnOrBefore(60, todayInShanghai()),
      dibaoToken(this.cipher, actor.communityId, true),
    );
    const decode = tagDecoder(this.cipher, actor.communityId);
    const specialGroups = Object.fromEntries(SPECIAL_GROUPS.map((g) => [g, 0])) as Record<SpecialGroup, number>;
    for (const t of c.tags) {
      const g = decode.get(t.tag);
      if (g) specialGroups[g] += t.n;
    }
    // Counts are not personal data: every registry reader sees them, sensitive groups included.
    const { tags, ...counts } = c;
    return { ...counts, specialGroups };
  }

  async grids(actor: Actor, grant: Grant) {
    const rows = await repo.listGrids(this.db, actor.communityId, gridFilter(actor, grant));
    return rows.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      leaderName: g.leader_name ?? null,
      buildings: Number(g.buildings),
      households: Number(g.households),
      residents: Number(g.residents),
    }));
  }

  async buildings(actor: Actor, grant: Grant, gridId?: string) {
    const rows = await repo.listBuildings(this.db, actor.communityId, gridId ?? null, gridFilter(actor, grant));
    return rows.map((b) => ({
      id: b.id,
      number: b.number,
      street: b.street,
      gridId: b.grid_id,
      gridName: b.grid_name,
      households: Number(b.households),
    }));
  }

  async createBuilding(
    actor: Actor,
    grant: Grant,
    input: { gridId: string; number: string; street: string },
    ctx: RequestContext,
  ) {
    if (!(await repo.getGrid(this.db, actor.communityId, input.gridId)))
      throw new AppError('not_found', { entity: 'grid' });
    assertInScope(actor, grant, { gridId: input.gridId });
    if (await repo.findBuildingByNumber(this.db, actor.communityId, input.number)) {
      throw new AppError('conflict', { reason: input.number, fields: [{ field: 'number', message: 'invalid.value' }] });
    }
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertBuilding(trx, {
        community_id: actor.communityId,
        id,
        grid_id: input.gridId,
        number: input.number,
        street: input.street,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'building.create',
        entityType: 'building',
        entityId: id,
        detail: { number: input.number },
      });
    });
    return { id };
  }

  // ---------------- households ----------------

  private householdFilter(actor: Actor, grant: Grant, q: Partial<HouseholdQuery>): repo.HouseholdFilter {
    // Filtering by dibao reveals it: only for those who may see it.
    if (q.dibao !== undefined && !can(actor, 'registry.sensitive'))
      throw new AppError('forbidden', { role: actor.role, permission: 'registry.sensitive' });
    return {
      communityId: actor.communityId,
      scopeGridId: gridFilter(actor, grant),
      gridId: q.gridId,
      buildingId: q.buildingId,
      dibaoToken: q.dibao === undefined ? undefined : dibaoToken(this.cipher, actor.communityId, q.dibao),
      isMigrant: q.isMigrant,
    };
  }

  async households(actor: Actor, grant: Grant, q: HouseholdQuery) {
    const v = this.visibility(actor);
    const { rows, total } = await repo.listHouseholds(
      this.db,
      this.householdFilter(actor, grant, q),
      q.page,
      q.pageSize,
    );
    return { items: rows.map((h) => toHousehold(v, h)), total, page: q.page, pageSize: q.pageSize };
  }

  householdExport(actor: Actor, grant: Grant, q: Partial<HouseholdQuery>) {
    const v = this.visibility(actor);
    const f = this.householdFilter(actor, grant, q);
    const db = this.db;
    return (async function* () {
      for await (const rows of repo.allHouseholds(db, f)) yield rows.map((h) => toHousehold(v, h));
    })();
  }

  private async householdInScope(actor: Actor, grant: Grant, id: string) {
    const h = await repo.getHousehold(this.db, actor.communityId, id);
    if (!h) throw new AppError('not_found', { entity: 'household' });
    assertInScope(actor, grant, { gridId: h.grid_id });
    return h;
  }

  async household(actor: Actor, grant: Grant, id: string) {
    const h = await this.householdInScope(actor, grant, id);
    const v = this.visibility(actor);
    const members = await this.residentPage(actor, grant, { householdId: id, page: 1, pageSize: 200 });
    return {
      ...toHousehold(v, h),
      note: h.note,
      members: members.items,
      createdAt: h.created_at,
      updatedAt: h.updated_at,
    };
  }

  async createHousehold(actor: Actor, grant: Grant, input: HouseholdInput, ctx: RequestContext, trx?: DbOrTrx) {
    const db = trx ?? this.db;
    const b = await repo.getBuilding(db, actor.communityId, input.buildingId);
    if (!b)
      throw new AppError('not_found', { entity: 'building', fields: [{ field: 'buildingId', message: 'invalid.id' }] });
    assertInScope(actor, grant, { gridId: b.grid_id });
    if (await repo.findHouseholdByAddress(db, actor.communityId, b.id, input.unit, input.room)) {
      throw new AppError('conflict', {
        reason: `${b.number}${input.unit}单元${input.room}室`,
        fields: [{ field: 'room', message: 'invalid.value' }],
      });
    }
    const id = uuidv7();
    const now = new Date().toISOString();
    const write = async (t: DbOrTrx) => {
      await repo.insertHousehold(t, this.householdRow(actor.communityId, id, b, input, now));
      await this.audit.recordBy(t, actor, ctx, {
        action: 'household.create',
        entityType: 'household',
        entityId: id,
        detail: { building: b.number, unit: input.unit, room: input.room },
      });
    };
    await (trx ? write(trx) : this.db.transaction().execute(write));
    return { id };
  }

  async updateHousehold(actor: Actor, grant: Grant, id: string, patch: Partial<HouseholdInput>, ctx: RequestContext) {
    const h = await this.householdInScope(actor, grant, id);
    const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
    if (patch.unit !== undefined) set.unit = patch.unit;
    if (patch.room !== undefined) set.room = patch.room;
    if (patch.isMigrant !== undefined) set.is_migrant = patch.isMigrant ? 1 : 0;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.dibao !== undefined) {
      set.dibao_enc = this.cipher.encryptJson({ dibao: patch.dibao });
      set.dibao_token = dibaoToken(this.cipher, actor.communityId, patch.dibao);
    }
    if (patch.buildingId !== undefined && patch.buildingId !== h.building_id) {
      const b = await repo.getBuilding(this.db, actor.communityId, patch.buildingId);
      if (!b) throw new AppError('not_found', { entity: 'building' });
      assertInScope(actor, grant, { gridId: b.grid_id });
      set.building_id = b.id;
      set.grid_id = b.grid_id;
    }
    const unit = (set.unit as string) ?? h.unit,
      room = (set.room as string) ?? h.room,
      buildingId = (set.building_id as string) ?? h.building_id;
    const clash = await repo.findHouseholdByAddress(this.db, actor.communityId, buildingId, unit, room);
    if (clash && clash.id !== id)
      throw new AppError('conflict', {
        reason: `${unit}单元${room}室`,
        fields: [{ field: 'room', message: 'invalid.value' }],
      });
    await this.db.transaction().execute(async (trx) => {
      await repo.updateHousehold(trx, actor.communityId, id, set);
      // Residents follow their household into its new grid.
      if (set.grid_id)
        await trx
          .updateTable('resident')
          .set({ grid_id: set.grid_id as string })
          .where('community_id', '=', actor.communityId)
          .where('household_id', '=', id)
          .execute();
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'household.update',
        entityType: 'household',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  // ---------------- residents ----------------

  private residentFilter(actor: Actor, grant: Grant, q: Partial<ResidentQuery>): repo.ResidentFilter {
    const sensitive = can(actor, 'registry.sensitive');
    if (!sensitive && (q.dibao !== undefined || (q.group && SENSITIVE_GROUPS.has(q.group)))) {
      throw new AppError('forbidden', { role: actor.role, permission: 'registry.sensitive' });
    }
    const today = todayInShanghai();
    return {
      communityId: actor.communityId,
      scopeGridId: gridFilter(actor, grant),
      gridId: q.gridId,
      buildingId: q.buildingId,
      householdId: q.householdId,
      gender: q.gender,
      ...parseSearch(q.q),
      tag: q.group ? groupTag(this.cipher, actor.communityId, q.group) : undefined,
      dibaoToken: q.dibao === undefined ? undefined : dibaoToken(this.cipher, actor.communityId, q.dibao),
      // Aged at least ageMin: born on or before today minus ageMin years; at most ageMax: born after today minus
      // (ageMax+1).
      bornOnOrBefore: q.ageMin !== undefined ? bornOnOrBefore(q.ageMin, today) : undefined,
      bornOnOrAfter: q.ageMax !== undefined ? dayAfter(bornOnOrBefore(q.ageMax + 1, today)) : undefined,
    };
  }

  async residentPage(actor: Actor, grant: Grant, q: Partial<ResidentQuery> & { page: number; pageSize: number }) {
    const v = this.visibility(actor);
    const { rows, total } = await repo.searchResidents(
      this.db,
      this.residentFilter(actor, grant, q),
      q.page,
      q.pageSize,
    );
    const tags = await this.tagMap(
      actor.communityId,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => toResidentListItem(v, r, tags.get(r.id) ?? [])),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  residentExport(actor: Actor, grant: Grant, q: Partial<ResidentQuery>) {
    const v = this.visibility(actor);
    const f = this.residentFilter(actor, grant, q);
    const batches = async function* (this: RegistryService) {
      for await (const rows of repo.allResidents(this.db, f)) {
        const tags = await this.tagMap(
          actor.communityId,
          rows.map((r) => r.id),
        );
        yield rows.map((r) => toResidentListItem(v, r, tags.get(r.id) ?? []));
      }
    };
    return batches.call(this);
  }

  private async tagMap(communityId: string, ids: string[]) {
    const m = new Map<string, string[]>();
    // Chunk to stay far below either database's bound-parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      for (const t of await repo.tagsOf(this.db, communityId, ids.slice(i, i + 500))) {
        const list = m.get(t.resident_id) ?? [];
        list.push(t.tag);
        m.set(t.resident_id, list);
      }
    }
    return m;
  }

  private async residentInScope(actor: Actor, grant: Grant, id: string) {
    const r = await repo.getResident(this.db, actor.communityId, id);
    if (!r) throw new AppError('not_found', { entity: 'resident' });
    assertInScope(actor, grant, { gridId: r.grid_id });
    return r;
  }

  async resident(actor: Actor, grant: Grant, id: string) {
    const r = await this.residentInScope(actor, grant, id);
    const v = this.visibility(actor);
    const [tags, contacts, consents] = await Promise.all([
      this.tagMap(actor.communityId, [id]),
      repo.contactsOf(this.db, actor.communityId, id),
      repo.consentsOf(this.db, actor.communityId, id),
    ]);
    return {
      id: r.id,
      name: r.name,
      gender: r.gender as 'male' | 'female',
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, v.today),
      phone: r.phone,
      householdId: r.household_id,
      gridId: r.grid_id,
      address: address(r),
      specialGroups: groupsFor(v, tags.get(id) ?? []),
      idNumber: r.id_number_masked,
      relationToHead: r.relation_to_head,
      note: r.note,
      status: r.status,
      // Whether there is something to reveal is not itself sensitive for those who may reveal it.
      hasHealth: v.sensitive ? !!r.health_enc : null,
      hasDisability: v.sensitive ? !!r.disability_enc : null,
      householdDibao: v.sensitive ? r.dibao_token === v.dibaoTrue : null,
      familyContacts: contacts.map((c) => ({
        id: c.id,
        name: c.name,
        relation: c.relation,
        phone: c.phone,
        isPrimary: c.is_primary === 1,
      })),
      consents: consents.map((c) => ({
        id: c.id,
        purpose: c.purpose,
        givenByName: c.given_by_name,
        givenByRelation: c.given_by_relation,
        givenAt: c.given_at,
        withdrawnAt: c.withdrawn_at,
        note: c.note,
      })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** The decrypted sensitive fields of one resident. Every call leaves an audit entry naming the fields read. */
  async residentSensitive(actor: Actor, grant: Grant, id: string, ctx: RequestContext) {
    const r = await this.residentInScope(actor, grant, id);
    const out = {
      idNumber: r.id_number_enc ? this.cipher.decrypt(r.id_number_enc) : null,
      health: this.cipher.decryptJson<Health>(r.health_enc),
      disability: this.cipher.decryptJson<Disability>(r.disability_enc),
      dibao: this.cipher.decryptJson<{ dibao: boolean }>(r.dibao_enc)?.dibao ?? null,
    };
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'resident.sensitive_read',
      entityType: 'resident',
      entityId: id,
      detail: { fields: ['idNumber', 'health', 'disability', 'dibao'], name: r.name },
    });
    return out;
  }

  private encryptSensitive(communityId: string, input: Partial<ResidentInput>): Partial<ResidentTable> {
    const set: Partial<ResidentTable> = {};
    if (input.idNumber !== undefined) {
      set.id_number_enc = input.idNumber ? this.cipher.encrypt(input.idNumber) : null;
      set.id_number_token = input.idNumber ? this.cipher.token(communityId, 'id_number', input.idNumber) : null;
      set.id_number_masked = input.idNumber ? maskIdNumber(input.idNumber) : null;
    }
    if (input.health !== undefined) set.health_enc = input.health ? this.cipher.encryptJson(input.health) : null;
    if (input.disability !== undefined)
      set.disability_enc = input.disability ? this.cipher.encryptJson(input.disability) : null;
    return set;
  }

  private async assertIdNumberFree(
    db: DbOrTrx,
    communityId: string,
    idNumber: string | null | undefined,
    exceptId?: string,
  ) {
    if (!idNumber) return;
    const owner = await repo.findResidentIdByToken(
      db,
      communityId,
      this.cipher.token(communityId, 'id_number', idNumber),
    );
    if (owner && owner !== exceptId)
      throw new AppError('duplicate_id_number', { fields: [{ field: 'idNumber', message: 'duplicate_id_number' }] });
  }

  async createResident(actor: Actor, grant: Grant, input: ResidentInput, ctx: RequestContext, trx?: DbOrTrx) {
    const db = trx ?? this.db;
    const h = await repo.getHousehold(db, actor.communityId, input.householdId);
    if (!h)
      throw new AppError('not_found', {
        entity: 'household',
        fields: [{ field: 'householdId', message: 'invalid.id' }],
      });
    assertInScope(actor, grant, { gridId: h.grid_id });
    await this.assertIdNumberFree(db, actor.communityId, input.idNumber);
    const id = uuidv7();
    const now = new Date().toISOString();
    const write = async (t: DbOrTrx) => {
      await repo.insertResident(t, this.residentRow(actor.communityId, id, h, input, now));
      await repo.replaceTags(t, actor.communityId, id, this.residentTags(actor.communityId, input.specialGroups));
      await this.audit.recordBy(t, actor, ctx, {
        action: 'resident.create',
        entityType: 'resident',
        entityId: id,
        detail: { name: input.name, household: h.id },
      });
    };
    try {
      await (trx ? write(trx) : this.db.transaction().execute(write));
    } catch (err) {
      throw uniqueToDuplicate(err);
    }
    return { id };
  }

  // ---------------- rows as stored (one mapping for single adds and imports) ----------------

  private householdRow(
    communityId: string,
    id: string,
    building: { id: string; grid_id: string },
    input: HouseholdInput,
    now: string,
  ): HouseholdTable {
    return {
      community_id: communityId,
      id,
      building_id: building.id,
      grid_id: building.grid_id,
      unit: input.unit,
      room: input.room,
      is_migrant: input.isMigrant ? 1 : 0,
      dibao_enc: this.cipher.encryptJson({ dibao: input.dibao }),
      dibao_token: dibaoToken(this.cipher, communityId, input.dibao),
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
      last_visited_on: null,
    };
  }

  private residentRow(
    communityId: string,
    id: string,
    household: { id: string; grid_id: string },
    input: Omit<ResidentInput, 'householdId'>,
    now: string,
  ): ResidentTable {
    const py = namePinyin(input.name);
    return {
      community_id: communityId,
      id,
      household_id: household.id,
      grid_id: household.grid_id,
      name: input.name,
      name_pinyin: py.full,
      name_initials: py.initials,
      gender: input.gender,
      birth_date: input.birthDate,
      phone: input.phone ?? null,
      relation_to_head: input.relationToHead,
      id_number_enc: null,
      id_number_token: null,
      id_number_masked: null,
      health_enc: null,
      disability_enc: null,
      ...this.encryptSensitive(communityId, input),
      note: input.note ?? null,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
  }

  private residentTags(communityId: string, groups: readonly SpecialGroup[]): string[] {
    return [...new Set(groups)].map((g) => groupTag(this.cipher, communityId, g));
  }

  // ---------------- bulk import (the Excel roster) ----------------

  /** Every building of the community, and whether the caller may add households to it. */
  async importBuildings(actor: Actor, grant: Grant) {
    const rows = await repo.buildingsOf(this.db, actor.communityId);
    return rows.map((b) => ({
      id: b.id,
      number: b.number,
      gridId: b.grid_id,
      inScope: inScope(actor, grant, { gridId: b.grid_id }),
    }));
  }

  /**
   * Which of these ID numbers some resident of the community already has (compared by blind token, never decrypted).
   */
  async registeredIdNumbers(actor: Actor, idNumbers: string[]): Promise<Set<string>> {
    const byToken = new Map(idNumbers.map((n) => [this.cipher.token(actor.communityId, 'id_number', n), n]));
    const found = await repo.existingIdNumberTokens(this.db, actor.communityId, [...byToken.keys()]);
    return new Set(found.map((t) => byToken.get(t)!));
  }

  /** Households already at these buildings. Dibao is given only to callers who may see it (null otherwise). */
  async householdsAt(actor: Actor, buildingIds: string[]) {
    const v = this.visibility(actor);
    const rows = await repo.householdsInBuildings(this.db, actor.communityId, buildingIds);
    return rows.map((h) => ({
      id: h.id,
      buildingId: h.building_id,
      gridId: h.grid_id,
      unit: h.unit,
      room: h.room,
      isMigrant: h.is_migrant === 1,
      dibao: v.sensitive ? h.dibao_token === v.dibaoTrue : null,
    }));
  }

  /**
   * Writes a checked roster in one transaction: new households, then residents with their tags, then one audit
   * entry. Rows are prepared by the same mappers as single adds and inserted in batches.
   */
  async importRoster(
    actor: Actor,
    grant: Grant,
    plan: RosterPlan,
    ctx: RequestContext,
    detail: Record<string, unknown>,
  ) {
    const communityId = actor.communityId;
    const now = new Date().toISOString();
    const households = new Map<string, HouseholdTable>();
    for (const h of plan.households) {
      // The plan comes from lookups, but writes are allowed here: check scope again.
      assertInScope(actor, grant, { gridId: h.building.gridId });
      households.set(
        h.ref,
        this.householdRow(communityId, uuidv7(), { id: h.building.id, grid_id: h.building.gridId }, h.input, now),
      );
    }
    const residents: ResidentTable[] = [];
    const tags: ResidentTagTable[] = [];
    for (const r of plan.residents) {
      const h =
        'ref' in r.household ? households.get(r.household.ref) : { id: r.household.id, grid_id: r.household.gridId };
      if (!h) throw new Error(`roster plan names an unknown household ${JSON.stringify(r.household)}`);
      assertInScope(actor, grant, { gridId: h.grid_id });
      const row = this.residentRow(communityId, uuidv7(), h, r.input, now);
      residents.push(row);
      for (const tag of this.residentTags(communityId, r.input.specialGroups))
        tags.push({ community_id: communityId, resident_id: row.id, tag });
    }
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.insertHouseholds(trx, [...households.values()]);
        await repo.insertResidents(trx, residents);
        await repo.insertTags(trx, tags);
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'registry.import',
          entityType: 'resident',
          detail: { ...detail, households: households.size, residents: residents.length },
        });
      });
    } catch (err) {
      // Someone added the same person or address between the check and the write.
      const e = uniqueToDuplicate(err);
      if (
        e === err &&
        /household_address_uq|household\.community_id, household\.building_id/.test(
          String((err as Error)?.message ?? ''),
        )
      ) {
        throw new AppError('conflict', { reason: 'household' });
      }
      throw e;
    }
    return { households: households.size, residents: residents.length };
  }

  // ---------------- exports ----------------

  /** A resident export: counted and written to the audit log before any row leaves, then streamed in batches. */
  async auditedResidentExport(actor: Actor, grant: Grant, q: Partial<ResidentQuery>, ctx: RequestContext) {
    const batches = this.residentExport(actor, grant, q);
    const rows = await repo.countResidents(this.db, this.residentFilter(actor, grant, q));
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'registry.export',
      entityType: 'resident',
      detail: { filter: definedOnly(q), rows },
    });
    return { rows, batches };
  }

  async auditedHouseholdExport(actor: Actor, grant: Grant, q: Partial<HouseholdQuery>, ctx: RequestContext) {
    const batches = this.householdExport(actor, grant, q);
    const rows = await repo.countHouseholds(this.db, this.householdFilter(actor, grant, q));
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'registry.export',
      entityType: 'household',
      detail: { filter: definedOnly(q), rows },
    });
    return { rows, batches };
  }

  async updateResident(actor: Actor, grant: Grant, id: string, patch: Partial<ResidentInput>, ctx: RequestContext) {
    const r = await this.residentInScope(actor, grant, id);
    const merged = { birthDate: patch.birthDate ?? r.birth_date, gender: patch.gender ?? r.gender };
    if (patch.idNumber) {
      const p = parseIdNumber(patch.idNumber);
      if (p.ok && p.id.birthDate !== merged.birthDate)
        throw new AppError('validation', {
          fields: [{ field: 'idNumber', message: 'invalid.idNumber.birthDateMismatch' }],
        });
      if (p.ok && p.id.gender !== merged.gender)
        throw new AppError('validation', {
          fields: [{ field: 'idNumber', message: 'invalid.idNumber.genderMismatch' }],
        });
    }
    await this.assertIdNumberFree(this.db, actor.communityId, patch.idNumber, id);
    const set: Partial<ResidentTable> = {
      updated_at: new Date().toISOString(),
      ...this.encryptSensitive(actor.communityId, patch),
    };
    if (patch.name !== undefined) {
      const py = namePinyin(patch.name);
      set.name = patch.name;
      set.name_pinyin = py.full;
      set.name_initials = py.initials;
    }
    if (patch.gender !== undefined) set.gender = patch.gender;
    if (patch.birthDate !== undefined) set.birth_date = patch.birthDate;
    if (patch.phone !== undefined) set.phone = patch.phone ?? null;
    if (patch.relationToHead !== undefined) set.relation_to_head = patch.relationToHead;
    if (patch.note !== undefined) set.note = patch.note ?? null;
    if (patch.householdId !== undefined && patch.householdId !== r.household_id) {
      const h = await repo.getHousehold(this.db, actor.communityId, patch.householdId);
      if (!h) throw new AppError('not_found', { entity: 'household' });
      assertInScope(actor, grant, { gridId: h.grid_id });
      set.household_id = h.id;
      set.grid_id = h.grid_id;
    }
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.updateResident(trx, actor.communityId, id, set);
        if (patch.specialGroups !== undefined) {
          // Without the right to see sensitive groups, a caller cannot have sent them: keep the ones already there.
          const keep = can(actor, 'registry.sensitive')
            ? []
            : (await repo.tagsOf(trx, actor.communityId, [id])).map((t) => t.tag).filter((t) => t.startsWith('t:'));
          await repo.replaceTags(trx, actor.communityId, id, [
            ...new Set([...keep, ...patch.specialGroups.map((g) => groupTag(this.cipher, actor.communityId, g))]),
          ]);
        }
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'resident.update',
          entityType: 'resident',
          entityId: id,
          detail: { fields: Object.keys(patch) },
        });
      });
    } catch (err) {
      throw uniqueToDuplicate(err);
    }
  }

  async addContact(
    actor: Actor,
    grant: Grant,
    residentId: string,
    input: { name: string; relation: string; phone: string; isPrimary: boolean },
    ctx: RequestContext,
  ) {
    await this.residentInScope(actor, grant, residentId);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (input.isPrimary) await repo.clearPrimaryContact(trx, actor.communityId, residentId);
      await repo.insertContact(trx, {
        community_id: actor.communityId,
        id,
        resident_id: residentId,
        name: input.name,
        relation: input.relation,
        phone: input.phone,
        is_primary: input.isPrimary ? 1 : 0,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'resident.contact_add',
        entityType: 'resident',
        entityId: residentId,
        detail: { contact: id, relation: input.relation },
      });
    });
    return { id };
  }

  async removeContact(actor: Actor, grant: Grant, residentId: string, contactId: string, ctx: RequestContext) {
    await this.residentInScope(actor, grant, residentId);
    const afterCommit = await this.db.transaction().execute(async (trx) => {
      const contact = (await repo.contactsOf(trx, actor.communityId, residentId)).find((c) => c.id === contactId);
      if (!contact || !(await repo.deleteContact(trx, actor.communityId, residentId, contactId)))
        throw new AppError('not_found', { entity: 'contact' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'resident.contact_remove',
        entityType: 'resident',
        entityId: residentId,
        detail: { contact: contactId },
      });
      const after: Array<() => void> = [];
      for (const hook of this.contactRemovedHooks) {
        const f = await hook(trx, actor, ctx, contact);
        if (f) after.push(f);
      }
      return after;
    });
    for (const f of afterCommit) f();
  }

  async addConsent(actor: Actor, grant: Grant, residentId: string, input: ConsentGiven, ctx: RequestContext) {
    await this.residentInScope(actor, grant, residentId);
    const id = await this.db.transaction().execute((trx) => this.recordConsent(trx, actor, ctx, residentId, input));
    return { id };
  }

  /**
   * Records a consent, audited, in the caller's transaction (addConsent; the badges area when a badge is issued). The
   * caller has checked the resident.
   */
  async recordConsent(
    trx: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    residentId: string,
    input: ConsentGiven,
  ): Promise<string> {
    const id = uuidv7();
    await repo.insertConsent(trx, {
      community_id: actor.communityId,
      id,
      resident_id: residentId,
      purpose: input.purpose,
      given_by_name: input.givenByName,
      given_by_relation: input.givenByRelation,
      given_at: input.givenAt ? new Date(input.givenAt).toISOString() : new Date().toISOString(),
      withdrawn_at: null,
      recorded_by: actor.accountId,
      note: input.note ?? null,
    });
    await this.audit.recordBy(trx, actor, ctx, {
      action: 'resident.consent_add',
      entityType: 'resident',
      entityId: residentId,
      detail: { consent: id, purpose: input.purpose },
    });
    return id;
  }

  /** The consents of a resident for a purpose that have not been withdrawn, oldest first. */
  async liveConsents(
    db: DbOrTrx,
    communityId: string,
    residentId: string,
    purpose: string,
  ): Promise<ConsentRecordTable[]> {
    return (await repo.consentsOf(db, communityId, residentId)).filter(
      (c) => c.purpose === purpose && c.withdrawn_at === null,
    );
  }

  /**
   * A resident moved out or died: no longer active (lists, suggestions and counts leave them out), the record kept.
   * The other areas react in the same transaction (a love badge stops). Marking one who already left is refused.
   */
  async residentLeft(
    actor: Actor,
    grant: Grant,
    id: string,
    input: { status: ResidentLeftStatus; note?: string | null },
    ctx: RequestContext,
  ) {
    await this.residentInScope(actor, grant, id);
    const afterCommit = await this.db.transaction().execute(async (trx) => {
      const r = await repo.getResident(trx, actor.communityId, id);
      if (!r || r.status !== 'active') throw new AppError('not_found', { entity: 'resident' });
      const now = new Date().toISOString();
      await repo.updateResident(trx, actor.communityId, id, { status: input.status, updated_at: now });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'resident.left',
        entityType: 'resident',
        entityId: id,
        detail: { status: input.status, note: input.note ?? null },
      });
      const after: Array<() => void> = [];
      for (const hook of this.residentLeftHooks) {
        const f = await hook(trx, actor, ctx, { ...r, status: input.status }, input.status);
        if (f) after.push(f);
      }
      return after;
    });
    for (const f of afterCommit) f();
  }

  async withdrawConsent(actor: Actor, grant: Grant, residentId: string, consentId: string, ctx: RequestContext) {
    await this.residentInScope(actor, grant, residentId);
    const afterCommit = await this.db.transaction().execute(async (trx) => {
      if (!(await repo.withdrawConsent(trx, actor.communityId, residentId, consentId, new Date().toISOString())))
        throw new AppError('not_found', { entity: 'consent' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'resident.consent_withdraw',
        entityType: 'resident',
        entityId: residentId,
        detail: { consent: consentId },
      });
      const consent = (await repo.consentsOf(trx, actor.communityId, residentId)).find((c) => c.id === consentId)!;
      const after: Array<() => void> = [];
      for (const hook of this.consentWithdrawnHooks) {
        const f = await hook(trx, actor, ctx, consent);
        if (f) after.push(f);
      }
      return after;
    });
    for (const f of afterCommit) f();
  }
}

function definedOnly(q: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A unique-index race on the ID number token becomes the same clear error as the pre-check. */
function uniqueToDuplicate(err: unknown): unknown {
  const msg = String((err as Error)?.message ?? '');
  if (/resident_id_number_uq|resident\.community_id, resident\.id_number_token/.test(msg)) {
    return new AppError('duplicate_id_number', { fields: [{ field: 'idNumber', message: 'duplicate_id_number' }] });
  }
  return err;
}
