-- The participant list names a country filter's organisations as values (decision 018, second addendum):
-- read index-only here, a few buffers instead of a heap page per organisation. IF NOT EXISTS throughout, so
-- that it can be applied by hand to the shared bench databases without harm.
CREATE INDEX IF NOT EXISTS "organisations_country_id_idx" ON "organisations" USING btree ("country_code","id");--> statement-breakpoint
-- A programme's year and gender, with the countries' organisation ids included: the count of "programme +
-- home country + year + gender" reads this slice index-only and tests the organisation against the list of
-- ids (96 buffers at a million rows), where participants_programme_year_name_idx, which carries the names and
-- more, read the whole programme-and-year slice (805). The organisations are included, not key columns: as
-- keys, PostgreSQL 15 descends the index once per id of the list (1,244 buffers). starts_on is included so
-- that the year expression can be answered index-only (PostgreSQL checks the expression's columns).
-- Hand-written: Drizzle's index builder has no INCLUDE, so it is not in the schema's snapshot.
CREATE INDEX IF NOT EXISTS "participants_programme_year_gender_idx" ON "participants" USING btree ("programme_id", extract(year from "starts_on"), "gender") INCLUDE ("starts_on", "home_organisation_id", "host_organisation_id");
