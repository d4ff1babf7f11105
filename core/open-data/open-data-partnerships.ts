import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';
import type { OpenDataRow } from './stream-open-data-rows.ts';

interface Stage {
  kind: string;
  startsOn: string;
  endsOn: string;
  amountCeilingMinor: number;
  currency: string;
}

/**
 * What the agency granted a partnership, in NOK minor units (øre): every feasibility study and round as
 * granted, and of a collaboration agreement (the envelope its rounds are granted from) only what it holds
 * beyond the rounds within its period, so nothing counts twice. Every call is in NOK (core/calls/call-input.ts),
 * so every stage is; a stage in another currency would not be added in (never converted).
 */
export function grantedMinor(stages: readonly Stage[]): number {
  const nok = stages.filter((s) => s.currency === 'NOK');
  const granted = nok.filter((s) => s.kind !== 'agreement');
  let total = granted.reduce((sum, s) => sum + s.amountCeilingMinor, 0);
  for (const agreement of nok.filter((s) => s.kind === 'agreement')) {
    const within = granted.filter((s) => s.startsOn >= agreement.startsOn && s.endsOn <= agreement.endsOn).reduce((sum, s) => sum + s.amountCeilingMinor, 0);
    total += Math.max(0, agreement.amountCeilingMinor - within);
  }
  return total;
}

/**
 * One keyset page (by id) of the public partnerships (running or finished: PUBLIC_STATUSES) with what their
 * public page shows: programme, shape, status, sector, SDGs, countries, partners (the coordinator first),
 * period, and the amount granted (the agreement chain's ceilings, shown on the page). Three queries a page.
 */
export async function loadOpenDataPartnerships(db: Database, { after, limit }: { after?: string; limit: number }) {
  const rows = await db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      programmeCode: programmes.code,
      programme: programmes.name,
      shape: partnerships.shape,
      status: partnerships.status,
      sectorCode: partnerships.sectorCode,
      sdgGoals: partnerships.sdgGoals,
      startsOn: partnerships.startsOn,
      endsOn: partnerships.endsOn,
    })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(and(inArray(partnerships.status, [...PUBLIC_STATUSES]), after ? gt(partnerships.id, after) : undefined))
    .orderBy(asc(partnerships.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const [partners, stages] = ids.length
    ? await Promise.all([
        db
          .select({ partnershipId: partnershipPartners.partnershipId, id: organisations.id, name: organisations.legalName, countryCode: organisations.countryCode, coordinator: partnershipPartners.isCoordinator })
          .from(partnershipPartners)
          .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
          .where(inArray(partnershipPartners.partnershipId, ids))
          .orderBy(asc(partnershipPartners.partnershipId), asc(organisations.legalName), asc(organisations.id)),
        db
          .select({ partnershipId: partnershipStages.partnershipId, kind: partnershipStages.kind, startsOn: partnershipStages.startsOn, endsOn: partnershipStages.endsOn, amountCeilingMinor: partnershipStages.amountCeilingMinor, currency: partnershipStages.currency })
          .from(partnershipStages)
          .where(inArray(partnershipStages.partnershipId, ids)),
      ])
    : [[], []];
  // Grouped once per page (500 partnerships, about three times as many partners), not filtered again for each row.
  const partnersOf = byPartnership(partners);
  const stagesOf = byPartnership(stages);
  const out: OpenDataRow[] = rows.map((p) => {
    const mine = [...(partnersOf.get(p.id) ?? [])].sort((a, b) => Number(b.coordinator) - Number(a.coordinator));
    return {
      id: p.id,
      title: p.title,
      programme_code: p.programmeCode,
      programme: p.programme,
      shape: p.shape,
      status: p.status,
      sector_code: p.sectorCode,
      sdg_goals: [...p.sdgGoals].sort((a, b) => Number(a) - Number(b)),
      countries: [...new Set(mine.map((o) => o.countryCode))].sort(),
      partner_organisation_ids: mine.map((o) => o.id),
      partner_organisations: mine.map((o) => o.name),
      coordinator_organisation_id: mine.find((o) => o.coordinator)?.id ?? null,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      granted_nok: grantedMinor(stagesOf.get(p.id) ?? []) / 100,
    };
  });
  return { rows: out, next: rows.length === limit ? rows.at(-1)?.id : undefined };
}

/** Rows grouped by their partnership (Map.groupBy is Node 21's). */
function byPartnership<T extends { partnershipId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.partnershipId);
    if (group) group.push(row);
    else groups.set(row.partnershipId, [row]);
  }
  return groups;
}
