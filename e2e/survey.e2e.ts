// The survey's to-do list: a grid leader (13800000003) opens 入户摸查 on a phone, sees the households of their grid
// not yet visited (special groups first), visits one, notes a problem and makes it a need in one tap; staff
// (13800000002) see the to-do list and the findings on the console. A staff preview of a badge page is no scan.
// Axe on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('survey to-do journeys', () => {
  const browser = useBrowser();

  it('a grid leader visits a household from the to-do list and makes what they found a need', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'phone', '13800000003');
    const todoBefore = (await (await page.request.get('/api/survey/todo?pageSize=1')).json()) as { total: number };
    assert.ok(todoBefore.total > 0, 'the demo leaves some households of the grid unvisited');
    await page.goto('/m/grid/survey');
    await page.getByRole('heading', { name: '入户摸查', level: 1 }).waitFor();
    await page.getByRole('button', { name: '待摸查', pressed: true }).waitFor();
    await page.getByText(`还有 ${todoBefore.total} 户没有摸查`).waitFor();
    const first = page.getByRole('list', { name: '第一步：选一户' }).getByRole('button').first();
    await first.waitFor();
    await expectAccessible(page, 'survey to-do (phone)');
    await first.click();
    await page.getByRole('checkbox', { name: /家务维修/ }).check();
    await page.getByLabel('备注（可不填）').fill('厨房水龙头漏水');
    await page.getByRole('button', { name: '保存摸查' }).click();
    await page.getByRole('heading', { name: '把发现的问题转为需求' }).waitFor();
    await expectAccessible(page, 'survey findings to needs (phone)');
    await page.getByRole('button', { name: /转为需求/ }).click();
    await page.getByText('已转为需求').waitFor();
    await screenshot(page, 'phone-survey-finding-need');
    const todoAfter = (await (await page.request.get('/api/survey/todo?pageSize=1')).json()) as { total: number };
    assert.equal(todoAfter.total, todoBefore.total - 1, 'the visited household left the list');
    const needs = (await (await page.request.get('/api/needs?channel=survey&status=new')).json()) as {
      items: Array<{ description: string }>;
    };
    assert.ok(needs.items.some((n) => n.description.includes('厨房水龙头漏水')));
    await ctx.close();
  });

  it('staff see the to-do list and the findings on the console, and preview a badge without a scan', async () => {
    const { context: ctx, page } = await signedIn(browser(), 'desktop', '13800000002');
    await page.goto('/console/survey');
    await page.getByRole('button', { name: '摸查待办' }).click();
    await page.getByRole('heading', { name: '摸查待办', level: 1 }).waitFor();
    await page
      .locator('.ant-card')
      .filter({ hasText: '还没有摸查的住户' })
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    await page.getByText('特殊群体').first().waitFor();
    await page
      .locator('.ant-card')
      .filter({ hasText: '摸查发现的问题' })
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    await expectAccessible(page, 'survey to-do (console)');
    await screenshot(page, 'console-survey-todo');

    const badges = (
      (await (await page.request.get('/api/badges?status=active')).json()) as {
        items: Array<{ id: string; scans: number }>;
      }
    ).items;
    const b = badges[0]!;
    const preview = await ctx.newPage();
    await preview.goto(`/api/badges/${b.id}/preview`);
    await preview.getByText(/工作人员预览/).waitFor();
    assert.equal(await preview.getByRole('button', { name: '发送留言' }).isDisabled(), true);
    await preview.waitForTimeout(300);
    const after = (await (await page.request.get(`/api/badges/${b.id}`)).json()) as { scans: number };
    assert.equal(after.scans, b.scans, 'a preview is not a scan');
    await ctx.close();
  });
});
