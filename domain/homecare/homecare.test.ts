// The pure rules of home care: festival dates from the lunar calendar, the standard accompaniment rota in
// Shanghai time, which shifts are gaps to show in red, masked names, figures and the walking order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareAddress,
  festivalDate,
  figuresOf,
  isOutstanding,
  isUncoveredSoon,
  maskResidentName,
  shiftMinutes,
  shiftsBetween,
} from './homecare.ts';

describe('home care rules', () => {
  it('takes festival dates from the lunar calendar', () => {
    assert.equal(festivalDate('mid_autumn_festival', 2026), '2026-09-25');
    assert.equal(festivalDate('spring_festival', 2027), '2027-02-06');
    assert.equal(festivalDate('double_ninth_festival', 2026), '2026-10-18');
  });

  it('makes three shifts a day, 08–14, 14–20 and the night to 08, in Shanghai time', () => {
    const s = shiftsBetween('2026-11-28', '2026-11-29');
    assert.equal(s.length, 6);
    assert.deepEqual(
      s.slice(0, 3).map((x) => [x.startsAt, x.endsAt]),
      [
        ['2026-11-28T00:00:00.000Z', '2026-11-28T06:00:00.000Z'],
        ['2026-11-28T06:00:00.000Z', '2026-11-28T12:00:00.000Z'],
        ['2026-11-28T12:00:00.000Z', '2026-11-29T00:00:00.000Z'],
      ],
    );
    assert.deepEqual(s.map(shiftMinutes), [360, 360, 720, 360, 360, 720]);
    assert.deepEqual(shiftsBetween('2026-11-29', '2026-11-28'), []);
  });

  it('marks open shifts within 48 hours (or under way) as gaps, and only those', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    assert.equal(
      isUncoveredSoon(
        { startsAt: '2026-11-29T12:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z', status: 'open' },
        now,
      ),
      true,
    );
    assert.equal(
      isUncoveredSoon(
        { startsAt: '2026-11-29T12:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z', status: 'assigned' },
        now,
      ),
      false,
    );
    assert.equal(
      isUncoveredSoon(
        { startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-12-01T06:00:00.000Z', status: 'open' },
        now,
      ),
      false,
    );
    // The night shift 20:00–08:00 Shanghai that began two hours ago: still a gap; this morning's, over, is not.
    assert.equal(
      isUncoveredSoon(
        { startsAt: '2026-11-27T12:00:00.000Z', endsAt: '2026-11-28T00:00:01.000Z', status: 'open' },
        now,
      ),
      true,
    );
    assert.equal(
      isUncoveredSoon(
        { startsAt: '2026-11-27T00:00:00.000Z', endsAt: '2026-11-27T06:00:00.000Z', status: 'open' },
        now,
      ),
      false,
    );
  });

  it('masks names for volunteers', () => {
    assert.equal(maskResidentName('王秀英'), '王*英');
    assert.equal(maskResidentName('吕强'), '吕*');
    assert.equal(maskResidentName('欧阳文华'), '欧**华');
  });

  it('counts figures (removed people are not on the list) and sorts doors as people walk them', () => {
    assert.deepEqual(
      figuresOf([
        { status: 'delivered' },
        { status: 'absent' },
        { status: 'pending' },
        { status: 'removed' },
        { status: 'declined' },
      ]),
      { total: 4, delivered: 1, absent: 1, declined: 1, pending: 1, removed: 1 },
    );
    assert.deepEqual(
      ['pending', 'absent', 'delivered', 'declined', 'removed'].map((s) => isOutstanding(s as never)),
      [true, true, false, false, false],
    );
    const doors = [
      { building: '10号楼', unit: '1', room: '101' },
      { building: '2号楼', unit: '2', room: '1001' },
      { building: '2号楼', unit: '2', room: '201' },
      { building: '2号楼', unit: '1', room: '502' },
    ];
    assert.deepEqual(
      [...doors].sort(compareAddress).map((d) => `${d.building}-${d.unit}-${d.room}`),
      ['2号楼-1-502', '2号楼-2-201', '2号楼-2-1001', '10号楼-1-101'],
    );
  });
});
