// The commendation journey: 刘红梅 has verified service this quarter and agrees on her phone to be named;
// a social worker nominates her; the community admin approves and publishes the list in the console; the
// public page (no sign-in, phone-sized) names her. Then the office books her yearly health check, she sees it on
// her phone, and the result is recorded. Axe on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { APIRequestContext, Page } from 'playwright-core';
import { expectAccessible, newContext, screenshot, signedIn, useBrowser } from './browser.ts';

/** Calls the API with the page's session cookie and its CSRF token. */
async function apiOf(page: Page) {
  const req: APIRequestContext = page.request;
  const me = await (await req.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return {
    me: me.user,
    get: async (url: string) => {
      const r = await req.get(url);
      assert.ok(r.ok(), `${url} → ${r.status()} ${await r.text()}`);
      return r.json();
    },
    post: (url: string, data: unknown) => req.post(url, { data, headers }),
  };
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const quarterOf = (d: string) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const minusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

describe('recognition journeys', () => {
  const browser = useBrowser();

  it('the admin approves a nomination and the public page names the consenting volunteer', async () => {
    const today = shanghaiToday();
    const quarter = quarterOf(today);

    // 刘红梅 logs a visit on her pairing this quarter (recorded as pending hours).
    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000006');
    const vol = await apiOf(phone);
    const pairings = (await vol.get('/api/my/pairings')) as Array<{ id: string }>;
    assert.ok(pairings.length > 0, 'the demo gives her pairings');
    let logged = false;
    for (let i = 0; i < 20 && !logged; i++) {
      const day = minusDays(today, i);
      if (quarterOf(day) !== quarter) break;
      for (const p of pairings) {
        const r = await vol.post(`/api/my/pairings/${p.id}/visits`, { visitedOn: day, minutes: 90, notes: '陪同就医' });
        if (r.status() === 201) {
          logged = true;
          break;
        }
      }
    }
    assert.ok(logged, 'a visit was logged this quarter');
    const mine = await vol.get('/api/hours/mine?pageSize=200');
    const pending = (mine.entries.items as Array<{ id: string; status: string }>)
      .filter((e) => e.status === 'pending')
      .map((e) => e.id);
    const volunteerId = mine.summary.volunteerId as string;

    // She agrees on her phone to be named.
    await phone.getByRole('link', { name: /我的星级和表彰/ }).click();
    await phone.waitForURL(/\/m\/recognition/);
    await phone.getByRole('heading', { name: '我的星级' }).waitFor();
    await expectAccessible(phone, 'my star (phone)');
    await phone.getByRole('radio', { name: '同意公开我的姓名' }).click();
    await phone.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await phone.getByText('目前：同意公开').waitFor();
    await expectAccessible(phone, 'my star, consent given (phone)');
    await screenshot(phone, 'phone-recognition');
    await phoneCtx.close();

    // A social worker verifies the hours and nominates her.
    const { context: staffCtx, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const office = await apiOf(staff);
    if (pending.length) assert.equal((await office.post('/api/hours/verify', { ids: pending })).status(), 200);
    const nom = await office.post('/api/recognition/nominations', {
      quarter,
      volunteerId,
      reason: '坚持结对探访独居老人，从不缺席',
    });
    assert.ok([201, 409].includes(nom.status()), `nominate → ${nom.status()} ${await nom.text()}`);
    await staffCtx.close();

    // The admin approves and publishes in the console.
    const { context: adminCtx, page: admin } = await signedIn(browser(), 'desktop', '13800000001');
    const communityId = (await apiOf(admin)).me.community.id as string;
    await admin.getByRole('link', { name: '表彰嘉许' }).click();
    await admin.getByRole('heading', { name: '表彰嘉许', level: 1 }).waitFor();
    const row = admin.getByRole('row', { name: /刘红梅/ });
    await row.waitFor();
    await expectAccessible(admin, 'nominations (console)');
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await row.getByText('已通过').waitFor();
    await admin.getByRole('button', { name: '发布名单' }).click();
    await admin.getByText(/已于 .* 发布/).waitFor();
    await expectAccessible(admin, 'published (console)');
    await screenshot(admin, 'console-recognition');
    // The ranking explains each score in words.
    await admin.getByRole('tab', { name: '季度排名' }).click();
    await admin
      .getByRole('row', { name: /刘红梅/ })
      .getByText(/服务 [\d.]+ 小时 \+\d+/)
      .waitFor();
    await expectAccessible(admin, 'ranking (console)');
    await adminCtx.close();

    // Anyone, without signing in, sees her on the public page.
    const publicCtx = await newContext(browser(), 'phone');
    const pub = await publicCtx.newPage();
    await pub.goto(`/recognition/${communityId}/${quarter}`);
    await pub.getByRole('heading', { name: /优秀志愿者/ }).waitFor();
    const list = pub.getByRole('list', { name: /优秀志愿者/ });
    await list.getByText('刘红梅').waitFor();
    assert.ok(!(await pub.content()).includes('13800000006'), 'no phone number on the public page');
    await expectAccessible(pub, 'public commendation list (phone)');
    await screenshot(pub, 'public-recognition');
    await publicCtx.close();
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
