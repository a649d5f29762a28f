// Swaps of 4:30 classroom rota days (换班): a tutor offers their day on a session still to come, another volunteer
// takes it. Inputs and the views the server answers with and the phone reads.
import { z } from 'zod';

export const ROTA_SWAP_STATUSES = ['open', 'taken', 'withdrawn'] as const;
export type RotaSwapStatus = (typeof ROTA_SWAP_STATUSES)[number];

export const rotaOfferInput = z.object({ note: z.string().trim().max(200, 'invalid.tooLong').optional() });
export type RotaOfferInput = z.infer<typeof rotaOfferInput>;

/** One of my rota days from today on, with my offer of it if I made one. */
export const myRotaDayView = z.object({
  sessionId: z.string(),
  date: z.string(),
  starts: z.string(),
  ends: z.string(),
  place: z.string(),
  offer: z.object({ id: z.string(), status: z.enum(ROTA_SWAP_STATUSES) }).nullable(),
});
/** My rota days to come, and my days others took over (so I can see who has them now). */
export const myRotaView = z.object({
  days: z.array(myRotaDayView),
  taken: z.array(z.object({ id: z.string(), date: z.string(), takenByName: z.string(), closedAt: z.string() })),
});
export type MyRotaView = z.infer<typeof myRotaView>;

/** A rota day another tutor offers, as the phone lists it for those who might take it. */
export const rotaSwapOfferView = z.object({
  id: z.string(),
  sessionId: z.string(),
  date: z.string(),
  starts: z.string(),
  ends: z.string(),
  place: z.string(),
  offeredByName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type RotaSwapOfferView = z.infer<typeof rotaSwapOfferView>;

export const rotaOfferedView = z.object({ id: z.string() });
export const rotaTakenView = z.object({ sessionId: z.string(), date: z.string() });
export type RotaTakenView = z.infer<typeof rotaTakenView>;
