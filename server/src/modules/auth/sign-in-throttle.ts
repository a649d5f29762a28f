// Slows guessing down without handing an attacker a way to lock people out (issue 16).
//
// Three failure counters, kept in the database so every server agrees, each under a keyed hash:
// - the phone number (whether or not it has an account: an unknown number is counted, throttled and answered exactly
//   like a known one, so the answers never say which numbers exist);
// - the client address;
// - the pair (phone, address).
// The first failures are free (5 per number, 20 per address); after that each failure makes the next attempt wait
// 30 s, 1 min, 2 min, … up to 15 min. Counters forget after 24 hours without a failure; a session opening clears the
// number's and the pair's counters (not the address's: one known password must not wash an address clean).
// A waiting number still lets in an address that has never failed for it: the holder signing in from their usual
// place is not kept out by someone guessing elsewhere (each new address gets one try before it waits too).
// Nothing here ends a session: guesses by others never sign the holder out.
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './two-factor.repository.ts';

export const FREE_FAILURES_PER_NUMBER = 5;
export const FREE_FAILURES_PER_ADDRESS = 20;
export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 15 * 60;
export const FORGET_AFTER_HOURS = 24;

/** Seconds to wait after `failures` failures when the first `free` cost nothing. */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(failures - free, 10));
}

export interface Gate {
  keys: { number: string; address: string; pair: string };
  /** Seconds the number must still wait; the attempt was let in only because the pair has never failed. */
  numberWait: number;
}

export class SignInThrottle {
  constructor(
    private readonly db: Db,
    /** A keyed hash, so the table holds neither phone numbers nor addresses. */
    private readonly hashOf: (kind: string, value: string) => string,
  ) {}

  private keys(phone: string, ip: string | null) {
    const address = ip ?? '-';
    return {
      number: `n:${this.hashOf('sign_in_number', phone)}`,
      address: `a:${this.hashOf('sign_in_address', address)}`,
      pair: `p:${this.hashOf('sign_in_pair', `${phone}\u0000${address}`)}`,
    };
  }

  /** Refuses (429 with a wait) before any password is checked, or returns the keys to count against. */
  async enter(phone: string, ip: string | null, now = Date.now()): Promise<Gate> {
    const keys = this.keys(phone, ip);
    const forget = now - FORGET_AFTER_HOURS * 3600_000;
    const rows = new Map((await repo.throttleRows(this.db, Object.values(keys))).map((r) => [r.key, r]));
    const live = (key: string) => {
      const r = rows.get(key);
      return r && Date.parse(r.last_failed_at) >= forget ? r : undefined;
    };
    const left = (key: string) => {
      const until = live(key)?.blocked_until;
      return until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : 0;
    };
    const addressWait = left(keys.address);
    if (addressWait > 0) throw wait(addressWait);
    const numberWait = left(keys.number);
    if (numberWait > 0 && live(keys.pair)) throw wait(numberWait);
    return { keys, numberWait };
  }

  /** Counts a wrong password, code or second factor; refuses with the wait when the number was already waiting. */
  async fail(gate: Gate, now = Date.now()): Promise<void> {
    const at = new Date(now).toISOString();
    const forget = new Date(now - FORGET_AFTER_HOURS * 3600_000).toISOString();
    const block = async (key: string, free: number) => {
      const failures = await repo.addFailure(this.db, key, at, forget);
      const s = waitAfter(failures, free);
      await repo.setBlockedUntil(this.db, key, s ? new Date(now + s * 1000).toISOString() : null);
      return s;
    };
    const numberWait = await block(gate.keys.number, FREE_FAILURES_PER_NUMBER);
    await block(gate.keys.address, FREE_FAILURES_PER_ADDRESS);
    // The pair only needs to remember that it failed (enter() reads that); it never makes anyone wait.
    await repo.addFailure(this.db, gate.keys.pair, at, forget);
    if (gate.numberWait > 0) throw wait(numberWait);
  }

  async succeed(gate: Gate): Promise<void> {
    await repo.clearThrottle(this.db, [gate.keys.number, gate.keys.pair]);
  }
}

function wait(seconds: number) {
  return new AppError('sign_in_wait', { retryAfterSeconds: seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) });
}
