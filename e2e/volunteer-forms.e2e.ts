// Staff edit a volunteer in the console: add a skill (an expired licence is refused on the field), change the
// phone, record party membership, and see it all after a reload; the volunteer Excel import lists row errors
// and imports nothing. Axe on every page and dialog state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { BASE, PASSWORD, expectAccessible, newContext, screenshot, useBrowser } from './browser.ts';
import { idNumberCheckChar } from '../domain/shared/id-number.ts';

/** Axe once antd's dialog and dropdown animations are over: a half-faded dialog reads as low contrast. */
async function scan(page: Page, label: string) {
  await page.waitForFunction(
    `!document.querySelector('${[
      '.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave',
      '.ant-fade-appear, .ant-fade-enter, .ant-fade-leave',
      '.ant-slide-up-appear, .ant-slide-up-enter, .ant-slide-up-leave',
    ].join(', ')}')`,
  );
  await expectAccessible(page, label);
}

async function signInStaff(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('手机号').first().fill('13800000002');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/console/);
}

/** An approved demo volunteer with no skills and no party membership, so the journey starts from blank. */
async function blankVolunteer(page: Page): Promise<{ id: string; name: string }> {
  const list = await (await page.request.get(`${BASE}/api/volunteers?status=approved&pageSize=100`)).json();
  const members = await (await page.request.get(`${BASE}/api/party-members?pageSize=200`)).json();
  const partyIds = new Set(members.items.map((m: { volunteerId: string }) => m.volunteerId));
  // The demo's party members are recorded with politicalStatus party_member; the list above may be partial.
  for (const v of list.items as Array<{ id: string; name: string; politicalStatus: string }>) {
    if (v.politicalStatus !== 'masses' || partyIds.has(v.id)) continue;
    const detail = await (await page.request.get(`${BASE}/api/volunteers/${v.id}`)).json();
    if (detail.skills.length === 0) return { id: v.id, name: v.name };
  }
  throw new Error('no approved volunteer without skills in the demo');
}

