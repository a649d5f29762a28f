// The hours ledger: corrections replace and void, chains, cycles, credit and honour apart, rounding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  effectiveEntries,
  roundMinutes,
  totals,
  validateEntry,
  validateRoundingRule,
  type HoursEntry,
  type RoundingRule,
} from './ledger.ts';

const entry = (e: Partial<HoursEntry> & { id: string }): HoursEntry => ({
  volunteerId: 'v1',
  source: 'activity',
  sourceId: 'a1',
  serviceDate: '2026-12-05',
  minutes: 120,
  kind: 'credit',
  correctsId: null,
  ...e,
});
const codes = (errors: { code: string; entryId: string }[]) => errors.map((e) => `${e.code}:${e.entryId}`).sort();

describe('hours ledger: corrections', () => {
  it('a correction replaces the minutes of the entry it points at, and the original stays in the input', () => {
    const input = [entry({ id: 'a', minutes: 120 }), entry({ id: 'b', minutes: 90, correctsId: 'a' })];
    const { entries, errors } = effectiveEntries(input);
    assert.deepEqual(errors, []);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.id, 'b');
    assert.equal(entries[0]!.rootId, 'a');
    assert.equal(entries[0]!.minutes, 90);
    assert.equal(input.length, 2); // nothing deleted
  });

  it('a correction to 0 minutes voids the entry', () => {
    const { entries, errors } = effectiveEntries([entry({ id: 'a' }), entry({ id: 'b', minutes: 0, correctsId: 'a' })]);
    assert.deepEqual(errors, []);
    assert.deepEqual(entries, []);
  });

  it('a correction of a correction replaces that one; a void can itself be corrected back', () => {
    const chain = [
      entry({ id: 'a', minutes: 120 }),
      entry({ id: 'b', minutes: 60, correctsId: 'a' }),
      entry({ id: 'c', minutes: 75, correctsId: 'b' }),
    ];
    const r = effectiveEntries(chain);
    assert.deepEqual(
      r.entries.map((e) => [e.id, e.rootId, e.minutes]),
      [['c', 'a', 75]],
    );
    const revived = effectiveEntries([
      entry({ id: 'a' }),
      entry({ id: 'b', minutes: 0, correctsId: 'a' }),
      entry({ id: 'c', minutes: 30, correctsId: 'b' }),
    ]);
    assert.deepEqual(
      revived.entries.map((e) => e.minutes),
      [30],
    );
  });

  it('reports cycles and self-corrections and leaves them out', () => {
    const { entries, errors } = effectiveEntries([
      entry({ id: 'ok', minutes: 60 }),
      entry({ id: 'x', correctsId: 'y' }),
      entry({ id: 'y', correctsId: 'x' }),
      entry({ id: 's', correctsId: 's' }),
      entry({ id: 'hang', correctsId: 'x' }),
    ]);
    assert.deepEqual(
      entries.map((e) => e.id),
      ['ok'],
    );
    assert.deepEqual(codes(errors), [
      'ledger.correction_cycle:hang',
      'ledger.correction_cycle:s',
      'ledger.correction_cycle:x',
      'ledger.correction_cycle:y',
    ]);
    const x = errors.find((e) => e.entryId === 'x')!;
    assert.deepEqual([...(x.details!.cycle as string[])].sort(), ['x', 'y']);
  });

  it('reports a correction of an unknown id, and corrections hanging below it', () => {
    const { entries, errors } = effectiveEntries([
      entry({ id: 'b', correctsId: 'nope' }),
      entry({ id: 'c', correctsId: 'b' }),
    ]);
    assert.deepEqual(entries, []);
    assert.deepEqual(codes(errors), ['ledger.correction_of_ignored:c', 'ledger.correction_unknown_target:b']);
  });

  it('refuses a correction that moves minutes to another volunteer or from credit to honour', () => {
    const { entries, errors } = effectiveEntries([
      entry({ id: 'a', minutes: 60 }),
      entry({ id: 'b', volunteerId: 'v2', correctsId: 'a' }),
      entry({ id: 'c', kind: 'honour', source: 'honour', correctsId: 'a' }),
    ]);
    assert.deepEqual(
      entries.map((e) => [e.id, e.minutes]),
      [['a', 60]],
    );
    assert.deepEqual(codes(errors), ['ledger.correction_changes_kind:c', 'ledger.correction_changes_volunteer:b']);
  });

  it('two corrections of one entry: the later wins and the conflict is reported', () => {
    const { entries, errors } = effectiveEntries([
      entry({ id: 'a' }),
      entry({ id: 'b', minutes: 10, correctsId: 'a' }),
      entry({ id: 'c', minutes: 20, correctsId: 'a' }),
      entry({ id: 'd', minutes: 5, correctsId: 'b' }),
    ]);
    assert.deepEqual(
      entries.map((e) => e.minutes),
      [20],
    );
    assert.deepEqual(codes(errors), ['ledger.correction_conflict:a', 'ledger.correction_of_ignored:d']);
  });

  it('rejects negative, fractional and zero original minutes, bad dates, kind/source mismatch, duplicate ids', () => {
    assert.deepEqual(codes(validateEntry(entry({ id: 'n', minutes: -30 }))), ['ledger.invalid_minutes:n']);
    assert.deepEqual(codes(validateEntry(entry({ id: 'f', minutes: 1.5 }))), ['ledger.invalid_minutes:f']);
    assert.deepEqual(codes(validateEntry(entry({ id: 'z', minutes: 0 }))), ['ledger.invalid_minutes:z']);
    assert.deepEqual(codes(validateEntry(entry({ id: 'd', serviceDate: '2026-02-30' }))), ['ledger.invalid_date:d']);
    assert.deepEqual(codes(validateEntry(entry({ id: 'k', source: 'honour', kind: 'credit' }))), [
      'ledger.kind_source_mismatch:k',
    ]);
    assert.deepEqual(codes(validateEntry(entry({ id: 'k2', source: 'activity', kind: 'honour' }))), [
      'ledger.kind_source_mismatch:k2',
    ]);
    const dup = effectiveEntries([entry({ id: 'a', minutes: 60 }), entry({ id: 'a', minutes: 999 })]);
    assert.deepEqual(
      dup.entries.map((e) => e.minutes),
      [60],
    );
    assert.deepEqual(codes(dup.errors), ['ledger.duplicate_id:a']);
  });
});

