// 4:30 rota-day swaps on phone-sized pages: 刘红梅 (on the classroom rota in the demo) offers one of her rota days to
// come (换班) on /m/classroom; the team leader (also a volunteer) finds it under 可接的课堂值班 and takes it (接这个班);
// both see the result (the day is his now; she sees who took it over and no longer has it). Axe on every page state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('4:30 rota-day swap journey', () => {
  const browser = useBrowser();

  it('刘红梅 offers a rota day, the team leader takes it, and both see the result', async () => {
    const { context: aCtx, page: a } = await signedIn(browser(), 'phone', '13800000006');
    await a.goto('/m/classroom');
    const mineA = a.getByRole('list', { name: '我的课堂值班' });
    const offerBtn = mineA.getByRole('button', { name: /^换班：/ }).first();
    await offerBtn.waitFor();
    const date = (await offerBtn.getAttribute('aria-label'))!.replace('换班：', '');
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    await expectAccessible(a, 'my classroom rota days (phone)');
    await offerBtn.click();
    await a.getByRole('status').filter({ hasText: '已发出换班' }).waitFor();
    await mineA.getByRole('button', { name: `收回换班：${date}` }).waitFor();
    await expectAccessible(a, 'a rota day offered (phone)');
    await screenshot(a, 'phone-rota-swap-offered');

    const { context: bCtx, page: b } = await signedIn(browser(), 'phone', '13800000004');
    await b.goto('/m/classroom');
    const offered = b.getByRole('list', { name: '可接的课堂值班' }).locator('li', { hasText: date });
    await offered.getByText('刘红梅 让出').waitFor();
    await expectAccessible(b, 'classroom days to take (phone)');
    await offered.getByRole('button', { name: '接这个班' }).click();
    await b.getByRole('status').filter({ hasText: '接班成功' }).waitFor();
    await b
      .getByRole('list', { name: '我的课堂值班' })
      .getByRole('button', { name: `换班：${date}` })
      .waitFor();
    assert.equal(await b.getByRole('list', { name: '可接的课堂值班' }).locator('li', { hasText: date }).count(), 0);
    await expectAccessible(b, 'classroom day taken (phone)');
    await screenshot(b, 'phone-rota-swap-taken');
    await bCtx.close();

    await a.reload();
    await a
      .getByRole('list', { name: '换班结果' })
      .getByText(new RegExp(`${date} 的课堂值班已由 .+ 接班`))
      .waitFor();
    assert.equal(await mineA.getByRole('button', { name: new RegExp(date) }).count(), 0);
    await expectAccessible(a, 'rota swap result (phone)');
    await screenshot(a, 'phone-rota-swap-result');
    await aCtx.close();
  });
});
