// Who is told what as a need moves (the needs loop), through the one outbox: the matched volunteer (SMS and the
// official account, and their list 我的任务 in the app), the resident or their family (who is coming, never the
// volunteer's number), and staff (a volunteer declined). Written in the caller's transaction with the move.
import type { Trx } from '../../db/database.ts';
import type { NeedTable } from '../../db/schema/index.ts';
import type { Notifier } from '../../platform/notify.ts';
import { minuteToHhmm } from '../../../../domain/volunteers/service-schemas.ts';
import { CATEGORY_LABELS, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import { staffPhones } from '../auth/staff-directory.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import { openidsOf } from '../wechat/wechat-directory.ts';

const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('') + '…' : s);

/** When the need asks for help, as a message reads it: "2026-12-06 09:00–10:00", or null for any time. */
export function whenText(n: Pick<NeedTable, 'preferred_date' | 'preferred_start' | 'preferred_end'>) {
  if (!n.preferred_date) return null;
  if (n.preferred_start === null || n.preferred_end === null) return n.preferred_date;
  return `${n.preferred_date} ${minuteToHhmm(n.preferred_start)}–${minuteToHhmm(n.preferred_end)}`;
}

export class NeedNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly residents: ResidentDirectory,
  ) {}

  /** SMS to the phone, and the same message on the official account to every follower bound to it. */
  private async both(trx: Trx, communityId: string, phone: string, template: string, payload: object) {
    await this.notifier.send(trx, { channel: 'sms', recipient: phone, template, payload: { ...payload } });
    for (const openid of await openidsOf(trx, communityId, phone))
      await this.notifier.send(trx, { channel: 'wechat', recipient: openid, template, payload: { ...payload } });
  }

  private async volunteer(trx: Trx, communityId: string, volunteerId: string) {
    return trx
      .selectFrom('volunteer')
      .select(['name', 'phone'])
      .where('community_id', '=', communityId)
      .where('id', '=', volunteerId)
      .executeTakeFirst();
  }

  private async residentName(trx: Trx, n: NeedTable) {
    return (await this.residents.get(n.community_id, n.resident_id, trx))?.name ?? '';
  }

  /** The volunteer matched to a need: what, when, and to answer on 我的任务. The address waits for the page. */
  async matched(trx: Trx, n: NeedTable, volunteerId: string) {
    const v = await this.volunteer(trx, n.community_id, volunteerId);
    if (!v) return;
    await this.both(trx, n.community_id, v.phone, 'needs.matched', {
      name: v.name,
      needId: n.id,
      category: CATEGORY_LABELS[n.category as SkillCategory]?.zh ?? n.category,
      description: clip(n.description, 40),
      when: whenText(n),
      link: `/m/tasks/needs/${n.id}`,
    });
  }

  /** The resident (or their family contact) is told who is coming: the volunteer's name, never their number. */
  async coming(trx: Trx, n: NeedTable, volunteerId: string) {
    const [v, phone] = await Promise.all([
      this.volunteer(trx, n.community_id, volunteerId),
      this.residents.contactPhone(n.community_id, n.resident_id, trx),
    ]);
    if (!v || !phone) return;
    await this.both(trx, n.community_id, phone, 'needs.volunteer_coming', {
      resident: await this.residentName(trx, n),
      volunteer: v.name,
      category: CATEGORY_LABELS[n.category as SkillCategory]?.zh ?? n.category,
      when: whenText(n),
    });
  }

  /** The volunteer is told a need they had is no longer theirs (staff cancelled it, or took it back to match again). */
  async released(trx: Trx, n: NeedTable, volunteerId: string, reason: string | null) {
    const v = await this.volunteer(trx, n.community_id, volunteerId);
    if (!v) return;
    await this.both(trx, n.community_id, v.phone, 'needs.released', {
      name: v.name,
      needId: n.id,
      category: CATEGORY_LABELS[n.category as SkillCategory]?.zh ?? n.category,
      description: clip(n.description, 40),
      reason: reason ? clip(reason, 60) : null,
    });
  }

  /** Staff are told a volunteer declined, and why: the need is back with them to match again. */
  async declined(trx: Trx, n: NeedTable, volunteerId: string, reason: string) {
    const v = await this.volunteer(trx, n.community_id, volunteerId);
    const resident = await this.residentName(trx, n);
    for (const s of await staffPhones(trx, n.community_id))
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient: s.phone,
        template: 'needs.declined',
        payload: { volunteer: v?.name ?? '', resident, needId: n.id, reason: clip(reason, 60) },
      });
  }
}
