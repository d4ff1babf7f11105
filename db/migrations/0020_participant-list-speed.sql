DROP INDEX "participants_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
UPDATE "participants" SET "programme_id" = "partnerships"."programme_id" FROM "partnerships" WHERE "partnerships"."id" = "participants"."partnership_id";--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_programme_name_idx" ON "participants" USING btree ("programme_id","family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "participants_gender_name_idx" ON "participants" USING btree ("gender","family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "participants_family_prefix_idx" ON "participants" USING btree (lower("family_name") text_pattern_ops,"family_name");--> statement-breakpoint
CREATE INDEX "participants_given_prefix_idx" ON "participants" USING btree (lower("given_name") text_pattern_ops,"given_name");--> statement-breakpoint
-- participants.programme_id is a copy of the partnership's programme (docs/decisions/018): set on every insert
-- and change of partnership, and carried along when a partnership moves to another programme.
CREATE FUNCTION "participants_programme"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."programme_id" := (SELECT "programme_id" FROM "partnerships" WHERE "id" = NEW."partnership_id");
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "participants_programme" BEFORE INSERT OR UPDATE OF "partnership_id", "programme_id" ON "participants" FOR EACH ROW EXECUTE FUNCTION "participants_programme"();--> statement-breakpoint
CREATE FUNCTION "partnerships_programme_to_participants"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "participants" SET "programme_id" = NEW."programme_id" WHERE "partnership_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "partnerships_programme_to_participants" AFTER UPDATE OF "programme_id" ON "partnerships" FOR EACH ROW WHEN (OLD."programme_id" IS DISTINCT FROM NEW."programme_id") EXECUTE FUNCTION "partnerships_programme_to_participants"();
--> statement-breakpoint
-- The year of the start in name order, with the columns the other filters test included: a year's total is
-- counted index-only (without starts_on in it, the planner counted 2012 by reading the starts_on index from 2001).
CREATE INDEX "participants_year_name_idx" ON "participants" USING btree (extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "birth_date", "programme_id", "home_organisation_id", "host_organisation_id");--> statement-breakpoint
-- A programme and a year together (an adviser's year, or the programme filter with the year): the name order
-- of that programme's year, and the columns the other filters test included, so that counting the total
-- is an index-only scan (drizzle's index builder has no INCLUDE: hand-written, not in the schema's snapshot).
CREATE INDEX "participants_programme_year_name_idx" ON "participants" USING btree ("programme_id", extract(year from "starts_on"), "family_name", "given_name", "id") INCLUDE ("starts_on", "gender", "status", "birth_date", "home_organisation_id", "host_organisation_id");
