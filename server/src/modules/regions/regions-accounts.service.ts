// The office accounts of a region: an office (街道/区/市) adds a colleague or the admin of an office under it, sees
// them, and takes a role away. A new account has no password: it signs in with a text code, and is told by text.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { maskPhone } from '../../../../domain/shared/phone.ts';
import { ROLE_LABELS } from '../../../../domain/access/roles.ts';
import {
  ROLE_OF_REGION,
  type OfficeAccountInput,
  type OfficeAccountView,
} from '../../../../domain/regions/accounts.ts';
import { grantRegionRole } from './regions-directory.ts';
import { viewTree, type ViewNode } from './regions-scope.ts';
import * as repo from './regions-accounts.repository.ts';

type RegionKind = keyof typeof ROLE_OF_REGION;
interface RegionNode {
  id: string;
  kind: RegionKind;
  name: string;
}

/** The regions (not communities) of the actor's tree: its own and every one under it. */
function regionsOf(tree: ViewNode): RegionNode[] {
  const out: RegionNode[] = [];
  const walk = (n: ViewNode) => {
    if (n.kind === 'community' || n.kind === 'grid') return;
    out.push({ id: n.id, kind: n.kind, name: n.name });
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

export class RegionAccountsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  private async regions(actor: Actor): Promise<RegionNode[]> {
    return actor.regionId ? regionsOf(await viewTree(this.db, actor)) : [];
  }

  /** The regions the actor may add accounts to, and the accounts of all of them. */
  async list(actor: Actor): Promise<{ regions: RegionNode[]; accounts: OfficeAccountView[] }> {
    const regions = await this.regions(actor);
    const rows = await repo.listOfficeAccounts(
      this.db,
      regions.map((r) => r.id),
    );
    const order = new Map(regions.map((r, i) => [r.id, i]));
    return {
      regions,
      accounts: rows
        .sort((a, b) => order.get(a.region_id)! - order.get(b.region_id)!)
        .map((r) => ({
          id: r.id,
          name: r.name,
          phone: maskPhone(r.phone),
          role: r.role as OfficeAccountView['role'],
          title: r.title,
          region: { id: r.region_id, kind: r.region_kind as RegionKind, name: r.region_name },
          createdAt: r.created_at,
          self: r.account_id === actor.accountId,
        })),
    };
  }

  async add(actor: Actor, input: OfficeAccountInput, ctx: RequestContext): Promise<{ id: string; created: boolean }> {
    const region = (await this.regions(actor)).find((r) => r.id === input.regionId);
    if (!region) throw new AppError('not_found', { entity: 'region' });
    const role = ROLE_OF_REGION[region.kind];
    return this.db.transaction().execute(async (trx) => {
      let account = await repo.findAccountByPhone(trx, input.phone);
      const created = !account;
      if (!account) {
        account = { id: uuidv7(), name: input.name };
        await repo.insertAccount(trx, {
          id: account.id,
          phone: input.phone,
          name: input.name,
          created_at: new Date().toISOString(),
        });
      } else if (await repo.membershipIn(trx, region.id, account.id))
        throw new AppError('office_account_exists', { region: region.name });
      await grantRegionRole(trx, account.id, region.id, role, input.title ?? null);
      const membership = (await repo.membershipIn(trx, region.id, account.id))!;
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: input.phone,
        accountId: account.id,
        communityId: actor.communityId,
        template: 'regions.office_granted',
        payload: { region: region.name, role: ROLE_LABELS[role].zh, by: actor.name },
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'regions.account_add',
        entityType: 'account',
        entityId: account.id,
        detail: { region: region.id, role, created },
      });
      return { id: membership.id, created };
    });
  }

  async remove(actor: Actor, membershipId: string, ctx: RequestContext): Promise<void> {
    const regions = await this.regions(actor);
    const m = await repo.findMembership(this.db, membershipId);
    if (!m || !regions.some((r) => r.id === m.region_id)) throw new AppError('not_found', { entity: 'office_account' });
    // An office never locks itself out: another office of the region (or above it) takes its role away.
    if (m.account_id === actor.accountId) throw new AppError('office_account_self', {});
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.deleteMembership(trx, m.id))) throw new AppError('not_found', { entity: 'office_account' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'regions.account_remove',
        entityType: 'account',
        entityId: m.account_id,
        detail: { region: m.region_id, role: m.role },
      });
    });
  }
}
