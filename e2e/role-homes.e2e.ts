// Every role finds its tools: each demo role signs in, starts from its home (the phone home at 390×844 for the people
// on phones, the console on a desktop for the office) and reaches every tool it is offered by clicking — each page
// shows its heading, no error and no refused request. The homes (phone home, console menu) are scanned with axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

/** Fails on an error notice, a refusal page, or any /api request answered 4xx/5xx while `run` works. */
async function cleanly(page: Page, label: string, run: () => Promise<void>): Promise<void> {
  const refused: string[] = [];
  const seen = (r: Response) => {
    if (r.url().includes('/api/') && r.status() >= 400)
      refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  };
  page.on('response', seen);
  try {
    await run();
    await page.waitForLoadState('networkidle');
    const h1 = (await page.locator('h1').first().textContent({ timeout: 10_000 }))?.trim() ?? '';
    assert.ok(h1.length > 0, `${label}: a heading`);
    assert.ok(!['没有权限', '找不到这个页面'].includes(h1), `${label}: refused or missing (${h1})`);
    const errors = await page.locator('.ph-alert--error, .ant-alert-error, .ant-result-500').count();
    assert.equal(errors, 0, `${label}: an error is shown`);
    assert.deepEqual(refused, [], `${label}: requests refused`);
  } finally {
    page.off('response', seen);
  }
}

/** The tiles of a phone home's list, by name, with where they lead. */
async function tilesOf(page: Page, list: string): Promise<{ name: string; href: string }[]> {
  const links = page.getByRole('list', { name: list, exact: true }).getByRole('link');
  const out: { name: string; href: string }[] = [];
  for (const l of await links.all()) {
    out.push({
      name: ((await l.locator('.ph-tile__title').textContent()) ?? '').trim(),
      href: (await l.getAttribute('href')) ?? '',
    });
  }
  return out;
}

interface PhoneRole {
  who: string;
  phone: string;
  /** Tiles that must be there, and tiles that must not. */
  has: string[];
  hasNot: string[];
  office: string[];
}

const PHONE_ROLES: PhoneRole[] = [
  {
    who: 'grid leader',
    phone: '13800000003',
    has: ['我的网格', '入户摸查', '注册成为志愿者', '我要求助'],
    hasNot: ['我的任务', '志愿活动', '我的志愿者主页'],
    office: ['网格概况（电脑端）', '需求办理（电脑端）', '摸查进度（电脑端）', '遗漏监测（电脑端）'],
  },
  {
    who: 'team leader',
    phone: '13800000004',
    has: ['我的任务', '志愿活动', '我的服务队', '我的服务时长'],
    hasNot: ['注册成为志愿者', '我的网格'],
    office: ['活动管理（电脑端）', '表彰推荐（电脑端）', '本队队员（电脑端）'],
  },
  {
    who: 'unit coordinator',
    phone: '13800000005',
    has: ['我的任务', '我的志愿者主页'],
    hasNot: ['注册成为志愿者', '我的服务队'],
    office: ['本单位志愿者（电脑端）'],
  },
  {
    who: 'volunteer',
    phone: '13800000006',
    has: ['我的任务', '志愿活动', '我的志愿者主页', '我的结对', '我的服务证明', '加入服务队'],
    hasNot: ['注册成为志愿者', '我的网格', '我的服务队', '爱心二维码'],
    office: [],
  },
  {
    who: 'resident / family',
    phone: '13800000007',
    has: ['注册成为志愿者', '我要求助', '预约服务', '爱心二维码'],
    hasNot: ['我的任务', '志愿活动', '我的志愿者主页', '我的服务时长', '我的结对'],
    office: [],
  },
];

