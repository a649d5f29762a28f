// Hours verified, lived through: the demo volunteer 刘红梅 has logged a visit; a social worker finds it in the
// verification queue (filtered to her), corrects nothing and verifies it; the volunteer then sees the hours
// as verified on her phone, with her star level and what the next star needs. Axe on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';
import { addDays, todayInShanghai } from '../domain/shared/dates.ts';

describe('hours verification journey', () => {
  const browser = useBrowser();

  it('staff verify a logged visit and the volunteer sees it verified on her phone', async () => {
    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    // She logs a visit through the API (the pairings journey covers the form): a past day of her pairing that has none
    // yet.
    const csrf = await csrfOf(phone);
    const [pairing] = await (await phone.request.get(`${BASE}/api/my/pairings`)).json();
    assert.ok(pairing, '刘红梅 has a pairing in the demo');
    let visitedOn = '';
    for (let back = 2; back < 50 && !visitedOn; back++) {
      const day = addDays(todayInShanghai(), -back);
      if (day < pairing.startsOn) break;
      const r = await phone.request.post(`${BASE}/api/my/pairings/${pairing.id}/visits`, {
        data: { visitedOn: day, minutes: 75, notes: '陪老人聊天' },
        headers: { 'x-csrf-token': csrf },
      });
      if (r.status() === 201) visitedOn = day;
    }
    assert.ok(visitedOn, 'a free day for the visit');

    const { context: ctx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.getByRole('link', { name: '服务时长' }).click();
    await staff.getByRole('heading', { name: '服务时长', level: 1 }).waitFor();
    await staff.getByRole('combobox', { name: '搜索志愿者姓名或拼音' }).click();
    await staff.keyboard.type('刘红梅');
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '刘红梅' }).first().click();
    const row = staff.getByRole('row', { name: new RegExp(`${visitedOn}.*刘红梅.*三定结对`) });
    await row.waitFor();
    await expectAccessible(staff, 'hours queue (console)');
    await screenshot(staff, 'console-hours-queue');
    await row.getByRole('button', { name: '通过' }).click();
    await staff.getByText(/已审核通过 1 条/).waitFor();
    await row.waitFor({ state: 'detached' });
    // The rules tab is the admin's; staff see only the queue.
    assert.equal(await staff.getByRole('tab', { name: '规则设置' }).count(), 0);
    await ctx.close();

    await phone.goto('/m/hours');
    await phone.getByRole('heading', { name: '我的服务时长', level: 1 }).waitFor();
    const entry = phone.getByRole('listitem').filter({ hasText: visitedOn }).filter({ hasText: '1.25 小时' });
    await entry.getByText(/已认定/).waitFor();
    await phone
      .getByText(/星志愿者|还没有星级/)
      .first()
      .waitFor();
    await expectAccessible(phone, 'my hours (phone)');
    await screenshot(phone, 'phone-my-hours');
    // She thinks the visit was longer and says so; staff answer, and she reads the answer.
    await entry.getByRole('button', { name: '这条有疑问' }).click();
    await phone.getByLabel('说明情况').fill('那天我待了一个半小时');
    await expectAccessible(phone, 'question an entry (phone)');
    await phone.getByRole('button', { name: '提交给社工' }).click();
    await phone.getByText('已提交，社工核实后会短信答复您。').waitFor();
    await phone.getByRole('switch', { name: /长辈版/ }).click();
    await expectAccessible(phone, 'my hours (phone, elder mode)');

    const { context: ctx2, page: staff2 } = await signedIn(browser(), 'desktop', '13800000002');
    await staff2.goto('/console/hours');
    await staff2.getByRole('tab', { name: '异议' }).click();
    const objection = staff2.getByRole('row', { name: /刘红梅.*那天我待了一个半小时/ });
    await objection.getByRole('button', { name: '更正' }).click();
    const fix = staff2.getByRole('dialog', { name: /更正 刘红梅/ });
    await fix.getByLabel('实际时长（分钟）').fill('90');
    await fix.getByRole('button', { name: /保\s*存/ }).click();
    await fix.waitFor({ state: 'hidden' });
    await objection.getByRole('button', { name: '答复' }).click();
    const answer = staff2.getByRole('dialog', { name: /答复 刘红梅/ });
    await answer.getByLabel('答复').fill('已核实，改为 1.5 小时');
    await expectAccessible(staff2, 'answer an objection (console)');
    await answer.getByRole('button', { name: /保\s*存/ }).click();
    await answer.waitFor({ state: 'hidden' });
    await ctx2.close();
    await phone.reload();
    await phone.getByText('社工答复：已核实，改为 1.5 小时').waitFor();
    await phone.getByRole('listitem').filter({ hasText: visitedOn }).filter({ hasText: '1.5 小时' }).first().waitFor();
    await phoneCtx.close();
  });
});
