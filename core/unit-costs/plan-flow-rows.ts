import { asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database.ts';
import { applications, planFlows } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';

/**
 * The exchange-plan flows a budget is computed from, with their application, the two organisations'
 * names and countries, in a stable order (application title and id, round, creation, id). `where` narrows
 * it (one application, or a programme's open applications) and may use `applications`, `calls` and
 * `planFlows`. The one reader of flows for budgets: an application's page and a publication's preview.
 */
export async function planFlowRows(db: Database, where: SQL | undefined) {
  const sending = alias(organisations, 'sending');
  const host = alias(organisations, 'host');
  return db
    .select({
      applicationId: applications.id,
      title: applications.title,
      status: applications.status,
      coordinatorOrganisationId: applications.coordinatorOrganisationId,
      programmeId: calls.programmeId,
      flowId: planFlows.id,
      round: planFlows.round,
      startMonth: planFlows.startMonth,
      sendingOrganisationId: planFlows.sendingOrganisationId,
      hostOrganisationId: planFlows.hostOrganisationId,
      sendingCountryCode: sending.countryCode,
      hostCountryCode: host.countryCode,
      sendingName: sending.legalName,
      hostName: host.legalName,
      participants: planFlows.participants,
      months: planFlows.months,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(planFlows, eq(planFlows.applicationId, applications.id))
    .innerJoin(sending, eq(sending.id, planFlows.sendingOrganisationId))
    .innerJoin(host, eq(host.id, planFlows.hostOrganisationId))
    .where(where)
    .orderBy(asc(applications.title), asc(applications.id), asc(planFlows.round), asc(planFlows.createdAt), asc(planFlows.id));
}
