CREATE TABLE "stage_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"share_basis_points" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"condition" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"approved_by" text,
	"approved_by_label" text,
	"approved_at" timestamp with time zone,
	"paid_on" date,
	"bank_reference" text,
	"paid_by" text,
	"paid_by_label" text,
	"paid_at" timestamp with time zone,
	"ledger_entry_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_tranches_stage_number" UNIQUE("stage_id","number"),
	CONSTRAINT "stage_tranches_amount_not_negative" CHECK ("stage_tranches"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "financial_report_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"flow_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"budget_minor" bigint NOT NULL,
	"actual_minor" bigint,
	"explanation" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financial_report_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financial_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"currency" text NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_label" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financial_reports_stage_organisation" UNIQUE("stage_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "tranche_shares_basis_points" integer[] DEFAULT '{8000,2000}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "variance_threshold_basis_points" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_tranches" ADD CONSTRAINT "stage_tranches_stage_id_partnership_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."partnership_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_tranches" ADD CONSTRAINT "stage_tranches_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_report_lines" ADD CONSTRAINT "financial_report_lines_report_id_financial_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."financial_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_report_receipts" ADD CONSTRAINT "financial_report_receipts_report_id_financial_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."financial_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_reports" ADD CONSTRAINT "financial_reports_stage_id_partnership_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."partnership_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_reports" ADD CONSTRAINT "financial_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stage_tranches_status_idx" ON "stage_tranches" USING btree ("status","stage_id");--> statement-breakpoint
CREATE INDEX "financial_report_lines_report_idx" ON "financial_report_lines" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "financial_report_receipts_report_idx" ON "financial_report_receipts" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "financial_reports_status_idx" ON "financial_reports" USING btree ("status");