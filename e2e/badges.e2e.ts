// A love badge journey: staff open the badges console and find 李泽钦's mother's badge; a passer-by scans it on a
// phone with JavaScript off, sees her nickname and the family's cautions, finds the call button rings the family
// (tel:), and leaves a message with the place; then 李泽钦 (13800000007) sees that message on his phone page and
// taps 已找到，已平安到家 on it; staff, told by phone, mark another scan of hers returned in the console.
// Axe on the console page, the family page and the public page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

interface Badge {
  id: string;
  url: string;
  nickname: string;
  residentName: string;
  contacts: Array<{ label: string; phone: string }>;
}

describe('love badge journeys', () => {
  const browser = useBrowser();

  it('a passer-by scans a badge on a phone without JavaScript, calls, leaves a message; family sees it', async () => {
    const { context: desk, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    await staff.goto('/console/badges');
    await staff.getByRole('heading', { name: '爱心二维码', level: 1 }).waitFor();
    let mother: Badge | undefined;
    for (let p = 1; !mother; p++) {
      const page = (await (await staff.request.get(`/api/badges?status=active&pageSize=200&page=${p}`)).json()) as {
        items: Badge[];
      };
      if (!page.items.length) break;
      mother = page.items.find((b) => b.contacts.some((c) => c.phone === '13800000007'));
    }
    assert.ok(mother, "李泽钦's mother has a badge in the demo");
    await staff.getByLabel('按姓名或昵称查找').fill(mother.residentName);
    await staff.getByLabel('按姓名或昵称查找').press('Enter');
    const row = staff.getByRole('row').filter({ hasText: mother.residentName }).first();
    await row.waitFor();
    await row.getByRole('link', { name: new RegExp(`打印卡片`) }).waitFor();
    // The badge stands on the love_badge consent in her registry record, shown on the list.
    await row.getByText(/（(本人|监护人)/).waitFor();
    await expectAccessible(staff, 'badges (console)');
    // Issuing asks for the consent of the elder or the guardian (unless one is on file).
    await staff.getByRole('button', { name: '制作新卡' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText('本人或监护人的同意', { exact: true }).waitFor();
    await dialog.getByRole('radio', { name: '监护人' }).waitFor();
    await dialog.getByLabel('同意人姓名').waitFor();
    await dialog.getByLabel('监护人与老人的关系').waitFor();
    await dialog.getByRole('radio', { name: '本人' }).check();
    assert.equal(await dialog.getByLabel('监护人与老人的关系').count(), 0, 'no relation asked of the elder');
    await expectAccessible(staff, 'badges issue form (console)');
    await staff.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(staff, 'console-badges');

    // The passer-by: a phone, nobody signed in, JavaScript off.
    const street = await browser().newContext({ ...PHONE, baseURL: BASE, javaScriptEnabled: false });
    const scan = await street.newPage();
    const res = await scan.goto(new URL(mother.url).pathname);
    assert.equal(res?.status(), 200);
    await scan.getByRole('heading', { name: mother.nickname, level: 1 }).waitFor();
    assert.equal(await scan.getByText(mother.residentName).count(), 0, 'the name is not shown');
    // The first, big button rings the first on the family's call list.
    const call = scan.getByRole('link', { name: new RegExp(`给${mother.contacts[0]!.label}打电话`) }).first();
    assert.equal(await call.getAttribute('href'), `tel:${mother.contacts[0]!.phone}`);
    assert.equal(
      await scan.locator('a[href^="tel:"]').first().getAttribute('href'),
      `tel:${mother.contacts[0]!.phone}`,
    );
    assert.ok((await scan.locator('a[href="tel:13800000007"]').count()) === 1, 'her son is on the call list');
    await screenshot(scan, 'phone-badge-page');
    await scan.getByLabel(/留言/).fill('老人在人民公园门口，我陪着她');
    await scan.getByLabel(/所在位置/).fill('人民公园东门');
    await scan.getByRole('button', { name: '发送留言' }).click();
    await scan.getByRole('status').filter({ hasText: '留言已发送' }).waitFor();
    await street.close();

    // Axe needs script: the same page in a context that runs it (and lets axe past the page's CSP).
    const axeCtx = await browser().newContext({ ...PHONE, baseURL: BASE, bypassCSP: true });
    const open = await axeCtx.newPage();
    await open.goto(new URL(mother.url).pathname);
    await open.getByRole('heading', { name: mother.nickname, level: 1 }).waitFor();
    await expectAccessible(open, 'badge page (public)');
    await axeCtx.close();

    // The family: 李泽钦 on his phone.
    const { context: home, page: family } = await signedIn(browser(), 'phone', '13800000007');
    await family.getByRole('link', { name: /爱心二维码/ }).click();
    await family.waitForURL(/\/m\/badges/);
    await family.getByRole('heading', { name: '爱心二维码', level: 1 }).waitFor();
    await family.getByText('老人在人民公园门口，我陪着她').waitFor();
    await family.getByText('位置：人民公园东门').waitFor();
    // Found and home safe: the big button on that scan records it; the scan then shows as returned.
    const entry = family.getByRole('listitem').filter({ hasText: '老人在人民公园门口，我陪着她' });
    await entry.getByRole('button', { name: '已找到，已平安到家' }).click();
    await entry.getByText('✓ 已找到，已平安到家').waitFor();
    assert.equal(await entry.getByRole('button', { name: '已找到，已平安到家' }).count(), 0, 'asked once only');
    await family.reload();
    await family
      .getByRole('listitem')
      .filter({ hasText: '老人在人民公园门口，我陪着她' })
      .getByText('✓ 已找到')
      .waitFor();
    await expectAccessible(family, 'family badges (phone)');
    await screenshot(family, 'phone-family-badges');
    await family.getByRole('button', { name: '修改称呼、嘱托和拨打名单' }).click();
    await family.getByRole('button', { name: '保存' }).waitFor();
    await expectAccessible(family, 'family badge edit (phone)');
    await home.close();

    // Staff: the family phoned to say she is home after another scan; the console records it for them.
    await row.getByRole('button', { name: '扫码记录' }).click();
    const drawer = staff.getByRole('dialog').filter({ hasText: '的扫码记录' });
    const scanRows = drawer.getByRole('row').filter({ hasText: '老人在人民公园门口，我陪着她' });
    await scanRows.getByText('已平安到家').waitFor();
    const homeSafe = drawer.getByText('已平安到家', { exact: true });
    const before = await homeSafe.count();
    await drawer.getByRole('button', { name: '家属来电：已找到到家' }).first().click();
    await staff
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await staff.getByText('已记录：老人已平安到家').waitFor();
    await homeSafe.nth(before).waitFor();
    await expectAccessible(staff, 'badge scans (console)');
    await desk.close();
  });
});
