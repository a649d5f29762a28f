// Publicity journey: staff (13800000002) write an announcement in the console (宣传), publish it, and see it on
// every channel: the public site (no sign-in), the LED screen page, the poster PDF and the WeChat group text with
// its short link. Axe on the console page, the public site and the screen page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('publicity journeys', () => {
  const browser = useBrowser();

  it('staff publish an announcement and see it on the public site, the screen page and the poster', async () => {
    const { context: desk, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.goto('/console/publicity');
    await staff.getByRole('heading', { name: '宣传', level: 1 }).waitFor();
    await expectAccessible(staff, 'publicity (console)');

    const title = `冬季防火安全讲座 ${Date.now() % 100000}`;
    await staff.getByRole('button', { name: '写宣传' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('标题').fill(`${title}（草稿）`);
    await dialog.getByLabel('正文').fill('请居民朋友们注意用火用电安全。');
    await expectAccessible(staff, 'publicity write form (console)');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The draft is corrected before it goes out: the form opens with what was written.
    await staff
      .getByRole('row')
      .filter({ hasText: `${title}（草稿）` })
      .getByRole('button', { name: '修改' })
      .click();
    assert.equal(await dialog.getByLabel('正文').inputValue(), '请居民朋友们注意用火用电安全。');
    await dialog.getByLabel('标题').fill(title);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = staff.getByRole('row').filter({ hasText: title });
    await row.getByText('草稿').waitFor();
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    await row.getByRole('button', { name: '各渠道预览' }).click();
    const drawer = staff.getByRole('dialog');
    await drawer.getByRole('link', { name: '打开社区公开页' }).waitFor();
    const wechat = await drawer.getByLabel('群消息文字').inputValue();
    assert.ok(wechat.includes(title), wechat);
    const shortUrl = /详情：(\S+)$/.exec(wechat)?.[1];
    assert.ok(shortUrl, wechat);
    await screenshot(staff, 'console-publicity');
    const posterHref = await drawer.getByRole('link', { name: '海报 PDF（A4）' }).getAttribute('href');
    const poster = await staff.request.get(posterHref!);
    assert.equal(poster.status(), 200);
    assert.equal(poster.headers()['content-type'], 'application/pdf');
    assert.equal((await poster.body()).subarray(0, 5).toString(), '%PDF-');
    const siteHref = await drawer.getByRole('link', { name: '打开社区公开页' }).getAttribute('href');
    const { communityId } = (await (await staff.request.get('/api/publicity/sources')).json()) as {
      communityId: string;
    };
    assert.equal(siteHref, `/p/${communityId}`);
    await desk.close();

    // A passer-by's phone: no sign-in, JavaScript off.
    const street = await browser().newContext({ ...PHONE, baseURL: BASE, javaScriptEnabled: false });
    const phone = await street.newPage();
    const res = await phone.goto(siteHref!);
    assert.equal(res?.status(), 200);
    await phone.getByText(title).waitFor();
    await screenshot(phone, 'phone-public-site');
    // The short link leads to the announcement's own page.
    await phone.goto(new URL(shortUrl).pathname);
    await phone.getByRole('heading', { name: title }).waitFor();
    await street.close();

    // Axe needs script: the same pages in a context that runs it (and lets axe past the pages' CSP).
    const axeCtx = await browser().newContext({ ...PHONE, baseURL: BASE, bypassCSP: true });
    const site = await axeCtx.newPage();
    await site.goto(siteHref!);
    await site.getByText(title).waitFor();
    await expectAccessible(site, 'public site');
    await axeCtx.close();

    // The LED screen, landscape.
    const screenCtx = await browser().newContext({
      viewport: { width: 1920, height: 1080 },
      baseURL: BASE,
      bypassCSP: true,
    });
    const screen = await screenCtx.newPage();
    await screen.goto(`/screen/${communityId}`);
    await screen.getByText(title).waitFor({ state: 'attached' });
    await expectAccessible(screen, 'LED screen');
    await screenshot(screen, 'screen-1920');
    const text = await (await screen.request.get(`/api/public/${communityId}/screen.txt`)).text();
    assert.ok(text.includes(title), text);
    await screenCtx.close();
  });

  it("a poster's sign-up link opens that activity first on a volunteer's phone", async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { community: { id: string } } };
    const id = me.user.community.id;
    const list = (await (await page.request.get(`/api/public/${id}/activities`)).json()) as {
      items: { title: string; signUpUrl: string }[];
    };
    const first = list.items[0];
    assert.ok(first, 'the demo has upcoming published activities');
    await page.goto(new URL(first.signUpUrl).pathname);
    const linked = page.getByRole('region', { name: '您扫码打开的活动' });
    await linked.getByText(first.title).first().waitFor();
    await expectAccessible(page, 'linked activity (phone)');
    await context.close();
  });
});
