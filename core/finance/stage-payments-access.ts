import { asc, eq } from 'drizzle-orm';
import { applicationPartners } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { can, organisationScope } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { loadStageFacts, type StageFacts } from './tranche-record.ts';

export interface StagePartner {
  id: string;
  name: string;
  isCoordinator: boolean;
}

/**
 * A stage's payments are read by the agency's finance readers and by the staff of the stage's partner
 * organisations; to anyone else the stage does not exist (NotFound, as a guessed id). Returns the stage,
 * its partners, which of them the actor is staff of, and whether the actor reads as the agency.
 */
export async function stagePaymentsAccess(ctx: CoreContext, { partnershipId, stageId }: { partnershipId: string; stageId: string }) {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(partnershipId) || !isRecordId(stageId)) throw new NotFoundError('partnership_stage');
  const facts: StageFacts = await loadStageFacts(ctx.db, stageId);
  if (facts.partnership.id !== partnershipId) throw new NotFoundError('partnership_stage');
  const partners: StagePartner[] = await ctx.db
    .select({ id: organisations.id, name: organisations.legalName, isCoordinator: applicationPartners.isCoordinator })
    .from(applicationPartners)
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .where(eq(applicationPartners.applicationId, facts.stage.applicationId))
    .orderBy(asc(applicationPartners.position));
  const scope = can(ctx.actor, 'stage-payments:read') ? organisationScope(ctx.actor, 'stage-payments:read') : [];
  const agency = scope === null;
  const mine = agency ? [] : partners.filter((p) => scope.includes(p.id)).map((p) => p.id);
  if (!agency && mine.length === 0) throw new NotFoundError('partnership_stage');
  return { facts, partners, agency, mine, isCoordinatorStaff: can(ctx.actor, 'stage-payments:onward', { organisationId: facts.coordinator.id }) };
}
