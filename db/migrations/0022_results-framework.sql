CREATE TABLE "result_report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric(18, 2),
	"women" integer,
	"men" integer,
	"other" integer,
	"value_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "result_report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "result_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"publish_lessons" boolean DEFAULT false NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_label" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_reports_stage_organisation" UNIQUE("stage_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "counts_people" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "baseline_value" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "target_value" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "sdg_targets" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "series_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "result_report_values" ADD CONSTRAINT "result_report_values_report_id_result_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."result_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_report_values" ADD CONSTRAINT "result_report_values_indicator_id_goal_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."goal_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_reports" ADD CONSTRAINT "result_reports_stage_id_partnership_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."partnership_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_reports" ADD CONSTRAINT "result_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_report_values_indicator_idx" ON "result_report_values" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "result_reports_status_idx" ON "result_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "goal_indicators_series_idx" ON "goal_indicators" USING btree ("series_id");--> statement-breakpoint
-- Indicators written before this: each is its own series, continuations' copies joined to the indicator they copy
-- (same partnership, partner, goal text and indicator text) so earlier rounds' actuals line up; a baseline and
-- target both typed as plain numbers ("12", "12.5", "1 200", "12,5") become the numeric values.
UPDATE "goal_indicators" SET "series_id" = "id";--> statement-breakpoint
UPDATE "goal_indicators" gi SET "series_id" = (
  SELECT gi0."series_id" FROM "goal_indicators" gi0
  JOIN "application_goals" g0 ON g0."id" = gi0."goal_id"
  JOIN "applications" a0 ON a0."id" = g0."application_id",
  "application_goals" g JOIN "applications" a ON a."id" = g."application_id"
  WHERE g."id" = gi."goal_id" AND a0."partnership_id" = a."partnership_id"
    AND g0."organisation_id" IS NOT DISTINCT FROM g."organisation_id" AND g0."description" = g."description"
    AND gi0."description" = gi."description"
  ORDER BY a0."created_at", gi0."id" LIMIT 1
)
WHERE EXISTS (SELECT 1 FROM "application_goals" g JOIN "applications" a ON a."id" = g."application_id" WHERE g."id" = gi."goal_id" AND a."partnership_id" IS NOT NULL);--> statement-breakpoint
UPDATE "goal_indicators" SET
  "baseline_value" = replace(replace(replace("baseline", ' ', ''), chr(160), ''), ',', '.')::numeric(18, 2),
  "target_value" = replace(replace(replace("target", ' ', ''), chr(160), ''), ',', '.')::numeric(18, 2)
WHERE replace(replace(replace("baseline", ' ', ''), chr(160), ''), ',', '.') ~ '^-?[0-9]{1,15}(\.[0-9]{1,2})?$'
  AND replace(replace(replace("target", ' ', ''), chr(160), ''), ',', '.') ~ '^-?[0-9]{1,15}(\.[0-9]{1,2})?$';
