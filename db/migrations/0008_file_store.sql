CREATE TABLE "stored_files" (
	"key" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Added without NOT NULL first (drizzle-kit wrote "ADD COLUMN ... NOT NULL"), so that existing rows can be filled below.
ALTER TABLE "application_attachments" ADD COLUMN "file_key" text;--> statement-breakpoint
-- >>> DATA MOVE (written by hand; keep it when this migration is regenerated, between the ADD COLUMN of
-- >>> "file_key" and the DROP COLUMN of "content"). Each existing attachment's bytes move into the database
-- >>> file store under the key "application-attachments/<the attachment's id>" (decision 010).
INSERT INTO "stored_files" ("key", "content", "content_type", "size_bytes", "created_at")
	SELECT 'application-attachments/' || "id"::text, "content", 'application/pdf', "size_bytes", "created_at" FROM "application_attachments" WHERE "file_key" IS NULL;--> statement-breakpoint
UPDATE "application_attachments" SET "file_key" = 'application-attachments/' || "id"::text WHERE "file_key" IS NULL;--> statement-breakpoint
ALTER TABLE "application_attachments" ALTER COLUMN "file_key" SET NOT NULL;--> statement-breakpoint
-- <<< END OF DATA MOVE
ALTER TABLE "application_attachments" DROP COLUMN "content";
