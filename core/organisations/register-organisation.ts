import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findSimilarOrganisations } from './find-similar-organisations.ts';
import type { OrganisationInput } from './organisation-input.ts';
import { placeOfCity } from './organisation-place.ts';

export type RegisterResult =
  | { kind: 'registered'; id: string }
  /** Nothing saved: names like these exist in that country. Saving again with `notADuplicate` goes ahead. */
  | { kind: 'similar'; similar: { id: string; legalName: string; city: string }[] };

/**
 * Registers a partner organisation (agency staff), with its city matched to a place in the cities list
 * (refused while it cannot be: `placeOfCity`), after warning about likely duplicates.
 */
export async function registerOrganisation(
  ctx: CoreContext,
  input: OrganisationInput,
  { notADuplicate = false }: { notADuplicate?: boolean } = {},
): Promise<RegisterResult> {
  requirePermission(ctx.actor, 'organisation:create');
  const { cityId, ...fields } = input;
  const place = placeOfCity({ countryCode: fields.countryCode, city: fields.city, cityId });
  if (!notADuplicate) {
    const similar = await findSimilarOrganisations(ctx, fields);
    if (similar.length > 0) return { kind: 'similar', similar: similar.map(({ id, legalName, city }) => ({ id, legalName, city })) };
  }
  return ctx.db.transaction(async (tx) => {
    const values = { ...fields, ...place };
    const [row] = await tx.insert(organisations).values(values).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'organisation.registered', recordType: 'organisation', recordId: row!.id, after: values });
    return { kind: 'registered', id: row!.id };
  });
}
