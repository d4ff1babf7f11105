import { and, eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import type { OrganisationInput } from './organisation-input.ts';

/**
 * Saves an edit, if nobody else saved the organisation since the editor loaded it: `version`
 * is the version they saw. A stale save is refused (409) and changes nothing, so no edit is lost silently.
 */
export async function updateOrganisation(ctx: CoreContext, { organisationId: id, version, ...input }: OrganisationInput & { organisationId: string; version: string }) {
  requirePermission(ctx.actor, 'organisation:update', { organisationId: id });
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!before) throw new NotFoundError('organisation');
    const [after] = await tx
      .update(organisations)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(organisations.id, id), isVersion(organisations.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409 });
    const { updatedAt: _b, createdAt: _c, ...beforeFields } = before;
    const { updatedAt: _a, createdAt: _d, ...afterFields } = after;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'organisation.updated', recordType: 'organisation', recordId: id, before: beforeFields, after: afterFields });
  });
}
