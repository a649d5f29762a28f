// Recently resolved sessions, so a burst of requests with one cookie reads the session once, not once each.
//
// Sign-out, a lockout, a change of language or role forget the account's entries at once, and a lookup that was in
// flight when something was forgotten is not kept (the epoch). With several servers (attach), every forget is
// announced through the cluster events and the other servers forget too, within milliseconds; TTL_MS still bounds
// how long a session ended elsewhere may be honoured here if an announcement is lost.
import type { Actor } from './actor.ts';
import type { ClusterEvents } from './cluster-events.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
  expiresAt: number;
}

/** What one server tells the others to forget: a session (its token hash), an account's sessions, or all. */
type Forget = { s: string } | { a: string } | { all: true };
const TOPIC = 'sessions';

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private epochValue = 0;
  private cluster: ClusterEvents | null = null;

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take this before reading a session; pass it to set() so a read overtaken by a forget is not cached. */
  epoch(): number {
    return this.epochValue;
  }

  get(tokenHash: string): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    const now = this.now();
    if (e.until <= now || e.expiresAt <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  /** Keeps the actor for TTL_MS, never past the session's own expiry. */
  set(actor: Actor, sessionExpiresAt: number, epoch: number): void {
    if (epoch !== this.epochValue) return;
    // Not told of sign-outs elsewhere while the cluster connection is down: read every time meanwhile.
    if (this.cluster && !this.cluster.listening) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(actor.tokenHash, { actor, until: this.now() + this.ttlMs, expiresAt: sessionExpiresAt });
  }

  /** Forgets on every server: each forget below is announced, and what others announce is forgotten here. */
  attach(cluster: ClusterEvents): void {
    this.cluster = cluster;
    cluster.subscribe(TOPIC, (p) => this.drop(p as Forget | null));
  }

  forgetSession(tokenHash: string): void {
    this.forget({ s: tokenHash });
  }

  /** Every cached session (a community rule that decides what sessions may do changed). */
  forgetAll(): void {
    this.forget({ all: true });
  }

  /** Every cached session of the account (sign-in lockout, role or language changed). */
  forgetAccount(accountId: string): void {
    this.forget({ a: accountId });
  }

  private forget(what: Forget) {
    if (this.cluster) this.cluster.announce(TOPIC, what);
    else this.drop(what);
  }

  /** null: announcements may have been missed (the cluster connection was lost): forget everything. */
  private drop(what: Forget | null) {
    this.epochValue++;
    if (!what || 'all' in what) this.entries.clear();
    else if ('s' in what) this.entries.delete(what.s);
    else for (const [hash, e] of this.entries) if (e.actor.accountId === what.a) this.entries.delete(hash);
  }
}
