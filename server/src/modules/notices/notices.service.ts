// Notices staff send (通知): to a team, a grid's households, volunteers with a skill, the 4:30 classroom's pickup
// adults or a building's households. Each audience is asked of the module that owns it; people are counted once
// per phone number; a send writes its batch, one outbox row per person and their links in one transaction.
// And 我的消息: a person's own messages from the outbox, with read marks.
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { ONE_TIME_CODE_FIELDS, type Notifier } from '../../platform/notify.ts';
import type { ClassroomDirectory } from '../classroom/classroom-directory.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { maskPhone, normalizeMobile } from '../../../../domain/shared/phone.ts';
import { maskName } from '../../../../domain/records/certificates.ts';
import { SKILL_BY_CODE } from '../../../../domain/volunteers/skills.ts';
import type { Page } from '../../../../domain/shared/schemas.ts';
import {
  LARGE_AUDIENCE,
  NOTICE_TEMPLATE,
  type Audience,
  type AudienceOptions,
  type AudiencePreview,
  type MyMessages,
  type NoticeDetail,
  type NoticeInput,
  type NoticeItem,
} from '../../../../domain/notices/schemas.ts';
import * as repo from './notices.repository.ts';

/** One person a notice reaches: the number it goes to, who answers it and in what capacity. */
export interface NoticeRecipient {
  phone: string;
  name: string;
  kind: 'volunteer' | 'resident' | 'family_contact' | 'pickup_adult';
}

export interface ResolvedAudience {
  label: string;
  ref: string | null;
  people: NoticeRecipient[];
  /** Names (or, for households, addresses) with no phone to reach them. */
  unreachable: string[];
}

// One-time codes stay in the outbox for delivery but are not messages to keep and read again.
const HIDDEN_FROM_INBOX = Object.keys(ONE_TIME_CODE_FIELDS);

export interface NoticesDeps {
  db: Db;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
  residents: ResidentDirectory;
  classroom: ClassroomDirectory;
  teams: TeamsService;
}

export class NoticesService {
  constructor(private readonly d: NoticesDeps) {}

  /** A team leader writes to their own team only; the rest is the office's. */
  private assertAudience(actor: Actor, grant: Grant, a: Audience) {
    if (grant.scope === 'community') return;
    if (grant.scope === 'team' && a.kind === 'team' && actor.teamId === a.teamId) return;
    throw new AppError('out_of_scope', { scope: grant.scope });
  }

  /** What the picker offers the caller: every team, grid, building and held skill; a team leader their team. */
  async options(actor: Actor, grant: Grant): Promise<AudienceOptions> {
    const office = grant.scope === 'community';
    const [teams, grids, skills] = await Promise.all([
      this.d.teams.list(actor),
      office ? this.d.residents.places(actor.communityId) : [],
      office ? this.d.directory.skillCounts(actor.communityId) : [],
    ]);
    return {
      teams: teams
        .filter((t) => office || t.id === actor.teamId)
        .map((t) => ({ id: t.id, name: t.name, members: t.members })),
      grids,
      skills: skills.flatMap((s) => {
        const def = SKILL_BY_CODE.get(s.code);
        return def ? [{ code: s.code, zh: def.zh, en: def.en, volunteers: s.volunteers }] : [];
      }),
      teamOnly: !office,
      mayMarkUrgent: office,
    };
  }

  /** The audience's name and what it points at; refused when outside the caller's scope or not found. */
  private async describe(actor: Actor, grant: Grant, a: Audience): Promise<{ label: string; ref: string | null }> {
    this.assertAudience(actor, grant, a);
    switch (a.kind) {
      case 'team': {
        const team = (await this.d.teams.list(actor)).find((t) => t.id === a.teamId);
        if (!team) throw new AppError('not_found', { entity: 'team' });
        return { label: team.name, ref: a.teamId };
      }
      case 'skill': {
        const def = SKILL_BY_CODE.get(a.skillCode);
        if (!def) throw new AppError('not_found', { entity: 'skill' });
        return { label: def.zh, ref: a.skillCode };
      }
      case 'classroom':
        return { label: '四点半课堂家长', ref: null };
      case 'grid':
      case 'building': {
        const places = await this.d.residents.places(actor.communityId);
        const grid =
          a.kind === 'grid'
            ? places.find((g) => g.id === a.gridId)
            : places.find((g) => g.buildings.some((b) => b.id === a.buildingId));
        const building = a.kind === 'building' ? grid?.buildings.find((b) => b.id === a.buildingId) : undefined;
        if (!grid || (a.kind === 'building' && !building))
          throw new AppError('not_found', { entity: a.kind === 'grid' ? 'grid' : 'building' });
        return a.kind === 'building'
          ? { label: `${grid.name} ${building!.name}`, ref: a.buildingId }
          : { label: grid.name, ref: a.gridId };
      }
    }
  }

