// Units and organisations in the area (驻区单位, 社会组织). A unit coordinator sees their own unit only.
import { pageOfRows } from '../../../../domain/shared/schemas.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { UnitTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { FederationInput, FederationPatch, UnitInput, UnitPatch } from '../../../../domain/volunteers/units.ts';
import { maskPhone } from '../../../../domain/shared/phone.ts';
import { can } from '../../platform/access.ts';
import * as repo from './units.repository.ts';

type UnitRow = Awaited<ReturnType<typeof repo.listUnits>>[number];
const toItem = (u: UnitRow) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  address: u.address,
  contactName: u.contact_name,
  contactPhone: u.contact_phone,
  volunteers: Number(u.volunteers ?? 0),
  teams: Number(u.teams ?? 0),
});

type FederationRow = Awaited<ReturnType<typeof repo.listFederation>>[number];
/** The contact's phone whole for those who manage the federation, masked for those who only read it. */
const toFederationItem = (u: FederationRow, wholePhone: boolean) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  registrationNo: u.registration_no ?? null,
  address: u.address,
  contactName: u.contact_name,
  contactPhone: wholePhone ? u.contact_phone : maskPhone(u.contact_phone),
  services: u.services ?? null,
  joinedOn: u.joined_on ?? null,
  status: u.federation_status ?? 'active',
  volunteers: Number(u.volunteers ?? 0),
  teams: Number(u.teams ?? 0),
});

/** A member of the federation is kept by those who manage the federation (the admin), not by units.manage alone. */
function assertFederationKeeper(actor: Actor, u: { federation_status?: string | null }) {
  if (u.federation_status && !can(actor, 'org.manage'))
    throw new AppError('forbidden', { role: actor.role, permission: 'org.manage' });
}

