// The love supermarket (爱心超市): items bought with points, their stock, and what a redemption costs.
// Points are earned per verified credit hour (domain/hours/points.ts); this is where they are spent.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import type { PointsRule } from '../hours/points.ts';

export const itemInput = z.object({
  name: z.string().trim().min(1, 'invalid.required').max(40, 'invalid.tooLong'),
  pricePoints: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(1, 'points.priceInvalid')
    .max(100000, 'points.priceInvalid'),
  stock: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(0, 'points.stockInvalid')
    .max(100000, 'points.stockInvalid')
    .default(0),
  active: z.boolean().default(true),
});
export const itemPatch = z.object({
  name: itemInput.shape.name.optional(),
  pricePoints: itemInput.shape.pricePoints.optional(),
  active: z.boolean().optional(),
});
export const restockInput = z.object({
  quantity: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(1, 'points.quantityInvalid')
    .max(10000, 'points.quantityInvalid'),
  note: z.string().trim().max(100, 'invalid.tooLong').optional(),
});
export const redeemInput = z.object({
  volunteerId: uuid,
  lines: z
    .array(
      z.object({
        itemId: uuid,
        quantity: z
          .number({ error: 'invalid.number' })
          .int('invalid.integer')
          .min(1, 'points.quantityInvalid')
          .max(100, 'points.quantityInvalid'),
      }),
    )
    .min(1, 'points.nothingChosen')
    .max(30, 'invalid.tooMany'),
});
export type RedeemInput = z.infer<typeof redeemInput>;

export const itemView = z.object({
  id: z.string(),
  name: z.string(),
  pricePoints: z.number(),
  stock: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemView>;
export const redemptionView = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  points: z.number(),
  createdAt: z.string(),
  handledByName: z.string(),
  lines: z.array(z.object({ itemId: z.string(), name: z.string(), quantity: z.number(), pricePoints: z.number() })),
});
export type RedemptionView = z.infer<typeof redemptionView>;
export const pointsTxnView = z.object({
  id: z.string(),
  kind: z.enum(['earn', 'reverse', 'redeem']),
  points: z.number(),
  shortfall: z.number(),
  serviceDate: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const pointsAccountView = z.object({
  volunteerId: z.string(),
  name: z.string(),
  balance: z.number(),
  earned: z.number(),
  debt: z.number(),
  rule: z.object({ pointsPerHour: z.number(), dailyCap: z.number().nullable(), totalCap: z.number().nullable() }),
  history: z.array(pointsTxnView),
  redemptions: z.array(redemptionView),
});
export type PointsAccountView = z.infer<typeof pointsAccountView>;

/** Whole points one service date is worth under the rule's rate and daily cap (the total cap is applied apart). */
export function dayPoints(minutes: number, rule: PointsRule): number {
  if (minutes <= 0) return 0;
  const uncapped = Math.floor((minutes * rule.pointsPerHour) / 60 + 1e-9);
  return rule.dailyCap === null ? uncapped : Math.min(uncapped, rule.dailyCap);
}

/**
 * The new points of one day after its verified minutes changed. `earnedElsewhere` is what the volunteer's
 * other days hold, so the total cap never lets the whole exceed it. Never below zero.
 */
export function reconcileDay(dayMinutes: number, earnedElsewhere: number, rule: PointsRule): number {
  const target = dayPoints(dayMinutes, rule);
  if (rule.totalCap === null) return target;
  return Math.max(0, Math.min(target, rule.totalCap - earnedElsewhere));
}

/**
 * How a change of a day's points moves the volunteer's balance. Points already spent cannot be taken back:
 * a reversal takes what the balance holds and records the rest as a debt, which later earnings repay before
 * the balance grows again. So a balance is never negative, and nothing spent is undone at the counter.
 */
export function settle(
  delta: number,
  balance: number,
  debt: number,
): { credit: number; take: number; repaid: number; shortfall: number } {
  if (delta >= 0) {
    const repaid = Math.min(debt, delta);
    return { credit: delta - repaid, take: 0, repaid, shortfall: 0 };
  }
  const take = Math.min(balance, -delta);
  return { credit: 0, take, repaid: 0, shortfall: -delta - take };
}

/** The total price of a basket, with each line's price as the item has it now. */
export function basketPrice(lines: readonly { quantity: number; pricePoints: number }[]): number {
  return lines.reduce((s, l) => s + l.quantity * l.pricePoints, 0);
}

/** The love supermarket's shelf as a volunteer sees it: what is on offer, whether it is in, and what they can take. */
export const shelfView = z.object({
  balance: z.number(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      pricePoints: z.number(),
      inStock: z.boolean(),
      /** In stock and within the volunteer's balance now. */
      affordable: z.boolean(),
    }),
  ),
});
export type ShelfView = z.infer<typeof shelfView>;

/** Which shelf items a balance can take now: cheapest first, out-of-stock ones last; one page of them. */
export function shelfOf(
  { page, pageSize }: { page: number; pageSize: number },
  balance: number,
  items: ReadonlyArray<{ id: string; name: string; pricePoints: number; stock: number }>,
) {
  const all = items
    .map((i) => ({
      id: i.id,
      name: i.name,
      pricePoints: i.pricePoints,
      inStock: i.stock > 0,
      affordable: i.stock > 0 && i.pricePoints <= balance,
    }))
    .sort(
      (a, b) => Number(b.inStock) - Number(a.inStock) || a.pricePoints - b.pricePoints || (a.name < b.name ? -1 : 1),
    );
  return { balance, total: all.length, page, pageSize, items: all.slice((page - 1) * pageSize, page * pageSize) };
}
