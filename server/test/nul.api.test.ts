// A NUL character (U+0000) anywhere a request carries text is refused with 400 `nul_character`, in the caller's
// language, on both databases alike: PostgreSQL cannot hold one in text (it answered 500) and SQLite would store it.
// The URL's query and path params, JSON bodies at any depth (keys too), multipart fields and file names, on routes
// behind a permission and on public ones; nothing is written by a refused request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, countRows, signInAs, startTestApp, xlsxUpload, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { nulPath } from '../src/platform/http.ts';

function assertNul(res: { statusCode: number; body: string; json(): any }, field: string) {
  assert.equal(res.statusCode, 400, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'nul_character', res.body);
  assert.deepEqual(
    error.details.fields.map((f: { field: string }) => f.field),
    [field],
  );
}

describe('nulPath', () => {
  it('names where a NUL sits, keys included, and walks deep nesting without recursion', () => {
    assert.equal(nulPath('a\0b'), '');
    assert.equal(nulPath({ a: [{ b: 'x' }, { c: '\0' }] }), 'a.1.c');
    assert.equal(nulPath({ ['k\0']: 1 }), 'k\0');
    assert.equal(nulPath({ a: 'x', b: [1, null, true] }), null);
    let deep: unknown = ['\0'];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    assert.equal(nulPath(deep)?.split('.').length, 200_001);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`NUL characters refused on ${kind}`, () => {
    let t: TestContext;
    let admin: Client;
    let pub: Client;

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
      pub = as(t.app, null);
    });
    after(() => t.close());

    it('in the query, named by its param, in Chinese by default and in English when asked', async () => {
      const zh = await admin('GET', '/api/residents?q=%00');
      assertNul(zh, 'q');
      assert.match(zh.json().error.message, /空字符/);
      assert.equal(zh.json().error.details.fields[0].message, '含有看不见的空字符（NUL）');
      const en = await admin('GET', '/api/residents?q=ab%00cd', undefined, { 'accept-language': 'en' });
      assertNul(en, 'q');
      assert.match(en.json().error.message, /NUL character/);
    });

    it('in a path param', async () => {
      assertNul(await admin('GET', `/api/residents/${t.a.residents['李泽钦']}%00`), 'id');
      assertNul(await admin('PATCH', `/api/residents/%00`, { name: '李泽钦' }), 'id');
    });

    it('in a JSON body, at any depth and in keys, before the schema is checked; nothing is written', async () => {
      const before = await countRows(t.db.handle.db, 'resident');
      const body = { name: '张\u0000三', gender: 'male' };
      assertNul(await admin('POST', '/api/residents', body), 'name');
      assertNul(
        await admin('POST', '/api/residents', { gender: 'male', extra: { deep: ['ok', 'a\u0000'] } }),
        'extra.deep.1',
      );
      assert.equal(await countRows(t.db.handle.db, 'resident'), before);
    });

    it('on public routes, signed in or not', async () => {
      assertNul(await pub('GET', `/api/public/${t.a.id}%00/activities`), 'communityId');
      assertNul(await pub('POST', '/api/auth/sign-in', { phone: '1390000\u00000001', password: 'x' }), 'phone');
      assertNul(await pub('GET', '/api/health?x=%00'), 'x');
    });

    it('on the public badge page (its own HTML error handler): a plain 400 page, not a 500', async () => {
      const get = await t.app.inject({ method: 'GET', url: '/b/abc%00' });
      assert.equal(get.statusCode, 400, get.body);
      assert.match(get.headers['content-type'] as string, /text\/html/);
      const post = await t.app.inject({
        method: 'POST',
        url: '/b/abc/message',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'message=hi%00there',
      });
      assert.equal(post.statusCode, 400, post.body);
    });

    it('on the public site, screen and short-link pages (their own error handler): 400, not 500', async () => {
      for (const url of [`/p/${t.a.id}%00`, `/p/${t.a.id}/n/%00`, '/screen/x%00', '/s/%00'])
        assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 400, url);
    });

    it('in a multipart file name', async () => {
      const upload = xlsxUpload(Buffer.from('not a spreadsheet'), 'roster\0.xlsx');
      const res = await admin('POST', '/api/registry/import', upload.payload, upload.headers);
      assertNul(res, 'file');
    });

    it('in a multipart field', async () => {
      const boundary = '----linlinul';
      const payload = Buffer.from(
        [
          `--${boundary}`,
          'Content-Disposition: form-data; name="note"',
          '',
          'signed\0 by the father',
          `--${boundary}`,
          'Content-Disposition: form-data; name="file"; filename="scan.png"',
          'Content-Type: image/png',
          '',
          'png',
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      );
      const volunteer = (await t.db.handle.db.selectFrom('volunteer').select('id').executeTakeFirst())?.id;
      const url = `/api/volunteers/${volunteer ?? '0190c6a1-0000-7000-8000-000000000000'}/guardian-consent/paper`;
      const res = await admin('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      assertNul(res, 'note');
    });

    it('while %2500 (an escaped percent sign) and ordinary text still pass', async () => {
      const res = await admin('GET', '/api/residents?q=%2500');
      assert.equal(res.statusCode, 200, res.body);
    });
  });
}
