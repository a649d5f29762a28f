// A project journey: staff (13800000002) start a project in the console, link an activity of the demo to it and
// see its report (counted from the record of service), equal to what the report route answers. Axe on both pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('project journeys', () => {
  const browser = useBrowser();

  it('staff create a project, link an activity and see its report', async () => {
    const { context, page } = await signedIn(browser(), 'desktop', '13800000002');
    const name = `空巢老人关爱 ${Date.now().toString(36)}`;
    await page.goto('/console/projects');
    await page.getByRole('heading', { name: '志愿服务项目', level: 1 }).waitFor();
    await expectAccessible(page, 'projects (console)');
    await page.getByRole('button', { name: '新建项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目名称').fill(name);
    await dialog.getByLabel('项目目标').fill('为空巢老人提供陪伴和节日服务');
    await dialog.getByLabel('负责人').fill('马建军');
    await dialog.getByLabel('预算（元）').fill('5000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();

    // Link the first activity the picker offers.
    await page.getByLabel('关联对象').click();
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    const label = (await option.getAttribute('title')) ?? (await option.innerText());
    await option.click();
    await page
      .getByRole('button', { name: '关 联' })
      .or(page.getByRole('button', { name: '关联', exact: true }))
      .click();
    const title = label.split(' · ')[1] ?? label;
    await page
      .getByRole('cell', { name: new RegExp(title.trim()) })
      .first()
      .waitFor();

    // The report on the page is the report route's.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const report = (await (await page.request.get(`/api/projects/${id}/report`)).json()) as {
      services: number;
      people: number;
    };
    const card = page.locator('.ant-card').filter({ hasText: '项目成效' });
    await card.getByText('服务人次').first().waitFor();
    await card.locator('.ant-statistic').first().getByText(String(report.services), { exact: true }).waitFor();
    assert.ok(report.services >= 0);
    await expectAccessible(page, 'project (console)');
    await screenshot(page, 'console-project');
    await context.close();
  });
});
