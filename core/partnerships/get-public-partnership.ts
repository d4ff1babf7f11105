import { and, desc, eq, inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { PUBLIC_STATUSES } from './list-public-partnerships.ts';
import { publicPartnershipColumns } from './public-partnership-columns.ts';
import { isRecordId } from '../records/record-id.ts';

/** A partnership's public page: partners, countries, shape, sector, period. A draft is "not found". */
export async function getPublicPartnership(ctx: CoreContext, { partnershipId: id }: { partnershipId: string }) {
  if (!isRecordId(id)) throw new NotFoundError('partnership');
  const [row] = await ctx.db
    .select(publicPartnershipColumns)
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(and(eq(partnerships.id, id), inArray(partnerships.status, [...PUBLIC_STATUSES])));
  if (!row) throw new NotFoundError('partnership');
  const partners = await ctx.db
    .select({ id: organisations.id, name: organisations.legalName, countryCode: organisations.countryCode, city: organisations.city, coordinator: partnershipPartners.isCoordinator })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(eq(partnershipPartners.partnershipId, id))
    .orderBy(desc(partnershipPartners.isCoordinator), organisations.legalName);
  return { ...row, partners };
}
