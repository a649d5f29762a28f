// A selection journey: a selection is opened (through the staff API, as the console does) with two nominees on the
// ballot; a resident (13800000007) opens 社区评选 on the phone from the home tile, votes once and is told it counted;
// the second vote is refused in words and only one vote is counted. Staff see the live count in the console.
// Axe on the phone page and the console page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csrfOf, expectAccessible, screenshot, signedIn, useBrowser } from './browser.ts';

describe('selection journeys', () => {
  const browser = useBrowser();

  it('a resident votes once on the phone; the second vote is refused', async () => {
    const { context: desk, page: staff } = await signedIn(browser(), 'desktop', '13800000002');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const title = `最美社区人 ${Date.now().toString(36)}`;
    const headers = { 'x-csrf-token': await csrfOf(staff) };
    const created = await staff.request.post('/api/selections', {
      headers,
      data: {
        kind: 'best_neighbour',
        title,
        nominateFrom: today,
        nominateTo: today,
        voteFrom: today,
        voteTo: today,
        places: 1,
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const id = ((await created.json()) as { id: string }).id;
    for (const [name, reason] of [
      ['张桂兰', '二十年如一日照顾独居邻居'],
      ['李卫东', '义务修理楼道灯'],
    ])
      assert.equal(
        (await staff.request.post(`/api/selections/${id}/nominees`, { headers, data: { name, reason } })).status(),
        201,
      );

    const { context: phoneCtx, page: phone } = await signedIn(browser(), 'phone', '13800000007');
    await phone.goto('/m');
    await phone
      .getByRole('link', { name: /社区评选/ })
      .first()
      .click();
    await phone.getByRole('heading', { name: '社区评选', level: 1 }).waitFor();
    const card = phone.locator('section').filter({ hasText: title });
    await card.getByText('二十年如一日照顾独居邻居').waitFor();
    await expectAccessible(phone, 'selections (phone)');
    await card.getByRole('button', { name: '投票给 张桂兰' }).click();
    await phone.getByRole('status').filter({ hasText: '投票成功' }).waitFor();
    await card.getByText('您已经投过票了。').waitFor();
    await card.getByRole('button', { name: '投票给 李卫东' }).click();
    await phone.getByRole('alert').filter({ hasText: '每人只能投一票' }).waitFor();
    await screenshot(phone, 'phone-selections');

    const detail = (await (await staff.request.get(`/api/selections/${id}`)).json()) as {
      ballot: Array<{ name: string; votes: number }>;
    };
    assert.deepEqual(detail.ballot.map((n) => [n.name, n.votes]).sort(), [
      ['张桂兰', 1],
      ['李卫东', 0],
    ]);
    await staff.goto('/console/selections');
    await staff.getByRole('heading', { name: '评选', level: 1 }).waitFor();
    await staff.getByRole('button', { name: title }).click();
    await staff.getByRole('dialog').getByText('张桂兰').waitFor();
    await expectAccessible(staff, 'selections (console)');
    await phoneCtx.close();
    await desk.close();
  });
});
