DROP TABLE IF EXISTS "participant_stat_marginals" CASCADE;--> statement-breakpoint
ALTER TABLE "participant_flow_counts" ADD COLUMN IF NOT EXISTS "id" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "participant_flow_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "participant_flow_counts" ADD COLUMN IF NOT EXISTS "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "participant_flow_counts_id" ON "participant_flow_counts" USING btree ("id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participant_flow_counts_changed" ON "participant_flow_counts" USING btree ("changed_xid","id");--> statement-breakpoint
-- (Every statement may run twice: a database that ran this file under an earlier number takes it again.)
-- Hand-written: the statistics page now answers every set of filters from a copy of participant_flow_counts
-- kept in the server's memory (core/stats/flow-counts-in-memory.ts; decision 019), which reads only the rows
-- written since it last read (changed_xid). participant_stat_marginals (0024) is gone with the function that
-- listed its cells, and so is the version sequence (0021) readers compared; the triggers keep only
-- participant_flow_counts, and stamp each row they write.
DROP FUNCTION IF EXISTS participant_stat_cells(text, text, text, uuid, text, text, text, text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION participant_stats_apply(deltas participant_stats_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO participant_flow_counts AS c (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band, people, age_years_sum, stay_days_sum)
  SELECT g.goal, extract(year FROM d.starts_on)::int, d.home_country, d.host_country, d.programme_id, d.shape, coalesce(d.sector_code, ''), d.gender, participant_age_band(a.age),
         sum(d.delta)::int, sum(d.delta * a.age), sum(d.delta * (d.ends_on - d.starts_on))
  FROM unnest(deltas) AS d
  CROSS JOIN LATERAL (SELECT extract(year FROM age(d.starts_on, d.birth_date))::int AS age) AS a
  CROSS JOIN LATERAL (SELECT DISTINCT x AS goal FROM unnest(ARRAY['']::text[] || coalesce(d.sdg_goals, '{}'::text[])) AS x) AS g
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.delta) <> 0 OR sum(d.delta * a.age) <> 0 OR sum(d.delta * (d.ends_on - d.starts_on)) <> 0
  ON CONFLICT (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band) DO UPDATE
    SET people = c.people + excluded.people, age_years_sum = c.age_years_sum + excluded.age_years_sum, stay_days_sum = c.stay_days_sum + excluded.stay_days_sum,
        changed_xid = pg_current_xact_id()
$$;
--> statement-breakpoint
-- A truncate of participants empties the counts without deleting their rows (the copies in memory learn of
-- changes only from rows that are there).
CREATE OR REPLACE FUNCTION participant_stats_on_participants_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_flow_counts SET people = 0, age_years_sum = 0, stay_days_sum = 0, changed_xid = pg_current_xact_id()
  WHERE people <> 0 OR age_years_sum <> 0 OR stay_days_sum <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP SEQUENCE IF EXISTS participant_stats_version;
--> statement-breakpoint
-- Statistics for the new columns, so that the planner knows from the start how few rows are recent.
ANALYZE participant_flow_counts;
