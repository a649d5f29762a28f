// A volunteer's own record, portable (PIPL Art. 45, the right to a copy): every verified hours entry with the
// totals, the star level reached and awarded, and their certificates, as a PDF and as an Excel workbook they
// download from the phone. Read through the hours, recognition and certificates services; each download audited.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { recordTotals, type RecordEntry, type RecordTotals } from '../../../../domain/selfservice/record.ts';
import type { CertificatesService } from '../certificates/certificates.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { RecognitionService } from '../recognition/recognition.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { renderRecordPdf } from './record.pdf.ts';
import { renderRecordWorkbook } from './record.xlsx.ts';

const PAGE = 500;

export interface RecordData {
  name: string;
  communityName: string;
  generatedOn: string;
  entries: RecordEntry[];
  totals: RecordTotals;
  star: { reachedLevel: number; awardedLevel: number; awardedOn: string | null; hoursToNextStar: number | null };
  certificates: Array<{ number: string; issuedOn: string; periodFrom: string; periodTo: string; serviceHours: number }>;
}

export interface RecordSources {
  db: Db;
  hours: HoursService;
  recognition: RecognitionService;
  certificates: CertificatesService;
  directory: VolunteerDirectory;
  audit: AuditLog;
}

export class PersonalRecord {
  constructor(private readonly s: RecordSources) {}

  private async data(actor: Actor): Promise<RecordData & { volunteerId: string }> {
    const v = await this.s.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const entries: RecordEntry[] = [];
    for (let page = 1; ; page++) {
      const r = await this.s.hours.entries(actor.communityId, v.id, page, PAGE);
      for (const e of r.items)
        if (e.status === 'verified' && !e.correctedBy)
          entries.push({
            serviceDate: e.serviceDate,
            source: e.source,
            description: e.description,
            minutes: e.minutes,
            kind: e.kind,
            verifiedByName: e.verifiedByName,
            verifiedAt: e.verifiedAt,
          });
      if (page * PAGE >= r.total) break;
    }
    entries.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
    const [summary, star, certs] = await Promise.all([
      this.s.hours.summary(actor.communityId, v),
      this.s.recognition.myStar(actor),
      // The verify addresses are not printed here, so no origin is needed.
      this.s.certificates.mine(actor, ''),
    ]);
    return {
      volunteerId: v.id,
      name: v.name,
      communityName: actor.communityName,
      generatedOn: todayInShanghai(),
      entries,
      totals: recordTotals(entries),
      star: {
        reachedLevel: summary.starLevel,
        awardedLevel: star.awardedLevel,
        awardedOn: star.awardedOn,
        hoursToNextStar: summary.hoursToNextStar,
      },
      certificates: certs
        .filter((c) => c.status !== 'revoked')
        .map((c) => ({
          number: c.number,
          issuedOn: c.issuedOn,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          serviceHours: c.serviceHours,
        })),
    };
  }

  /** The record in `format`, with its download name; the download is audited. */
  async download(actor: Actor, format: 'pdf' | 'xlsx', ctx: RequestContext) {
    const d = await this.data(actor);
    const bytes = format === 'pdf' ? await renderRecordPdf(d) : await renderRecordWorkbook(d);
    await this.s.audit.recordBy(this.s.db, actor, ctx, {
      action: 'selfservice.record.download',
      entityType: 'volunteer',
      entityId: d.volunteerId,
      detail: { format, entries: d.entries.length },
    });
    return {
      bytes,
      fileName: `志愿服务记录-${d.name}-${d.generatedOn}.${format}`,
      ascii: `record-${d.generatedOn}.${format}`,
    };
  }
}
