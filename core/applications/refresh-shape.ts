import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { deriveShape } from '../partnerships/derive-shape.ts';

/** Re-derives the stored shape from the partners' countries after the partners changed. */
export async function refreshShape(tx: Database, applicationId: string) {
  const rows = await tx
    .select({ country: organisations.countryCode })
    .from(applicationPartners)
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .where(eq(applicationPartners.applicationId, applicationId))
    .orderBy(asc(applicationPartners.position));
  await tx
    .update(applications)
    .set({ shape: deriveShape(rows.map((r) => r.country)), updatedAt: new Date() })
    .where(eq(applications.id, applicationId));
}
