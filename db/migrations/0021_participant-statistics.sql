CREATE TABLE "participant_flow_counts" (
	"sdg_goal" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"home_country" text NOT NULL,
	"host_country" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"shape" text NOT NULL,
	"sector_code" text DEFAULT '' NOT NULL,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"age_years_sum" bigint DEFAULT 0 NOT NULL,
	"stay_days_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "participant_flow_counts_pk" PRIMARY KEY("sdg_goal","year","home_country","host_country","programme_id","shape","sector_code","gender","age_band")
);

--> statement-breakpoint
-- Hand-written: the aggregate is kept up to date by statement-level triggers (one aggregated upsert per
-- statement, however many rows it touches) on participants, on partnerships (programme, shape, sector and
-- SDG goals are copied into the keys) and on organisations (their country). Counted statuses are
-- EXCHANGED_STATUSES (core/participants/participant-lifecycle.ts); the age bands are AGE_BANDS
-- (core/stats/age-bands.ts). core/stats/participant-statistics.test.ts checks both agree with this file.
CREATE FUNCTION participant_age_band(age integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN age < 25 THEN 'under-25' WHEN age < 30 THEN '25-29' WHEN age < 35 THEN '30-34' WHEN age < 45 THEN '35-44' ELSE '45-plus' END
$$;
--> statement-breakpoint
CREATE FUNCTION participant_is_counted(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('in_placement', 'returned', 'completed', 'alumni', 'ended_early')
$$;
--> statement-breakpoint
CREATE TYPE participant_stats_delta AS (starts_on date, ends_on date, birth_date date, gender text, home_country text, host_country text, programme_id uuid, shape text, sector_code text, sdg_goals text[], delta integer);
--> statement-breakpoint
-- Moves on with every change to the aggregate: readers may keep what they computed while it stays the same
-- (core/stats/get-participant-statistics.ts). A sequence, so that writers never wait for each other on it.
CREATE SEQUENCE participant_stats_version;
--> statement-breakpoint
CREATE FUNCTION participant_stats_apply(deltas participant_stats_delta[]) RETURNS void LANGUAGE sql AS $$
  SELECT nextval('participant_stats_version') WHERE cardinality(deltas) > 0;
  INSERT INTO participant_flow_counts AS c (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band, people, age_years_sum, stay_days_sum)
  SELECT g.goal, extract(year FROM d.starts_on)::int, d.home_country, d.host_country, d.programme_id, d.shape, coalesce(d.sector_code, ''), d.gender, participant_age_band(a.age),
         sum(d.delta)::int, sum(d.delta * a.age), sum(d.delta * (d.ends_on - d.starts_on))
  FROM unnest(deltas) AS d
  CROSS JOIN LATERAL (SELECT extract(year FROM age(d.starts_on, d.birth_date))::int AS age) AS a
  CROSS JOIN LATERAL (SELECT DISTINCT x AS goal FROM unnest(ARRAY['']::text[] || coalesce(d.sdg_goals, '{}'::text[])) AS x) AS g
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.delta) <> 0
  ON CONFLICT (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band) DO UPDATE
    SET people = c.people + excluded.people, age_years_sum = c.age_years_sum + excluded.age_years_sum, stay_days_sum = c.stay_days_sum + excluded.stay_days_sum
$$;
--> statement-breakpoint
CREATE FUNCTION participant_stats_on_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM participant_stats_apply(ARRAY(
      SELECT ROW(coalesce(p.actual_starts_on, p.starts_on), coalesce(p.actual_ends_on, p.ends_on), p.birth_date, p.gender, home.country_code, host.country_code, s.programme_id, s.shape, s.sector_code, s.sdg_goals, -1)::participant_stats_delta
      FROM old_rows p JOIN partnerships s ON s.id = p.partnership_id JOIN organisations home ON home.id = p.home_organisation_id JOIN organisations host ON host.id = p.host_organisation_id
      WHERE participant_is_counted(p.status)));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM participant_stats_apply(ARRAY(
      SELECT ROW(coalesce(p.actual_starts_on, p.starts_on), coalesce(p.actual_ends_on, p.ends_on), p.birth_date, p.gender, home.country_code, host.country_code, s.programme_id, s.shape, s.sector_code, s.sdg_goals, 1)::participant_stats_delta
      FROM new_rows p JOIN partnerships s ON s.id = p.partnership_id JOIN organisations home ON home.id = p.home_organisation_id JOIN organisations host ON host.id = p.host_organisation_id
      WHERE participant_is_counted(p.status)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participant_stats_insert AFTER INSERT ON "participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_participants();
--> statement-breakpoint
CREATE TRIGGER participant_stats_update AFTER UPDATE ON "participants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_participants();
--> statement-breakpoint
CREATE TRIGGER participant_stats_delete AFTER DELETE ON "participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_participants();
--> statement-breakpoint
CREATE FUNCTION participant_stats_on_participants_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM participant_flow_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participant_stats_truncate AFTER TRUNCATE ON "participants" FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_participants_truncate();
--> statement-breakpoint
CREATE FUNCTION participant_stats_on_partnerships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM participant_stats_apply(ARRAY(
    SELECT ROW(coalesce(p.actual_starts_on, p.starts_on), coalesce(p.actual_ends_on, p.ends_on), p.birth_date, p.gender, home.country_code, host.country_code,
               CASE WHEN d.delta < 0 THEN o.programme_id ELSE n.programme_id END, CASE WHEN d.delta < 0 THEN o.shape ELSE n.shape END,
               CASE WHEN d.delta < 0 THEN o.sector_code ELSE n.sector_code END, CASE WHEN d.delta < 0 THEN o.sdg_goals ELSE n.sdg_goals END, d.delta)::participant_stats_delta
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN (VALUES (-1), (1)) AS d(delta)
    JOIN participants p ON p.partnership_id = o.id
    JOIN organisations home ON home.id = p.home_organisation_id JOIN organisations host ON host.id = p.host_organisation_id
    WHERE (o.programme_id, o.shape, o.sector_code, o.sdg_goals) IS DISTINCT FROM (n.programme_id, n.shape, n.sector_code, n.sdg_goals)
      AND participant_is_counted(p.status)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participant_stats_partnerships AFTER UPDATE ON "partnerships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_partnerships();
--> statement-breakpoint
CREATE FUNCTION participant_stats_on_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM participant_stats_apply(ARRAY(
    SELECT ROW(coalesce(p.actual_starts_on, p.starts_on), coalesce(p.actual_ends_on, p.ends_on), p.birth_date, p.gender,
               CASE WHEN d.delta < 0 THEN coalesce(oh.country_code, home.country_code) ELSE home.country_code END,
               CASE WHEN d.delta < 0 THEN coalesce(ot.country_code, host.country_code) ELSE host.country_code END,
               s.programme_id, s.shape, s.sector_code, s.sdg_goals, d.delta)::participant_stats_delta
    FROM participants p
    JOIN partnerships s ON s.id = p.partnership_id
    JOIN organisations home ON home.id = p.home_organisation_id JOIN organisations host ON host.id = p.host_organisation_id
    LEFT JOIN old_rows oh ON oh.id = p.home_organisation_id LEFT JOIN old_rows ot ON ot.id = p.host_organisation_id
    CROSS JOIN (VALUES (-1), (1)) AS d(delta)
    WHERE participant_is_counted(p.status)
      AND (oh.country_code IS DISTINCT FROM home.country_code AND oh.id IS NOT NULL OR ot.country_code IS DISTINCT FROM host.country_code AND ot.id IS NOT NULL)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participant_stats_organisations AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_stats_on_organisations();
--> statement-breakpoint
-- The participants already there.
SELECT participant_stats_apply(ARRAY(
  SELECT ROW(coalesce(p.actual_starts_on, p.starts_on), coalesce(p.actual_ends_on, p.ends_on), p.birth_date, p.gender, home.country_code, host.country_code, s.programme_id, s.shape, s.sector_code, s.sdg_goals, 1)::participant_stats_delta
  FROM participants p JOIN partnerships s ON s.id = p.partnership_id JOIN organisations home ON home.id = p.home_organisation_id JOIN organisations host ON host.id = p.host_organisation_id
  WHERE participant_is_counted(p.status)));
