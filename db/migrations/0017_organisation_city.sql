ALTER TABLE "organisations" ADD COLUMN "city_id" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "matched_city_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_matched_city_whole" CHECK (("organisations"."city_id" is null) = ("organisations"."matched_city_name" is null) and ("organisations"."city_id" is null) = ("organisations"."latitude" is null) and ("organisations"."city_id" is null) = ("organisations"."longitude" is null));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_coordinates_on_earth" CHECK ("organisations"."latitude" between -90 and 90 and "organisations"."longitude" between -180 and 180);