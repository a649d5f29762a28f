// A minor's guardian consent: staff register a 12-year-old, the record shows "waiting for the guardian"; staff
// record the signed paper form with its scan and the record says so; then staff record the guardian's withdrawal.
// The guardian's public phone page refuses a wrong code on the field. Axe on each state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE, csrfOf, expectAccessible, newContext, screenshot, signedIn, useBrowser } from './browser.ts';
import { idNumberCheckChar } from '../domain/shared/id-number.ts';
import { bornOnOrBefore, todayInShanghai, addDays } from '../domain/shared/dates.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);

/** Axe once antd's dialog animations are over. */
async function scan(page: Page, label: string) {
  await page.waitForFunction(
    `!document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-fade-appear, .ant-fade-enter')`,
  );
  await expectAccessible(page, label);
}

describe('guardian consent', () => {
  const browser = useBrowser();

  it('staff see a pending consent, record the paper form with its scan, then a withdrawal', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const birthDate = addDays(bornOnOrBefore(12, todayInShanghai()), -20);
    // An odd 17th digit: a boy.
    const first17 = `610302${birthDate.replaceAll('-', '')}${String(Math.floor(Math.random() * 450) * 2 + 101)}`;
    const name = `小监${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 500))}`;
    const phone = `1376${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const created = await page.request.post(`${BASE}/api/volunteers`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
      data: {
        name,
        gender: 'male',
        birthDate,
        phone,
        idNumber: first17 + idNumberCheckChar(first17),
        fitness: 'good',
        politicalStatus: 'masses',
        recruitedVia: 'self',
        guardian: { name: '王父', phone: `1375${phone.slice(4)}`, relation: 'father' },
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id, status } = await created.json();
    assert.equal(status, 'pending');

    await page.goto(`/console/volunteers/${id}`);
    await page.getByText('待监护人确认').waitFor();
    await page.getByText('监护人确认前，注册不能审核通过').waitFor();
    await scan(page, 'volunteer with pending consent');
    await screenshot(page, 'guardian-consent-pending');

    await page.getByRole('button', { name: '登记纸质同意书' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'form.png', mimeType: 'image/png', buffer: PNG });
    await scan(page, 'paper consent dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记纸质同意书').waitFor();
    await page.getByRole('link', { name: '查看扫描件' }).waitFor();
    await scan(page, 'volunteer with paper consent');
    await screenshot(page, 'guardian-consent-paper');

    await page.getByRole('button', { name: '登记撤回' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '登记撤回' }).click();
    await page.getByText('监护人已撤回同意').waitFor();
    await scan(page, 'volunteer with withdrawn consent');
    await context.close();
  });

  it("the guardian's phone page refuses a wrong code", async () => {
    const context = await newContext(browser(), 'phone');
    const page = await context.newPage();
    await page.goto('/m/guardian-consent#p=13750000000&c=000000');
    await page.getByRole('heading', { name: '监护人确认' }).waitFor();
    // The code is read from the fragment and then taken out of the address bar.
    await page.getByText('验证码不正确或已过期').waitFor();
    assert.equal(new URL(page.url()).hash, '');
    await expectAccessible(page, 'guardian consent page');
    await screenshot(page, 'guardian-consent-phone');
    await context.close();
  });
});
