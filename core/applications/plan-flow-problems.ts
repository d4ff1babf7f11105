import { eq } from 'drizzle-orm';
import { applicationPartners } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { Database } from '../../db/database.ts';
import type { FieldProblem } from '../errors.ts';
import { flowStartWindow } from './stage-period.ts';
import type { PlanFlowInput } from './plan-flow-input.ts';

/**
 * Every problem with one line of the plan, each with its field, for whichever of its values are given:
 * both ends partners of the application and not the same one, a length of stay the programme allows,
 * and a start month within the periods the call can fund (`flowStartWindow`: the application has no
 * period of its own before approval). Messages name the partner and the months allowed.
 */
export async function flowProblems(db: Database, application: { callId: string; id: string }, input: Partial<PlanFlowInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const partners = await db
    .select({ id: organisations.id, name: organisations.legalName })
    .from(applicationPartners)
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .where(eq(applicationPartners.applicationId, application.id));
  const name = new Map(partners.map((p) => [p.id, p.name]));
  const { sendingOrganisationId: sending, hostOrganisationId: host } = input;
  if (sending !== undefined && !name.has(sending)) problems.push({ field: 'sendingOrganisationId', code: 'choosePartner' });
  if (host !== undefined && !name.has(host)) problems.push({ field: 'hostOrganisationId', code: 'choosePartner' });
  if (sending !== undefined && sending === host && name.has(sending)) problems.push({ field: 'hostOrganisationId', code: 'selfFlow', params: { partner: name.get(sending)! } });

  const [rules] = await db
    .select({ stayMonths: programmes.stayMonths, name: programmes.name, opensOn: calls.opensOn, deadline: calls.deadline, stage: calls.stage })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, application.callId));
  const allowed = [...(rules?.stayMonths ?? [])].sort((a, b) => a - b);
  if (input.months !== undefined && !allowed.includes(input.months)) {
    problems.push({ field: 'months', code: 'monthsNotAllowed', params: { months: input.months, allowed: allowed.join(', '), programme: rules?.name ?? '' } });
  }
  if (input.startMonth !== undefined && rules) {
    const { first, last } = flowStartWindow(rules);
    if (input.startMonth < first || input.startMonth > last) problems.push({ field: 'startMonth', code: 'startMonthOutsideCall', params: { first, last } });
  }
  return problems;
}
