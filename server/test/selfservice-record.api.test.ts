// A volunteer's own record to take away, on both databases: 刘红梅 downloads her record as Excel and as PDF from her
// hours. The workbook lists every verified entry (pending ones and entries corrected away are not, the correction
// is), its total row and the 汇总 sheet agree with the ledger's own totals, honour hours are kept apart, her
// certificate is listed, and a description that looks like a formula stays text. The PDF is a PDF, runs over as
// many pages as its 60 entries need, and says her name and totals. Both downloads are audited and never cached;
// someone without a volunteer record gets 404, nobody signed in 401.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  insertAccountVolunteer,
  recordService,
  signInAll,
  startTestApp,
  verifyService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { pdfText } from './certificates-pdf.ts';
import { cellText } from '../src/platform/excel.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';

const today = todayInShanghai();

for (const kind of testDatabaseKinds()) {
  describe(`my record to take away on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, me: Client;
    let myId: string;
    let certNumber: string;
    const verified: Array<{ minutes: number; date: string }> = [];

    before(async () => {
      t = await startTestApp(kind);
      [admin, staff, me] = await signInAll(t, ['community_admin', 'staff', 'volunteer']);
      myId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅' });
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const date = addDays(today, -400 + i * 6);
        const minutes = 30 + (i % 7) * 15;
        ids.push(await recordService(t, { volunteerId: myId, minutes, date, description: `社区服务 ${i}` }));
        verified.push({ minutes, date });
      }
      const formula = await recordService(t, {
        volunteerId: myId,
        minutes: 45,
        date: addDays(today, -2),
        description: '=HYPERLINK("http://x")',
      });
      ids.push(formula);
      verified.push({ minutes: 45, date: addDays(today, -2) });
      await verifyService(staff, ids);
      // Pending: not on the record.
      await recordService(t, { volunteerId: myId, minutes: 600, date: addDays(today, -1), description: '未核实' });
      // Corrected: the old entry leaves, the correction (verified as it is made) stands.
      const c = await staff('POST', `/api/hours/entries/${ids[0]}/correct`, { minutes: 20, reason: '签退时间有误' });
      assert.equal(c.statusCode, 201, c.body);
      verified[0] = { minutes: 20, date: verified[0]!.date };
      const h = await admin('POST', '/api/hours/honour', {
        volunteerId: myId,
        serviceDate: addDays(today, -3),
        minutes: 120,
        reason: '抗疫表彰',
      });
      assert.equal(h.statusCode, 201, h.body);
      const cert = await me('POST', '/api/certificates/mine', {});
      assert.equal(cert.statusCode, 201, cert.body);
      certNumber = cert.json().number;
    });
    after(async () => {
      await t.close();
    });

    it('the Excel file lists every verified entry, and its totals agree with the ledger', async () => {
      const res = await me('GET', '/api/hours/mine/record.xlsx');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('服务记录')!;
      const rows: string[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(cellText)));
      const body = rows.slice(1, -1);
      const total = rows.at(-1)!;
      const credit = body.filter((r) => r[5] === '服务');
      assert.equal(credit.length, verified.length);
      assert.deepEqual(
        credit.map((r) => Number(r[3])).sort((a, b) => a - b),
        verified.map((v) => v.minutes).sort((a, b) => a - b),
      );
      assert.ok(!body.some((r) => r[2] === '未核实'), 'pending left out');
      const raw: unknown[] = [];
      ws.eachRow((r) => raw.push(r.getCell(3).value));
      assert.ok(raw.includes('\'=HYPERLINK("http://x")'), 'a formula-like description stays text');
      assert.equal(body.filter((r) => r[5] === '荣誉').length, 1);
      const sum = verified.reduce((s, v) => s + v.minutes, 0);
      assert.equal(total[0], '合计');
      assert.equal(Number(total[3]), sum);
      // The ledger's own totals.
      const mine = (await me('GET', '/api/hours/mine')).json();
      assert.equal(Math.round(Number(total[4]) * 100), Math.round(mine.summary.creditHours * 100));

      const s = wb.getWorksheet('汇总')!;
      const facts = new Map<string, string>();
      s.eachRow((r) => {
        const v = (r.values as unknown[]).slice(1).map(cellText);
        facts.set(v[0]!, v[1] ?? '');
      });
      assert.equal(facts.get('姓名'), '刘红梅');
      assert.equal(Number(facts.get('服务时长（小时）')), Math.round((sum / 60) * 100) / 100);
      assert.equal(Number(facts.get('荣誉时长（小时）')), 2);
      assert.equal(Number(facts.get('已核实记录（条）')), verified.length + 1);
      assert.equal(Number(facts.get('已达星级')), mine.summary.starLevel);
      assert.ok(facts.has(certNumber), 'the certificate is listed');
    });

    it('the PDF is a PDF over several pages with her name and totals', async () => {
      const res = await me('GET', '/api/hours/mine/record.pdf');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.headers['cache-control'], 'no-store');
      const bytes = res.rawPayload;
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const pages = (bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
      assert.ok(pages >= 2, `pages: ${pages}`);
      const text = pdfText(bytes).replace(/\n/g, '');
      const sum = verified.reduce((s, v) => s + v.minutes, 0);
      assert.match(text, /志愿服务记录/);
      assert.match(text, /刘红梅/);
      assert.ok(text.includes(`服务时长 ${Math.round((sum / 60) * 100) / 100} 小时`), text.slice(0, 300));
      assert.ok(text.includes(certNumber));
      assert.ok(text.includes(`第 ${pages} 页`));
      assert.ok(text.includes('社区服务 59'));
    });

    it('audits each download; refuses someone with no volunteer record and nobody signed in', async () => {
      const rows = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', '=', 'selfservice.record.download')
        .where('entity_id', '=', myId)
        .execute();
      assert.deepEqual(rows.map((r) => JSON.parse(r.detail!).format).sort(), ['pdf', 'xlsx']);
      assert.equal((await staff('GET', '/api/hours/mine/record.pdf')).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/hours/mine/record.xlsx' })).statusCode, 401);
    });
  });
}
