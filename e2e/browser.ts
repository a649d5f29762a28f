// Debian's Chromium driven by playwright-core, with the flags this machine needs (no downloads, no
// background network), an axe scan that fails on serious or critical violations, and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'xiguan-demo';
export const SHOTS = path.resolve('test-results/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright gives each launch a fresh temporary profile of its own (it refuses --user-data-dir here).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    headless: true,
  });
}

export const DESKTOP = { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

export async function newContext(browser: Browser, kind: 'desktop' | 'phone'): Promise<BrowserContext> {
  // Reduced motion: the console then turns antd's animations off, so a journey never clicks a dropdown or a
  // dialog mid-flight (and axe never scans a half-faded one). The phone pages have no animations to lose.
  return browser.newContext({ ...(kind === 'desktop' ? DESKTOP : PHONE), baseURL: BASE, reducedMotion: 'reduce' });
}

/** Fails with the list of serious and critical violations, if any. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const text = bad
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 3)
            .map((n) => `   ${n.target.join(' ')}`)
            .join('\n')}`,
      )
      .join('\n');
    throw new Error(`accessibility problems on ${label}:\n${text}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page as a demo account; waits for the landing page when one is given. */
export async function signIn(page: Page, phone: string, landing?: RegExp): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('手机号').first().fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (landing) await page.waitForURL(landing);
}
