// The commendation journey: 刘红梅 has verified service this quarter and agrees on her phone to be named;
// a social worker nominates her; the community admin approves and publishes the list in the console; the
// public page (no sign-in, phone-sized) names her. Axe on each page.
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
});
