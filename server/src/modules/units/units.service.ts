// Units and organisations in the area (驻区单位, 社会组织). A unit coordinator sees their own unit only.
import { pageOfRows } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { UnitTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { UnitInput, UnitPatch } from '../../../../domain/volunteers/units.ts';
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
      if (!(await repo.findUnit(trx, actor.communityId, id))) throw new AppError('not_found', { entity: 'unit' });
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
}
