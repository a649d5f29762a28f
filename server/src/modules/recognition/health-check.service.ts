// The yearly health check (体检) of commended volunteers: staff book one per volunteer and year (date, time, place)
// and record its result (done or did not attend, with a short note). The volunteer is told of each booking through
// the outbox and sees it on the phone. The note is encrypted at rest; reading the bookings with their notes and every
// write are audited. Only those commended in the year (an approved nomination in one of its quarters) can be booked.
import type { Db } from '../../db/database.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import type {
  HealthCheckBookInput,
  HealthCheckBookingView,
  HealthCheckResultInput,
  HealthCheckStatus,
  MyHealthCheckView,
} from '../../../../domain/recognition/health-check.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './health-check.repository.ts';
import { commendedInYear } from './recognition.repository.ts';

function requireCommunity(grant: Grant) {
  if (grant.scope !== 'community') throw new AppError('out_of_scope', { scope: grant.scope });
}

export class HealthCheckService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly cipher: FieldCipher,
    private readonly notifier: Notifier,
    private readonly directory: VolunteerDirectory,
  ) {}

  private view(r: repo.HealthCheckRow): HealthCheckBookingView {
    return {
      id: r.id,
      volunteerId: r.volunteer_id,
      volunteerName: r.volunteer_name,
      year: Number(r.year),
      date: r.check_date,
      time: r.check_time,
      place: r.place,
      status: r.status as HealthCheckStatus,
      note: r.note_enc ? this.cipher.decrypt(r.note_enc) : null,
      resultAt: r.result_at,
      bookedByName: r.booked_by_name,
      updatedAt: r.updated_at,
    };
  }

  /**
   * A page of the year's bookings with their results and notes (audited: the notes are health-related). A year has
   * as many as were commended in it (tens), so the page is cut from the year's rows.
   */
  async bookings(actor: Actor, grant: Grant, year: number, page: number, pageSize: number, ctx: RequestContext) {
    requireCommunity(grant);
    const all = await repo.ofYear(this.db, actor.communityId, year);
    const rows = all.slice((page - 1) * pageSize, page * pageSize);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'recognition.health_check_read',
      entityType: 'health_check',
      detail: { year, page, rows: rows.length },
    });
    return { year, items: rows.map((r) => this.view(r)), total: all.length, page, pageSize };
  }

  /** Books (or re-books, clearing an earlier result) a commended volunteer's check; the volunteer is told. */
  async book(actor: Actor, grant: Grant, volunteerId: string, input: HealthCheckBookInput, ctx: RequestContext) {
    requireCommunity(grant);
    const commended = (await commendedInYear(this.db, actor.communityId, input.year)).find(
      (r) => r.volunteer_id === volunteerId,
    );
    if (!commended)
      throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'healthCheck.notCommended' }] });
    const now = new Date().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const existing = await repo.ofVolunteerYear(trx, actor.communityId, volunteerId, input.year);
      const booking = {
        check_date: input.date,
        check_time: input.time ?? null,
        place: input.place,
        booked_by: actor.accountId,
        booked_by_name: actor.name,
        updated_at: now,
      };
      const bookingId = existing?.id ?? uuidv7();
      if (existing) await repo.rebook(trx, actor.communityId, existing.id, booking);
      else
        await repo.insert(trx, {
          community_id: actor.communityId,
          id: bookingId,
          volunteer_id: volunteerId,
          year: input.year,
          status: 'booked',
          note_enc: null,
          result_at: null,
          created_at: now,
          ...booking,
        });
      await this.audit.recordBy(trx, actor, ctx, {
        action: existing ? 'recognition.health_check_rebooked' : 'recognition.health_check_booked',
        entityType: 'health_check',
        entityId: bookingId,
        detail: { volunteerId, year: input.year, date: input.date, place: input.place },
      });
      if (commended.phone)
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: commended.phone,
          template: 'recognition.health_check_booked',
          payload: {
            name: commended.name,
            year: input.year,
            date: input.date,
            time: input.time ?? null,
            place: input.place,
          },
        });
      return bookingId;
    });
    return this.view((await repo.get(this.db, actor.communityId, id))!);
  }

  /** Records whether the check took place, with a short note; not before the booked day. */
  async result(actor: Actor, grant: Grant, id: string, input: HealthCheckResultInput, ctx: RequestContext) {
    requireCommunity(grant);
    const row = await repo.get(this.db, actor.communityId, id);
    if (!row) throw new AppError('not_found', { entity: 'health_check' });
    if (row.check_date > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'result', message: 'healthCheck.notYet' }] });
    const now = new Date().toISOString();
    const note = input.note ? input.note : null;
    await this.db.transaction().execute(async (trx) => {
      await repo.setResult(trx, actor.communityId, id, {
        status: input.result,
        note_enc: note ? this.cipher.encrypt(note) : null,
        result_at: now,
        updated_at: now,
      });
      // The note itself stays out of the audit log: the log is not encrypted.
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'recognition.health_check_result',
        entityType: 'health_check',
        entityId: id,
        detail: { volunteerId: row.volunteer_id, year: Number(row.year), result: input.result, note: note !== null },
      });
    });
    return this.view((await repo.get(this.db, actor.communityId, id))!);
  }

  /** The signed-in volunteer's own bookings, newest year first (no staff note). */
  async mine(actor: Actor, page: number, pageSize: number): Promise<MyHealthCheckView> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const all = await repo.ofVolunteer(this.db, actor.communityId, v.id);
    const rows = all.slice((page - 1) * pageSize, page * pageSize);
    return {
      total: all.length,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        year: Number(r.year),
        date: r.check_date,
        time: r.check_time,
        place: r.place,
        status: r.status as HealthCheckStatus,
      })),
    };
  }
}
