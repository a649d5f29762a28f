// The audit log: append-only, one hash chain per community. Each entry's hash covers its content and the
// previous hash, so editing or deleting any entry breaks verification from that entry on.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { AuditLogTable } from '../db/schema/index.ts';
import type { RequestContext } from './actor.ts';
import { sha256 } from './crypto.ts';

export interface AuditWho {
  communityId: string;
  accountId: string | null;
  name: string;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
}
/** Who acted, without the request: a signed-in actor (an `Actor` fits), or the system with no account or role. */
export interface AuditAuthor {
  communityId: string;
  accountId: string | null;
  name: string;
  role: string | null;
}
export interface AuditWhat {
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** The entry's author and, when the work came in a request, where it came from. */
export function auditWho(author: AuditAuthor, ctx: RequestContext | null): AuditWho {
  return {
    communityId: author.communityId,
    accountId: author.accountId,
    name: author.name,
    role: author.role,
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
  };
}

const GENESIS = '0'.repeat(64);

// Every audited write runs these two: compiled once (see prepared.ts).
const lastEntry = prepared((db, communityId: string) =>
  db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('community_id', '=', communityId)
    .orderBy('seq', 'desc')
    .limit(1),
);
const insertEntry = prepared((db, row: AuditLogTable) => db.insertInto('audit_log').values(row));

/** A chain's last entry, as the next one links to it. */
export interface AuditLink {
  seq: number;
  hash: string;
}
const lastKey = (communityId: string) => `audit:last:${communityId}`;
const lockKey = (communityId: string) => `audit:lock:${communityId}`;

function entryHash(prevHash: string, e: Record<string, unknown>): string {
  return sha256(prevHash + JSON.stringify(e));
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly kind: 'sqlite' | 'postgres',
  ) {}

  /**
   * Appends inside the caller's transaction when given one, so no write lands without its entry. `memo`: a group
   * commit's batch memo (platform/group-commit.ts), when EVERY entry of that transaction is recorded with it: the
   * chain's lock and last link are then read once per batch, not once per entry.
   */
  async record(dbOrTrx: DbOrTrx, who: AuditWho, what: AuditWhat, memo?: Map<string, unknown>): Promise<void> {
    if (!dbOrTrx.isTransaction) {
      await dbOrTrx.transaction().execute((trx) => this.record(trx, who, what));
      return;
    }
    const entry = this.entryAfter(await this.lastLink(dbOrTrx, who.communityId, memo), who, what);
    await insertEntry(dbOrTrx, entry);
    this.linked(entry, memo);
  }

  /**
   * For a caller that writes its entry in a statement of its own (see entryAfter): the chain's lock taken (held to
   * the end of the transaction) and its last link, from `memo` when the batch has already read or written it.
   */
  async lastLink(trx: DbOrTrx, communityId: string, memo?: Map<string, unknown>): Promise<AuditLink | undefined> {
    // Serialise appends per community. SQLite already runs one writer at a time.
    if (this.kind === 'postgres' && !memo?.has(lockKey(communityId))) {
      // The lock and the last link in one round trip (see the migration 2026-12-11T0400_audit_chain_head).
      const head = await sql<AuditLink>`select seq, hash from audit_chain_head(${communityId})`.execute(trx);
      memo?.set(lockKey(communityId), true);
      return head.rows[0];
    }
    await this.lockChain(trx, communityId, memo);
    return (memo?.get(lastKey(communityId)) as AuditLink | undefined) ?? (await lastEntry(trx, communityId)).rows[0];
  }

  /** The entry that follows `last` (undefined: the chain's first), its hash made; `at` defaults to now. */
  entryAfter(
    last: AuditLink | undefined,
    who: AuditWho,
    what: AuditWhat,
    at = new Date().toISOString(),
  ): AuditLogTable {
    const prevHash = last?.hash ?? GENESIS;
    const row = {
      community_id: who.communityId,
      seq: (last?.seq ?? 0) + 1,
      at,
      actor_account_id: who.accountId,
      actor_name: who.name,
      actor_role: who.role,
      action: what.action,
      entity_type: what.entityType,
      entity_id: what.entityId ?? null,
      detail: JSON.stringify(what.detail ?? {}),
      ip: who.ip,
      user_agent: who.userAgent,
    };
    return { ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) };
  }

  /** `entry` was written: the chain's last link now, for the rest of the batch that `memo` belongs to. */
  linked(entry: AuditLogTable, memo?: Map<string, unknown>): void {
    memo?.set(lastKey(entry.community_id), { seq: entry.seq, hash: entry.hash });
  }

  /** Appends an entry by `author`, in the request `ctx` (null for work the system does on its own). */
  recordBy(
    dbOrTrx: DbOrTrx,
    author: AuditAuthor,
    ctx: RequestContext | null,
    what: AuditWhat,
    memo?: Map<string, unknown>,
  ): Promise<void> {
    return this.record(dbOrTrx, auditWho(author, ctx), what, memo);
  }

  /**
   * Takes the community's append lock now (PostgreSQL; held to the end of the transaction). A transaction that
   * locks rows a long-lived writer also wants (the sign-up group commit) takes it first, so both lock in one order.
   */
  async lockChain(trx: DbOrTrx, communityId: string, memo?: Map<string, unknown>): Promise<void> {
    if (this.kind !== 'postgres') return;
    const key = lockKey(communityId);
    if (memo?.has(key)) return;
    // The same lock as audit_chain_head takes (migration 2026-12-11T0400): the key must stay the same in both.
    await sql`select pg_advisory_xact_lock(hashtext(${'audit:' + communityId}))`.execute(trx);
    memo?.set(key, true);
  }

  /** Walks a community's chain; returns the first entry whose link or content does not add up. */
  async verify(communityId: string): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
    let prevHash = GENESIS;
    let expectSeq = 1;
    let checked = 0;
    const pageSize = 5000;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('seq', '>=', expectSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of rows) {
        const { prev_hash, hash, ...content } = r;
        if (r.seq !== expectSeq || prev_hash !== prevHash || entryHash(prevHash, content) !== hash)
          return { ok: false, checked, brokenAt: expectSeq };
        prevHash = hash;
        expectSeq++;
        checked++;
      }
      if (rows.length < pageSize) return { ok: true, checked, brokenAt: null };
    }
  }
}
