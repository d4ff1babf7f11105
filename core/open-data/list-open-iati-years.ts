import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw-rows.ts';
import type { CoreContext } from '../context.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';

/**
 * The years that have a per-year IATI file (`/open-data/iati/{year}/activities.xml`): those some public
 * partnership is active in, by its own period or a stage's (the rule of the export's year filter). One
 * aggregate query, for the public open-data page; public, no permission asked.
 */
export async function listOpenIatiYears(ctx: CoreContext): Promise<number[]> {
  // A partnership without an end is active until today.
  const today = osloDate(ctx.now());
  const statuses = sql.join(PUBLIC_STATUSES.map((s) => sql`${s}`), sql`, `);
  const rows = await rawRows<{ year: number }>(
    ctx.db,
    sql`with periods as (
          select p.starts_on as starts_on, coalesce(p.ends_on, ${today}::date) as ends_on from partnerships p where p.status in (${statuses}) and p.starts_on is not null
          union all
          select s.starts_on, s.ends_on from partnership_stages s join partnerships p on p.id = s.partnership_id where p.status in (${statuses})
        )
        select distinct generate_series(extract(year from starts_on)::int, greatest(extract(year from ends_on)::int, extract(year from starts_on)::int)) as year
        from periods where extract(year from starts_on) between 1990 and 2100 order by year`,
  );
  return rows.map((r) => Number(r.year)).filter((y) => y >= 1990 && y <= 2100);
}
