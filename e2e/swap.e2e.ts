// Volunteers' self-service journeys on phone-sized pages. 换班: staff publish an activity with one place; 刘红梅 signs
// up, then offers her place (换班); the team leader (also a volunteer) finds it under 可接的班 and takes it; both see
// the result (he has the shift, she sees who took it over and no longer has it). 还来吗？: a sign-up for a shift
// tomorrow asks, and 我会来 is recorded in one tap. 订阅我的日程 gives her feed; her own record downloads from the
// hours page. Axe on every page state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

const shanghaiDate = (daysOn: number) =>
  new Date(Date.now() + 8 * 3600_000 + daysOn * 86400_000).toISOString().slice(0, 10);

/** Staff create and publish an activity through the API; returns its id. */
async function publish(staff: Page, title: string, date: string, places: number, start = '09:00', end = '11:00') {
  const csrf = await csrfOf(staff);
  const created = await staff.request.post(`${BASE}/api/activities`, {
    headers: { 'x-csrf-token': csrf },
    data: { title, place: '西关社区服务站', date, shifts: [{ name: '服务组', start, end, places }] },
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  const published = await staff.request.post(`${BASE}/api/activities/${id}/publish`, {
    headers: { 'x-csrf-token': csrf },
  });
  assert.equal(published.status(), 204, await published.text());
  return id;
}

describe('volunteers’ self-service journeys', () => {
  const browser = useBrowser();

  it('刘红梅 offers her shift, the team leader takes it, and both see the result', async () => {
    const title = `重阳敬老 ${Date.now() % 100000}`;
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await publish(staff, title, shanghaiDate(3), 1);
    await staffCtx.close();

    const { context: aCtx, page: a } = await signedIn(browser(), 'phone', '13800000006');
    await a.goto('/m/activities');
    await a.locator('.ph-card', { hasText: title }).getByRole('button', { name: '报名：服务组' }).click();
    await a.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
    const mineA = a.getByRole('list', { name: '我报名的活动' }).locator('li', { hasText: title });
    await mineA.getByRole('button', { name: '换班（让给别人）' }).click();
    await a.getByRole('status').filter({ hasText: '已发出换班' }).waitFor();
    await mineA.getByRole('button', { name: '收回换班' }).waitFor();
    await expectAccessible(a, 'activities with a swap offered (phone)');
    await screenshot(a, 'phone-swap-offered');

    const { context: bCtx, page: b } = await signedIn(browser(), 'phone', '13800000004');
    await b.goto('/m/activities');
    const offered = b.getByRole('list', { name: '可接的班' }).locator('li', { hasText: title });
    await offered.getByText('刘红梅 让出').waitFor();
    await expectAccessible(b, 'shifts to take (phone)');
    await offered.getByRole('button', { name: '接这个班' }).click();
    await b.getByRole('status').filter({ hasText: '接班成功' }).waitFor();
    const mineB = b.getByRole('list', { name: '我报名的活动' }).locator('li', { hasText: title });
    await mineB.getByText('✓ 已报名').waitFor();
    assert.equal(await b.getByRole('list', { name: '可接的班' }).locator('li', { hasText: title }).count(), 0);
    await expectAccessible(b, 'shift taken (phone)');
    await screenshot(b, 'phone-swap-taken');
    const leaderName = (await (await b.request.get(`${BASE}/api/activities/mine`)).json())[0]?.volunteerName as string;
    await bCtx.close();

    await a.reload();
    await a
      .getByRole('list', { name: '换班结果' })
      .getByText(new RegExp(`${title}.*已由 ${leaderName} 接班`))
      .waitFor();
    assert.equal(await a.getByRole('list', { name: '我报名的活动' }).locator('li', { hasText: title }).count(), 0);
    await expectAccessible(a, 'swap result (phone)');
    await screenshot(a, 'phone-swap-result');
    await aCtx.close();
  });

  it('a shift tomorrow asks 还来吗？ and 我会来 is recorded in one tap', async () => {
    const title = `社区清扫 ${Date.now() % 100000}`;
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await publish(staff, title, shanghaiDate(1), 5);
    await staffCtx.close();

    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    await page.goto('/m/activities');
    await page.locator('.ph-card', { hasText: title }).getByRole('button', { name: '报名：服务组' }).click();
    await page.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
    const mine = page.getByRole('list', { name: '我报名的活动' }).locator('li', { hasText: title });
    const ask = mine.getByRole('group', { name: '还来吗？' });
    await ask.waitFor();
    await expectAccessible(page, 'still coming? (phone)');
    await screenshot(page, 'phone-still-coming');
    await ask.getByRole('button', { name: '我会来' }).click();
    await page.getByRole('status').filter({ hasText: '已记下：您会来' }).waitFor();
    await mine.getByText('您已确认会来').waitFor();
    await context.close();
  });

  it('订阅我的日程 on the volunteer page gives the feed address, and the feed has her shift with its time zone', async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    await page.goto('/m/volunteer');
    const card = page.locator('.ph-card', { hasText: '订阅我的日程' });
    const url = (await card.getByTestId('my-calendar-url').textContent())!.trim();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/activities\/feed\/[0-9a-f-]{36}\/[A-Za-z0-9_-]+\.ics$/);
    assert.match((await card.getByRole('link', { name: '用手机日历订阅' }).getAttribute('href'))!, /^webcal:\/\//);
    await expectAccessible(page, 'my volunteer page with the calendar (phone)');
    await screenshot(page, 'phone-my-calendar');
    const ics = await (await page.request.get(url)).text();
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai/);
    assert.match(ics, /DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}/);
    await context.close();
  });

  it('her own record downloads from the hours page as a PDF and an Excel file', async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    await page.goto('/m/hours');
    const card = page.locator('.ph-card', { hasText: '我的服务记录' });
    const pdfLink = card.getByRole('link', { name: '下载 PDF' });
    await pdfLink.waitFor();
    await expectAccessible(page, 'hours with the record downloads (phone)');
    await screenshot(page, 'phone-hours-record');
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const pdf = await page.request.get(`${BASE}${await pdfLink.getAttribute('href')}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    const xlsxHref = await card.getByRole('link', { name: '下载 Excel' }).getAttribute('href');
    const xlsx = await page.request.get(`${BASE}${xlsxHref}`);
    assert.match(xlsx.headers()['content-type']!, /spreadsheetml/);
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
    await context.close();
  });
});
