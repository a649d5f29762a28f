// A 4:30 classroom journey: staff open the classroom in the console and reset the pickup code of 李泽钦 (the
// demo family account, father of one of the children), which is shown once; then, on a phone-sized page, the
// child is checked in, a wrong pickup code is refused (naming no one), and the right code hands the child to
// him; the admin's development outbox shows the text he got as guardian. On a weekend the demo has no session
// today, so staff add one first. The 统计 tab shows the yearly figures (a field named `children` once emptied the
// console). Axe on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('4:30 classroom journeys', () => {
  const browser = useBrowser();

  it('checks a child in, refuses a wrong pickup code, hands her to the father by his code, texts him', async () => {
    const { page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const csrf = await csrfOf(staff);
    const todayBoard = await (await staff.request.get(`${BASE}/api/classroom/today`)).json();
    if (!todayBoard.session) {
      const res = await staff.request.post(`${BASE}/api/classroom/sessions`, {
        headers: { 'x-csrf-token': csrf },
        data: { date: today(), place: '西关社区四点半课堂（社区服务站二楼）', volunteerIds: [] },
      });
      assert.equal(res.status(), 201, await res.text());
    }
    const enrolled = (await (await staff.request.get(`${BASE}/api/classroom/children?status=active`)).json()).total;
    assert.ok(enrolled >= 50, `${enrolled} children enrolled`);
    // The roll is paged; the search finds the children an adult collects by the end of the adult's phone.
    const found = await staff.request.get(`${BASE}/api/classroom/children?status=active&q=13800000007`);
    const kids = (await found.json()).items as Array<{
      id: string;
      name: string;
      adults: Array<{ id: string; name: string; relation: string; phone: string }>;
    }>;
    const kid = kids.find((c) => c.adults.some((a) => a.phone === '13800000007'));
    assert.ok(kid, '李泽钦 is a guardian of a child in the demo');
    const dad = kid.adults.find((a) => a.phone === '13800000007')!;

    await staff.goto('/console/classroom');
    await staff.getByRole('heading', { name: '四点半课堂', level: 1 }).waitFor();
    await staff.getByRole('tab', { name: '今天' }).waitFor();
    await expectAccessible(staff, 'classroom today (console)');
    await screenshot(staff, 'console-classroom-today');
    await staff.getByRole('tab', { name: '孩子与接送人' }).click();
    await staff.getByRole('searchbox', { name: '孩子或接送人姓名、手机尾号' }).fill(kid.name);
    await staff.getByRole('searchbox', { name: '孩子或接送人姓名、手机尾号' }).press('Enter');
    const row = staff.getByRole('row').filter({ hasText: kid.name }).first();
    await row.waitFor();
    await expectAccessible(staff, 'classroom children (console)');
    await row.getByRole('button', { name: `接送人 ${kid.name}` }).click();
    const dialog = staff.getByRole('dialog').filter({ hasText: `${kid.name} 的接送人` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: `重置接送码 ${dad.relation} ${dad.name}` }).click();
    const codeEl = staff.getByTestId('pickup-code');
    await codeEl.waitFor();
    const code = ((await codeEl.textContent()) ?? '').trim();
    assert.match(code, /^\d{6}$/);
    await expectAccessible(staff, 'pickup code shown once (console)');

    // On the phone: check in, a wrong code, the right code.
    const { page: phone } = await signedIn(browser(), 'phone', '13800000002', /\/console|\/m/);
    await phone.goto('/m/classroom');
    await phone.getByRole('heading', { name: '四点半课堂', level: 1 }).waitFor();
    await expectAccessible(phone, 'classroom today (phone)');
    // The board shows 20 children at a time; the search finds the one by name.
    await phone.getByRole('searchbox', { name: '按姓名查找' }).fill(kid.name);
    await phone.getByRole('button', { name: `${kid.name} 签到` }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: `${kid.name}` })
      .filter({ hasText: '签到' })
      .waitFor();
    await phone.getByRole('button', { name: `${kid.name} 签退` }).click();
    const form = phone.getByRole('form', { name: `${kid.name} 签退` });
    await form.waitFor();
    await form.getByLabel(new RegExp(`${dad.relation} ${dad.name}`)).check();
    const wrong = code === '000000' ? '000001' : '000000';
    await form.getByLabel('接送码', { exact: true }).fill(wrong);
    await form.getByRole('button', { name: '核对并交给家长' }).click();
    const refused = form.getByRole('alert');
    await refused.waitFor();
    const text = (await refused.textContent()) ?? '';
    assert.match(text, /不能把/);
    assert.ok(!text.includes(dad.name), 'the refusal names no adult');
    await expectAccessible(phone, 'pickup refused (phone)');
    await form.getByLabel('接送码', { exact: true }).fill(code);
    await form.getByRole('button', { name: '核对并交给家长' }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: `已交给 ${dad.relation} ${dad.name}` })
      .waitFor();
    await expectAccessible(phone, 'child handed over (phone)');
    await screenshot(phone, 'phone-classroom');

    // The admin's development outbox: the text to 李泽钦 at check-out.
    const { page: admin } = await signedIn(browser(), 'desktop', '13800000001');
    await admin.goto('/console/outbox');
    const msg = admin.getByRole('row').filter({ hasText: '13800000007' }).filter({ hasText: '孩子已被接走' }).first();
    await msg.waitFor();
    assert.match((await msg.textContent()) ?? '', new RegExp(kid.name));
    await expectAccessible(admin, 'outbox (console)');
    const items = (await (await admin.request.get(`${BASE}/api/outbox`)).json()).items as Array<{
      recipient: string;
      template: string;
      payload: Record<string, string>;
    }>;
    assert.ok(
      items.some(
        (m) => m.recipient === '13800000007' && m.template === 'classroom.checkedIn' && m.payload.child === kid.name,
      ),
      'told at check-in too',
    );
    const out = items.find((m) => m.recipient === '13800000007' && m.template === 'classroom.checkedOut');
    assert.equal(out?.payload.collectedBy, `${dad.relation} ${dad.name}`);
  });

  it('shows the figures on the 统计 tab without emptying the console', async () => {
    const { page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const figures = await (await staff.request.get(`${BASE}/api/classroom/figures`)).json();
    assert.ok(figures.years.length > 0, 'the demo has a year of figures');
    const errors: string[] = [];
    staff.on('pageerror', (e) => errors.push(e.message));
    await staff.goto('/console/classroom');
    await staff.getByRole('tab', { name: '统计' }).click();
    const year = figures.years[0] as { year: number; children: number; families: number };
    const row = staff.getByRole('row').filter({ hasText: String(year.year) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    assert.deepEqual(cells.slice(0, 3), [String(year.year), String(year.children), String(year.families)]);
    await staff.getByRole('heading', { name: '四点半课堂', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await expectAccessible(staff, 'classroom figures (console)');
  });
});
