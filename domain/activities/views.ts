// What the activities API answers: activities with their shifts, sign-ups, templates, the check-in code and
// the calendar feed's address. The server's response schemas and the web's types, in one place.
import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, SIGNUP_STATUSES } from './schemas.ts';

export const shiftView = z.object({
  id: z.string(),
  name: z.string(),
  /** HH:MM in Shanghai. */
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number(),
  taken: z.number(),
  waiting: z.number(),
});
export type ShiftView = z.infer<typeof shiftView>;

export const activityView = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  toleranceM: z.number().nullable(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  serviceTypeId: z.string().nullable(),
  organiserTeamId: z.string().nullable(),
  organiserTeamName: z.string().nullable(),
  organiserUnitId: z.string().nullable(),
  organiserUnitName: z.string().nullable(),
  seriesId: z.string().nullable(),
  templateKey: z.string().nullable(),
  audienceCount: z.number().nullable(),
  posterId: z.string().nullable(),
  /** 小小志愿者活动: minors sign up with an accompanying adult. */
  juniorVolunteers: z.boolean(),
  shifts: z.array(shiftView),
});
export type ActivityView = z.infer<typeof activityView>;

export const programmeItemView = z.object({ title: z.string(), genre: z.string(), performers: z.string() });
export const activityDetailView = activityView.extend({
  /** The asker runs this activity (the office, or the leader of the organising team): edit, copy, cancel, the
   * check-in screens and the residents served are theirs; a team leader at another team's activity only signs up
   * and checks in their own members. */
  youRun: z.boolean(),
  programme: z.array(programmeItemView),
  photoIds: z.array(z.string()),
});
export type ActivityDetailView = z.infer<typeof activityDetailView>;

const liveStatus = z.enum(['confirmed', 'waitlisted']);
/** An activity on the volunteer's phone, with their own sign-up if they have one. */
export const openActivityView = activityView.extend({
  /** The activity's first shift has begun (computed on the server at the time of asking). */
  started: z.boolean(),
  /** Each shift says whether it still takes sign-ups: not once it has started. */
  shifts: z.array(shiftView.extend({ signUpOpen: z.boolean() })),
  mine: z.object({ signupId: z.string(), shiftId: z.string(), status: liveStatus }).nullable(),
});
export type OpenActivityView = z.infer<typeof openActivityView>;

export const signupView = z.object({
  id: z.string(),
  activityId: z.string(),
  title: z.string(),
  place: z.string(),
  activityStatus: z.string(),
  shiftId: z.string(),
  shiftName: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  channel: z.string(),
  createdAt: z.string(),
  promotedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkinMethod: z.string().nullable(),
  checkinDistanceM: z.number().nullable(),
  checkedOutAt: z.string().nullable(),
  checkoutMethod: z.string().nullable(),
  minutes: z.number().nullable(),
  reviewReason: z.string().nullable(),
  hoursEntryId: z.string().nullable(),
  /** 小小志愿者: the minor's accompanying adult (a family member or a volunteer on the shift). */
  companionName: z.string().nullable(),
  companionKind: z.enum(['family', 'volunteer']).nullable(),
});
export type SignupView = z.infer<typeof signupView>;

/** Whom a minor may pick as the accompanying adult on a 小小志愿者 activity (names masked on the phone). */
export const companionChoiceView = z.object({
  kind: z.enum(['family', 'volunteer']),
  id: z.string(),
  name: z.string(),
  /** Family: the relation to the head of household as the registry has it. */
  relation: z.string().nullable(),
});
export type CompanionChoiceView = z.infer<typeof companionChoiceView>;

/** A sign-up just made: a place, or the waitlist when the shift is full. */
export const placedView = z.object({ id: z.string(), volunteerId: z.string(), name: z.string(), status: liveStatus });
export type PlacedView = z.infer<typeof placedView>;
/** A sign-up cancelled; the first on the waitlist who got the place, if any. */
export const cancelledView = z.object({ promoted: z.string().nullable() });

export const seriesView = z.object({
  id: z.string(),
  rule: z.string(),
  startDate: z.string(),
  untilDate: z.string().nullable(),
  title: z.string(),
  generatedTo: z.string(),
});
export type SeriesView = z.infer<typeof seriesView>;
export const seriesCreatedView = z.object({ id: z.string(), made: z.number() });

export const templateView = z.object({
  key: z.string(),
  source: z.enum(['festival', 'solar_term']),
  date: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  description: z.string(),
  shifts: z.array(z.object({ name: z.string(), start: z.string(), end: z.string(), places: z.number() })),
});
export type TemplateView = z.infer<typeof templateView>;

export const showsView = z.object({
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  shows: z.number(),
  audience: z.number(),
});
export type ShowsView = z.infer<typeof showsView>;

/** The check-in code the staff screen shows, the address its QR opens, and when it stops being accepted. */
export const codeView = z.object({
  code: z.string(),
  path: z.string(),
  qrSvg: z.string(),
  title: z.string(),
  stepSeconds: z.number(),
  refreshAt: z.string(),
  expiresAt: z.string(),
});
export type CodeView = z.infer<typeof codeView>;

export const checkinInfoView = z.object({
  activityId: z.string(),
  title: z.string(),
  place: z.string(),
  date: z.string(),
  signup: signupView.nullable(),
});
export type CheckinInfoView = z.infer<typeof checkinInfoView>;

// The feed's full address is built on the server's public address (the page's own origin may be an internal one).
export const feedPathView = z.object({ path: z.string(), url: z.string() });
export const createdView = z.object({ id: z.string() });

/** A place the picker offers: one earlier activities used (with its map point, if any) or a building's address. */
export const placeView = z.object({
  name: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  source: z.enum(['activity', 'building']),
  uses: z.number(),
});
export type PlaceView = z.infer<typeof placeView>;
