// The camera scanner for volunteer cards: a team leader on a phone opens today's activity from the phone's list,
// opens the camera (Chromium's fake camera playing a video of 刘红梅's card QR, made here with the `qrcode`
// package as raw I420 frames) and she is checked in by her card, read from the video frames; a typed number that is
// no card is refused in words. Staff then see her check-in marked 扫证. Axe on the scanner page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import {
  BASE,
  csrfOf,
  expectAccessible,
  launch,
  newContext,
  screenshot,
  signIn,
  signedIn,
  useBrowser,
} from './browser.ts';

/** The shift starts 30–35 minutes from now (check-in opens an hour before), in Shanghai local time. */
function nextShift(): { date: string; start: string; end: string } {
  const t = new Date(Math.ceil((Date.now() + 30 * 60_000) / (5 * 60_000)) * 5 * 60_000 + 8 * 3600_000);
  const date = t.toISOString().slice(0, 10);
  const startMin = t.getUTCHours() * 60 + t.getUTCMinutes();
  const endMin = Math.min(startMin + 60, 24 * 60);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { date, start: hhmm(startMin), end: hhmm(endMin) };
}

/**
 * A Y4M video (what Chromium's fake camera plays) of a QR code carrying `text`: raw I420 frames, the Y plane drawn
 * from the QR's modules (dark 16, light 235, a four-module quiet zone), U and V a flat 128 (no colour).
 */
function qrVideo(text: string, file: string): void {
  const W = 640;
  const H = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(420 / (n + 8));
  const side = (n + 8) * scale;
  const ox = Math.floor((W - side) / 2);
  const oy = Math.floor((H - side) / 2);
  const y = Buffer.alloc(W * H, 180);
  for (let py = 0; py < side; py++)
    for (let px = 0; px < side; px++) {
      const r = Math.floor(py / scale) - 4;
      const c = Math.floor(px / scale) - 4;
      const dark = r >= 0 && c >= 0 && r < n && c < n && qr.modules.get(r, c);
      y[(oy + py) * W + ox + px] = dark ? 16 : 235;
    }
  const uv = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, uv, uv]);
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]),
  );
}

describe('card scanner journey', () => {
  const browser = useBrowser();

  it("a team leader scans a volunteer's card with the phone camera and she is checked in", async () => {
    const title = `楼道清扫 ${Date.now() % 100000}`;
    const when = nextShift();
    // The team leader's activity (a leader's activities are their team's), published.
    const { context: leaderSetup, page: leaderApi } = await signedIn(
      browser(),
      'desktop',
      '13800000004',
      /\/(m|console)/,
    );
    const csrf = await csrfOf(leaderApi);
    const created = await leaderApi.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        title,
        place: '西关社区服务站',
        date: when.date,
        shifts: [{ name: '清扫组', start: when.start, end: when.end, places: 10 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };
    const published = await leaderApi.request.post(`${BASE}/api/activities/${id}/publish`, {
      headers: { 'x-csrf-token': csrf },
    });
    assert.equal(published.status(), 204, await published.text());
    const shiftId = ((await (await leaderApi.request.get(`${BASE}/api/activities/${id}`)).json()) as any).shifts[0]
      .id as string;
    await leaderSetup.close();

    // 刘红梅 signs up herself; her card's address is what its QR carries.
    const { context: volCtx, page: vol } = await signedIn(browser(), 'phone', '13800000006');
    const joined = await vol.request.post(`${BASE}/api/activities/${id}/join`, {
      headers: { 'x-csrf-token': await csrfOf(vol) },
      data: { shiftId },
    });
    assert.equal(joined.status(), 201, await joined.text());
    const me = (await (await vol.request.get(`${BASE}/api/volunteers/me`)).json()) as { card: { url: string } };
    await volCtx.close();
    assert.match(me.card.url, /\/console\/volunteers\/card\/[A-Za-z0-9_-]+$/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-camera-'));
    const video = path.join(dir, 'card.y4m');
    qrVideo(me.card.url, video);
    const camera = await launch([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const ctx = await newContext(camera, 'phone');
      await ctx.grantPermissions(['camera'], { origin: BASE });
      const page = await ctx.newPage();
      await signIn(page, '13800000004', /\/(m|console)/);
      await page.goto('/m/activities');
      const card = page.locator('.ph-card', { hasText: title });
      await card.getByRole('link', { name: '扫志愿者证签到' }).click();
      await page.waitForURL(new RegExp(`/m/activities/checkin/${id}`));
      const scanner = page.getByRole('region', { name: '扫志愿者证签到' });
      await scanner.waitFor();
      await expectAccessible(page, 'card scanner (phone)');

      // Typed: a number that is no card is refused in words; the camera is still there to use.
      await scanner.getByLabel('证件编号（扫不出来时输入）').fill('no-such-card-123');
      await scanner.getByRole('button', { name: '按编号签到' }).click();
      await scanner.getByRole('alert').waitFor();

      // The camera reads her card from the video frames and checks her in.
      await scanner.getByRole('button', { name: '打开相机扫志愿者证' }).click();
      await scanner.getByTestId('card-camera').waitFor();
      await scanner
        .getByRole('status')
        .filter({ hasText: /刘红梅 已签到（\d{2}:\d{2}）/ })
        .waitFor({ timeout: 20_000 });
      await screenshot(page, 'phone-card-scanner-checked-in');
      await expectAccessible(page, 'card scanner with the camera on (phone)');
      await scanner.getByRole('button', { name: '关闭相机' }).click();
      assert.equal(
        await page.evaluate(`document.querySelector('[data-testid=card-camera]').srcObject === null`),
        true,
        'the camera is released',
      );
      await ctx.close();
    } finally {
      await camera.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Staff see the check-in, by card.
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const signups = (await (await staff.request.get(`${BASE}/api/activities/${id}/signups`)).json()) as Array<{
      volunteerName: string;
      checkedInAt: string | null;
      checkinMethod: string | null;
    }>;
    const hers = signups.find((s) => s.volunteerName === '刘红梅');
    assert.ok(hers?.checkedInAt, 'checked in');
    assert.equal(hers.checkinMethod, 'card');
    await staff.goto(`/console/activities/${id}`);
    await staff.getByRole('row', { name: /刘红梅.*扫证/ }).waitFor();
    await staff.getByRole('link', { name: '手机扫证签到' }).waitFor();
    await staffCtx.close();
  });
});
