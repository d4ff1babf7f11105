import { and, asc, eq, inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';

/** Partnerships the public may see: running or finished, never drafts or applications. */
const publicStatuses = ['active', 'closing', 'closed'];

/** An organisation's public page: who and where, and its public partnerships. No contacts. */
export async function getOrganisation(ctx: CoreContext, { organisationId: id }: { organisationId: string }) {
  if (!isRecordId(id)) throw new NotFoundError('organisation');
  const [organisation] = await ctx.db.select().from(organisations).where(eq(organisations.id, id));
  if (!organisation) throw new NotFoundError('organisation');
  const ships = await ctx.db
    .select({ id: partnerships.id, title: partnerships.title, shape: partnerships.shape, status: partnerships.status, startsOn: partnerships.startsOn, endsOn: partnerships.endsOn })
    .from(partnerships)
    .innerJoin(partnershipPartners, eq(partnershipPartners.partnershipId, partnerships.id))
    .where(and(eq(partnershipPartners.organisationId, id), inArray(partnerships.status, publicStatuses)))
    .orderBy(asc(partnerships.title));
  return { organisation, partnerships: ships };
}
