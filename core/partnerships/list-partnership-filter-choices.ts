import { rawRows } from '../../db/raw-rows.ts';
import { and, asc, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';
import { PUBLIC_STATUSES } from './list-public-partnerships.ts';

const publicStatuses = sql.join(
  PUBLIC_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * What the public directories' selects offer: every programme, the DAC sectors of public partnerships,
 * and the calls that granted a stage to one. Public, and cheap at 100,000 partnerships: the sectors are
 * found by skipping through the sector index (one index probe per distinct sector), not by a scan.
 */
export function listPartnershipFilterChoices(ctx: CoreContext) {
  return sharedRead(ctx.db, 'partnership-filter-choices', () => readChoices(ctx));
}

async function readChoices(ctx: CoreContext) {
  const [programmeRows, sectorRows, callRows] = await Promise.all([
    ctx.db.select({ code: programmes.code, name: programmes.name }).from(programmes).orderBy(asc(programmes.name), asc(programmes.code)),
    rawRows<{ sector_code: string }>(ctx.db, sql`
      with recursive sector as (
        (select sector_code from partnerships where sector_code is not null and status in (${publicStatuses}) order by sector_code limit 1)
        union all
        select (select p.sector_code from partnerships p where p.sector_code > sector.sector_code and p.status in (${publicStatuses}) order by p.sector_code limit 1)
        from sector where sector.sector_code is not null
      )
      select sector_code from sector where sector_code is not null`),
    ctx.db
      .select({ id: calls.id, title: calls.title })
      .from(calls)
      .where(
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(applications)
            .innerJoin(partnershipStages, eq(partnershipStages.applicationId, applications.id))
            .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
            .where(and(eq(applications.callId, calls.id), inArray(partnerships.status, [...PUBLIC_STATUSES]))),
        ),
      )
      .orderBy(desc(calls.deadline), asc(calls.title)),
  ]);
  const sectors = sectorRows.map((r) => r.sector_code);
  return { programmes: programmeRows, sectors, calls: callRows };
}
