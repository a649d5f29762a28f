// The organisation pages of the console as staff: training, insurance, service types, the skills pool, teams,
// units and party members, each scanned with axe, and every dialog or drawer opened on them too. Staff add a
// unit, edit it, add a team under it with a member, and find them again after a reload; a unit with
// volunteers cannot be deleted and says why. Then a team leader sees only the team they lead.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** Opens a console page and waits for its heading and for its first table to finish loading. */
async function visit(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.locator('.ant-table').first().waitFor();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

/** The dialog (antd modal or drawer) that is open now; axe runs on the page with it open. */
async function openDialog(page: Page, opener: Locator, label: string): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor();
  await page.waitForTimeout(400); // let the opening animation finish, so axe sees final colours
  await expectAccessible(page, label);
  return dialog;
}

async function closeDialog(page: Page, dialog: Locator, button = '取消'): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Picks an option in an antd Select: open it, then click the option by its text. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  await dropdownGone(page);
}

/** Waits until no antd Select list is open (or still fading out). */
async function dropdownGone(page: Page): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'detached' });
}

describe('organisation pages', () => {
  const browser = useBrowser();
  const rnd = String(Date.now()).slice(-6);
  const unitName = `测试单位${rnd}`;
  const unitRenamed = `测试学校${rnd}`;
  const teamName = `测试服务队${rnd}`;

  it('staff see every organisation page and its dialogs without accessibility problems', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000002', /\/(console|m)/);

    await visit(page, '/console/training', '培训');
    await expectAccessible(page, 'training');
    await closeDialog(
      page,
      await openDialog(page, page.getByRole('button', { name: '新增场次' }), 'training: new session'),
    );
    await page.getByRole('tab', { name: '课程' }).click();
    await closeDialog(
      page,
      await openDialog(page, page.getByRole('button', { name: '新增课程' }), 'training: new course'),
    );
    await page.getByRole('tab', { name: '场次' }).click();
    const attendance = await openDialog(
      page,
      page.getByRole('button', { name: '报名与签到' }).first(),
      'training: attendance',
    );
    await page.keyboard.press('Escape');
    await attendance.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '即将到期的证书' }).click();
    await page.getByRole('spinbutton', { name: '天内' }).waitFor();
    await expectAccessible(page, 'training: expiring certificates');

    await visit(page, '/console/insurance', '服务保险');
    await expectAccessible(page, 'insurance');
    await closeDialog(
      page,
      await openDialog(page, page.getByRole('button', { name: '新增保单' }), 'insurance: new policy'),
    );
    const covered = await openDialog(
      page,
      page.getByRole('button', { name: '被保险的志愿者' }).first(),
      'insurance: covered volunteers',
    );
    await page.keyboard.press('Escape');
    await covered.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '即将到期的保障' }).click();
    await page.getByRole('spinbutton', { name: '天内' }).waitFor();
    await expectAccessible(page, 'insurance: expiring cover');

    await visit(page, '/console/service-types', '服务类型');
    await expectAccessible(page, 'service types');
    await closeDialog(
      page,
      await openDialog(page, page.getByRole('button', { name: '新增服务类型' }), 'service types: new type'),
    );
    const eligible = await openDialog(
      page,
      page.getByRole('button', { name: '可参加的志愿者' }).first(),
      'service types: eligible volunteers',
    );
    await page.keyboard.press('Escape');
    await eligible.waitFor({ state: 'hidden' });

    await visit(page, '/console/skills', '专业服务人才资源库');
    await expectAccessible(page, 'skills pool');

    await visit(page, '/console/party', '党员');
    await expectAccessible(page, 'party members');
    await screenshot(page, 'console-party');
    await ctx.close();
  });

  it('staff add a unit, edit it, add a team under it with a member, and find them after a reload', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000002', /\/(console|m)/);

    await visit(page, '/console/units', '驻区单位');
    await expectAccessible(page, 'units');
    const add = await openDialog(page, page.getByRole('button', { name: '新增', exact: true }), 'units: add');
    await add.getByLabel('名称').fill(unitName);
    await add.getByLabel('联系人', { exact: true }).fill('柯晓');
    await add.getByLabel('联系电话').fill('12');
    await add.getByRole('button', { name: '保存', exact: true }).click();
    await add.getByText('请输入 11 位中国大陆手机号').waitFor(); // the server's check, shown on the field
    await expectAccessible(page, 'units: add, with a refused phone');
    await add.getByLabel('联系电话').fill('13912345678');
    await add.getByRole('button', { name: '保存', exact: true }).click();
    await add.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(unitName) });
    await row.waitFor();

    const edit = await openDialog(page, row.getByRole('button', { name: '编辑' }), 'units: edit');
    assert.equal(await edit.getByLabel('名称').inputValue(), unitName, 'the edit form starts from the unit');
    await edit.getByLabel('名称').fill(unitRenamed);
    await edit.getByLabel('地址').fill('渭滨区西关街 1 号');
    await edit.getByRole('button', { name: '保存', exact: true }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: new RegExp(unitRenamed) }).waitFor();

    // A unit that still has volunteers cannot be deleted, and the dialog says why and what to do first.
    const units = (await (await page.request.get('/api/units')).json()) as { name: string; volunteers: number }[];
    const busy = units.find((u) => u.volunteers > 0);
    assert.ok(busy, 'the demo has a unit with volunteers');
    await page
      .getByRole('row', { name: new RegExp(busy.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .getByRole('button', { name: '删除' })
      .click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.locator('.ant-popconfirm:visible').waitFor({ state: 'detached' });
    const refusal = page.getByRole('dialog').filter({ hasText: '不能删除' });
    await refusal.getByText('仍有').waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation, as in openDialog
    await refusal.getByText('请先把该单位的志愿者改到其他单位').waitFor();
    await expectAccessible(page, 'units: deletion refused');
    await screenshot(page, 'console-unit-delete-refused');
    await refusal.getByRole('button', { name: '知道了' }).click();
    await refusal.waitFor({ state: 'hidden' });

    await visit(page, '/console/teams', '服务队');
    await expectAccessible(page, 'teams');
    const addTeam = await openDialog(page, page.getByRole('button', { name: '新增', exact: true }), 'teams: add');
    await addTeam.getByLabel('名称').fill(teamName);
    await choose(page, addTeam.getByLabel('所属单位'), unitRenamed);
    await addTeam.getByLabel('说明').fill('端到端测试建立的服务队');
    await addTeam.getByRole('button', { name: '保存', exact: true }).click();
    await addTeam.waitFor({ state: 'hidden' });
    const teamRow = page.getByRole('row', { name: new RegExp(teamName) });
    await teamRow.getByText(unitRenamed).waitFor();

    const drawer = await openDialog(page, teamRow.getByRole('button', { name: '查看队员' }), 'teams: members');
    const picker = drawer.getByRole('combobox', { name: '搜索志愿者姓名或拼音' });
    await picker.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const picked = (await option.innerText()).split('（')[0]!.trim();
    await option.click();
    await dropdownGone(page);
    await choose(page, drawer.getByRole('combobox', { name: '角色' }), '队长');
    await expectAccessible(page, 'teams: adding a member');
    await drawer.getByRole('button', { name: '加入本队' }).click();
    await drawer
      .getByRole('region', { name: '队员名单' })
      .getByRole('row', { name: new RegExp(picked) })
      .getByText('队长')
      .waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '服务队' }).waitFor();
    const again = page.getByRole('row', { name: new RegExp(teamName) });
    await again.getByText(picked).waitFor(); // now the team's leader
    await again.getByText(unitRenamed).waitFor();
    await screenshot(page, 'console-teams');

    await visit(page, '/console/units', '驻区单位');
    const unitRow = page.getByRole('row', { name: new RegExp(unitRenamed) });
    await unitRow.waitFor();
    assert.equal(await page.getByRole('row', { name: new RegExp(unitName) }).count(), 0, 'the old name is gone');
    const unitCells = await unitRow.getByRole('cell').allInnerTexts();
    assert.equal(unitCells[5], '1', 'the unit counts its one team');
    await screenshot(page, 'console-units');
    await ctx.close();
  });

  it('a team leader sees only the team they lead, and none of the office’s actions', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000004', /\/(console|m)/);
    await visit(page, '/console/teams', '服务队');
    await page.getByText('这里只列出您带领的服务队').waitFor();
    await expectAccessible(page, 'teams as a team leader');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1, 'one team: the one they lead');
    await rows.first().getByText('邻里互助服务队').waitFor();
    assert.equal(
      await page.getByRole('row', { name: new RegExp(teamName) }).count(),
      0,
      'not the team staff just added',
    );
    assert.equal(
      await page.getByRole('button', { name: '新增', exact: true }).count(),
      0,
      'a leader does not add teams',
    );
    assert.equal(await page.getByRole('button', { name: '删除' }).count(), 0, 'nor delete them');

    const edit = await openDialog(page, rows.first().getByRole('button', { name: '编辑' }), 'teams as a leader: edit');
    assert.equal(await edit.getByLabel('名称').count(), 0, 'a leader edits the description only');
    await edit.getByLabel('说明').fill('每周六上午在社区服务站集合');
    await edit.getByRole('button', { name: '保存', exact: true }).click();
    await edit.waitFor({ state: 'hidden' }); // stays open, with an alert, if the server refuses

    const drawer = await openDialog(
      page,
      rows.first().getByRole('button', { name: '查看队员' }),
      'teams as a leader: members',
    );
    assert.equal(
      await drawer.getByRole('combobox', { name: '搜索志愿者姓名或拼音' }).count(),
      0,
      'members join by request, not added by a leader',
    );
    // The leader accepts a join request: it leaves the requests (the members list may page past it).
    const requests = drawer.getByRole('region', { name: '入队申请' });
    const asking = (await requests.locator('tr.ant-table-row').first().getByRole('cell').first().innerText()).trim();
    await requests
      .getByRole('row', { name: new RegExp(asking) })
      .getByRole('button', { name: '通过', exact: true })
      .click();
    await requests.getByRole('row', { name: new RegExp(asking) }).waitFor({ state: 'detached' });
    await screenshot(page, 'console-teams-leader');
    await ctx.close();
  });
});
