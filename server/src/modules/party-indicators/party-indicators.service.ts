// Party members' indicators (算得清、看得到): per member, per branch (党支部) and per unit, over a period —
// verified service hours, services (ledger entries; of them activities, visits, appointments), points when the
// points ledger can be read, and posts claimed in their community reports (在职党员报到).
// Members, branches and units come from the party module's service; hours are summed from the ledger by the
// recognition module's service.
import type { Db } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { Grant } from '../../platform/access.ts';
import type { IndicatorFigures, IndicatorRow, IndicatorView } from '../../../../domain/recognition/schemas.ts';
import type { PartyService } from '../party/party.service.ts';
import type { RecognitionService } from '../recognition/recognition.service.ts';
import { byChineseName } from '../../../../domain/shared/collate.ts';

/** Points earned per volunteer in [from, to], from the points module's reader. */
export type PointsReader = (
  communityId: string,
  from: string,
  to: string,
  volunteerIds: readonly string[],
) => Promise<Map<string, number>>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const empty = (): IndicatorFigures & { minutes: number } => ({
  hours: 0,
  minutes: 0,
  services: 0,
  activities: 0,
  visits: 0,
  appointments: 0,
  postsClaimed: 0,
  points: null,
});

export interface MemberIndicators extends IndicatorRow {
  unitKey: string;
}

export class PartyIndicatorsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly party: PartyService,
    private readonly recognition: Pick<RecognitionService, 'ledgerSums' | 'communityName'>,
    private readonly points: PointsReader | null = null,
  ) {}

  /** One row per member; a member's unit is the unit of their volunteer record, else the work unit they gave. */
  async members(actor: Actor, grant: Grant, from: string, to: string): Promise<MemberIndicators[]> {
    const members = await this.party.indicatorFacts(actor, grant, from, to);
    const ids = members.map((m) => m.volunteerId);
    const [sums, points] = await Promise.all([
      this.recognition.ledgerSums(actor.communityId, from, to, ids),
      this.points && ids.length ? this.points(actor.communityId, from, to, ids) : Promise.resolve(null),
    ]);
    const figs = new Map(members.map((m) => [m.volunteerId, empty()]));
    for (const s of sums) {
      const f = figs.get(s.volunteerId);
      if (!f) continue;
      f.minutes += s.minutes;
      f.services += s.entries;
      if (s.source === 'activity') f.activities += s.entries;
      else if (s.source === 'pairing_visit') f.visits += s.entries;
      else if (s.source === 'appointment') f.appointments += s.entries;
    }
    return members.map((m) => {
      const { minutes, ...f } = figs.get(m.volunteerId)!;
      return {
        ...f,
        hours: round2(minutes / 60),
        postsClaimed: m.postsClaimed,
        points: points ? (points.get(m.volunteerId) ?? 0) : null,
        key: m.volunteerId,
        name: m.name,
        branch: m.branch,
        unit: m.unit ?? '',
        unitKey: m.unitId ?? (m.unit ? `work:${m.unit}` : 'none'),
        members: 1,
      };
    });
  }

  /** The rows of one view, and the total. Group figures are sums of the members' figures. */
  async view(actor: Actor, grant: Grant, from: string, to: string, view: IndicatorView) {
    const rows = await this.members(actor, grant, from, to);
    const total = sum(rows, { key: 'total', name: '', branch: '', unit: '' });
    const pointsKnown = !!this.points;
    if (view === 'member') return { from, to, view, pointsKnown, items: rows.map(({ unitKey: _u, ...r }) => r), total };
    const groups = new Map<string, MemberIndicators[]>();
    for (const r of rows) {
      const k = view === 'branch' ? r.branch : r.unitKey;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const items = [...groups.entries()]
      .map(([k, rs]) =>
        sum(
          rs,
          view === 'branch'
            ? { key: k, name: k, branch: k, unit: '' }
            : { key: k, name: rs[0]!.unit, branch: '', unit: rs[0]!.unit },
        ),
      )
      .sort((a, b) => b.hours - a.hours || b.services - a.services || (a.key < b.key ? -1 : 1));
    return { from, to, view, pointsKnown, items, total };
  }

  /** Per unit, its members' figures: the report a unit receives. Audited. */
  async unitReports(
    actor: Actor,
    grant: Grant,
    from: string,
    to: string,
    unitKey: string | undefined,
    ctx: RequestContext,
  ) {
    const rows = await this.members(actor, grant, from, to);
    const units = new Map<string, { name: string; rows: MemberIndicators[] }>();
    for (const r of rows) {
      if (unitKey && r.unitKey !== unitKey) continue;
      const u = units.get(r.unitKey) ?? { name: r.unit, rows: [] };
      u.rows.push(r);
      units.set(r.unitKey, u);
    }
    const community = (await this.recognition.communityName(actor.communityId)) ?? '';
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'party.indicators_export',
      entityType: 'community',
      entityId: actor.communityId,
      detail: {
        from,
        to,
        unit: unitKey ?? null,
        members: [...units.values()].reduce((s, u) => s + u.rows.length, 0),
      },
    });
    return {
      community,
      units: [...units.values()].sort((a, b) => byChineseName(a.name, b.name)),
      pointsKnown: !!this.points,
    };
  }
}

function sum(
  rows: readonly IndicatorRow[],
  label: { key: string; name: string; branch: string; unit: string },
): IndicatorRow {
  const out: IndicatorRow = {
    ...label,
    hours: 0,
    services: 0,
    activities: 0,
    visits: 0,
    appointments: 0,
    postsClaimed: 0,
    points: null,
    members: rows.length,
  };
  let minutes = 0;
  for (const r of rows) {
    minutes += Math.round(r.hours * 60);
    out.services += r.services;
    out.activities += r.activities;
    out.visits += r.visits;
    out.appointments += r.appointments;
    out.postsClaimed += r.postsClaimed;
    if (r.points !== null) out.points = (out.points ?? 0) + r.points;
  }
  out.hours = round2(minutes / 60);
  return out;
}
