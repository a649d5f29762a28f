// The left-out monitor (旱的旱死、涝的涝死): for every resident in a special group, how long since anyone was
// in touch — any contact in the one record of service, theirs or their household's — whether they are
// paired and how many needs are open; who has been left out longest; and per grid how evenly the contacts
// spread (Gini coefficient, share of the most-visited tenth).
import type { Db, DbOrTrx } from '../../db/database.ts';
import { can, gridFilter, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { SingleFlight } from '../../platform/single-flight.ts';
import { addDays, ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { SENSITIVE_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import { OPEN_NEED_STATUSES } from '../../../../domain/needs/needs.ts';
import { dayNumber } from '../../../../domain/pairings/recurrence.ts';
import { spreadOf } from '../../../../domain/pairings/spread.ts';
import type { LeftOutQuery } from '../../../../domain/pairings/schemas.ts';
import { groupTag, tagDecoder } from '../registry/resident-directory.ts';
import * as repo from './monitor.repository.ts';
import type { ContactService } from '../contacts/contacts.service.ts';

import type { ContactKind } from '../../../../domain/contacts/kinds.ts';

export interface ResidentFacts {
  row: repo.SpecialResidentRow;
  groups: SpecialGroup[];
  lastContactOn: string | null;
  lastContactKind: ContactKind | null;
  /** Contacts of every kind since the window's start. */
  recentContacts: number;
  paired: boolean;
  openNeeds: number;
}

/**
 * Everything the monitor knows about each special-group resident, in a handful of statements whatever their number.
 * `tags` limits the residents to those groups' stored tags. `windowFrom`: count contacts since that day (the spread);
 * null leaves `recentContacts` at 0 (the list and the alerts read only the last contact).
 */
export async function residentFacts(
  db: DbOrTrx,
  cipher: FieldCipher,
  communityId: string,
  gridId: string | null,
  windowFrom: string | null,
  tags?: readonly string[],
): Promise<ResidentFacts[]> {
  const [residents, tagRows, lastRows, recentBy, needs, pairings] = await Promise.all([
    repo.specialResidents(db, communityId, gridId, tags),
    repo.tagsIn(db, communityId, gridId),
    repo.lastContactBySubject(db, communityId),
    windowFrom ? repo.contactsSinceBySubject(db, communityId, windowFrom) : new Map<string, number>(),
    repo.openNeedsByResident(db, communityId, OPEN_NEED_STATUSES),
    repo.activePairingsByResident(db, communityId),
  ]);
  const decode = tagDecoder(cipher, communityId);
  const groups = new Map<string, SpecialGroup[]>();
  for (const t of tagRows) {
    const g = decode.get(t.tag);
    if (g) (groups.get(t.resident_id) ?? groups.set(t.resident_id, []).get(t.resident_id)!).push(g);
  }
  // A resident's contacts are their own and their household's (a survey visit, a child's classroom session).
  const lastBy = new Map(lastRows.map((c) => [c.subject_id, c]));
  const openBy = new Map(needs.map((n) => [n.resident_id, Number(n.open)]));
  const pairedSet = new Set(pairings.map((p) => p.resident_id));
  return residents.map((row) => {
    const own = lastBy.get(row.id),
      home = lastBy.get(row.household_id);
    const last = own && home ? (home.last_on > own.last_on ? home : own) : (own ?? home);
    return {
      row,
      groups: groups.get(row.id) ?? [],
      lastContactOn: last?.last_on ?? null,
      lastContactKind: (last?.last_kind as ContactKind | undefined) ?? null,
      recentContacts: (recentBy.get(row.id) ?? 0) + (recentBy.get(row.household_id) ?? 0),
      paired: pairedSet.has(row.id),
      openNeeds: openBy.get(row.id) ?? 0,
    };
  });
}

/** Pinyin is ASCII: a plain comparison orders it as localeCompare would, without its cost per comparison. */
const byAscii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

export class MonitorService {
  /** Staff opening the monitor at the same moment share one whole-community aggregation (callers only read it). */
  private readonly facts = new SingleFlight<ResidentFacts[]>();

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly alertDays: number,
    private readonly audit: AuditLog,
    private readonly contacts: ContactService,
  ) {}

  /** The community's contacts of the last year (today and the 365 days before it), per kind. */
  contactsByKind(actor: Actor) {
    const today = todayInShanghai();
    return this.contacts.countsByKind(this.db, actor.communityId, addDays(today, -365), today);
  }

  /** Residents in special groups, left out longest first: never contacted, then by days since the last contact. */
  async leftOut(actor: Actor, grant: Grant, q: LeftOutQuery) {
    const { rows, summary, today } = await this.leftOutRows(actor, grant, q);
    const start = (q.page - 1) * q.pageSize;
    return {
      items: rows.slice(start, start + q.pageSize),
      total: rows.length,
      page: q.page,
      pageSize: q.pageSize,
      today,
      summary,
    };
  }

  /** The whole list for Excel; every export is an audit entry (names, addresses and groups of vulnerable people). */
  async exportLeftOut(actor: Actor, grant: Grant, q: Omit<LeftOutQuery, 'page' | 'pageSize'>, ctx: RequestContext) {
    const result = await this.leftOutRows(actor, grant, { ...q, page: 1, pageSize: 1 });
    await this.db.transaction().execute((trx) =>
      this.audit.recordBy(trx, actor, ctx, {
        action: 'monitor.export',
        entityType: 'resident',
        detail: { filters: q, rows: result.rows.length },
      }),
    );
    return result;
  }

  private factsOf(communityId: string, gridId: string | null, windowFrom: string | null, tags?: readonly string[]) {
    return this.facts.run(JSON.stringify([communityId, gridId, windowFrom, tags ?? null]), () =>
      residentFacts(this.db, this.cipher, communityId, gridId, windowFrom, tags),
    );
  }

  private async leftOutRows(actor: Actor, grant: Grant, q: LeftOutQuery) {
    const sensitive = can(actor, 'registry.sensitive');
    if (q.group && SENSITIVE_GROUPS.has(q.group) && !sensitive)
      throw new AppError('forbidden', { role: actor.role, permission: 'registry.sensitive' });
    const scope = gridFilter(actor, grant);
    if (scope && q.gridId && q.gridId !== scope) throw new AppError('out_of_scope', { scope: grant.scope });
    const today = todayInShanghai();
    const facts = await this.factsOf(
      actor.communityId,
      scope ?? q.gridId ?? null,
      null,
      q.group ? [groupTag(this.cipher, actor.communityId, q.group)] : undefined,
    );
    // Without the right to see health-related groups, someone who is only in such a group is counted, not named:
    // being on this list would say what their tag is.
    const visible = sensitive ? facts : facts.filter((f) => f.groups.some((g) => !SENSITIVE_GROUPS.has(g)));
    const listed = visible
      .filter((f) => !q.paired || f.paired === (q.paired === 'yes'))
      .map((f) => ({
        pinyin: f.row.name_pinyin,
        row: {
          residentId: f.row.id,
          name: f.row.name,
          age: ageOn(f.row.birth_date, today),
          gridId: f.row.grid_id,
          gridName: f.row.grid_name,
          address: `${f.row.building}${f.row.unit}单元${f.row.room}`,
          groups: sensitive ? f.groups : f.groups.filter((g) => !SENSITIVE_GROUPS.has(g)),
          lastContactOn: f.lastContactOn,
          lastContactKind: f.lastContactKind,
          daysSince: f.lastContactOn ? daysBetween(f.lastContactOn, today) : null,
          paired: f.paired,
          openNeeds: f.openNeeds,
        },
      }));
    // The pinyin orders the rows and stays beside them (taking it out of each row again was a copy of each).
    listed.sort(({ row: a, pinyin: pa }, { row: b, pinyin: pb }) =>
      a.daysSince === b.daysSince
        ? byAscii(pa, pb)
        : a.daysSince === null
          ? -1
          : b.daysSince === null
            ? 1
            : b.daysSince - a.daysSince,
    );
    const rows = listed.map((l) => l.row);
    return {
      rows,
      today,
      summary: {
        residents: rows.length,
        neverContacted: rows.filter((r) => r.daysSince === null).length,
        silentOverAlert: rows.filter((r) => r.daysSince === null || r.daysSince >= this.alertDays).length,
        unpaired: rows.filter((r) => !r.paired).length,
        alertDays: this.alertDays,
        hidden: facts.length - visible.length,
      },
    };
  }

  /**
   * Per grid (and for the whole community when the caller sees it all): how evenly contacts in the last `days` spread.
   */
  async spread(actor: Actor, grant: Grant, days: number) {
    const scope = gridFilter(actor, grant);
    const today = todayInShanghai();
    const facts = await this.factsOf(actor.communityId, scope, addDays(today, -days));
    const byGrid = new Map<string, { gridName: string; code: string; counts: number[] }>();
    for (const f of facts)
      (
        byGrid.get(f.row.grid_id) ??
        byGrid.set(f.row.grid_id, { gridName: f.row.grid_name, code: f.row.grid_code, counts: [] }).get(f.row.grid_id)!
      ).counts.push(f.recentContacts);
    const grids = [...byGrid.entries()]
      .sort((a, b) => a[1].code.localeCompare(b[1].code))
      .map(([gridId, g]) => ({ gridId, gridName: g.gridName, ...spreadOf(g.counts) }));
    return {
      days,
      from: addDays(today, -days),
      grids,
      community: scope ? null : spreadOf(facts.map((f) => f.recentContacts)),
    };
  }
}
