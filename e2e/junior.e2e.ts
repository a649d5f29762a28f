// 小小志愿者: staff tick 小小志愿者活动 on an activity's edit form and see its tag; the demo's 垃圾分类宣传 lists the
// child's accompanying adult on its sign-up list; the phone shows the tag on the activity. Axe on every page state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

const shanghaiDate = (daysOn: number) =>
  new Date(Date.now() + 8 * 3600_000 + daysOn * 86400_000).toISOString().slice(0, 10);

describe('小小志愿者 journeys', () => {
  const browser = useBrowser();

  it('staff flag an activity, the demo child shows with their adult, the phone shows the tag', async () => {
    const title = `小小志愿者 节水宣传 ${Date.now() % 100000}`;
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const created = await staff.request.post(`${BASE}/api/activities`, {
      headers: { 'x-csrf-token': await csrfOf(staff) },
      data: {
        title,
        place: '西关社区服务站',
        date: shanghaiDate(5),
        shifts: [{ name: '宣传组', start: '09:00', end: '11:00', places: 10 }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };

    await staff.goto(`/console/activities/${id}`);
    await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
    await staff.getByRole('button', { name: '编辑', exact: true }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '小小志愿者活动' }).check();
    await expectAccessible(staff, 'activity edit with the junior flag (console)');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.locator('.ant-tag', { hasText: '小小志愿者' }).first().waitFor();

    // The demo's 垃圾分类宣传: the list tags it; the sign-up list names the child's adult (a parent: 家人).
    await staff.goto('/console/activities');
    const row = staff.getByRole('row', { name: /小小志愿者 垃圾分类宣传/ });
    await row.locator('.ant-tag', { hasText: '小小志愿者' }).waitFor();
    await row.getByRole('link', { name: '小小志愿者 垃圾分类宣传' }).click();
    await staff.getByRole('columnheader', { name: '同行成年人' }).waitFor();
    await staff.getByRole('cell', { name: /（家人）$/ }).waitFor();
    await expectAccessible(staff, 'junior activity with the accompanying adult (console)');
    await screenshot(staff, 'console-junior-activity');
    await staffCtx.close();

    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    await phone.goto('/m/activities');
    const card = phone.locator('.ph-card', { hasText: '小小志愿者 垃圾分类宣传' });
    await card.getByText('孩子可以报名，须有一位成年人同行').waitFor();
    await expectAccessible(phone, 'junior activity (phone)');
    await screenshot(phone, 'phone-junior-activity');
    await phoneCtx.close();
  });
});
