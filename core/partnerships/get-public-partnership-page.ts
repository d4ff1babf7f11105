import { sharedRead } from '../../db/shared-read-cache.ts';
import { coreContext, type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { visitor } from '../identity/actor.ts';
import { isRecordId } from '../records/record-id.ts';
import { getPartnershipResults } from '../results/get-partnership-results.ts';
import { listPublishedLessons } from '../results/list-published-lessons.ts';
import { getPartnershipChain } from './get-partnership-chain.ts';
import { getPublicPartnership } from './get-public-partnership.ts';

/**
 * What a public partnership's page shows everyone alike: the partnership with its partners, its agreement
 * chain with plan and actual exchanges, its results and the lessons its partners published. Read as a
 * visitor whoever asks (nothing of the actor's can enter it), so the answer is the same for all and is
 * kept between writes on the server's handle (db/shared-read-cache.ts): any write ends it, and it is read
 * again at most a minute later anyway. What depends on who asks (the history, the nomination and payment
 * links, the people counts that the agency sees with imbalances) the page reads beside it, per request.
 * Nine queries when read; none while kept. A draft or an unknown id is "not found" (never kept).
 */
export function getPublicPartnershipPage(ctx: CoreContext, { partnershipId }: { partnershipId: string }) {
  if (!isRecordId(partnershipId)) return Promise.reject(new NotFoundError('partnership'));
  return sharedRead(ctx.db, `public-partnership-page:${partnershipId}`, () => readPage(coreContext({ db: ctx.db, actor: visitor, now: ctx.now, files: ctx.files }), partnershipId));
}

async function readPage(ctx: CoreContext, partnershipId: string) {
  const partnership = await getPublicPartnership(ctx, { partnershipId });
  const [chain, results, lessons] = await Promise.all([
    getPartnershipChain(ctx, { partnershipId, publicPartners: partnership.partners }),
    getPartnershipResults(ctx, { partnershipId }),
    listPublishedLessons(ctx, { partnershipId }),
  ]);
  return { partnership, chain, results, lessons };
}
export type PublicPartnershipPage = Awaited<ReturnType<typeof getPublicPartnershipPage>>;
