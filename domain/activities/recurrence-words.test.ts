// The series builder's words and rules: each builder choice makes the RRULE the server accepts, each accepted
// rule reads back into the builder, and rules are described in Chinese and English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRule } from '../pairings/recurrence.ts';
import { describeRule, draftOfRule, emptyDraft, ruleOfDraft, type RuleDraft } from './recurrence-words.ts';

const draft = (d: Partial<RuleDraft>): RuleDraft => ({ ...emptyDraft(), ...d });

describe('the repeat-rule builder', () => {
  it('makes the rules an office asks for', () => {
    assert.equal(ruleOfDraft(draft({ byDay: ['FR', 'TU'] })), 'FREQ=WEEKLY;BYDAY=TU,FR');
    assert.equal(ruleOfDraft(draft({ freq: 'MONTHLY', lastDays: 3 })), 'FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1');
    assert.equal(ruleOfDraft(draft({ freq: 'MONTHLY', monthDays: [1] })), 'FREQ=MONTHLY;BYMONTHDAY=1');
    assert.equal(ruleOfDraft(draft({ interval: 2, byDay: ['SA'] })), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA');
    assert.equal(
      ruleOfDraft(draft({ freq: 'MONTHLY', interval: 3, monthDays: [15, 1, 15], lastDays: 1 })),
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15,-1',
    );
    // Nothing chosen yet: no rule.
    assert.equal(ruleOfDraft(draft({})), null);
    assert.equal(ruleOfDraft(draft({ freq: 'MONTHLY' })), null);
    // Out-of-range numbers are brought back into what the server accepts.
    assert.equal(ruleOfDraft(draft({ interval: 40, byDay: ['MO'] })), 'FREQ=WEEKLY;INTERVAL=12;BYDAY=MO');
    assert.equal(
      ruleOfDraft(draft({ freq: 'MONTHLY', monthDays: [0, 32, 31], lastDays: 9 })),
      'FREQ=MONTHLY;BYMONTHDAY=31,-3,-2,-1',
    );
  });

  it('gives only rules the server accepts, and reads them back into the same choices', () => {
    const drafts: RuleDraft[] = [
      draft({ byDay: ['TU', 'FR'] }),
      draft({ interval: 4, byDay: ['MO', 'WE', 'SU'] }),
      draft({ freq: 'MONTHLY', lastDays: 3 }),
      draft({ freq: 'MONTHLY', monthDays: [1, 20], lastDays: 2 }),
      draft({ freq: 'MONTHLY', interval: 2, monthDays: [5] }),
    ];
    for (const d of drafts) {
      const rule = ruleOfDraft(d)!;
      assert.ok(parseRule(rule).ok, rule);
      assert.deepEqual(draftOfRule(rule), d);
    }
  });

  it('cannot show a month-end day that is not a run to the end, nor a rule the server refuses', () => {
    assert.equal(draftOfRule('FREQ=MONTHLY;BYMONTHDAY=-3'), null);
    assert.equal(draftOfRule('FREQ=DAILY'), null);
    assert.equal(draftOfRule('nonsense'), null);
    assert.deepEqual(draftOfRule('RRULE:freq=weekly;byday=fr'), draft({ byDay: ['FR'] }));
  });
});

describe('a repeat rule in words', () => {
  const cases: Array<[string, string, string]> = [
    ['FREQ=WEEKLY;BYDAY=TU,FR', '每周二、周五', 'Every Tuesday and Friday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', '每 2 周的周六', 'Every 2 weeks on Saturday'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', '每周一、周三、周五', 'Every Monday, Wednesday and Friday'],
    ['FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1', '每月最后三天', 'Monthly on the last three days'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', '每月1日', 'Monthly on the 1st'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '每月最后一天', 'Monthly on the last day'],
    [
      'FREQ=MONTHLY;BYMONTHDAY=1,15,-2,-1',
      '每月1日、15日和最后两天',
      'Monthly on the 1st and 15th and the last two days',
    ],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22', '每 3 个月的22日', 'Every 3 months on the 22nd'],
    ['FREQ=MONTHLY;BYMONTHDAY=-3', '每月倒数第三天', 'Monthly on the third last day'],
    [
      'FREQ=MONTHLY;BYMONTHDAY=11,12,13,21,2,3',
      '每月2日、3日、11日、12日、13日、21日',
      'Monthly on the 2nd, 3rd, 11th, 12th, 13th and 21st',
    ],
  ];
  for (const [rule, zh, en] of cases)
    it(rule, () => {
      assert.equal(describeRule(rule, 'zh'), zh);
      assert.equal(describeRule(rule, 'en'), en);
    });
  it('says nothing for a rule the server refuses', () => {
    assert.equal(describeRule('FREQ=YEARLY', 'zh'), null);
  });
});
