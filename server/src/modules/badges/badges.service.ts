// Love QR badges (爱心二维码). Staff issue, edit, reissue, revoke and print them; the family keeps the call list
// and the words current and sees every scan; a finder scans the card and gets a public page (badge.page.ts).
// Every scan is logged and, once per finder in a few minutes, tells the family and the duty staff through the
// outbox. The rendered page is cached per token and dropped on any change to the badge, its contacts or the settings.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/database.ts';
import type { BadgeContactTable, BadgeTable } from '../../db/schema/badges.ts';
import type { ConsentRecordTable, FamilyContactTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { authorize } from '../../platform/access.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Notification, Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { pageOfRows, type Page } from '../../../../domain/shared/schemas.ts';
import { bornOnOrBefore, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  RENOTIFY_AFTER_MS,
  SUGGEST_FROM_AGE,
  TOKEN_BYTES,
  badgeUrl,
  contactLabel,
  isBadgeToken,
  readFinderForm,
  showsName,
  type BadgeStatus,
  type BadgeView,
  type ContactInput,
  type FamilyBadgeView,
  type IssueInput,
  type ScanView,
  type SettingsInput,
  type SettingsView,
  type UpdateInput,
} from '../../../../domain/badges/badges.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import type { ResidentLeftStatus } from '../../../../domain/registry/schemas.ts';
import { groupTag, ResidentDirectory, type ResidentBrief } from '../registry/resident-directory.ts';
import { activePage, endedPage, notFoundPage, previewPage, type Notice } from './badge.page.ts';
import { renderBadgeCard } from './badge.pdf.ts';
import { ScanLog } from './badges.scan-log.ts';
import { ContactService } from '../contacts/contacts.service.ts';
import * as repo from './badges.repository.ts';
import { byChineseName } from '../../../../domain/shared/collate.ts';
import { SingleFlight } from '../../platform/single-flight.ts';
import type { ClusterEvents } from '../../platform/cluster-events.ts';

/** What the public page needs of a badge, cached per token. */
interface PageEntry {
  communityId: string;
  badgeId: string;
  status: BadgeStatus;
  nickname: string;
  cautions: string;
  contacts: Array<{ label: string; phone: string }>;
  dutyPhone: string | null;
  hotline: string | null;
  notifyPhones: string[];
  /**
   * The rendered page per language, encoded once (sending a ready Buffer skips encoding ~3 KB per scan), and
   * gzipped once for the browsers that accept it (every phone does): ~1.3 KB instead of ~2.7 KB on a slow line.
   */
  html: Partial<Record<Locale, Ready>>;
}

/**
 * A cached page: its bytes and the same bytes gzipped, each also as a latin1 string of those bytes. Node sends a
 * latin1 string body in ONE write together with the response head, where a Buffer goes in a second chunk
 * (a writev): the socket write is the largest cost of a scan.
 */
export interface Ready {
  raw: Buffer;
  gzip: Buffer;
  rawLatin1: string;
  gzipLatin1: string;
}
export interface PageResult {
  status: number;
  html: string | Ready;
}

const ready = (html: string): Ready => {
  const raw = Buffer.from(html);
  const gzip = zlib.gzipSync(raw, { level: 9 });
  return { raw, gzip, rawLatin1: raw.toString('latin1'), gzipLatin1: gzip.toString('latin1') };
};

/** The consent purpose a badge stands on (domain/registry/special-groups.ts CONSENT_PURPOSES). */
const PURPOSE = 'love_badge';
/** The reason written on a badge stopped because its consent was withdrawn in the registry. */
export const CONSENT_WITHDRAWN_REASON = '本人或监护人撤回了爱心二维码的同意';
/** Why a badge stopped when its elder left the registry (the reason staff see; the page shows neither). */
export const RESIDENT_LEFT_REASONS: Record<ResidentLeftStatus, string> = {
  moved_out: '老人已迁出本社区',
  deceased: '老人已去世',
};
/** Scans erased per statement by the retention job, so no single transaction holds the scan log for long. */
const PURGE_BATCH = 5000;

const CACHE_MAX = 20_000;
/** At most this many elders are suggested at once; a name search finds any other. */
const CANDIDATES_MAX = 2000;

const RECENT_MAX = 50_000;
/** Cluster topics: a badge's (or a community's) pages to read again; a family told of a finder (or not after all). */
const PAGES_TOPIC = 'badge-pages';
const TOLD_TOPIC = 'badge-told';

/** An elder suggested for a badge (or found by name). */
interface Candidate {
  residentId: string;
  name: string;
  birthDate: string;
  address: string;
  groups: string[];
  consent: BadgeView['consent'];
}

export class BadgesService {
  /** The community's suggestions, shared by the callers asking at the same moment (see candidates). */
  private readonly suggested = new SingleFlight<Candidate[]>();
  /**
   * Keyed by the token itself. Timing: a Map finds a key by its hash and compares whole strings only within a
   * bucket, so a guess learns nothing about a real token's characters (and the database is searched by the
   * token's SHA-256). Hashing here too cost 3% of the server's CPU under load for no gain.
   */
  private readonly pages = new Map<string, PageEntry>();
  private readonly tokenOf = new Map<string, string>();
  /** Bumped by every forget(): a page read from the database while a change committed is not cached. */
  private generation = 0;
  /** badge|finder → when the family was last told, so a finder's reloads are logged but not re-notified. */
  private readonly recent = new Map<string, number>();
  private readonly ipHashes = new Map<string, string>();
  private cluster: ClusterEvents | null = null;
  readonly scans: ScanLog;
  /** Days a scan keeps where it happened (LINLI_BADGE_SCAN_RETENTION_DAYS, set by the module). */
  scanRetentionDays = 90;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly consents: Pick<RegistryService, 'recordConsent' | 'liveConsents'>,
    private readonly residents: ResidentDirectory = new ResidentDirectory(db),
    private readonly contacts: ContactService = new ContactService(),
  ) {
    this.scans = new ScanLog(db, notifier);
  }

  /** A page view that could not be written: reported, and the finder's next scan notifies the family again. */
  private readonly notLogged = (err: unknown, row: { badge_id: string; ip_hash: string; notified: number }) => {
    if (row.notified) {
      const k = `${row.badge_id}|${row.ip_hash}`;
      this.recent.delete(k);
      this.cluster?.announce(TOLD_TOPIC, { k, at: null });
    }
    this.onLogFailure(err);
  };

  /** Where a scan that could not be written is reported (the app's logger, set by the routes). */
  onLogFailure: (err: unknown) => void = (err) =>
    process.emitWarning(`badge scan not logged: ${err instanceof Error ? err.message : String(err)}`, {
      code: 'LINLI_BADGE_SCAN',
    });

  // ------------------------------------------------------------------------------------ the public page

  /**
   * GET /b/:token. A malformed or unknown token logs nothing against any badge. A HEAD request (link previews,
   * crawlers, uptime probes) gets the same answer without a body and is neither logged nor told to anyone.
   */
  scan(token: string, ip: string, locale: Locale, head = false): PageResult | Promise<PageResult> {
    // A page already cached is answered without a promise: the scan is the hot path, and the awaits cost.
    const cached = this.pages.get(token);
    if (cached) return this.scanOf(cached, token, ip, locale, head);
    return this.entry(token).then((entry) =>
      entry ? this.scanOf(entry, token, ip, locale, head) : { status: 404, html: notFoundPage(locale) },
    );
  }

  private scanOf(entry: PageEntry, token: string, ip: string, locale: Locale, head: boolean): PageResult {
    if (head) return this.render(entry, token, locale);
    const at = new Date();
    const ipHash = this.ipHash(entry.communityId, ip);
    const notify = this.firstInAWhile(entry.badgeId, ipHash, at.getTime());
    const notes: Notification[] = notify
      ? this.recipients(entry).map((recipient) => ({
          channel: 'sms',
          recipient,
          template: 'badges.scanned',
          payload: { badgeId: entry.badgeId, nickname: entry.nickname, at: at.toISOString(), status: entry.status },
        }))
      : [];
    // Not awaited: the finder gets the page at once (the phone numbers matter more than our log); the row and the
    // notices commit within a few milliseconds. If that fails, the next scan by this finder notifies again.
    this.scans.log(
      {
        community_id: entry.communityId,
        id: uuidv7(),
        badge_id: entry.badgeId,
        at: at.toISOString(),
        kind: 'view',
        message: null,
        place: null,
        lat: null,
        lng: null,
        ip_hash: ipHash,
        notified: notify ? 1 : 0,
      },
      notes,
      this.notLogged,
    );
    return this.render(entry, token, locale);
  }

  /**
   * POST /b/:token/message: a finder's message and, if they agreed, their location, sent to the family and the duty
   * staff.
   */
  async message(token: string, form: Record<string, unknown>, ip: string, locale: Locale): Promise<PageResult> {
    const entry = await this.entry(token);
    if (!entry) return { status: 404, html: notFoundPage(locale) };
    if (entry.status !== 'active') return this.render(entry, token, locale);
    const read = readFinderForm(form);
    const echo = {
      message: typeof form.message === 'string' ? form.message.slice(0, 300) : '',
      place: typeof form.place === 'string' ? form.place.slice(0, 100) : '',
    };
    if (!read.ok) return { status: 400, html: activePage(locale, { ...entry, token }, read.problem, echo) };
    const m = read.value;
    const at = new Date().toISOString();
    const ipHash = this.ipHash(entry.communityId, ip);
    const notes: Notification[] = this.recipients(entry).map((recipient) => ({
      channel: 'sms',
      recipient,
      template: 'badges.message',
      payload: {
        badgeId: entry.badgeId,
        nickname: entry.nickname,
        at,
        message: m.message || null,
        place: m.place || null,
        lat: m.lat,
        lng: m.lng,
      },
    }));
    await this.scans.add(
      {
        community_id: entry.communityId,
        id: uuidv7(),
        badge_id: entry.badgeId,
        at,
        kind: 'message',
        message: m.message || null,
        place: m.place || null,
        lat: m.lat,
        lng: m.lng,
        ip_hash: ipHash,
        notified: 1,
      },
      notes,
    );
    return { status: 200, html: activePage(locale, { ...entry, token }, 'sent') };
  }

  private render(entry: PageEntry, token: string, locale: Locale, notice: Notice = null): PageResult {
    if (entry.status !== 'active')
      return { status: 410, html: (entry.html[locale] ??= ready(endedPage(locale, entry.hotline))) };
    return {
      status: 200,
      html: notice
        ? activePage(locale, { ...entry, token }, notice)
        : (entry.html[locale] ??= ready(activePage(locale, { ...entry, token }))),
    };
  }

  /** Family contacts of an active badge and the duty phones; only the duty phones once the badge has ended. */
  private recipients(e: PageEntry): string[] {
    const family = e.status === 'active' ? e.contacts.map((c) => c.phone) : [];
    return [...new Set([...family, ...e.notifyPhones])];
  }

  /** The finder's address as a keyed hash (never the address itself), remembered for the next requests. */
  private ipHash(communityId: string, ip: string): string {
    const key = `${communityId}|${ip}`;
    let h = this.ipHashes.get(key);
    if (!h) {
      h = this.cipher.token(communityId, 'badge_scan_ip', ip);
      if (this.ipHashes.size >= RECENT_MAX) this.ipHashes.clear();
      this.ipHashes.set(key, h);
    }
    return h;
  }

  private firstInAWhile(badgeId: string, ipHash: string, now: number): boolean {
    const key = `${badgeId}|${ipHash}`;
    const last = this.recent.get(key);
    if (last !== undefined && now - last < RENOTIFY_AFTER_MS) return false;
    if (this.recent.size >= RECENT_MAX) {
      for (const [k, t] of this.recent) if (now - t >= RENOTIFY_AFTER_MS) this.recent.delete(k);
      if (this.recent.size >= RECENT_MAX) this.recent.clear();
    }
    this.recent.set(key, now);
    this.cluster?.announce(TOLD_TOPIC, { k: key, at: now });
    return true;
  }

  private async entry(token: string): Promise<PageEntry | null> {
    if (!isBadgeToken(token)) return null;
    const key = token;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const generation = this.generation;
    const b = await repo.byTokenHash(this.db, sha256(token));
    if (!b) return null;
    const [contacts, settings] = await Promise.all([
      repo.contactsOf(this.db, b.community_id, [b.id]),
      repo.getSettings(this.db, b.community_id),
    ]);
    const e: PageEntry = {
      communityId: b.community_id,
      badgeId: b.id,
      status: b.status as BadgeStatus,
      nickname: b.nickname,
      cautions: b.cautions,
      contacts: contacts.map((c) => ({ label: c.label, phone: c.phone })),
      dutyPhone: settings?.duty_phone || null,
      hotline: settings?.hotline || null,
      notifyPhones: settings ? (JSON.parse(settings.notify_phones) as string[]) : [],
      html: {},
    };
    if (generation !== this.generation) return e; // a change committed meanwhile: serve it once, do not keep it
    if (this.cluster && !this.cluster.listening) return e; // deaf to other servers' changes: keep nothing meanwhile
    if (this.pages.size >= CACHE_MAX) {
      this.pages.clear();
      this.tokenOf.clear();
    }
    this.pages.set(key, e);
    this.tokenOf.set(b.id, key);
    return e;
  }

  /**
   * Several servers: a page forgotten here is forgotten on every server (a badge revoked on one is revoked on all
   * within milliseconds), and a family told by one server is not told again by another for the same finder.
   */
  attach(cluster: ClusterEvents): void {
    this.cluster = cluster;
    cluster.subscribe(PAGES_TOPIC, (p) => this.drop(p as { b: string } | { c: string } | null));
    cluster.subscribe(TOLD_TOPIC, (p) => {
      const m = p as { k: string; at: number | null } | null;
      if (!m) return; // a missed "told" only means one more message to the family
      if (m.at === null) this.recent.delete(m.k);
      else if (this.recent.size < RECENT_MAX) this.recent.set(m.k, m.at);
    });
  }

  private forget(badgeId: string) {
    if (this.cluster) this.cluster.announce(PAGES_TOPIC, { b: badgeId });
    else this.drop({ b: badgeId });
  }

  private forgetCommunity(communityId: string) {
    if (this.cluster) this.cluster.announce(PAGES_TOPIC, { c: communityId });
    else this.drop({ c: communityId });
  }

  /** null: announcements may have been missed: every page is read again. */
  private drop(what: { b: string } | { c: string } | null) {
    this.generation++;
    if (!what) {
      this.pages.clear();
      this.tokenOf.clear();
    } else if ('b' in what) {
      const key = this.tokenOf.get(what.b);
      if (key) {
        this.pages.delete(key);
        this.tokenOf.delete(what.b);
      }
    } else
      for (const [key, e] of this.pages)
        if (e.communityId === what.c) {
          this.pages.delete(key);
          this.tokenOf.delete(e.badgeId);
        }
  }

  // ------------------------------------------------------------------------------------------ settings

  async settings(actor: Actor): Promise<SettingsView> {
    authorize(actor, 'badges.manage');
    const s = await repo.getSettings(this.db, actor.communityId);
    return s
      ? {
          hotline: s.hotline,
          dutyPhone: s.duty_phone,
          notifyPhones: JSON.parse(s.notify_phones) as string[],
          configured: true,
        }
      : { hotline: '', dutyPhone: '', notifyPhones: [], configured: false };
  }

  async saveSettings(actor: Actor, input: SettingsInput, ctx: RequestContext): Promise<void> {
    authorize(actor, 'badges.manage');
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertSettings(trx, {
        community_id: actor.communityId,
        hotline: input.hotline,
        duty_phone: input.dutyPhone,
        notify_phones: JSON.stringify([...new Set(input.notifyPhones)]),
        updated_by: actor.accountId,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.settings',
        entityType: 'community',
        entityId: actor.communityId,
        detail: { ...input },
      });
    });
    this.forgetCommunity(actor.communityId);
  }

  // --------------------------------------------------------------------------------------------- staff

  async list(actor: Actor, f: repo.ListFilter, origin: string): Promise<Page<BadgeView>> {
    authorize(actor, 'badges.manage');
    const { rows, total } = await repo.list(this.db, actor.communityId, f);
    const [contacts, consents] = await Promise.all([
      repo.contactsOf(
        this.db,
        actor.communityId,
        rows.map((r) => r.id),
      ),
      repo.liveConsents(this.db, actor.communityId, PURPOSE),
    ]);
    const items = rows.map((r) =>
      this.view(
        r,
        contacts.filter((c) => c.badge_id === r.id),
        origin,
        {
          name: r.resident_name,
          idMasked: r.id_number_masked,
          scans: Number(r.scans ?? 0),
          lastScanAt: (r.last_scan_at as string | null) ?? null,
          consent: consentOf(byResident(consents).get(r.resident_id) ?? []),
        },
      ),
    );
    return { items, total, page: f.page, pageSize: f.pageSize };
  }

  async get(actor: Actor, id: string, origin: string): Promise<BadgeView> {
    authorize(actor, 'badges.manage');
    const b = await this.badge(this.db, actor.communityId, id);
    return this.viewOf(this.db, b, origin);
  }

  /**
   * Residents to suggest: 60 or older, tagged dementia or chronic illness, without a working badge; or a name search.
   */
  async candidates(actor: Actor, q: string | undefined, page = 1, pageSize = 20) {
    authorize(actor, 'badges.manage');
    // The suggestions are the community's, not the asker's: staff opening the list at the same moment share one
    // run (nothing is kept after it; callers only read the rows).
    const rows = q
      ? await this.allCandidates(actor.communityId, q)
      : await this.suggested.run(`${actor.communityId} ${todayInShanghai()}`, () =>
          this.allCandidates(actor.communityId, undefined),
        );
    return pageOfRows(rows, page, pageSize);
  }

  private async allCandidates(communityId: string, q: string | undefined): Promise<Candidate[]> {
    const [have, consents] = await Promise.all([
      repo.residentsWithActiveBadge(this.db, communityId),
      repo.liveConsents(this.db, communityId, PURPOSE),
    ]);
    const out = new Map<string, Candidate>();
    // Each resident's live consents, found by id (not a scan of every consent for each of ~1,000 elders).
    const consentsOf = byResident(consents);
    const add = (rows: ResidentBrief[], group: string | null) => {
      for (const r of rows) {
        if (have.has(r.id)) continue;
        const c = out.get(r.id) ?? {
          residentId: r.id,
          name: r.name,
          birthDate: r.birthDate,
          address: r.address,
          groups: [],
          consent: consentOf(consentsOf.get(r.id) ?? []),
        };
        if (group) c.groups.push(group);
        out.set(r.id, c);
      }
    };
    if (q) {
      add(await this.residents.search(communityId, { nameContains: q }, 30), null);
    } else {
      // Every elder of 60 or over is offered a badge (为辖区每一名老人), not only those with dementia; those tagged
      // dementia or chronic illness say so, for staff to offer it to them first.
      const born = bornOnOrBefore(SUGGEST_FROM_AGE, todayInShanghai());
      for (const g of ['dementia', 'chronic_illness'] as const) {
        add(
          await this.residents.search(
            communityId,
            { tag: groupTag(this.cipher, communityId, g), bornOnOrBefore: born },
            500,
          ),
          g,
        );
      }
      add(await this.residents.search(communityId, { bornOnOrBefore: born }, CANDIDATES_MAX), null);
      // Those whose consent is on file first (a badge can be made for them at once), then the groups, by name.
      return [...out.values()].sort(
        (a, b) =>
          Number(!!b.consent) - Number(!!a.consent) ||
          Number(b.groups.length > 0) - Number(a.groups.length > 0) ||
          byChineseName(a.name, b.name),
      );
    }
    return [...out.values()];
  }

  async issue(actor: Actor, input: IssueInput, origin: string, ctx: RequestContext): Promise<BadgeView> {
    authorize(actor, 'badges.manage');
    const b = await this.db.transaction().execute(async (trx) => {
      const r = await repo.residentOf(trx, actor.communityId, input.residentId);
      if (!r || r.status !== 'active') throw new AppError('not_found', { entity: 'resident' });
      assertNoName(r.name, input.nickname, input.cautions);
      if (input.consent)
        await this.consents.recordConsent(trx, actor, ctx, r.id, { purpose: PURPOSE, ...input.consent });
      else if (!(await this.consents.liveConsents(trx, actor.communityId, r.id, PURPOSE)).length) {
        throw new AppError('validation', { fields: [{ field: 'consent', message: 'badges.consentRequired' }] });
      }
      const contacts =
        input.contacts ??
        (await repo.familyContactsOf(trx, actor.communityId, r.id)).map((c) => ({
          label: contactLabel(c.relation),
          phone: c.phone,
        }));
      if (contacts.length === 0)
        throw new AppError('validation', { fields: [{ field: 'contacts', message: 'badges.contactRequired' }] });
      const row = await this.insert(trx, actor, r.id, input.nickname, input.cautions, contacts.slice(0, 5));
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.issue',
        entityType: 'badge',
        entityId: row.id,
        detail: { residentId: r.id, nickname: row.nickname, contacts: contacts.length },
      });
      return row;
    });
    return this.viewOf(this.db, b, origin);
  }

  private async insert(
    trx: DbOrTrx,
    actor: Actor,
    residentId: string,
    nickname: string,
    cautions: string,
    contacts: ContactInput[],
  ): Promise<BadgeTable> {
    const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
    const now = new Date().toISOString();
    const row: BadgeTable = {
      community_id: actor.communityId,
      id: uuidv7(),
      resident_id: residentId,
      token_hash: sha256(token),
      token_enc: this.cipher.encrypt(token),
      nickname,
      cautions,
      status: 'active',
      issued_at: now,
      issued_by: actor.accountId,
      issued_by_name: actor.name,
      revoked_at: null,
      revoked_by: null,
      revoked_by_name: null,
      revoke_reason: null,
      replaced_by: null,
      updated_at: now,
    };
    try {
      await repo.insertBadge(trx, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('badge_exists');
      throw err;
    }
    await repo.replaceContacts(trx, actor.communityId, row.id, contactRows(actor.communityId, row.id, contacts));
    return row;
  }

  async update(actor: Actor, id: string, input: UpdateInput, origin: string, ctx: RequestContext): Promise<BadgeView> {
    authorize(actor, 'badges.manage');
    await this.change(actor, id, input, ctx, 'badges.update');
    return this.get(actor, id, origin);
  }

  private async change(actor: Actor, id: string, input: UpdateInput, ctx: RequestContext, action: string) {
    await this.db.transaction().execute(async (trx) => {
      const b = await this.badge(trx, actor.communityId, id);
      assertNoName(
        (await repo.residentOf(trx, actor.communityId, b.resident_id))?.name ?? '',
        input.nickname,
        input.cautions,
      );
      if (
        !(await repo.updateWords(trx, actor.communityId, id, {
          nickname: input.nickname,
          cautions: input.cautions,
          updated_at: new Date().toISOString(),
        }))
      ) {
        throw new AppError('badge_not_active', { status: b.status });
      }
      await repo.replaceContacts(trx, actor.communityId, id, contactRows(actor.communityId, id, input.contacts));
      await this.audit.recordBy(trx, actor, ctx, {
        action,
        entityType: 'badge',
        entityId: id,
        detail: { nickname: input.nickname, cautions: input.cautions, contacts: input.contacts.map((c) => c.label) },
      });
    });
    this.forget(id);
  }

  /** A new card with a new token; the old one is marked replaced and its page stops offering the family. */
  async reissue(actor: Actor, id: string, origin: string, ctx: RequestContext): Promise<BadgeView> {
    authorize(actor, 'badges.manage');
    const fresh = await this.db.transaction().execute(async (trx) => {
      const old = await this.badge(trx, actor.communityId, id);
      if (
        old.status === 'active' &&
        !(await this.consents.liveConsents(trx, actor.communityId, old.resident_id, PURPOSE)).length
      )
        throw new AppError('badge_consent_required');
      const contacts = await repo.contactsOf(trx, actor.communityId, [id]);
      const newId = uuidv7();
      const now = new Date().toISOString();
      if (
        !(await repo.endBadge(trx, actor.communityId, id, {
          status: 'replaced',
          revoked_at: now,
          revoked_by: actor.accountId,
          revoked_by_name: actor.name,
          revoke_reason: null,
          replaced_by: newId,
          updated_at: now,
        }))
      ) {
        throw new AppError('badge_not_active', { status: old.status });
      }
      const row = await this.insert(
        trx,
        actor,
        old.resident_id,
        old.nickname,
        old.cautions,
        contacts.map((c) => ({ label: c.label, phone: c.phone })),
      );
      // insert() chose its own id; point the old badge at it.
      await trx
        .updateTable('badge')
        .set({ replaced_by: row.id })
        .where('community_id', '=', actor.communityId)
        .where('id', '=', id)
        .execute();
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.reissue',
        entityType: 'badge',
        entityId: row.id,
        detail: { replaces: id, residentId: old.resident_id },
      });
      return row;
    });
    this.forget(id);
    return this.viewOf(this.db, fresh, origin);
  }

  async revoke(actor: Actor, id: string, reason: string, ctx: RequestContext): Promise<void> {
    authorize(actor, 'badges.manage');
    await this.db.transaction().execute(async (trx) => {
      const b = await this.badge(trx, actor.communityId, id);
      if (!(await repo.endBadge(trx, actor.communityId, id, revocation(actor, reason)))) {
        throw new AppError('badge_not_active', { status: b.status });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.revoke',
        entityType: 'badge',
        entityId: id,
        detail: { reason },
      });
    });
    this.forget(id);
  }

  /**
   * The registry's hook (badges.module.ts): the love_badge consent of a resident was withdrawn. Unless another
   * live one remains, the working badge stops at once, in the withdrawal's transaction, with the reason; its page
   * then gives the hotline only. The cached page is dropped after the commit.
   */
  async consentWithdrawn(
    trx: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    consent: ConsentRecordTable,
  ): Promise<(() => void) | void> {
    if (consent.purpose !== PURPOSE) return;
    if ((await this.consents.liveConsents(trx, consent.community_id, consent.resident_id, PURPOSE)).length) return;
    const b = await this.stopActiveBadge(trx, actor, ctx, consent, CONSENT_WITHDRAWN_REASON, { consent: consent.id });
    if (b) return () => this.forget(b.id);
  }

  /** Stops the resident's working badge, if any, for `reason`, audited; the badge stopped, or null. */
  private async stopActiveBadge(
    trx: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    of: { community_id: string; resident_id: string },
    reason: string,
    detail: Record<string, unknown>,
  ): Promise<BadgeTable | null> {
    const b = await repo.activeBadgeOf(trx, of.community_id, of.resident_id);
    if (!b || !(await repo.endBadge(trx, of.community_id, b.id, revocation(actor, reason)))) return null;
    await this.audit.recordBy(trx, actor, ctx, {
      action: 'badges.revoke',
      entityType: 'badge',
      entityId: b.id,
      detail: { reason, ...detail },
    });
    return b;
  }

  /**
   * The registry's hook: the elder moved out or died. The working badge stops in the same transaction (its page then
   * shows no name, cautions or phones: only that it is no longer in use, the hotline and 110), and the phones on its
   * call list are told through the outbox, so a family does not go on trusting a badge that no longer reaches them.
   */
  async residentLeft(
    trx: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    resident: { community_id: string; id: string },
    status: ResidentLeftStatus,
  ): Promise<(() => void) | void> {
    const of = { community_id: resident.community_id, resident_id: resident.id };
    const b = await this.stopActiveBadge(trx, actor, ctx, of, RESIDENT_LEFT_REASONS[status], { residentLeft: status });
    if (!b) return;
    const phones = new Set((await repo.contactsOf(trx, resident.community_id, [b.id])).map((c) => c.phone));
    for (const recipient of phones)
      await this.notifier.send(trx, {
        channel: 'sms',
        recipient,
        template: 'badges.ended',
        payload: { badgeId: b.id, nickname: b.nickname, communityId: resident.community_id },
      });
    return () => this.forget(b.id);
  }

  /**
   * The retention job (badges.scan_purge, nightly): scans older than scanRetentionDays keep only that they happened
   * (when, view or message, whether the family was told, and a family's "returned home"), not where: the finder's
   * place, coordinates, message and address hash are erased. One audit entry per community says how many.
   */
  async purgeScanDetails(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.scanRetentionDays * 86_400_000).toISOString();
    const perCommunity = new Map<string, number>();
    for (;;) {
      const erased = await repo.purgeScanDetails(this.db, before, PURGE_BATCH);
      for (const c of erased) perCommunity.set(c, (perCommunity.get(c) ?? 0) + 1);
      if (erased.length < PURGE_BATCH) break;
    }
    for (const [communityId, scans] of perCommunity)
      await this.audit.recordBy(this.db, { communityId, accountId: null, name: '系统', role: null }, null, {
        action: 'badges.scans_purged',
        entityType: 'badge_scan',
        detail: { scans, before, retentionDays: this.scanRetentionDays },
      });
    return [...perCommunity.values()].reduce((a, b) => a + b, 0);
  }

  /**
   * The registry's hook: a family contact was removed from the resident. Their phone leaves the working badge's
   * call list (they would otherwise still be told of every scan and location). Other phones the family added stay.
   */
  async contactRemoved(
    trx: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    contact: FamilyContactTable,
  ): Promise<(() => void) | void> {
    const b = await repo.activeBadgeOf(trx, contact.community_id, contact.resident_id);
    if (!b) return;
    const n = await repo.removeContactPhone(trx, contact.community_id, b.id, contact.phone);
    if (!n) return;
    await this.audit.recordBy(trx, actor, ctx, {
      action: 'badges.contact_removed',
      entityType: 'badge',
      entityId: b.id,
      detail: { contact: contact.id },
    });
    return () => this.forget(b.id);
  }

  /** The scan log of a badge; reading it is audited (it holds finders' locations). */
  async scansOf(
    actor: Actor,
    id: string,
    ctx: RequestContext,
    page = { page: 1, pageSize: 20 },
  ): Promise<Page<ScanView>> {
    authorize(actor, 'badges.manage');
    return this.db.transaction().execute(async (trx) => {
      await this.badge(trx, actor.communityId, id);
      const rows = await repo.scansOf(trx, actor.communityId, id, page.pageSize, (page.page - 1) * page.pageSize);
      const total = await repo.countScans(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.scans_read',
        entityType: 'badge',
        entityId: id,
        detail: { rows: rows.length, page: page.page },
      });
      return { items: rows.map(scanView), total, page: page.page, pageSize: page.pageSize };
    });
  }

  /**
   * The page a finder would see, for staff checking a badge. Not a scan: nothing is written to the scan log and
   * nobody is told (the family would otherwise get an SMS each time staff look). The look itself is audited.
   */
  async preview(actor: Actor, id: string, locale: Locale, ctx: RequestContext): Promise<string> {
    authorize(actor, 'badges.manage');
    const b = await this.badge(this.db, actor.communityId, id);
    const [contacts, settings] = await Promise.all([
      repo.contactsOf(this.db, actor.communityId, [b.id]),
      repo.getSettings(this.db, actor.communityId),
    ]);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'badges.preview',
      entityType: 'badge',
      entityId: id,
      detail: { status: b.status },
    });
    if (b.status !== 'active') return endedPage(locale, settings?.hotline || null);
    return previewPage(locale, {
      nickname: b.nickname,
      cautions: b.cautions,
      contacts: contacts.map((c) => ({ label: c.label, phone: c.phone })),
      dutyPhone: settings?.duty_phone || null,
    });
  }

  async card(actor: Actor, id: string, origin: string, ctx: RequestContext): Promise<Buffer> {
    authorize(actor, 'badges.manage');
    const b = await this.badge(this.db, actor.communityId, id);
    if (b.status !== 'active') throw new AppError('badge_not_active', { status: b.status });
    const s = await repo.getSettings(this.db, actor.communityId);
    const bytes = await renderBadgeCard({
      url: badgeUrl(origin, this.cipher.decrypt(b.token_enc)),
      nickname: b.nickname,
      hotline: s?.hotline ?? '',
    });
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'badges.print',
      entityType: 'badge',
      entityId: id,
      detail: {},
    });
    return bytes;
  }

  // -------------------------------------------------------------------------------------------- family

  /** Badges of the elders whose family contacts list my phone, with their scans. */
  async family(actor: Actor): Promise<FamilyBadgeView[]> {
    authorize(actor, 'resident.self');
    const rows = (await repo.badgesForFamily(this.db, actor.communityId, actor.phone)).filter(
      (b, i, all) =>
        b.status === 'active' ||
        (!all.some((o) => o.resident_id === b.resident_id && o.status === 'active') &&
          all.findIndex((o) => o.resident_id === b.resident_id) === i),
    );
    const contacts = await repo.contactsOf(
      this.db,
      actor.communityId,
      rows.map((r) => r.id),
    );
    const out: FamilyBadgeView[] = [];
    for (const b of rows) {
      const scans = await repo.scansOf(this.db, actor.communityId, b.id, 50);
      out.push({
        id: b.id,
        nickname: b.nickname,
        cautions: b.cautions,
        status: b.status as BadgeStatus,
        contacts: contacts.filter((c) => c.badge_id === b.id).map((c) => ({ label: c.label, phone: c.phone })),
        scans: scans.map(scanView),
      });
    }
    return out;
  }

  async familyUpdate(actor: Actor, id: string, input: UpdateInput, ctx: RequestContext): Promise<void> {
    authorize(actor, 'resident.self');
    const mine = (await repo.badgesForFamily(this.db, actor.communityId, actor.phone)).some((b) => b.id === id);
    if (!mine) throw new AppError('not_found', { entity: 'badge' });
    await this.change(actor, id, input, ctx, 'badges.family_update');
  }

  /**
   * The family confirms the elder is back after a scan (找回): a 'badge_return' contact in the record of service, in
   * the same transaction as its audit entry. Staff record it too when the family phones. Confirming again changes
   * nothing.
   */
  async confirmReturned(actor: Actor, badgeId: string, scanId: string, asStaff: boolean, ctx: RequestContext) {
    if (asStaff) authorize(actor, 'badges.manage');
    else {
      authorize(actor, 'resident.self');
      const mine = (await repo.badgesForFamily(this.db, actor.communityId, actor.phone)).some((b) => b.id === badgeId);
      if (!mine) throw new AppError('not_found', { entity: 'badge' });
    }
    const b = await this.badge(this.db, actor.communityId, badgeId);
    const scan = await this.db
      .selectFrom('badge_scan')
      .select(['id', 'at'])
      .where('community_id', '=', actor.communityId)
      .where('badge_id', '=', b.id)
      .where('id', '=', scanId)
      .executeTakeFirst();
    if (!scan) throw new AppError('not_found', { entity: 'badge' });
    await this.db.transaction().execute(async (trx) => {
      await this.contacts.record(trx, [
        {
          communityId: actor.communityId,
          kind: 'badge_return',
          sourceId: scan.id,
          residentId: b.resident_id,
          occurredAt: new Date().toISOString(),
          servedBy: '扫码的好心人',
        },
      ]);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'badges.returned',
        entityType: 'badge',
        entityId: b.id,
        detail: { scanId: scan.id, scannedAt: scan.at, byFamily: !asStaff },
      });
    });
  }

  // ------------------------------------------------------------------------------------------- helpers

  private async badge(db: DbOrTrx, communityId: string, id: string): Promise<BadgeTable> {
    const b = await repo.getBadge(db, communityId, id);
    if (!b) throw new AppError('not_found', { entity: 'badge' });
    return b;
  }

  private async viewOf(db: DbOrTrx, b: BadgeTable, origin: string): Promise<BadgeView> {
    const [r, contacts, scans, consents] = await Promise.all([
      repo.residentOf(db, b.community_id, b.resident_id),
      repo.contactsOf(db, b.community_id, [b.id]),
      repo.scansOf(db, b.community_id, b.id, 1),
      this.consents.liveConsents(db, b.community_id, b.resident_id, PURPOSE),
    ]);
    const n = await db
      .selectFrom('badge_scan')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('community_id', '=', b.community_id)
      .where('badge_id', '=', b.id)
      .executeTakeFirstOrThrow();
    return this.view(b, contacts, origin, {
      name: r?.name ?? '',
      idMasked: r?.id_number_masked ?? null,
      scans: Number(n.n),
      lastScanAt: scans[0]?.at ?? null,
      consent: consentOf(consents),
    });
  }

  private view(
    b: BadgeTable,
    contacts: BadgeContactTable[],
    origin: string,
    extra: {
      name: string;
      idMasked: string | null;
      scans: number;
      lastScanAt: string | null;
      consent: BadgeView['consent'];
    },
  ): BadgeView {
    return {
      id: b.id,
      residentId: b.resident_id,
      residentName: extra.name,
      idMasked: extra.idMasked,
      nickname: b.nickname,
      cautions: b.cautions,
      status: b.status as BadgeStatus,
      url: b.status === 'active' ? badgeUrl(origin, this.cipher.decrypt(b.token_enc)) : '',
      contacts: contacts.map((c) => ({ label: c.label, phone: c.phone })),
      issuedAt: b.issued_at,
      issuedByName: b.issued_by_name,
      revokedAt: b.revoked_at,
      revokedByName: b.revoked_by_name,
      revokeReason: b.revoke_reason,
      replacedBy: b.replaced_by,
      lastScanAt: extra.lastScanAt,
      scans: extra.scans,
      consent: extra.consent,
    };
  }
}

