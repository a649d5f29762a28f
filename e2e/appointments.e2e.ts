// An appointment journey: 李泽钦 books a haircut on a phone-sized page, sees it under 我的预约, and the
// social worker sees it in the console's day list and can find him by phone for the next call. Axe on each page.
// Staff mark a past booking came (into the record of service) and then did not come (taken back).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, expectElderSizes, screenshot, signedIn, turnOnElderMode, useBrowser } from './browser.ts';

describe('appointment journeys', () => {
  const browser = useBrowser();

  it('a resident books a haircut on the phone and staff see it in the console', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000007');
    await page.getByRole('link', { name: /预约服务/ }).click();
    await page.waitForURL(/\/m\/appointments/);
    await page.getByRole('heading', { name: '我的预约' }).waitFor();
    // The demo gave him one upcoming booking (legal advice).
    await page.getByText('法律咨询').first().waitFor();
    await expectAccessible(page, 'book a service (phone)');
    await screenshot(page, 'phone-appointments');

    await page.getByRole('button', { name: '选择 义剪' }).click();
    await page
      .getByRole('radiogroup', { name: '为谁预约' })
      .getByRole('radio', { name: /李泽钦/ })
      .click();
    const first = page.getByRole('button', { name: /^预约 .*还剩/ }).first();
    await first.waitFor();
    await expectAccessible(page, 'choose a time (phone)');
    await screenshot(page, 'phone-appointments-slots');
    await first.click();
    const done = page.getByRole('status').filter({ hasText: '预约成功' });
    await done.waitFor();
    const text = (await done.textContent()) ?? '';
    const m = /(\d{4}-\d{2}-\d{2}) \S+ (\d{2}:\d{2})/.exec(text);
    assert.ok(m, `the confirmation names the day and time: ${text}`);
    const [, date, time] = m;
    const mine = page.getByRole('list', { name: '我的预约' });
    await mine.getByText(`义剪 · ${date}`, { exact: false }).waitFor();
    await expectAccessible(page, 'booked (phone)');
    await screenshot(page, 'phone-appointments-booked');

    // Elder mode (长辈版): on this page too, text of at least 18px and targets of at least 60px.
    await turnOnElderMode(page);
    await page.goto('/m/appointments');
    await page.getByRole('button', { name: '选择 义诊' }).click();
    await page.getByRole('heading', { name: '第三步：选时间' }).waitFor();
    await page.waitForTimeout(300);
    await expectElderSizes(page, 'main button, main a, main input, main [role=radio]', 5);
    await expectAccessible(page, 'book a service (phone, elder mode)');
    await screenshot(page, 'phone-appointments-elder-mode');
    await ctx.close();

    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.goto(`/console/appointments?date=${date}`);
    await staff.getByRole('heading', { name: '预约服务', level: 1 }).waitFor();
    const row = staff.getByRole('row', { name: /李泽钦/ }).filter({ hasText: '义剪' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(`${time!}.*义剪.*李泽钦.*网上.*已预约`));
    await expectAccessible(staff, 'appointments, day list (console)');
    await screenshot(staff, 'console-appointments-day');

    await staff.getByRole('tab', { name: '电话预约' }).click();
    await staff.getByLabel('来电号码或姓名').fill('13800000007');
    await staff.getByRole('button', { name: '查找' }).click();
    await staff.getByRole('radio', { name: /李泽钦/ }).waitFor();
    await expectAccessible(staff, 'appointments, book for a caller (console)');

    await staff.getByRole('tab', { name: '服务与排班' }).click();
    await staff.getByRole('cell', { name: /义诊/ }).first().waitFor();
    await expectAccessible(staff, 'appointments, services (console)');
    await screenshot(staff, 'console-appointments-services');
    await staffCtx.close();
  });

  it('staff mark a past booking came, then did not come, on the day list', async () => {
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    // A confirmed booking whose time has come, from the demo's past weeks.
    let past: Booking | undefined;
    for (let k = 1; k <= 21 && !past; k++) {
      const date = new Date(Date.now() + 8 * 3_600_000 - k * 86_400_000).toISOString().slice(0, 10);
      const day = (await (await staff.request.get(`/api/appointments/bookings?date=${date}`)).json()) as Booking[];
      past = day.find((b) => b.status === 'confirmed');
    }
    assert.ok(past, 'the demo has past bookings');
    await staff.goto(`/console/appointments?date=${past.date}`);
    await staff.getByRole('heading', { name: '预约服务', level: 1 }).waitFor();
    const row = staff
      .getByRole('row')
      .filter({ hasText: past.residentName })
      .filter({ hasText: past.time })
      .filter({ hasText: past.serviceName })
      .first();
    await row.waitFor();
    const came = row.getByRole('button', { name: /记为到场$/ });
    const absent = row.getByRole('button', { name: /记为未到$/ });
    // Served days are in the record of service already: start from "did not come" either way.
    if (past.attended) {
      await absent.click();
      await staff.getByText('已记为未到，服务记录已撤回').waitFor();
    }
    await row.getByText('未到场', { exact: true }).waitFor();
    await came.click();
    await staff.getByText('已记为到场，记入服务记录').waitFor();
    await row.getByText('已到场', { exact: true }).waitFor();
    await absent.waitFor();
    await expectAccessible(staff, 'appointments, attendance (console)');
    await absent.click();
    await row.getByText('未到场', { exact: true }).waitFor();
    await came.waitFor();
    await staffCtx.close();
  });
});

interface Booking {
  id: string;
  date: string;
  time: string;
  serviceName: string;
  residentName: string;
  status: 'confirmed' | 'cancelled';
  attended: boolean;
}