describe('hours ledger: totals', () => {
  it('keeps credit and honour apart per volunteer', () => {
    const { byVolunteer, errors } = totals([
      entry({ id: '1', minutes: 120 }),
      entry({ id: '2', source: 'pairing_visit', minutes: 45 }),
      entry({ id: '3', source: 'appointment', minutes: 30 }),
      entry({ id: '4', source: 'honour', kind: 'honour', minutes: 600 }),
      entry({ id: '5', volunteerId: 'v2', source: 'honour', kind: 'honour', minutes: 60 }),
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(byVolunteer.get('v1'), { creditMinutes: 195, honourMinutes: 600 });
    assert.deepEqual(byVolunteer.get('v2'), { creditMinutes: 0, honourMinutes: 60 });
  });

  const arbEntries = fc
    .array(
      fc.record({
        v: fc.constantFrom('v1', 'v2', 'v3'),
        honour: fc.boolean(),
        minutes: fc.integer({ min: 1, max: 600 }),
        corrects: fc.option(fc.nat({ max: 30 }), { nil: null }),
        correctedMinutes: fc.integer({ min: 0, max: 600 }),
      }),
      { maxLength: 30 },
    )
    .map((rows) =>
      rows.map((r, i): HoursEntry => {
        // A correction points at an earlier entry and copies its volunteer and kind, as the write path would.
        const target = r.corrects !== null && r.corrects < i ? r.corrects : null;
        const base = target !== null ? rows[target]! : r;
        return entry({
          id: `e${i}`,
          volunteerId: base.v,
          kind: base.honour ? 'honour' : 'credit',
          source: base.honour ? 'honour' : 'activity',
          minutes: target !== null ? r.correctedMinutes : r.minutes,
          correctsId: target !== null ? `e${target}` : null,
        });
      }),
    );

  it('totals equal the sum of the effective entries, kind by kind, and credit never carries honour (property)', () => {
    fc.assert(
      fc.property(arbEntries, (es) => {
        const { byVolunteer } = totals(es);
        const eff = effectiveEntries(es).entries;
        for (const [v, t] of byVolunteer) {
          const mine = eff.filter((e) => e.volunteerId === v);
          assert.equal(
            t.creditMinutes,
            mine.filter((e) => e.kind === 'credit').reduce((s, e) => s + e.minutes, 0),
          );
          assert.equal(
            t.honourMinutes,
            mine.filter((e) => e.kind === 'honour').reduce((s, e) => s + e.minutes, 0),
          );
        }
        // Adding honour entries never changes anyone's credit.
        const more = [
          ...es,
          ...['v1', 'v2', 'v3'].map((v, i) =>
            entry({ id: `h${i}`, volunteerId: v, source: 'honour', kind: 'honour', minutes: 500 }),
          ),
        ];
        const after = totals(more).byVolunteer;
        for (const v of ['v1', 'v2', 'v3'])
          assert.equal(after.get(v)!.creditMinutes, byVolunteer.get(v)?.creditMinutes ?? 0);
        // Rounding down never increases anyone's hours.
        const down = totals(es, { unit: 30, mode: 'down' }).byVolunteer;
        for (const [v, t] of down) {
          assert.ok(t.creditMinutes <= byVolunteer.get(v)!.creditMinutes);
          assert.ok(t.honourMinutes <= byVolunteer.get(v)!.honourMinutes);
        }
      }),
    );
  });

  it('applies rounding per entry', () => {
    const es = [entry({ id: '1', minutes: 50 }), entry({ id: '2', minutes: 50 })];
    // Per entry: 45 + 45. With whole hours rounded down, each 50-minute line is 0 h, so the total is 0 — not
    // the 60 a rounded total of 100 minutes would show, which no line on the record would account for.
    assert.equal(totals(es, { unit: 15, mode: 'down' }).byVolunteer.get('v1')!.creditMinutes, 90);
    assert.equal(totals(es, { unit: 60, mode: 'down' }).byVolunteer.get('v1')!.creditMinutes, 0);
    assert.equal(totals(es, { unit: 60, mode: 'nearest' }).byVolunteer.get('v1')!.creditMinutes, 120);
  });
});

describe('hours ledger: rounding', () => {
  it('rounds by unit and mode', () => {
    const cases: [number, RoundingRule, number][] = [
      [52, { unit: 15, mode: 'down' }, 45],
      [52, { unit: 15, mode: 'up' }, 60],
      [52, { unit: 15, mode: 'nearest' }, 45],
      [53, { unit: 15, mode: 'nearest' }, 60],
      [45, { unit: 15, mode: 'up' }, 45],
      [0, { unit: 30, mode: 'up' }, 0],
      [44, { unit: 30, mode: 'nearest' }, 30],
      [45, { unit: 30, mode: 'nearest' }, 60],
      [89, { unit: 60, mode: 'down' }, 60],
      [90, { unit: 60, mode: 'nearest' }, 120],
      [61, { unit: 60, mode: 'up' }, 120],
    ];
    for (const [m, rule, want] of cases) assert.equal(roundMinutes(m, rule), want, `${m} ${rule.unit} ${rule.mode}`);
    assert.equal(roundMinutes(52, null), 52);
    assert.throws(() => roundMinutes(-1, { unit: 15, mode: 'down' }), RangeError);
  });

  const arbRule = fc.record({
    unit: fc.constantFrom(15 as const, 30 as const, 60 as const),
    mode: fc.constantFrom('down' as const, 'nearest' as const, 'up' as const),
  });

  it('rounding down never increases hours, up never decreases them, every result is a whole unit (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), arbRule, (m, rule) => {
        const r = roundMinutes(m, rule);
        assert.equal(r % rule.unit, 0);
        assert.ok(Math.abs(r - m) < rule.unit);
        if (rule.mode === 'down') assert.ok(r <= m);
        if (rule.mode === 'up') assert.ok(r >= m);
      }),
    );
  });

  it('validates a rounding config', () => {
    assert.deepEqual(validateRoundingRule({ unit: 15, mode: 'down' }), []);
    assert.deepEqual(validateRoundingRule(null), []);
    assert.deepEqual(validateRoundingRule({ unit: 20, mode: 'sideways' }), [
      'rounding.unit_invalid',
      'rounding.mode_invalid',
    ]);
    assert.deepEqual(validateRoundingRule('x'), ['rounding.invalid']);
  });
});
