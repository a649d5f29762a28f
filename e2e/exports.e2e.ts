// Journeys of issue 14. A social worker filters the pairings list to the active ones and clicks 导出 Excel: the file
// downloaded is the list she sees (its header row and as many rows as the list counts). 刘红梅's points page shows
// the love supermarket's shelf. (The commended volunteer's health check is in recognition.e2e.ts, after she is
// commended there: a journey must not use up what another journey does.) Axe on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** Calls the API with the page's session cookie and its CSRF token. */
async function apiOf(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return {
    get: async (url: string) => {
      const r = await page.request.get(url);
      assert.ok(r.ok(), `${url} → ${r.status()} ${await r.text()}`);
      return r.json();
    },
    post: (url: string, data: unknown) => page.request.post(url, { data, headers }),
  };
}

describe('list export and shelf journeys', () => {
  const browser = useBrowser();

  it('staff export the filtered pairings list to Excel', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const listed = await (await apiOf(page)).get('/api/pairings?status=active&pageSize=1');
    assert.ok(listed.total > 0, 'the demo has active pairings');
    await page.goto('/console/pairings?status=active');
    await page.getByRole('heading', { name: '三定结对', level: 1 }).waitFor();
    await page.getByText(`共 ${listed.total} 条`).waitFor();
    await expectAccessible(page, 'pairings with export (console)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^三定结对-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['志愿者', '居民', '住址', '帮扶事项']);
    let rows = 0;
    let ended = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      if ((row.values as unknown[])[11] !== '进行中') ended++;
    });
    assert.equal(rows, listed.total, 'the file has the rows the list counts');
    assert.equal(ended, 0, 'only active pairings, as filtered');
    await page.getByText('文件已下载').waitFor();
    await screenshot(page, 'console-pairings-export');
    await context.close();
  });

  it("the volunteer's points page shows the love supermarket's shelf and what her points buy", async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    const shelf = await (await apiOf(page)).get('/api/points/shelf');
    assert.ok(shelf.items.length > 0, 'the demo supermarket has items');
    await page.goto('/m/points');
    const list = page.getByRole('list', { name: '爱心超市货架' });
    await list.waitFor();
    assert.equal(await list.getByRole('listitem').count(), shelf.items.length);
    const affordable = shelf.items.filter((i: { affordable: boolean }) => i.affordable).length;
    assert.equal(await list.locator('li[data-affordable="yes"]').count(), affordable);
    await page
      .getByText(affordable ? `您现在的积分可以兑换其中 ${affordable} 种。` : /积分还不够兑换/)
      .first()
      .waitFor();
    await expectAccessible(page, 'points with the shelf (phone)');
    await screenshot(page, 'phone-points-shelf');
    await context.close();
  });
});