  /** The audience's people, each phone once (the first name met keeps it), and those who cannot be reached. */
  private async people(communityId: string, a: Audience, db: DbOrTrx) {
    const c = communityId;
    const people: NoticeRecipient[] = [];
    const unreachable: string[] = [];
    const seen = new Set<string>();
    const add = (name: string, phone: string | null, kind: NoticeRecipient['kind']) => {
      const number = phone ? (normalizeMobile(phone) ?? phone.trim()) : '';
      if (!number) return void unreachable.push(name);
      if (seen.has(number)) return;
      seen.add(number);
      people.push({ phone: number, name, kind });
    };
    switch (a.kind) {
      case 'team':
      case 'skill':
        for (const v of await this.d.directory.reachable(
          c,
          a.kind === 'team' ? { teamId: a.teamId } : { skillCode: a.skillCode },
          db,
        ))
          add(v.name, v.phone, 'volunteer');
        break;
      case 'classroom':
        for (const p of await this.d.classroom.pickupAdults(c, db)) add(p.name, p.phone, 'pickup_adult');
        break;
      case 'grid':
      case 'building':
        for (const h of await this.d.residents.householdsToReach(
          c,
          a.kind === 'grid' ? { gridId: a.gridId } : { buildingId: a.buildingId },
          db,
        )) {
          if (!h.reach.length) unreachable.push(h.address);
          for (const p of h.reach) add(p.name, p.phone, p.via);
        }
        break;
    }
    return { people, unreachable };
  }

  /** Who an audience reaches now (reads outside `db`'s transaction are done before it is used). */
  async resolve(actor: Actor, grant: Grant, a: Audience): Promise<ResolvedAudience> {
    const d = await this.describe(actor, grant, a);
    return { ...d, ...(await this.people(actor.communityId, a, this.d.db)) };
  }

  async preview(actor: Actor, grant: Grant, a: Audience): Promise<AudiencePreview> {
    const r = await this.resolve(actor, grant, a);
    return {
      label: r.label,
      people: r.people.length,
      unreachable: r.unreachable.length,
      unreachableNames: r.unreachable.slice(0, 20),
      large: r.people.length > LARGE_AUDIENCE,
    };
  }

  /** Resolves the audience again in the send's transaction: what is written is what that moment's preview says. */
  async send(
    actor: Actor,
    grant: Grant,
    input: NoticeInput,
    ctx: RequestContext,
  ): Promise<{ id: string; recipients: number; unreachable: number }> {
    if (input.urgent && grant.scope !== 'community') throw new AppError('notice_urgent_refused');
    // The audience's name first: those reads may not wait on the transaction's connection (SQLite has one).
    const d = await this.describe(actor, grant, input.audience);
    return this.d.db.transaction().execute(async (trx) => {
      const r = { ...d, ...(await this.people(actor.communityId, input.audience, trx)) };
      if (!r.people.length) throw new AppError('notice_no_one', { unreachable: r.unreachable.length });
      if (r.people.length > LARGE_AUDIENCE && !input.confirmLarge)
        throw new AppError('notice_confirm_large', { people: r.people.length, limit: LARGE_AUDIENCE });
      const id = uuidv7();
      const now = new Date().toISOString();
      await repo.insertBatch(trx, {
        community_id: actor.communityId,
        id,
        title: input.title,
        body: input.text,
        urgent: input.urgent ? 1 : 0,
        audience_kind: input.audience.kind,
        audience_ref: r.ref,
        audience_label: r.label,
        recipients: r.people.length,
        unreachable: r.unreachable.length,
        sent_by: actor.accountId,
        sent_by_name: actor.name,
        created_at: now,
      });
      const links = [];
      for (const p of r.people) {
        const outboxId = await this.d.notifier.send(trx, {
          channel: 'sms',
          recipient: p.phone,
          template: NOTICE_TEMPLATE,
          communityId: actor.communityId,
          // An urgent notice goes out in quiet hours and despite an opt-out; an ordinary one waits for 08:00.
          urgent: input.urgent,
          payload: {
            title: input.title,
            text: input.text,
            urgent: input.urgent,
            from: actor.communityName,
            noticeId: id,
          },
        });
        links.push({
          community_id: actor.communityId,
          batch_id: id,
          outbox_id: outboxId,
          person_kind: p.kind,
          person_name: p.name,
        });
      }
      await repo.insertRecipients(trx, links);
      await this.d.audit.recordBy(trx, actor, ctx, {
        action: 'notice.send',
        entityType: 'notice',
        entityId: id,
        detail: {
          title: input.title,
          urgent: input.urgent,
          audience: input.audience.kind,
          audienceLabel: r.label,
          recipients: r.people.length,
          unreachable: r.unreachable.length,
        },
      });
      return { id, recipients: r.people.length, unreachable: r.unreachable.length };
    });
  }

