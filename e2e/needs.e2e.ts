// Needs journeys: a social worker takes a phone request for 李泽钦 on the hotline form (keyboard first) and
// matches it to the top-ranked volunteer, reading why that volunteer ranks first; 李泽钦 asks for help on a
// phone-sized page and sees both requests listed; a grid leader records a household survey visit. Axe on
// every page and dialog.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, expectElderSizes, screenshot, signedIn, turnOnElderMode, useBrowser } from './browser.ts';

// Strings, not functions: tsx's transform would add helpers the page does not have.
const ACTIVE_ID =
  "document.activeElement ? (document.activeElement.id || '') + '|' + " +
  "(document.activeElement.closest('[id]')?.id || '') : ''";

describe('needs journeys', () => {
  const browser = useBrowser();

  it('staff take a phone request on the hotline form and match it to the top-ranked volunteer', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000002');

    await page.goto('/console/needs/hotline');
    await page.getByRole('heading', { name: '热线登记', level: 1 }).waitFor();
    // The cursor is already in the number field: staff type while the caller talks.
    assert.match(String(await page.evaluate(ACTIVE_ID)), /^hotline-phone\|/, 'the phone field has the focus on open');
    await expectAccessible(page, 'hotline intake');
    const started = Date.now();
    // 李泽钦's own number (the demo family account's): it finds him, and his mother, whose contact he is.
    await page.keyboard.type('13800000007');
    await page.keyboard.press('Enter');
    const him = page.getByRole('radio', { name: /^李泽钦（/ });
    await him.waitFor({ state: 'attached' });
    // The lookup moves the cursor on to the category, the next thing to ask the caller.
    await page.waitForFunction(
      `document.activeElement !== null && document.activeElement.closest('#category') !== null`,
      undefined,
      { timeout: 5000 },
    );
    await him.check();
    // Keyboard only from here: the cursor is back on the category (医疗护理 comes first), Space picks it,
    // Tab goes to the description, Enter submits.
    await page.waitForFunction(
      `document.activeElement !== null && document.activeElement.closest('#category') !== null`,
      undefined,
      { timeout: 5000 },
    );
    await page.keyboard.press('Space');
    assert.ok(await page.getByRole('radio', { name: '医疗护理' }).isChecked(), 'Space picks the focused category');
    await page.keyboard.press('Tab');
    await page.keyboard.type('量血压，换药，腿脚不便请上门');
    assert.equal(
      await page.getByLabel('需求内容').inputValue(),
      '量血压，换药，腿脚不便请上门',
      'Tab leads from the category to the description',
    );
    await page.waitForTimeout(300);
    await expectAccessible(page, 'hotline intake, filled in');
    await screenshot(page, 'console-needs-hotline');
    await page.keyboard.press('Enter');
    await page.locator('.ant-alert').filter({ hasText: '已登记 李泽钦 的需求' }).waitFor();
    assert.ok(Date.now() - started < 30_000, 'a whole request in under 30 seconds');
    // Ready for the next call: the number field is empty and focused again.
    assert.equal(await page.locator('#hotline-phone').inputValue(), '');

    await page.getByRole('button', { name: '去对接志愿者' }).click();
    await page.waitForURL(/\/console\/needs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '李泽钦 · 医疗护理', level: 1 }).waitFor();
    const candidates = page.locator('.ant-card').filter({ has: page.getByText('对接志愿者', { exact: true }) });
    const first = candidates.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    const row = (await first.innerText()).replace(/\s+/g, ' ');
    const name = (await first.locator('td').nth(1).innerText()).trim();
    const score = Number(/(-?\d+) 分/.exec(row)?.[1]);
    // The explanation names the parts in words, and they add up to the score.
    const parts = [...row.matchAll(/([+−])(\d+)/g)].reduce((s, m) => s + (m[1] === '+' ? 1 : -1) * Number(m[2]), 0);
    assert.ok(/已有 \d+ 项任务|曾服务 \d+ 次|同楼|同网格|不在同一网格/.test(row), `the score is explained: ${row}`);
    assert.equal(parts, score, `the parts add up to the score: ${row}`);
    await expectAccessible(page, 'need detail with candidates');
    await screenshot(page, 'console-need-candidates');

    await first.getByRole('button', { name: `确认对接 ${name}` }).click();
    const pop = page.locator('.ant-popover').filter({ hasText: `确认由 ${name} 提供这项服务` });
    await pop.waitFor();
    await page.waitForTimeout(500);
    await expectAccessible(page, 'confirm the match');
    await pop.getByRole('button', { name: '确认对接' }).click();
    await page.getByText(`已对接 ${name}`).first().waitFor();
    await page.locator('.ant-descriptions').getByText('已对接', { exact: true }).waitFor();
    await page.locator('.ant-descriptions').getByText(name, { exact: true }).waitFor();
    await page.getByText('待对接 → 已对接', { exact: false }).first().waitFor();

    // The next step asks for a time: the dialog is checked too, then left without saving.
    await page.getByRole('button', { name: '约定上门时间' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('上门时间').waitFor();
    await page.waitForTimeout(500); // let the opening animation end: a half-faded button fails the contrast check
    await expectAccessible(page, 'schedule dialog');
    await dialog
      .getByRole('button', { name: '取 消' })
      .or(dialog.getByRole('button', { name: '取消', exact: true }))
      .first()
      .click();
    await screenshot(page, 'console-need-matched');

    await page.goto('/console/needs');
    await page.getByRole('heading', { name: '需求列表', level: 1 }).waitFor();
    await page
      .getByRole('row', { name: /李泽钦/ })
      .filter({ hasText: '已对接' })
      .first()
      .waitFor();
    await page.getByText('登记到对接').waitFor();
    await expectAccessible(page, 'needs board');
    await screenshot(page, 'console-needs-board');

    await page.goto('/console/needs/batch');
    await page.getByRole('button', { name: '预览方案' }).click();
    await page
      .getByText(/本方案对接 \d+ 项|现在没有待对接的需求/)
      .first()
      .waitFor();
    await expectAccessible(page, 'batch matching preview');
    await screenshot(page, 'console-needs-batch');

    await page.goto('/console/survey');
    await page.getByText(/已摸查 \d+ \/ \d+ 户/).waitFor();
    await expectAccessible(page, 'survey progress');
    await ctx.close();
  });

  it('the resident asks for help on a phone and sees his requests listed', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000007');
    await page.getByRole('link', { name: /我要求助/ }).click();
    await page.waitForURL(/\/m\/needs$/);
    await page.getByRole('heading', { name: '我要求助', level: 1 }).waitFor();
    // The hotline request staff took for him is there, with its status in words.
    const mine = page.getByRole('list', { name: '我的求助' });
    await mine.getByText('量血压，换药，腿脚不便请上门').waitFor();
    await mine.getByText('已找到志愿者').first().waitFor();
    await expectAccessible(page, 'ask for help (phone)');

    await page
      .getByRole('radiogroup', { name: '第一步：为谁求助' })
      .getByRole('radio', { name: /李泽钦/ })
      .click();
    await page.getByRole('radio', { name: /家务维修/ }).click();
    await page.getByLabel('需要做什么').fill('厨房水龙头漏水，想请人来修');
    await page.getByRole('radio', { name: '明天' }).click();
    await page.getByRole('radio', { name: /上午/ }).click();
    await expectAccessible(page, 'ask for help, filled in (phone)');
    await screenshot(page, 'phone-needs-ask');
    await page.getByRole('button', { name: '提交求助' }).click();
    await page.getByRole('status').filter({ hasText: '已收到您的求助' }).waitFor();
    await mine.getByText('厨房水龙头漏水，想请人来修').waitFor();
    await mine.getByText('已收到，正在找志愿者').first().waitFor();
    await expectAccessible(page, 'request sent (phone)');
    await screenshot(page, 'phone-needs-mine');

    // 长辈版 (elder mode): text of at least 18px and tap targets of at least 60px here too. A checkbox counts
    // by its label, which is what a finger presses.
    await turnOnElderMode(page);
    await page.goto('/m/needs');
    await page.getByRole('radio', { name: /看病护理/ }).waitFor();
    await page.waitForTimeout(300);
    await expectElderSizes(page, 'main button, main a, main textarea, main label:has(input[type=checkbox])', 10);
    await expectAccessible(page, 'ask for help (phone, elder mode)');
    await screenshot(page, 'phone-needs-elder-mode');
    await ctx.close();
  });

  it('a grid leader records a household survey visit on a phone', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000003');
    await page.goto('/m');
    await page.getByRole('link', { name: /入户摸查/ }).click();
    await page.getByRole('heading', { name: '入户摸查', level: 1 }).waitFor();
    const household = page.getByRole('list', { name: '第一步：选一户' }).getByRole('button').first();
    await household.waitFor();
    await expectAccessible(page, 'survey, choose a household (phone)');
    await household.click();
    await page.getByRole('checkbox', { name: /看病护理/ }).check();
    await page.getByLabel('备注（可不填）').fill('独居，需要定期量血压');
    await expectAccessible(page, 'survey, needs ticked (phone)');
    await page.getByRole('button', { name: '保存摸查' }).click();
    await page.getByRole('status').filter({ hasText: '的摸查' }).waitFor();
    await screenshot(page, 'phone-survey-saved');
    await ctx.close();
  });
});
