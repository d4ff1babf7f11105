import { and, eq, exists, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor } from '../identity/actor.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * The applications an actor may read, as a where-clause applied inside every query:
 * - the agency: every application its partners have sent (drafts stay private to the partners);
 * - partner staff: applications naming their organisation as a partner, drafts included.
 * Returns null when the actor sees none.
 */
export function applicationScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return null;
  const organisations = organisationScope(actor, 'application:read');
  if (organisations === null) return ne(applications.status, 'draft');
  if (organisations.length === 0) return null;
  return exists(
    sql`(select 1 from ${applicationPartners} where ${applicationPartners.applicationId} = ${applications.id}
      and ${inArray(applicationPartners.organisationId, organisations)})`,
  );
}

/**
 * Whether the actor's scope is the same for everyone who has it (the agency's, or the system's): statements
 * written with it can be prepared once per handle (db/prepared-per-handle.ts). Partner staff's names their
 * organisations, so theirs are built for each request.
 */
export function isSharedApplicationScope(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && organisationScope(actor, 'application:read') === null);
}

/** One application the actor may read, or NotFound (a guessed id outside the scope looks absent). */
export async function findReadableApplication(ctx: CoreContext, id: string) {
  const actor = ctx.actor;
  requirePermission(actor, 'application:read');
  const scope = applicationScope(actor);
  if (scope === null || !isRecordId(id)) throw new NotFoundError('application');
  const [row] = await ctx.db.select().from(applications).where(and(eq(applications.id, id), scope));
  if (!row) throw new NotFoundError('application');
  return row;
}
