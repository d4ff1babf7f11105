DROP INDEX "partnerships_programme_idx";--> statement-breakpoint
CREATE INDEX "partnerships_programme_status_idx" ON "partnerships" USING btree ("programme_id","status");