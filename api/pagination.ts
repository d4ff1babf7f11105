import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

/**
 * A page of a keyset-paginated list, as every list endpoint answers it: the items, how many match in
 * all, and `next`, the opaque cursor to pass as `after` for the next page (null on the last page).
 */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().openapi({ description: 'How many match the filters, over all pages.', example: 123 }),
      next: z.string().nullable().openapi({ description: 'Pass as `after` to get the next page; null on the last page.', example: 'WyJCZXJnZW4iLCIzZjEuLi4iXQ' }),
    })
    .openapi(name);
}

/** Adds a Link header (RFC 8288) to the next page, with the same filters; none on the last page. */
export function setNextPageLink(c: Context, next: string | null) {
  if (!next) return;
  const url = new URL(c.req.url);
  url.searchParams.set('after', next);
  c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}
