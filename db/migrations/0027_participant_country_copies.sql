-- The home and the host organisation's countries copied onto the participant row (decision 018, third
-- addendum), kept by triggers as participants.programme_id is (migration participant_list_speed): the list's
-- country filters become a test of the row's own column, in an index with the programme, the year and the
-- gender, instead of a list of the country's organisation ids (migration participant_list_countries), whose
-- 309 ids for Malawi cost 0.3 ms per statement to pass and plan and whose count still read the programme's
-- year and gender (8,561 entries for 642 matches at a million).
-- Hand-edited, and every statement may run twice (a database that ran this file under another number takes
-- it again): IF EXISTS / IF NOT EXISTS / OR REPLACE; run again, the backfill rewrites the table again.
-- What the id lists were read from and tested in: unused now (dropped first, so that the rewrite below does not
-- rebuild them).
DROP INDEX IF EXISTS "organisations_country_id_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "participants_programme_year_gender_idx";--> statement-breakpoint
-- The two year indexes are built again below with the countries included: dropped here so that the rewrite
-- does not build them twice.
DROP INDEX IF EXISTS "participants_year_name_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "participants_programme_year_name_idx";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN IF NOT EXISTS "home_country_code" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN IF NOT EXISTS "host_country_code" text;--> statement-breakpoint
-- An organisation's country, the one look-up of both the backfill and the trigger below.
CREATE OR REPLACE FUNCTION "organisation_country"(organisation uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT "country_code" FROM "organisations" WHERE "id" = organisation
$$;--> statement-breakpoint
-- (Run again, the trigger's column list would hold the columns against the rewrite below.)
DROP TRIGGER IF EXISTS "participants_countries" ON "participants";--> statement-breakpoint
-- The participants already there, in one statement that rewrites the table once: each row is written with
-- its copies and every index is rebuilt from the new rows (72 s at a million on the loaded bench machine).
-- An UPDATE … FROM took 6 minutes there: no row had room on its page for a new version, so every update
-- added an entry to each of the table's 20 indexes, which came out twice their size and wanted a VACUUM
-- FULL. ALTER TABLE fires no row or statement triggers (the statistics' triggers would have compared a
-- million rows before and after to find nothing changed).
ALTER TABLE "participants"
  ALTER COLUMN "home_country_code" TYPE text USING "organisation_country"("home_organisation_id"),
  ALTER COLUMN "host_country_code" TYPE text USING "organisation_country"("host_organisation_id");--> statement-breakpoint
-- Set on every insert and every change of either organisation (and a copy written directly is put back).
CREATE OR REPLACE FUNCTION "participants_countries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."home_country_code" := "organisation_country"(NEW."home_organisation_id");
  NEW."host_country_code" := "organisation_country"(NEW."host_organisation_id");
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "participants_countries" BEFORE INSERT OR UPDATE OF "home_organisation_id", "host_organisation_id", "home_country_code", "host_country_code" ON "participants" FOR EACH ROW EXECUTE FUNCTION "participants_countries"();--> statement-breakpoint
-- An organisation moved to another country takes the copies of the people it sends and hosts along (one
-- statement for both; the trigger above then reads the new country for each of them).
CREATE OR REPLACE FUNCTION "organisations_country_to_participants"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "participants"
  SET "home_country_code" = CASE WHEN "home_organisation_id" = NEW."id" THEN NEW."country_code" ELSE "home_country_code" END,
      "host_country_code" = CASE WHEN "host_organisation_id" = NEW."id" THEN NEW."country_code" ELSE "host_country_code" END
  WHERE "home_organisation_id" = NEW."id" OR "host_organisation_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS "organisations_country_to_participants" ON "organisations";--> statement-breakpoint
CREATE TRIGGER "organisations_country_to_participants" AFTER UPDATE OF "country_code" ON "organisations" FOR EACH ROW WHEN (OLD."country_code" IS DISTINCT FROM NEW."country_code") EXECUTE FUNCTION "organisations_country_to_participants"();--> statement-breakpoint
-- The year of the start, and a programme's year, in name order with the columns the other filters test
-- included (migrations participant_list_speed and participant_age_at_start), now the countries too: a year
-- and a country ("Malawi, 2020") walk the year testing the country in the index, as they did with the
-- organisation ids, instead of fetching every row walked (3,300 buffers at a million without). The
-- organisation ids stay for a coordinator's scope.
CREATE INDEX IF NOT EXISTS "participants_year_name_idx" ON "participants" USING btree (extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "age_at_start", "programme_id", "home_organisation_id", "host_organisation_id", "home_country_code", "host_country_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_programme_year_name_idx" ON "participants" USING btree ("programme_id", extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "age_at_start", "home_organisation_id", "host_organisation_id", "home_country_code", "host_country_code");--> statement-breakpoint
-- A home or a host country alone: its name order, and its count index-only.
CREATE INDEX IF NOT EXISTS "participants_home_country_name_idx" ON "participants" USING btree ("home_country_code","family_name","given_name","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participants_host_country_name_idx" ON "participants" USING btree ("host_country_code","family_name","given_name","id");--> statement-breakpoint
-- A programme's year, gender and home country: one range of entries, in name order. Its count reads its
-- matches (642 at a million, not the 8,561 of the programme's year and gender), its page the first 26, both
-- index-only; the host country is included for the same four filters with the host country (the programme's
-- year and gender read, as before). starts_on is included so that the year expression can be answered
-- index-only (PostgreSQL checks the expression's columns). Hand-written: Drizzle's index builder has no
-- INCLUDE, so it is not in the schema's snapshot.
CREATE INDEX IF NOT EXISTS "participants_programme_year_gender_home_idx" ON "participants" USING btree ("programme_id", extract(year from "starts_on"), "gender", "home_country_code", "family_name", "given_name", "id") INCLUDE ("starts_on", "host_country_code");--> statement-breakpoint
-- Statistics for the new columns, so that the planner knows the countries from the start.
ANALYZE "participants";
