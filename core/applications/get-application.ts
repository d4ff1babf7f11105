import { and, eq, getTableColumns, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { preparedPerHandle } from '../../db/prepared-per-handle.ts';
import { applicationAttachments, applicationGoals, applicationPartners, applicationRemarks, applications, goalIndicators, planFlows } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { fromJsonRows, jsonList } from '../../db/json-rows.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { applicationScope, isSharedApplicationScope } from './application-scope.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { EDITABLE_STATUSES } from './editable-application.ts';
import { partnershipContinuationProblem } from './partnership-continuation.ts';

/** The lists read with an application, each column under its name (db/json-rows.ts). */
const partnerColumns = {
  organisationId: applicationPartners.organisationId,
  isCoordinator: applicationPartners.isCoordinator,
  confirmedAt: applicationPartners.confirmedAt,
  legalName: organisations.legalName,
  countryCode: organisations.countryCode,
  city: organisations.city,
};
const criterionColumns = getTableColumns(callCriteria);
const goalColumns = getTableColumns(applicationGoals);
const indicatorColumns = getTableColumns(goalIndicators);
const flowColumns = getTableColumns(planFlows);
const attachmentColumns = { id: applicationAttachments.id, fileName: applicationAttachments.fileName, sizeBytes: applicationAttachments.sizeBytes, createdAt: applicationAttachments.createdAt };
const remarkColumns = getTableColumns(applicationRemarks);

/**
 * The application with its call, programme, the call's criteria and each of its lists, in one
 * statement (the lists were five queries more: half the application page's round trips), inside the
 * actor's scope (as findReadableApplication decides: a guessed id from elsewhere is not found).
 */
function headQuery(db: Database, scope: SQL | undefined, id: string | Placeholder) {
  return db
    .select({
      application: applications,
      call: calls,
      programme: programmes,
      criteria: jsonList(criterionColumns, { from: sql`from ${callCriteria} where ${callCriteria.callId} = ${calls.id}`, orderBy: sql`${callCriteria.position}` }),
      partners: jsonList(partnerColumns, { from: sql`from ${applicationPartners} inner join ${organisations} on ${organisations.id} = ${applicationPartners.organisationId} where ${applicationPartners.applicationId} = ${applications.id}`, orderBy: sql`${applicationPartners.position}` }),
      goals: jsonList(goalColumns, { from: sql`from ${applicationGoals} where ${applicationGoals.applicationId} = ${applications.id}`, orderBy: sql`${applicationGoals.position}, ${applicationGoals.id}` }),
      indicators: jsonList(indicatorColumns, { from: sql`from ${goalIndicators} inner join ${applicationGoals} on ${applicationGoals.id} = ${goalIndicators.goalId} where ${applicationGoals.applicationId} = ${applications.id}`, orderBy: sql`${goalIndicators.position}` }),
      flows: jsonList(flowColumns, { from: sql`from ${planFlows} where ${planFlows.applicationId} = ${applications.id}`, orderBy: sql`${planFlows.round}, ${planFlows.createdAt}` }),
      attachments: jsonList(attachmentColumns, { from: sql`from ${applicationAttachments} where ${applicationAttachments.applicationId} = ${applications.id}`, orderBy: sql`${applicationAttachments.createdAt}` }),
      remarks: jsonList(remarkColumns, { from: sql`from ${applicationRemarks} where ${applicationRemarks.applicationId} = ${applications.id} and ${applicationRemarks.resolvedAt} is null`, orderBy: sql`${applicationRemarks.createdAt}` }),
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(applications.id, id), scope));
}

/** The head query for the agency's two scopes (everything; everything sent), prepared once per handle and scope. */
function preparedHead(db: Database, scope: SQL | undefined) {
  return preparedPerHandle(db, scope ? 'application_head_sent' : 'application_head_all', (name) => headQuery(db, scope, sql.placeholder('id')).prepare(name));
}

/**
 * Everything the application form and its overview show: the call and programme rules, partners with
 * their confirmation, goals with indicators, the plan, attachments (without content) and open remarks.
 */
export async function getApplication(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  requirePermission(ctx.actor, 'application:read');
  const scope = applicationScope(ctx.actor);
  if (scope === null || !isRecordId(id)) throw new NotFoundError('application');
  // The agency's scope is the same for everyone in it: its statement is built once per handle. Partner
  // staff's names their organisations, so it is built for each request.
  const agencyWide = isSharedApplicationScope(ctx.actor);
  const [head] = agencyWide ? await preparedHead(ctx.db, scope).execute({ id }) : await headQuery(ctx.db, scope, id);
  if (!head) throw new NotFoundError('application');
  const { application, call, programme } = head;
  const criteria = fromJsonRows(criterionColumns, head.criteria);
  const partners = fromJsonRows(partnerColumns, head.partners);
  const flows = fromJsonRows(flowColumns, head.flows);
  const attachments = fromJsonRows(attachmentColumns, head.attachments);
  const remarks = fromJsonRows(remarkColumns, head.remarks);
  const goals = fromJsonRows(goalColumns, head.goals);
  const indicators = fromJsonRows(indicatorColumns, head.indicators);
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
