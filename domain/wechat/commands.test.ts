import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { guessCategory, NEED_TEXT_MAX, parseCommand } from './commands.ts';
import { SKILL_CATEGORIES } from '../volunteers/skills.ts';

describe('WeChat commands', () => {
  it('reads the commands residents type, with full-width digits and spaces', () => {
    assert.deepEqual(parseCommand('绑定 13800000007'), { kind: 'bind', phone: '13800000007' });
    assert.deepEqual(parseCommand('绑定１３８００００００07'), { kind: 'bind', phone: '13800000007' });
    assert.deepEqual(parseCommand('绑定 12345'), { kind: 'bind', phone: null });
    assert.deepEqual(parseCommand('验证码：123456'), { kind: 'code', code: '123456' });
    assert.deepEqual(parseCommand(' 123456 '), { kind: 'code', code: '123456' });
    assert.deepEqual(parseCommand('验证码 12345'), { kind: 'help' });
    assert.deepEqual(parseCommand('解绑'), { kind: 'unbind' });
    assert.deepEqual(parseCommand('需求　厨房水管漏水'), { kind: 'need', text: '厨房水管漏水' });
    assert.deepEqual(parseCommand('求助:想找人聊聊天'), { kind: 'need', text: '想找人聊聊天' });
    assert.deepEqual(parseCommand('需求'), { kind: 'need', text: '' });
    assert.deepEqual(parseCommand('预约'), { kind: 'book', choice: null });
    assert.deepEqual(parseCommand('预约 ３'), { kind: 'book', choice: 3 });
    assert.deepEqual(parseCommand('我的'), { kind: 'mine' });
    assert.deepEqual(parseCommand('切换 2'), { kind: 'switch', choice: 2 });
    assert.deepEqual(parseCommand('你好'), { kind: 'help' });
  });

  it('guesses the category from the resident’s words, household when unsure', () => {
    assert.equal(guessCategory('最近想量血压'), 'medical');
    assert.equal(guessCategory('卫生间灯坏了想找人修'), 'household');
    assert.equal(guessCategory('邻居纠纷想咨询法律'), 'legal');
    assert.equal(guessCategory('孩子作业没人辅导'), 'education');
    assert.equal(guessCategory('心情不好想找人聊天'), 'psychological');
    assert.equal(guessCategory('手机不会用'), 'science_digital');
    assert.equal(guessCategory('帮个忙'), 'household');
  });

  it('never throws, always gives a known command, and caps a need’s text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const c = parseCommand(s);
        assert.ok(['bind', 'code', 'unbind', 'need', 'book', 'mine', 'switch', 'help'].includes(c.kind));
        if (c.kind === 'need') assert.ok(c.text.length <= NEED_TEXT_MAX);
        if (c.kind === 'bind' && c.phone) assert.match(c.phone, /^1[3-9]\d{9}$/);
        assert.ok((SKILL_CATEGORIES as readonly string[]).includes(guessCategory(s)));
      }),
    );
  });
});
