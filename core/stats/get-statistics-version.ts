import type { CoreContext } from '../context.ts';
import { flowCountsInMemory } from './flow-counts-in-memory.ts';

/**
 * Which state of the counts the statistics are at: a number that moves on whenever a count changes, written
 * by this server or any other (the generation of the copy in memory, brought up to date by the call). Public,
 * as the statistics are. What is made from the statistics may be kept while it stays the same.
 */
export async function getStatisticsVersion(ctx: CoreContext): Promise<number> {
  return (await flowCountsInMemory(ctx.db)).generation;
}
