// The indicators journey: the secretary opens 指标, sees the community's figures and its grids side by side,
// drills into a grid (from the comparison table) and back up through the breadcrumb, shows a chart as a table,
// and downloads the figures as Excel. Axe on each view. Reads only: no other journey's state is touched.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('indicators journey', () => {
  const browser = useBrowser();

  it('the secretary opens the dashboard and drills into a grid', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000001');
    await page.goto('/console/indicators');
    await page.getByRole('heading', { name: '指标', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /下级对比/ }).waitFor();
    await page.getByRole('img', { name: /有志愿者的家庭/ }).waitFor();
    await expectAccessible(page, 'indicators (community)');
    await screenshot(page, 'console-indicators');

    // The comparison names each grid; clicking one drills into it.
    const table = page.getByRole('table').first();
    const firstGrid = table.getByRole('button').first();
    const gridName = (await firstGrid.textContent())!.trim();
    assert.ok(gridName, 'a grid row');
    await firstGrid.click();
    const crumbs = page.getByRole('navigation', { name: '层级' });
    await crumbs.getByText(gridName).waitFor();
    await page.getByRole('heading', { name: /下级对比/ }).waitFor({ state: 'detached' });
    await page.getByRole('img', { name: /志愿者年龄段/ }).waitFor();
    await expectAccessible(page, 'indicators (grid)');

    // A chart as a table of its figures.
    await page
      .getByRole('radiogroup', { name: /志愿者年龄段/ })
      .getByText('表')
      .click();
    await page.getByRole('columnheader', { name: '项目' }).first().waitFor();
    await expectAccessible(page, 'indicators (a chart as a table)');

    // The figures as Excel.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    assert.match(dl.suggestedFilename(), /\.xlsx$/);

    // Back up to the community through the breadcrumb.
    await crumbs.getByRole('link').first().click();
    await page.getByRole('heading', { name: /下级对比/ }).waitFor();
    await context.close();
  });
});
