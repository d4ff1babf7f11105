-- The age on the planned start, stored (docs/decisions/018, addendum 2026-11-29): a generated column rather
-- than a trigger, since the expression is immutable once age() is given timestamps; PostgreSQL keeps it
-- whenever starts_on or birth_date change. Adding it rewrites the table (half a minute at a million rows on
-- the loaded bench machine). Written to be run again without harm (IF NOT EXISTS), so that it can be applied
-- by hand to a database whose migration table is ahead of this file's date. On a large database run
-- VACUUM ANALYZE participants afterwards: the rewrite clears the visibility map the index-only counts need.
ALTER TABLE "participants" ADD COLUMN IF NOT EXISTS "age_at_start" smallint GENERATED ALWAYS AS (date_part('year', age("starts_on"::timestamp, "birth_date"::timestamp))::smallint) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_age_idx" ON "participants" USING btree ("age_at_start");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_programme_age_idx" ON "participants" USING btree ("programme_id","age_at_start");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_status_gender_year_age_idx" ON "participants" USING btree ("status","gender",extract(year from "starts_on"),"age_at_start");--> statement-breakpoint
-- Programmes have age ranges of their own (youth 18–25, professional 22–35), so programme and age are
-- correlated: "youth, 36 or older" matches no one, which the planner, multiplying the two frequencies, took
-- for 43,000 rows and answered by walking all 333,388 youth participants in name order (2.9 s, and the count
-- by a sequential scan, 1.5 s). The combined frequencies let it look the few up in
-- participants_programme_age_idx instead (the list gives the programme as a value, not a subquery).
CREATE STATISTICS IF NOT EXISTS "participants_programme_age_stats" (mcv) ON "programme_id", "age_at_start" FROM "participants";--> statement-breakpoint
-- Every programme's every age: more pairs than the default 100 (ANALYZE then samples 90,000 rows, not 30,000).
ALTER STATISTICS "participants_programme_age_stats" SET STATISTICS 300;--> statement-breakpoint
-- The year indexes of migration participant_list_speed included birth_date so that the age band could be
-- tested without reading the row; the band is now age_at_start, included instead (without it, the count of
-- year 2012 + age 31–35 at a million was a sequential scan of 141,551 rows).
DROP INDEX IF EXISTS "participants_year_name_idx";--> statement-breakpoint
CREATE INDEX "participants_year_name_idx" ON "participants" USING btree (extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "age_at_start", "programme_id", "home_organisation_id", "host_organisation_id");--> statement-breakpoint
DROP INDEX IF EXISTS "participants_programme_year_name_idx";--> statement-breakpoint
CREATE INDEX "participants_programme_year_name_idx" ON "participants" USING btree ("programme_id", extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "age_at_start", "home_organisation_id", "host_organisation_id");
