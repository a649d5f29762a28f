// Volunteers' self-service on their activity sign-ups: the answer to the day-before 还来吗？, their no-shows, and
// shift swaps (offer a place, take another's). Inputs and the views the server answers with and the web reads.
import { z } from 'zod';

export const ANSWERS = ['coming', 'not_coming'] as const;
export type Answer = (typeof ANSWERS)[number];

export const answerInput = z.object({ answer: z.enum(ANSWERS, { error: 'selfservice.answer' }) });
export type AnswerInput = z.infer<typeof answerInput>;

export const offerInput = z.object({ note: z.string().trim().max(200, 'invalid.tooLong').optional() });

/** After an answer: a decline frees the place, and the first on the waitlist may have got it. */
export const answeredView = z.object({ answer: z.enum(ANSWERS), promoted: z.string().nullable() });

export const SWAP_STATUSES = ['open', 'taken', 'withdrawn'] as const;

/** What the phone shows beside each of my sign-ups: my answer, a no-show mark, and my offer if any. */
export const myStateView = z.object({
  answers: z.array(z.object({ signupId: z.string(), answer: z.enum(ANSWERS), answeredAt: z.string() })),
  noShows: z.array(z.object({ signupId: z.string(), markedAt: z.string() })),
  offers: z.array(
    z.object({
      id: z.string(),
      signupId: z.string(),
      status: z.enum(SWAP_STATUSES),
      takenByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type MyStateView = z.infer<typeof myStateView>;

/** A shift another volunteer offers, as the phone lists it for those who might take it. */
export const swapOfferView = z.object({
  id: z.string(),
  activityId: z.string(),
  title: z.string(),
  place: z.string(),
  shiftId: z.string(),
  shiftName: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  offeredByName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type SwapOfferView = z.infer<typeof swapOfferView>;

export const offeredView = z.object({ id: z.string() });
/** The taker's new sign-up (the offerer's place, moved to them). */
export const takenView = z.object({ signupId: z.string(), activityId: z.string(), title: z.string() });
export type TakenView = z.infer<typeof takenView>;
