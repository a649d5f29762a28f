// Concurrent callers asking for the same thing share one computation. Ten staff opening the left-out monitor at
// once used to run ten identical whole-community aggregations one after another on one core; now the ones that
// arrive while it runs wait for that one answer. Nothing is kept after it settles: the next caller computes
// afresh, so an answer is never older than the request it joined (a few tens of milliseconds).
export class SingleFlight<V> {
  private readonly running = new Map<string, Promise<V>>();

  run(key: string, compute: () => Promise<V>): Promise<V> {
    const joined = this.running.get(key);
    if (joined) return joined;
    // The computation starts on the next turn of the event loop, not at once: on SQLite (better-sqlite3 answers
    // synchronously) a whole computation is microtasks only and would finish before any other request is read,
    // so nobody could ever join it. Deferred, the requests read in the same turn join the one run.
    const p = new Promise<void>((started) => setImmediate(started))
      .then(compute)
      .finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  /** How many computations are running now (for tests). */
  get size(): number {
    return this.running.size;
  }
}
