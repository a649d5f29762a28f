// Schemas every area's routes and queries share: ids and paging. zod only, so server and web both use them.
import { z } from 'zod';

/** An id in a path, query or body. */
export const uuid = z.string().uuid('invalid.id');

/** The params of a route about one thing: `/…/:id`. */
export const idParam = z.object({ id: uuid });

/** A list query's page fields, to spread into its z.object: pages count from 1, at most 200 rows a page. */
export function paging(defaultPageSize: number) {
  return {
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(defaultPageSize),
  };
}

/** A page of a list, as every paged route answers it. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of rows already in memory (a list computed whole, then sent a page at a time). */
export function pageOfRows<T>(rows: T[], page: number, pageSize: number): Page<T> {
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}
