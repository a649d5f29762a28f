// The demo year of needs is lawful (every status reached by allowed moves, in time order) and uneven the way
// the case study says real help is: a few elders get most of it, some get none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canMove } from '../../domain/needs/needs.ts';
import { needRows } from './needs.ts';

const residents = Array.from({ length: 400 }, (_, i) => ({
  id: `r${i}`,
  household_id: `h${i >> 1}`,
  grid_id: `g${i % 4}`,
  birth_date: i % 2 ? '1945-01-01' : '1990-01-01',
  status: 'active',
}));
const households = Array.from({ length: 200 }, (_, i) => ({ id: `h${i}`, grid_id: `g${(i * 2) % 4}` }));
const volunteers = Array.from({ length: 50 }, (_, i) => ({
  id: `v${i}`,
  status: 'approved',
  birth_date: '1980-01-01',
}));
const rows = needRows({
  communityId: 'c',
  now: new Date('2026-11-28T04:00:00Z'),
  today: '2026-11-28',
  seed: 7,
  residents,
  households,
  volunteers,
  specialGroupResidentIds: [],
  skills: volunteers.map((v, i) => ({ volunteer_id: v.id, category: i % 2 ? 'medical' : 'household' })),
  staff: { accountId: 'a', name: '赵婷' },
  gridLeaders: new Map(),
});

describe('demo needs', () => {
  it('moves every need only along allowed steps, in time order', () => {
    const byNeed = new Map<string, typeof rows.events>();
    for (const e of rows.events) byNeed.set(e.need_id, [...(byNeed.get(e.need_id) ?? []), e]);
    for (const n of rows.needs) {
      const events = byNeed.get(n.id)!;
      assert.equal(events.at(-1)!.to_status, n.status);
      for (let i = 1; i < events.length; i++) {
        assert.ok(
          canMove(events[i - 1]!.to_status as never, events[i]!.to_status as never),
          `${events[i - 1]!.to_status} → ${events[i]!.to_status}`,
        );
        assert.ok(events[i - 1]!.at <= events[i]!.at);
      }
    }
  });

  it('asks only from elders, and unevenly: some often, some never', () => {
    const counts = new Map<string, number>();
    for (const n of rows.needs) counts.set(n.resident_id, (counts.get(n.resident_id) ?? 0) + 1);
    const elders = residents.filter((r) => r.birth_date < '1966-01-01');
    assert.ok([...counts.keys()].every((id) => elders.some((e) => e.id === id)));
    const never = elders.filter((e) => !counts.has(e.id)).length;
    assert.ok(never >= elders.length * 0.2, `${never} elders never asked`);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const topFifth = sorted.slice(0, Math.ceil(elders.length * 0.2)).reduce((s, x) => s + x, 0);
    assert.ok(topFifth > rows.needs.length / 2, 'a fifth of the elders get most of the help');
  });

  it('surveys most households, and goes back often to the oldest — but not to all of them', () => {
    const visited = new Set(rows.surveyVisits.map((v) => v.household_id));
    assert.ok(visited.size > households.length * 0.8 && visited.size < households.length);
    const lastVisit = new Map<string, string>();
    for (const v of rows.surveyVisits)
      if ((lastVisit.get(v.household_id) ?? '') < v.visited_on) lastVisit.set(v.household_id, v.visited_on);
    const elderly = [...visited].filter((h) =>
      residents.some((r) => r.household_id === h && r.birth_date < '1956-01-01'),
    );
    const recent = elderly.filter((h) => lastVisit.get(h)! >= '2026-11-10').length;
    assert.ok(
      recent > elderly.length * 0.6,
      `${recent} of ${elderly.length} elderly households seen in the last weeks`,
    );
    assert.ok(recent < elderly.length, 'some are left out');
  });
});
