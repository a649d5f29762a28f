// Publicity: staff write an announcement once (draft → published → withdrawn) and every channel reads the
// same rows — the public site, the LED screen and its text feed, the poster, the WeChat group text and its
// short link. The public channels read only published announcements inside their window, and activities
// through the activities module's public service; nothing personal is read at all.
import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AnnouncementTable } from '../../db/schema/index.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, shanghaiDayStart, todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { Page } from '../../../../domain/shared/schemas.ts';
import {
  signUpPath,
  type AnnouncementInput,
  type AnnouncementView,
  type Channel,
  type PublicActivity,
  type ScreenItem,
} from '../../../../domain/publicity/publicity.ts';
import type { ActivitiesPublicService, PublicActivityRow } from '../activities/activities-public.service.ts';
import * as repo from './publicity.repository.ts';
import { describeWhen, type PosterContent } from './publicity.poster.ts';

/** What publicity reads of the recognition module: the published commendation lists (names already public). */
export interface CommendationSource {
  publicQuarters(communityId: string): Promise<{ quarters: Array<{ quarter: string }> }>;
  publicList(communityId: string, quarter: string): Promise<{ items: Array<{ name: string }> }>;
}

export type AnnouncementRow = AnnouncementTable;

/** How far ahead the public channels look for activities, and how many they list. */
export const PUBLIC_DAYS = 60;
export const PUBLIC_ACTIVITIES_MAX = 30;
const LIVE_MAX = 40;

// 10 characters of a 32-letter alphabet (no 0/O, 1/I/L look-alikes): 50 bits, so codes are not walked.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function newShortCode(): string {
  const bytes = crypto.randomBytes(10);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}
export const SHORT_CODE_RE = /^[a-z2-9]{10}$/;

