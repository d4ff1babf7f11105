import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/**
 * Adds `count` partnerships to a database that already has programmes and calls: 2,000 organisations
 * in ten countries, two or three partners each, one or two SDGs each, each with an application to one
 * of `callIds` and a granted agreement stage. Bulk rows come from generate_series in the database (an
 * ORM insert would spend seconds building SQL). Used by bench:partnerships and by `npm run bench`
 * with BENCH_PARTNERSHIPS.
 */
export async function insertBulkPartnerships(db: Database, { count, programmeIds, callIds }: { count: number; programmeIds: string[]; callIds: string[] }) {
  const programmes = sql.raw(`array[${programmeIds.map((id) => `'${id}'::uuid`).join(',')}]`);
  const calls = sql.raw(`array[${callIds.map((id) => `'${id}'::uuid`).join(',')}]`);
  await db.execute(sql`
    insert into organisations (legal_name, country_code, city, organisation_type, sector_code)
    select 'Organisation ' || g, (array['NO','NP','ET','MW','UG','TZ','BO','GT','BD','ID'])[1 + g % 10], 'City ' || (g % 50), '22',
           (array['12181','11130','15150','23210','12191'])[1 + g % 5]
    from generate_series(1, 2000) g`);
  await db.execute(sql`
    insert into partnerships (title, programme_id, shape, status, sector_code, sdg_goals, starts_on, ends_on)
    select 'Exchange ' || md5(g::text), (${programmes})[1 + g % ${programmeIds.length}],
           (array['north_south','south_south','triangular'])[1 + g % 3],
           (array['active','closed','draft','submitted'])[1 + g % 4],
           -- (g / 4), not g: a sector must not go with a status, or two sectors would have no public partnership.
           (array['12181','11130','15150','23210'])[1 + (g / 4) % 4],
           case when g % 2 = 0 then array[(1 + g % 17)::text] else array[(1 + g % 17)::text, (1 + (g / 17) % 17)::text] end,
           '2025-01-01', '2027-12-31'
    from generate_series(1, ${count}) g`);
  // Only the bulk partnerships (those without partners yet) and the bulk organisations get partners.
  await db.execute(sql`
    insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
    select p.id, o.id, k = 0
    from (select id, row_number() over () as n from partnerships where not exists (select 1 from partnership_partners pp where pp.partnership_id = partnerships.id)) p
    cross join generate_series(0, 2) k
    join (select id, row_number() over (order by id) - 1 as n from organisations where legal_name like 'Organisation %') o on o.n = (p.n * 7 + k * 613) % 2000
    where k < 2 + (p.n % 2)
    on conflict do nothing`);
  await db.execute(sql`
    insert into applications (call_id, partnership_id, coordinator_organisation_id, title, status)
    select c.id, p.id, pp.organisation_id, p.title, 'active'
    from (select id, title, row_number() over (order by id) as n from partnerships where title like 'Exchange %') p
    join (select id, row_number() over (order by id) - 1 as n from unnest(${calls}) as c(id)) c on c.n = p.n % ${callIds.length}
    join partnership_partners pp on pp.partnership_id = p.id and pp.is_coordinator`);
  await db.execute(sql`
    insert into partnership_stages (partnership_id, application_id, kind, starts_on, ends_on, amount_ceiling_minor, currency)
    select a.partnership_id, a.id, 'agreement', '2025-01-01', '2027-12-31', 450000000, 'NOK'
    from applications a join partnerships p on p.id = a.partnership_id where p.title like 'Exchange %'`);
  await db.execute(sql`analyze`);
}
