import { inArray, sql } from 'drizzle-orm';
import type { CoreContext } from '../context.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { participants } from '../../db/schema/participants.ts';
import { EXCHANGED_STATUSES } from '../participants/participant-lifecycle.ts';

export interface HeadlineFigures {
  organisations: number;
  partnerships: number;
  countries: number;
  participants: number;
}

/**
 * Public figures for the home page. Counts only, so no permission check: nothing personal leaves.
 * Participants are the people who went on exchange, not nominations or those withdrawn before leaving.
 */
export async function getHeadlineFigures(ctx: CoreContext): Promise<HeadlineFigures> {
  const [row] = await ctx.db
    .select({
      organisations: sql<number>`(select count(*)::int from ${organisations})`,
      countries: sql<number>`(select count(distinct ${organisations.countryCode})::int from ${organisations})`,
      partnerships: sql<number>`(select count(*)::int from ${partnerships})`,
      participants: sql<number>`(select count(*)::int from ${participants} where ${inArray(participants.status, [...EXCHANGED_STATUSES])})`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { organisations: 0, partnerships: 0, countries: 0, participants: 0 };
}
