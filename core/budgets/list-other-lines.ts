import { and, asc, eq } from 'drizzle-orm';
import { applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { findReadableApplication } from '../applications/application-scope.ts';
import { EDITABLE_STATUSES } from '../applications/editable-application.ts';
import type { CoreContext } from '../context.ts';
import { can } from '../identity/permissions.ts';

/**
 * The partners' other lines of an application, round by round, with each line's version, and what the
 * reader may do: `editable` while the application is a draft or returned, and per partner whether the
 * reader may add and change its lines (its coordinators, and the coordinating partner's). Whoever may
 * read the application.
 */
export async function listOtherLines(ctx: CoreContext, { applicationId, round }: { applicationId: string; round?: number }) {
  const application = await findReadableApplication(ctx, applicationId);
  const [lines, partners, rounds] = await Promise.all([
    ctx.db
      .select()
      .from(budgetOtherLines)
      .where(and(eq(budgetOtherLines.applicationId, application.id), round === undefined ? undefined : eq(budgetOtherLines.round, round)))
      .orderBy(asc(budgetOtherLines.round), asc(budgetOtherLines.createdAt), asc(budgetOtherLines.id)),
    ctx.db
      .select({ organisationId: applicationPartners.organisationId, legalName: organisations.legalName, countryCode: organisations.countryCode })
      .from(applicationPartners)
      .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
      .where(eq(applicationPartners.applicationId, application.id))
      .orderBy(asc(applicationPartners.position)),
    ctx.db.selectDistinct({ round: planFlows.round }).from(planFlows).where(eq(planFlows.applicationId, application.id)).orderBy(asc(planFlows.round)),
  ]);
  const editable = EDITABLE_STATUSES.includes(application.status);
  const coordinates = can(ctx.actor, 'application:edit', { organisationId: application.coordinatorOrganisationId });
  return {
    application: { id: application.id, title: application.title, status: application.status },
    editable,
    rounds: rounds.map((r) => r.round),
    partners: partners.map((p) => ({ ...p, mayEdit: editable && (coordinates || can(ctx.actor, 'application:edit', { organisationId: p.organisationId })) })),
    lines: lines.map((l) => ({ id: l.id, round: l.round, organisationId: l.organisationId, label: l.label, amountMinor: l.amountMinor, currency: l.currency, justification: l.justification, version: l.updatedAt.toISOString() })),
  };
}
