CREATE INDEX "participants_name_idx" ON "participants" USING btree ("family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "participants_status_name_idx" ON "participants" USING btree ("status","family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "participants_name_trgm_idx" ON "participants" USING gin (("given_name" || ' ' || "family_name" || ' ' || "given_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "participants_stage_idx" ON "participants" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "participants_starts_on_idx" ON "participants" USING btree ("starts_on");