CREATE TABLE "unit_cost_allowances" (
	"table_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	"monthly_minor" bigint NOT NULL,
	CONSTRAINT "unit_cost_allowances_table_id_group_code_pk" PRIMARY KEY("table_id","group_code"),
	CONSTRAINT "unit_cost_allowances_amount_check" CHECK ("unit_cost_allowances"."monthly_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "unit_cost_countries" (
	"table_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"group_code" text NOT NULL,
	CONSTRAINT "unit_cost_countries_table_id_country_code_pk" PRIMARY KEY("table_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "unit_cost_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"currency" text DEFAULT 'NOK' NOT NULL,
	"insurance_per_month_minor" bigint,
	"preparatory_course_minor" bigint,
	"visa_minor" bigint,
	"health_minor" bigint,
	"admin_share_basis_points" integer,
	"based_on_id" uuid,
	"created_by" text,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_cost_tables_year_check" CHECK ("unit_cost_tables"."year" between 2000 and 2100),
	CONSTRAINT "unit_cost_tables_version_check" CHECK ("unit_cost_tables"."version" >= 1),
	CONSTRAINT "unit_cost_tables_amounts_check" CHECK (coalesce("unit_cost_tables"."insurance_per_month_minor", 0) >= 0 and coalesce("unit_cost_tables"."preparatory_course_minor", 0) >= 0 and coalesce("unit_cost_tables"."visa_minor", 0) >= 0 and coalesce("unit_cost_tables"."health_minor", 0) >= 0 and coalesce("unit_cost_tables"."admin_share_basis_points", 0) between 0 and 10000),
	CONSTRAINT "unit_cost_tables_published_complete_check" CHECK ("unit_cost_tables"."status" = 'draft' or ("unit_cost_tables"."published_at" is not null and "unit_cost_tables"."insurance_per_month_minor" is not null and "unit_cost_tables"."preparatory_course_minor" is not null and "unit_cost_tables"."visa_minor" is not null and "unit_cost_tables"."health_minor" is not null and "unit_cost_tables"."admin_share_basis_points" is not null))
);
--> statement-breakpoint
CREATE TABLE "unit_cost_travel" (
	"table_id" uuid NOT NULL,
	"band" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "unit_cost_travel_table_id_band_pk" PRIMARY KEY("table_id","band"),
	CONSTRAINT "unit_cost_travel_amount_check" CHECK ("unit_cost_travel"."amount_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "unit_cost_allowances" ADD CONSTRAINT "unit_cost_allowances_table_id_unit_cost_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."unit_cost_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_countries" ADD CONSTRAINT "unit_cost_countries_table_id_unit_cost_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."unit_cost_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_tables" ADD CONSTRAINT "unit_cost_tables_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_tables" ADD CONSTRAINT "unit_cost_tables_based_on_id_unit_cost_tables_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."unit_cost_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_tables" ADD CONSTRAINT "unit_cost_tables_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_tables" ADD CONSTRAINT "unit_cost_tables_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost_travel" ADD CONSTRAINT "unit_cost_travel_table_id_unit_cost_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."unit_cost_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_cost_countries_group_idx" ON "unit_cost_countries" USING btree ("table_id","group_code");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_cost_tables_version_idx" ON "unit_cost_tables" USING btree ("programme_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_cost_tables_one_draft_idx" ON "unit_cost_tables" USING btree ("programme_id","year") WHERE "unit_cost_tables"."status" = 'draft';--> statement-breakpoint
-- A published unit-cost table is never changed again, nor are its allowances, countries and travel
-- rates: budgets keep the version they were computed with. (The only change allowed to a published row
-- is its created_by / published_by becoming null, which deleting a user account does.)
CREATE FUNCTION unit_cost_table_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'unit_cost_tables: version % is published and cannot be deleted', OLD.version USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (
    (to_jsonb(NEW) - 'created_by' - 'published_by') IS DISTINCT FROM (to_jsonb(OLD) - 'created_by' - 'published_by')
    OR (NEW.created_by IS NOT NULL AND NEW.created_by IS DISTINCT FROM OLD.created_by)
    OR (NEW.published_by IS NOT NULL AND NEW.published_by IS DISTINCT FROM OLD.published_by)
  ) THEN
    RAISE EXCEPTION 'unit_cost_tables: version % is published and cannot be changed', OLD.version USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unit_cost_tables_immutable BEFORE UPDATE OR DELETE ON "unit_cost_tables" FOR EACH ROW EXECUTE FUNCTION unit_cost_table_is_immutable();
--> statement-breakpoint
CREATE FUNCTION unit_cost_rate_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  table_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    table_ids := ARRAY[NEW.table_id];
  ELSIF TG_OP = 'DELETE' THEN
    table_ids := ARRAY[OLD.table_id];
  ELSE
    table_ids := ARRAY[OLD.table_id, NEW.table_id];
  END IF;
  IF EXISTS (SELECT 1 FROM "unit_cost_tables" WHERE "id" = ANY(table_ids) AND "status" = 'published') THEN
    RAISE EXCEPTION '%: the unit-cost table is published and its rates cannot be changed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unit_cost_allowances_immutable BEFORE INSERT OR UPDATE OR DELETE ON "unit_cost_allowances" FOR EACH ROW EXECUTE FUNCTION unit_cost_rate_is_immutable();
--> statement-breakpoint
CREATE TRIGGER unit_cost_countries_immutable BEFORE INSERT OR UPDATE OR DELETE ON "unit_cost_countries" FOR EACH ROW EXECUTE FUNCTION unit_cost_rate_is_immutable();
--> statement-breakpoint
CREATE TRIGGER unit_cost_travel_immutable BEFORE INSERT OR UPDATE OR DELETE ON "unit_cost_travel" FOR EACH ROW EXECUTE FUNCTION unit_cost_rate_is_immutable();
