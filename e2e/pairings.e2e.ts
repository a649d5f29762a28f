// A three-fixed pairing lived through: the demo volunteer (刘红梅) opens her pairings on a phone-sized page,
// logs today's visit to the elder she is paired with in a few taps, and staff see the visit in the console;
// then staff look at missed visits and the left-out monitor. Axe on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('three-fixed pairing journeys', () => {
  const browser = useBrowser();

  it('the volunteer logs a visit on her phone and staff see it', async () => {
    const { context: phoneCtx, page } = await signedIn(browser(), 'phone', '13800000006');
    await page.getByRole('link', { name: /我的结对/ }).click();
    await page.waitForURL(/\/m\/pairings/);
    await page.getByRole('heading', { name: '我的结对', level: 1 }).waitFor();
    await expectAccessible(page, 'my pairings (phone)');
    await screenshot(page, 'phone-my-pairings');

    const logButton = page.getByRole('button', { name: /^登记对.+的探访$/ }).first();
    const label = (await logButton.textContent())!;
    const resident = label.replace(/^登记对/, '').replace(/的探访$/, '');
    await logButton.click();
    await page.getByRole('radio', { name: '今天' }).click();
    await page.getByRole('radio', { name: '45 分钟' }).click();
    const note = `测试探访 ${Date.now() % 100000}：老人精神很好`;
    await page.getByLabel('备注（可不填）').fill(note);
    await expectAccessible(page, 'log a visit (phone)');
    await screenshot(page, 'phone-log-visit');
    await page.getByRole('button', { name: '登记这次探访' }).click();
    await page.getByText(/已登记 \d{4}-\d{2}-\d{2} 的探访/).waitFor();
    await page.getByText(note).first().waitFor();
    // Elder mode: the same page, larger, still accessible.
    await page.getByRole('switch', { name: /长辈版/ }).click();
    await expectAccessible(page, 'my pairings (phone, elder mode)');
    await screenshot(page, 'phone-my-pairings-elder');
    await phoneCtx.close();

    const { context: ctx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const list = await (await staff.request.get(`${BASE}/api/pairings?status=active&pageSize=200`)).json();
    const mine = list.items.find((p: any) => p.volunteerName === '刘红梅' && p.residentName === resident);
    assert.ok(mine, `staff find 刘红梅's pairing with ${resident}`);
    await staff.goto(`/console/pairings?volunteerId=${mine.volunteerId}`);
    await staff.getByRole('heading', { name: '三定结对', level: 1 }).waitFor();
    await staff
      .getByRole('cell', { name: new RegExp(resident) })
      .first()
      .waitFor();
    await expectAccessible(staff, 'pairings (console)');
    await screenshot(staff, 'console-pairings');
    await staff
      .getByRole('row', { name: new RegExp(`${resident}.*每周探访`) })
      .getByRole('button', { name: '详情' })
      .click();
    await staff.getByRole('dialog').getByText(note).waitFor();
    await expectAccessible(staff, 'pairing details (console)');
    // Staff change where the visits happen; the drawer shows it at once.
    await staff.getByRole('button', { name: '修改', exact: true }).click();
    const edit = staff.getByRole('dialog', { name: /修改结对/ });
    await edit.getByLabel('服务地点').fill('老人家中（3号楼）');
    await expectAccessible(staff, 'edit pairing (console)');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.waitFor({ state: 'hidden' });
    await staff.getByText('老人家中（3号楼）').first().waitFor();
    await staff.getByRole('button', { name: '代记探访' }).click();
    const log = staff.getByRole('dialog', { name: /代记探访/ });
    await log.getByLabel('时长（分钟）').waitFor();
    await expectAccessible(staff, 'log a visit for a volunteer (console)');
    await log.getByRole('button', { name: /取\s*消/ }).click();
    await log.waitFor({ state: 'hidden' });
    await staff.keyboard.press('Escape');

    await staff.getByRole('tab', { name: '漏访' }).click();
    await staff.getByText('应到日期').first().waitFor();
    await expectAccessible(staff, 'missed visits (console)');

    await staff.goto('/console/monitor');
    await staff.getByRole('heading', { name: '遗漏监测', level: 1 }).waitFor();
    await staff.getByText('基尼系数').first().waitFor();
    await staff.getByRole('cell', { name: '从未联系' }).first().waitFor();
    await expectAccessible(staff, 'left-out monitor (console)');
    await screenshot(staff, 'console-monitor');
    await ctx.close();
  });
});
