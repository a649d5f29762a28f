// Projects (志愿者 + 项目 + 特色服务): a goal with targets, a budget and its spending, a period and a lead; the
// activities, needs, pairings and teams that serve it are linked through their modules' directories. The report
// counts what the linked work achieved within the period from the one record of service and the hours ledger.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { ProjectTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { SingleFlight } from '../../platform/single-flight.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { SPECIAL_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import type {
  LinkKind,
  ProjectDetail,
  ProjectInput,
  ProjectItem,
  ProjectPatch,
  ProjectReport,
  ProjectTarget,
  SpendingInput,
} from '../../../../domain/projects/schemas.ts';
import { activityBriefs } from '../activities/activity-directory.ts';
import { needBriefs } from '../needs/need-directory.ts';
import { pairingBriefs } from '../pairings/pairing-directory.ts';
import { teamBriefs } from '../teams/team-directory.ts';
import { tagDecoder } from '../registry/resident-directory.ts';
import * as repo from './projects.repository.ts';

type ProjectRow = Awaited<ReturnType<typeof repo.listProjects>>[number];

const BRIEFS: Record<
  LinkKind,
  (db: DbOrTrx, c: string, ids: readonly string[]) => Promise<Array<{ id: string; label: string }>>
> = {
  activity: activityBriefs,
  need: needBriefs,
  pairing: pairingBriefs,
  team: teamBriefs,
};

function targetsOf(json: string): ProjectTarget[] {
  try {
    const t = JSON.parse(json) as ProjectTarget[];
    return Array.isArray(t) ? t : [];
  } catch {
    return [];
  }
}

function toItem(p: ProjectTable & { spent_fen?: number | string | null; links?: number | string | null }): ProjectItem {
  return {
    id: p.id,
    name: p.name,
    goal: p.goal,
    targets: targetsOf(p.targets).map((t) => ({ metric: t.metric, group: t.group ?? null, target: t.target })),
    budgetFen: Number(p.budget_fen),
    spentFen: Number(p.spent_fen ?? 0),
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    leadName: p.lead_name,
    links: Number(p.links ?? 0),
    createdAt: p.created_at,
  };
}

