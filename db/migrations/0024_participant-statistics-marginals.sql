CREATE TABLE "participant_stat_marginals" (
	"filter" text NOT NULL,
	"year" integer NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"age_years_sum" bigint DEFAULT 0 NOT NULL,
	"stay_days_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "participant_stat_marginals_pk" PRIMARY KEY("filter","year","dimension","value")
);
--> statement-breakpoint
-- Hand-written: participant_stat_marginals is kept by participant_stats_apply (migration 0021's triggers call
-- it for every change to participants, partnerships and organisations), from the same grouped changes as
-- participant_flow_counts. participant_stat_cells lists the (filter, dimension, value) cells a row of
-- participant_flow_counts counts in; its direction rule is flowDirection (core/stats/countries.ts) and
-- core/stats/participant-statistics.test.ts checks that the page's answers agree both ways.
CREATE FUNCTION participant_stat_cells(goal text, home text, host text, programme uuid, partnership_shape text, sector text, person_gender text, band text)
RETURNS TABLE (filter text, dimension text, value text) LANGUAGE sql IMMUTABLE AS $$
  WITH f(filter) AS (
    VALUES (''), ('from:' || home), ('to:' || host),
      ('direction:' || CASE WHEN home = 'NO' THEN CASE WHEN host = 'NO' THEN 'other' ELSE 'norway-south' END WHEN host = 'NO' THEN 'south-norway' ELSE 'south-south' END),
      ('gender:' || person_gender), ('age-band:' || band), ('programme:' || programme::text), ('shape:' || partnership_shape), ('sector:' || sector)),
  d(dimension, value) AS (
    VALUES ('total', ''), ('flow', home || '-' || host), ('programme', programme::text), ('shape', partnership_shape), ('sector', sector), ('gender', person_gender), ('age-band', band))
  SELECT f.filter, d.dimension, d.value FROM f, d WHERE goal = ''
  UNION ALL SELECT f.filter, 'sdg', goal FROM f WHERE goal <> ''
  UNION ALL SELECT 'sdg:' || goal, d.dimension, d.value FROM d WHERE goal <> ''
  UNION ALL SELECT 'sdg:' || goal, 'sdg', goal WHERE goal <> ''
$$;
--> statement-breakpoint
-- As in 0021, and: a change that keeps the people of a key but moves its ages or stays (a corrected birth
-- date or end date within the same band and year) is applied too (0021 dropped it: HAVING people <> 0 only).
CREATE OR REPLACE FUNCTION participant_stats_apply(deltas participant_stats_delta[]) RETURNS void LANGUAGE sql AS $$
  SELECT nextval('participant_stats_version') WHERE cardinality(deltas) > 0;
  WITH cube AS (
    SELECT g.goal AS sdg_goal, extract(year FROM d.starts_on)::int AS year, d.home_country, d.host_country, d.programme_id, d.shape, coalesce(d.sector_code, '') AS sector_code, d.gender, participant_age_band(a.age) AS age_band,
           sum(d.delta)::int AS people, sum(d.delta * a.age) AS age_years_sum, sum(d.delta * (d.ends_on - d.starts_on)) AS stay_days_sum
    FROM unnest(deltas) AS d
    CROSS JOIN LATERAL (SELECT extract(year FROM age(d.starts_on, d.birth_date))::int AS age) AS a
    CROSS JOIN LATERAL (SELECT DISTINCT x AS goal FROM unnest(ARRAY['']::text[] || coalesce(d.sdg_goals, '{}'::text[])) AS x) AS g
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(d.delta) <> 0 OR sum(d.delta * a.age) <> 0 OR sum(d.delta * (d.ends_on - d.starts_on)) <> 0
  ), counts AS (
    INSERT INTO participant_flow_counts AS c (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band, people, age_years_sum, stay_days_sum)
    SELECT * FROM cube
    ON CONFLICT (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band) DO UPDATE
      SET people = c.people + excluded.people, age_years_sum = c.age_years_sum + excluded.age_years_sum, stay_days_sum = c.stay_days_sum + excluded.stay_days_sum
  )
  INSERT INTO participant_stat_marginals AS m (filter, year, dimension, value, people, age_years_sum, stay_days_sum)
  SELECT x.filter, c.year, x.dimension, x.value, sum(c.people)::int, sum(c.age_years_sum), sum(c.stay_days_sum)
  FROM cube c CROSS JOIN LATERAL participant_stat_cells(c.sdg_goal, c.home_country, c.host_country, c.programme_id, c.shape, c.sector_code, c.gender, c.age_band) AS x
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (filter, year, dimension, value) DO UPDATE
    SET people = m.people + excluded.people, age_years_sum = m.age_years_sum + excluded.age_years_sum, stay_days_sum = m.stay_days_sum + excluded.stay_days_sum
$$;
--> statement-breakpoint
-- 0021's triggers on organisations and partnerships read every participant on every update, whatever it
-- changed: at 1,000,000 participants each update of an organisation took 0.4 s (the server's start-up
-- matches organisations to cities one by one: 4,000 of them, 27 minutes). Now an update that changes no
-- counted column returns at once, and an organisation's change reads only its own participants (by the
-- home and host indexes).
CREATE OR REPLACE FUNCTION participant_stats_on_partnerships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.programme_id, o.shape, o.sector_code, o.sdg_goals) IS DISTINCT FROM (n.programme_id, n.shape, n.sector_code, n.sdg_goals)) THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION participant_stats_on_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved uuid[];
BEGIN
  moved := ARRAY(SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.country_code IS DISTINCT FROM n.country_code);
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
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
    WHERE (p.home_organisation_id = ANY (moved) OR p.host_organisation_id = ANY (moved))
      AND participant_is_counted(p.status)
      AND (oh.country_code IS DISTINCT FROM home.country_code AND oh.id IS NOT NULL OR ot.country_code IS DISTINCT FROM host.country_code AND ot.id IS NOT NULL)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION participant_stats_on_participants_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM participant_flow_counts;
  DELETE FROM participant_stat_marginals;
  PERFORM nextval('participant_stats_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Room on each page for its rows' new versions (their sums change in place, no indexed column does: HOT
-- updates), so that one filter's rows stay on the few pages the filled table gives them, in key order.
ALTER TABLE participant_stat_marginals SET (fillfactor = 70);
--> statement-breakpoint
-- What is counted already.
INSERT INTO participant_stat_marginals (filter, year, dimension, value, people, age_years_sum, stay_days_sum)
SELECT x.filter, c.year, x.dimension, x.value, sum(c.people)::int, sum(c.age_years_sum), sum(c.stay_days_sum)
FROM participant_flow_counts c CROSS JOIN LATERAL participant_stat_cells(c.sdg_goal, c.home_country, c.host_country, c.programme_id, c.shape, c.sector_code, c.gender, c.age_band) AS x
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
-- participant_flow_counts in key order (the rows that count each person once, sdg_goal '', first, by year),
-- with the same room for in-place updates: a page with two filters or more reads its '' rows from about a
-- fifth of the table's pages instead of from all of them (110 → 75 ms for two filters over all years at
-- 1,000,000 participants). New keys go to the end; CLUSTER again if that ever matters.
ALTER TABLE participant_flow_counts SET (fillfactor = 70);
--> statement-breakpoint
CLUSTER participant_flow_counts USING participant_flow_counts_pk;
--> statement-breakpoint
SELECT nextval('participant_stats_version');
