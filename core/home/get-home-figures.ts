import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';
import { getHeadlineFigures, type HeadlineFigures } from '../stats/get-headline-figures.ts';

/**
 * The home page's headline figures (core/stats/get-headline-figures.ts), kept between writes like the
 * agency in the header (db/shared-read-cache.ts): the same public counts for everyone, counted over four
 * whole tables, so the most visited page does not scan the participants on every visit. Any write
 * (every one runs in a transaction) drops them, and they are read again at most a minute later anyway.
 */
export function getHomeFigures(ctx: CoreContext): Promise<HeadlineFigures> {
  return sharedRead(ctx.db, 'home-headline-figures', () => getHeadlineFigures(ctx));
}
