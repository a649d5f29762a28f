// Two-step verification journey: 吴彩霞 (staff, 13800000017, used by no other journey) sets up an
// authenticator on the console's 两步验证 page — the test reads the key shown for manual entry and computes the
// app's codes itself — keeps her recovery codes, signs out, signs in with password + code, then with a recovery code
// (refused the second time); the director 陈志刚 (13800000010) resets hers, then requires it of social workers for a
// moment: signing in sends her to set it up, whatever page she opens (the requirement is turned off again).
// Axe on the enrolment page, the recovery codes and the sign-in page's second step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PASSWORD, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';
import { totp } from '../server/src/platform/totp.ts';

const SOCIAL_WORKER = '13800000017';
const DIRECTOR = '13800000010';

async function firstStep(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('手机号').first().fill(SOCIAL_WORKER);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '两步验证' }).waitFor();
}

async function secondStep(page: Page, code: string) {
  await page.getByLabel('验证器上的 6 位数字').fill(code);
  await page.getByRole('button', { name: '验证并登录' }).click();
}

describe('two-step verification journey', () => {
  const browser = useBrowser();

  it('enrols on the console, signs in with the app’s code and with a recovery code; an admin resets it', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', SOCIAL_WORKER);
    await page.getByRole('link', { name: '两步验证' }).click();
    await page.getByRole('heading', { name: '两步验证', level: 1 }).waitFor();
    await page.getByRole('button', { name: '开始设置' }).click();
    await page.getByRole('img', { name: /两步验证二维码/ }).waitFor();
    const shown = (await page.getByTestId('totp-secret').textContent())!;
    assert.match(shown, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the key in groups of four');
    const secret = shown.replace(/ /g, '');
    await expectAccessible(page, 'two-factor enrolment (console)');
    await screenshot(page, 'console-two-factor-enrol');
    await page.getByLabel('6 位数字').fill('000000');
    await page.getByRole('button', { name: '确认开启' }).click();
    await page.getByText(/动态验证码或恢复码不正确/).waitFor();
    // The previous step's code (still accepted) leaves this step's and the next for signing in.
    await page.getByLabel('6 位数字').fill(totp(secret, Date.now() - 30_000));
    await page.getByRole('button', { name: '确认开启' }).click();
    await page.getByRole('heading', { name: '请保存恢复码' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    assert.equal(codes.length, 10);
    await expectAccessible(page, 'two-factor recovery codes (console)');
    await page.getByRole('button', { name: '我已保存好恢复码' }).click();
    await page
      .getByText(/已开启/)
      .first()
      .waitFor();
    await page.getByText('还剩 10 个恢复码可用').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in/);

    // Password, then the app's code.
    await firstStep(page);
    await expectAccessible(page, 'sign-in second step');
    await screenshot(page, 'sign-in-two-factor');
    await secondStep(page, '123456');
    await page.getByText(/动态验证码或恢复码不正确/).waitFor();
    await secondStep(page, totp(secret, Date.now()));
    await page.waitForURL(/\/console/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in/);

    // Password, then a recovery code; the same one is refused next time.
    await firstStep(page);
    await secondStep(page, codes[0]!);
    await page.waitForURL(/\/console/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in/);
    await firstStep(page);
    await secondStep(page, codes[0]!);
    await page.getByText(/动态验证码或恢复码不正确/).waitFor();
    await page.getByRole('button', { name: '返回，换个账号登录' }).click();
    await page.getByRole('tab', { name: '密码登录' }).waitFor();
    await context.close();

    // The director resets it (a lost phone): she is told by text and signs in with the password alone.
    const { context: desk, page: director } = await signedIn(browser(), 'desktop', DIRECTOR);
    await director.goto('/console/two-factor');
    await director.getByRole('heading', { name: '社区要求' }).waitFor();
    const row = director.getByRole('row').filter({ hasText: '吴彩霞' });
    await row.getByText('已开启').waitFor();
    await row.getByRole('button', { name: '重置' }).click();
    await director.getByRole('button', { name: /确\s*定|OK/ }).click();
    await director.getByText('已重置，已短信通知对方').waitFor();
    await row.getByText('未开启').waitFor();

    // The director requires it of social workers: she signs in and is sent to set it up, whatever she opens.
    // The box shows what the server holds: it turns once the change is saved and read back.
    const staffRule = director.getByRole('checkbox', { name: '要求社工开启' });
    await staffRule.click();
    await director.getByText('已保存').first().waitFor();
    for (let i = 0; i < 50 && !(await staffRule.isChecked()); i++) await director.waitForTimeout(200);
    assert.equal(await staffRule.isChecked(), true);
    try {
      const { context: again, page: she } = await signedIn(
        browser(),
        'desktop',
        SOCIAL_WORKER,
        /\/console\/two-factor/,
      );
      await she.getByText('社区要求您开启两步验证').waitFor();
      await she.goto('/console/residents');
      await she.waitForURL(/\/console\/two-factor/);
      await expectAccessible(she, 'two-factor required (console)');
      await again.close();
    } finally {
      await staffRule.click();
      await director.getByRole('row').filter({ hasText: '吴彩霞' }).getByText('未开启', { exact: true }).waitFor();
      assert.equal(await staffRule.isChecked(), false);
    }
    await desk.close();
    await (await signedIn(browser(), 'desktop', SOCIAL_WORKER)).context.close();
  });
});
