// 通知 and 我的消息: staff write a notice to 邻里互助服务队, see how many it reaches before sending and each member's
// delivery status after; the volunteer 刘红梅, a member, finds it under 我的消息 on her phone, new until she says
// 我知道了. Its own title, so no other journey's notices are counted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';
import { isQuiet } from '../server/src/platform/quiet-hours.ts';

describe('notices journey', () => {
  const browser = useBrowser();
  const title = `周六集合 ${Date.now() % 100000}`;

  it('staff send a notice to a team and see its delivery status', async () => {
    const { context, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.getByRole('link', { name: '通知', exact: true }).click();
    await staff.getByRole('heading', { name: '通知', level: 1 }).waitFor();
    await staff.getByLabel('标题').fill(title);
    await staff.getByLabel('内容').fill('周六上午九点在社区广场集合，请带好红马甲。');
    await staff.getByRole('combobox', { name: '选择服务队' }).click();
    await staff.keyboard.type('邻里互助');
    await staff
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '邻里互助服务队' })
      .first()
      .click();
    const preview = staff.getByTestId('notice-preview');
    await preview.waitFor();
    const people = Number(/将发给 (\d+) 人/.exec((await preview.textContent()) ?? '')?.[1]);
    assert.ok(people > 1, `the team reaches its members (${people})`);
    await expectAccessible(staff, 'notices compose (console)');
    await staff.getByRole('button', { name: '发送' }).click();
    await staff.getByText(`已发出，共 ${people} 人`).waitFor();

    // The outbox's worker takes them within a second or two: delivered (the development channel), or held until
    // 08:00 when the journey runs in the community's quiet hours (an ordinary notice is not urgent).
    const outcome = isQuiet(new Date(), 'Asia/Shanghai') ? '暂缓（免打扰时段）' : '已送达';
    const row = staff.getByRole('row').filter({ hasText: title });
    for (let i = 0; i < 30 && !((await row.textContent()) ?? '').includes(`${outcome} ${people}`); i++) {
      await staff.waitForTimeout(1000);
      await staff.reload();
      await row.waitFor();
    }
    assert.match((await row.textContent()) ?? '', new RegExp(`${outcome} ${people}`));
    await row.getByRole('button', { name: title }).click();
    // The recipients open beside the list (the list itself names no one).
    await staff.getByPlaceholder('按姓名查找收件人').fill('刘红梅');
    const her = staff.getByRole('row').filter({ hasText: '刘红梅' });
    await her.waitFor();
    const text = (await her.textContent()) ?? '';
    assert.match(text, /志愿者/);
    assert.match(text, /138\*{4}0006/);
    assert.ok(text.includes(outcome), text);
    await expectAccessible(staff, 'notice recipients (console)');
    await screenshot(staff, 'console-notice-detail');
    await context.close();
  });

  it('the volunteer reads it in 我的消息 on her phone', async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006', /\/m$/);
    const tile = page.getByRole('link', { name: /我的消息/ });
    await tile.waitFor();
    assert.match((await tile.textContent()) ?? '', /有 \d+ 条新消息/);
    await tile.click();
    await page.waitForURL((u) => u.pathname === '/m/messages');
    const card = page.getByRole('listitem', { name: new RegExp(`^${title}$`) });
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /请带好红马甲/);
    assert.match((await card.textContent()) ?? '', /新消息/);
    await expectAccessible(page, 'my messages (phone)');
    await screenshot(page, 'phone-my-messages');
    await card.getByRole('button', { name: '我知道了' }).click();
    await card.getByRole('button', { name: '我知道了' }).waitFor({ state: 'detached' });
    assert.doesNotMatch((await card.textContent()) ?? '', /新消息/);
    await context.close();
  });
});
