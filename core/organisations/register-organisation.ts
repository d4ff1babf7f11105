import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findSimilarOrganisations } from './find-similar-organisations.ts';
import type { OrganisationInput } from './organisation-input.ts';

export type RegisterResult =
  | { kind: 'registered'; id: string }
  /** Nothing saved: names like these exist in that country. Saving again with `notADuplicate` goes ahead. */
  | { kind: 'similar'; similar: { id: string; legalName: string; city: string }[] };

/** Registers a partner organisation (agency staff), after warning about likely duplicates. */
export async function registerOrganisation(
  ctx: CoreContext,
  input: OrganisationInput,
  { notADuplicate = false }: { notADuplicate?: boolean } = {},
): Promise<RegisterResult> {
  requirePermission(ctx.actor, 'organisation:create');
  if (!notADuplicate) {
    const similar = await findSimilarOrganisations(ctx, input);
    if (similar.length > 0) return { kind: 'similar', similar: similar.map(({ id, legalName, city }) => ({ id, legalName, city })) };
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(organisations).values(input).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'organisation.registered', recordType: 'organisation', recordId: row!.id, after: { ...input } });
    return { kind: 'registered', id: row!.id };
  });
}
