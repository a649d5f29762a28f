// Publicity on both databases: staff write an announcement once, publish and withdraw it; the public site,
// its data API, the screen and its text feed show only published, current, own-community items and nothing
// personal; the site is small, escaped and cached with an ETag; the poster is a PDF with the title and a QR code
// big enough for a 150 dpi scan that decodes to the sign-up page; short links redirect and die with their
// announcement; bad input is refused in Chinese and English and writes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { countRows, fieldErrors, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { pdfQrCodes, pdfText } from './certificates-pdf.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { posterPdf, posterQr } from '../src/modules/publicity/publicity.poster.ts';

const QUARTER = '2026Q3';

for (const kind of testDatabaseKinds()) {
  describe(`publicity on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, staffEn: Client, volunteer: Client, otherStaff: Client;
    const db = () => t.db.handle.db;
    const anon = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    let todayActivity: string, laterActivity: string, draftActivity: string, bActivity: string;

    /** A published activity of `who`'s community on `date` 09:00–23:59 Shanghai, not yet over. */
    async function activity(who: Client, title: string, date: string, publish = true) {
      const res = await who('POST', '/api/activities', {
        title,
        place: '西关社区服务站',
        date,
        shifts: [{ name: '服务组', start: '09:00', end: '23:59', places: 5 }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      if (publish) assert.equal((await who('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      return id;
    }

    const news = (extra: Record<string, unknown> = {}) => ({
      kind: 'news',
      title: '社区新闻：楼道清理完成',
      body: '感谢各位志愿者。',
      channels: ['site', 'screen', 'poster', 'wechat'],
      ...extra,
    });
    async function published(body: Record<string, unknown>, who = staff) {
      const res = await who('POST', '/api/publicity/announcements', body);
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      const pub = await who('POST', `/api/publicity/announcements/${id}/publish`);
      assert.equal(pub.statusCode, 200, pub.body);
      return { id, view: pub.json() };
    }

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      volunteer = await signInAs(t, 'volunteer');
      otherStaff = await signInAs(t, 'staff', 'b');
      const base = await signInAs(t, 'community_admin');
      staffEn = (m, url, payload, headers = {}) => base(m, url, payload, { 'accept-language': 'en', ...headers });
      const today = todayInShanghai();
      todayActivity = await activity(staff, '今日义诊', today);
      laterActivity = await activity(staff, '重阳节包饺子', addDays(today, 5));
      draftActivity = await activity(staff, '未发布的草稿活动', addDays(today, 3), false);
      bActivity = await activity(otherStaff, '东关社区专属活动', addDays(today, 2));
      // A published commendation list: one volunteer agreed to be named, one did not.
      const now = new Date().toISOString();
      for (const [name, publish] of [
        ['王光荣', 1],
        ['赵不公开', 0],
      ] as const) {
        const vid = await insertVolunteer(db(), t.cipher, t.a.id, { name, phone: '13911112222' });
        await db()
          .insertInto('recognition_consent')
          .values({
            community_id: t.a.id,
            volunteer_id: vid,
            publish,
            source: 'self',
            recorded_by: null,
            recorded_by_name: name,
            updated_at: now,
          })
          .execute();
        await db()
          .insertInto('recognition_nomination')
          .values({
            community_id: t.a.id,
            id: uuidv7(),
            quarter: QUARTER,
            volunteer_id: vid,
            team_id: null,
            reason: '服务认真',
            score: 10,
            parts: '{}',
            credit_minutes: 600,
            nominated_by: 'x',
            nominated_by_name: '队长',
            nominated_at: now,
            status: 'approved',
            decided_by: null,
            decided_by_name: null,
            decided_at: now,
            decision_note: null,
          })
          .execute();
      }
      await db()
        .insertInto('recognition_publication')
        .values({
          community_id: t.a.id,
          quarter: QUARTER,
          published_at: now,
          published_by: 'x',
          published_by_name: '书记',
        })
        .execute();
    });
    after(() => t?.close());

    it('refuses bad input in Chinese and English and writes nothing; only staff may write', async () => {
      const before = await countRows(db(), 'announcement');
      const bad = await staff('POST', '/api/publicity/announcements', {
        kind: 'class',
        title: 'x',
        channels: [],
        publishFrom: '2026-12-10T00:00:00Z',
        publishUntil: '2026-12-09T00:00:00Z',
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldErrors(bad), ['channels', 'classKind', 'place', 'publishUntil', 'schedule', 'title']);
      assert.ok(bad.json().error.details.fields.some((f: any) => f.message === '请至少选择一个发布渠道'));
      const en = await staffEn('POST', '/api/publicity/announcements', {
        kind: 'activity',
        title: 'Hello',
        channels: ['site'],
      });
      assert.equal(en.statusCode, 400);
      assert.ok(en.json().error.details.fields.some((f: any) => f.message === 'Choose the activity to announce'));
      const junk = await staff('POST', '/api/publicity/announcements', { ...news(), channels: ['fax'], extra: 1 });
      assert.equal(junk.statusCode, 400);
      // Another community's activity, an unpublished list: refused in words.
      const foreign = await staff('POST', '/api/publicity/announcements', {
        kind: 'activity',
        title: '别的社区',
        activityId: bActivity,
        channels: ['site'],
      });
      assert.equal(foreign.statusCode, 404);
      const noList = await staffEn('POST', '/api/publicity/announcements', {
        kind: 'commendation',
        title: 'Commended',
        quarter: '2025Q1',
        channels: ['site'],
      });
      assert.equal(noList.statusCode, 409);
      assert.match(noList.json().error.message, /commendation list is not published/);
      assert.equal((await volunteer('POST', '/api/publicity/announcements', news())).statusCode, 403);
      assert.equal((await volunteer('GET', '/api/publicity/announcements')).statusCode, 403);
      assert.equal((await anon('/api/publicity/announcements')).statusCode, 401);
      assert.equal(await countRows(db(), 'announcement'), before);
    });

    it('keeps drafts off every channel; publishing puts them on the site, the screen and the text feed', async () => {
      const draft = await staff('POST', '/api/publicity/announcements', news({ title: '还在写的草稿' }));
      assert.equal(draft.statusCode, 201);
      const { id, view } = await published(news({ title: '今冬供暖通知 <script>alert(1)</script>' }));
      assert.equal(view.status, 'published');
      assert.match(view.shortPath, /^\/s\/[a-z2-9]{10}$/);
      const page = await anon(`/p/${t.a.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.ok(page.body.includes('今冬供暖通知 &lt;script&gt;alert(1)&lt;/script&gt;'), 'the title is escaped');
      assert.ok(!page.body.includes('<script>'), 'no script at all on the site');
      assert.ok(!page.body.includes('还在写的草稿'));
      assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
      const screen = await anon(`/api/public/${t.a.id}/screen.txt`);
      assert.equal(screen.statusCode, 200);
      assert.match(screen.headers['content-type'] as string, /text\/plain; charset=utf-8/);
      const lines = screen.body.trim().split('\n');
      assert.equal(lines[0], '西关社区');
      assert.ok(lines.some((l) => l.startsWith('【新闻】今冬供暖通知')));
      assert.ok(
        lines.some((l) => l.startsWith('【今日活动】今日义诊')),
        'today’s activity is on the screen',
      );
      assert.ok(!screen.body.includes('重阳节包饺子'), 'a later activity is not today’s');
      // The same feed in GBK for the controllers that read nothing else.
      const gbk = await anon(`/api/public/${t.a.id}/screen.txt?charset=gbk`);
      assert.equal(gbk.statusCode, 200);
      assert.match(gbk.headers['content-type'] as string, /text\/plain; charset=gbk/);
      assert.equal(new TextDecoder('gbk').decode(gbk.rawPayload), screen.body);
      assert.equal((await anon(`/api/public/${t.a.id}/screen.txt?charset=big5`)).statusCode, 400);
      assert.ok(!screen.body.includes('还在写的草稿'));
      const screenPage = await anon(`/screen/${t.a.id}`);
      assert.equal(screenPage.statusCode, 200);
      assert.ok(screenPage.body.includes('今日义诊'));
      assert.match(screenPage.headers['content-security-policy'] as string, /script-src 'sha256-/);
      const item = await anon(`/p/${t.a.id}/n/${id}`);
      assert.equal(item.statusCode, 200);
      assert.ok(item.body.includes('感谢各位志愿者。'));
      assert.equal((await anon(`/p/${t.a.id}/n/${draft.json().id}`)).statusCode, 404);
    });

    it('lists upcoming published activities of the community with sign-up links, nothing personal', async () => {
      const res = await anon(`/api/public/${t.a.id}/activities`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.community, '西关社区');
      const titles = body.items.map((a: any) => a.title);
      assert.ok(titles.includes('今日义诊') && titles.includes('重阳节包饺子'));
      assert.ok(!titles.includes('未发布的草稿活动') && !titles.includes('东关社区专属活动'));
      const later = body.items.find((a: any) => a.id === laterActivity);
      assert.equal(later.signUpUrl, `http://localhost:3000/m/activities/${laterActivity}`);
      assert.deepEqual(Object.keys(later).sort(), [
        'endsAt',
        'id',
        'juniorVolunteers',
        'place',
        'signUpUrl',
        'startsAt',
        'title',
      ]);
      const page = await anon(`/p/${t.a.id}`);
      assert.ok(page.body.includes(`href="/m/activities/${laterActivity}"`));
      assert.ok(!page.body.includes('未发布的草稿活动') && !page.body.includes('东关社区专属活动'));
      // Commendations: names of those who agreed, nothing else of them.
      assert.ok(page.body.includes('王光荣'));
      assert.ok(!page.body.includes('赵不公开'));
      assert.ok(!/1\d{10}/.test(page.body), 'no phone number anywhere');
      // The other community sees none of it.
      const b = await anon(`/p/${t.b.id}`);
      assert.equal(b.statusCode, 200);
      assert.ok(b.body.includes('东关社区专属活动'));
      assert.ok(!b.body.includes('今日义诊') && !b.body.includes('今冬供暖通知') && !b.body.includes('王光荣'));
      const bApi = (await anon(`/api/public/${t.b.id}/activities`)).json();
      assert.deepEqual(
        bApi.items.map((a: any) => a.id),
        [bActivity],
      );
    });

    it('answers an unknown community with a 404 page, not a 500', async () => {
      for (const url of [`/p/${uuidv7()}`, '/p/not-a-community', `/screen/${uuidv7()}`, `/p/${t.a.id}/n/${uuidv7()}`]) {
        const res = await anon(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['content-type'] as string, /text\/html/);
      }
      assert.equal((await anon(`/api/public/${uuidv7()}/activities`)).statusCode, 404);
      assert.equal((await anon(`/api/public/${uuidv7()}/screen.txt`)).statusCode, 404);
      assert.equal((await anon('/api/public/nope/activities')).statusCode, 400);
    });

    it('keeps the site small and cached: gzip, an ETag, 304 when unchanged', async () => {
      const res = await anon(`/p/${t.a.id}`, { 'accept-encoding': 'gzip' });
      assert.equal(res.headers['content-encoding'], 'gzip');
      const html = gunzipSync(res.rawPayload);
      assert.ok(html.length < 30 * 1024, `${html.length} bytes`);
      const etag = res.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(res.headers['cache-control'] as string, /max-age=/);
      const again = await anon(`/p/${t.a.id}`, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
    });

    it('writes the WeChat group text with a short link that redirects; unknown codes are 404', async () => {
      const { id } = await published({
        kind: 'activity',
        title: '重阳节包饺子，欢迎报名',
        activityId: laterActivity,
        channels: ['site', 'wechat', 'poster'],
      });
      const res = await staff('GET', `/api/publicity/announcements/${id}/wechat`);
      assert.equal(res.statusCode, 200, res.body);
      const { text, shortUrl } = res.json();
      assert.match(text, /^【西关社区】重阳节包饺子，欢迎报名\n时间：\d+月\d+日 09:00–23:59\n地点：西关社区服务站\n/);
      assert.ok(text.endsWith(`报名：${shortUrl}`));
      const code = new URL(shortUrl).pathname;
      const go = await anon(code);
      assert.equal(go.statusCode, 302);
      assert.equal(go.headers.location, `/m/activities/${laterActivity}`);
      // Edited after publishing to point at another activity: the same short link follows.
      const edit = await staff('PUT', `/api/publicity/announcements/${id}`, {
        kind: 'activity',
        title: '今日义诊，欢迎报名',
        activityId: todayActivity,
        channels: ['site', 'wechat', 'poster'],
      });
      assert.equal(edit.statusCode, 204, edit.body);
      assert.equal((await anon(code)).headers.location, `/m/activities/${todayActivity}`);
      assert.match((await staff('GET', `/api/publicity/announcements/${id}/wechat`)).json().text, /今日义诊，欢迎报名/);
      assert.equal((await anon('/s/abcdefghjk')).statusCode, 404);
      assert.equal((await anon('/s/..%2Fetc')).statusCode, 404);
      // Codes are random, not counted up.
      const other = await published(news({ title: '另一条新闻' }));
      assert.notEqual(other.view.shortPath, code);
      assert.ok(Number.isNaN(Number(other.view.shortPath.slice(3))));
    });

    it('prints a poster PDF: the title, and a QR code a 150 dpi scan reads, to the sign-up page', async () => {
      const res = await staff('GET', `/api/activities/${laterActivity}/poster.pdf`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.ok(res.rawPayload.subarray(-8).toString().includes('%%EOF'));
      assert.ok(pdfText(res.rawPayload).includes('重阳节包饺子'));
      const signUp = `http://localhost:3000/m/activities/${laterActivity}`;
      assert.deepEqual(pdfQrCodes(res.rawPayload), [signUp]);
      for (const size of ['a4', 'a3'] as const) {
        const { pdf, qr } = await posterPdf(
          { community: '西关社区', title: '海报', when: null, place: null, body: '', url: signUp, qrCaption: '扫码' },
          size,
        );
        assert.ok(qr.sizeMm >= 70, `${qr.sizeMm} mm`);
        assert.ok(qr.pxPerModuleAt150dpi >= 3, `${qr.pxPerModuleAt150dpi} px per module`);
        assert.equal(qr.imagePx % qr.modules, 0, 'whole pixels per module');
        assert.deepEqual(posterQr(signUp, size), qr);
        // The page's size is in the PDF: A4 595×842 pt, A3 842×1191 pt.
        assert.match(
          pdf.toString('latin1'),
          size === 'a4' ? /\/MediaBox \[0 0 595.28 841.89\]/ : /\/MediaBox \[0 0 841.89 1190.55\]/,
        );
      }
      const a3 = await staff('GET', `/api/activities/${laterActivity}/poster.pdf?size=a3`);
      assert.equal(a3.statusCode, 200);
      assert.equal((await staff('GET', `/api/activities/${laterActivity}/poster.pdf?size=a5`)).statusCode, 400);
      const draft = await staffEn('GET', `/api/activities/${draftActivity}/poster.pdf`);
      assert.equal(draft.statusCode, 409);
      assert.match(draft.json().error.message, /Only a published activity/);
      assert.equal((await otherStaff('GET', `/api/activities/${laterActivity}/poster.pdf`)).statusCode, 404);
      assert.equal((await volunteer('GET', `/api/activities/${laterActivity}/poster.pdf`)).statusCode, 403);
    });

    it('a withdrawn announcement disappears from every channel', async () => {
      const { id, view } = await published(
        news({
          kind: 'class',
          title: '书法班开课啦',
          classKind: 'calligraphy',
          schedule: '每周六 9:00',
          place: '二楼教室',
        }),
      );
      const everywhere = async () => ({
        site: (await anon(`/p/${t.a.id}`)).body.includes('书法班开课啦'),
        item: (await anon(`/p/${t.a.id}/n/${id}`)).statusCode,
        screen: (await anon(`/screen/${t.a.id}`)).body.includes('书法班开课啦'),
        text: (await anon(`/api/public/${t.a.id}/screen.txt`)).body.includes('书法班开课啦'),
        link: (await anon(view.shortPath)).statusCode,
        poster: (await staff('GET', `/api/publicity/announcements/${id}/poster.pdf`)).statusCode,
        wechat: (await staff('GET', `/api/publicity/announcements/${id}/wechat`)).statusCode,
      });
      assert.deepEqual(await everywhere(), {
        site: true,
        item: 200,
        screen: true,
        text: true,
        link: 302,
        poster: 200,
        wechat: 200,
      });
      const page = (await anon(`/p/${t.a.id}`)).body;
      assert.ok(page.includes('书法班') && page.includes('每周六 9:00 · 二楼教室'));
      assert.equal((await staff('POST', `/api/publicity/announcements/${id}/withdraw`)).statusCode, 204);
      assert.deepEqual(await everywhere(), {
        site: false,
        item: 404,
        screen: false,
        text: false,
        link: 404,
        poster: 409,
        wechat: 409,
      });
      const again = await staff('POST', `/api/publicity/announcements/${id}/publish`);
      assert.equal(again.statusCode, 409);
      assert.equal((await staff('GET', `/api/publicity/announcements/${id}`)).json().status, 'withdrawn');
      assert.equal((await otherStaff('GET', `/api/publicity/announcements/${id}`)).statusCode, 404);
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['announcement.create', 'announcement.publish', 'announcement.withdraw'],
      );
    });

    it('respects the publish window and the channels chosen', async () => {
      const future = new Date(Date.now() + 86400000).toISOString();
      await published(news({ title: '明天才显示的新闻', publishFrom: future }));
      await published(news({ title: '只上大屏的新闻', channels: ['screen'] }));
      const page = (await anon(`/p/${t.a.id}`)).body;
      assert.ok(!page.includes('明天才显示的新闻'));
      assert.ok(!page.includes('只上大屏的新闻'));
      const text = (await anon(`/api/public/${t.a.id}/screen.txt`)).body;
      assert.ok(text.includes('只上大屏的新闻') && !text.includes('明天才显示的新闻'));
      const list = (await staff('GET', '/api/publicity/announcements?status=published&pageSize=2')).json();
      assert.equal(list.items.length, 2);
      assert.ok(list.total >= 4);
    });
  });
}
