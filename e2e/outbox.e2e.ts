// The development outbox as staff read it: each message's kind by name (登录验证码, not sign_in_code), its content as
// short "key: value" lines and its time in Shanghai local format; no JSON braces, no raw ISO timestamps.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectAccessible, signedIn, useBrowser } from './browser.ts';

describe('outbox journey', () => {
  const browser = useBrowser();

  it('shows messages by name, content in words and times in local format', async () => {
    const { context, page: admin } = await signedIn(browser(), 'desktop', '13800000001');
    // A sign-in code for the demo volunteer: a message to someone of the community.
    const sent = await admin.request.post(`${BASE}/api/auth/code`, { data: { phone: '13800000006' } });
    assert.equal(sent.status(), 202, await sent.text());
    await admin.goto('/console/outbox');
    const row = admin.getByRole('row').filter({ hasText: '13800000006' }).filter({ hasText: '登录验证码' }).first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, /code: \d{6}/);
    assert.match(text, /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    const table = (await admin.locator('.ant-table-tbody').textContent()) ?? '';
    assert.doesNotMatch(table, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'no raw ISO timestamp');
    assert.doesNotMatch(table, /[{}]/, 'no JSON');
    assert.doesNotMatch(table, /sign_in_code|delivered_dev/, 'no raw keys');
    await expectAccessible(admin, 'outbox (console)');
    await context.close();
  });
});
