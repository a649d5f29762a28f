// Selections (评选): 好家风 (good family), 美德少年 (virtuous youth), 最美社区人 (best neighbour). Staff open one with
// a nomination window and a voting window; residents nominate on the phone, staff accept nominees onto the ballot;
// each resident account votes once; results are computed at close and published by staff as the community's honours.
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';

export const SELECTION_KINDS = ['good_family', 'virtuous_youth', 'best_neighbour'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export const SELECTION_KIND_LABELS: Record<SelectionKind, { zh: string; en: string }> = {
  good_family: { zh: '好家风', en: 'Good family' },
  virtuous_youth: { zh: '美德少年', en: 'Virtuous youth' },
  best_neighbour: { zh: '最美社区人', en: 'Best neighbour' },
};
export const SELECTION_STATUSES = ['open', 'closed', 'published'] as const;

const text = (max: number) => z.string().trim().min(1, 'invalid.required').max(max, 'invalid.tooLong');
const localDate = z.string().refine(isRealDate, 'invalid.date');

export const selectionInput = z
  .object({
    kind: z.enum(SELECTION_KINDS),
    title: text(60),
    nominateFrom: localDate,
    nominateTo: localDate,
    voteFrom: localDate,
    voteTo: localDate,
    places: z
      .number({ error: 'invalid.number' })
      .int('invalid.integer')
      .min(1, 'invalid.number')
      .max(100, 'invalid.number'),
  })
  .superRefine((s, ctx) => {
    if (s.nominateTo < s.nominateFrom)
      ctx.addIssue({ code: 'custom', message: 'invalid.endBeforeStart', path: ['nominateTo'] });
    if (s.voteTo < s.voteFrom) ctx.addIssue({ code: 'custom', message: 'invalid.endBeforeStart', path: ['voteTo'] });
    if (s.voteFrom < s.nominateFrom)
      ctx.addIssue({ code: 'custom', message: 'invalid.endBeforeStart', path: ['voteFrom'] });
  });
export type SelectionInput = z.infer<typeof selectionInput>;

/** Staff nominate (onto the ballot at once); `minor` marks a child (美德少年 nominees always are). */
export const staffNomination = z.object({
  name: text(40),
  reason: text(500),
  residentId: z.string().uuid('invalid.id').nullish(),
  minor: z.boolean().default(false),
});
export type StaffNomination = z.infer<typeof staffNomination>;
/** A resident's nomination on the phone: a name and a reason; staff decide whether it goes on the ballot. */
export const residentNomination = z.object({ name: text(40), reason: text(500) });
export const nomineeDecision = z.object({ accept: z.boolean() });
export const guardianConsentInput = z.object({ guardianName: text(30), signedOn: localDate });
export const voteInput = z.object({ nomineeId: z.string().uuid('invalid.id') });

export const nomineeView = z.object({
  id: z.string(),
  name: z.string(),
  /** As the public sees it: a minor as surname + 同学. */
  publicName: z.string(),
  reason: z.string(),
  minor: z.boolean(),
  guardianConsent: z.boolean(),
  nominatedVia: z.enum(['staff', 'resident']),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  votes: z.number(),
  rank: z.number().nullable(),
  honoured: z.boolean(),
});
export type NomineeView = z.infer<typeof nomineeView>;

export const selectionItem = z.object({
  id: z.string(),
  kind: z.enum(SELECTION_KINDS),
  title: z.string(),
  nominateFrom: z.string(),
  nominateTo: z.string(),
  voteFrom: z.string(),
  voteTo: z.string(),
  places: z.number(),
  status: z.enum(SELECTION_STATUSES),
  nominees: z.number(),
  votes: z.number(),
  publishedAt: z.string().nullable(),
});
export type SelectionItem = z.infer<typeof selectionItem>;
export const selectionDetail = selectionItem.extend({ ballot: z.array(nomineeView) });
export type SelectionDetail = z.infer<typeof selectionDetail>;

/** What a resident sees on the phone: the ballot with public names and reasons, and their own vote. */
export const phoneSelection = z.object({
  id: z.string(),
  kind: z.enum(SELECTION_KINDS),
  title: z.string(),
  nominateFrom: z.string(),
  nominateTo: z.string(),
  voteFrom: z.string(),
  voteTo: z.string(),
  nominating: z.boolean(),
  voting: z.boolean(),
  myVote: z.string().nullable(),
  ballot: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
});
export type PhoneSelection = z.infer<typeof phoneSelection>;

/** The community's honours: names and the honour only, nothing personal. */
export const honour = z.object({
  selectionId: z.string(),
  kind: z.enum(SELECTION_KINDS),
  title: z.string(),
  honour: z.string(),
  name: z.string(),
  rank: z.number(),
  publishedOn: z.string(),
});
export type Honour = z.infer<typeof honour>;

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '尉迟',
  '公孙',
  '夏侯',
  '端木',
  '长孙',
  '宇文',
  '司徒',
  '轩辕',
  '西门',
  '独孤',
  '南宫',
  '申屠',
];
/** A minor as a public page names them: the surname and 同学 (欧阳文华 → 欧阳同学, 曾小红 → 曾同学). */
export function minorPublicName(name: string): string {
  const n = name.trim();
  const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? n.slice(0, 1);
  return `${surname}同学`;
}
