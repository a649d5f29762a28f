// Points (嘉许回馈) and the love supermarket (爱心超市). Points are earned per verified credit hour under the
// community's rule (hours settings: rate, daily cap, total cap) inside the very transaction that verifies or
// corrects the hours, and spent at the love supermarket by a staff scan. Every movement is a double-entry
// transaction whose postings sum to zero (volunteer:<id>, community_pool, love_supermarket_stock); the balance
// row is changed only by conditional updates, so concurrent redemptions never overdraw it.
//
// A correction that lowers verified minutes reverses the points earned on them. Points already spent at the
// supermarket cannot be taken back from the shelf: the reversal takes what the balance holds and records the
// rest as a debt, which later earnings repay first (domain/records/supermarket.ts settle()). The balance is
// never negative and the shortfall is on record, not forgotten.
import type { Db, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { authorize } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { assertBalanced, volunteerAccount, type Posting } from '../../../../domain/hours/points.ts';
import {
  basketPrice,
  reconcileDay,
  settle,
  shelfOf,
  type ItemView,
  type PointsAccountView,
  type RedeemInput,
  type RedemptionView,
  type ShelfView,
} from '../../../../domain/records/supermarket.ts';
import type { CreditChange, HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './points.repository.ts';

export class PointsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly hours: HoursService,
  ) {}

  // ------------------------------------------------------------------------------------------ earning

  /** The hours ledger's listener: runs inside the transaction that verified or corrected the entries. */
  readonly onCreditChange = async (trx: Trx, changes: CreditChange[]): Promise<void> => {
    // Per volunteer and day; volunteers in a fixed order so two verifications lock balance rows alike.
    const groups = new Map<string, Map<string, { entryIds: string[]; minutes: number; communityId: string }>>();
    for (const c of changes) {
      const key = `${c.communityId}|${c.volunteerId}`;
      const days = groups.get(key) ?? new Map();
      const d = days.get(c.serviceDate) ?? { entryIds: [], minutes: 0, communityId: c.communityId };
      d.entryIds.push(c.entryId);
      d.minutes += c.minutesDelta;
      days.set(c.serviceDate, d);
      groups.set(key, days);
    }
    const now = new Date().toISOString();
    for (const key of [...groups.keys()].sort()) {
      const [communityId, volunteerId] = key.split('|') as [string, string];
      const rule = (await this.hours.settings(communityId, trx)).points;
      let bal = await repo.lockBalance(trx, communityId, volunteerId, now);
      for (const [date, d] of [...groups.get(key)!.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        if (d.minutes === 0) continue;
        const day = await repo.addDayMinutes(trx, communityId, volunteerId, date, d.minutes);
        const old = Number(day.points);
        const next = reconcileDay(Number(day.minutes), Number(bal.earned) - old, rule);
        if (next === old) continue;
        const delta = next - old;
        const s = settle(delta, Number(bal.balance), Number(bal.debt));
        await repo.setDayPoints(trx, communityId, volunteerId, date, next);
        const moved = delta > 0 ? s.credit : -s.take;
        const postings: Posting[] =
          moved === 0
            ? []
            : [
                { account: volunteerAccount(volunteerId), amount: moved },
                { account: 'community_pool', amount: -moved },
              ];
        assertBalanced(postings);
        const note =
          delta > 0 ? (s.repaid ? `repaid:${s.repaid}` : null) : s.shortfall ? `shortfall:${s.shortfall}` : null;
        await repo.insertTxn(
          trx,
          {
            community_id: communityId,
            id: uuidv7(),
            volunteer_id: volunteerId,
            kind: delta > 0 ? 'earn' : 'reverse',
            points: moved,
            shortfall: s.shortfall,
            service_date: date,
            entry_id: d.entryIds[d.entryIds.length - 1]!,
            redemption_id: null,
            note,
            created_by: null,
            created_at: now,
          },
          postings,
        );
        await repo.moveBalance(
          trx,
          communityId,
          volunteerId,
          { balance: moved, earned: delta, debt: s.shortfall - s.repaid },
          now,
        );
        bal = {
          ...bal,
          balance: Number(bal.balance) + moved,
          earned: Number(bal.earned) + delta,
          debt: Number(bal.debt) + s.shortfall - s.repaid,
        };
      }
    }
  };

  // ------------------------------------------------------------------------------------------ reading

  private async account(communityId: string, v: { id: string; name: string }): Promise<PointsAccountView> {
    const [bal, txns, reds, settings] = await Promise.all([
      repo.getBalance(this.db, communityId, v.id),
      repo.history(this.db, communityId, v.id, 100),
      this.redemptionsOf(communityId, { volunteerId: v.id }, 1, 50),
      this.hours.settings(communityId),
    ]);
    return {
      volunteerId: v.id,
      name: v.name,
      balance: Number(bal?.balance ?? 0),
      earned: Number(bal?.earned ?? 0),
      debt: Number(bal?.debt ?? 0),
      rule: settings.points,
      history: txns.map((t) => ({
        id: t.id,
        kind: t.kind as 'earn' | 'reverse' | 'redeem',
        points: Number(t.points),
        shortfall: Number(t.shortfall),
        serviceDate: t.service_date,
        note: t.note,
        createdAt: t.created_at,
      })),
      redemptions: reds.items,
    };
  }

  async mine(actor: Actor): Promise<PointsAccountView> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    return this.account(actor.communityId, v);
  }

  /** The shelf for the signed-in volunteer: items on offer, in stock or not, and which their balance can take. */
  async myShelf(actor: Actor, page: { page: number; pageSize: number }): Promise<ShelfView> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const [bal, items] = await Promise.all([
      repo.getBalance(this.db, actor.communityId, v.id),
      repo.listItems(this.db, actor.communityId, true),
    ]);
    return shelfOf(page, Number(bal?.balance ?? 0), items.map(toItemView));
  }

  async ofVolunteer(actor: Actor, volunteerId: string): Promise<PointsAccountView> {
    const grant = authorize(actor, 'points.manage');
    const v = await this.directory.inScope(actor, grant, volunteerId);
    return this.account(actor.communityId, v);
  }

  private async redemptionsOf(communityId: string, f: { volunteerId?: string }, page: number, pageSize: number) {
    const { items, lines, total } = await repo.redemptions(this.db, communityId, f, page, pageSize);
    const byId = new Map<string, RedemptionView['lines']>();
    for (const l of lines) {
      const list = byId.get(l.redemption_id) ?? [];
      list.push({
        itemId: l.item_id,
        name: l.item_name,
        quantity: Number(l.quantity),
        pricePoints: Number(l.price_points),
      });
      byId.set(l.redemption_id, list);
    }
    const views: RedemptionView[] = items.map((r) => ({
      id: r.id,
      volunteerId: r.volunteer_id,
      volunteerName: r.volunteer_name,
      points: Number(r.points),
      createdAt: r.created_at,
      handledByName: r.handled_by_name,
      lines: byId.get(r.id) ?? [],
    }));
    return { items: views, total, page, pageSize };
  }

  async redemptions(actor: Actor, f: { volunteerId?: string }, page: number, pageSize: number) {
    authorize(actor, 'points.manage');
    return this.redemptionsOf(actor.communityId, f, page, pageSize);
  }

  // ------------------------------------------------------------------------------------------ items

  async items(actor: Actor, activeOnly: boolean): Promise<ItemView[]> {
    authorize(actor, 'points.manage');
    return (await repo.listItems(this.db, actor.communityId, activeOnly)).map(toItemView);
  }

  async createItem(
    actor: Actor,
    input: { name: string; pricePoints: number; stock: number; active: boolean },
    ctx: RequestContext,
  ): Promise<ItemView> {
    authorize(actor, 'points.manage');
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertItem(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        price_points: input.pricePoints,
        stock: input.stock,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      if (input.stock > 0)
        await repo.insertStockMove(trx, {
          community_id: actor.communityId,
          id: uuidv7(),
          item_id: id,
          quantity: input.stock,
          reason: 'restock',
          redemption_id: null,
          note: null,
          created_by: actor.accountId,
          created_at: now,
        });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'points.item_create',
        entityType: 'supermarket_item',
        entityId: id,
        detail: { ...input },
      });
    });
    return toItemView((await repo.getItem(this.db, actor.communityId, id))!);
  }

  async updateItem(
    actor: Actor,
    id: string,
    patch: { name?: string; pricePoints?: number; active?: boolean },
    ctx: RequestContext,
  ): Promise<ItemView> {
    authorize(actor, 'points.manage');
    await this.db.transaction().execute(async (trx) => {
      const set: Parameters<typeof repo.updateItem>[3] = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.pricePoints !== undefined) set.price_points = patch.pricePoints;
      if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
      const r = await repo.updateItem(trx, actor.communityId, id, set, new Date().toISOString());
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('not_found', { entity: 'supermarket_item' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'points.item_update',
        entityType: 'supermarket_item',
        entityId: id,
        detail: { ...patch },
      });
    });
    return toItemView((await repo.getItem(this.db, actor.communityId, id))!);
  }

  async restock(
    actor: Actor,
    id: string,
    input: { quantity: number; note?: string },
    ctx: RequestContext,
  ): Promise<ItemView> {
    authorize(actor, 'points.manage');
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.moveStock(trx, actor.communityId, id, input.quantity, now)))
        throw new AppError('not_found', { entity: 'supermarket_item' });
      await repo.insertStockMove(trx, {
        community_id: actor.communityId,
        id: uuidv7(),
        item_id: id,
        quantity: input.quantity,
        reason: 'restock',
        redemption_id: null,
        note: input.note ?? null,
        created_by: actor.accountId,
        created_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'points.restock',
        entityType: 'supermarket_item',
        entityId: id,
        detail: { ...input },
      });
    });
    return toItemView((await repo.getItem(this.db, actor.communityId, id))!);
  }

  // ------------------------------------------------------------------------------------------ redeeming

  /**
   * Staff redeem a basket for a volunteer (found by scanning the card). All or nothing: beyond the balance or
   * beyond an item's stock, the transaction rolls back and nothing changes. Items are taken in id order so two
   * redemptions never lock rows in opposite orders.
   */
  async redeem(actor: Actor, input: RedeemInput, ctx: RequestContext): Promise<RedemptionView> {
    const grant = authorize(actor, 'points.manage');
    const v = await this.directory.inScope(actor, grant, input.volunteerId);
    const qty = new Map<string, number>();
    for (const l of input.lines) qty.set(l.itemId, (qty.get(l.itemId) ?? 0) + l.quantity);
    const ids = [...qty.keys()].sort();
    const id = uuidv7();
    const txnId = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const items = new Map((await repo.itemsByIds(trx, actor.communityId, ids)).map((i) => [i.id, i]));
      const problems = ids.flatMap((itemId, i) =>
        items.get(itemId)?.active ? [] : [{ field: `lines.${i}.itemId`, message: 'points.itemUnavailable' }],
      );
      if (problems.length) throw new AppError('validation', { fields: problems });
      const lines = ids.map((itemId) => ({
        item_id: itemId,
        item_name: items.get(itemId)!.name,
        quantity: qty.get(itemId)!,
        price_points: Number(items.get(itemId)!.price_points),
      }));
      const total = basketPrice(lines.map((l) => ({ quantity: l.quantity, pricePoints: l.price_points })));
      await repo.lockBalance(trx, actor.communityId, v.id, now);
      if (!(await repo.spend(trx, actor.communityId, v.id, total, now))) {
        const bal = await repo.getBalance(trx, actor.communityId, v.id);
        throw new AppError('insufficient_points', { balance: Number(bal?.balance ?? 0), needed: total });
      }
      for (const l of lines) {
        if (!(await repo.moveStock(trx, actor.communityId, l.item_id, -l.quantity, now))) {
          const item = await repo.getItem(trx, actor.communityId, l.item_id);
          throw new AppError('out_of_stock', {
            item: l.item_name,
            stock: Number(item?.stock ?? 0),
            wanted: l.quantity,
          });
        }
        await repo.insertStockMove(trx, {
          community_id: actor.communityId,
          id: uuidv7(),
          item_id: l.item_id,
          quantity: -l.quantity,
          reason: 'redeem',
          redemption_id: id,
          note: null,
          created_by: actor.accountId,
          created_at: now,
        });
      }
      const postings: Posting[] = [
        { account: volunteerAccount(v.id), amount: -total },
        { account: 'love_supermarket_stock', amount: total },
      ];
      assertBalanced(postings);
      await repo.insertTxn(
        trx,
        {
          community_id: actor.communityId,
          id: txnId,
          volunteer_id: v.id,
          kind: 'redeem',
          points: -total,
          shortfall: 0,
          service_date: null,
          entry_id: null,
          redemption_id: id,
          note: lines.map((l) => `${l.item_name}×${l.quantity}`).join('、'),
          created_by: actor.accountId,
          created_at: now,
        },
        postings,
      );
      await repo.insertRedemption(
        trx,
        {
          community_id: actor.communityId,
          id,
          volunteer_id: v.id,
          points: total,
          txn_id: txnId,
          handled_by: actor.accountId,
          handled_by_name: actor.name,
          created_at: now,
        },
        lines,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'points.redeem',
        entityType: 'volunteer',
        entityId: v.id,
        detail: {
          redemptionId: id,
          points: total,
          lines: lines.map((l) => ({ item: l.item_name, quantity: l.quantity })),
        },
      });
    });
    return (await this.redemptionsOf(actor.communityId, { volunteerId: v.id }, 1, 1)).items.find((r) => r.id === id)!;
  }

  // ------------------------------------------------------------------------------------------ indicators

  /** Read only, one grouped query: points earned per volunteer for service dates in [from, to], from the postings. */
  async earnedBetween(
    communityId: string,
    from: string,
    to: string,
    volunteerIds?: readonly string[],
  ): Promise<Map<string, number>> {
    return new Map(
      (await repo.earnedByVolunteer(this.db, communityId, from, to, volunteerIds)).map((r) => [
        r.volunteerId,
        r.points,
      ]),
    );
  }
}

function toItemView(i: {
  id: string;
  name: string;
  price_points: number;
  stock: number;
  active: number;
  updated_at: string;
}): ItemView {
  return {
    id: i.id,
    name: i.name,
    pricePoints: Number(i.price_points),
    stock: Number(i.stock),
    active: Number(i.active) === 1,
    updatedAt: i.updated_at,
  };
}
