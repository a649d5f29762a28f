// Swaps of 4:30 classroom rota days (换班). A tutor on the rota of a session still to come (today's or later, not
// closed) offers their day; other volunteers see the open offers (not their own, not sessions they are already on)
// and one takes it. The taker passes the one eligibility gate with the same work as being put on the rota; then in
// one transaction the offer closes by one conditional update (so of two takers at once exactly one wins), the
// offerer's rota row is removed and the taker's added, and the offerer, the taker and the classroom's staff are
// told through the outbox. Offering, taking and withdrawing are audited. With the rota row, the right to check
// children in on that day moves too (attendance reads the rota).
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { ClassroomSessionTable } from '../../db/schema/classroom.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { MyRotaView, RotaSwapOfferView, RotaTakenView } from '../../../../domain/classroom/rota-swap.ts';
import { rotaWork } from '../../../../domain/classroom/rules.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { VolunteerDirectory, VolunteerOwner } from '../volunteers/volunteer-directory.ts';
import { staffPhones } from '../auth/staff-directory.ts';
import * as repo from './classroom.repository.ts';
import * as swaps from './rota-swap.repository.ts';

export class RotaSwapService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly notifier: Notifier,
    private readonly eligibility: EligibilityService,
  ) {}

  private async me(actor: Actor): Promise<VolunteerOwner> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    return v;
  }

  /** A session still to come or today's, not closed: its rota can still change hands. */
  private static open(s: ClassroomSessionTable) {
    if (s.closed_at || s.date < todayInShanghai()) throw new AppError('rota_swap_past', { date: s.date });
  }

  /** The one gate, with the same work as being put on the rota (rotaWork, as ClassroomService.gateRota). */
  private gate(db: DbOrTrx, actor: Actor, ctx: RequestContext, s: ClassroomSessionTable, volunteerId: string) {
    return this.eligibility.gate(db, actor, ctx, {
      work: rotaWork(s),
      volunteerIds: [volunteerId],
      entityType: 'classroom_session',
      entityId: s.id,
    });
  }

  /** My rota days from today on with my offers, and my days others took. */
  async mine(actor: Actor): Promise<MyRotaView> {
    const v = await this.directory.self(actor);
    if (!v) return { days: [], taken: [] };
    const today = todayInShanghai();
    const [days, offers] = await Promise.all([
      repo.rotaDaysOf(this.db, actor.communityId, v.id, today),
      swaps.offersBy(this.db, actor.communityId, v.id, today),
    ]);
    return {
      days: days
        .filter((s) => !s.closed_at)
        .map((s) => {
          const o = offers.find((x) => x.session_id === s.id && x.status === 'open');
          return {
            sessionId: s.id,
            date: s.date,
            starts: s.starts,
            ends: s.ends,
            place: s.place,
            offer: o ? { id: o.id, status: 'open' as const } : null,
          };
        }),
      taken: offers
        .filter((o) => o.status === 'taken')
        .map((o) => ({ id: o.id, date: o.date, takenByName: o.taken_by_name ?? '', closedAt: o.closed_at ?? '' })),
    };
  }

  /** Offers my day on a session's rota; offering again returns the open offer. */
  async offer(actor: Actor, sessionId: string, note: string | undefined, ctx: RequestContext) {
    const v = await this.me(actor);
    return this.db.transaction().execute(async (trx) => {
      await this.audit.lockChain(trx, actor.communityId);
      const s = await repo.getSession(trx, actor.communityId, sessionId);
      if (!s) throw new AppError('not_found', { entity: 'classroom_session' });
      RotaSwapService.open(s);
      if (!(await repo.onRota(trx, actor.communityId, s.id, v.id)))
        throw new AppError('rota_swap_not_on_rota', { date: s.date });
      const open = await swaps.openSwapOf(trx, actor.communityId, s.id, v.id);
      if (open) return { id: open.id };
      const id = uuidv7();
      await swaps.insertSwap(trx, {
        community_id: actor.communityId,
        id,
        session_id: s.id,
        offered_by: v.id,
        status: 'open',
        note: note || null,
        created_at: new Date().toISOString(),
        taken_by: null,
        closed_at: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.rota_swap.offer',
        entityType: 'classroom_rota_swap',
        entityId: id,
        detail: { sessionId: s.id, date: s.date },
      });
      return { id };
    });
  }

  /** Takes back my open offer (the day stays mine). */
  async withdraw(actor: Actor, swapId: string, ctx: RequestContext) {
    const v = await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      await this.audit.lockChain(trx, actor.communityId);
      const w = await swaps.getSwap(trx, actor.communityId, swapId);
      if (!w || w.offered_by !== v.id) throw new AppError('not_found', { entity: 'classroom_rota_swap' });
      if (!(await swaps.closeSwap(trx, actor.communityId, w.id, 'withdrawn', { closed_at: new Date().toISOString() })))
        throw new AppError('swap_not_open', {});
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.rota_swap.withdraw',
        entityType: 'classroom_rota_swap',
        entityId: w.id,
        detail: { sessionId: w.session_id },
      });
    });
  }

  /** Open offers of others for sessions to come, leaving out sessions I am already on. */
  async openOffers(actor: Actor): Promise<RotaSwapOfferView[]> {
    const v = await this.directory.self(actor);
    if (!v) return [];
    const today = todayInShanghai();
    const [rows, mine] = await Promise.all([
      swaps.openSwaps(this.db, actor.communityId, today),
      repo.rotaDaysOf(this.db, actor.communityId, v.id, today),
    ]);
    const on = new Set(mine.map((s) => s.id));
    return rows
      .filter((r) => r.offered_by !== v.id && !on.has(r.session_id))
      .map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        date: r.date,
        starts: r.starts,
        ends: r.ends,
        place: r.place,
        offeredByName: r.offered_by_name,
        note: r.note,
        createdAt: r.created_at,
      }));
  }

  /**
   * Takes an offered rota day: in one transaction the gate (as being put on the rota), the offer closed by one
   * conditional update (exactly one taker can), the offerer's rota row replaced by the taker's, and all told.
   */
  async take(actor: Actor, swapId: string, ctx: RequestContext): Promise<RotaTakenView> {
    const v = await this.me(actor);
    const w = await swaps.getSwap(this.db, actor.communityId, swapId);
    if (!w) throw new AppError('not_found', { entity: 'classroom_rota_swap' });
    if (w.offered_by === v.id) throw new AppError('swap_own', {});
    if (w.status !== 'open') throw new AppError('swap_not_open', {});
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.audit.lockChain(trx, actor.communityId);
        const s = (await repo.getSession(trx, actor.communityId, w.session_id))!;
        RotaSwapService.open(s);
        if (await repo.onRota(trx, actor.communityId, s.id, v.id))
          throw new AppError('rota_swap_already_on', { date: s.date });
        await this.gate(trx, actor, ctx, s, v.id);
        const at = new Date().toISOString();
        if (!(await swaps.closeSwap(trx, actor.communityId, w.id, 'taken', { taken_by: v.id, closed_at: at })))
          throw new AppError('swap_not_open', {});
        // The offerer must still be on the rota (staff may have changed it since the offer).
        const offerer = (await repo.rotaOf(trx, actor.communityId, [s.id])).find(
          (r) => r.volunteer_id === w.offered_by,
        );
        if (!offerer || !(await swaps.removeFromRota(trx, actor.communityId, s.id, w.offered_by)))
          throw new AppError('swap_not_open', {});
        await repo.insertRota(trx, actor.communityId, s.id, [v.id]);
        const taker = (await repo.rotaOf(trx, actor.communityId, [s.id])).find((r) => r.volunteer_id === v.id)!;
        const payload = {
          date: s.date,
          time: `${s.starts}–${s.ends}`,
          place: s.place,
          from: offerer.name,
          to: taker.name,
          sessionId: s.id,
        };
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: offerer.phone,
          template: 'classroom.rotaSwapOfferer',
          payload: { ...payload, name: offerer.name },
        });
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: taker.phone,
          template: 'classroom.rotaSwapTaker',
          payload: { ...payload, name: taker.name },
        });
        // Whoever hears the classroom's staff notices (as 'classroom.notArrivedStaff' when nobody is on duty).
        for (const p of new Set((await staffPhones(trx, actor.communityId)).map((x) => x.phone)))
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: p,
            template: 'classroom.rotaSwapStaff',
            payload,
          });
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'classroom.rota_swap.take',
          entityType: 'classroom_rota_swap',
          entityId: w.id,
          detail: { sessionId: s.id, date: s.date, offeredBy: w.offered_by, takenBy: v.id },
        });
        return { sessionId: s.id, date: s.date };
      });
    } catch (err) {
      // The rota's primary key is the backstop for one row per tutor and session.
      if (!(err instanceof AppError) && repo.isUniqueViolation(err)) throw new AppError('swap_not_open', {});
      throw err;
    }
  }
}
