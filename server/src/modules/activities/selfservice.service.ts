// Volunteers' self-service on their activity sign-ups (what peers' users ask for most):
//
// - 还来吗？ The day-before reminder asks; the volunteer answers with one tap. "我会来" is recorded; "来不了"
//   cancels the sign-up and gives the place to the first on the waitlist at once (the same promotion a
//   cancellation uses), in one transaction with the answer.
// - No-shows: when check-in closes (at the shift's end) a confirmed sign-up without a check-in is marked. The
//   quarterly ranking counts the same sign-ups as no-shows (attendanceBetween: confirmed, ended, never checked
//   in), so a mark and the ranking cannot disagree; a later check-in by staff takes the mark back in both.
// - Swaps: a volunteer offers their confirmed place; another takes it. The taker passes the one eligibility gate;
//   the offer closes by one conditional update, so of two takers at once exactly one wins; the offerer's sign-up
//   is cancelled and the taker's made in the same transaction (the shift's count of places taken does not move);
//   the offerer, the taker and the organisers are told through the outbox.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { shanghaiLocal } from '../../../../domain/shared/dates.ts';
import { minuteText } from '../../../../domain/appointments/schedule.ts';
import type { Answer, MyStateView, SwapOfferView, TakenView } from '../../../../domain/selfservice/schemas.ts';
import type { CompanionRef } from '../../../../domain/activities/schemas.ts';
import type { VolunteerDirectory, VolunteerOwner } from '../volunteers/volunteer-directory.ts';
import type { ActivitiesService } from './activities.service.ts';
import * as repo from './activities.repository.ts';
import * as self from './selfservice.repository.ts';

const DAY_MS = 86400_000;