const parseChannels = (s: string): Channel[] => JSON.parse(s) as Channel[];
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export function toView(r: AnnouncementRow, code: string | null): AnnouncementView {
  return {
    id: r.id,
    kind: r.kind as AnnouncementView['kind'],
    title: r.title,
    body: r.body,
    activityId: r.activity_id,
    quarter: r.quarter,
    classKind: r.class_kind as AnnouncementView['classKind'],
    schedule: r.schedule,
    place: r.place,
    publishFrom: r.publish_from,
    publishUntil: r.publish_until,
    channels: parseChannels(r.channels),
    status: r.status as AnnouncementView['status'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
    shortPath: code ? `/s/${code}` : null,
  };
}

/** What the public site shows of one community, already cut to what may be public. */
export interface PublicSite {
  communityId: string;
  community: string;
  activities: PublicActivityRow[];
  announcements: AnnouncementRow[];
  commendations: Array<{ quarter: string; title: string | null; body: string | null; names: string[] }>;
}

export class PublicityService {
  /** Called after any write, so cached public pages of that community are dropped at once. */
  onChange: (communityId: string) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly activities: ActivitiesPublicService,
    private readonly commendations: CommendationSource,
  ) {}

  // ------------------------------------------------------------------------------------------ staff

  private async rowOr404(communityId: string, id: string): Promise<AnnouncementRow> {
    const r = await repo.getAnnouncement(this.db, communityId, id);
    if (!r) throw new AppError('not_found', { entity: 'announcement' });
    return r;
  }

  private async codeOf(communityId: string, id: string): Promise<string | null> {
    return (await repo.shortLinksOf(this.db, communityId, [id]))[0]?.code ?? null;
  }

  async list(actor: Actor, q: { status?: string; page: number; pageSize: number }): Promise<Page<AnnouncementView>> {
    const { rows, total } = await repo.listAnnouncements(this.db, actor.communityId, q);
    const codes = new Map(
      (
        await repo.shortLinksOf(
          this.db,
          actor.communityId,
          rows.map((r) => r.id),
        )
      ).map((l) => [l.announcement_id, l.code]),
    );
    return { items: rows.map((r) => toView(r, codes.get(r.id) ?? null)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<AnnouncementView> {
    const r = await this.rowOr404(actor.communityId, id);
    return toView(r, await this.codeOf(actor.communityId, id));
  }

  /** The linked activity must be this community's; a linked list must be published. */
  private async checkLinks(communityId: string, input: AnnouncementInput, forPublish: boolean) {
    if (input.kind === 'activity' && input.activityId) {
      const a = await this.activities.one(communityId, input.activityId);
      if (!a) throw new AppError('not_found', { entity: 'activity' });
      if (forPublish && (!a.published || Date.parse(a.endsAt) < Date.now()))
        throw new AppError('announcement_source_gone', {});
    }
    if (input.kind === 'commendation' && input.quarter) {
      const { quarters } = await this.commendations.publicQuarters(communityId);
      if (!quarters.some((q) => q.quarter === input.quarter)) throw new AppError('announcement_source_gone', {});
    }
  }

  private fieldsOf(
    input: AnnouncementInput,
  ): Omit<
    AnnouncementTable,
    'community_id' | 'id' | 'status' | 'created_by' | 'created_at' | 'updated_at' | 'published_at' | 'withdrawn_at'
  > {
    // Only what the kind uses is kept: a news item carries no stray activity or class fields.
    return {
      kind: input.kind,
      title: input.title,
      body: input.body ?? '',
      activity_id: input.kind === 'activity' ? (input.activityId ?? null) : null,
      quarter: input.kind === 'commendation' ? (input.quarter ?? null) : null,
      class_kind: input.kind === 'class' ? (input.classKind ?? null) : null,
      schedule: input.kind === 'class' ? (input.schedule ?? null) : null,
      place: input.kind === 'class' ? (input.place ?? null) : null,
      publish_from: input.publishFrom ? new Date(input.publishFrom).toISOString() : null,
      publish_until: input.publishUntil ? new Date(input.publishUntil).toISOString() : null,
      channels: JSON.stringify([...new Set(input.channels)]),
    };
  }

  async create(actor: Actor, input: AnnouncementInput, ctx: RequestContext): Promise<{ id: string }> {
    await this.checkLinks(actor.communityId, input, false);
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertAnnouncement(trx, {
        community_id: actor.communityId,
        id,
        ...this.fieldsOf(input),
        status: 'draft',
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
        published_at: null,
        withdrawn_at: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'announcement.create',
        entityType: 'announcement',
        entityId: id,
        detail: { kind: input.kind, title: input.title },
      });
    });
    return { id };
  }

  /** A draft or a published announcement is edited in place (a typo fixed on every channel at once). */
  async update(actor: Actor, id: string, input: AnnouncementInput, ctx: RequestContext): Promise<void> {
    const r = await this.rowOr404(actor.communityId, id);
    await this.checkLinks(actor.communityId, input, r.status === 'published');
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.updateAnnouncement(
        trx,
        actor.communityId,
        id,
        { ...this.fieldsOf(input), updated_at: new Date().toISOString() },
        ['draft', 'published'],
      );
      if (!ok) throw new AppError('announcement_not_published', {});
      // A published one's short link follows it (another activity, another kind).
      if (r.status === 'published')
        await repo.retargetShortLink(
          trx,
          actor.communityId,
          id,
          this.targetOf({
            ...r,
            kind: input.kind,
            activity_id: input.kind === 'activity' ? (input.activityId ?? null) : null,
          }),
        );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'announcement.update',
        entityType: 'announcement',
        entityId: id,
        detail: { title: input.title },
      });
    });
    this.onChange(actor.communityId);
  }

  async publish(actor: Actor, id: string, ctx: RequestContext): Promise<AnnouncementView> {
    const r = await this.rowOr404(actor.communityId, id);
    if (r.status !== 'draft') throw new AppError('announcement_not_draft', {});
    await this.checkLinks(actor.communityId, this.inputOf(r), true);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.updateAnnouncement(
        trx,
        actor.communityId,
        id,
        { status: 'published', published_at: now, updated_at: now },
        ['draft'],
      );
      if (!ok) throw new AppError('announcement_not_draft', {});
      await repo.insertShortLink(trx, {
        community_id: actor.communityId,
        code: newShortCode(),
        target: this.targetOf(r),
        announcement_id: id,
        created_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'announcement.publish',
        entityType: 'announcement',
        entityId: id,
        detail: { title: r.title, channels: parseChannels(r.channels) },
      });
    });
    this.onChange(actor.communityId);
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, ctx: RequestContext): Promise<void> {
    const r = await this.rowOr404(actor.communityId, id);
    if (r.status === 'withdrawn') throw new AppError('announcement_not_published', {});
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.updateAnnouncement(
        trx,
        actor.communityId,
        id,
        { status: 'withdrawn', withdrawn_at: now, updated_at: now },
        ['draft', 'published'],
      );
      if (!ok) throw new AppError('announcement_not_published', {});
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'announcement.withdraw',
        entityType: 'announcement',
        entityId: id,
        detail: { title: r.title },
      });
    });
    this.onChange(actor.communityId);
  }

  private inputOf(r: AnnouncementRow): AnnouncementInput {
    return {
      kind: r.kind as AnnouncementInput['kind'],
      title: r.title,
      body: r.body,
      activityId: r.activity_id,
      quarter: r.quarter,
      classKind: r.class_kind as AnnouncementInput['classKind'],
      schedule: r.schedule,
      place: r.place,
      publishFrom: r.publish_from,
      publishUntil: r.publish_until,
      channels: parseChannels(r.channels),
    };
  }

  /** Where an announcement's link and QR code lead: an activity's sign-up page, else its page on the site. */
  private targetOf(r: AnnouncementRow): string {
    return r.kind === 'activity' && r.activity_id ? signUpPath(r.activity_id) : `/p/${r.community_id}/n/${r.id}`;
  }

  /** The published announcement, refused when withdrawn, a draft, or not sent to `channel`. */
  private async onChannel(actor: Actor, id: string, channel: Channel): Promise<AnnouncementRow> {
    const r = await this.rowOr404(actor.communityId, id);
    if (r.status !== 'published' || !parseChannels(r.channels).includes(channel))
      throw new AppError('announcement_not_published', {});
    return r;
  }

  async sources(actor: Actor) {
    const now = new Date();
    const [acts, { quarters }] = await Promise.all([
      this.activities.upcoming(actor.communityId, now, new Date(now.getTime() + PUBLIC_DAYS * 86400000), 200),
      this.commendations.publicQuarters(actor.communityId),
    ]);
    return {
      communityId: actor.communityId,
      activities: acts.map((a) => ({ id: a.id, title: a.title, startsAt: a.startsAt, place: a.place })),
      quarters: quarters.map((q) => q.quarter),
    };
  }

  /** The text for the volunteers' WeChat group: title, time, place, a short link. */
  async wechatText(actor: Actor, id: string, origin: string): Promise<{ text: string; shortUrl: string }> {
    const r = await this.onChannel(actor, id, 'wechat');
    const code = await this.codeOf(actor.communityId, id);
    const shortUrl = `${origin}/s/${code}`;
    const p = await this.posterContent(r, origin);
    const lines = [`【${actor.communityName}】${r.title}`];
    if (p.when) lines.push(`时间：${p.when}`);
    if (p.place) lines.push(`地点：${p.place}`);
    if (r.body) lines.push(r.body.length > 120 ? `${r.body.slice(0, 120)}…` : r.body);
    lines.push(`${r.kind === 'activity' ? '报名' : '详情'}：${shortUrl}`);
    return { text: lines.join('\n'), shortUrl };
  }

  /** What the poster of an announcement prints, with the link its QR code carries. */
  async posterContent(r: AnnouncementRow, origin: string): Promise<PosterContent> {
    const community = (await repo.communityName(this.db, r.community_id)) ?? '';
    let when: string | null = null;
    let place: string | null = null;
    if (r.kind === 'activity' && r.activity_id) {
      const a = await this.activities.one(r.community_id, r.activity_id);
      if (a) {
        when = describeWhen(a.startsAt, a.endsAt);
        place = a.place;
      }
    } else if (r.kind === 'class') {
      when = r.schedule;
      place = r.place;
    }
    return {
      community,
      title: r.title,
      when,
      place,
      body: r.body,
      url: `${origin}${this.targetOf(r)}`,
      qrCaption: r.kind === 'activity' ? '扫码报名' : '扫码查看详情',
    };
  }

  async announcementPoster(actor: Actor, id: string, origin: string): Promise<PosterContent> {
    return this.posterContent(await this.onChannel(actor, id, 'poster'), origin);
  }

  /** An activity's poster: only a published one (its QR code leads to the sign-up page). */
  async activityPoster(actor: Actor, activityId: string, origin: string): Promise<PosterContent> {
    const a = await this.activities.one(actor.communityId, activityId);
    if (!a) throw new AppError('not_found', { entity: 'activity' });
    if (!a.published) throw new AppError('activity_not_published', {});
    return {
      community: actor.communityName,
      title: a.title,
      when: describeWhen(a.startsAt, a.endsAt),
      place: a.place,
      body: a.description,
      url: `${origin}${signUpPath(a.id)}`,
      qrCaption: '扫码报名',
    };
  }

  // ----------------------------------------------------------------------------------- public channels

  /** The community's name, or null when there is no such community (a public page then answers 404). */
  async community(communityId: string): Promise<string | null> {
    return isUuid(communityId) ? repo.communityName(this.db, communityId) : null;
  }

  private async live(communityId: string, channel: Channel, now: Date): Promise<AnnouncementRow[]> {
    const rows = await repo.liveAnnouncements(this.db, communityId, now.toISOString(), LIVE_MAX);
    return rows.filter((r) => parseChannels(r.channels).includes(channel));
  }

  private upcoming(communityId: string, now: Date) {
    return this.activities.upcoming(
      communityId,
      now,
      new Date(now.getTime() + PUBLIC_DAYS * 86400000),
      PUBLIC_ACTIVITIES_MAX,
    );
  }

  /** The data API's list, or null for an unknown community. */
  async publicActivities(communityId: string, origin: string, now = new Date()) {
    const community = await this.community(communityId);
    if (community === null) return null;
    const items: PublicActivity[] = (await this.upcoming(communityId, now)).map((a) => ({
      id: a.id,
      title: a.title,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place,
      juniorVolunteers: a.juniorVolunteers,
      signUpUrl: `${origin}${signUpPath(a.id)}`,
    }));
    return { community, items };
  }

  /** Everything the public site shows, or null for an unknown community. */
  async publicSite(communityId: string, now = new Date()): Promise<PublicSite | null> {
    const community = await this.community(communityId);
    if (community === null) return null;
    const [activities, announcements, { quarters }] = await Promise.all([
      this.upcoming(communityId, now),
      this.live(communityId, 'site', now),
      this.commendations.publicQuarters(communityId),
    ]);
    // A commendation announcement shows its list; with none, the newest published list still shows.
    const announced = announcements.filter((a) => a.kind === 'commendation' && a.quarter);
    const wanted = announced.length
      ? announced.map((a) => ({ quarter: a.quarter!, title: a.title, body: a.body }))
      : quarters.slice(0, 1).map((q) => ({ quarter: q.quarter, title: null, body: null }));
    const commendations = await Promise.all(
      wanted
        .filter((w) => quarters.some((q) => q.quarter === w.quarter))
        .slice(0, 2)
        .map(async (w) => ({
          ...w,
          names: (await this.commendations.publicList(communityId, w.quarter)).items.map((i) => i.name),
        })),
    );
    return {
      communityId,
      community,
      activities,
      announcements: announcements.filter((a) => a.kind !== 'commendation'),
      commendations,
    };
  }

  /** One announcement's own page on the site: published, in its window, sent to the site. */
  async publicAnnouncement(communityId: string, id: string, now = new Date()) {
    const community = await this.community(communityId);
    if (community === null || !isUuid(id)) return null;
    const r = (await this.live(communityId, 'site', now)).find((a) => a.id === id);
    return r ? { community, announcement: r } : null;
  }

  /** What the screen rolls through: today's live announcements sent to the screen, and today's activities. */
  async screenItems(communityId: string, now = new Date()): Promise<{ community: string; items: ScreenItem[] } | null> {
    const community = await this.community(communityId);
    if (community === null) return null;
    const today = todayInShanghai(now);
    const tomorrow = new Date(shanghaiDayStart(addDays(today, 1)));
    const [announcements, activities] = await Promise.all([
      this.live(communityId, 'screen', now),
      this.activities.upcoming(communityId, now, tomorrow, 20),
    ]);
    const items: ScreenItem[] = [];
    for (const a of announcements) {
      let line = a.body.replace(/\s+/g, ' ').slice(0, 80);
      if (a.kind === 'class') line = [a.schedule, a.place].filter(Boolean).join(' · ');
      if (a.kind === 'activity' && a.activity_id) {
        const act = activities.find((x) => x.id === a.activity_id);
        if (act) line = `${describeWhen(act.startsAt, act.endsAt)} · ${act.place}`;
      }
      items.push({ kind: KIND_LABEL[a.kind] ?? '通知', title: a.title, line });
    }
    const announcedActivities = new Set(announcements.map((a) => a.activity_id));
    for (const act of activities)
      if (!announcedActivities.has(act.id))
        items.push({
          kind: '今日活动',
          title: act.title,
          line: `${describeWhen(act.startsAt, act.endsAt)} · ${act.place}`,
        });
    return { community, items };
  }

  /** Where a short link leads, or null: an unknown code, or an announcement no longer published. */
  async resolveShort(code: string): Promise<string | null> {
    if (!SHORT_CODE_RE.test(code)) return null;
    const l = await repo.shortLinkByCode(this.db, code);
    if (!l) return null;
    if (l.announcement_id && l.announcement_status !== 'published') return null;
    return l.target;
  }
}

const KIND_LABEL: Record<string, string> = { news: '新闻', activity: '活动', class: '课程', commendation: '表彰' };
