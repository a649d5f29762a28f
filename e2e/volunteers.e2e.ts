// A volunteer's journey: register on a phone-sized page (the code read from the development outbox, as staff),
// get approved by staff in the console, show as approved, and appear in the skills pool. Axe on every new page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, expectAccessible, newContext, screenshot, useBrowser } from './browser.ts';
import { idNumberCheckChar } from '../domain/shared/id-number.ts';

describe('volunteer journeys', () => {
  const browser = useBrowser();

  it('registers on a phone, is approved by staff, and shows as approved', async () => {
    const rnd = Math.floor(Math.random() * 400) + 50;
    // The demo resident (居民) registers: the development outbox shows staff only messages to their community's people.
    const phone = '13800000007';
    const first17 = `610302${'19900615'}${String(rnd * 2)
      .padStart(3, '0')
      .slice(-3)}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const name = '柳如烟';

    const staffCtx = await newContext(browser(), 'desktop');
    const staff = await staffCtx.newPage();
    await staff.goto('/sign-in');
    await staff.getByLabel('手机号').first().fill('13800000002');
    await staff.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await staff.getByRole('button', { name: '登录', exact: true }).click();
    await staff.waitForURL(/\/console/);

    const ctx = await newContext(browser(), 'phone');
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '注册成为志愿者' }).click();
    await page.waitForURL(/\/m\/volunteer\/register/);
    await page.getByRole('heading', { name: '志愿者注册' }).waitFor();
    await expectAccessible(page, 'volunteer registration (phone)');
    await screenshot(page, 'phone-volunteer-register');
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送').waitFor();

    const outbox = await (await staff.request.get(`${BASE}/api/outbox`)).json();
    const msg = outbox.items.find((m: any) => m.recipient === phone && m.template === 'volunteer_registration_code');
    assert.ok(msg, 'the code is in the outbox');
    await page.getByLabel('验证码', { exact: true }).fill(String(msg.payload.code));
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('姓名', { exact: true }).fill(name);
    await page.getByLabel('出生日期', { exact: true }).fill('1990-06-15');
    await page.getByLabel('身份证号', { exact: true }).fill(idNumber);
    await expectAccessible(page, 'volunteer registration, about you');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('特长（可不填）').selectOption('haircut');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox').check();
    await expectAccessible(page, 'volunteer registration, consent');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册已提交').waitFor();
    await screenshot(page, 'phone-volunteer-registered');
    await ctx.close();

    await staff.goto('/console/volunteers/approvals');
    await staff.getByRole('link', { name }).first().waitFor();
    await expectAccessible(staff, 'volunteer approvals');
    await screenshot(staff, 'console-volunteer-approvals');
    const row = staff.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await staff.getByRole('dialog').getByRole('button', { name: '通过', exact: true }).click();
    await staff.getByText('已通过审核').waitFor();

    await staff.goto(`/console/volunteers?q=${encodeURIComponent(name)}&status=approved`);
    const approvedRow = staff.getByRole('row', { name: new RegExp(name) });
    await approvedRow.getByText('已通过').waitFor();
    await expectAccessible(staff, 'volunteer list');
    await approvedRow.getByRole('link', { name }).click();
    await staff.waitForURL(/\/console\/volunteers\/[0-9a-f-]{36}/);
    await staff.getByRole('button', { name: '查看身份证号' }).click();
    await staff.getByText(idNumber).waitFor();
    await expectAccessible(staff, 'volunteer page');
    await screenshot(staff, 'console-volunteer');

    // Approved with a skill: the volunteer is in the skills pool (专业服务人才资源库).
    await staff.goto('/console/skills');
    const search = staff.getByLabel('姓名、拼音、首字母或手机尾号');
    await search.fill(name);
    await search.press('Enter');
    await staff
      .getByRole('row', { name: new RegExp(name) })
      .first()
      .waitFor();
    await screenshot(staff, 'console-skills-pool-new-volunteer');
    await staffCtx.close();
  });

  it('the newly approved volunteer sees their card with a large QR code on the phone', async () => {
    const ctx = await newContext(browser(), 'phone');
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('手机号').first().fill('13800000007');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/m/);
    await page.goto('/m/volunteer');
    await page.getByRole('heading', { name: '我的志愿者主页' }).waitFor();
    await page.getByRole('img', { name: '电子志愿者证' }).locator('svg').waitFor();
    await expectAccessible(page, 'my volunteer page');
    await screenshot(page, 'phone-my-volunteer');
    await ctx.close();
  });
});