/** Picks an option of an antd Select by its visible text (the list is rendered outside the dialog). */
async function pick(page: Page, combobox: ReturnType<Page['getByLabel']>, text: string) {
  await combobox.click();
  if (await combobox.isEditable()) await combobox.fill(text); // only a searchable Select takes typing
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * Types a date into an antd DatePicker and waits for its calendar to close (axe should scan the form, not the popup).
 */
async function fillDate(page: Page, input: ReturnType<Page['getByLabel']>, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
}

describe('volunteer forms in the console', () => {
  const browser = useBrowser();

  it('staff add a skill, change the phone, record party membership, and see it after a reload', async () => {
    const ctx = await newContext(browser(), 'desktop');
    const page = await ctx.newPage();
    await signInStaff(page);
    const v = await blankVolunteer(page);
    await page.goto(`/console/volunteers/${v.id}`);
    await page.getByRole('heading', { name: v.name, level: 1 }).waitFor();
    await page.getByText('没有登记技能。').waitFor();
    await page.getByText('未登记为党员。').waitFor();
    await scan(page, 'volunteer page with edit actions');

    // A licensed skill with an expired licence: the server refuses it, on the expiry field, in Chinese.
    await page.getByRole('button', { name: '添加技能' }).click();
    const skillDialog = page.getByRole('dialog', { name: '添加技能' });
    await skillDialog.waitFor();
    await pick(page, skillDialog.getByLabel('技能', { exact: true }), '护士');
    await skillDialog.getByText(/执业类技能/).waitFor();
    await skillDialog.getByLabel('证书编号').fill('HS-2019-0815');
    await fillDate(page, skillDialog.getByLabel('证书有效期至'), '2020-01-01');
    await scan(page, 'add skill dialog');
    await skillDialog.getByRole('button', { name: '保存' }).click();
    await skillDialog.getByText('证书已过期，不能作为有效证书登记').waitFor();
    await scan(page, 'add skill dialog with a field error');
    await screenshot(page, 'console-volunteer-skill-expired');

    const nextYear = `${new Date().getFullYear() + 1}-06-30`;
    await fillDate(page, skillDialog.getByLabel('证书有效期至'), nextYear);
    await skillDialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('技能已添加').waitFor();
    await skillDialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /护士/ }).waitFor();

    // The phone, through the edit dialog (only the changed field is sent).
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await page.getByRole('button', { name: '编辑资料' }).click();
    const editDialog = page.getByRole('dialog', { name: `编辑志愿者：${v.name}` });
    await editDialog.waitFor();
    await scan(page, 'edit volunteer dialog');
    // The resident picker searches the registry (nothing is picked here: the link stays as it was).
    await editDialog.getByLabel('居民档案').fill('王');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '王' }).first().waitFor();
    await scan(page, 'edit volunteer dialog, resident search');
    await editDialog.getByLabel('手机号').fill('12345');
    await editDialog.getByRole('button', { name: '保存' }).click();
    await editDialog.getByText('请输入 11 位中国大陆手机号').waitFor();
    await editDialog.getByLabel('手机号').fill(phone);
    await editDialog.getByRole('button', { name: '保存' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await page.getByText(phone).waitFor();

    // Party membership: 在职党员, a public servant, with organisation, unit and grid.
    await page.getByRole('button', { name: '登记党员信息' }).click();
    const partyDialog = page.getByRole('dialog', { name: `党员信息：${v.name}` });
    await partyDialog.waitFor();
    await pick(page, partyDialog.getByLabel('类型'), '在职党员');
    await partyDialog.getByLabel('公职人员').check();
    await partyDialog.getByLabel('所属党组织').fill('宝鸡市第一中学党支部');
    await partyDialog.getByLabel('工作单位').fill('宝鸡市第一中学');
    await partyDialog.getByLabel('网格').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await scan(page, 'party membership dialog');
    await screenshot(page, 'console-volunteer-party');
    await partyDialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('党员信息已保存').waitFor();
    await partyDialog.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByRole('heading', { name: v.name, level: 1 }).waitFor();
    await page.getByRole('row', { name: /护士/ }).getByText(`证书至 ${nextYear}`).waitFor();
    await page.getByText(phone).waitFor();
    await page.getByText('在职党员').waitFor();
    await page.getByText('宝鸡市第一中学党支部').waitFor();
    await page.getByRole('button', { name: '修改党员信息' }).waitFor();
    await scan(page, 'volunteer page after edits');
    await screenshot(page, 'console-volunteer-edited');
    await ctx.close();
  });

  it('the volunteer import lists every row problem and imports nothing', async () => {
    const ctx = await newContext(browser(), 'desktop');
    const page = await ctx.newPage();
    await signInStaff(page);
    await page.goto('/console/volunteers');
    await page.getByRole('button', { name: '导入 Excel' }).click();
    await page.waitForURL(/\/console\/volunteers\/import$/);
    await page.getByRole('heading', { name: '导入志愿者' }).waitFor();
    await scan(page, 'volunteer import');

    // Row 2 is fine; row 3 has a bad phone and a bad ID number. One bad row keeps the good one out too.
    const goodName = `试导入${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 500))}`;
    // An even 17th digit: a woman, as the row says.
    const first17 = `61030219850412${String((Math.floor(Math.random() * 450) + 50) * 2).padStart(3, '0')}`;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('志愿者名单');
    ws.addRow(['姓名*', '性别*', '出生日期*', '手机号*', '身份证号*']);
    ws.addRow([goodName, '女', '1985-04-12', '13912345678', first17 + idNumberCheckChar(first17)]);
    ws.addRow(['王错行', '男', '1970-01-01', '12345', '123456']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad-volunteers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('没有导入', { exact: true }).waitFor();
    const phoneRow = page.getByRole('row', { name: /手机号/ });
    await phoneRow.waitFor();
    assert.match((await phoneRow.textContent())!, /^3/, 'the problem names sheet row 3');
    await page
      .getByRole('row', { name: /身份证号/ })
      .first()
      .waitFor();
    await scan(page, 'volunteer import with row errors');
    await screenshot(page, 'console-volunteer-import-errors');

    const found = await (await page.request.get(`${BASE}/api/volunteers?q=${encodeURIComponent(goodName)}`)).json();
    assert.equal(found.total, 0, 'nothing was imported');

    // The residents import runs on the same shared steps.
    await page.goto('/console/import');
    await page.getByRole('button', { name: '下载导入模板' }).waitFor();
    await scan(page, 'residents import');
    await ctx.close();
  });
});