export class UnitsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /** A unit-scoped reader is bound to their unit; other scopes read the list of units (not personal data). */
  private assertUnit(actor: Actor, grant: Grant, unitId: string) {
    if (grant.scope === 'community' || grant.scope === 'team') return;
    if (grant.scope === 'unit' && actor.unitId === unitId) return;
    throw new AppError('out_of_scope', { scope: grant.scope });
  }

  async list(actor: Actor, grant: Grant) {
    const only = grant.scope === 'unit' ? (actor.unitId ?? '\u0000none') : null;
    return (await repo.listUnits(this.db, actor.communityId, only)).map(toItem);
  }

  async get(actor: Actor, grant: Grant, id: string) {
    const [u] = await repo.listUnits(this.db, actor.communityId, id);
    if (!u) throw new AppError('not_found', { entity: 'unit' });
    this.assertUnit(actor, grant, id);
    return toItem(u);
  }

  /** A page of a unit's volunteers; `q` finds one by name or phone. */
  async volunteers(actor: Actor, grant: Grant, id: string, f: { q?: string; page: number; pageSize: number }) {
    const q = f.q?.trim();
    const all = (await this.allVolunteers(actor, grant, id)).filter(
      (v) => !q || v.name.includes(q) || v.phone.includes(q),
    );
    return pageOfRows(all, f.page, f.pageSize);
  }

  private async allVolunteers(actor: Actor, grant: Grant, id: string) {
    if (!(await repo.findUnit(this.db, actor.communityId, id))) throw new AppError('not_found', { entity: 'unit' });
    this.assertUnit(actor, grant, id);
    const today = todayInShanghai();
    const rows = await repo.unitVolunteers(
      this.db,
      actor.communityId,
      id,
      grant.scope === 'team' ? (actor.teamId ?? '\u0000none') : null,
    );
    return rows.map((v) => ({
      id: v.id,
      name: v.name,
      gender: v.gender,
      age: ageOn(v.birth_date, today),
      phone: v.phone,
      status: v.status,
    }));
  }

  async create(actor: Actor, input: UnitInput, ctx: RequestContext) {
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (await repo.findUnitByName(trx, actor.communityId, input.name))
        throw new AppError('conflict', {
          reason: input.name,
          fields: [{ field: 'name', message: 'invalid.nameTaken' }],
        });
      await repo.insertUnit(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        kind: input.kind,
        address: input.address ?? null,
        contact_name: input.contactName ?? null,
        contact_phone: input.contactPhone ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        detail: { name: input.name, kind: input.kind },
      });
    });
    return { id };
  }

  async update(actor: Actor, id: string, patch: UnitPatch, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const u = await repo.findUnit(trx, actor.communityId, id);
      if (!u) throw new AppError('not_found', { entity: 'unit' });
      assertFederationKeeper(actor, u);
      if (patch.name) {
        const clash = await repo.findUnitByName(trx, actor.communityId, patch.name);
        if (clash && clash.id !== id)
          throw new AppError('conflict', {
            reason: patch.name,
            fields: [{ field: 'name', message: 'invalid.nameTaken' }],
          });
      }
      const set: Partial<UnitTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.kind !== undefined) set.kind = patch.kind;
      if (patch.address !== undefined) set.address = patch.address ?? null;
      if (patch.contactName !== undefined) set.contact_name = patch.contactName ?? null;
      if (patch.contactPhone !== undefined) set.contact_phone = patch.contactPhone ?? null;
      if (Object.keys(set).length) await repo.updateUnit(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  async remove(actor: Actor, id: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const u = await repo.findUnit(trx, actor.communityId, id);
      if (!u) throw new AppError('not_found', { entity: 'unit' });
      assertFederationKeeper(actor, u);
      const d = await repo.dependents(trx, actor.communityId, id);
      if (d.volunteers || d.teams)
        throw new AppError('has_dependents', { entity: 'unit', dependents: d.volunteers ? 'volunteer' : 'team' });
      await repo.deleteUnit(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'unit.delete',
        entityType: 'unit',
        entityId: id,
        detail: { name: u.name },
      });
    });
  }

  // ---------------- the federation of social organisations (社会组织联合会) ----------------

  async federation(actor: Actor) {
    const whole = can(actor, 'org.manage');
    return (await repo.listFederation(this.db, actor.communityId, null)).map((u) => toFederationItem(u, whole));
  }

  async joinFederation(actor: Actor, input: FederationInput, ctx: RequestContext) {
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.assertNameFree(trx, actor.communityId, input.name, null);
      await repo.insertUnit(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        kind: input.kind,
        address: input.address ?? null,
        contact_name: input.contactName ?? null,
        contact_phone: input.contactPhone ?? null,
        registration_no: input.registrationNo ?? null,
        services: input.services ?? null,
        joined_on: input.joinedOn,
        federation_status: input.status,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'federation.create',
        entityType: 'unit',
        entityId: id,
        detail: { name: input.name, kind: input.kind },
      });
    });
    return { id };
  }

  async updateFederation(actor: Actor, id: string, patch: FederationPatch, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const [u] = await repo.listFederation(trx, actor.communityId, id);
      if (!u) throw new AppError('not_found', { entity: 'federation_member' });
      if (patch.name) await this.assertNameFree(trx, actor.communityId, patch.name, id);
      const set: Partial<UnitTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.kind !== undefined) set.kind = patch.kind;
      if (patch.address !== undefined) set.address = patch.address ?? null;
      if (patch.contactName !== undefined) set.contact_name = patch.contactName ?? null;
      if (patch.contactPhone !== undefined) set.contact_phone = patch.contactPhone ?? null;
      if (patch.registrationNo !== undefined) set.registration_no = patch.registrationNo ?? null;
      if (patch.services !== undefined) set.services = patch.services ?? null;
      if (patch.joinedOn !== undefined) set.joined_on = patch.joinedOn;
      if (patch.status !== undefined) set.federation_status = patch.status;
      if (Object.keys(set).length) await repo.updateUnit(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'federation.update',
        entityType: 'unit',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  /** A member removed outright (entered by mistake): as a unit, only without volunteers or teams. */
  async removeFederation(actor: Actor, id: string, ctx: RequestContext) {
    const [u] = await repo.listFederation(this.db, actor.communityId, id);
    if (!u) throw new AppError('not_found', { entity: 'federation_member' });
    await this.remove(actor, id, ctx);
  }

  private async assertNameFree(db: DbOrTrx, communityId: string, name: string, self: string | null) {
    const clash = await repo.findUnitByName(db, communityId, name);
    if (clash && clash.id !== self)
      throw new AppError('conflict', { reason: name, fields: [{ field: 'name', message: 'invalid.nameTaken' }] });
  }
}
