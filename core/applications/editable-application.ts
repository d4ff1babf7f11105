import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';

/** Partners may change an application while it is a draft or has been returned to them. */
export const EDITABLE_STATUSES = ['draft', 'returned'];

/**
 * Locks the application row for this transaction and checks that the actor coordinates it and that
 * it is still open for changes. Every edit of an application starts here. `ownedBy` names the partner
 * a part belongs to (its goals): that partner's coordinators may change it too (docs/decisions/006).
 */
export async function lockEditableApplication(ctx: CoreContext, tx: Database, id: string, version?: string, { ownedBy }: { ownedBy?: string | null } = {}) {
  const readable = await findReadableApplication({ ...ctx, db: tx }, id);
  const actor = ctx.actor;
  if (!(ownedBy && can(actor, 'application:edit', { organisationId: ownedBy }) && (await isPartner(tx, id, ownedBy)))) {
    requirePermission(actor, 'application:edit', { organisationId: readable.coordinatorOrganisationId });
  }
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw new NotFoundError('application');
  if (!EDITABLE_STATUSES.includes(row.status)) throw new DomainError('applicationLocked', { status: 409, params: { status: row.status } });
  // A whole-section save names the version it was loaded from; saved by someone else since → refused.
  if (version !== undefined && row.updatedAt.toISOString() !== versionInstant(version)) throw new DomainError('staleEdit', { status: 409 });
  return row;
}

async function isPartner(tx: Database, id: string, organisationId: string) {
  const [row] = await tx.select({ id: applicationPartners.organisationId }).from(applicationPartners).where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organisationId, organisationId)));
  return Boolean(row);
}

/** Marks the application as changed now (its version for optimistic locking). */
export async function touchApplication(tx: Database, id: string) {
  await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, id));
}

/**
 * The version an editor saw, as an ISO instant for comparison in SQL. A missing or garbled version
 * cannot match any row, so it is treated as stale (409) rather than failing the request.
 */
export function versionInstant(version: string | undefined): string {
  const date = new Date(version ?? '');
  if (Number.isNaN(date.getTime())) throw new DomainError('staleEdit', { status: 409 });
  return date.toISOString();
}
