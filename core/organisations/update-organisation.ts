import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import { isRecordId } from '../records/record-id.ts';
import type { OrganisationInput } from './organisation-input.ts';
import { placeOf, placeOfCity } from './organisation-place.ts';

type Row = typeof organisations.$inferSelect;

/** An edit that leaves the city and country as they were, and chooses no place, keeps the place matched before. */
const keepsItsPlace = (row: Row, { city, countryCode, cityId }: Pick<OrganisationInput, 'city' | 'countryCode' | 'cityId'>) =>
  cityId == null && row.cityId !== null && row.city === city && row.countryCode === countryCode;

/**
 * Saves an edit, if nobody else saved the organisation since the editor loaded it: `version`
 * is the version they saw. A stale save is refused (409) and changes nothing, so no edit is lost silently.
 * A changed city (or country), or one not matched yet, is matched to a place again (`placeOfCity`).
 */
export async function updateOrganisation(ctx: CoreContext, { organisationId: id, version, ...input }: OrganisationInput & { organisationId: string; version: string }) {
  requirePermission(ctx.actor, 'organisation:update', { organisationId: id });
  if (!isRecordId(id)) throw new NotFoundError('organisation');
  const [current] = await ctx.db
    .select({ ...getTableColumns(organisations), fresh: sql<boolean>`${isVersion(organisations.updatedAt, version)}` })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!current) throw new NotFoundError('organisation');
  // Stale before anything else: what this person typed was based on a version that is gone.
  if (!current.fresh) throw new DomainError('staleEdit', { status: 409 });
  const { cityId, ...fields } = input;
  const place = keepsItsPlace(current, input) ? placeOf(current) : placeOfCity({ countryCode: fields.countryCode, city: fields.city, cityId });
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!before) throw new NotFoundError('organisation');
    const [after] = await tx
      .update(organisations)
      .set({ ...fields, ...place, updatedAt: new Date() })
      .where(and(eq(organisations.id, id), isVersion(organisations.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409 });
    const { updatedAt: _b, createdAt: _c, ...beforeFields } = before;
    const { updatedAt: _a, createdAt: _d, ...afterFields } = after;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'organisation.updated', recordType: 'organisation', recordId: id, before: beforeFields, after: afterFields });
  });
}
