// The checks every list export's test makes (exports.api and exports-more.api): read the workbook back, find the
// audit entry it wrote, and the whole check for one list — rows as the list counts them, audited, and refused
// to the roles without the permission.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { cellText } from '../src/platform/excel.ts';
import type { Client, TestContext } from './app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The first sheet as text: the header row, then the data rows. */
export async function readSheet(body: Buffer): Promise<{ header: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const all: string[][] = [];
  // Array.from: an empty cell is a hole in exceljs's values, read as ''.
  wb.worksheets[0]!.eachRow((row) => all.push(Array.from((row.values as unknown[]).slice(1), cellText)));
  return { header: all[0] ?? [], rows: all.slice(1) };
}

/** The checks bound to a test's app and its default downloader (both set in `before`, hence the getters). */
export function exportChecks(app: () => TestContext, defaultWho: () => Client) {
  /** The latest audit entry of `action` in community a, with its detail parsed. */
  const lastAudit = async (action: string) => {
    const t = app();
    const row = await t.db.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'detail', 'actor_role'])
      .where('community_id', '=', t.a.id)
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    return row
      ? { ...row, detail: JSON.parse(row.detail) as { rows: number; filters: Record<string, unknown> } }
      : null;
  };

  /** Downloads an export, checks it is a workbook with `header`, and returns its rows. */
  const download = async (who: Client, url: string, header: string[]) => {
    const res = await who('GET', url);
    assert.equal(res.statusCode, 200, `${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    assert.equal(res.headers['content-type'], XLSX);
    assert.match(String(res.headers['content-disposition']), /attachment/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const sheet = await readSheet(res.rawPayload);
    assert.deepEqual(sheet.header, header, url);
    assert.equal(Number(res.headers['x-row-count']), sheet.rows.length);
    return sheet.rows;
  };

  /** The whole check for one list: rows as the list counts them, audited, refused without the permission. */
  const checkExport = async (o: {
    url: string;
    header: string[];
    action: string;
    listed: number;
    refused: Client[];
    who?: Client;
  }) => {
    const rows = await download(o.who ?? defaultWho(), o.url, o.header);
    assert.equal(rows.length, o.listed, `${o.url}: ${rows.length} rows, the list has ${o.listed}`);
    const audit = await lastAudit(o.action);
    assert.ok(audit, `no audit entry ${o.action}`);
    assert.equal(audit.detail.rows, o.listed);
    for (const who of o.refused) {
      const res = await who('GET', o.url);
      assert.equal(res.statusCode, 403, `${o.url} should be refused: ${res.statusCode}`);
    }
    return rows;
  };

  return { lastAudit, download, checkExport };
}
