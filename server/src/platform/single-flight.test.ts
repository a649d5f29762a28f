import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SingleFlight } from './single-flight.ts';

describe('SingleFlight', () => {
  it('runs one computation for callers that arrive while it runs, and a fresh one afterwards', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const answers = await Promise.all([flight.run('a', compute), flight.run('a', compute), flight.run('a', compute)]);
    assert.deepEqual(answers, [1, 1, 1]);
    assert.equal(flight.size, 0);
    assert.equal(await flight.run('a', compute), 2);
  });

  it('is joined by callers of the same turn even when the computation never waits on I/O (SQLite)', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    // Microtasks only, as a computation over better-sqlite3 is: it would be done before the next caller came.
    const compute = async () => {
      runs++;
      await Promise.resolve();
      return runs;
    };
    // Two requests read in the same turn of the event loop (two timers due together stand in for them).
    const answers = await new Promise<number[]>((done) => {
      const got: Array<Promise<number>> = [];
      setTimeout(() => got.push(flight.run('s', compute)));
      setTimeout(() => {
        got.push(flight.run('s', compute));
        void Promise.all(got).then(done);
      });
    });
    assert.deepEqual(answers, [1, 1]);
    assert.equal(runs, 1);
  });

  it('keeps different keys apart', async () => {
    const flight = new SingleFlight<string>();
    const answers = await Promise.all([flight.run('x', async () => 'x'), flight.run('y', async () => 'y')]);
    assert.deepEqual(answers, ['x', 'y']);
  });

  it('passes a failure to every caller that joined it, and forgets it', async () => {
    const flight = new SingleFlight<number>();
    const failing = async () => {
      await new Promise((r) => setTimeout(r, 5));
      throw new Error('boom');
    };
    const results = await Promise.allSettled([flight.run('k', failing), flight.run('k', failing)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(await flight.run('k', async () => 7), 7);
  });
});
