// The check-in kiosk: staff open it from the activity page (and from the check-in screen); it fills the screen
// with no console menu, and the QR code and the typed code are large and wholly above the fold on a 1366×860
// laptop and on a 1080p TV. Axe on the kiosk.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** The QR and the code are visible, inside the viewport, and the QR is at least `minQr` px square. */
async function expectAboveTheFold(page: Page, minQr: number): Promise<void> {
  const vp = page.viewportSize()!;
  const qr = await page.getByTestId('kiosk-qr').boundingBox();
  const code = await page.getByTestId('kiosk-code').boundingBox();
  assert.ok(qr && code, 'QR and code shown');
  for (const [name, b] of [
    ['QR', qr],
    ['code', code],
  ] as const) {
    assert.ok(b.y >= 0 && b.y + b.height <= vp.height, `${name} above the fold: ${JSON.stringify(b)} in ${vp.height}`);
    assert.ok(b.x >= 0 && b.x + b.width <= vp.width, `${name} within the width: ${JSON.stringify(b)}`);
  }
  assert.ok(qr.width >= minQr && qr.height >= minQr, `QR ${qr.width}×${qr.height} at least ${minQr}`);
  const fontSize = await page.getByTestId('kiosk-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(fontSize >= 64, `code set at ${fontSize}px`);
  // The page does not scroll: everything is on the one screen.
  const scroll = (await page.evaluate('document.scrollingElement.scrollHeight')) as number;
  assert.ok(scroll <= vp.height, `no scrolling (${scroll} > ${vp.height})`);
}

describe('check-in kiosk journey', () => {
  const browser = useBrowser();

  it('staff open the kiosk from the activity page: full screen, no menu, QR and code above the fold', async () => {
    const title = `社区读书会 ${Date.now() % 100000}`;
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const csrf = await csrfOf(page);
    const date = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
    const created = await page.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        title,
        place: '西关社区服务站',
        date,
        shifts: [{ name: '签到组', start: '09:00', end: '11:00', places: 5 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };
    const published = await page.request.post(`${BASE}/api/activities/${id}/publish`, {
      headers: { 'x-csrf-token': csrf },
    });
    assert.equal(published.status(), 204);

    await page.goto(`/console/activities/${id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('link', { name: '签到大屏' }).click();
    await page.waitForURL(new RegExp(`/console/activities/${id}/kiosk$`));
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByTestId('kiosk-qr').locator('svg').waitFor();
    assert.match((await page.getByTestId('kiosk-code').textContent()) ?? '', /^\d{6}$/);
    // No console menu or header around it.
    assert.equal(await page.getByRole('navigation').count(), 0);
    assert.equal(await page.locator('.ant-menu, .ant-layout-sider, .ant-layout-header').count(), 0);
    await expectAboveTheFold(page, 600);
    await expectAccessible(page, 'check-in kiosk (1366×860)');
    await screenshot(page, 'console-activity-kiosk-1366');

    // A 1080p TV.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectAboveTheFold(page, 800);
    await screenshot(page, 'console-activity-kiosk-1080p');

    // Also from the check-in screen; the kiosk leads back to the activity.
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto(`/console/activities/${id}/screen`);
    await page.getByRole('link', { name: '签到大屏' }).click();
    await page.waitForURL(new RegExp(`/kiosk$`));
    await page.getByRole('link', { name: '退出大屏' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await context.close();
  });

  it('a volunteer without activities.manage is refused the kiosk', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000006', /\/(m|console)/);
    await page.goto('/console/activities/00000000-0000-7000-8000-000000000000/kiosk');
    await page.waitForURL(/\/m/);
    assert.equal(await page.getByTestId('kiosk-qr').count(), 0);
    await context.close();
  });
});
