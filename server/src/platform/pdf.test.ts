import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { a4Document, bundledCjkFontFile, cjkFont, cjkFontFile, finish, useCjkFontFile } from './pdf.ts';

describe('the PDF font', () => {
  afterEach(() => useCjkFontFile(undefined));

  it('comes with npm install: Noto Sans SC, found without any system font', () => {
    const file = bundledCjkFontFile();
    assert.ok(file, 'the npm package @expo-google-fonts/noto-sans-sc is installed');
    assert.equal(cjkFontFile(), file);
    const font = cjkFont() as { postscriptName: string; hasGlyphForCodePoint(c: number): boolean };
    assert.match(font.postscriptName, /NotoSansSC/);
    for (const ch of '志愿服务记录证明西关社区') assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch);
  });

  it('draws Chinese text into a PDF that embeds the font', async () => {
    const doc = a4Document({ title: '测试' });
    doc.text('志愿服务记录证明');
    const pdf = await finish(doc);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /NotoSansSC/);
  });

  it('names the missing file when LINLI_CJK_FONT points nowhere', () => {
    useCjkFontFile('/nonexistent/font.ttf');
    assert.throws(() => cjkFont(), /LINLI_CJK_FONT names \/nonexistent\/font\.ttf/);
  });
});
