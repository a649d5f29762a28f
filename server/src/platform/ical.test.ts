// The iCalendar writer: escaping and folding round-trip for any text, and a folded line never splits a character.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendar, escapeText, foldLine, SHANGHAI } from './ical.ts';

const unescape = (v: string) => v.replace(/\\(n|N|\\|;|,)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('ical writer', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds any line to at most 75 octets, and unfolding and unescaping give the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part, 'utf8') <= 75);
        assert.equal(unfold(folded), line);
        assert.equal(unescape(unfold(folded).slice('SUMMARY:'.length)), text.replace(/\r\n|\r/g, '\n'));
      }),
    );
  });

  it('leaves a line of 75 octets alone, and fills each folded line as far as the next character allows', () => {
    assert.equal(foldLine('a'.repeat(75)), 'a'.repeat(75));
    assert.equal(foldLine('a'.repeat(76)), `${'a'.repeat(75)}\r\n a`);
    // Chinese (3 octets) and emoji (4, a surrogate pair) at every offset: no character split, none folded early.
    for (let pad = 0; pad < 4; pad++)
      for (const line of [
        'x'.repeat(pad) + '已预约 3 人：李*钦、王*华'.repeat(8),
        'x'.repeat(pad) + '🏮中秋😀'.repeat(40),
      ]) {
        const parts = foldLine(line).split('\r\n');
        parts.forEach((p, i) => {
          assert.ok(Buffer.byteLength(p) <= 75, `line ${i}: ${Buffer.byteLength(p)} octets`);
          assert.ok(!/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/.test(p), `line ${i} splits a character`);
          const next = parts[i + 1];
          if (next !== undefined)
            assert.ok(Buffer.byteLength(p) + Buffer.byteLength(String.fromCodePoint(next.codePointAt(1)!)) > 75);
        });
      }
  });

  it('writes a calendar with CRLF line ends', () => {
    const ics = calendar('王律师', [
      {
        uid: 'x@linli',
        start: '2026-12-01T01:00:00Z',
        end: '2026-12-01T02:00:00Z',
        stamp: '2026-11-28T00:00:00Z',
        summary: '法律咨询',
      },
    ]);
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.includes('\r\nDTSTART:20261201T010000Z\r\nDTEND:20261201T020000Z\r\n'));
    assert.ok(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
  });

  it('in Asia/Shanghai writes local times with TZID, the VTIMEZONE, and days without a time as all-day', () => {
    const ics = calendar(
      '刘红梅 · 我的日程',
      [
        {
          uid: 'a@linli',
          start: '2026-12-01T01:00:00Z',
          end: '2026-12-01T03:30:00Z',
          stamp: '2026-11-28T00:00:00Z',
          summary: '活动',
        },
        {
          uid: 'b@linli',
          start: '2026-12-02',
          end: '2026-12-03',
          allDay: true,
          stamp: '2026-11-28T00:00:00Z',
          summary: '探访',
        },
      ],
      { timeZone: SHANGHAI },
    );
    assert.ok(ics.includes('\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n'));
    assert.ok(ics.includes('\r\nTZOFFSETTO:+0800\r\n'));
    assert.ok(
      ics.includes('\r\nDTSTART;TZID=Asia/Shanghai:20261201T090000\r\nDTEND;TZID=Asia/Shanghai:20261201T113000\r\n'),
    );
    assert.ok(ics.includes('\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n'));
    // The zone is defined before the events that refer to it.
    assert.ok(ics.indexOf('END:VTIMEZONE') < ics.indexOf('BEGIN:VEVENT'));
  });
});