export class ActivitySelfService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly notifier: Notifier,
    private readonly activities: ActivitiesService,
  ) {}

  private async me(actor: Actor): Promise<VolunteerOwner> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    return v;
  }

  private static who(actor: Actor) {
    return { communityId: actor.communityId, accountId: actor.accountId, name: actor.name, role: actor.role };
  }

  // ------------------------------------------------------------------ 还来吗？

  /** The volunteer's answer to 还来吗？ for their own sign-up, before its shift starts. */
  async answer(actor: Actor, signupId: string, answer: Answer, ctx: RequestContext) {
    const v = await this.me(actor);
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      // Before any row lock, in the order sign-up batches take them (PostgreSQL deadlock otherwise).
      await this.audit.lockChain(trx, actor.communityId);
      const s = await repo.getSignup(trx, actor.communityId, signupId);
      if (!s || s.volunteer_id !== v.id) throw new AppError('not_found', { entity: 'signup' });
      const shift = (await repo.getShift(trx, actor.communityId, s.shift_id))!;
      const a = (await repo.getActivity(trx, actor.communityId, s.activity_id))!;
      if (Date.parse(shift.starts_at) <= now.getTime() || a.status !== 'published')
        throw new AppError('answer_closed', {});
      let promoted: string | null = null;
      if (answer === 'coming') {
        if (s.status !== 'confirmed') throw new AppError('not_signed_up', {});
      } else {
        if (!(await repo.cancelSignup(trx, actor.communityId, s.id, actor.accountId ?? actor.name, now.toISOString())))
          throw new AppError('not_signed_up', {});
        if (s.status === 'confirmed')
          promoted = await this.activities.freeAndPromote(trx, actor.communityId, s.shift_id, now);
        const offer = await self.openSwapOf(trx, actor.communityId, s.id);
        if (offer)
          await self.closeSwap(trx, actor.communityId, offer.id, 'withdrawn', { closed_at: now.toISOString() });
        await this.activities.releaseAccompanied(trx, actor.communityId, s.activity_id, v.id, now);
      }
      await self.upsertAnswer(trx, actor.communityId, s.id, answer, now.toISOString());
      await this.audit.recordBy(trx, ActivitySelfService.who(actor), ctx, {
        action: answer === 'coming' ? 'activities.signup.confirm' : 'activities.signup.decline',
        entityType: 'activity_signup',
        entityId: s.id,
        detail: { was: s.status, promoted },
      });
      return { answer, promoted };
    });
  }

  /** Beside my sign-ups of the last 30 days on: my answers, no-shows that stand, and my swap offers. */
  async myState(actor: Actor): Promise<MyStateView> {
    const v = await this.directory.self(actor);
    if (!v) return { answers: [], noShows: [], offers: [] };
    const since = new Date(Date.now() - 30 * DAY_MS).toISOString();
    const mine = await repo.signupsOfVolunteer(this.db, actor.communityId, v.id, since);
    const [answers, noShows, offers] = await Promise.all([
      self.answersOf(
        this.db,
        actor.communityId,
        mine.map((s) => s.id),
      ),
      self.noShowsOf(this.db, actor.communityId, v.id, since),
      self.offersBy(this.db, actor.communityId, v.id, since),
    ]);
    return {
      answers: answers.map((r) => ({ signupId: r.signup_id, answer: r.answer as Answer, answeredAt: r.answered_at })),
      noShows: noShows.map((r) => ({ signupId: r.signup_id, markedAt: r.marked_at })),
      offers: offers.map((r) => ({
        id: r.id,
        signupId: r.signup_id,
        status: r.status as 'open' | 'taken' | 'withdrawn',
        takenByName: r.taken_by_name ?? null,
        createdAt: r.created_at,
      })),
    };
  }

  // ------------------------------------------------------------------ no-shows

  /** The job: check-in has closed (the shift ended) on a confirmed sign-up nobody checked in: a no-show. */
  async markNoShows(now = new Date()): Promise<number> {
    const rows = await self.dueNoShows(this.db, now.toISOString());
    await self.insertNoShows(
      this.db,
      rows.map((r) => ({
        community_id: r.community_id,
        signup_id: r.id,
        volunteer_id: r.volunteer_id,
        shift_ends_at: r.ends_at,
        marked_at: now.toISOString(),
      })),
    );
    return rows.length;
  }

  // ------------------------------------------------------------------ swaps

  /** Offers my confirmed place on a shift not yet started; offering again returns the open offer. */
  async offer(actor: Actor, signupId: string, note: string | undefined, ctx: RequestContext) {
    const v = await this.me(actor);
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      await this.audit.lockChain(trx, actor.communityId);
      const s = await repo.getSignup(trx, actor.communityId, signupId);
      if (!s || s.volunteer_id !== v.id) throw new AppError('not_found', { entity: 'signup' });
      if (s.status !== 'confirmed' || s.checked_in_at) throw new AppError('not_signed_up', {});
      const shift = (await repo.getShift(trx, actor.communityId, s.shift_id))!;
      const a = (await repo.getActivity(trx, actor.communityId, s.activity_id))!;
      if (a.status !== 'published' || Date.parse(shift.starts_at) <= now.getTime())
        throw new AppError('signup_closed', { title: a.title });
      const open = await self.openSwapOf(trx, actor.communityId, s.id);
      if (open) return { id: open.id };
      const id = uuidv7();
      await self.insertSwap(trx, {
        community_id: actor.communityId,
        id,
        signup_id: s.id,
        activity_id: s.activity_id,
        shift_id: s.shift_id,
        offered_by: v.id,
        status: 'open',
        note: note || null,
        created_at: now.toISOString(),
        taken_by: null,
        taken_signup_id: null,
        closed_at: null,
      });
      await this.audit.recordBy(trx, ActivitySelfService.who(actor), ctx, {
        action: 'activities.swap.offer',
        entityType: 'activity_swap',
        entityId: id,
        detail: { signupId: s.id, activityId: s.activity_id, shiftId: s.shift_id },
      });
      return { id };
    });
  }

  /** Takes back my open offer (my place stays mine). */
  async withdraw(actor: Actor, swapId: string, ctx: RequestContext) {
    const v = await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      await this.audit.lockChain(trx, actor.communityId);
      const w = await self.getSwap(trx, actor.communityId, swapId);
      if (!w || w.offered_by !== v.id) throw new AppError('not_found', { entity: 'swap' });
      if (!(await self.closeSwap(trx, actor.communityId, w.id, 'withdrawn', { closed_at: new Date().toISOString() })))
        throw new AppError('swap_not_open', {});
      await this.audit.recordBy(trx, ActivitySelfService.who(actor), ctx, {
        action: 'activities.swap.withdraw',
        entityType: 'activity_swap',
        entityId: w.id,
      });
    });
  }

  /** Open offers of others for shifts ahead, leaving out activities I am already signed up for. */
  async openOffers(actor: Actor): Promise<SwapOfferView[]> {
    const v = await this.directory.self(actor);
    if (!v) return [];
    const rows = (await self.openSwaps(this.db, actor.communityId, new Date().toISOString())).filter(
      (r) => r.offered_by !== v.id,
    );
    const mine = new Set(
      (await repo.myLiveSignups(this.db, actor.communityId, v.id, [...new Set(rows.map((r) => r.activity_id))])).map(
        (m) => m.activity_id,
      ),
    );
    return rows
      .filter((r) => !mine.has(r.activity_id))
      .map((r) => ({
        id: r.id,
        activityId: r.activity_id,
        title: r.title,
        place: r.place,
        shiftId: r.shift_id,
        shiftName: r.shift_name,
        shiftStart: r.starts_at,
        shiftEnd: r.ends_at,
        offeredByName: r.offered_by_name,
        note: r.note,
        createdAt: r.created_at,
      }));
  }

  /**
   * Takes an offered shift: the gate first (outside the transaction, as sign-up does), then in one transaction the
   * offer closes (exactly one taker can), the offerer's sign-up is cancelled and the taker's made on the same
   * place, and all three parties are told.
   */
  async take(
    actor: Actor,
    swapId: string,
    ctx: RequestContext,
    companion: CompanionRef | null = null,
  ): Promise<TakenView> {
    const v = await this.me(actor);
    const w = await self.getSwap(this.db, actor.communityId, swapId);
    if (!w) throw new AppError('not_found', { entity: 'swap' });
    if (w.offered_by === v.id) throw new AppError('swap_own', {});
    if (w.status !== 'open') throw new AppError('swap_not_open', {});
    const now = new Date();
    const { a, shift } = await this.activities.openShift(actor.communityId, w.activity_id, w.shift_id, now);
    await this.activities.assertEligible(a, shift, [v], new Map([[v.id, companion]]));
    const takenId = uuidv7();
    const at = new Date().toISOString();
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.audit.lockChain(trx, actor.communityId);
        if (
          !(await self.closeSwap(trx, actor.communityId, w.id, 'taken', {
            taken_by: v.id,
            taken_signup_id: takenId,
            closed_at: at,
          }))
        )
          throw new AppError('swap_not_open', {});
        const s = await repo.getSignup(trx, actor.communityId, w.signup_id);
        if (!s || s.status !== 'confirmed' || s.checked_in_at) throw new AppError('swap_not_open', {});
        if (await repo.liveSignupOf(trx, actor.communityId, a.id, v.id))
          throw new AppError('already_signed_up', { name: v.name, title: a.title });
        // A minor's adult may be the one giving up the place (and, under the lock, must still hold one).
        const keep = this.activities.companionToKeep(a, shift, v, companion);
        if (keep?.kind === 'volunteer' && keep.id === s.volunteer_id)
          throw new AppError('junior_adult_invalid', { name: v.name, title: a.title });
        await this.activities.assertCompanionPlaced(trx, a, shift, v, keep);
        if (!(await repo.cancelSignup(trx, actor.communityId, s.id, `swap:${v.name}`, at)))
          throw new AppError('swap_not_open', {});
        // The place moves from the offerer to the taker: the shift's count of places taken stays as it is.
        await repo.insertSignup(trx, {
          community_id: actor.communityId,
          id: takenId,
          activity_id: a.id,
          shift_id: shift.id,
          volunteer_id: v.id,
          status: 'confirmed',
          channel: 'swap',
          signed_up_by: actor.accountId,
          created_at: at,
          companion_resident_id: keep?.kind === 'family' ? keep.id : null,
          companion_volunteer_id: keep?.kind === 'volunteer' ? keep.id : null,
        });
        // The offerer may have been a child's accompanying adult: the child is not left unaccompanied.
        const unaccompanied = await this.activities.releaseAccompanied(
          trx,
          actor.communityId,
          a.id,
          s.volunteer_id,
          new Date(at),
        );
        const from = (await repo.signupView(trx, actor.communityId, s.id))!;
        const to = (await repo.signupView(trx, actor.communityId, takenId))!;
        const l = shanghaiLocal(shift.starts_at);
        const payload = {
          title: a.title,
          shift: shift.name,
          date: l.date,
          time: minuteText(l.minute),
          place: a.place,
          from: from.volunteer_name,
          to: to.volunteer_name,
        };
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: from.volunteer_phone,
          template: 'activities.swap_taken_offerer',
          payload: { ...payload, name: from.volunteer_name },
        });
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: to.volunteer_phone,
          template: 'activities.swap_taken_taker',
          payload: { ...payload, name: to.volunteer_name, signupId: takenId },
        });
        for (const phone of await self.organiserPhones(trx, actor.communityId, a))
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: phone,
            template: 'activities.swap_taken_organiser',
            payload: { ...payload, activityId: a.id },
          });
        await this.audit.recordBy(trx, ActivitySelfService.who(actor), ctx, {
          action: 'activities.swap.take',
          entityType: 'activity_swap',
          entityId: w.id,
          detail: {
            fromSignup: s.id,
            toSignup: takenId,
            offeredBy: w.offered_by,
            takenBy: v.id,
            ...(keep && { companion: keep }),
            ...(unaccompanied.length && { unaccompanied }),
          },
        });
        return { signupId: takenId, activityId: a.id, title: a.title };
      });
    } catch (err) {
      // The unique index is the backstop for one live sign-up per volunteer and activity.
      if (!(err instanceof AppError) && repo.isUniqueViolation(err))
        throw new AppError('already_signed_up', { name: v.name, title: a.title });
      throw err;
    }
  }
}
