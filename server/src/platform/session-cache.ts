// Recently resolved sessions, so a burst of requests with one cookie reads the session once, not once each.
//
// Correct within this process: sign-out, a lockout, a change of language or role forget the account's
// entries at once, and a lookup that was in flight when something was forgotten is not kept (the epoch).
// Another process (several servers on one PostgreSQL) learns of a sign-out there only when the entry
// expires: TTL_MS bounds how long a session ended elsewhere may still be honoured here.
import type { Actor } from './actor.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
  expiresAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private epochValue = 0;

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
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(actor.tokenHash, { actor, until: this.now() + this.ttlMs, expiresAt: sessionExpiresAt });
  }

  forgetSession(tokenHash: string): void {
    this.epochValue++;
    this.entries.delete(tokenHash);
  }

  /** Every cached session (a community rule that decides what sessions may do changed). */
  forgetAll(): void {
    this.epochValue++;
    this.entries.clear();
  }

  /** Every cached session of the account (sign-in lockout, role or language changed). */
  forgetAccount(accountId: string): void {
    this.epochValue++;
    for (const [hash, e] of this.entries) if (e.actor.accountId === accountId) this.entries.delete(hash);
  }
}
