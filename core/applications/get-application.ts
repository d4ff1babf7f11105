import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { applicationAttachments, applicationGoals, applicationPartners, applicationRemarks, applications, goalIndicators, planFlows } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { applicationScope } from './application-scope.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { EDITABLE_STATUSES } from './editable-application.ts';
import { partnershipContinuationProblem } from './partnership-continuation.ts';

type CallCriterion = typeof callCriteria.$inferSelect;

/**
 * Everything the application form and its overview show: the call and programme rules, partners with
 * their confirmation, goals with indicators, the plan, attachments (without content) and open remarks.
 */
export async function getApplication(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  // The application the actor may read (as findReadableApplication decides: the scope inside the
  // query, a guessed id from elsewhere not found) with its call, programme and the call's criteria, in one query.
  requirePermission(ctx.actor, 'application:read');
  const scope = applicationScope(ctx.actor);
  if (scope === null || !isRecordId(id)) throw new NotFoundError('application');
  const [head] = await ctx.db
    .select({
      application: applications,
      call: calls,
      programme: programmes,
      criteria: sql<CallCriterion[]>`coalesce((select json_agg(json_build_object('id', ${callCriteria.id}, 'callId', ${callCriteria.callId}, 'name', ${callCriteria.name}, 'weight', ${callCriteria.weight}, 'position', ${callCriteria.position}) order by ${callCriteria.position}) from ${callCriteria} where ${callCriteria.callId} = ${calls.id}), '[]')`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(applications.id, id), scope));
  if (!head) throw new NotFoundError('application');
  const { application, call, programme, criteria } = head;
  const [partners, goalRows, flows, attachments, remarks] = await Promise.all([
    ctx.db
      .select({
        organisationId: applicationPartners.organisationId,
        isCoordinator: applicationPartners.isCoordinator,
        confirmedAt: applicationPartners.confirmedAt,
        legalName: organisations.legalName,
        countryCode: organisations.countryCode,
        city: organisations.city,
      })
      .from(applicationPartners)
      .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
      .where(eq(applicationPartners.applicationId, id))
      .orderBy(asc(applicationPartners.position)),
    // Goals with their indicators in one query (a goal without any comes once, with null).
    ctx.db
      .select({ goal: applicationGoals, indicator: goalIndicators })
      .from(applicationGoals)
      .leftJoin(goalIndicators, eq(goalIndicators.goalId, applicationGoals.id))
      .where(eq(applicationGoals.applicationId, id))
      .orderBy(asc(applicationGoals.position), asc(applicationGoals.id), asc(goalIndicators.position)),
    ctx.db.select().from(planFlows).where(eq(planFlows.applicationId, id)).orderBy(asc(planFlows.round), asc(planFlows.createdAt)),
    ctx.db
      .select({ id: applicationAttachments.id, fileName: applicationAttachments.fileName, sizeBytes: applicationAttachments.sizeBytes, createdAt: applicationAttachments.createdAt })
      .from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, id))
      .orderBy(asc(applicationAttachments.createdAt)),
    ctx.db
      .select()
      .from(applicationRemarks)
      .where(and(eq(applicationRemarks.applicationId, id), isNull(applicationRemarks.resolvedAt)))
      .orderBy(asc(applicationRemarks.createdAt)),
  ]);
  const goals = [...new Map(goalRows.map((r) => [r.goal.id, r.goal])).values()];
  const indicators = goalRows.flatMap((r) => (r.indicator ? [r.indicator] : []));
  const actor = ctx.actor;
  const open = EDITABLE_STATUSES.includes(application.status);
  const editsAll = open && can(actor, 'application:edit', { organisationId: application.coordinatorOrganisationId });
  return {
    application,
    call,
    programme,
    criteria,
    partners,
    goals: goals.map((g) => ({ ...g, indicators: indicators.filter((i) => i.goalId === g.id) })),
    flows,
    attachments,
    remarks,
    /** Whether this actor may change it (the UI shows the forms; core checks again on save). */
    canEdit: editsAll,
    /**
     * Whose goals this actor may change: the coordinating partner's coordinators every goal ("shared"
     * and each partner's), another partner's coordinators that partner's own (docs/decisions/006, addendum).
     */
    canEditGoalsOf: open ? (editsAll ? ['shared', ...partners.map((p) => p.organisationId)] : partners.filter((p) => can(actor, 'application:edit', { organisationId: p.organisationId })).map((p) => p.organisationId)) : [],
    /** For a follow-up still being written: why the agreement chain no longer lets it continue its partnership, or null. */
    chainProblem: open && application.partnershipId ? await partnershipContinuationProblem(ctx.db, application.partnershipId, call, ctx.now()) : null,
    /** Partner organisations this actor may confirm for. */
    canConfirmFor: open
      ? partners.filter((p) => !p.confirmedAt && can(actor, 'application:confirm', { organisationId: p.organisationId })).map((p) => p.organisationId)
      : [],
  };
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplication>>;
