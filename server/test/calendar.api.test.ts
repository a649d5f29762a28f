// The festival calendar over HTTP on both databases: the 2027 festivals sorted by date with their names in both
// languages, the solar terms, and a year out of range refused with a message saying which years there are.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`calendar API on ${kind}`, () => {
    let t: TestContext;
    let volunteer: Client;
    before(async () => {
      t = await startTestApp(kind);
      volunteer = await signInAs(t, 'volunteer');
    });
    after(async () => {
      await t.close();
    });

    it('answers the 2027 festivals sorted by date, each { key, date, name: { zh, en } }', async () => {
      const res = await volunteer('GET', '/api/calendar/festivals?year=2027');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), [
        { key: 'spring_festival', date: '2027-02-06', name: { zh: '春节', en: 'Spring Festival' } },
        { key: 'lantern_festival', date: '2027-02-20', name: { zh: '元宵节', en: 'Lantern Festival' } },
        { key: 'lei_feng_day', date: '2027-03-05', name: { zh: '学雷锋纪念日', en: 'Lei Feng Day' } },
        { key: 'dragon_boat_festival', date: '2027-06-09', name: { zh: '端午节', en: 'Dragon Boat Festival' } },
        { key: 'mid_autumn_festival', date: '2027-09-15', name: { zh: '中秋节', en: 'Mid-Autumn Festival' } },
        { key: 'double_ninth_festival', date: '2027-10-08', name: { zh: '重阳节', en: 'Double Ninth Festival' } },
        {
          key: 'international_volunteer_day',
          date: '2027-12-05',
          name: { zh: '国际志愿者日', en: 'International Volunteer Day' },
        },
      ]);
    });

    it('answers the 24 solar terms of a year', async () => {
      const res = await volunteer('GET', '/api/calendar/solar-terms?year=2026');
      assert.equal(res.statusCode, 200, res.body);
      const terms = res.json();
      assert.equal(terms.length, 24);
      assert.deepEqual(
        terms.find((x: any) => x.key === 'qingming'),
        { key: 'qingming', date: '2026-04-05', name: { zh: '清明', en: 'Pure Brightness' } },
      );
    });

    it('refuses a year outside 1950–2100, or none, with 400 and a message naming the range', async () => {
      for (const q of ['?year=1949', '?year=2101', '?year=abc', '?year=2027.5', '']) {
        for (const url of ['/api/calendar/festivals', '/api/calendar/solar-terms']) {
          const res = await volunteer('GET', url + q, undefined, { 'accept-language': 'en' });
          assert.equal(res.statusCode, 400, `${url}${q} → ${res.statusCode}`);
          const { error } = res.json();
          assert.equal(error.code, 'validation');
          assert.deepEqual(
            error.details.fields,
            [{ field: 'year', message: 'The year must be a whole number from 1950 to 2100' }],
            `${url}${q}`,
          );
        }
      }
      const zh = await volunteer('GET', '/api/calendar/festivals?year=1900');
      assert.equal(zh.json().error.details.fields[0].message, '年份应为 1950 到 2100 之间的整数');
    });
  });
}