export class ProjectsService {
  /** Staff opening the same report at the same moment share one count (a project linking much reads thousands). */
  private readonly reports = new SingleFlight<ProjectReport>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly cipher: FieldCipher,
  ) {}

  async list(actor: Actor): Promise<ProjectItem[]> {
    return (await repo.listProjects(this.db, actor.communityId)).map((p: ProjectRow) => toItem(p));
  }

  private async mustFind(db: DbOrTrx, actor: Actor, id: string) {
    const p = await repo.findProject(db, actor.communityId, id);
    if (!p) throw new AppError('not_found', { entity: 'project' });
    return p;
  }

  async detail(actor: Actor, id: string): Promise<ProjectDetail> {
    const p = await this.mustFind(this.db, actor, id);
    const [links, spending] = await Promise.all([
      repo.links(this.db, actor.communityId, id),
      repo.spending(this.db, actor.communityId, id),
    ]);
    const labels = new Map<string, string>();
    for (const kind of Object.keys(BRIEFS) as LinkKind[]) {
      const ids = links.filter((l) => l.kind === kind).map((l) => l.target_id);
      for (const b of await BRIEFS[kind](this.db, actor.communityId, ids)) labels.set(`${kind}:${b.id}`, b.label);
    }
    const spentFen = spending.reduce((s, r) => s + Number(r.amount_fen), 0);
    return {
      ...toItem({ ...p, spent_fen: spentFen, links: links.length }),
      links: links.map((l) => ({
        kind: l.kind as LinkKind,
        targetId: l.target_id,
        label: labels.get(`${l.kind}:${l.target_id}`) ?? '—',
      })),
      spending: spending.map((s) => ({
        id: s.id,
        spentOn: s.spent_on,
        item: s.item,
        amountFen: Number(s.amount_fen),
        note: s.note,
      })),
    };
  }

  private nameTaken(name: string) {
    return new AppError('conflict', { reason: name, fields: [{ field: 'name', message: 'invalid.nameTaken' }] });
  }

  async create(actor: Actor, input: ProjectInput, ctx: RequestContext) {
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (await repo.findProjectByName(trx, actor.communityId, input.name)) throw this.nameTaken(input.name);
      await repo.insertProject(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        goal: input.goal,
        targets: JSON.stringify(input.targets),
        budget_fen: input.budgetFen,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        lead_name: input.leadName,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.create',
        entityType: 'project',
        entityId: id,
        detail: { name: input.name, budgetFen: input.budgetFen },
      });
    });
    return { id };
  }

  async update(actor: Actor, id: string, patch: ProjectPatch, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const p = await this.mustFind(trx, actor, id);
      if (patch.name && patch.name !== p.name) {
        const clash = await repo.findProjectByName(trx, actor.communityId, patch.name);
        if (clash && clash.id !== id) throw this.nameTaken(patch.name);
      }
      const startsOn = patch.startsOn ?? p.starts_on;
      const endsOn = patch.endsOn ?? p.ends_on;
      if (endsOn < startsOn)
        throw new AppError('validation', { fields: [{ field: 'endsOn', message: 'invalid.endBeforeStart' }] });
      const set: Partial<ProjectTable> = { updated_at: new Date().toISOString() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.goal !== undefined) set.goal = patch.goal;
      if (patch.targets !== undefined) set.targets = JSON.stringify(patch.targets);
      if (patch.budgetFen !== undefined) set.budget_fen = patch.budgetFen;
      if (patch.startsOn !== undefined) set.starts_on = patch.startsOn;
      if (patch.endsOn !== undefined) set.ends_on = patch.endsOn;
      if (patch.leadName !== undefined) set.lead_name = patch.leadName;
      await repo.updateProject(trx, actor.communityId, id, set);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.update',
        entityType: 'project',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
  }

  async remove(actor: Actor, id: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const p = await this.mustFind(trx, actor, id);
      await repo.deleteProject(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.delete',
        entityType: 'project',
        entityId: id,
        detail: { name: p.name },
      });
    });
  }

  /** Links an activity, need, pairing or team of the same community; linking it again changes nothing. */
  async link(actor: Actor, id: string, kind: LinkKind, targetId: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await this.mustFind(trx, actor, id);
      const [found] = await BRIEFS[kind](trx, actor.communityId, [targetId]);
      if (!found) throw new AppError('not_found', { entity: kind });
      if (await repo.insertLink(trx, actor.communityId, id, kind, targetId))
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'project.link',
          entityType: 'project',
          entityId: id,
          detail: { kind, targetId },
        });
    });
  }

  async unlink(actor: Actor, id: string, kind: LinkKind, targetId: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await this.mustFind(trx, actor, id);
      if (!(await repo.deleteLink(trx, actor.communityId, id, kind, targetId)))
        throw new AppError('not_found', { entity: 'link' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.unlink',
        entityType: 'project',
        entityId: id,
        detail: { kind, targetId },
      });
    });
  }

  async addSpending(actor: Actor, id: string, input: SpendingInput, ctx: RequestContext) {
    const sid = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.mustFind(trx, actor, id);
      await repo.insertSpending(trx, {
        community_id: actor.communityId,
        id: sid,
        project_id: id,
        spent_on: input.spentOn,
        item: input.item,
        amount_fen: input.amountFen,
        note: input.note ?? null,
        created_by: actor.accountId,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.spend',
        entityType: 'project',
        entityId: id,
        detail: { item: input.item, amountFen: input.amountFen },
      });
    });
    return { id: sid };
  }

  async removeSpending(actor: Actor, id: string, spendingId: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      await this.mustFind(trx, actor, id);
      if (!(await repo.deleteSpending(trx, actor.communityId, id, spendingId)))
        throw new AppError('not_found', { entity: 'spending' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'project.spend_delete',
        entityType: 'project',
        entityId: id,
        detail: { spendingId },
      });
    });
  }

  /** What the project achieved within its period (or within `from`–`to` inside it). */
  async report(actor: Actor, id: string, range: { from?: string; to?: string } = {}): Promise<ProjectReport> {
    const p = await this.mustFind(this.db, actor, id);
    const from = range.from && range.from > p.starts_on ? range.from : p.starts_on;
    const to = range.to && range.to < p.ends_on ? range.to : p.ends_on;
    return this.reports.run(`${actor.communityId}:${id}:${from}:${to}`, () =>
      this.count(actor.communityId, p, from, to),
    );
  }

  private async count(
    c: string,
    p: Awaited<ReturnType<ProjectsService['mustFind']>>,
    from: string,
    to: string,
  ): Promise<ProjectReport> {
    const id = p.id;
    const [contacts, entries, spending] = await Promise.all([
      repo.projectContacts(this.db, c, id, from, to),
      repo.projectHourEntries(this.db, c, id, from, to),
      repo.spending(this.db, c, id),
    ]);
    const byKind = new Map<string, number>();
    const subjects = new Set<string>();
    for (const r of contacts) {
      byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
      subjects.add(r.subject_id);
    }
    // People served by special group: a contact counts for each group its resident belongs to.
    const residents = [...new Set(contacts.map((r) => r.resident_id).filter((x): x is string => !!x))];
    const decode = tagDecoder(this.cipher, c);
    const groupsOf = new Map<string, SpecialGroup[]>();
    for (const t of await repo.tagsOf(this.db, c, residents)) {
      const g = decode.get(t.tag);
      if (g) groupsOf.set(t.resident_id, [...(groupsOf.get(t.resident_id) ?? []), g]);
    }
    const groupServices = new Map<SpecialGroup, number>();
    const groupPeople = new Map<SpecialGroup, Set<string>>();
    for (const r of contacts)
      for (const g of (r.resident_id && groupsOf.get(r.resident_id)) || []) {
        groupServices.set(g, (groupServices.get(g) ?? 0) + 1);
        if (!groupPeople.has(g)) groupPeople.set(g, new Set());
        groupPeople.get(g)!.add(r.resident_id!);
      }
    let minutes = 0;
    let verifiedMinutes = 0;
    const volunteers = new Set<string>();
    for (const e of entries) {
      minutes += Number(e.minutes);
      if (e.status === 'verified') verifiedMinutes += Number(e.minutes);
      if (Number(e.minutes) > 0) volunteers.add(e.volunteer_id);
    }
    const achieved = (t: ProjectTarget) => {
      if (t.metric === 'hours') return Math.floor(minutes / 60);
      if (t.metric === 'services') return t.group ? (groupServices.get(t.group) ?? 0) : contacts.length;
      return t.group ? (groupPeople.get(t.group)?.size ?? 0) : subjects.size;
    };
    return {
      projectId: id,
      name: p.name,
      from,
      to,
      services: contacts.length,
      people: subjects.size,
      minutes,
      verifiedMinutes,
      volunteers: volunteers.size,
      byKind: [...byKind].map(([kind, services]) => ({ kind, services })).sort((a, b) => a.kind.localeCompare(b.kind)),
      byGroup: SPECIAL_GROUPS.filter((g) => groupServices.has(g)).map((g) => ({
        group: g,
        services: groupServices.get(g)!,
        people: groupPeople.get(g)!.size,
      })),
      targets: targetsOf(p.targets).map((t) => ({
        metric: t.metric,
        group: t.group ?? null,
        target: t.target,
        achieved: achieved(t),
      })),
      budgetFen: Number(p.budget_fen),
      spentFen: spending.reduce((s, r) => s + Number(r.amount_fen), 0),
    };
  }
}
