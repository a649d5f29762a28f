// The needs loop in the browser: staff match a request on the console to 刘红梅 (13800000006); it reaches her
// phone list 我的任务, she opens it, accepts and reports it done with the time it took; staff find the pending
// entry in the hours queue, the need shows accepted-then-done, and the left-out monitor shows the resident's
// last contact as today. Axe on every page; the phone pages at 390×844.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the needs loop', () => {
  const browser = useBrowser();

  it('a need matched on the console reaches the volunteer’s phone, is accepted and done, and is counted', async () => {
    const { context: deskCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    const csrf = await csrfOf(staff);
    const post = async (path: string, data: unknown) =>
      staff.request.post(`${BASE}${path}`, { headers: { 'x-csrf-token': csrf }, data });

    // 李泽钦's mother lives alone (a special group): whom his number finds through her family contact.
    const callers = (await (await staff.request.get(`${BASE}/api/needs/caller?phone=13800000007`)).json()) as Array<{
      id: string;
      name: string;
      via: string;
      gridId: string;
    }>;
    const mother = callers.find((c) => c.via === 'contact');
    assert.ok(mother, JSON.stringify(callers));
    // 刘红梅 fixes taps: the skill makes her one of the few the request may go to.
    const me = ((await (await phone.request.get(`${BASE}/api/volunteers/me`)).json()) as { profile: { id: string } })
      .profile;
    const skill = await post(`/api/volunteers/${me.id}/skills`, { code: 'plumbing', level: 'expert' });
    assert.ok([201, 204, 409].includes(skill.status()), await skill.text());
    const description = `厨房水龙头漏水 ${Date.now() % 100000}`;
    const taken = await post('/api/needs', {
      residentId: mother.id,
      channel: 'phone',
      category: 'household',
      skillCode: 'plumbing',
      description,
      place: '厨房',
    });
    assert.equal(taken.status(), 201, await taken.text());
    const { id } = (await taken.json()) as { id: string };

    // The console: the candidates, 刘红梅 among them, confirmed.
    await staff.goto(`/console/needs/${id}`);
    const candidates = staff.locator('.ant-card').filter({ has: staff.getByText('对接志愿者', { exact: true }) });
    await candidates.locator('tbody tr.ant-table-row').first().waitFor();
    await candidates.getByRole('button', { name: '确认对接 刘红梅' }).first().click();
    const pop = staff.locator('.ant-popover').filter({ hasText: '确认由 刘红梅 提供这项服务' });
    await pop.waitFor();
    await pop.getByRole('button', { name: '确认对接' }).click();
    await staff.getByText('已对接 刘红梅').first().waitFor();
    await staff.locator('.ant-descriptions').getByText('待志愿者答复').waitFor();
    await expectAccessible(staff, 'need matched, waiting for the volunteer (console)');
    await screenshot(staff, 'console-need-waiting');

    // Her phone: 我的任务 from the home page, the request first, waiting for her answer.
    await phone.goto('/m');
    await phone.getByRole('link', { name: /我的任务/ }).click();
    await phone.waitForURL(/\/m\/tasks$/);
    await phone.getByRole('heading', { name: '我的任务', level: 1 }).waitFor();
    const item = phone.getByRole('link').filter({ hasText: description });
    await item.getByText('等您答复').waitFor();
    await expectAccessible(phone, 'my tasks (phone)');
    await screenshot(phone, 'phone-my-tasks');
    await item.click();
    await phone.waitForURL(new RegExp(`/m/tasks/needs/${id}$`));
    await phone.getByText(description).waitFor();
    await phone.getByText('接受后显示').waitFor(); // no phone number before she accepts
    await expectAccessible(phone, 'a request, before the answer (phone)');
    await screenshot(phone, 'phone-task-need');
    await phone.getByRole('button', { name: '我接受，我会去' }).click();
    await phone.getByText('已接受。社区已告诉居民您会去。').waitFor();
    assert.equal(await phone.getByText('接受后显示').count(), 0, 'the phone is shown once accepted');

    // Done, an hour.
    await phone.getByRole('radio', { name: '1 小时' }).click();
    await expectAccessible(phone, 'report done (phone)');
    await phone.getByRole('button', { name: '报告完成' }).click();
    await phone.getByText(/已报告完成/).waitFor();
    await phone.getByText(/用时 60 分钟/).waitFor();
    await screenshot(phone, 'phone-task-done');

    // Staff: the need is done with its minutes; the hours queue has the pending entry.
    await staff.goto(`/console/needs/${id}`);
    await staff.locator('.ant-descriptions').getByText('已完成', { exact: true }).waitFor();
    await staff.locator('.ant-descriptions').getByText('志愿者已接受').waitFor();
    await staff.goto('/console/hours');
    await staff.getByRole('heading', { name: '服务时长', level: 1 }).waitFor();
    const queue = (await (await staff.request.get(`${BASE}/api/hours/queue?source=need&pageSize=200`)).json()) as {
      items: Array<{ volunteerName: string; source: string; minutes: number; serviceDate: string }>;
    };
    assert.ok(
      queue.items.some((e) => e.source === 'need' && e.volunteerName === '刘红梅' && e.minutes > 0),
      JSON.stringify(queue.items.slice(0, 3)),
    );
    await staff.getByRole('combobox', { name: '搜索志愿者姓名或拼音' }).click();
    await staff.keyboard.type('刘红梅');
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '刘红梅' }).first().click();
    await staff
      .getByRole('row', { name: new RegExp(`${todayInShanghai()}.*刘红梅.*需求服务`) })
      .first()
      .waitFor();
    await expectAccessible(staff, 'hours queue with the need (console)');
    await screenshot(staff, 'console-hours-need');

    // The monitor: her mother's last contact is today.
    let row: { residentId: string; lastContactOn: string | null } | undefined;
    for (let page = 1; !row && page < 20; page++) {
      const res = (await (
        await staff.request.get(`${BASE}/api/monitor/left-out?gridId=${mother.gridId}&page=${page}&pageSize=200`)
      ).json()) as { items: Array<{ residentId: string; lastContactOn: string | null }>; total: number };
      row = res.items.find((r) => r.residentId === mother.id);
      if (page * 200 >= res.total) break;
    }
    assert.ok(row, 'the mother is on the monitor');
    assert.equal(row.lastContactOn, todayInShanghai());
    await staff.goto('/console/monitor');
    await staff.getByRole('heading', { name: '遗漏监测', level: 1 }).waitFor();
    await expectAccessible(staff, 'left-out monitor (console)');

    await phoneCtx.close();
    await deskCtx.close();
  });
});
