import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { agency } from '../../../db/schema/agency.ts';
import { applicationGoals, applications, goalIndicators } from '../../../db/schema/applications.ts';
import { stageTranches } from '../../../db/schema/disbursements.ts';
import { ledgerEntries } from '../../../db/schema/ledger.ts';
import { organisations } from '../../../db/schema/organisations.ts';
import { partnershipStages } from '../../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../../db/schema/partnerships.ts';
import type { Database } from '../../../db/database.ts';
import { ledgerAccount } from '../../finance/ledger-accounts.ts';
import { acceptedActuals } from '../../results/accepted-actuals.ts';
import { PUBLIC_STATUSES } from '../../partnerships/list-public-partnerships.ts';
import type { ActivityFacts } from './build-iati-activity.ts';

/** Partnerships per page: the export holds one page's facts at a time, whatever the number of partnerships. */
export const IATI_PAGE_SIZE = 100;

const kindOrder = sql`case ${partnershipStages.kind} when 'feasibility' then 0 when 'agreement' then 1 else 2 end`;

/** The agency's name and id (the reporting organisation); null before the agency row exists. */
export async function loadPublisherAgency(db: Database) {
  const [row] = await db.select({ id: agency.id, name: agency.name }).from(agency).limit(1);
  return row ?? null;
}

/**
 * One keyset page of approved partnerships (active, closing, closed) after `after` in id order, with
 * everything the IATI activity needs, in seven queries whatever the page size. With `year`, only partnerships
 * active in that year: their own period or one of their stages' overlaps it.
 */
