CREATE INDEX "partnerships_title_id_idx" ON "partnerships" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "partnerships_title_trgm_idx" ON "partnerships" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partnerships_shape_idx" ON "partnerships" USING btree ("shape");--> statement-breakpoint
CREATE INDEX "partnerships_sector_idx" ON "partnerships" USING btree ("sector_code");