// Passwords and first setup (issue 16): a staff member changes her password in the console and signs in with the new
// one; the admin sends a colleague a reset code, who sets a new password on the phone from 忘记密码？; and a fresh
// production server (LINLI_DEMO=0) is set up through the one-time link it prints, once.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BASE, csrfOf, expectAccessible, newContext, screenshot, signedIn, useBrowser } from './browser.ts';

const NEW_PASSWORD = 'Lantern-river-42';

async function signInWith(page: Page, phone: string, password: string, landing: RegExp) {
  await page.goto('/sign-in');
  await page.getByLabel('手机号').first().fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(landing);
}

describe('accounts journey', () => {
  const browser = useBrowser();

  it('changes her own password in the console, and signs in with the new one', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000019');
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.waitForURL(/\/console\/password/);
    await page.getByLabel('当前密码').fill('xiguan-demo');
    await page.getByLabel('新密码', { exact: true }).fill('woaini1314520');
    await page.getByLabel('再输一次新密码').fill('woaini1314520');
    await page.getByRole('button', { name: '保存新密码' }).click();
    // The server names the rule: a common password.
    await page.getByText('这个密码太常见了', { exact: false }).first().waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再输一次新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await expectAccessible(page, 'change password (console)');
    await screenshot(page, 'accounts-console-password');
    await context.close();

    const again = await newContext(browser(), 'desktop');
    const fresh = await again.newPage();
    const old = await fresh.request.post(`${BASE}/api/auth/sign-in`, {
      data: { phone: '13800000019', password: 'xiguan-demo' },
    });
    assert.equal(old.status(), 401, 'the old password no longer works');
    await signInWith(fresh, '13800000019', NEW_PASSWORD, /\/console/);
    await again.close();
  });

  it('sets a new password on the phone with the code the admin had sent (忘记密码？)', async () => {
    const phone = '13800000018';
    const { context: adminContext, page: admin } = await signedIn(browser(), 'desktop', '13800000001');
    await admin.goto('/console/accounts');
    await admin.getByLabel('成员手机号').fill(phone);
    await admin.getByRole('button', { name: '发送重置验证码' }).click();
    await admin.getByText(`已发给 ${phone}`).waitFor();
    await expectAccessible(admin, 'reset a password (console)');
    // The development channel stands in for SMS here, so the demo's outbox shows the text he got.
    const outbox = await (await admin.request.get(`${BASE}/api/outbox`)).json();
    const msg = outbox.items.find((m: any) => m.recipient === phone && m.template === 'password_reset_code');
    assert.ok(msg, 'the code went out through the outbox');
    const code = String(msg.payload.code);
    assert.match(code, /^\d{6}$/);
    await adminContext.close();

    const context = await newContext(browser(), 'phone');
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.waitForURL(/\/reset-password/);
    // The address changes before the page's code has loaded, and the sign-in form (which also has 手机号) stays on
    // screen until it has: wait for the reset page itself, or the number goes into the old form.
    await page.getByRole('heading', { name: '用验证码设置新密码' }).waitFor();
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('重置验证码').fill(code);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再输一次新密码').fill(NEW_PASSWORD);
    await expectAccessible(page, 'reset password (phone)');
    await screenshot(page, 'accounts-reset-phone');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('新密码已设置').waitFor();
    await page.getByRole('link', { name: '去登录' }).click();
    await signInWith(page, phone, NEW_PASSWORD, /\/(m|console)/);
    // And on the phone's 我的 page, 修改密码 leads to the form.
    await page.goto('/m');
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.waitForURL(/\/m\/password/);
    await page.getByLabel('当前密码').waitFor();
    await expectAccessible(page, 'change password (phone)');
    // The code was spent.
    const reused = await page.request.post(`${BASE}/api/auth/password-reset`, {
      data: { phone, code, newPassword: 'Another-pass-77' },
      headers: { 'x-csrf-token': await csrfOf(page) },
    });
    assert.equal(reused.status(), 400);
    await context.close();
  });

  describe('first setup of a production server', () => {
    let server: ChildProcess | null = null;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-setup-'));
    after(async () => {
      if (server && server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server!.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('creates the community and its admin through the one-time link, once', async () => {
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      server = spawn(process.execPath, ['dist/server/main.mjs'], {
        env: {
          ...process.env,
          PORT: String(port),
          LINLI_DATA_DIR: dataDir,
          LINLI_DEMO: '0',
          LINLI_LOG_LEVEL: 'warn',
          LINLI_RATE_LIMITS: '0',
          DATABASE_URL: '',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      const link = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no setup link within 60 s:\n${out}`)), 60_000);
        server!.stdout!.on('data', (d) => {
          out += d;
          const m = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!.replace('localhost', '127.0.0.1'));
          }
        });
      });
      const context = await newContext(browser(), 'desktop');
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('heading', { name: '首次设置：建立社区和管理员' }).waitFor();
      const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
      await fill('社区名称', '东风社区');
      await fill('所在市', '宝鸡市');
      await fill('所在区（县）', '渭滨区');
      await fill('所在街道', '东风街道');
      await fill('管理员姓名', '张丽');
      await fill('管理员手机号', '13912340000');
      await fill('管理员密码', '123456789a');
      await fill('再输一次新密码', '123456789a');
      await expectAccessible(page, 'first setup');
      await screenshot(page, 'accounts-setup');
      await page.getByRole('button', { name: '建立社区' }).click();
      await page.getByText('这个密码太常见了').first().waitFor();
      await fill('管理员密码', NEW_PASSWORD);
      await fill('再输一次新密码', NEW_PASSWORD);
      await page.getByRole('button', { name: '建立社区' }).click();
      await page.getByText('社区「东风社区」已建立').waitFor();

      // The link is spent: opening it again and submitting is refused.
      await page.goto(link);
      await page.reload();
      await fill('社区名称', '西风社区');
      await fill('所在市', '宝鸡市');
      await fill('所在区（县）', '渭滨区');
      await fill('所在街道', '西风街道');
      await fill('管理员姓名', '李强');
      await fill('管理员手机号', '13912340001');
      await fill('管理员密码', NEW_PASSWORD);
      await fill('再输一次新密码', NEW_PASSWORD);
      await page.getByRole('button', { name: '建立社区' }).click();
      await page.getByText('设置链接无效').first().waitFor();

      const origin = new URL(link).origin;
      const signIn = await page.request.post(`${origin}/api/auth/sign-in`, {
        data: { phone: '13912340000', password: NEW_PASSWORD },
      });
      assert.equal(signIn.status(), 200);
      const me = (await signIn.json()).user;
      assert.equal(me.role, 'community_admin');
      assert.equal(me.community.name, '东风社区');
      await context.close();
    });
  });
});
