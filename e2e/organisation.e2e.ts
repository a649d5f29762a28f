// The organisation (组织架构): the admin (13800000001) opens the page and sees its three tabs — the leadership group
// with the secretary as 组长, the social workers with their counts, the federation; staff (13800000002, who leads
// volunteers in the demo) find the hours queue filtered to 我带的志愿者 by default, equal to the queue route's answer
// with mine=true, and switch it off to see the whole queue. Axe on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('organisation journeys', () => {
  const browser = useBrowser();

  it('the admin opens 组织架构 and sees the three tabs', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000001');
    await page.goto('/console');
    await page.getByRole('menuitem', { name: /组织架构/ }).click();
    await page.getByRole('heading', { name: '组织架构', level: 1 }).waitFor();
    for (const tab of ['领导小组', '社工带志愿者', '社会组织联合会'])
      await page.getByRole('tab', { name: tab }).waitFor();
    await page.getByRole('cell', { name: '组长', exact: true }).waitFor();
    await page.getByRole('cell', { name: '社区党委书记' }).waitFor();
    await expectAccessible(page, 'organisation: leadership (console)');

    await page.getByRole('tab', { name: '社工带志愿者' }).click();
    const zhao = page.getByRole('row').filter({ has: page.getByRole('link', { name: '赵婷' }) });
    await zhao.waitFor();
    await zhao.getByRole('cell', { name: '40', exact: true }).waitFor();
    await expectAccessible(page, 'organisation: social workers (console)');

    await page.getByRole('tab', { name: '社会组织联合会' }).click();
    await page.getByRole('cell', { name: '西关社区秦腔自乐班' }).waitFor();
    await expectAccessible(page, 'organisation: federation (console)');
    await screenshot(page, 'console-organisation');

    // A social worker's name leads to their volunteers.
    await page.getByRole('tab', { name: '社工带志愿者' }).click();
    await page.getByRole('link', { name: '赵婷' }).click();
    await page.waitForURL(/socialWorkerId=/);
    await page.getByRole('link', { name: '刘红梅' }).first().waitFor();
    await context.close();
  });

  it('staff filter the hours queue by 我带的志愿者', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const mine = (await (await page.request.get('/api/hours/queue?mine=true&pageSize=1')).json()) as { total: number };
    const all = (await (await page.request.get('/api/hours/queue?pageSize=1')).json()) as { total: number };
    assert.ok(mine.total > 0 && mine.total < all.total, `mine ${mine.total} of ${all.total}`);
    await page.goto('/console/hours');
    const toggle = page.getByRole('switch', { name: '我带的志愿者' });
    await toggle.waitFor();
    assert.equal(
      await toggle.getAttribute('aria-checked'),
      'true',
      'on by default for a social worker with volunteers',
    );
    await page.getByText(`共 ${mine.total} 条`).first().waitFor();
    await expectAccessible(page, 'hours queue: my volunteers (console)');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await page.getByText(`共 ${all.total} 条`).first().waitFor();
    await context.close();
  });
});
