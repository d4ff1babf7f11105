import { and, eq, isNull } from 'drizzle-orm';
import { applicationRemarks } from '../../db/schema/applications.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { checkApplication, type SubmissionProblem } from './check-application.ts';
import { getApplication } from './get-application.ts';

/** Refused because of the problems listed; the UI and the API show each with its section. */
export class SubmissionRefusedError extends DomainError {
  constructor(readonly problems: SubmissionProblem[]) {
    super('submissionRefused', { status: 422, params: { count: problems.length } });
    this.name = 'SubmissionRefusedError';
  }
}

/** The coordinating partner sends the application to the agency, if nothing stops it. */
export async function submitApplication(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  const now = ctx.now();
  const detail = await getApplication(ctx, { applicationId: id });
  requirePermission(ctx.actor, 'application:edit', { organisationId: detail.application.coordinatorOrganisationId });
  const problems = checkApplication(detail, now);
  if (problems.length > 0) throw new SubmissionRefusedError(problems);
  return changeApplicationStatus(ctx, id, {
    to: 'submitted',
    set: { submittedAt: now },
    // The adviser's remarks were about the version they returned; they are answered by resubmitting.
    after: async (tx) => {
      await tx.update(applicationRemarks).set({ resolvedAt: now }).where(and(eq(applicationRemarks.applicationId, id), isNull(applicationRemarks.resolvedAt)));
    },
  });
}
