CREATE TABLE "budget_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"from_account" text NOT NULL,
	"to_account" text NOT NULL,
	"programme_id" uuid,
	"call_id" uuid,
	"stage_id" uuid,
	"reason" text NOT NULL,
	"document_type" text,
	"document_ref" text,
	"corrects_entry_id" uuid,
	"posted_by" text,
	"posted_by_label" text NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text,
	CONSTRAINT "ledger_entries_seq_unique" UNIQUE("seq"),
	CONSTRAINT "ledger_entries_amount_positive" CHECK ("ledger_entries"."amount_minor" > 0),
	CONSTRAINT "ledger_entries_two_accounts" CHECK ("ledger_entries"."from_account" <> "ledger_entries"."to_account")
);
--> statement-breakpoint
CREATE INDEX "ledger_entries_to_idx" ON "ledger_entries" USING btree ("to_account","seq");--> statement-breakpoint
CREATE INDEX "ledger_entries_from_idx" ON "ledger_entries" USING btree ("from_account","seq");--> statement-breakpoint
CREATE INDEX "ledger_entries_year_idx" ON "ledger_entries" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "ledger_entries_call_idx" ON "ledger_entries" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_corrects_idx" ON "ledger_entries" USING btree ("corrects_entry_id");--> statement-breakpoint
CREATE FUNCTION ledger_entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % is not allowed (post a correction)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_entries_are_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_are_append_only();
