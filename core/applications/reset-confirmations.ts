import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners } from '../../db/schema/applications.ts';

/**
 * A partner confirms the exchange as it stood: who takes part and who goes where. When the coordinator
 * changes either, the other partners' confirmations no longer hold and are asked for again.
 * Returns how many were withdrawn (for the audit entry of the change that caused it).
 */
export async function resetConfirmations(tx: Database, applicationId: string): Promise<number> {
  const reset = await tx
    .update(applicationPartners)
    .set({ confirmedAt: null, confirmedBy: null })
    .where(and(eq(applicationPartners.applicationId, applicationId), eq(applicationPartners.isCoordinator, false), isNotNull(applicationPartners.confirmedAt)))
    .returning({ organisationId: applicationPartners.organisationId });
  return reset.length;
}
