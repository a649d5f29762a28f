// Debian's Chromium driven by playwright-core, with the flags this machine needs (no downloads, no
// background network), an axe scan that fails on serious or critical violations, and screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'xiguan-demo';
export const SHOTS = path.resolve('test-results/screenshots');

/**
 * What the browser refused under the pages' Content-Security-Policy, across every context of a launched browser: a
 * journey that meets any fails when its browser closes (useBrowser), so a page needing more than the policy allows
 * shows up here rather than as a blank screen in production.
 */
const cspViolations: string[] = [];

function watchCsp(context: BrowserContext): BrowserContext {
  context.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy'))
      cspViolations.push(`${m.page()?.url() ?? '?'}: ${m.text()}`);
  });
  return context;
}

/** `extraArgs`: more Chromium flags for a journey that needs them (a fake camera, say). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
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
      ...extraArgs,
    ],
    headless: true,
  });
  const open = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchCsp(await open(options));
  return browser;
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
  // antd's toasts (.ant-message) fade in and out whatever the motion setting, and axe measures a half-faded
  // toast's text against the page (seen in CI); they are transient and keep antd's own colours.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('.ant-message')
    .analyze();
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

/** Launches Chromium before the tests of the enclosing describe() and closes it after; returns a getter. */
export function useBrowser(extraArgs: readonly string[] = []): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launch(extraArgs);
  });
  after(async () => {
    await browser?.close();
    const seen = cspViolations.splice(0);
    assert.deepEqual(seen, [], `the Content-Security-Policy refused:\n${seen.join('\n')}`);
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/**
 * A fresh context of `kind` with one page signed in as a demo account, once it has reached its landing page
 * (the console on a desktop, /m on a phone, unless told otherwise).
 */
export async function signedIn(
  browser: Browser,
  kind: 'desktop' | 'phone',
  phone: string,
  landing: RegExp = kind === 'desktop' ? /\/console/ : /\/m/,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, kind);
  const page = await context.newPage();
  await signIn(page, phone, landing);
  return { context, page };
}

/** The CSRF token of the page's session, for API writes made through page.request. */
export async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get(`${BASE}/api/auth/me`)).json()).csrfToken as string;
}

/** Turns on elder mode (长辈版) from the phone home page, whichever control the page offers for it. */
export async function turnOnElderMode(page: Page): Promise<void> {
  await page.goto('/m');
  await page
    .getByRole('switch', { name: /长辈版/ })
    .or(page.getByRole('button', { name: /长辈版/ }))
    .or(page.getByRole('checkbox', { name: /长辈版/ }))
    .first()
    .click();
}

/**
 * Asserts elder mode's sizes on the page: at least `minTexts` visible texts in <main>, none under 18px, and every
 * visible tap target matched by `targets` (a CSS selector) at least 60px tall.
 */
export async function expectElderSizes(page: Page, targets: string, minTexts: number): Promise<void> {
  // A string, not a function: tsx's transform would add helpers the page does not have.
  const sizes = (await page.evaluate(`(() => {
    const shown = (e) => e.offsetParent !== null;
    const texts = [...document.querySelectorAll('main *')]
      .filter((e) => shown(e) && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
    const heights = [...document.querySelectorAll(${JSON.stringify(targets)})]
      .filter(shown)
      .map((e) => e.getBoundingClientRect().height);
    return {
      smallestText: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      texts: texts.length,
      smallestTarget: Math.min(...heights),
    };
  })()`)) as { smallestText: number; texts: number; smallestTarget: number };
  assert.ok(sizes.texts > minTexts, `found the page text (${sizes.texts} texts)`);
  assert.ok(sizes.smallestText >= 18, `smallest text ${sizes.smallestText}px`);
  assert.ok(sizes.smallestTarget >= 60, `smallest target ${sizes.smallestTarget}px`);
}
