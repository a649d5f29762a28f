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
