import { eq } from 'drizzle-orm';
import { deriveShape } from '../../core/partnerships/derive-shape.ts';
import type { Database } from '../database.ts';
import { applicationPartners, applications, planFlows } from '../schema/applications.ts';
import { calls } from '../schema/calls.ts';
import { createCall } from './call-factory.ts';
import { createOrganisation, type OrganisationRow } from './organisation-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type ApplicationRow = typeof applications.$inferSelect;

export interface ApplicationOverrides extends Partial<Omit<typeof applications.$inferInsert, 'coordinatorOrganisationId' | 'shape'>> {
  /** The partners; the first one coordinates. Defaults to a Norwegian and a Malawian organisation. */
  partners?: OrganisationRow[];
  /** Partners that have confirmed (by index); defaults to all. */
  confirmed?: number[];
  /** Flows by partner index. Defaults to a reciprocal plan: each partner sends one person to the next. */
  flows?: FlowSpec[];
}

interface FlowSpec {
  from: number;
  to: number;
  participants?: number;
  months?: number;
  round?: number;
  /** YYYY-MM; defaults to the month after the call's deadline, always within the months the call can fund. */
  startMonth?: string;
}

/** The month after `date` (YYYY-MM-DD), as YYYY-MM. */
function monthAfter(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/** An application with its partners and exchange plan, straight into the database (no rules applied). */
export async function createApplication(db: Database, { partners: given, confirmed, flows, ...overrides }: ApplicationOverrides = {}, seq: Sequence = defaultSequence) {
  const partners = given ?? [await createOrganisation(db, { countryCode: 'NO' }, seq), await createOrganisation(db, { countryCode: 'MW' }, seq)];
  const callId = overrides.callId ?? (await createCall(db, {}, seq)).id;
  const [row] = await db
    .insert(applications)
    .values({
      title: `Exchange between ${partners.map((p) => p.city).join(', ')} ${seq.count()}`,
      summary: 'Health workers learn from each other’s hospitals.',
      sectorCode: '12191',
      sdgGoals: ['3'],
      sdgTargets: ['3.8'],
      emergencyPlan: 'Each host names a contact person; evacuation through the embassy.',
      ...overrides,
      callId,
      coordinatorOrganisationId: partners[0]!.id,
      shape: deriveShape(partners.map((p) => p.countryCode)),
    })
    .returning();
  if (!row) throw new Error('application insert returned nothing');
  const confirmedSet = new Set(confirmed ?? partners.map((_, i) => i));
  // Partners confirm before an application is sent: two days before, for one that has been.
  const confirmedAt = row.submittedAt ? new Date(row.submittedAt.getTime() - 2 * 86_400_000) : new Date();
  await db.insert(applicationPartners).values(
    partners.map((p, i) => ({ applicationId: row.id, organisationId: p.id, isCoordinator: i === 0, position: i, confirmedAt: confirmedSet.has(i) ? confirmedAt : null })),
  );
  const plan: FlowSpec[] = flows ?? partners.map((_, i) => ({ from: i, to: (i + 1) % partners.length }));
  if (plan.length) {
    const [call] = await db.select({ deadline: calls.deadline }).from(calls).where(eq(calls.id, callId));
    await db.insert(planFlows).values(
      plan.map((f) => ({
        applicationId: row.id,
        round: f.round ?? 1,
        sendingOrganisationId: partners[f.from]!.id,
        hostOrganisationId: partners[f.to]!.id,
        participants: f.participants ?? 1,
        months: f.months ?? 12,
        startMonth: f.startMonth ?? monthAfter(call!.deadline),
        competence: 'Intensive care nursing',
        purpose: 'Train colleagues at home after return',
      })),
    );
  }
  return { ...row, partners };
}
