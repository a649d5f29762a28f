// Exporting a console list to Excel, the same way for every module: the rows are the list's own rows (its service
// method, so the same filters, permission, scope and masking), every export is an audit entry naming the list,
// its filters and how many rows left, and the workbook streams out with a header row and one row per item.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { AuditLog } from './audit.ts';
import { sendWorkbook, streamWorkbook, type ExportCell } from './excel.ts';
import { actorOf, requestContext } from './http.ts';

/** One column: its header (zh, as in the console), its width and how a row fills it. */
export type ExportColumn<T> = [header: string, width: number, cell: (row: T) => ExportCell];

/** A list too large to page through in one request is cut here rather than held in memory. */
export const EXPORT_MAX_ROWS = 50_000;

/** Every row of a paged list, page by page (the list's own service method with its own paging). */
export async function allPages<T>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  pageSize = 500,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await fetch(page, pageSize);
    out.push(...items);
    if (items.length < pageSize || out.length >= total || out.length >= EXPORT_MAX_ROWS) return out;
  }
}

export interface ListExport<T> {
  /** The audit action, e.g. `pairings.export`. */
  action: string;
  /** What the rows are, for the audit entry (e.g. `pairing`). */
  entityType: string;
  /** The sheet's and file's name (zh), and the ASCII fallback file name without the date. */
  sheet: string;
  fileName: string;
  asciiFileName: string;
  columns: Array<ExportColumn<T>>;
}

/**
 * Writes the audit entry (what, which filters, how many rows) and sends the rows as a workbook. The entry is written
 * before the first byte leaves, so no export goes out unrecorded.
 */
export async function sendListExport<T>(
  db: Db,
  audit: AuditLog,
  req: FastifyRequest,
  reply: FastifyReply,
  spec: ListExport<T>,
  filters: Record<string, unknown>,
  rows: T[],
) {
  const actor = actorOf(req);
  await audit.recordBy(db, actor, requestContext(req), {
    action: spec.action,
    entityType: spec.entityType,
    detail: { list: spec.sheet, filters, rows: rows.length },
  });
  const day = new Date().toISOString().slice(0, 10);
  return sendWorkbook(reply, {
    fileName: `${spec.fileName}-${day}.xlsx`,
    asciiFileName: `${spec.asciiFileName}-${day}.xlsx`,
    rows: rows.length,
    stream: streamWorkbook(
      spec.sheet,
      spec.columns.map(([h, w]) => [h, w]),
      (async function* () {
        for (let i = 0; i < rows.length; i += 1000)
          yield rows.slice(i, i + 1000).map((r) => spec.columns.map(([, , cell]) => cell(r)));
      })(),
    ),
  });
}

/** An ISO instant as Shanghai local time `YYYY-MM-DD HH:mm`, or '' for none. */
export function shanghaiTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A module's routes and its export routes registered as one plugin. */
export function joinRoutes(...plugins: Array<(app: FastifyInstance) => Promise<void>>) {
  return async (app: FastifyInstance) => {
    for (const p of plugins) await p(app);
  };
}
