// Holiday deliveries and home care in the browser: staff create a Mid-Autumn delivery run in the console and
// see it grouped by building with the not-yet-delivered list; 刘红梅 (13800000006) opens her Spring Festival
// building on the phone and confirms a delivery with the big 送达 button; staff see the progress. The home
// visits and hospital rota tabs, and the phone page's tasks and shifts, are scanned too. Axe on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('home care journeys', () => {
  const browser = useBrowser();

  it('staff create a delivery run by building, a volunteer confirms one on the phone, staff see progress', async () => {
    const { context: desk, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.goto('/console/homecare');
    await staff.getByRole('heading', { name: '居家照护与节日慰问', level: 1 }).waitFor();
    await staff
      .getByRole('row')
      .filter({ hasText: /中秋节慰问/ })
      .first()
      .waitFor();
    await expectAccessible(staff, 'delivery runs (console)');

    // A new run for the default groups: the list is built and shown by building.
    await staff.getByRole('button', { name: '新建节日慰问' }).click();
    await staff.getByLabel('标题（可不填，自动生成）').fill('中秋节慰问（补充一轮）');
    await staff.getByLabel('慰问物品').fill('月饼一盒');
    await staff.getByRole('button', { name: /保\s*存/ }).click();
    await staff.getByRole('heading', { name: '按楼栋' }).waitFor();
    const buildings = staff.getByRole('button', { name: /号楼：已送 0 \/ \d+/ });
    await buildings.first().waitFor();
    assert.ok((await buildings.count()) >= 2, 'the list is grouped by more than one building');
    await staff.getByRole('heading', { level: 3, name: /尚未送达（\d+ 人）/ }).waitFor();
    await expectAccessible(staff, 'a delivery run by building (console)');
    await screenshot(staff, 'console-homecare-run');
    await staff.getByRole('button', { name: '返回列表' }).click();

    await staff.getByRole('tab', { name: '上门服务' }).click();
    await staff
      .getByRole('row')
      .filter({ hasText: /理发|助浴|缝被褥/ })
      .first()
      .waitFor();
    await expectAccessible(staff, 'home visits (console)');
    await staff.getByRole('tab', { name: '住院陪护' }).click();
    await staff
      .getByRole('button', { name: /看排班/ })
      .first()
      .click();
    await staff.getByRole('cell', { name: '48 小时内无人' }).first().waitFor();
    await expectAccessible(staff, 'hospital rota (console)');
    await screenshot(staff, 'console-homecare-rota');

    // 刘红梅 on her phone: her building of the Spring Festival run, names masked.
    const { context: ctx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    await phone.getByRole('link', { name: /居家照护与节日慰问/ }).click();
    await phone.waitForURL(/\/m\/homecare/);
    await phone.getByRole('heading', { name: '居家照护', level: 1 }).waitFor();
    await phone
      .getByRole('button', { name: /我来做|我来陪护/ })
      .first()
      .waitFor();
    await expectAccessible(phone, 'home care (phone)');
    await screenshot(phone, 'phone-homecare');
    await phone
      .getByRole('link', { name: /打开送达名单/ })
      .first()
      .click();
    await phone.waitForURL(/\/m\/homecare\/runs\//);
    await phone.getByRole('heading', { name: /春节慰问/, level: 1 }).waitFor();
    await expectAccessible(phone, 'delivery list (phone)');
    const first = phone.getByRole('button', { name: /^送达/ }).first();
    const who = ((await first.textContent()) ?? '').replace(/^送达\s*/, '').trim();
    assert.match(who, /\*/, 'the name is masked');
    await first.click();
    await phone
      .getByRole('status')
      .filter({ hasText: /已记录：.* 送达/ })
      .waitFor();
    await phone.getByText('已送达').first().waitFor();
    await expectAccessible(phone, 'a delivery confirmed (phone)');
    await screenshot(phone, 'phone-homecare-delivered');

    // Staff see it.
    await staff.goto('/console/homecare');
    const row = staff.getByRole('row').filter({ hasText: /春节慰问/ });
    await row.filter({ hasText: '已送达 1' }).waitFor();
    await row.getByRole('button', { name: /打开/ }).click();
    await staff
      .getByText(/已送达 1 · /)
      .first()
      .waitFor();
    await staff.getByRole('button', { name: /号楼：已送 1 \/ \d+ · 刘红梅/ }).click();
    await staff.getByRole('cell', { name: '刘红梅' }).first().waitFor();
    await expectAccessible(staff, 'delivery progress (console)');
    await Promise.all([ctx.close(), desk.close()]);
  });
});
