// Selections (评选: 好家风, 美德少年, 最美社区人). Staff open a selection with a nomination window, a voting window and
// a number of places; nominations come from staff (onto the ballot at once) or from residents on the phone (staff
// accept them); each signed-in resident account votes once (the vote table's key enforces it); closing counts
// the votes and ranks the ballot; staff publish, and the honoured become the community's honours list.
//
// Minors (美德少年, or any nominee marked a minor): shown publicly as surname + 同学 only, and published only with
// their guardian's signed consent recorded by staff (PIPL Art 31; 未成年人保护法 Art 72; china-rules.md "Minors").
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { SelectionNomineeTable } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { ageOn, todayInShanghai } from '../../../../domain/shared/dates.ts';
import {
  minorPublicName,
  SELECTION_KIND_LABELS,
  type Honour,
  type NomineeView,
  type PhoneSelection,
  type SelectionDetail,
  type SelectionInput,
  type SelectionItem,
  type SelectionKind,
  type StaffNomination,
} from '../../../../domain/selections/schemas.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import * as repo from './selections.repository.ts';

type SelectionRow = Awaited<ReturnType<typeof repo.listSelections>>[number];

const publicName = (n: { name: string; minor: number }) => (n.minor ? minorPublicName(n.name) : n.name);

/** The community's published honours (names and honour only), for the public site and the console. */
export async function publishedHonours(db: DbOrTrx, communityId: string): Promise<Honour[]> {
  return (await repo.honours(db, communityId)).map((h) => ({
    selectionId: h.selection_id,
    kind: h.kind as SelectionKind,
    title: h.title,
    honour: SELECTION_KIND_LABELS[h.kind as SelectionKind]?.zh ?? h.kind,
    name: publicName(h),
    rank: Number(h.rank ?? 0),
    publishedOn: (h.published_at ?? '').slice(0, 10),
  }));
}

function toItem(s: SelectionRow): SelectionItem {
  return {
    id: s.id,
    kind: s.kind as SelectionKind,
    title: s.title,
    nominateFrom: s.nominate_from,
    nominateTo: s.nominate_to,
    voteFrom: s.vote_from,
    voteTo: s.vote_to,
    places: Number(s.places),
    status: s.status as SelectionItem['status'],
    nominees: Number(s.nominees ?? 0),
    votes: Number(s.votes ?? 0),
    publishedAt: s.published_at,
  };
}

function toNominee(n: SelectionNomineeTable, liveVotes?: Map<string, number>): NomineeView {
  return {
    id: n.id,
    name: n.name,
    publicName: publicName(n),
    reason: n.reason,
    minor: !!n.minor,
    guardianConsent: !!n.guardian_consent_on,
    nominatedVia: n.nominated_via as NomineeView['nominatedVia'],
    status: n.status as NomineeView['status'],
    votes: liveVotes ? (liveVotes.get(n.id) ?? 0) : Number(n.votes),
    rank: n.rank === null ? null : Number(n.rank),
    honoured: !!n.honoured,
  };
}

