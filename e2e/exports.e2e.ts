// Two office journeys of issue 14. A social worker filters the pairings list to the active ones and clicks 导出 Excel:
// the file downloaded is the list she sees (its header row and as many rows as the list counts). The office books
// the yearly health check of a commended volunteer (刘红梅) in the console, and she sees the booking on her phone;
// the result is then recorded. Her points page shows the love supermarket's shelf. Axe on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** Calls the API with the page's session cookie and its CSRF token. */
async function apiOf(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return {
    get: async (url: string) => {
      const r = await page.request.get(url);
      assert.ok(r.ok(), `${url} → ${r.status()} ${await r.text()}`);
      return r.json();
    },
    post: (url: string, data: unknown) => page.request.post(url, { data, headers }),
  };
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const quarterOf = (d: string) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const minusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

describe('list export and health-check journeys', () => {
  const browser = useBrowser();

  it('staff export the filtered pairings list to Excel', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const listed = await (await apiOf(page)).get('/api/pairings?status=active&pageSize=1');
    assert.ok(listed.total > 0, 'the demo has active pairings');
    await page.goto('/console/pairings?status=active');
    await page.getByRole('heading', { name: '三定结对', level: 1 }).waitFor();
    await page.getByText(`共 ${listed.total} 条`).waitFor();
    await expectAccessible(page, 'pairings with export (console)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^三定结对-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['志愿者', '居民', '住址', '帮扶事项']);
    let rows = 0;
    let ended = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      if ((row.values as unknown[])[11] !== '进行中') ended++;
    });
    assert.equal(rows, listed.total, 'the file has the rows the list counts');
    assert.equal(ended, 0, 'only active pairings, as filtered');
    await page.getByText('文件已下载').waitFor();
    await screenshot(page, 'console-pairings-export');
    await context.close();
  });

  it("the volunteer's points page shows the love supermarket's shelf and what her points buy", async () => {
    const { context, page } = await signedIn(browser(), 'phone', '13800000006');
    const shelf = await (await apiOf(page)).get('/api/points/shelf');
    assert.ok(shelf.items.length > 0, 'the demo supermarket has items');
    await page.goto('/m/points');
    const list = page.getByRole('list', { name: '爱心超市货架' });
    await list.waitFor();
    assert.equal(await list.getByRole('listitem').count(), shelf.items.length);
    const affordable = shelf.items.filter((i: { affordable: boolean }) => i.affordable).length;
    assert.equal(await list.locator('li[data-affordable="yes"]').count(), affordable);
    await page
      .getByText(affordable ? `您现在的积分可以兑换其中 ${affordable} 种。` : /积分还不够兑换/)
      .first()
      .waitFor();
    await expectAccessible(page, 'points with the shelf (phone)');
    await screenshot(page, 'phone-points-shelf');
    await context.close();
  });

  it('the office books a commended volunteer’s health check and she sees it on her phone', async () => {
    const today = shanghaiToday();
    const quarter = quarterOf(today);

    // 刘红梅 has verified service this quarter (a pairing visit), is nominated and approved: commended this year.
    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    const vol = await apiOf(phone);
    const pairings = (await vol.get('/api/my/pairings')) as Array<{ id: string }>;
    for (let i = 0; i < 20; i++) {
      const day = minusDays(today, i);
      if (quarterOf(day) !== quarter) break;
      const r = await vol.post(`/api/my/pairings/${pairings[0]!.id}/visits`, { visitedOn: day, minutes: 60 });
      if (r.status() === 201) break;
    }
    const mine = await vol.get('/api/hours/mine?pageSize=200');
    const pending = (mine.entries.items as Array<{ id: string; status: string }>)
      .filter((e) => e.status === 'pending')
      .map((e) => e.id);
    const volunteerId = mine.summary.volunteerId as string;

    const { context: adminCtx, page: admin } = await signedIn(browser(), 'desktop', '13800000001');
    const office = await apiOf(admin);
    if (pending.length) assert.equal((await office.post('/api/hours/verify', { ids: pending })).status(), 200);
    const nom = await office.post('/api/recognition/nominations', { quarter, volunteerId, reason: '坚持结对探访' });
    assert.ok([201, 409].includes(nom.status()), `nominate → ${nom.status()} ${await nom.text()}`);
    const noms = await office.get(`/api/recognition/quarters/${quarter}/nominations`);
    const n = noms.items.find((x: { volunteerId: string }) => x.volunteerId === volunteerId);
    if (n.status === 'nominated')
      assert.equal((await office.post(`/api/recognition/nominations/${n.id}/decide`, { approve: true })).status(), 204);

    // In the console: the yearly list, 预约体检 for her.
    await admin.goto('/console/recognition');
    await admin.getByRole('heading', { name: '表彰嘉许', level: 1 }).waitFor();
    await admin.getByRole('tab', { name: '年度体检名单' }).click();
    const row = admin.getByRole('row', { name: /刘红梅/ });
    await row.waitFor();
    await row.getByRole('button', { name: /预约体检|改约/ }).click();
    const dialog = admin.getByRole('dialog', { name: /为刘红梅预约体检/ });
    await dialog.waitFor();
    await dialog.getByLabel('体检日期').fill(today);
    await dialog.getByLabel('体检日期').press('Enter');
    await dialog.getByLabel('时间').fill('08:30');
    await dialog.getByLabel('体检地点（医院或体检中心）').fill('宝鸡市中心医院体检中心');
    await expectAccessible(admin, 'book a health check (console)');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('已预约，已通知本人').waitFor();
    await row.getByText('宝鸡市中心医院体检中心').waitFor();
    await row.getByText('已预约', { exact: true }).waitFor();
    await screenshot(admin, 'console-health-check');

    // The outbox carries the notice to her.
    const sent = (await office.get('/api/outbox')) as { items: Array<{ template: string; recipient: string }> };
    assert.ok(
      sent.items.some((m) => m.template === 'recognition.health_check_booked' && m.recipient === '13800000006'),
      'the notice to her is in the outbox',
    );

    // She sees the booking on her star page.
    await phone.goto('/m/recognition');
    await phone.getByRole('region', { name: '我的年度体检' }).waitFor();
    await phone.getByText(`${today} 08:30`).waitFor();
    await phone.getByText('宝鸡市中心医院体检中心').waitFor();
    await phone.getByText('已预约，请按时前往').waitFor();
    await expectAccessible(phone, 'my health check (phone)');
    await screenshot(phone, 'phone-health-check');

    // The day has come: the office records that she went.
    await row.getByRole('button', { name: '记录结果' }).click();
    const result = admin.getByRole('dialog', { name: /记录刘红梅的体检情况/ });
    await result.getByRole('radio', { name: '已体检' }).check();
    await result.getByLabel('备注').fill('按时参加');
    await expectAccessible(admin, 'record a health check (console)');
    await result.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('已体检', { exact: true }).waitFor();
    await phone.reload();
    await phone.getByText('已体检').waitFor();
    await phoneCtx.close();
    await adminCtx.close();
  });
});
