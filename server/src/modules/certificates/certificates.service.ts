// Service certificates (志愿服务记录证明). A certificate states the volunteer's verified service in a period, as
// the hours ledger holds it when issued; its figures are frozen in a snapshot so a later correction never
// silently changes a certificate already in someone's hands. Numbers run per community and year; a public
// page, found by an unguessable token, proves one genuine or says it was revoked.
import crypto from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { CertificateTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { authorize } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { namePinyin } from '../../../../domain/shared/pinyin.ts';
import {
  CERTIFICATE_TITLE,
  ID_TYPE_LABEL,
  certificateNumber,
  defaultPrefix,
  maskName,
  volunteerNumber,
  type CertificateSettingsInput,
  type CertificateSnapshot,
  type CertificateStatus,
  type CertificateView,
  type VerifyView,
} from '../../../../domain/records/certificates.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { renderCertificate } from './certificate.pdf.ts';
import * as repo from './certificates.repository.ts';

export interface IssuerSettings extends CertificateSettingsInput {
  configured: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export class CertificatesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly hours: HoursService,
  ) {}

  // --------------------------------------------------------------------------------------- settings

  /** The issuer as printed; until staff fill the settings, the community's own name and its admin. */
  async settings(communityId: string, communityName: string, db: DbOrTrx = this.db): Promise<IssuerSettings> {
    const row = await repo.getSettings(db, communityId);
    if (row)
      return {
        issuerName: row.issuer_name,
        responsiblePerson: row.responsible_person,
        handlerName: row.handler_name,
        contactPhone: row.contact_phone,
        prefix: row.prefix,
        configured: true,
      };
    const admin = (await repo.adminName(db, communityId)) ?? '';
    return {
      issuerName: `${communityName}居民委员会`,
      responsiblePerson: admin,
      handlerName: admin,
      contactPhone: '',
      prefix: defaultPrefix(namePinyin(communityName).initials),
      configured: false,
    };
  }

  async saveSettings(actor: Actor, input: CertificateSettingsInput, ctx: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertSettings(trx, {
        community_id: actor.communityId,
        issuer_name: input.issuerName,
        responsible_person: input.responsiblePerson,
        handler_name: input.handlerName,
        contact_phone: input.contactPhone,
        prefix: input.prefix,
        updated_by: actor.accountId,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'certificates.settings',
        entityType: 'community',
        entityId: actor.communityId,
        detail: { ...input },
      });
    });
  }

  // ----------------------------------------------------------------------------------------- issuing

  /** Staff issue for any volunteer of the community; the staff member is the handler (经办人). */
  async issue(
    actor: Actor,
    input: { volunteerId: string; from?: string; to?: string },
    origin: string,
    ctx: RequestContext,
  ): Promise<CertificateView> {
    const grant = authorize(actor, 'certificates.issue');
    const v = await this.directory.inScope(actor, grant, input.volunteerId);
    return this.create(actor, v.id, input, actor.name, origin, ctx);
  }

  /** A volunteer asks for their own: issued at once from what the community recorded, the settings' handler named. */
  async request(
    actor: Actor,
    input: { from?: string; to?: string },
    origin: string,
    ctx: RequestContext,
  ): Promise<CertificateView> {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const s = await this.settings(actor.communityId, actor.communityName);
    return this.create(actor, v.id, input, s.handlerName || actor.name, origin, ctx);
  }

  private async create(
    actor: Actor,
    volunteerId: string,
    input: { from?: string; to?: string },
    handler: string,
    origin: string,
    ctx: RequestContext,
  ): Promise<CertificateView> {
    const today = todayInShanghai();
    const to = input.to ?? today;
    if (to > today) throw new AppError('validation', { fields: [{ field: 'to', message: 'invalid.inFuture' }] });
    if (input.from && input.from > to)
      throw new AppError('validation', { fields: [{ field: 'to', message: 'certificates.periodReversed' }] });
    const id = uuidv7();
    const token = crypto.randomBytes(18).toString('base64url');
    const now = new Date().toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const who = await repo.volunteerIdentity(trx, actor.communityId, volunteerId);
      if (!who) throw new AppError('not_found', { entity: 'volunteer' });
      const service = await this.hours.verifiedService(
        actor.communityId,
        volunteerId,
        input.from ?? '0000-01-01',
        to,
        trx,
      );
      // 谁记录谁证明: only service this community recorded and verified; an empty certificate proves nothing.
      if (service.serviceMinutes === 0)
        throw new AppError('validation', { fields: [{ field: 'from', message: 'certificates.noService' }] });
      const from = input.from ?? service.lines.reduce((m, l) => (l.firstDate < m ? l.firstDate : m), to);
      const s = await this.settings(actor.communityId, actor.communityName, trx);
      const year = Number(today.slice(0, 4));
      const number = certificateNumber(s.prefix, year, await repo.nextSeq(trx, actor.communityId, year));
      const snapshot: CertificateSnapshot = {
        title: CERTIFICATE_TITLE,
        number,
        issuedOn: today,
        volunteer: {
          name: who.name,
          idType: ID_TYPE_LABEL,
          idMasked: who.id_number_masked,
          number: volunteerNumber(s.prefix, who.id),
        },
        period: { from, to },
        serviceMinutes: service.serviceMinutes,
        lines: service.lines,
        honourMinutes: service.honourMinutes,
        issuer: { name: s.issuerName, responsible: s.responsiblePerson, handler, phone: s.contactPhone || null },
      };
      const r: CertificateTable = {
        community_id: actor.communityId,
        id,
        number,
        volunteer_id: volunteerId,
        token,
        period_from: from,
        period_to: to,
        service_minutes: service.serviceMinutes,
        honour_minutes: service.honourMinutes,
        snapshot: JSON.stringify(snapshot),
        status: 'valid',
        issued_on: today,
        issued_at: now,
        issued_by: actor.accountId,
        issued_by_name: actor.name,
        handler_name: handler,
        revoked_at: null,
        revoked_by: null,
        revoked_by_name: null,
        revoke_reason: null,
      };
      await repo.insertCertificate(trx, r);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'certificates.issue',
        entityType: 'certificate',
        entityId: id,
        detail: { number, volunteerId, from, to, serviceMinutes: service.serviceMinutes },
      });
      return { ...r, volunteer_name: who.name };
    });
    return toView(row, origin);
  }

  async revoke(actor: Actor, id: string, reason: string, ctx: RequestContext): Promise<void> {
    authorize(actor, 'certificates.issue');
    await this.db.transaction().execute(async (trx) => {
      const c = await repo.getCertificate(trx, actor.communityId, id);
      if (!c) throw new AppError('not_found', { entity: 'service_certificate' });
      if (!(await repo.markRevoked(trx, actor.communityId, id, actor, reason, new Date().toISOString())))
        throw new AppError('certificate_revoked', { number: c.number });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'certificates.revoke',
        entityType: 'certificate',
        entityId: id,
        detail: { number: c.number, reason },
      });
    });
  }

  // ----------------------------------------------------------------------------------------- reading

  async list(actor: Actor, f: repo.ListFilter, page: number, pageSize: number, origin: string) {
    authorize(actor, 'certificates.issue');
    const { items, total } = await repo.list(this.db, actor.communityId, f, page, pageSize);
    return { items: items.map((r) => toView(r, origin)), total, page, pageSize };
  }

  async mine(actor: Actor, origin: string) {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const { items } = await repo.list(this.db, actor.communityId, { volunteerId: v.id }, 1, 200);
    return items.map((r) => toView(r, origin));
  }

  /**
   * The PDF for staff (any certificate of the community, revoked ones marked) or for the volunteer (their own valid
   * ones).
   */
  async pdf(actor: Actor, id: string, origin: string, own: boolean): Promise<{ number: string; bytes: Buffer }> {
    const c = await repo.getCertificate(this.db, actor.communityId, id);
    if (!c) throw new AppError('not_found', { entity: 'service_certificate' });
    if (own) {
      const v = await this.directory.self(actor);
      if (!v || v.id !== c.volunteer_id) throw new AppError('not_found', { entity: 'service_certificate' });
      if (c.status === 'revoked') throw new AppError('certificate_revoked', { number: c.number });
    } else authorize(actor, 'certificates.issue');
    const snapshot = JSON.parse(c.snapshot) as CertificateSnapshot;
    const bytes = await renderCertificate(
      snapshot,
      verifyUrl(origin, c),
      c.status === 'revoked' ? { on: todayOf(c.revoked_at!), reason: c.revoke_reason ?? '' } : null,
    );
    return { number: c.number, bytes };
  }

  /** The public verify page's facts: no sign-in, a masked name, nothing else personal. */
  async verify(communityId: string, token: string): Promise<VerifyView> {
    const c = await repo.byToken(this.db, communityId, token);
    if (!c) throw new AppError('not_found', { entity: 'service_certificate' });
    const s = JSON.parse(c.snapshot) as CertificateSnapshot;
    return {
      title: s.title,
      number: c.number,
      maskedName: maskName(s.volunteer.name),
      issuer: s.issuer.name,
      status: c.status as CertificateStatus,
      periodFrom: c.period_from,
      periodTo: c.period_to,
      serviceHours: round2(Number(c.service_minutes) / 60),
      issuedOn: c.issued_on,
      revokedOn: c.revoked_at ? todayOf(c.revoked_at) : null,
      revokeReason: c.revoke_reason,
    };
  }
}

const todayOf = (instant: string) => todayInShanghai(new Date(instant));

export function verifyUrl(origin: string, c: { community_id: string; token: string }): string {
  return `${origin}/verify/${c.community_id}/${c.token}`;
}

function toView(r: CertificateTable & { volunteer_name: string }, origin: string): CertificateView {
  const s = JSON.parse(r.snapshot) as CertificateSnapshot;
  return {
    id: r.id,
    number: r.number,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    status: r.status as CertificateStatus,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    serviceHours: round2(Number(r.service_minutes) / 60),
    honourHours: round2(Number(r.honour_minutes) / 60),
    lines: s.lines,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    handlerName: r.handler_name,
    revokedAt: r.revoked_at,
    revokedByName: r.revoked_by_name,
    revokeReason: r.revoke_reason,
    verifyUrl: verifyUrl(origin, r),
  };
}