export class SelectionsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly residents: ResidentDirectory,
  ) {}

  async list(actor: Actor): Promise<SelectionItem[]> {
    return (await repo.listSelections(this.db, actor.communityId)).map(toItem);
  }

  private async mustFind(db: DbOrTrx, actor: Actor, id: string) {
    const s = await repo.findSelection(db, actor.communityId, id);
    if (!s) throw new AppError('not_found', { entity: 'selection' });
    return s;
  }

  async detail(actor: Actor, id: string): Promise<SelectionDetail> {
    await this.mustFind(this.db, actor, id);
    const [item] = (await repo.listSelections(this.db, actor.communityId)).filter((s) => s.id === id);
    const rows = await repo.nominees(this.db, actor.communityId, [id]);
    // While the vote is open staff follow the live count; after close the stored result.
    const live =
      item!.status === 'open'
        ? new Map((await repo.voteCounts(this.db, actor.communityId, id)).map((v) => [v.nominee_id, Number(v.n)]))
        : undefined;
    const ballot = rows.map((n) => toNominee(n, live));
    ballot.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || b.votes - a.votes);
    return { ...toItem(item!), ballot };
  }

  async create(actor: Actor, input: SelectionInput, ctx: RequestContext) {
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertSelection(trx, {
        community_id: actor.communityId,
        id,
        kind: input.kind,
        title: input.title,
        nominate_from: input.nominateFrom,
        nominate_to: input.nominateTo,
        vote_from: input.voteFrom,
        vote_to: input.voteTo,
        places: input.places,
        status: 'open',
        created_by: actor.accountId,
        created_at: new Date().toISOString(),
        closed_at: null,
        published_at: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'selection.create',
        entityType: 'selection',
        entityId: id,
        detail: { kind: input.kind, title: input.title, places: input.places },
      });
    });
    return { id };
  }

  private async isMinor(actor: Actor, kind: string, residentId: string | null | undefined, marked: boolean) {
    if (kind === 'virtuous_youth' || marked) return true;
    if (!residentId) return false;
    const r = await this.residents.get(actor.communityId, residentId);
    return !!r && ageOn(r.birthDate, todayInShanghai()) < 18;
  }

  async nominateByStaff(actor: Actor, id: string, input: StaffNomination, ctx: RequestContext) {
    const s = await this.mustFind(this.db, actor, id);
    if (s.status !== 'open') throw new AppError('selection_not_open', {});
    if (input.residentId && !(await this.residents.get(actor.communityId, input.residentId)))
      throw new AppError('validation', { fields: [{ field: 'residentId', message: 'invalid.unknownResident' }] });
    const minor = await this.isMinor(actor, s.kind, input.residentId, input.minor);
    return this.addNominee(actor, s.id, { ...input, minor }, 'staff', 'accepted', ctx);
  }

  async nominateByResident(actor: Actor, id: string, input: { name: string; reason: string }, ctx: RequestContext) {
    const s = await this.mustFind(this.db, actor, id);
    const today = todayInShanghai();
    if (s.status !== 'open' || today < s.nominate_from || today > s.nominate_to)
      throw new AppError('selection_not_nominating', { from: s.nominate_from, to: s.nominate_to });
    return this.addNominee(actor, s.id, { ...input, minor: s.kind === 'virtuous_youth' }, 'resident', 'proposed', ctx);
  }

  private async addNominee(
    actor: Actor,
    selectionId: string,
    n: { name: string; reason: string; residentId?: string | null; minor: boolean },
    via: 'staff' | 'resident',
    status: 'accepted' | 'proposed',
    ctx: RequestContext,
  ) {
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertNominee(trx, {
        community_id: actor.communityId,
        id,
        selection_id: selectionId,
        name: n.name,
        resident_id: n.residentId ?? null,
        reason: n.reason,
        minor: n.minor ? 1 : 0,
        guardian_name: null,
        guardian_consent_on: null,
        guardian_recorded_by: null,
        nominated_by: actor.accountId,
        nominated_via: via,
        status,
        votes: 0,
        rank: null,
        honoured: 0,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'selection.nominate',
        entityType: 'selection',
        entityId: selectionId,
        detail: { nomineeId: id, via },
      });
    });
    return { id };
  }

  private async mustFindNominee(db: DbOrTrx, actor: Actor, selectionId: string, nomineeId: string) {
    const n = await repo.findNominee(db, actor.communityId, selectionId, nomineeId);
    if (!n) throw new AppError('not_found', { entity: 'nominee' });
    return n;
  }

  async decide(actor: Actor, id: string, nomineeId: string, accept: boolean, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.mustFind(trx, actor, id);
      if (s.status !== 'open') throw new AppError('selection_not_open', {});
      await this.mustFindNominee(trx, actor, id, nomineeId);
      await repo.updateNominee(trx, actor.communityId, nomineeId, { status: accept ? 'accepted' : 'rejected' });
      await this.audit.recordBy(trx, actor, ctx, {
        action: accept ? 'selection.accept' : 'selection.reject',
        entityType: 'selection',
        entityId: id,
        detail: { nomineeId },
      });
    });
  }

  async recordGuardianConsent(
    actor: Actor,
    id: string,
    nomineeId: string,
    input: { guardianName: string; signedOn: string },
    ctx: RequestContext,
  ) {
    await this.db.transaction().execute(async (trx) => {
      await this.mustFind(trx, actor, id);
      await this.mustFindNominee(trx, actor, id, nomineeId);
      await repo.updateNominee(trx, actor.communityId, nomineeId, {
        guardian_name: input.guardianName,
        guardian_consent_on: input.signedOn,
        guardian_recorded_by: actor.accountId,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'selection.guardian_consent',
        entityType: 'selection',
        entityId: id,
        detail: { nomineeId, signedOn: input.signedOn },
      });
    });
  }

  /** Ends the vote: counts each nominee's votes, ranks the ballot (ties share a rank) and marks the honoured. */
  async close(actor: Actor, id: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.mustFind(trx, actor, id);
      if (s.status !== 'open') throw new AppError('selection_not_open', {});
      const counts = new Map(
        (await repo.voteCounts(trx, actor.communityId, id)).map((v) => [v.nominee_id, Number(v.n)]),
      );
      const ballot = (await repo.nominees(trx, actor.communityId, [id]))
        .filter((n) => n.status === 'accepted')
        .map((n) => ({ id: n.id, votes: counts.get(n.id) ?? 0 }))
        .sort((a, b) => b.votes - a.votes);
      for (const n of ballot) {
        const rank = ballot.findIndex((m) => m.votes === n.votes) + 1;
        await repo.updateNominee(trx, actor.communityId, n.id, {
          votes: n.votes,
          rank,
          honoured: rank <= Number(s.places) && n.votes > 0 ? 1 : 0,
        });
      }
      await repo.updateSelection(trx, actor.communityId, id, { status: 'closed', closed_at: new Date().toISOString() });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'selection.close',
        entityType: 'selection',
        entityId: id,
        detail: { ballot: ballot.length, votes: ballot.reduce((a, n) => a + n.votes, 0) },
      });
    });
    return this.detail(actor, id);
  }

  async publish(actor: Actor, id: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.mustFind(trx, actor, id);
      if (s.status === 'published') throw new AppError('selection_already_published', {});
      if (s.status !== 'closed') throw new AppError('selection_not_closed', {});
      const honoured = (await repo.nominees(trx, actor.communityId, [id])).filter((n) => n.honoured);
      const lacking = honoured.find((n) => n.minor && !n.guardian_consent_on);
      if (lacking) throw new AppError('selection_consent_missing', { name: publicName(lacking) });
      await repo.updateSelection(trx, actor.communityId, id, {
        status: 'published',
        published_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'selection.publish',
        entityType: 'selection',
        entityId: id,
        detail: { honoured: honoured.length },
      });
    });
  }

  // ------------------------------------------------------------------------------------------ on the phone

  /** Selections taking nominations or votes today, with the ballot as the public sees it and the caller's vote. */
  async phone(actor: Actor): Promise<PhoneSelection[]> {
    const today = todayInShanghai();
    const open = (await repo.listSelections(this.db, actor.communityId, ['open'])).filter(
      (s) => (today >= s.nominate_from && today <= s.nominate_to) || (today >= s.vote_from && today <= s.vote_to),
    );
    const ids = open.map((s) => s.id);
    const [rows, mine] = await Promise.all([
      repo.nominees(this.db, actor.communityId, ids),
      repo.votesOf(this.db, actor.communityId, actor.accountId, ids),
    ]);
    const myVote = new Map(mine.map((v) => [v.selection_id, v.nominee_id]));
    return open.map((s) => ({
      id: s.id,
      kind: s.kind as SelectionKind,
      title: s.title,
      nominateFrom: s.nominate_from,
      nominateTo: s.nominate_to,
      voteFrom: s.vote_from,
      voteTo: s.vote_to,
      nominating: today >= s.nominate_from && today <= s.nominate_to,
      voting: today >= s.vote_from && today <= s.vote_to,
      myVote: myVote.get(s.id) ?? null,
      ballot: rows
        .filter((n) => n.selection_id === s.id && n.status === 'accepted')
        .map((n) => ({ id: n.id, name: publicName(n), reason: n.reason })),
    }));
  }

  /** One vote per resident account and selection; a second (however concurrent) is refused and changes nothing. */
  async vote(actor: Actor, id: string, nomineeId: string, ctx: RequestContext) {
    const s = await this.mustFind(this.db, actor, id);
    const today = todayInShanghai();
    if (s.status !== 'open' || today < s.vote_from || today > s.vote_to)
      throw new AppError('selection_not_voting', { from: s.vote_from, to: s.vote_to });
    const n = await repo.findNominee(this.db, actor.communityId, id, nomineeId);
    if (!n || n.status !== 'accepted') throw new AppError('selection_not_on_ballot', {});
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.insertVote(trx, actor.communityId, id, actor.accountId, nomineeId)))
        throw new AppError('selection_already_voted', {});
      // Who voted for whom stays out of the audit log: only that a vote was cast.
      await this.audit.recordBy(trx, actor, ctx, { action: 'selection.vote', entityType: 'selection', entityId: id });
    });
  }
}
