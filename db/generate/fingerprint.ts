import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { rawRows } from '../raw-rows.ts';
import { literal, quote } from './sql-helpers.ts';

/**
 * md5 of every row a generator wrote, table by table, to tell whether two runs (or two versions of the
 * generator) write the same rows. Each row is its JSON without what a run cannot repeat: the times the
 * database stamps, the serial id of a status change, and the ids of the programmes and calls the factories
 * make (copied into partnerships, applications and participants: written as the programme's code and the
 * call's title instead). The rows are those whose ids the generator made from `idPrefix`, for the
 * partnerships' and organisations' row numbers from 0 to `rows`.
 */
export async function fingerprintRows(db: Database, { idPrefix, rows = 1000 }: { idPrefix: string; rows?: number }): Promise<Record<string, string>> {
  const last = literal(rows);
  const prefix = sql.raw(quote(idPrefix));
  const organisationIds = sql`select md5(${prefix} || 'organisation' || g)::uuid from generate_series(0, ${last}) g`;
  const partnershipIds = sql`select md5(${prefix} || 'partnership' || g)::uuid from generate_series(0, ${last}) g`;
  const tables: Record<string, SQL> = {
    organisations: sql`select to_jsonb(t) - array['created_at','updated_at'] as row from organisations t where t.id in (${organisationIds})`,
    partnerships: sql`select (to_jsonb(t) - array['created_at','updated_at','programme_id']) || jsonb_build_object('programme', pr.code) as row from partnerships t join programmes pr on pr.id = t.programme_id where t.id in (${partnershipIds})`,
    partnership_partners: sql`select to_jsonb(t) - array['created_at','updated_at'] as row from partnership_partners t where t.partnership_id in (${partnershipIds})`,
    applications: sql`select (to_jsonb(t) - array['created_at','updated_at','call_id','series_id']) || jsonb_build_object('call', c.title) as row from applications t join calls c on c.id = t.call_id where t.partnership_id in (${partnershipIds})`,
    partnership_stages: sql`select to_jsonb(t) - array['created_at','updated_at'] as row from partnership_stages t where t.partnership_id in (${partnershipIds})`,
    // The organisations' countries are copies the database keeps (migration 0027), not what a generator writes.
    participants: sql`select (to_jsonb(t) - array['created_at','updated_at','programme_id','home_country_code','host_country_code']) || jsonb_build_object('programme', pr.code) as row from participants t left join programmes pr on pr.id = t.programme_id where t.partnership_id in (${partnershipIds})`,
    participant_status_history: sql`select to_jsonb(t) - array['id'] as row from participant_status_history t join participants p on p.id = t.participant_id where p.partnership_id in (${partnershipIds})`,
  };
  const result: Record<string, string> = {};
  for (const [table, rows] of Object.entries(tables)) {
    const [answer] = await rawRows<{ rows: number; md5: string }>(db, sql`select count(*)::int as rows, coalesce(md5(string_agg(r.row::text, E'\n' order by r.row::text)), '') as md5 from (${rows}) r`);
    result[table] = `${answer!.rows} ${answer!.md5}`;
  }
  return result;
}
