// Lookups asked for in the same turn of the event loop, gathered into one read. A burst of requests (2,000
// sign-ups for one shift) would otherwise send the same reads, or the same read for different ids, once per
// request: here the first asker under a key opens a gathering, every asker in that turn adds its ids, and on the
// next turn ONE fetch runs for all of them; each asker gets the whole result and picks its own part.
// Only for reads whose answer for an id does not depend on who asked, made at the moment any of them could have.

export class SameTurn<R> {
  private readonly open = new Map<string, { ids: Set<string>; result: Promise<R> }>();

  /**
   * The result of `fetch` for `key` and every id asked under it this turn. `fetch` is the first asker's: callers
   * must put into `key` everything that `fetch` depends on besides the ids.
   */
  ask(key: string, ids: Iterable<string>, fetch: (ids: string[]) => Promise<R>): Promise<R> {
    let turn = this.open.get(key);
    if (!turn) {
      const gathered = new Set<string>();
      const result = new Promise<R>((resolve, reject) =>
        setImmediate(() => {
          this.open.delete(key);
          fetch([...gathered]).then(resolve, reject);
        }),
      );
      turn = { ids: gathered, result };
      this.open.set(key, turn);
    }
    for (const id of ids) turn.ids.add(id);
    return turn.result;
  }
}
