// Care reach, simulated: the same seed gives the same year; the product's policy reaches the special-group residents
// better than first-come on the same seed and reaches the goal; the script ends
// with the line the issue asks for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildWorld, DEFAULT_START, DEMO_SEED } from './world.ts';
import { LAST_LINE_RE, lastLine, simulate } from './simulate.ts';

const SEED = 3;
const world = buildWorld({ communitySeed: DEMO_SEED, start: DEFAULT_START, warmupDays: 60, seed: SEED });

describe('care reach, simulated', () => {
  const firstCome = simulate(world, { policy: 'first-come', seed: SEED });

  it('plays the same year for the same seed, and another year for another', () => {
    const again = buildWorld({ communitySeed: DEMO_SEED, start: DEFAULT_START, warmupDays: 60, seed: SEED });
    assert.deepEqual(again.needs, world.needs);
    assert.deepEqual(simulate(again, { policy: 'first-come', seed: SEED }), firstCome);
    const other = simulate(world, { policy: 'first-come', seed: SEED + 1 });
    assert.notDeepEqual(other, firstCome);
  });

  it('measures the demo: its special-group residents and a year of its needs, all served when not withdrawn', () => {
    assert.ok(world.special.length > 900, `${world.special.length}`);
    assert.equal(firstCome.residents, world.special.length);
    assert.ok(firstCome.needs.arrived >= 700 && firstCome.needs.arrived <= 720, `${firstCome.needs.arrived}`);
    assert.ok(firstCome.needs.met >= firstCome.needs.arrived * 0.8, JSON.stringify(firstCome.needs));
    assert.equal(firstCome.alerts, 0);
    assert.equal(firstCome.byKind.pairing_visit, undefined);
  });

  it('reaches people sooner under linli than first-come, and the goal: nobody silent over 14 days', () => {
    const linli = simulate(world, { policy: 'linli', seed: SEED });
    assert.ok(linli.silentOver14 < firstCome.silentOver14, `${linli.silentOver14} vs ${firstCome.silentOver14}`);
    assert.ok(linli.maxSilence < firstCome.maxSilence, `${linli.maxSilence} vs ${firstCome.maxSilence}`);
    assert.ok(linli.contacts > firstCome.contacts);
    assert.ok(linli.alerts > 0 && (linli.byKind.pairing_visit ?? 0) > 0);
    assert.ok(linli.maxSilence <= 14, lastLine(linli));
    assert.ok(linli.gini < 0.25, lastLine(linli));
    assert.equal(linli.neverContacted, 0);
  });

  it('ends the script with `max silence D days; Gini G; never contacted K; contacts C`', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/simulate-care.ts', '--policy', 'first-come', '--seed', String(SEED)],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const line = run.stdout.trimEnd().split('\n').at(-1)!;
    assert.match(line, LAST_LINE_RE);
    assert.equal(line, lastLine(firstCome));
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/simulate-care.ts', '--policy', 'random'], {
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--policy/);
  });
});