  async list(actor: Actor, grant: Grant, page: number, pageSize: number): Promise<Page<NoticeItem>> {
    // A team leader sees the notices to their team, whoever sent them.
    const teamId = grant.scope === 'community' ? null : (actor.teamId ?? '\u0000none');
    const { rows, total } = await repo.listBatches(this.d.db, actor.communityId, teamId, page, pageSize);
    const counts = await repo.statusCounts(
      this.d.db,
      actor.communityId,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((b) => ({
        ...itemOf(b),
        statuses: Object.fromEntries(counts.filter((c) => c.batch_id === b.id).map((c) => [c.status, Number(c.n)])),
      })),
      total,
      page,
      pageSize,
    };
  }

  async get(actor: Actor, grant: Grant, id: string): Promise<NoticeDetail> {
    const b = await repo.getBatch(this.d.db, actor.communityId, id);
    if (!b) throw new AppError('not_found', { entity: 'notice' });
    if (grant.scope !== 'community' && !(b.audience_kind === 'team' && b.audience_ref === actor.teamId))
      throw new AppError('out_of_scope', { scope: grant.scope });
    const people = await repo.batchPeople(this.d.db, actor.communityId, id);
    const statuses: Record<string, number> = {};
    for (const p of people) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
    // The office sees names as the registry shows them; a team leader, as lists outside the office do.
    const office = grant.scope === 'community';
    return {
      ...itemOf(b),
      statuses,
      people: people.map((p) => ({
        outboxId: p.outbox_id,
        name: office ? p.person_name : maskName(p.person_name),
        kind: p.person_kind,
        phone: maskPhone(p.recipient),
        channel: p.channel,
        status: p.status,
        sentAt: p.sent_at,
        createdAt: p.created_at,
      })),
    };
  }

  // 我的消息

  private addressee(actor: Actor): repo.Addressee {
    return { accountId: actor.accountId, phone: actor.phone };
  }

  async myMessages(actor: Actor, page: number, pageSize: number): Promise<MyMessages> {
    const who = this.addressee(actor);
    const [{ rows, total }, unread] = await Promise.all([
      repo.myMessages(this.d.db, who, HIDDEN_FROM_INBOX, page, pageSize),
      repo.unreadCount(this.d.db, who, HIDDEN_FROM_INBOX),
    ]);
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        template: r.template,
        payload: parsePayload(r.payload),
        at: r.created_at,
        read: r.read_at !== null,
      })),
      unread,
    };
  }

  unreadCount(actor: Actor): Promise<number> {
    return repo.unreadCount(this.d.db, this.addressee(actor), HIDDEN_FROM_INBOX);
  }

  /** Marks the caller's own messages among `ids` read; another person's id is passed over. Returns how many. */
  async markRead(actor: Actor, ids: string[]): Promise<number> {
    const who = this.addressee(actor);
    const own = await repo.ownIds(this.d.db, who, ids, HIDDEN_FROM_INBOX);
    await repo.markRead(this.d.db, actor.accountId, own, new Date().toISOString());
    return own.length;
  }
}

function itemOf(b: NonNullable<Awaited<ReturnType<typeof repo.getBatch>>>): Omit<NoticeItem, 'statuses'> {
  return {
    id: b.id,
    title: b.title,
    text: b.body,
    urgent: b.urgent === 1,
    audienceKind: b.audience_kind as NoticeItem['audienceKind'],
    audienceLabel: b.audience_label,
    recipients: Number(b.recipients),
    unreachable: Number(b.unreachable),
    sentBy: b.sent_by_name,
    sentAt: b.created_at,
  };
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : { text: String(v) };
  } catch {
    return { text };
  }
}
