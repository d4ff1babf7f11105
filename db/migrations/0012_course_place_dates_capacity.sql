ALTER TABLE "courses" ADD COLUMN "place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "capacity" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "time_zone" text DEFAULT 'Europe/Oslo' NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;