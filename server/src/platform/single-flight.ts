// Concurrent callers asking for the same thing share one computation. Ten staff opening the left-out monitor at
// once used to run ten identical whole-community aggregations one after another on one core; now the ones that
// arrive while it runs wait for that one answer. Nothing is kept after it settles: the next caller computes
// afresh, so an answer is never older than the request it joined (a few tens of milliseconds).
export class SingleFlight<V> {
  private readonly running = new Map<string, Promise<V>>();

  run(key: string, compute: () => Promise<V>): Promise<V> {
    const joined = this.running.get(key);
    if (joined) return joined;
    const p = compute().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  /** How many computations are running now (for tests). */
  get size(): number {
    return this.running.size;
  }
}
