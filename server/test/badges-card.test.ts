// The printed love badge card: every text stays inside the cut box with a margin, whatever the nickname and the
// hotline (the longest each may be). The positions are the card's own layout, each text measured again here with
// a fresh document's font, so a text that runs long shows up as one that leaves the box. No database involved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { a4Document } from '../src/platform/pdf.ts';
import { CARD_MARGIN, CUT_BOX, cardLayout, renderBadgeCard } from '../src/modules/badges/badge.pdf.ts';
import { NICKNAME_MAX } from '../../domain/badges/badges.ts';
import { pdfText } from './certificates-pdf.ts';

const EPS = 0.01;
const CASES = [
  { nickname: '李大爷', hotline: '0917-3212345' },
  { nickname: '王奶奶', hotline: '13912345678' },
  { nickname: '张'.repeat(NICKNAME_MAX), hotline: '(0917) 321-2345 8001' }, // the longest each may be (20)
  { nickname: 'W'.repeat(NICKNAME_MAX), hotline: '+86 (0917) 3212345 1' },
  { nickname: '赵阿姨', hotline: '' },
];

describe('the love badge card', () => {
  for (const c of CASES) {
    it(`keeps every text inside the cut box: ${c.nickname.slice(0, 6)} / ${c.hotline || 'no hotline'}`, () => {
      const layout = cardLayout(a4Document({ title: 'layout' }), c);
      const probe = a4Document({ title: 'probe' });
      const inner = {
        left: CUT_BOX.x + CARD_MARGIN,
        right: CUT_BOX.x + CUT_BOX.w - CARD_MARGIN,
        top: CUT_BOX.y + CARD_MARGIN,
        bottom: CUT_BOX.y + CUT_BOX.h - CARD_MARGIN,
      };
      assert.ok(CARD_MARGIN >= 5, 'a margin of at least about 2 mm');
      for (const t of layout.texts) {
        probe.fontSize(t.size);
        const width = t.wrap ? t.width : probe.widthOfString(t.text);
        const height = t.wrap ? probe.heightOfString(t.text, { width: t.width }) : probe.currentLineHeight(true);
        const where = `${t.text} at (${t.x.toFixed(1)}, ${t.y.toFixed(1)}) ${width.toFixed(1)}×${height.toFixed(1)}`;
        assert.ok(t.x >= inner.left - EPS && t.x + width <= inner.right + EPS, `leaves the card sideways: ${where}`);
        assert.ok(t.y >= inner.top - EPS && t.y + height <= inner.bottom + EPS, `leaves the card up or down: ${where}`);
      }
      // No two texts overlap (the plea above the hotline's label, say).
      const boxes = layout.texts.map((t) => {
        probe.fontSize(t.size);
        return {
          t: t.text,
          top: t.y,
          bottom: t.y + (t.wrap ? probe.heightOfString(t.text, { width: t.width }) : probe.currentLineHeight(true)),
        };
      });
      for (let i = 1; i < boxes.length; i++)
        assert.ok(boxes[i]!.top >= boxes[i - 1]!.bottom - EPS, `${boxes[i]!.t} overlaps ${boxes[i - 1]!.t}`);
      const hotline = layout.texts.find((t) => t.text.startsWith('(') || t.text.startsWith('+') || /^\d/.test(t.text));
      if (c.hotline) assert.ok(hotline, 'the hotline is on the card');
      else assert.ok(!layout.texts.some((t) => t.text.startsWith('社区热线')), 'an empty hotline line is printed');
    });
  }

  it('prints the layout: the hotline whole, a long nickname shortened', async () => {
    const c = CASES[2]!;
    const text = pdfText(await renderBadgeCard({ url: 'https://linli.example/b/x', ...c })).replace(/\s+/g, '');
    assert.ok(text.includes('社区热线：(0917)321-23458001'), text);
    assert.ok(text.includes('张张张') && text.includes('…') && !text.includes('张'.repeat(NICKNAME_MAX)), text);
  });
});