export async function loadIatiActivityFacts(db: Database, { after, year, limit = IATI_PAGE_SIZE }: { after?: string; year?: number; limit?: number }): Promise<{ facts: ActivityFacts[]; next: string | null }> {
  const yearStart = year ? `${year}-01-01` : undefined;
  const yearEnd = year ? `${year}-12-31` : undefined;
  const inYear =
    yearStart && yearEnd
      ? or(
          and(lte(partnerships.startsOn, yearEnd), or(isNull(partnerships.endsOn), gte(partnerships.endsOn, yearStart))),
          sql`exists (select 1 from ${partnershipStages} s where s.partnership_id = ${partnerships.id} and s.starts_on <= ${yearEnd} and s.ends_on >= ${yearStart})`,
        )
      : undefined;
  const rows = await db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      status: partnerships.status,
      sectorCode: partnerships.sectorCode,
      sdgGoals: partnerships.sdgGoals,
      startsOn: partnerships.startsOn,
      endsOn: partnerships.endsOn,
      updatedAt: partnerships.updatedAt,
    })
    .from(partnerships)
    .where(and(inArray(partnerships.status, [...PUBLIC_STATUSES]), after ? gt(partnerships.id, after) : undefined, inYear))
    .orderBy(asc(partnerships.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? page[page.length - 1]!.id : null;
  if (page.length === 0) return { facts: [], next: null };
  const ids = page.map((p) => p.id);

  const [partnerRows, stageRows] = await Promise.all([
    db
      .select({
        partnershipId: partnershipPartners.partnershipId,
        id: organisations.id,
        name: organisations.legalName,
        countryCode: organisations.countryCode,
        organisationType: organisations.organisationType,
        registrationScheme: organisations.registrationScheme,
        registrationNumber: organisations.registrationNumber,
        isCoordinator: partnershipPartners.isCoordinator,
      })
      .from(partnershipPartners)
      .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
      .where(inArray(partnershipPartners.partnershipId, ids))
      .orderBy(sql`${partnershipPartners.isCoordinator} desc`, asc(organisations.legalName)),
    db
      .select({
        partnershipId: partnershipStages.partnershipId,
        id: partnershipStages.id,
        applicationId: partnershipStages.applicationId,
        kind: partnershipStages.kind,
        roundNumber: partnershipStages.roundNumber,
        startsOn: partnershipStages.startsOn,
        endsOn: partnershipStages.endsOn,
        amountCeilingMinor: partnershipStages.amountCeilingMinor,
        currency: partnershipStages.currency,
      })
      .from(partnershipStages)
      .where(inArray(partnershipStages.partnershipId, ids))
      .orderBy(kindOrder, asc(partnershipStages.roundNumber), asc(partnershipStages.startsOn)),
  ]);
  const applicationIds = stageRows.map((s) => s.applicationId);
  const accounts = stageRows.map((s) => ledgerAccount.stage(s.id));
  const [applicationRows, goalRows, indicatorRows, ledgerRows, actualRows] = applicationIds.length
    ? await Promise.all([
        db
          .select({ id: applications.id, summary: applications.summary, sectorCode: applications.sectorCode, sdgGoals: applications.sdgGoals, sdgTargets: applications.sdgTargets, markers: applications.markers, updatedAt: applications.updatedAt })
          .from(applications)
          .where(inArray(applications.id, applicationIds)),
        db
          .select({ id: applicationGoals.id, applicationId: applicationGoals.applicationId, organisationId: applicationGoals.organisationId, description: applicationGoals.description })
          .from(applicationGoals)
          .where(inArray(applicationGoals.applicationId, applicationIds))
          .orderBy(sql`${applicationGoals.organisationId} is not null`, asc(applicationGoals.position), asc(applicationGoals.id)),
        db
          .select({ id: goalIndicators.id, goalId: goalIndicators.goalId, seriesId: goalIndicators.seriesId, description: goalIndicators.description, baseline: goalIndicators.baseline, target: goalIndicators.target })
          .from(goalIndicators)
          .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
          .where(inArray(applicationGoals.applicationId, applicationIds))
          .orderBy(asc(goalIndicators.position), asc(goalIndicators.id)),
        db
          .select({ id: ledgerEntries.id, kind: ledgerEntries.kind, amountMinor: ledgerEntries.amountMinor, currency: ledgerEntries.currency, fromAccount: ledgerEntries.fromAccount, toAccount: ledgerEntries.toAccount, postedAt: ledgerEntries.postedAt, paidOn: stageTranches.paidOn })
          .from(ledgerEntries)
          // A tranche's payment is dated by the day it was paid, not the day it was entered.
          .leftJoin(stageTranches, eq(stageTranches.ledgerEntryId, ledgerEntries.id))
          .where(or(inArray(ledgerEntries.toAccount, accounts), inArray(ledgerEntries.fromAccount, accounts)))
          .orderBy(asc(ledgerEntries.seq)),
        acceptedActuals(db, { partnershipIds: ids }),
      ])
    : [[], [], [], [], []];

  const stageOfAccount = new Map(stageRows.map((s) => [ledgerAccount.stage(s.id), s.partnershipId]));
  const partnersOf = groupBy(partnerRows, (r) => r.partnershipId);
  const stagesOf = groupBy(stageRows, (s) => s.partnershipId);
  const applicationById = new Map(applicationRows.map((a) => [a.id, a]));
  const goalsOf = groupBy(goalRows, (g) => g.applicationId);
  const indicatorsOf = groupBy(indicatorRows, (i) => i.goalId);
  const actualsOf = groupBy(actualRows, (a) => a.partnershipId);
  const ledgerOf = groupBy(ledgerRows, (e) => stageOfAccount.get(e.toAccount) ?? stageOfAccount.get(e.fromAccount) ?? '');
  const facts = page.map((partnership): ActivityFacts => {
    const stages = (stagesOf.get(partnership.id) ?? []).map(({ partnershipId: _, ...s }) => s);
    return {
      partnership,
      partners: (partnersOf.get(partnership.id) ?? []).map(({ partnershipId: _, ...r }) => r),
      stages,
      applications: stages.flatMap((s) => applicationById.get(s.applicationId) ?? []),
      goals: stages.flatMap((s) => goalsOf.get(s.applicationId) ?? []).map((g) => ({ ...g, indicators: (indicatorsOf.get(g.id) ?? []).map(({ goalId: _, ...i }) => i) })),
      actuals: (actualsOf.get(partnership.id) ?? []).map((a) => ({ seriesId: a.seriesId, start: a.periodStart, end: a.periodEnd, value: a.value, women: a.women, men: a.men, other: a.other, valueText: a.valueText })),
      ledger: ledgerOf.get(partnership.id) ?? [],
    };
  });
  return { facts, next };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
