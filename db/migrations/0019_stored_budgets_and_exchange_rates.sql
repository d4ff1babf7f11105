CREATE TABLE "budget_other_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"label" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text DEFAULT 'NOK' NOT NULL,
	"justification" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_other_lines_amount_check" CHECK ("budget_other_lines"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"nok_per_unit" numeric(20, 10) NOT NULL,
	"source" text NOT NULL,
	"entered_by" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_positive_check" CHECK ("exchange_rates"."nok_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "round_budget_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"number" integer NOT NULL,
	"cause" text NOT NULL,
	"year" integer,
	"unit_cost_table_id" uuid,
	"currency" text DEFAULT 'NOK' NOT NULL,
	"total_minor" bigint,
	"content" jsonb NOT NULL,
	"computed_by" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_budget_versions_number_check" CHECK ("round_budget_versions"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "budget_other_lines" ADD CONSTRAINT "budget_other_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_other_lines" ADD CONSTRAINT "budget_other_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_other_lines" ADD CONSTRAINT "budget_other_lines_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_budget_versions" ADD CONSTRAINT "round_budget_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_budget_versions" ADD CONSTRAINT "round_budget_versions_unit_cost_table_id_unit_cost_tables_id_fk" FOREIGN KEY ("unit_cost_table_id") REFERENCES "public"."unit_cost_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_budget_versions" ADD CONSTRAINT "round_budget_versions_computed_by_user_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_other_lines_application_idx" ON "budget_other_lines" USING btree ("application_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_currency_date_idx" ON "exchange_rates" USING btree ("currency","date");--> statement-breakpoint
CREATE UNIQUE INDEX "round_budget_versions_number_idx" ON "round_budget_versions" USING btree ("application_id","round","number");