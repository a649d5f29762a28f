// An activity journey: staff publish an activity and open its check-in screen; 刘红梅 signs up on a phone-sized
// page, opens the address the screen's QR code carries (the code read from the screen) and checks in, then
// scans again and checks out; staff see her attendance in the activity's list. Axe on every page. After an
// activity that has taken place, staff name a resident it served (服务对象) and see the name kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** The shift starts 30–35 minutes from now (check-in opens an hour before), in Shanghai local time. */
function nextShift(): { date: string; start: string; end: string } {
  const t = new Date(Math.ceil((Date.now() + 30 * 60_000) / (5 * 60_000)) * 5 * 60_000 + 8 * 3600_000);
  const date = t.toISOString().slice(0, 10);
  const startMin = t.getUTCHours() * 60 + t.getUTCMinutes();
  const endMin = Math.min(startMin + 60, 24 * 60);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { date, start: hhmm(startMin), end: hhmm(endMin) };
}

async function readCode(screen: Page): Promise<{ code: string; path: string }> {
  await screen.reload();
  const el = screen.getByTestId('checkin-path');
  await el.waitFor();
  return {
    code: (await screen.getByTestId('checkin-code').textContent())!.trim(),
    path: (await el.getAttribute('data-path'))!,
  };
}

describe('activity journeys', () => {
  const browser = useBrowser();

  it('a volunteer signs up on the phone, checks in and out by the QR code, and staff see the attendance', async () => {
    const title = `端午包粽子 ${Date.now() % 100000}`;
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const csrf = await csrfOf(staff);
    const when = nextShift();
    const created = await staff.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        title,
        place: '西关社区服务站',
        date: when.date,
        shifts: [{ name: '厨房组', start: when.start, end: when.end, places: 10 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };

    await staff.goto(`/console/activities/${id}`);
    await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectAccessible(staff, 'activity, draft (console)');
    await staff.getByRole('button', { name: '发布' }).click();
    await staff.getByRole('link', { name: '打开签到屏' }).waitFor();
    // Residents served are named only once the activity has started.
    await staff.getByText('活动开始后可以登记服务对象。').waitFor();
    await staff.goto('/console/activities');
    await staff.getByRole('link', { name: title }).waitFor();
    await expectAccessible(staff, 'activities list (console)');
    await screenshot(staff, 'console-activities');

    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    await phone.getByRole('link', { name: /志愿活动/ }).click();
    await phone.waitForURL(/\/m\/activities/);
    const card = phone.locator('.ph-card', { hasText: title });
    await card.waitFor();
    await expectAccessible(phone, 'activities (phone)');
    await card.getByRole('button', { name: '报名：厨房组' }).click();
    await phone.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
    await phone.getByRole('list', { name: '我报名的活动' }).getByText(title).waitFor();
    await screenshot(phone, 'phone-activities-signed-up');

    // The staff screen shows the rotating code; its QR opens the phone's check-in page with the code.
    await staff.goto(`/console/activities/${id}/screen`);
    let shown = await readCode(staff);
    assert.match(shown.code, /^\d{6}$/);
    assert.equal(shown.path, `/m/activities/checkin/${id}?code=${shown.code}`);
    await expectAccessible(staff, 'check-in screen (console)');
    await screenshot(staff, 'console-activity-checkin-screen');

    await phone.goto(shown.path);
    await phone.getByRole('button', { name: '签到', exact: true }).click();
    await phone.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    await expectAccessible(phone, 'checked in (phone)');
    await screenshot(phone, 'phone-activity-checked-in');

    shown = await readCode(staff);
    await phone.goto(shown.path);
    await phone.getByRole('button', { name: '签退', exact: true }).click();
    await phone.getByRole('status').filter({ hasText: '签退成功' }).waitFor();
    await expectAccessible(phone, 'checked out (phone)');
    await phoneCtx.close();

    await staff.goto(`/console/activities/${id}`);
    const row = staff.getByRole('row', { name: /刘红梅/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /刘红梅.*厨房组.*已报名.*\d{2}:\d{2} 扫码.*\d{2}:\d{2}/);
    await expectAccessible(staff, 'activity with attendance (console)');
    await screenshot(staff, 'console-activity-attendance');
    await staffCtx.close();
  });

  it('the phone offers no sign-up for an activity that has started, and says why', async () => {
    const title = `广场舞展演 ${Date.now() % 100000}`;
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const csrf = await csrfOf(staff);
    // Started up to 30 minutes ago (from midnight at the earliest), ending two hours on, in Shanghai local time.
    const now = new Date(Date.now() + 8 * 3600_000);
    const startMin = Math.max(0, Math.floor((now.getUTCHours() * 60 + now.getUTCMinutes() - 30) / 5) * 5);
    const endMin = Math.min(startMin + 150, 24 * 60);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const created = await staff.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        title,
        place: '西关社区服务站',
        date: now.toISOString().slice(0, 10),
        shifts: [{ name: '引导组', start: hhmm(startMin), end: hhmm(endMin), places: 10 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };
    const published = await staff.request.post(`${BASE}/api/activities/${id}/publish`, {
      headers: { 'x-csrf-token': csrf },
    });
    assert.equal(published.status(), 204, await published.text());

    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    await phone.goto('/m/activities');
    const card = phone.locator('.ph-card', { hasText: title });
    await card.getByText('活动已经开始，报名已截止。').waitFor();
    assert.equal(await card.getByRole('button', { name: /报名|候补/ }).count(), 0);
    await phoneCtx.close();
    await staffCtx.close();
  });

  it('after an activity staff name a resident it served, and the name is kept', async () => {
    const title = `重阳敬老茶话会 ${Date.now() % 100000}`;
    const { context, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
    const created = await staff.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': await csrfOf(staff) },
      data: {
        title,
        place: '西关社区服务站',
        date: yesterday,
        shifts: [{ name: '茶水组', start: '09:00', end: '11:00', places: 5 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };

    await staff.goto(`/console/activities/${id}`);
    await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
    const card = staff.locator('.ant-card', { hasText: '服务对象' });
    await card.getByText('还没有登记服务对象。').waitFor();
    await card.getByRole('combobox', { name: '查找居民（姓名、拼音或手机尾号）' }).click();
    await staff.keyboard.type('李泽钦');
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李泽钦' }).first().click();
    await card.getByRole('button', { name: '添加服务对象' }).click();
    await staff.getByText('已添加服务对象').waitFor();
    await card.getByRole('row', { name: new RegExp(`李泽钦.*${yesterday}`) }).waitFor();
    await expectAccessible(staff, 'activity with residents served (console)');
    await screenshot(staff, 'console-activity-served-residents');

    // Kept on the server: a fresh load shows the same resident.
    await staff.reload();
    await staff
      .locator('.ant-card', { hasText: '服务对象' })
      .getByRole('row', { name: /李泽钦/ })
      .waitFor();
    await context.close();
  });
  it('staff edit an activity (a refused change is explained on its field) and copy it to another date', async () => {
    const title = `社区义剪 ${Date.now() % 100000}`;
    const { context, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const date = new Date(Date.now() + 8 * 3600_000 + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const created = await staff.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': await csrfOf(staff) },
      data: {
        title,
        place: '西关社区服务站',
        lat: 34.3611,
        lng: 107.1432,
        date,
        shifts: [{ name: '理发组', start: '09:00', end: '11:00', places: 6 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };

    await staff.goto(`/console/activities/${id}`);
    await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
    await staff.getByRole('button', { name: '编辑', exact: true }).click();
    const dialog = staff.getByRole('dialog', { name: `编辑“${title}”` });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('地点').inputValue(), '西关社区服务站');
    await expectAccessible(staff, 'edit activity (console)');
    // The map point comes from the place: a new place typed has none; picking a known place brings its point back.
    const point = dialog.getByTestId('place-point');
    assert.match((await point.textContent()) ?? '', /地图位置：34\.36110, 107\.14320/);
    await dialog.getByLabel('地点').fill('社区小广场');
    await point.getByText('这个地点没有地图位置，签到时不核对距离。').waitFor();
    await dialog.getByLabel('地点').fill('西关');
    await staff
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '西关社区服务站' })
      .first()
      .click();
    // The point most used for that place (the demo's), from the picker's list.
    await point.getByText(/地图位置：34\.36\d+, 107\.14\d+/).waitFor();
    // An end before the start: the server refuses, and says so in Chinese on the shift's end field.
    await dialog.getByLabel('结束 1').fill('08:00');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('结束时间应晚于开始时间').waitFor();
    await dialog.getByLabel('结束 1').fill('11:30');
    await dialog.getByLabel('名额 1').fill('12');
    await dialog.getByLabel('活动名称').fill(`${title} 第二期`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await staff.getByRole('heading', { name: `${title} 第二期`, level: 1 }).waitFor();
    await staff.getByRole('row', { name: /理发组.*09:00.*11:30.*12/ }).waitFor();
    await screenshot(staff, 'console-activity-edited');

    // The week calendar, stepped on to the week that holds `day`. Each look waits for the week shown (its first day) to
    // be drawn: counting before the grid was there stepped past the week that holds the date (when it fell in this
    // week: CI at 01:30 in Shanghai).
    const showWeekOf = async (day: string) => {
      const firstDay = () => staff.locator('[data-testid^="week-"]').first().getAttribute('data-testid');
      let shown = await firstDay();
      for (let i = 0; i < 2 && !(await staff.getByTestId(`week-${day}`).count()); i++) {
        await staff.getByRole('button', { name: /下一周/ }).click();
        await staff.waitForFunction(
          (before) => document.querySelector('[data-testid^="week-"]')?.getAttribute('data-testid') !== before,
          shown,
        );
        shown = await firstDay();
      }
    };
    // The week calendar shows it on its day; clicking it opens it.
    await staff.goto('/console/activities');
    await staff.getByText('周历', { exact: true }).click();
    await showWeekOf(date);
    const day = staff.getByTestId(`week-${date}`);
    await day.getByRole('link', { name: new RegExp(`09:00 ${title} 第二期`) }).waitFor();
    await expectAccessible(staff, 'activities week calendar (console)');
    await screenshot(staff, 'console-activities-week');
    await staff.getByText('月历', { exact: true }).click();
    await staff.locator('.ant-picker-calendar').waitFor();
    if (date.slice(0, 7) !== new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7))
      await staff.getByRole('button', { name: /下个月/ }).click();
    {
      await staff
        .getByRole('list', { name: date })
        .getByRole('link', { name: new RegExp(title) })
        .waitFor();
      await expectAccessible(staff, 'activities month calendar (console)');
      await screenshot(staff, 'console-activities-month');
    }
    await staff.getByText('周历', { exact: true }).click();
    await showWeekOf(date);
    await staff
      .getByTestId(`week-${date}`)
      .getByRole('link', { name: new RegExp(title) })
      .click();
    await staff.getByRole('heading', { name: `${title} 第二期`, level: 1 }).waitFor();

    await staff.getByRole('button', { name: '复制', exact: true }).click();
    const copy = staff.getByRole('dialog', { name: /复制/ });
    const newDate = new Date(Date.now() + 8 * 3600_000 + 10 * 24 * 3600_000).toISOString().slice(0, 10);
    await copy.getByLabel('新日期').fill(newDate);
    await expectAccessible(staff, 'copy activity (console)');
    await copy.getByRole('button', { name: '复制为草稿' }).click();
    await staff.waitForURL((u) => /\/console\/activities\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(id));
    await staff.getByRole('heading', { name: `${title} 第二期`, level: 1 }).waitFor();
    await staff.getByText(`${newDate} 09:00–11:30`).waitFor();
    await staff.getByText('草稿', { exact: true }).waitFor();
    await staff.getByRole('row', { name: /理发组.*12/ }).waitFor();

    // A series' repeat rule is built in words, not typed as RRULE.
    await staff.goto('/console/activities');
    await staff.getByRole('button', { name: '周期活动' }).click();
    const series = staff.getByRole('dialog', { name: '周期活动' });
    await series.getByTestId('rule-words').getByText('重复：每月最后三天').waitFor();
    await series.getByText('按周', { exact: true }).click();
    await series.getByRole('checkbox', { name: '周二' }).check();
    await series.getByRole('checkbox', { name: '周五' }).check();
    await series.getByTestId('rule-words').getByText('重复：每周二、周五').waitFor();
    await series.getByLabel('周', { exact: true }).fill('2');
    await series.getByTestId('rule-words').getByText('重复：每 2 周的周二、周五').waitFor();
    await expectAccessible(staff, 'new series with the rule in words (console)');
    await screenshot(staff, 'console-activities-series-builder');
    await series.getByRole('button', { name: /取\s*消/ }).click();
    // The series there are read in words too (the demo's Party school cleans on the last three days of the month).
    await staff.getByRole('row', { name: /党校志愿者楼院大扫除.*每月最后三天/ }).waitFor();
    await context.close();
  });
});
