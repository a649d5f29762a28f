// A certificate journey: 刘红梅, who has verified hours in the demo, asks for her 志愿服务记录证明 on a
// phone-sized page and downloads the PDF; its QR code opens the public verify page (no sign-in), which shows
// it genuine with her name masked. Staff then find it in the console and revoke it, and the verify page says
// so. Her points page and the love supermarket console are scanned too. Axe on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, newContext, screenshot, signedIn, useBrowser } from './browser.ts';
import { pdfQrCodes, pdfText } from '../server/test/certificates-pdf.ts';

describe('certificate journeys', () => {
  const browser = useBrowser();

  it('a volunteer downloads a certificate on the phone, the verify page says genuine, staff revoke it', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000006');
    await page.getByRole('link', { name: /我的服务证明/ }).click();
    await page.waitForURL(/\/m\/certificates/);
    await page.getByRole('heading', { name: '我的服务证明', level: 1 }).waitFor();
    await expectAccessible(page, 'my certificates (phone)');
    await page.getByRole('button', { name: '申请证明' }).click();
    const done = page.getByRole('status').filter({ hasText: '证明已出具' });
    await done.waitFor();
    const number = /([A-Z]+-\d{4}-\d{6})/.exec((await done.textContent()) ?? '')?.[1];
    assert.ok(number, 'the confirmation names the certificate number');
    const link = page.getByRole('link', { name: `下载 PDF（${number}）` });
    await link.waitFor();
    await expectAccessible(page, 'certificate issued (phone)');
    await screenshot(page, 'phone-certificates');

    // The link is an ordinary GET with the session cookie: what the phone's browser downloads.
    const res = await page.request.get((await link.getAttribute('href'))!);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    const pdf = await res.body();
    const text = pdfText(pdf).replace(/\n/g, '');
    for (const want of ['志愿服务记录证明', '刘红梅', '居民身份证', number!, '累计志愿服务时长', '西关社区居民委员会'])
      assert.ok(text.includes(want), `the PDF lacks ${want}`);
    assert.match(text, /\d{6}\*{8}\d{3}[\dX]/, 'the masked ID number');
    const [verifyUrl] = pdfQrCodes(pdf);
    assert.ok(verifyUrl && verifyUrl.includes('/verify/'), `QR code: ${verifyUrl}`);

    await page.goto('/m/points');
    await page.getByRole('heading', { name: '我的积分', level: 1 }).waitFor();
    await expectAccessible(page, 'my points (phone)');
    await screenshot(page, 'phone-points');

    // Anyone who scans the QR code: a fresh phone, nobody signed in.
    const stranger = await newContext(browser(), 'phone');
    const scan = await stranger.newPage();
    await scan.goto(new URL(verifyUrl!).pathname);
    await scan.getByRole('status').filter({ hasText: '此证明真实有效' }).waitFor();
    await scan.getByText('刘*梅').waitFor();
    await scan.getByText(number!).waitFor();
    assert.equal(await scan.getByText('刘红梅').count(), 0, 'the full name is hidden');
    await expectAccessible(scan, 'verify a certificate (public)');
    await screenshot(scan, 'phone-verify-certificate');

    // Staff find it and revoke it; the verify page then says revoked.
    const { context: desk, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.goto('/console/certificates');
    await staff.getByRole('heading', { name: '服务证明', level: 1 }).waitFor();
    const row = staff.getByRole('row').filter({ hasText: number! });
    await row.waitFor();
    await expectAccessible(staff, 'certificates (console)');
    await screenshot(staff, 'console-certificates');
    await row.getByRole('button', { name: '撤销' }).click();
    await staff.getByLabel('撤销原因').fill('演示：信息核对有误');
    await staff.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('已撤销').first().waitFor();

    await scan.reload();
    await scan.getByRole('status').filter({ hasText: '此证明已被撤销' }).waitFor();
    await scan.getByText('演示：信息核对有误').waitFor();
    await expectAccessible(scan, 'verify a revoked certificate (public)');

    await staff.goto('/console/supermarket');
    await staff.getByRole('heading', { name: '爱心超市', level: 1 }).waitFor();
    await expectAccessible(staff, 'love supermarket (console)');
    await screenshot(staff, 'console-supermarket');
    await Promise.all([ctx.close(), stranger.close(), desk.close()]);
  });
});
