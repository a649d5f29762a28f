// The needs loop, the volunteer's side (我的任务): the needs they are matched to, each answered — accepted, or
// declined with a reason (back to matching; staff are told) — and reported done with the minutes it took. Done
// writes, in one transaction, the move, a pending entry in the hours ledger and a contact in the record of service.
// What a volunteer sees of the resident: name, address and the need; the phone only once they accepted an open
// need (PIPL: the least that lets the work be done).
import type { Db } from '../../db/database.ts';
import type { NeedTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { minuteToHhmm } from '../../../../domain/volunteers/service-schemas.ts';
import { CATEGORY_LABELS, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import type { NeedAnswer, NeedDone, NeedStatus } from '../../../../domain/needs/needs.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { NeedNotices } from './need-notices.ts';
import { answerOf, type NeedsService } from './needs.service.ts';
import * as repo from './needs.repository.ts';

/** Done needs stay on the list this long (to rate, to see the hours go through). */
const DONE_SHOWN_DAYS = 14;

export interface MyNeedView {
  id: string;
  category: SkillCategory;
  description: string;
  urgency: string;
  status: NeedStatus;
  answer: NeedAnswer | null;
  preferredDate: string | null;
  preferredStart: string | null;
  preferredEnd: string | null;
  place: string | null;
  residentName: string;
  address: string;
  /** Only once accepted and while the need is open. */
  residentPhone: string | null;
  matchedAt: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  minutes: number | null;
}

const hhmm = (m: number | null) => (m === null ? null : minuteToHhmm(m));

export class VolunteerNeedsService {
  constructor(
    private readonly db: Db,
    private readonly needs: NeedsService,
    private readonly notices: NeedNotices,
    private readonly hours: HoursService,
    private readonly directory: VolunteerDirectory,
    private readonly residents: ResidentDirectory,
  ) {}

  private async me(actor: Actor) {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    return v;
  }

  /** My need, or 404 (someone else's need is not told apart from none). */
  private async mine(actor: Actor, id: string) {
    const me = await this.me(actor);
    const n = await repo.getNeed(this.db, actor.communityId, id);
    if (!n || n.volunteer_id !== me.id) throw new AppError('not_found', { entity: 'need' });
    return { me, n };
  }

  private async view(n: NeedTable): Promise<MyNeedView> {
    const r = await this.residents.get(n.community_id, n.resident_id);
    const open = n.status === 'matched' || n.status === 'scheduled' || n.status === 'in_progress';
    const phone = n.accepted_at && open ? await this.residents.contactPhone(n.community_id, n.resident_id) : null;
    return {
      id: n.id,
      category: n.category as SkillCategory,
      description: n.description,
      urgency: n.urgency,
      status: n.status as NeedStatus,
      answer: answerOf(n),
      preferredDate: n.preferred_date,
      preferredStart: hhmm(n.preferred_start),
      preferredEnd: hhmm(n.preferred_end),
      place: n.place,
      residentName: r?.name ?? '',
      address: r?.address ?? '',
      residentPhone: phone,
      matchedAt: n.matched_at,
      acceptedAt: n.accepted_at,
      doneAt: n.done_at,
      minutes: n.minutes,
    };
  }

  /** My needs: open ones first (waiting for my answer first of all), then those done lately. */
  async list(actor: Actor): Promise<MyNeedView[]> {
    const me = await this.directory.self(actor);
    if (!me) return [];
    const since = new Date(Date.now() - DONE_SHOWN_DAYS * 86_400_000).toISOString();
    const rows = await repo.needsOfVolunteer(this.db, actor.communityId, me.id, since);
    return Promise.all(rows.map((n) => this.view(n)));
  }

  async get(actor: Actor, id: string): Promise<MyNeedView> {
    return this.view((await this.mine(actor, id)).n);
  }

  /** Yes: the need is scheduled (at the resident's time, if they gave one) and the resident is told who comes. */
  async accept(actor: Actor, id: string, ctx: RequestContext): Promise<MyNeedView> {
    const { me, n } = await this.mine(actor, id);
    if (n.accepted_at) return this.view(n); // tapped twice: already yes
    const scheduledFor =
      n.preferred_date && n.preferred_start !== null ? `${n.preferred_date}T${minuteToHhmm(n.preferred_start)}` : null;
    const stay = n.status !== 'matched';
    await this.needs.apply(
      actor,
      ctx,
      n,
      stay ? (n.status as NeedStatus) : 'scheduled',
      { accepted_at: new Date().toISOString(), ...(!stay && { scheduled_for: scheduledFor }) },
      'accepted',
      me.id,
      { stay, action: 'need.accept', then: (trx) => this.notices.coming(trx, n, me.id) },
    );
    return this.get(actor, id);
  }

  /** No, and why: the need goes back to matching (new), staff are told, and the volunteer's load drops. */
  async decline(actor: Actor, id: string, reason: string, ctx: RequestContext): Promise<void> {
    const { me, n } = await this.mine(actor, id);
    if (n.status !== 'matched' && n.status !== 'scheduled')
      throw new AppError('bad_transition', { from: n.status, to: 'new' });
    const now = new Date().toISOString();
    await this.needs.apply(
      actor,
      ctx,
      n,
      'new',
      {
        volunteer_id: null,
        matched_at: null,
        scheduled_for: null,
        accepted_at: null,
        declined_at: now,
        declined_by: me.id,
        decline_reason: reason,
      },
      reason,
      me.id,
      { action: 'need.decline', then: (trx) => this.notices.declined(trx, n, me.id, reason) },
    );
  }

  /**
   * Done, with the minutes it took: in one transaction the need is done, a pending hours entry (source 'need',
   * verified by staff as every entry is) and a contact of kind 'need' are written. Only an accepted need, on or
   * after its day; a second report is refused (the need is no longer open).
   */
  async done(actor: Actor, id: string, input: NeedDone, ctx: RequestContext): Promise<MyNeedView> {
    const { me, n } = await this.mine(actor, id);
    if (n.status === 'done' || n.status === 'reviewed')
      throw new AppError('bad_transition', { from: n.status, to: 'done' });
    if (!n.accepted_at) throw new AppError('need_not_accepted', {});
    const today = todayInShanghai();
    if (n.preferred_date && n.preferred_date > today)
      throw new AppError('need_not_started', { date: n.preferred_date });
    const now = new Date().toISOString();
    const category = CATEGORY_LABELS[n.category as SkillCategory]?.zh ?? n.category;
    await this.needs.apply(
      actor,
      ctx,
      n,
      'done',
      { done_at: now, minutes: input.minutes },
      input.note?.trim() || null,
      me.id,
      {
        then: async (trx) => {
          await this.hours.recordService(trx, {
            communityId: n.community_id,
            volunteerId: me.id,
            source: 'need',
            sourceId: n.id,
            serviceDate: today,
            minutes: input.minutes,
            description: `需求服务 · ${category}`,
            recordedBy: actor.accountId ? { accountId: actor.accountId, name: actor.name } : null,
          });
          await this.needs.recordContact(trx, n, me.id, now);
        },
      },
    );
    return this.get(actor, id);
  }
}
