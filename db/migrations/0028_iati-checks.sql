CREATE TABLE "iati_check_problems" (
	"check_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"position" integer NOT NULL,
	"partnership_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"title" text NOT NULL,
	"path" text NOT NULL,
	"params" jsonb NOT NULL,
	"fix" jsonb NOT NULL,
	CONSTRAINT "iati_check_problems_check_id_rule_position_pk" PRIMARY KEY("check_id","rule","position")
);
--> statement-breakpoint
CREATE TABLE "iati_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_identifier" text NOT NULL,
	"checked_on" date NOT NULL,
	"audit_up_to" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"activities" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"years" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "iati_check_problems" ADD CONSTRAINT "iati_check_problems_check_id_iati_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."iati_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iati_checks_latest_idx" ON "iati_checks" USING btree ("organisation_identifier","finished_at");