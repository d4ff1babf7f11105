CREATE TABLE "course_attendance" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "course_enrolments" (
	"course_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_enrolments_course_id_participant_id_pk" PRIMARY KEY("course_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"programme_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"problem" text NOT NULL,
	"reason" text NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_ref" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "stage_id" uuid;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "plan_flow_id" uuid;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "nationality" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "residence_country" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "profession" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "actual_starts_on" date;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "actual_ends_on" date;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "nominated_by" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "host_decision" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "host_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "host_decided_by" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "host_decline_reason" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "over_plan" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "over_plan_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "over_plan_approved_by" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "over_plan_reason" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_exceptions" ADD CONSTRAINT "eligibility_exceptions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_exceptions" ADD CONSTRAINT "eligibility_exceptions_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_documents" ADD CONSTRAINT "participant_documents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_documents" ADD CONSTRAINT "participant_documents_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_reports" ADD CONSTRAINT "participant_reports_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_reports" ADD CONSTRAINT "participant_reports_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_status_history" ADD CONSTRAINT "participant_status_history_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_status_history" ADD CONSTRAINT "participant_status_history_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_attendance_participant_idx" ON "course_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "course_enrolments_participant_idx" ON "course_enrolments" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "courses_programme_idx" ON "courses" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "courses_organisation_idx" ON "courses" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_exceptions_participant_problem_idx" ON "eligibility_exceptions" USING btree ("participant_id","problem");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_documents_participant_kind_idx" ON "participant_documents" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_reports_participant_kind_idx" ON "participant_reports" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE INDEX "participant_status_history_participant_idx" ON "participant_status_history" USING btree ("participant_id","at");--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_stage_id_partnership_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."partnership_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_plan_flow_id_plan_flows_id_fk" FOREIGN KEY ("plan_flow_id") REFERENCES "public"."plan_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_nominated_by_user_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_host_decided_by_user_id_fk" FOREIGN KEY ("host_decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_over_plan_approved_by_user_id_fk" FOREIGN KEY ("over_plan_approved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_plan_flow_idx" ON "participants" USING btree ("plan_flow_id");--> statement-breakpoint
CREATE INDEX "participants_email_idx" ON "participants" USING btree ("email");--> statement-breakpoint
CREATE INDEX "participants_birth_date_idx" ON "participants" USING btree ("birth_date");--> statement-breakpoint
-- ==== HAND-WRITTEN DATA MIGRATION: keep this block (after the generated statements) if this file is regenerated ====
-- Participants recorded before the lifecycle existed (issue 10). Their `starts_on`/`ends_on` keep their
-- meaning as the planned stay. Old status values are mapped onto the lifecycle; whatever is still outside it
-- is in placement while the planned stay lasts and completed after it.
UPDATE "participants" SET "status" = CASE "status"
  WHEN 'active' THEN 'in_placement' WHEN 'placed' THEN 'in_placement' WHEN 'on_placement' THEN 'in_placement'
  WHEN 'finished' THEN 'completed' WHEN 'done' THEN 'completed'
  WHEN 'cancelled' THEN 'withdrawn' WHEN 'canceled' THEN 'withdrawn'
  ELSE "status" END;--> statement-breakpoint
UPDATE "participants" SET "status" = CASE WHEN "ends_on" >= current_date THEN 'in_placement' ELSE 'completed' END
  WHERE "status" NOT IN ('nominated', 'approved', 'preparing', 'in_placement', 'returned', 'completed', 'alumni', 'withdrawn', 'ended_early');--> statement-breakpoint
-- They were placed without a nomination, so the host's acceptance is implied; a placement that began
-- began as planned, and one that is over ended as planned.
UPDATE "participants" SET "host_decision" = 'accepted' WHERE "status" <> 'nominated';--> statement-breakpoint
UPDATE "participants" SET "actual_starts_on" = "starts_on"
  WHERE "actual_starts_on" IS NULL AND "status" IN ('in_placement', 'returned', 'completed', 'alumni', 'ended_early');--> statement-breakpoint
UPDATE "participants" SET "actual_ends_on" = "ends_on"
  WHERE "actual_ends_on" IS NULL AND "status" IN ('returned', 'completed', 'alumni');--> statement-breakpoint
-- Their history starts with the status they had when the lifecycle arrived.
INSERT INTO "participant_status_history" ("participant_id", "from_status", "to_status", "reason", "actor_label", "at")
  SELECT "id", NULL, "status", NULL, 'system:migration-0009', "updated_at" FROM "participants";
-- ==== END OF HAND-WRITTEN DATA MIGRATION ====
