// A street account compares its communities: 西关街道's head (13800000008) signs in, lands on 街道总览, sees its
// communities side by side (the demo has one, 西关社区), drills to its grids, is refused a resident's page, and the
// district's account (13800000009) sees the street under 金台区. Both pages pass axe. Reads only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('a street account compares its communities', () => {
  const browser = useBrowser();

  it('the street office lands on 街道总览, compares its communities and drills to a grid', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000008', /\/console\/regions/);
    await page.getByRole('heading', { name: '街道总览', level: 1 }).waitFor();
    const table = page.getByRole('table').first();
    await table.getByRole('link', { name: '西关社区' }).waitFor();
    // Xiguan's figures as the case study gives them: 8 grids, 2,265 households.
    const row = table.getByRole('row', { name: /西关社区/ });
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    assert.equal(cells[1], '8');
    assert.equal(cells[2], '2,265');
    // Its menu holds its overview and the figures, no record.
    const menu = page.getByRole('navigation', { name: '主菜单' });
    const entries = (await menu.getByRole('menuitem').allTextContents()).map((x) => x.trim()).filter(Boolean);
    assert.ok(entries.includes('辖区总览'), entries.join(' '));
    assert.ok(!entries.some((e) => /居民|志愿者|需求|网格/.test(e)), entries.join(' '));
    await expectAccessible(page, '街道总览');
    await screenshot(page, 'regions-street');

    await table.getByRole('link', { name: '西关社区' }).click();
    await page.getByRole('heading', { name: '西关社区的网格', level: 2 }).waitFor();
    const gridRows = page.getByRole('table').first().locator('tbody tr.ant-table-row');
    await gridRows.nth(7).waitFor();
    assert.equal(await gridRows.count(), 8);
    await expectAccessible(page, 'a community’s grids');

    // No record: the registry answers 403 to an office.
    const residents = await page.request.get(`${BASE}/api/residents`);
    assert.equal(residents.status(), 403);

    // The indicators dashboard of the street: its communities side by side, then into Xiguan and one of its grids.
    await page.goto('/console/indicators');
    await page.getByRole('heading', { name: '指标', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /下级对比/ }).waitFor();
    const compare = page.getByRole('table').first();
    await compare.getByRole('button', { name: '西关社区' }).click();
    const crumbs = page.getByRole('navigation', { name: '层级' });
    await crumbs.getByText('西关社区').waitFor();
    await expectAccessible(page, 'indicators of a community (street office)');
    const firstGrid = page.getByRole('table').first().getByRole('button').first();
    const gridName = (await firstGrid.textContent())!.trim();
    await firstGrid.click();
    await crumbs.getByText(gridName).waitFor();
    await page.getByRole('img', { name: /志愿者年龄段/ }).waitFor();
    await context.close();
  });

  it('the district sees its street office and drills down to it', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000009', /\/console\/regions/);
    await page.getByRole('heading', { name: '区级总览', level: 1 }).waitFor();
    const tree = page.getByRole('navigation', { name: '辖区' });
    await tree.getByRole('link', { name: /西关街道/ }).click();
    await page.getByRole('heading', { name: /西关街道的社区/, level: 2 }).waitFor();
    await page.getByRole('table').first().getByRole('link', { name: '西关社区' }).waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page, '区级总览');

    // The district opens an account for a colleague at the street office; it shows masked, and can be taken away.
    const phone = `1370000${String(Date.now() % 10000).padStart(4, '0')}`;
    const accounts = page.getByRole('region', { name: '辖区账号' });
    await accounts.getByRole('button', { name: '添加账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('所属辖区').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '西关街道' }).click();
    await dialog.getByLabel('手机号').fill(phone);
    await dialog.getByLabel('姓名').fill('赵干事');
    await expectAccessible(page, '添加辖区账号');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = accounts.getByRole('row').filter({ hasText: '赵干事' });
    await row.getByText(`${phone.slice(0, 3)}****${phone.slice(7)}`).waitFor();
    await row.getByText('西关街道 · 街道管理员').waitFor();
    await row.getByRole('button', { name: '取消权限' }).click();
    await page.getByRole('button', { name: '取消权限' }).last().click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  });
});