describe('every role finds its tools', () => {
  const browser = useBrowser();

  for (const role of PHONE_ROLES) {
    it(`the ${role.who} starts on the phone home and reaches each tool by a tile`, async () => {
      const { context, page } = await signedIn(browser(), 'phone', role.phone, /\/m$/);
      await page.getByRole('heading', { name: '接下来', level: 2 }).waitFor();
      const tools = await tilesOf(page, '我能做的事');
      const names = tools.map((x) => x.name);
      for (const n of role.has) assert.ok(names.includes(n), `${role.who} has ${n} (has ${names.join('、')})`);
      for (const n of role.hasNot) assert.ok(!names.includes(n), `${role.who} has no ${n}`);
      assert.equal(await page.getByText('即将上线').count(), 0, 'no coming-soon card');
      const office = role.office.length ? await tilesOf(page, '管理页面（电脑端）') : [];
      assert.deepEqual(
        office.map((x) => x.name),
        role.office,
      );
      await expectAccessible(page, `${role.who} phone home`);
      await screenshot(page, `role-home-${role.phone}`);

      for (const tile of [...tools, ...office]) {
        await page.goto('/m');
        const link = page.getByRole('link', { name: tile.name }).first();
        await cleanly(page, `${role.who} → ${tile.name}`, async () => {
          await link.click();
          await page.waitForURL((u) => u.pathname === tile.href);
        });
      }
      await context.close();
    });
  }

  // The office on a desktop, and the scoped roles opening the console: land on the first page they may use, and
  // every entry of their menu opens.
  // `deeper`: a list whose first record the scoped role opens too (its detail page must load within the scope).
  const CONSOLE_ROLES = [
    { who: 'admin', phone: '13800000001', land: /\/console$/, groups: 6, deeper: [] },
    { who: 'staff', phone: '13800000002', land: /\/console$/, groups: 6, deeper: [] },
    {
      who: 'grid leader',
      phone: '13800000003',
      land: /\/console$/,
      groups: 4,
      deeper: ['/console/needs', '/console/residents', '/console/grids'],
    },
    {
      who: 'team leader',
      phone: '13800000004',
      land: /\/console\/volunteers$/,
      groups: 3, // 志愿者队伍, 活动与记录, and 系统 for 通知 to the team
      deeper: ['/console/volunteers'],
    },
    {
      who: 'unit coordinator',
      phone: '13800000005',
      land: /\/console\/volunteers$/,
      groups: 1,
      deeper: ['/console/volunteers'],
    },
  ];
  for (const role of CONSOLE_ROLES) {
    it(`the ${role.who} opens the console and every entry of the menu`, async () => {
      const { context, page } = await signedIn(browser(), 'desktop', role.phone, /\/(console|m)/);
      await page.goto('/console');
      await page.waitForURL(role.land);
      const nav = page.getByRole('navigation', { name: '主菜单' });
      await nav.getByRole('link').first().waitFor();
      await expectAccessible(page, `${role.who} console home`);
      await screenshot(page, `role-console-${role.phone}`);
      const groups = await nav.locator('.ant-menu-item-group-title').allTextContents();
      assert.equal(groups.length, role.groups, `${role.who}: headings ${groups.join('、')}`);
      const entries = await nav
        .getByRole('link')
        .evaluateAll((ls) =>
          ls.map((l) => ({ name: (l.textContent ?? '').trim(), href: l.getAttribute('href') ?? '' })),
        );
      assert.ok(entries.length > 0);
      for (const e of entries) {
        await cleanly(page, `${role.who} console → ${e.name}`, async () => {
          await nav.getByRole('link', { name: e.name, exact: true }).click();
          await page.waitForURL((u) => u.pathname === e.href);
        });
      }
      for (const list of role.deeper) {
        await page.goto(list);
        const first = page.locator('main table a').first();
        const href = (await first.getAttribute('href')) ?? '';
        assert.ok(href.startsWith(`${list}/`), `${role.who}: a record on ${list}`);
        await cleanly(page, `${role.who} console → ${href}`, async () => {
          await first.click();
          await page.waitForURL((u) => u.pathname === href);
        });
      }
      await context.close();
    });
  }
});