/** The newest live consent, as the badge list shows it. */
function byResident<T extends { resident_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) (out.get(r.resident_id) ?? out.set(r.resident_id, []).get(r.resident_id)!).push(r);
  return out;
}

function consentOf(
  live: Array<Pick<ConsentRecordTable, 'given_by_name' | 'given_by_relation' | 'given_at'>>,
): BadgeView['consent'] {
  const c = live.reduce<(typeof live)[number] | null>((a, x) => (!a || x.given_at > a.given_at ? x : a), null);
  return c ? { givenByName: c.given_by_name, givenByRelation: c.given_by_relation, givenAt: c.given_at } : null;
}

/** The public page shows the nickname and the cautions: neither may carry the elder's real name. */
function assertNoName(name: string, nickname: string, cautions: string) {
  const fields = [
    ...(showsName(nickname, name) ? [{ field: 'nickname', message: 'badges.nicknameIsName' }] : []),
    ...(showsName(cautions, name) ? [{ field: 'cautions', message: 'badges.cautionsHaveName' }] : []),
  ];
  if (fields.length) throw new AppError('validation', { fields });
}

function contactRows(communityId: string, badgeId: string, contacts: ContactInput[]): BadgeContactTable[] {
  return contacts.map((c, i) => ({
    community_id: communityId,
    id: uuidv7(),
    badge_id: badgeId,
    label: c.label,
    phone: c.phone,
    position: i,
  }));
}

/** The fields of a badge `actor` stops now for `reason`. */
function revocation(actor: { accountId: string | null; name: string }, reason: string) {
  const now = new Date().toISOString();
  return {
    status: 'revoked',
    revoked_at: now,
    revoked_by: actor.accountId,
    revoked_by_name: actor.name,
    revoke_reason: reason,
    replaced_by: null,
    updated_at: now,
  };
}

function scanView(s: {
  id: string;
  at: string;
  kind: string;
  message: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  notified: number;
  returned?: unknown;
}): ScanView {
  return {
    id: s.id,
    at: s.at,
    kind: s.kind as 'view' | 'message',
    message: s.message,
    place: s.place,
    lat: s.lat === null ? null : Number(s.lat),
    lng: s.lng === null ? null : Number(s.lng),
    notified: Number(s.notified) === 1,
    returned: Boolean(Number(s.returned ?? 0)),
  };
}
