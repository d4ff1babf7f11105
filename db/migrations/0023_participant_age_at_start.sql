-- The age on the planned start, stored (docs/decisions/018, addendum 2026-11-29): a generated column rather
-- than a trigger, since the expression is immutable once age() is given timestamps; PostgreSQL keeps it
-- whenever starts_on or birth_date change. Adding it rewrites the table (a minute or two at a million rows
-- on a busy machine): run VACUUM ANALYZE participants afterwards on a large database, so the index-only counts
-- find the visibility map set again.
ALTER TABLE "participants" ADD COLUMN IF NOT EXISTS "age_at_start" smallint GENERATED ALWAYS AS (date_part('year', age("starts_on"::timestamp, "birth_date"::timestamp))::smallint) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_age_idx" ON "participants" USING btree ("age_at_start");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_status_gender_year_age_idx" ON "participants" USING btree ("status","gender",extract(year from "starts_on"),"age_at_start");